/** Text normalisation: full-width forms are the same as half-width (spec §3). */
import type { CellValue } from './grid';

/** Full-width ASCII (！…～) and the ideographic space to half-width; other characters unchanged. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** A cell as display text (numbers in JS form), trimmed. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  return String(v);
}

/** For label matching: half-width, no whitespace at all, parentheses unified. */
export function labelKey(v: CellValue | undefined): string {
  return toHalfWidth(cellText(v))
    .replace(/\s+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')');
}

const ERROR_VALUE = /^#(?:DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/** Excel error values as Office.js shows them ('#DIV/0!'). */
export function isErrorValue(v: CellValue | undefined): boolean {
  return typeof v === 'string' && ERROR_VALUE.test(v.trim());
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
