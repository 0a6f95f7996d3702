/**
 * Text normalisation (spec §3): full-width and small-form characters are the same as half-width, as Unicode NFKC
 * maps them, and ≧/≦ are ≥/≤. Only those mappings: full NFKC would also turn 万㎡ into 万m2 and …… into ......,
 * and String.prototype.normalize is missing in the Internet Explorer web view of Office 2016.
 */
import type { CellValue } from './grid';

/** Full-width ASCII (！…～), the ideographic space, the small form variants (﹦﹤﹥﹪…) and ≧≦. */
const WIDE = /[\uff01-\uff5e\u3000\ufe50-\ufe6b\u2266\u2267]/;
const WIDE_ALL = /[\uff01-\uff5e\u3000\ufe50-\ufe6b\u2266\u2267]/g;

/** NFKC of the small form variants U+FE50–U+FE6B (U+FE53 and U+FE67 are unassigned and stay as they are). */
const SMALL_FORMS = ',、.\ufe53;:?!\u2014(){}\u3014\u3015#&*+-<>=\ufe67\\$%@';

function narrow(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x3000) return ' ';
  if (c === 0x2266) return '≤';
  if (c === 0x2267) return '≥';
  if (c >= 0xfe50 && c <= 0xfe6b) return SMALL_FORMS[c - 0xfe50];
  return String.fromCharCode(c - 0xfee0);
}

export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  return s.replace(WIDE_ALL, narrow);
}

/** A cell as display text (numbers in JS form), trimmed. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  return String(v);
}

/** For label matching: half-width, no whitespace at all, parentheses unified. */
const NEEDS_KEYING = /[\s\uff01-\uff5e\u3000（）]/;

export function labelKey(v: CellValue | undefined): string {
  const t = cellText(v);
  if (!NEEDS_KEYING.test(t)) return t;
  return toHalfWidth(t).replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

const ERROR_VALUE = /^#(?:DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/** Excel error values as Office.js shows them ('#DIV/0!'). */
export function isErrorValue(v: CellValue | undefined): boolean {
  return typeof v === 'string' && ERROR_VALUE.test(v.trim());
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
