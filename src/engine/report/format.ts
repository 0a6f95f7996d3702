/**
 * Number and wording formats of the report, as the reference report writes them:
 * 3410.44万元, 100%, 98.5%, 98分, “优”等级, 一是…二是…. No space between a number and the Chinese around it
 * (the spaces in the reference's text come from its PDF extraction).
 */
import { roundHalfUp } from '../rounding';

/** Up to `digits` decimals, trailing zeros dropped: 98 → "98", 97.50 → "97.5". */
export function formatNumber(x: number, digits = 2): string {
  const s = roundHalfUp(x, digits).toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Amount in 万元 with two decimals, converted from 元 when the money block is in 元. */
export function formatAmount(value: number, unit: '万元' | '元'): string {
  const wan = unit === '元' ? value / 10000 : value;
  return `${roundHalfUp(wan, 2).toFixed(2)}万元`;
}

/** A fraction as a percentage with up to two decimals: 1 → "100%", 0.985 → "98.5%". */
export function formatRate(fraction: number): string {
  return `${formatNumber(fraction * 100, 2)}%`;
}

/** The total score: 98 → "98分". */
export function formatPoints(x: number): string {
  return `${formatNumber(x, 2)}分`;
}

/** A score or weight inside a sentence: 5 → "5分", 3.5 → "3.5分". */
export function points(x: number): string {
  return `${formatNumber(x, 2)}分`;
}

/** 优 → “优”等级. */
export function gradePhrase(grade: string): string {
  return `“${grade}”等级`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (enough for any list in a report). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  return String(n);
}

/** Removes trailing sentence punctuation so that a clause can be embedded in a sentence. */
export function clause(text: string): string {
  return text.trim().replace(/[。；;，,、.\s]+$/u, '');
}

/** Ends a text as a sentence (adds 。 unless it already ends with closing punctuation). */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  return /[。！？”』」）)]$/u.test(t) ? t : `${clause(t)}。`;
}

/**
 * Clauses numbered the 公文 way: one item is written as is; several as 一是…；二是….
 * `separator` is '；' inside one sentence, '。' for one sentence per item.
 */
export function enumerate(items: string[], separator: '；' | '。' = '；'): string {
  const clean = items.map(clause).filter((s) => s.length > 0);
  if (clean.length === 1) return clean[0];
  return clean.map((s, i) => `${chineseNumber(i + 1)}是${s}`).join(separator);
}

/** Names listed with 、: ["甲", "乙"] → “甲”、“乙”. */
export function quotedList(names: string[]): string {
  return names.map((n) => `“${n}”`).join('、');
}

/** 【请填写：部门职能】: what the user must still write. */
export function placeholder(what: string): string {
  return `【请填写：${what}】`;
}

/** 【待表格无错误后生成：总分、等级】: what the draft gives once the table's errors are fixed and it is recalculated. */
export function pendingPlaceholder(what: string): string {
  return `【待表格无错误后生成：${what}】`;
}

/** The placeholder for a missing 偏差原因. */
export const REASON_PLACEHOLDER = placeholder('偏差原因');

/** Multi-line material text to paragraphs (blank lines dropped). */
export function paragraphsOf(text: string | undefined | null): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A cell's text on one line, for a word wrapped in its cell: line breaks are dropped. */
export function flat(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, '').trim();
}

/** Lines of a cell joined into one sentence: a line break becomes ；, unless the line already ended a clause. */
export function joinLines(text: string): string {
  return text
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .reduce((acc, line) => (acc === '' ? line : /[。；;，,：:、]$/.test(acc) ? acc + line : `${acc}；${line}`), '');
}
