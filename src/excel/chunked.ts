/**
 * The read in sizes and chunks: first the sizes, then the data in row chunks, several ranges per sync within a
 * cell budget; the store, an earlier draft and 报告素材 (extras) come with the first data sync. No merged areas,
 * no hidden rows. Two uses:
 * - ExcelApi 1.2+: the fallback when the one-sync read failed (too many merged areas, a response over 5 MB);
 * - ExcelApi 1.1: the read itself. Without valuesOnly the used range includes formatted cells (a whole column
 *   formatted makes it a million rows long, a whole row 16,384 columns wide), so the chunks stop once
 *   BLANK_STOP_ROWS rows after the last value are blank, at most MAX_COLUMNS_PLAIN columns are read, and the grid
 *   is then cut to the cells with values plus the margin. A value below such a blank gap, or beyond column IV,
 *   is not read on 1.1; the table itself is never there. Usually two syncs.
 */
import { MATERIAL_SHEET, REPORT_SHEET, STORE_SHEET, columnLetters, type DoorSheet, type SheetGrid, type WorkbookStore } from '../engine';
import { topLeft } from './addresses';
import type { Capabilities } from './capabilities';
import {
  MARGIN_COLUMNS, MARGIN_ROWS, cellValues, dataRange, findSheet, loadSheetList, loadStructure, loadedValues, queueWriteProbe,
  sheetList, storeOf, usedValues, valuesGrid, type Ctx,
} from './loads';
import { errorCode } from './messages';

/** Cells per sync: Excel on the web caps a response at about 5 MB. */
const CELLS_PER_SYNC = 100000;
/** Cells per range. */
const CHUNK_CELLS = 50000;
/** Below ExcelApi 1.2 (formatted used range): stop reading once this many rows after the last value are blank. */
const BLANK_STOP_ROWS = 1000;
/** Below ExcelApi 1.2: columns read at most (a row formatted across makes the used range 16,384 columns wide). */
const MAX_COLUMNS_PLAIN = 256;
/** Below ExcelApi 1.2: where 报告素材 is read (its formatted used range could be a million rows; labels and texts fit). */
const MATERIAL_BOX_PLAIN = 'A1:H500';
const LAST_ROW = 1048575;
const LAST_COLUMN = 16383;

interface ChunkedRead {
  sheets: DoorSheet[];
  active: string;
  grids: SheetGrid[];
  store: WorkbookStore;
  structure: boolean | null;
  /** Values from A1 of the sheet named 自评报告, when it exists and extras were asked for. */
  draft: unknown[][] | null;
  /** The 报告素材 sheet, when it exists and extras were asked for. */
  material: SheetGrid | null;
}

interface ChunkedOptions {
  /** Read the store, 自评报告 and 报告素材 with the first data sync. */
  extras: boolean;
  /** Probe the targets' protection with a write of null (ExcelApi 1.1: see queueWriteProbe). */
  probe: boolean;
}

const isUsed = (value: unknown, formula: unknown): boolean =>
  (value !== '' && value !== null && value !== undefined) || (typeof formula === 'string' && formula.startsWith('='));

/** Last row (0-based, within the grid) holding a value or formula; -1 when none. */
function lastUsedRow(values: unknown[][], formulas: unknown[][]): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i].some((v, j) => isUsed(v, formulas[i]?.[j]))) return i;
  return -1;
}

/** Cuts a grid read from the formatted used range to its used cells plus the margin, as valuesOnly would. */
function trimToUsed(grid: SheetGrid): void {
  const values = grid.values as unknown[][];
  const formulas = (grid.formulas ?? []) as unknown[][];
  const rows = Math.min(values.length, lastUsedRow(values, formulas) + 1 + MARGIN_ROWS);
  let lastCol = -1;
  for (let i = 0; i < rows; i++) values[i].forEach((v, j) => j > lastCol && isUsed(v, formulas[i]?.[j]) && (lastCol = j));
  const cols = lastCol + 1 + MARGIN_COLUMNS;
  const cut = <T,>(m: T[][]): T[][] => m.slice(0, rows).map((line) => line.slice(0, cols));
  grid.values = cut(grid.values);
  if (grid.numberFormats) grid.numberFormats = cut(grid.numberFormats as (string | null)[][]);
  if (grid.formulas) grid.formulas = cut(grid.formulas as unknown[][]);
}

interface Chunk {
  sheet: number;
  range: Excel.Range | null;
  address: string;
  cells: number;
}

/** The row chunks of each target, from the sizes. */
function planChunks(sizes: Excel.Range[], exact: boolean): { chunks: Chunk[]; origins: { row: number; col: number }[] } {
  const chunks: Chunk[] = [];
  const origins = sizes.map((size) => topLeft(size.address));
  sizes.forEach((size, i) => {
    const o = origins[i];
    // Below 1.2 the margin is added here, by address (getResizedRange is ExcelApi 1.2).
    const bottom = Math.min(LAST_ROW, o.row + size.rowCount - 1 + (exact ? 0 : MARGIN_ROWS));
    const right = exact ? o.col + size.columnCount - 1 : Math.min(LAST_COLUMN, o.col + size.columnCount - 1 + MARGIN_COLUMNS, o.col + MAX_COLUMNS_PLAIN - 1);
    const columns = right - o.col + 1;
    const rowsPer = Math.max(1, Math.floor(CHUNK_CELLS / columns));
    for (let r = o.row; r <= bottom; r += rowsPer) {
      const last = Math.min(bottom, r + rowsPer - 1);
      chunks.push({ sheet: i, range: null, address: `${columnLetters(o.col)}${r + 1}:${columnLetters(right)}${last + 1}`, cells: (last - r + 1) * columns });
    }
  });
  return { chunks, origins };
}

/**
 * Reads the targets ('active' or sheets by name). With `probe`, the first sync also writes null into A1 of each
 * target: when that sync is refused (AccessDenied) it runs again without the probe, and the targets are
 * protected (one target) or some of them are (several: unknown which, left null). No extra sync otherwise.
 */
export async function readChunked(ctx: Ctx, caps: Capabilities, names: string[] | 'active', opts: ChunkedOptions): Promise<ChunkedRead> {
  const exact = caps.api1_2;
  const sheetsOf = (): Excel.Worksheet[] =>
    names === 'active' ? [ctx.workbook.worksheets.getActiveWorksheet()] : names.map((n) => ctx.workbook.worksheets.getItem(n));
  const first = (probe: boolean) => {
    const list = loadSheetList(ctx, caps);
    const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
    const structure = loadStructure(ctx, caps);
    const targets = sheetsOf();
    const sizes = targets.map((ws) => (exact ? dataRange(ws) : ws.getUsedRange()).load('address,rowCount,columnCount'));
    if (probe) targets.forEach(queueWriteProbe);
    return { list, active, structure, targets, sizes };
  };
  let writable: boolean | null = opts.probe ? true : null;
  let s = first(opts.probe);
  try {
    await ctx.sync();
  } catch (e) {
    if (!opts.probe || errorCode(e) !== 'AccessDenied') throw e;
    writable = names !== 'active' && names.length > 1 ? null : false;
    s = first(false);
    await ctx.sync();
  }
  const sheets = sheetList(s.list);
  const targetNames = names === 'active' ? [s.active.name] : names;
  if (opts.probe) for (const n of targetNames) (findSheet(sheets, n) ?? { protected: null }).protected = writable === null ? null : !writable;

  const { chunks, origins } = planChunks(s.sizes, exact);
  const extra = (name: string): Excel.Range | null => {
    const info = opts.extras ? findSheet(sheets, name) : undefined;
    return info ? usedValues(ctx.workbook.worksheets.getItem(info.name), caps) : null;
  };
  const storeRange = extra(STORE_SHEET);
  const draftRange = storeRange ? extra(REPORT_SHEET) : null; // no record, no draft of ours
  const materialInfo = opts.extras ? findSheet(sheets, MATERIAL_SHEET) : undefined;
  const materialRange = materialInfo
    ? exact ? usedValues(ctx.workbook.worksheets.getItem(materialInfo.name), caps) : ctx.workbook.worksheets.getItem(materialInfo.name).getRange(MATERIAL_BOX_PLAIN).load('address,values')
    : null;
  const loaded = await loadChunks(ctx, s.targets, chunks, exact);

  const grids: SheetGrid[] = s.targets.map((_, i) => {
    const grid: SheetGrid = { name: targetNames[i], values: [], numberFormats: [], formulas: [], origin: origins[i] };
    for (const c of loaded.filter((x) => x.sheet === i)) {
      const r = c.range as Excel.Range;
      grid.values.push(...cellValues(r.values as unknown[][]));
      (grid.numberFormats as (string | null)[][]).push(...(r.numberFormat as (string | null)[][]));
      (grid.formulas as unknown[][]).push(...(r.formulas as unknown[][]));
    }
    if (!exact) trimToUsed(grid);
    return grid;
  });
  const materialValues = loadedValues(materialRange, false);
  return {
    sheets,
    active: s.active.name,
    grids,
    store: storeOf(loadedValues(storeRange, false)),
    structure: s.structure ? s.structure.protected : null,
    draft: loadedValues(draftRange, false),
    material: materialInfo && materialValues ? valuesGrid(materialInfo.name, materialValues) : null,
  };
}

/** Loads the chunks in as few syncs as the cell budget allows; below 1.2 a sheet stops after a long blank tail. */
async function loadChunks(ctx: Ctx, targets: Excel.Worksheet[], chunks: Chunk[], exact: boolean): Promise<Chunk[]> {
  const loaded: Chunk[] = [];
  const stopped = new Set<number>();
  /** Rows read after the sheet's last used row, over the chunks loaded so far. */
  const blankTail = (sheet: number): number => {
    let blank = 0;
    const mine = loaded.filter((c) => c.sheet === sheet);
    for (let k = mine.length - 1; k >= 0; k--) {
      const r = mine[k].range as Excel.Range;
      const values = r.values as unknown[][];
      const last = lastUsedRow(values, r.formulas as unknown[][]);
      if (last >= 0) return blank + values.length - 1 - last;
      blank += values.length;
    }
    return blank;
  };
  let pending: Chunk[] = [];
  let budget = 0;
  const flush = async (): Promise<void> => {
    await ctx.sync();
    loaded.push(...pending);
    pending = [];
    budget = 0;
    if (!exact) targets.forEach((_, i) => blankTail(i) >= BLANK_STOP_ROWS && stopped.add(i));
  };
  for (const c of chunks) {
    if (stopped.has(c.sheet)) continue;
    if (budget + c.cells > CELLS_PER_SYNC && budget > 0) {
      await flush();
      if (stopped.has(c.sheet)) continue;
    }
    c.range = targets[c.sheet].getRange(c.address).load('values,numberFormat,formulas');
    pending.push(c);
    budget += c.cells;
  }
  // The last chunks (and the extras, when every chunk went out before a stop); no empty sync after a stop.
  if (pending.length || !loaded.length) await flush();
  return loaded;
}
