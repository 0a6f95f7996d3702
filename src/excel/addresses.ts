/** A1 addresses as Office.js gives them ('Sheet'!A1:B2, area lists), turned into what the engine takes. */
import { parseRange } from '../engine';

/** The local part of 'Sheet!A1:B2' or "'My sheet'!A1". */
function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

/** Top-left cell of an address, 0-based (the engine's parser: one place for A1 addresses). */
export function topLeft(address: string): { row: number; col: number } {
  const r = parseRange(localAddress(address));
  return { row: r.top, col: r.left };
}

/** 'S!A1:B2, S!C3:D4' (RangeAreas.address) → ['A1:B2', 'C3:D4']; commas inside quoted sheet names are kept. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (cur.trim()) out.push(localAddress(cur.trim()));
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(localAddress(cur.trim()));
  return out;
}

/** '部门整体支出绩效自评表!G14' or "'自评报告 (2)'!A1" → sheet and local address. */
export function splitQualified(qualified: string): { sheet: string; address: string } {
  const i = qualified.lastIndexOf('!');
  if (i < 0) return { sheet: '', address: qualified };
  let sheet = qualified.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: qualified.slice(i + 1) };
}

/**
 * A used range's values as if read from A1: blank rows above and blank cells to the left put back, so that
 * column A is column A (the engine's draftLines and the store read column A).
 */
export function valuesFromA1(address: string, values: unknown[][]): unknown[][] {
  const o = topLeft(address);
  if (!o.row && !o.col) return values;
  const width = (values[0]?.length ?? 0) + o.col;
  const blankRow = (): unknown[] => new Array(width).fill('');
  return [...Array.from({ length: o.row }, blankRow), ...values.map((r) => [...new Array(o.col).fill(''), ...r])];
}
