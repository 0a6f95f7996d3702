/** How one indicator row is told in the report: its target, its actual, its deviation reason. */
import type { Comparator, IndicatorResult } from '../types';
import { clause, formatNumber, formatRate } from './format';

/** How the report words a comparison: ≥ → 不低于. */
const COMPARATOR_WORDS: Record<Comparator, string> = { '>=': '不低于', '<=': '不高于', '>': '高于', '<': '低于', '=': '' };

/**
 * The target as the report shows it: from the engine's reading of the row (≥95% → 不低于95%), so the report never
 * reads a cell differently from the scoring; a qualitative or unreadable target is quoted as written.
 */
export function targetPhrase(ind: IndicatorResult): string {
  if (ind.reading) {
    const word = ind.reading.stated ? COMPARATOR_WORDS[ind.reading.comparator] : '';
    return `${word}${formatNumber(ind.reading.target, 2)}${ind.reading.unit}`;
  }
  const raw = ind.targetText.trim();
  return raw ? `“${raw}”` : '';
}

/** The actual as scored (0.96 in a % row → 96%); words are quoted as written. */
export function actualPhrase(ind: IndicatorResult, budgetRate: number | null): string {
  if (ind.method === '预算完成率' && budgetRate !== null) return formatRate(budgetRate);
  if (ind.reading) return `${formatNumber(ind.reading.actual, 2)}${ind.reading.unit}`;
  const raw = ind.actualText.trim();
  return raw ? `“${raw}”` : '';
}

/** 年度指标值为不低于95%，实际完成90% (or 实际完成情况为“…” for words). */
export function outcomePhrase(ind: IndicatorResult, budgetRate: number | null): string {
  const target = targetPhrase(ind);
  const actual = actualPhrase(ind, budgetRate);
  const parts: string[] = [];
  if (target) parts.push(`年度指标值为${target}`);
  if (!actual) parts.push('实际完成值未填写');
  else if (actual.startsWith('“')) parts.push(`实际完成情况为${actual}`);
  else parts.push(`实际完成${actual}`);
  return parts.join('，');
}

/** Words that, alone in a reason cell, mean "no reason given". */
const EMPTY_REASON = /^(无|没有|暂无|\/|—+|-+|－+|不适用|无偏差|\s*)$/;

const MEASURE_MARKER = /(下一步|改进措施|整改措施|今后)/;

/**
 * A 偏差原因分析及改进措施 cell split into its cause and its measure:
 * “个别项目受采购流程影响，支出进度不均衡；下一步加强支出进度跟踪管理。” →
 * cause “个别项目受采购流程影响，支出进度不均衡”, measure “加强支出进度跟踪管理”.
 */
export function splitReason(reason: string): { cause: string; measure: string } {
  const r = reason.trim();
  if (EMPTY_REASON.test(r)) return { cause: '', measure: '' };
  const m = MEASURE_MARKER.exec(r);
  const before = m ? r.slice(0, m.index) : r;
  const after = m ? r.slice(m.index) : '';
  const cause = clause(before.replace(/^(偏差原因分析|偏差原因|未完成原因|主要原因是|主要原因为|主要原因|原因)[:：是为]?/, ''));
  const measure = clause(after.replace(/^(下一步|改进措施|整改措施|今后)[:：]?/, '').replace(/^(将|要|拟|我单位将|本单位将)/, ''));
  return { cause, measure };
}
