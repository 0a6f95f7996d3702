/**
 * What Excel enforces and stores, shared by the proxies: the structure and sheet protection guards, a range's target,
 * quoted sheet names, grids and what a string typed into a cell becomes. No Node and no DOM imports.
 */
import { FakeOfficeError } from './host';
import type { FakeCell, FakeSheet, FakeValue, FakeWorkbook, Rect } from './model';

export function structureGuard(wb: FakeWorkbook): void {
  if (wb.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
}

export function protectedGuard(sheet: FakeSheet): void {
  if (sheet.protected) {
    throw new FakeOfficeError(
      'AccessDenied',
      "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
    );
  }
}

export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u3400-\u9fff\uf900-\ufaff][A-Za-z0-9_.\u3400-\u9fff\uf900-\ufaff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function grid<V>(r: Rect, f: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: V[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}

/** What Excel stores when a string is typed (set through `values`) into a cell that is not formatted as text. */
export function coerce(cell: FakeCell, v: FakeValue): void {
  delete cell.formula;
  if (typeof v !== 'string' || cell.numberFormat === '@') {
    cell.value = v;
    return;
  }
  const s = v.trim();
  if (s.startsWith('=') && s.length > 1) {
    cell.formula = s;
    cell.value = '#NAME?';
    return;
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
    cell.value = Number(s);
    return;
  }
  const pct = /^([+-]?(\d+\.?\d*|\.\d+))%$/.exec(s);
  if (pct) {
    cell.value = Number(pct[1]) / 100;
    if (cell.numberFormat === 'General') cell.numberFormat = '0%';
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    cell.value = s.toLowerCase() === 'true';
    return;
  }
  cell.value = v;
}
