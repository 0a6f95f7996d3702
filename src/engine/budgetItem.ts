/**
 * The budget item when the money block carries its weight (a 分值/权重 column, or 得分（20分*执行率） in a label) and
 * the indicator table has no 预算完成率 row: 分值 × min(rate, 100%), or the bands setting (spec §4).
 */
import type { IndicatorResult, Issue, TableModel } from './types';
import type { Settings } from './settings';
import { issue } from './issues';
import { weightProblem } from './indicator';
import { roundHalfUp, roundScore } from './rounding';
import { scoreBudget } from './scoring';

const fmt2 = (x: number): string => roundHalfUp(x, 2).toFixed(2);
const n4 = (x: number): string => String(roundHalfUp(x, 4));

export function budgetItem(table: TableModel, rate: number | null, settings: Settings, sheet: string, issues: Issue[]): IndicatorResult {
  const money = table.money!;
  const weight = money.weight!;
  const cells = { name: money.total?.cell ?? '', weight: money.weightCell ?? '', target: '', actual: money.total?.rateCell ?? '', score: money.scoreCell ?? '', reason: '' };
  let computed: number | null = null;
  let explanation = '未计分';
  const bad = weightProblem(weight, money.weightCell ?? '', sheet, settings);
  if (bad) issues.push(bad);
  else if (rate === null) issues.push(issue('budgetRateMissing', sheet, money.weightCell ?? money.total?.cell ?? ''));
  else {
    computed = roundScore(scoreBudget(weight, rate, settings), settings.rounding);
    explanation = `预算完成率：${fmt2(rate * 100)}%，${settings.budgetRule === 'linear' ? `${n4(weight)}×min(${fmt2(rate * 100)}%，100%)` : '按分档'}＝${fmt2(computed)}`;
  }
  const row = money.total?.row ?? money.rows[0]?.row ?? money.headerRow;
  return {
    row, level1: '预算执行情况', level2: '', name: '预算完成率', weight,
    targetText: '100%', actualText: rate === null ? '' : `${fmt2(rate * 100)}%`, reason: '',
    method: computed === null ? '未计分' : '预算完成率', computed, score: computed, manual: null, tier: null, explanation, lostPoints: false, cells,
    reading: rate === null ? null : { comparator: '>=', stated: false, target: 100, actual: rate * 100, unit: '%' },
    columns: { name: -1, weight: -1, target: -1, actual: -1, score: -1, reason: -1 },
  };
}
