/** ExcelJS worksheet → the engine's SheetGrid, reading cells the way Office.js shows them. */
import type { Worksheet, Cell } from 'exceljs';
import type { CellValue, SheetGrid } from '../engine';

/** Value as Office.js `range.values` would give it; merged non-anchor cells are empty, as in Excel. */
export function cellValue(cell: Cell): CellValue {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const v = cell.value as unknown;
  return plain(v);
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return String(o.error);
    if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return o.result === undefined ? '' : plain(o.result);
    if ('text' in o) return String(o.text);
  }
  return String(v);
}

function formulaOf(cell: Cell): string | null {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const v = cell.value as unknown;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.formula === 'string') return '=' + o.formula;
    if (typeof o.sharedFormula === 'string') return '=' + String(cell.formula ?? o.sharedFormula);
  }
  return null;
}

/** The whole used area from A1 (origin 0,0), with values, number formats, formulas, merges and hidden rows. */
export function sheetToGrid(ws: Worksheet): SheetGrid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const formulas: unknown[][] = [];
  const hiddenRows: number[] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    if (row.hidden) hiddenRows.push(r - 1);
    const vr: CellValue[] = [];
    const fr: (string | null)[] = [];
    const xr: unknown[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      const v = cellValue(cell);
      vr.push(v);
      fr.push(cell.numFmt || 'General');
      const f = formulaOf(cell);
      xr.push(f ?? v);
    }
    values.push(vr);
    numberFormats.push(fr);
    formulas.push(xr);
  }
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
  return { name: ws.name, values, numberFormats, formulas, merges, origin: { row: 0, col: 0 }, hiddenRows };
}
