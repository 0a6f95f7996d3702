/**
 * Reading a WPS 表格 workbook into the engine's shapes, in one pass: the sheet list (visibility, protection), the
 * active sheet's cells (values, formulas, number formats, merged areas, hidden rows), the add-in's store and, when
 * the record names it, our previous draft's column A. Like Excel's, WPS's UsedRange includes cells that only carry
 * formatting (a whole column formatted makes it a million rows long), so rows are read in chunks that stop once
 * BLANK_STOP_ROWS rows after the last value are blank, and the grid is cut to the cells with values plus a margin,
 * as the Excel gateway does.
 */
import { a1, decodeStore, draftLines, emptyStore, STORE_SHEET, type CellValue, type DoorSheet, type SheetGrid, type WorkbookStore } from '../engine';
import { XL_SHEET_HIDDEN, XL_SHEET_VERY_HIDDEN, type EtRange, type EtWorkbook, type EtWorksheet } from './et';

const CHUNK_ROWS = 500;
const BLANK_STOP_ROWS = 1000;
const MAX_COLUMNS = 256;
const MARGIN_ROWS = 2;
const MARGIN_COLUMNS = 2;

export interface WpsRead {
  sheets: DoorSheet[];
  activeSheet: string;
  grids: SheetGrid[];
  store: WorkbookStore;
  structureProtected: boolean;
  /** Column A of the sheet the record names as our last draft; undefined when there is none. */
  previousDraft: string[] | null | undefined;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function visibilityOf(v: unknown): DoorSheet['visibility'] {
  if (v === XL_SHEET_VERY_HIDDEN) return 'VeryHidden';
  return v === XL_SHEET_HIDDEN || v === false ? 'Hidden' : 'Visible';
}

/** Every worksheet in tab order (Worksheets.Item is 1-based). */
export function sheetList(wb: EtWorkbook): { ws: EtWorksheet; info: DoorSheet }[] {
  const out: { ws: EtWorksheet; info: DoorSheet }[] = [];
  const n = wb.Worksheets.Count;
  for (let i = 1; i <= n; i++) {
    const ws = wb.Worksheets.Item(i);
    out.push({ ws, info: { name: ws.Name, visibility: visibilityOf(ws.Visible), protected: !!ws.ProtectContents } });
  }
  return out;
}

export function findSheet(wb: EtWorkbook, name: string): EtWorksheet | null {
  const hit = sheetList(wb).find((s) => same(s.info.name, name));
  return hit ? hit.ws : null;
}

/** A cell as the engine reads it (Office.js shows the same): empty is '', a date is its serial number. */
function cellValue(v: unknown): CellValue {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** Value2/Formula as rows × cols, whatever shape the JSA gave: a row array, a flat array (older WPS), a scalar. */
export function matrix(v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v) && (v.length === 0 || Array.isArray(v[0]))) return v as unknown[][];
  if (Array.isArray(v)) {
    const out: unknown[][] = [];
    for (let r = 0; r < rows; r++) out.push(v.slice(r * cols, (r + 1) * cols));
    return out;
  }
  return [[v]];
}

function address(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

function isUsed(value: unknown, formula: unknown): boolean {
  return (value !== '' && value !== null && value !== undefined) || (typeof formula === 'string' && formula.startsWith('='));
}

/** Number formats of the grid: one read per column, cell by cell only where a column's cells differ (null). */
function numberFormats(ws: EtWorksheet, top: number, left: number, rows: number, cols: number): (string | null)[][] {
  const out: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill('General'));
  if (!rows) return out;
  for (let c = 0; c < cols; c++) {
    const column = ws.Range(address(top, left + c, top + rows - 1, left + c)).NumberFormat;
    for (let r = 0; r < rows; r++) {
      const f = typeof column === 'string' ? column : ws.Range(a1(top + r, left + c)).NumberFormat;
      out[r][c] = normalFormat(f);
    }
  }
  return out;
}

/** WPS in Chinese names General 'G/通用格式'. */
export function normalFormat(f: unknown): string {
  if (typeof f !== 'string' || !f || f === 'G/通用格式' || f.toLowerCase() === 'general') return 'General';
  return f;
}

/** Merged areas touching the grid: rows with none are passed over with one read each. */
function mergedAreas(ws: EtWorksheet, used: EtRange, top: number, left: number, rows: number, cols: number): string[] {
  if (used.MergeCells === false || !rows) return [];
  const areas: string[] = [];
  const covered = new Set<string>();
  for (let r = top; r < top + rows; r++) {
    if (ws.Range(address(r, left, r, left + cols - 1)).MergeCells === false) continue;
    for (let c = left; c < left + cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const cell = ws.Range(a1(r, c));
      if (cell.MergeCells !== true) continue;
      const area = cell.MergeArea;
      const t = area.Row - 1, l = area.Column - 1, b = t + area.Rows.Count - 1, rt = l + area.Columns.Count - 1;
      for (let i = t; i <= b; i++) for (let j = l; j <= rt; j++) covered.add(`${i},${j}`);
      areas.push(address(t, l, b, rt));
    }
  }
  return areas;
}

function hiddenRows(ws: EtWorksheet, top: number, rows: number): number[] {
  if (!rows) return [];
  const all = ws.Range(`${top + 1}:${top + rows}`).Hidden;
  if (all === false) return [];
  const out: number[] = [];
  for (let r = top; r < top + rows; r++) if (all === true || ws.Range(`${r + 1}:${r + 1}`).Hidden === true) out.push(r);
  return out;
}

/** One sheet as the engine's grid. */
export function readGrid(ws: EtWorksheet, name: string = ws.Name): SheetGrid {
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const cols = Math.min(used.Columns.Count, MAX_COLUMNS);
  const total = used.Rows.Count;
  const values: CellValue[][] = [];
  const formulas: unknown[][] = [];
  let lastRow = -1;
  let lastCol = -1;
  for (let r0 = 0; r0 < total; r0 += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, total - r0);
    const range = ws.Range(address(top + r0, left, top + r0 + n - 1, left + cols - 1));
    const v = matrix(range.Value2, n, cols);
    const f = matrix(range.Formula, n, cols);
    for (let i = 0; i < n; i++) {
      const row: CellValue[] = [];
      for (let j = 0; j < cols; j++) {
        const value = cellValue(v[i] ? v[i][j] : undefined);
        const formula = f[i] ? f[i][j] : undefined;
        row.push(value);
        if (isUsed(value, formula)) {
          lastRow = r0 + i;
          if (j > lastCol) lastCol = j;
        }
      }
      values.push(row);
      formulas.push(f[i] ? f[i].slice(0, cols).map((x) => (x === undefined || x === null ? '' : x)) : new Array(cols).fill(''));
    }
    if (r0 + n - 1 - lastRow >= BLANK_STOP_ROWS) break;
  }
  // The cells with values plus the margin; cells beyond the used range are blank with no format.
  const rows = lastRow < 0 ? 0 : lastRow + 1 + MARGIN_ROWS;
  const width = lastCol < 0 ? 0 : lastCol + 1 + MARGIN_COLUMNS;
  const pad = <T,>(m: T[][], blank: T): T[][] =>
    Array.from({ length: rows }, (_, i) => Array.from({ length: width }, (_, j) => (m[i] && j < m[i].length ? m[i][j] : blank)));
  const inside = { rows: Math.min(rows, values.length), cols: Math.min(width, cols) };
  const formats = numberFormats(ws, top, left, inside.rows, inside.cols);
  return {
    name,
    values: pad(values, '' as CellValue),
    formulas: pad(formulas, '' as unknown),
    numberFormats: pad(formats, 'General' as string | null),
    merges: mergedAreas(ws, used, top, left, inside.rows, inside.cols),
    origin: { row: top, col: left },
    hiddenRows: hiddenRows(ws, top, inside.rows),
  };
}

/** Values of a sheet from A1 to the end of its used range (to read the store or a draft). */
export function valuesFromA1(ws: EtWorksheet): unknown[][] {
  const used = ws.UsedRange;
  const bottom = used.Row - 1 + used.Rows.Count - 1;
  const right = used.Column - 1 + used.Columns.Count - 1;
  return matrix(ws.Range(address(0, 0, bottom, right)).Value2, bottom + 1, right + 1).map((row) => row.map(cellValue));
}

export function readStore(wb: EtWorkbook): { store: WorkbookStore; exists: boolean } {
  const ws = findSheet(wb, STORE_SHEET);
  if (!ws) return { store: emptyStore(), exists: false };
  return { store: decodeStore(valuesFromA1(ws).map((r) => r[0])), exists: true };
}

export function readWorkbook(wb: EtWorkbook): WpsRead {
  const list = sheetList(wb);
  const active = wb.ActiveSheet;
  const activeName = active.Name;
  const { store } = readStore(wb);
  const draftName = store.record && store.record.reportDigest ? store.record.reportSheet : undefined;
  const draftSheet = draftName ? list.find((s) => same(s.info.name, draftName)) : undefined;
  return {
    sheets: list.map((s) => s.info),
    activeSheet: activeName,
    grids: same(activeName, STORE_SHEET) ? [] : [readGrid(active, activeName)],
    store,
    structureProtected: !!wb.ProtectStructure,
    previousDraft: draftSheet ? draftLines(valuesFromA1(draftSheet.ws)) : undefined,
  };
}

/** Further sheets by name (after the active one held no table). */
export function readGrids(wb: EtWorkbook, names: string[]): SheetGrid[] {
  const list = sheetList(wb);
  return names.map((n) => list.find((s) => same(s.info.name, n))).filter((s): s is { ws: EtWorksheet; info: DoorSheet } => !!s).map((s) => readGrid(s.ws, s.info.name));
}

