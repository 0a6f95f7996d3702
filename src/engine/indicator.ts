/**
 * Scoring one indicator row: read its weight, target and actual, pick the rule (正向, 反向, 等于, 定性,
 * 预算完成率) and compute the rounded score, with an explanation and the issues the row raises.
 */
import type { Issue, IndicatorResult, IndicatorRow, ScoreMethod, TierKey } from './types';
import type { Settings } from './settings';
import type { SheetView } from './sheetView';
import { issue } from './issues';
import { alignQuantities, readActual, readNature, readNumber, readTarget, showQuantity } from './quantity';
import { methodOf, scoreBudget, scoreByComparator, scoreQualitative } from './scoring';
import { selectTier, tierName } from './qualitative';
import { percentText, roundHalfUp, roundScore } from './rounding';
import { isBudgetIndicator } from './locate';
import { PERCENT_POINT_TOLERANCE } from './tolerance';

export interface RowScore {
  weight: number | null;
  method: ScoreMethod;
  /** Rounded score by the rules; null when the row cannot be scored. */
  computed: number | null;
  tier: TierKey | null;
  explanation: string;
  /** The budget rate to write into an empty 实际完成值 of the budget item (fraction). */
  fillActual: number | null;
  reading: IndicatorResult['reading'];
  issues: Issue[];
}

export interface RowContext {
  sheet: string;
  settings: Settings;
  /** The total budget completion rate (fraction), or null when it could not be computed. */
  budgetRate: number | null;
  /** The budget item's 实际完成值 holds the rate we wrote last time: refill it rather than compare. */
  actualIsOurs?: boolean;
}

const fmt2 = (x: number): string => roundHalfUp(x, 2).toFixed(2);
const num = (x: number): string => String(roundHalfUp(x, 4));

function at(view: SheetView, row: number, col: number): { v: ReturnType<SheetView['raw']>; f: string } {
  if (col < 0) return { v: null, f: 'General' };
  return { v: view.raw(row, col), f: view.numberFormat(row, col) };
}

/**
 * A weight that cannot be scored: zero or negative, or one indicator worth more than the whole table (a typo such
 * as 1000 for 10) — never scored as if it were right.
 */
export function weightProblem(weight: number, cell: string, sheet: string, settings: Settings): Issue | null {
  if (weight <= 0) return issue('weightNotPositive', sheet, cell, { text: num(weight) });
  if (weight > settings.weightTotal + 1e-9) return issue('weightTooLarge', sheet, cell, { text: num(weight), total: num(settings.weightTotal) });
  return null;
}

export function scoreRow(row: IndicatorRow, view: SheetView, ctx: RowContext): RowScore {
  const issues: Issue[] = [];
  const { sheet, settings } = ctx;
  const out = (partial: Partial<RowScore>): RowScore => ({
    weight: partial.weight ?? null,
    method: partial.method ?? '未计分',
    computed: partial.computed ?? null,
    tier: partial.tier ?? null,
    explanation: partial.explanation ?? '未计分',
    fillActual: partial.fillActual ?? null,
    reading: partial.reading ?? null,
    issues,
  });

  let weight: number;
  if (row.columns.weight < 0) {
    // No 分值 column: the weight the labels give (the table-level issue says when none does).
    if (row.labelWeight === null) return out({});
    weight = row.labelWeight;
  } else {
    const w = at(view, row.row, row.columns.weight);
    const wr = readNumber(w.v, 'General');
    if (!wr.ok) {
      issues.push(issue('weightUnreadable', sheet, row.cells.weight || row.cells.name, { text: wr.text || '（空）' }));
      return out({});
    }
    weight = wr.quantity.value;
  }
  const bad = weightProblem(weight, row.cells.weight, sheet, settings);
  if (bad) {
    issues.push(bad);
    return out({ weight });
  }

  if (isBudgetIndicator(row.name)) return scoreBudgetRow(row, view, ctx, weight, issues);

  const nature = readNature(row.natureText);
  const t = at(view, row.row, row.columns.target);
  const target = readTarget(t.v, t.f);
  const a = at(view, row.row, row.columns.actual);
  const actual = readActual(a.v, a.f);

  if (target.kind === 'blank') issues.push(issue('targetBlank', sheet, row.cells.target || row.cells.name));
  else if (target.kind === 'error') issues.push(issue('targetError', sheet, row.cells.target, { text: target.text }));
  else if (target.kind === 'unknownSign') issues.push(issue('unknownSign', sheet, row.cells.target, { text: target.text }));
  if (target.kind === 'blank' || target.kind === 'error' || target.kind === 'unknownSign') return out({ weight });

  const qualitative = nature === 'qualitative' || target.kind === 'qualitative';
  if (qualitative) {
    if (target.kind === 'qualitative' && nature !== null && nature !== 'qualitative') {
      issues.push(issue('targetNoNumber', sheet, row.cells.target, { nature: row.natureText, text: target.text }));
      return out({ weight });
    }
    return scoreQualitativeRow(row, ctx, weight, actual, issues);
  }
  if (target.kind !== 'numeric') return out({ weight });

  const actualCell = row.cells.actual || row.cells.name;
  if (actual.kind === 'blank') issues.push(issue('actualBlank', sheet, actualCell));
  else if (actual.kind === 'error') issues.push(issue('actualError', sheet, actualCell, { text: actual.text }));
  else if (actual.kind === 'unreadable') issues.push(issue('actualUnreadable', sheet, actualCell, { text: actual.text }));
  else if (actual.kind === 'qualitative') {
    const example = target.quantity.unit === '%' ? '96%' : `${num(target.quantity.value)}${target.quantity.unit}`;
    issues.push(issue('actualNotNumeric', sheet, actualCell, { text: actual.text, target: row.targetText, example }));
  }
  if (actual.kind !== 'numeric') return out({ weight });
  if (actual.signed) issues.push(issue('signedActual', sheet, actualCell, { text: row.actualText, value: showQuantity(actual.quantity) }));

  const comparator = target.signWritten || nature === null ? target.comparator : nature;
  const al = alignQuantities(target, actual, row.unitText);
  for (const note of al.notes) issues.push(issue('ambiguousReading', sheet, actualCell, { note }));
  if (al.unitMismatch) {
    issues.push(issue('unitMismatch', sheet, actualCell, { targetUnit: target.quantity.unit || row.unitText || '无', actualUnit: actual.quantity.unit || '无' }));
  }
  const method = methodOf(comparator);
  const raw = scoreByComparator(comparator, weight, al.target, al.actual);
  const computed = roundScore(raw, settings.rounding);
  const show = (x: number): string => `${num(x)}${al.unit}`;
  const full = computed >= weight - 1e-9;
  const explanation = full
    ? `${method}：实际 ${show(al.actual)}，目标 ${row.targetText || show(al.target)}，达到目标，得满分 ${num(weight)}`
    : method === '正向' || method === '等于'
      ? `${method}：实际 ${show(al.actual)} 未达到目标 ${row.targetText || show(al.target)}，${num(weight)}×${num(al.actual)}÷${num(al.target)}＝${fmt2(computed)}`
      : `${method}：实际 ${show(al.actual)} 超过目标 ${row.targetText || show(al.target)}，${al.actual >= 2 * al.target ? `达到目标的 2 倍及以上，得 0 分` : `${num(weight)}×（1－（${num(al.actual)}－${num(al.target)}）÷${num(al.target)}）＝${fmt2(computed)}`}`;
  if ((method === '正向' || method === '等于') && al.target > 0 && al.actual >= al.target * settings.overAchievement - 1e-9) {
    issues.push(issue('overAchievement', sheet, actualCell, { actual: show(al.actual), target: show(al.target), ratio: `${Math.round(settings.overAchievement * 100)}%` }));
  }
  return out({ weight, method, computed, explanation, reading: { comparator, stated: target.signWritten || nature !== null, target: al.target, actual: al.actual, unit: al.unit } });
}

function scoreQualitativeRow(
  row: IndicatorRow, ctx: RowContext, weight: number, actual: ReturnType<typeof readActual>, issues: Issue[],
): RowScore {
  const { sheet, settings } = ctx;
  const base = { weight, method: '定性' as ScoreMethod, computed: null, tier: null, explanation: '未计分', fillActual: null, reading: null, issues };
  const actualCell = row.cells.actual || row.cells.name;
  if (actual.kind === 'blank') {
    issues.push(issue('actualBlank', sheet, actualCell));
    return base;
  }
  if (actual.kind === 'error') {
    issues.push(issue('actualError', sheet, actualCell, { text: actual.text }));
    return base;
  }
  const text = actual.kind === 'numeric' ? showQuantity(actual.quantity) : actual.text;
  const tier = selectTier(text, settings, row.targetText);
  if (!tier) {
    issues.push(issue('tierUnknown', sheet, actualCell, { text }));
    return base;
  }
  const t = settings.tiers.find((x) => x.key === tier)!;
  const computed = roundScore(scoreQualitative(weight, tier, settings), settings.rounding);
  const explanation = `定性：“${text}”属于“${tierName(tier, settings)}”档（${fmt2(weight * t.band[0])}–${fmt2(weight * t.band[1])} 分），按默认 ${Math.round(t.default * 100)}% 得 ${fmt2(computed)}`;
  return { ...base, computed, tier, explanation };
}

function scoreBudgetRow(row: IndicatorRow, view: SheetView, ctx: RowContext, weight: number, issues: Issue[]): RowScore {
  const { sheet, settings, budgetRate } = ctx;
  const base = { weight, method: '预算完成率' as ScoreMethod, computed: null, tier: null, explanation: '未计分', fillActual: null, reading: null, issues };
  if (budgetRate === null) {
    issues.push(issue('budgetRateMissing', sheet, row.cells.actual || row.cells.name));
    return base;
  }
  const a = at(view, row.row, row.columns.actual);
  const actual = readActual(a.v, a.f);
  let fillActual: number | null = null;
  if (actual.kind === 'blank' || ctx.actualIsOurs) fillActual = budgetRate;
  else {
    const typed = actual.kind === 'numeric' ? (actual.quantity.unit === '%' ? actual.quantity.value : actual.quantity.value <= 2 ? actual.quantity.value * 100 : actual.quantity.value) : NaN;
    if (!(Math.abs(typed - budgetRate * 100) < PERCENT_POINT_TOLERANCE)) {
      issues.push(issue('budgetActualDiffers', sheet, row.cells.actual, { text: row.actualText, rate: percentText(budgetRate) }));
    }
  }
  const computed = roundScore(scoreBudget(weight, budgetRate, settings), settings.rounding);
  const reading = { comparator: '>=' as const, stated: false, target: 100, actual: budgetRate * 100, unit: '%' };
  const rule = settings.budgetRule === 'linear' ? `${num(weight)}×min(${percentText(budgetRate)}，100%)` : '按分档';
  const explanation = `预算完成率：全年执行数÷全年预算数＝${percentText(budgetRate)}，${rule}＝${fmt2(computed)}`;
  return { ...base, computed, explanation, fillActual, reading };
}
