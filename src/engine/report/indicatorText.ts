/** How one indicator row is told in the report: its target, its actual, its deviation reason. */
import type { IndicatorResult } from '../types';
import { clause, formatNumber, formatRate, halfWidth } from './format';

const COMPARATOR_WORDS: [RegExp, string][] = [
  [/^(>=|≥|⩾|不低于|不少于|大于等于|大于或等于)\s*/, '不低于'],
  [/^(<=|≤|⩽|不高于|不超过|不多于|小于等于|小于或等于)\s*/, '不高于'],
  [/^(>|大于|高于|超过)\s*/, '高于'],
  [/^(<|小于|低于)\s*/, '低于'],
  [/^(=|等于)\s*/, ''],
];

const NUMERIC_START = /^[-+]?\d/;
const PURE_NUMBER = /^[-+]?\d+(\.\d+)?$/;

interface SplitTarget {
  word: string | null;
  rest: string;
}

function splitComparator(text: string): SplitTarget {
  for (const [re, word] of COMPARATOR_WORDS) {
    const m = re.exec(text);
    if (m) return { word, rest: text.slice(m[0].length).trim() };
  }
  return { word: null, rest: text };
}

/** The comparator the 指标性质 column states, as a word ('' for =; null when none). */
function natureWord(nature: string): string | null {
  const n = halfWidth(nature.trim());
  if (!n) return null;
  return splitComparator(n).word;
}

/** ≥95% → 不低于95%; 制度健全 → “制度健全”; '' when the target is empty. */
export function targetPhrase(targetText: string, natureText = ''): string {
  const raw = targetText.trim();
  if (!raw) return '';
  const t = halfWidth(raw).replace(/\s+/g, '');
  const { word, rest } = splitComparator(t);
  if (!NUMERIC_START.test(rest)) return `“${raw}”`;
  const w = word ?? natureWord(natureText) ?? '';
  return `${w}${rest}`;
}

/** Numeric value and unit of a target ('95%' → {95,'%'}), null when qualitative. */
function targetQuantity(targetText: string): { value: number; unit: string } | null {
  const { rest } = splitComparator(halfWidth(targetText.trim()).replace(/\s+/g, ''));
  const m = /^([-+]?\d+(?:\.\d+)?)(.*)$/.exec(rest);
  return m ? { value: Number(m[1]), unit: m[2] } : null;
}

/**
 * The actual as the report shows it. A bare number in a percentage row is read as the spec reads it
 * (0.96 → 96%, 96 → 96%); a bare number in a row with a unit gets the unit (2 → 2次).
 */
export function actualPhrase(ind: IndicatorResult, budgetRate: number | null): string {
  if (ind.method === '预算完成率' && budgetRate !== null) return formatRate(budgetRate);
  const raw = ind.actualText.trim();
  if (!raw) return '';
  const a = halfWidth(raw).replace(/\s+/g, '');
  if (!PURE_NUMBER.test(a)) return NUMERIC_START.test(a) ? a : `“${raw}”`;
  const n = Number(a);
  const target = targetQuantity(ind.targetText);
  if (target && target.unit === '%') {
    const asPercent = Math.abs(n) <= 1.5 && target.value > 1.5 ? n * 100 : n;
    return `${formatNumber(asPercent, 2)}%`;
  }
  return target ? `${formatNumber(n, 2)}${target.unit}` : formatNumber(n, 2);
}

/** 年度指标值为不低于95%，实际完成90% (or 实际完成情况为“…” for words). */
export function outcomePhrase(ind: IndicatorResult, natureText: string, budgetRate: number | null): string {
  const target = targetPhrase(ind.targetText, natureText);
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
