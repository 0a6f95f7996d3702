/** Text normalisation: full-width forms are the same as half-width (spec §3). */
import type { CellValue } from './grid';

/** Full-width ASCII (！…～) and the ideographic space to half-width; other characters unchanged. */
const WIDE = /[\uff01-\uff5e\u3000]/;
const WIDE_ALL = /[\uff01-\uff5e\u3000]/g;

export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  return s.replace(WIDE_ALL, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
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
