/**
 * Reading targets and actuals (spec §3): comparisons, Chinese comparators, units, full-width characters,
 * percentages as formatted numbers, as text or as bare numbers. Reading never throws; what cannot be read is
 * returned as a failure for the caller to turn into an issue.
 */
import type { CellValue } from './grid';
import type { Comparator, Quantity } from './types';
import { isBlank, isErrorValue, toHalfWidth } from './text';

/** Longest first, so that 大于等于 wins over 大于. */
const PREFIX_COMPARATORS: [string, Comparator][] = (
  [
    ['大于或等于', '>='], ['大于等于', '>='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['至少', '>='],
    ['达到', '>='], ['>=', '>='], ['=>', '>='], ['≥', '>='], ['≧', '>='],
    ['小于或等于', '<='], ['小于等于', '<='], ['不高于', '<='], ['不超过', '<='], ['不多于', '<='], ['不大于', '<='],
    ['最多', '<='], ['控制在', '<='], ['<=', '<='], ['=<', '<='], ['≤', '<='], ['≦', '<='],
    ['大于', '>'], ['高于', '>'], ['超过', '>'], ['多于', '>'], ['>', '>'],
    ['小于', '<'], ['低于', '<'], ['少于', '<'], ['<', '<'],
    ['等于', '='], ['==', '='], ['=', '='],
  ] as [string, Comparator][]
).sort((a, b) => b[0].length - a[0].length);

/** The prefix comparators by their first character, so that most targets test two or three, not all. */
const PREFIX_BY_FIRST = new Map<string, [string, Comparator][]>();
for (const p of PREFIX_COMPARATORS) {
  const list = PREFIX_BY_FIRST.get(p[0][0]);
  if (list) list.push(p);
  else PREFIX_BY_FIRST.set(p[0][0], [p]);
}
const NONE: [string, Comparator][] = [];

const SUFFIX_COMPARATORS: [string, Comparator][] = [
  ['及以上', '>='], ['以上', '>='], ['及以下', '<='], ['以下', '<='], ['以内', '<='],
];

/** A unit is short and holds no digit: %, ‰, 次, 个, 万元, 人次, 天 … */
const UNIT = /^[^\d.+-]{0,4}$/;
/** Words that make a number approximate (100万元左右, 100余人): such a value is not read as a number. */
const HEDGE = /左右|约|余|多|近|超|以上|以下|以内|上下|[~～?？]/;

/** Nature column: ≥ / ≤ / = / 定性 … → comparator or 'qualitative'; null when blank or unknown. */
export function readNature(text: string): Comparator | 'qualitative' | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  if (!t) return null;
  if (t.includes('定性')) return 'qualitative';
  if (t === '正向' || t.includes('正向')) return '>=';
  if (t === '反向' || t.includes('反向')) return '<=';
  for (const [w, c] of PREFIX_COMPARATORS) if (t === w) return c;
  if (t.includes('定量')) return null;
  return null;
}

export type NumberRead =
  | { ok: true; quantity: Quantity; form: 'format%' | 'text' | 'bare' }
  | { ok: false; reason: 'blank' | 'error' | 'text' | 'boolean'; text: string };

/** Text needing no normalisation (digits, CJK, half-width signs): most targets and actuals, read fast. */
const PLAIN = /^[\d.%+\-\u4e00-\u9fa5≥≤<>=]*$/;

function clean(s: string): string {
  if (PLAIN.test(s)) return s;
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/％/g, '%');
}

/** '96%', '2次', '3410.44', '90万元' → quantity; anything else fails. */
export function parseQuantityText(s: string): Quantity | null {
  const t = clean(s);
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/.exec(t);
  if (!m) return null;
  const unit = m[2];
  if (!UNIT.test(unit) || HEDGE.test(unit) || (unit.includes('%') && unit !== '%')) return null;
  const value = Number(m[1]);
  if (!Number.isFinite(value)) return null;
  return { value, unit };
}

/** A number cell or number text. Percent-formatted numbers become percentage points (0.96 → 96 %). */
export function readNumber(v: CellValue, numberFormat: string): NumberRead {
  if (isBlank(v)) return { ok: false, reason: 'blank', text: '' };
  // Shown as Excel shows it.
  if (typeof v === 'boolean') return { ok: false, reason: 'boolean', text: v ? 'TRUE' : 'FALSE' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, reason: 'error', text: String(v) };
    if (numberFormat.includes('%')) return { ok: true, quantity: { value: v * 100, unit: '%' }, form: 'format%' };
    return { ok: true, quantity: { value: v, unit: '' }, form: 'bare' };
  }
  const text = String(v).trim();
  if (isErrorValue(text)) return { ok: false, reason: 'error', text };
  const q = parseQuantityText(text);
  if (!q) return { ok: false, reason: 'text', text };
  return { ok: true, quantity: q, form: q.unit ? 'text' : 'bare' };
}

export type TargetRead =
  | { kind: 'numeric'; comparator: Comparator; signWritten: boolean; quantity: Quantity; form: 'format%' | 'text' | 'bare' }
  | { kind: 'qualitative'; text: string }
  | { kind: 'blank' }
  | { kind: 'error'; text: string }
  | { kind: 'unknownSign'; text: string };

/** A target cell: a comparison and a quantity, or qualitative words. */
export function readTarget(v: CellValue, numberFormat: string): TargetRead {
  if (isBlank(v)) return { kind: 'blank' };
  if (typeof v === 'number' || typeof v === 'boolean') {
    const n = readNumber(v, numberFormat);
    if (n.ok) return { kind: 'numeric', comparator: '>=', signWritten: false, quantity: n.quantity, form: n.form };
    return { kind: 'error', text: n.text };
  }
  const raw = String(v).trim();
  if (isErrorValue(raw)) return { kind: 'error', text: raw };
  let t = clean(raw);
  if (!/\d/.test(t)) return { kind: 'qualitative', text: raw };
  let comparator: Comparator | null = null;
  for (const [w, c] of PREFIX_BY_FIRST.get(t[0]) ?? NONE) {
    if (t.startsWith(w)) {
      comparator = c;
      t = t.slice(w.length);
      break;
    }
  }
  for (const [w, c] of SUFFIX_COMPARATORS) {
    if (t.endsWith(w)) {
      if (!comparator) comparator = c;
      t = t.slice(0, -w.length);
      break;
    }
  }
  const q = parseQuantityText(t);
  if (q) {
    return { kind: 'numeric', comparator: comparator ?? '>=', signWritten: comparator !== null, quantity: q, form: q.unit ? 'text' : 'bare' };
  }
  // A short unknown prefix before a clean quantity (≈95%, 约100, ~2次) is a sign we cannot read.
  const m = /^(.{1,2}?)([+-]?\d[\d.]*.*)$/.exec(t);
  if (m && !comparator && parseQuantityText(m[2])) return { kind: 'unknownSign', text: raw };
  // After a sign, more symbols before the quantity (≥≥95%, ≥≈95%) are a sign we cannot read either, not words.
  if (m && comparator && /^[^\p{L}\p{N}]+$/u.test(m[1]) && parseQuantityText(m[2])) return { kind: 'unknownSign', text: raw };
  // Digits inside longer words ("12月底前完成") are a qualitative target.
  return { kind: 'qualitative', text: raw };
}

export type ActualRead =
  /** `signed`: written with the target's sign (≥266米): the actual is at least (at most) that number (§3). */
  | { kind: 'numeric'; quantity: Quantity; form: 'format%' | 'text' | 'bare'; signed?: Comparator }
  | { kind: 'qualitative'; text: string }
  | { kind: 'blank' }
  | { kind: 'error'; text: string }
  /** Holds digits but is not a clean number (约100, 100万元左右): never guessed. */
  | { kind: 'unreadable'; text: string };

export function readActual(v: CellValue, numberFormat: string): ActualRead {
  const n = readNumber(v, numberFormat);
  if (n.ok) return { kind: 'numeric', quantity: n.quantity, form: n.form };
  if (n.reason === 'blank') return { kind: 'blank' };
  if (n.reason === 'error') return { kind: 'error', text: n.text };
  const text = n.text;
  if (/\d/.test(toHalfWidth(text))) {
    // Written with a sign, as targets are (≥90%, 不低于95%): the number, and the sign it was written with.
    const t = readTarget(text, numberFormat);
    if (t.kind === 'numeric' && t.signWritten) return { kind: 'numeric', quantity: t.quantity, form: t.form, signed: t.comparator };
    return { kind: 'unreadable', text };
  }
  return { kind: 'qualitative', text };
}

/** Chinese display of a quantity: 96% / 2次 / 3410.44. */
export function showQuantity(q: Quantity): string {
  const v = Math.round(q.value * 10000) / 10000;
  return `${v}${q.unit}`;
}

export type Aligned = { target: number; actual: number; unit: string; notes: string[]; unitMismatch: boolean };

const SCALE: Record<string, number> = { '元': 1, '万元': 10000, '亿元': 100000000 };

/**
 * Puts target and actual on one scale. In a percent row (a % on either side or in the unit column) a bare
 * number ≤ 2 reads as a fraction (0.96 → 96 %) and a larger one as points (96 → 96 %); the note says which.
 */
export function alignQuantities(
  target: { quantity: Quantity; form: string },
  actual: { quantity: Quantity; form: string },
  unitColumn: string,
): Aligned {
  const unitCol = toHalfWidth(unitColumn).trim();
  const percentRow = target.quantity.unit === '%' || actual.quantity.unit === '%' || unitCol === '%';
  const notes: string[] = [];
  if (percentRow) {
    // Only the unit column says %: bare numbers are percentage points as written (2 and 2.5, 95 and 96), unless one
    // is plainly a fraction beside points (0.96 beside 95), which is read below.
    const t = target.quantity, a = actual.quantity;
    const fractionBesidePoints = (x: number, y: number): boolean => Math.abs(x) <= 1.5 && Math.abs(y) >= 10;
    if (t.unit === '' && a.unit === '' && !fractionBesidePoints(t.value, a.value) && !fractionBesidePoints(a.value, t.value)) {
      return { target: t.value, actual: a.value, unit: '%', notes, unitMismatch: false };
    }
    const side = (q: { quantity: Quantity; form: string }, label: string): number => {
      if (q.quantity.unit === '%') return q.quantity.value;
      if (q.quantity.unit === '' && Math.abs(q.quantity.value) <= 2) {
        const pts = q.quantity.value * 100;
        notes.push(`${label}“${q.quantity.value}”按 ${Math.round(pts * 100) / 100}% 理解`);
        return pts;
      }
      return q.quantity.value;
    };
    const mismatch =
      (target.quantity.unit !== '' && target.quantity.unit !== '%') || (actual.quantity.unit !== '' && actual.quantity.unit !== '%');
    return { target: side(target, '目标值'), actual: side(actual, '实际完成值'), unit: '%', notes, unitMismatch: mismatch };
  }
  const tu = target.quantity.unit || unitCol;
  const au = actual.quantity.unit || unitCol;
  if (tu && au && tu !== au) {
    if (SCALE[tu] && SCALE[au]) {
      return { target: target.quantity.value, actual: (actual.quantity.value * SCALE[au]) / SCALE[tu], unit: tu, notes: [`实际完成值已由${au}换算为${tu}`], unitMismatch: false };
    }
    return { target: target.quantity.value, actual: actual.quantity.value, unit: tu, notes, unitMismatch: true };
  }
  return { target: target.quantity.value, actual: actual.quantity.value, unit: tu || au, notes, unitMismatch: false };
}
