/**
 * The sheet as the engine sees it: a rectangle of cell values as a host reads them.
 * Both doors build this (Office.js: usedRange values/numberFormat/formulas; ExcelJS: cell by cell).
 */
export type CellValue = string | number | boolean | null;

export interface SheetGrid {
  /** Worksheet name. */
  name: string;
  /** Row-major values from `origin`. Empty cells are '' or null; error values are their text ('#DIV/0!'). */
  values: CellValue[][];
  /** Number formats, same shape ('General', '0.00%', …). Optional. */
  numberFormats?: (string | null)[][];
  /** Formulas as Office.js gives them, same shape: a formula cell holds a string starting with '='. Optional. */
  formulas?: unknown[][];
  /** Merged areas ('A1:I1' or 'Sheet!A1:I1'); undefined when the host cannot tell (ExcelApi < 1.13). */
  merges?: string[];
  /** 0-based sheet row/column of values[0][0] (a used range need not start at A1). Default {row:0,col:0}. */
  origin?: { row: number; col: number };
  /** 0-based sheet rows that are hidden, when the host knows them. */
  hiddenRows?: number[];
}

/** Column index (0-based) to letters: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row/column to an A1 address. */
export function a1(row: number, col: number): string {
  return columnLetters(col) + (row + 1);
}

/** 'G14' (optionally '$G$14' or 'Sheet!G14') to 0-based {row, col}. */
const parsed = new Map<string, { row: number; col: number }>();

export function parseA1(address: string): { row: number; col: number } {
  const hit = parsed.get(address);
  if (hit) return hit;
  const result = parseA1Uncached(address);
  if (parsed.size > 100000) parsed.clear();
  parsed.set(address, result);
  return result;
}

function parseA1Uncached(address: string): { row: number; col: number } {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(local.trim());
  if (!m) throw new Error(`Bad cell address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 'A1:I1' or 'Sheet!A1:I1' or 'A1' to a 0-based inclusive range. */
export function parseRange(address: string): CellRange {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [p, q] = local.split(':');
  const a = parseA1(p);
  const b = q ? parseA1(q) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Range to 'A1:B2' (or 'A1' for one cell). */
export function rangeAddress(r: CellRange): string {
  const s = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? s : `${s}:${a1(r.bottom, r.right)}`;
}

/** The address users see in issues: 部门整体支出绩效自评表!G14. */
export function qualified(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}
