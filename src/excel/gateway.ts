/**
 * The Excel gateway: the only code that calls `Excel.*`. It reads the workbook into the engine's shapes and
 * writes a finished plan back, in as few `context.sync()` round trips as Office allows:
 *   read  – one sync: the sheet list, the active sheet's used range (values, number formats, formulas, merged
 *           areas when ExcelApi 1.13 is there) and the add-in's store sheet;
 *   write – one sync: the planned cells, the report sheet and the write record, in an order chosen so that a
 *           failure half-way leaves nothing the record cannot undo.
 *
 * Requirement sets: ExcelApi 1.1 is the minimum (Excel 2016 perpetual supports nothing newer). Everything newer
 * is used only after `supports()` (isSetSupported) says so, each with a fallback:
 *   1.2  worksheet protection state, getUsedRange(valuesOnly), getResizedRange, rowHidden, setting a sheet's
 *        visibility (very hidden store), column width, autofitRows. Without it: the read takes the formatted
 *        used range in two syncs (sizes, then data cut a margin below the last value); the write probes the
 *        target cells first; the store sheet stays visible; the report sheet is left unformatted (no wrap).
 *   1.4  getItemOrNullObject / getUsedRangeOrNullObject: store read in the same sync (else one more sync).
 *   1.7  workbook structure protection (else Office's refusal at write time is reported).
 *   1.13 merged areas (else the engine's blank-below handling).
 *
 * No scoring rule lives here. Messages for the user are in Chinese; they go out as GatewayError.
 */
import { columnLetters, parseRange, type CellValue, type SheetGrid } from '../engine/grid';
import { REPORT_COLUMN_WIDTH, REPORT_SHEET, ReportSheetRow, reportDigest } from '../engine/reportSheet';
import { STORE_SHEET, WorkbookStore, decodeStore, emptyStore, encodeStore } from '../engine/store';
import type { WriteRecord } from '../engine/types';
import type { Calculation } from '../engine/calculate';

type ReadyCalculation = Extract<Calculation, { kind: 'ready' }>;
import { sameValue } from '../engine/ownership';
import { restorePlan } from '../engine/writePlan';

/** A failure the user must read: `message` is Chinese and says what to do. */
export class GatewayError extends Error {
  readonly code: string;
  constructor(message: string, code = 'Gateway') {
    super(message);
    this.name = 'GatewayError';
    this.code = code;
  }
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface SheetInfo {
  name: string;
  visibility: Visibility;
  /** Null when the host cannot tell. */
  protected: boolean | null;
}

export interface WorkbookRead {
  sheets: SheetInfo[];
  activeSheet: string;
  /** The sheets read so far (the active one, or those asked for). */
  grids: SheetGrid[];
  store: WorkbookStore;
  storeExists: boolean;
  /** Workbook structure protection (sheets cannot be added); null when the host cannot tell (ExcelApi < 1.7). */
  structureProtected: boolean | null;
  /** False when merged areas could not be read (ExcelApi < 1.13, or a fallback read). */
  mergesRead: boolean;
  /** Values of the sheet named 自评报告 when read with the rest (ExcelApi 1.4+), to recognise our own draft. */
  draftValues?: unknown[][] | null;
}

/** The record as both doors keep it (the engine's WriteRecord carries the report sheet's digest). */
export type StoredRecord = WriteRecord;

export const MIN_API = '1.1';
/** Cells per sync in the fallback read: Excel on the web caps a response at about 5 MB. */
const CELLS_PER_SYNC = 100000;
/** Cells per range in the fallback read. */
const CHUNK_CELLS = 50000;
/** Blank rows and columns read beyond the last value. */
const MARGIN_ROWS = 2;
const MARGIN_COLUMNS = 2;
/** Below ExcelApi 1.2 (formatted used range): stop reading once this many rows after the last value are blank. */
const BLANK_STOP_ROWS = 1000;
/** Below ExcelApi 1.2: columns read at most (a row formatted across makes the used range 16,384 columns wide). */
const MAX_COLUMNS_PLAIN = 256;
const LAST_ROW = 1048575;
const LAST_COLUMN = 16383;

// ------------------------------------------------------------------------------------------------ helpers

export function supports(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

function errorCode(e: unknown): string {
  return e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
}

/** Office's own error text is English: the user gets a Chinese sentence and the code, for support. */
function codeNote(e: unknown): string {
  const code = errorCode(e);
  return code ? `（错误代码：${code}）` : '';
}

/** Column letters → 0-based index. */
/** The local part of 'Sheet!A1:B2' or "'My sheet'!A1". */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

/** Top-left cell of an address, 0-based (the engine's parser: one place for A1 addresses). */
function topLeft(address: string): { row: number; col: number } {
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


function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Excel: 1 character of the default font ≈ 7 px = 5.25 pt, plus 5 px padding. */
function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * The cells with values of a sheet: getUsedRange(valuesOnly) on ExcelApi 1.2+, the plain (formatted) used range
 * below. For the store and our report sheet, which only we format, both give the same cells.
 */
function usedValues(ws: Excel.Worksheet): Excel.Range {
  return supports('1.2') ? ws.getUsedRange(true) : ws.getUsedRange();
}

/** A cell that counts as used: a value or a formula. */
function isUsed(value: unknown, formula: unknown): boolean {
  return (value !== '' && value !== null && value !== undefined) || (typeof formula === 'string' && formula.startsWith('='));
}

/** Office.js `values` → engine cell values (error values come as their text already). */
function cellValues(values: unknown[][]): CellValue[][] {
  return values.map((line) => line.map((v) => (v === undefined ? null : (v as CellValue))));
}

// ------------------------------------------------------------------------------------------------- reading

type Ctx = Excel.RequestContext;

interface SheetListLoad {
  collection: Excel.WorksheetCollection;
  withProtection: boolean;
}

function loadSheetList(ctx: Ctx): SheetListLoad {
  const withProtection = supports('1.2');
  const collection = ctx.workbook.worksheets;
  collection.load(withProtection ? 'items/name,items/visibility,items/protection/protected' : 'items/name,items/visibility');
  return { collection, withProtection };
}

function sheetList(l: SheetListLoad): SheetInfo[] {
  return l.collection.items.map((ws) => ({
    name: ws.name,
    visibility: ws.visibility as Visibility,
    protected: l.withProtection ? ws.protection.protected : null,
  }));
}

function loadStructureProtection(ctx: Ctx): Excel.WorkbookProtection | null {
  if (!supports('1.7')) return null;
  return ctx.workbook.protection.load('protected');
}

/** One sheet's used range, loaded whole (values, number formats, formulas, merges when asked). */
interface SheetDataLoad {
  name: () => string;
  used: Excel.Range;
  merges: Excel.RangeAreas | null;
}

/**
 * The part of a sheet worth reading: the cells with values, plus a small margin (a grade cell right of the last
 * label). Not the plain used range: formatting applied to whole columns, common in these templates, makes that a
 * million rows long.
 */
function dataRange(ws: Excel.Worksheet): Excel.Range {
  return ws.getUsedRange(true).getResizedRange(MARGIN_ROWS, MARGIN_COLUMNS);
}

function loadSheetData(ws: Excel.Worksheet, nameOf: () => string, withMerges: boolean): SheetDataLoad {
  const used = dataRange(ws);
  used.load('address,values,numberFormat,formulas,rowCount,columnCount,rowHidden');
  const merges = withMerges ? used.getMergedAreasOrNullObject().load('address') : null;
  return { name: nameOf, used, merges };
}

function gridOf(l: SheetDataLoad): SheetGrid {
  const origin = topLeft(l.used.address);
  const rowHidden = l.used.rowHidden;
  const rows = l.used.rowCount;
  const grid: SheetGrid = {
    name: l.name(),
    values: cellValues(l.used.values as unknown[][]),
    numberFormats: l.used.numberFormat as (string | null)[][],
    formulas: l.used.formulas as unknown[][],
    origin,
  };
  // rowHidden is one value for the whole range: false = none hidden, true = all, null = mixed (unknown rows).
  if (rowHidden === false) grid.hiddenRows = [];
  else if (rowHidden === true) grid.hiddenRows = Array.from({ length: rows }, (_, i) => origin.row + i);
  if (l.merges) grid.merges = l.merges.isNullObject ? [] : splitAreas(l.merges.address);
  return grid;
}

/** True when a report sheet's values are exactly the draft the record says we wrote (one column, same digest). */
export function isOurDraft(values: unknown[][], record: StoredRecord | null): boolean {
  if (!record?.reportDigest) return false;
  return values.every((r) => r.length === 1) && reportDigest(values.map((r) => String(r[0] ?? ''))) === record.reportDigest;
}

/** The default report sheet through a null-object chain (ExcelApi 1.4), read with the rest in case it is our draft. */
function loadDraftChained(ctx: Ctx): Excel.Range {
  return ctx.workbook.worksheets.getItemOrNullObject(REPORT_SHEET).getUsedRangeOrNullObject(true).load('values');
}

/** The store through a null-object chain (ExcelApi 1.4): read in the same sync as the rest. */
function loadStoreChained(ctx: Ctx): Excel.Range {
  return ctx.workbook.worksheets.getItemOrNullObject(STORE_SHEET).getUsedRangeOrNullObject(true).load('values');
}

function storeFrom(range: Excel.Range | null): WorkbookStore {
  if (!range || range.isNullObject) return emptyStore();
  return decodeStore((range.values as unknown[][]).map((r) => r[0]));
}

/** The store from a range got through getItem (not a null-object chain: isNullObject is not read). */
function storeOfRange(range: Excel.Range | null): WorkbookStore {
  return range ? decodeStore((range.values as unknown[][]).map((r) => r[0])) : emptyStore();
}

function storeInfo(sheets: SheetInfo[]): SheetInfo | undefined {
  return sheets.find((s) => sameName(s.name, STORE_SHEET));
}

interface ChunkedRead {
  sheets: SheetInfo[];
  active: string;
  grids: SheetGrid[];
  store: WorkbookStore;
  structure: boolean | null;
  /** Values of the sheet named 自评报告 when it exists, read in the same sync as the data. */
  draftValues: unknown[][] | null;
}

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
  for (let i = 0; i < rows; i++) {
    values[i].forEach((v, j) => {
      if (j > lastCol && isUsed(v, formulas[i]?.[j])) lastCol = j;
    });
  }
  const cols = lastCol + 1 + MARGIN_COLUMNS;
  const cut = <T,>(m: T[][]): T[][] => m.slice(0, rows).map((line) => line.slice(0, cols));
  grid.values = cut(grid.values);
  if (grid.numberFormats) grid.numberFormats = cut(grid.numberFormats as (string | null)[][]);
  if (grid.formulas) grid.formulas = cut(grid.formulas as unknown[][]);
}

/**
 * The read in sizes and chunks: first the sizes, then the data in row chunks, several ranges per sync within a
 * cell budget; the store and an earlier draft (withStore) come with the first data sync. No merged areas, no
 * hidden rows.
 * Two uses:
 * - ExcelApi 1.2+: the fallback when the one-sync read failed (too many merged areas, a response over 5 MB);
 * - ExcelApi 1.1: the read itself. Without valuesOnly the used range includes formatted cells (a whole column
 *   formatted makes it a million rows long, a whole row 16,384 columns wide), so the chunks stop once
 *   BLANK_STOP_ROWS rows after the last value are blank, at most MAX_COLUMNS_PLAIN columns are read, and the grid
 *   is then cut to the cells with values plus the margin. A value below such a blank gap, or beyond column IV,
 *   is not read on 1.1; the table itself is never there. Usually two syncs.
 */
async function readChunked(ctx: Ctx, names: string[] | 'active', withStore = true): Promise<ChunkedRead> {
  const exact = supports('1.2');
  const list = loadSheetList(ctx);
  const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
  const structure = loadStructureProtection(ctx);
  const targets = names === 'active' ? [ctx.workbook.worksheets.getActiveWorksheet()] : names.map((n) => ctx.workbook.worksheets.getItem(n));
  const sizes = targets.map((ws) => (exact ? dataRange(ws) : ws.getUsedRange()).load('address,rowCount,columnCount'));
  await ctx.sync();
  const sheets = sheetList(list);
  const store = storeInfo(sheets);
  const targetNames = names === 'active' ? [active.name] : names;

  // Plan the chunks, then load them in as few syncs as the cell budget allows.
  interface Chunk {
    sheet: number;
    range: Excel.Range | null;
    address: string;
    cells: number;
  }
  const chunks: Chunk[] = [];
  const origins = sizes.map((size) => topLeft(size.address));
  sizes.forEach((size, i) => {
    const o = origins[i];
    // On 1.1 the margin is added here, by address (getResizedRange is ExcelApi 1.2).
    const bottom = Math.min(LAST_ROW, o.row + size.rowCount - 1 + (exact ? 0 : MARGIN_ROWS));
    const right = exact
      ? o.col + size.columnCount - 1
      : Math.min(LAST_COLUMN, o.col + size.columnCount - 1 + MARGIN_COLUMNS, o.col + MAX_COLUMNS_PLAIN - 1);
    const columns = right - o.col + 1;
    const rowsPer = Math.max(1, Math.floor(CHUNK_CELLS / columns));
    for (let r = o.row; r <= bottom; r += rowsPer) {
      const last = Math.min(bottom, r + rowsPer - 1);
      chunks.push({ sheet: i, range: null, address: `${columnLetters(o.col)}${r + 1}:${columnLetters(right)}${last + 1}`, cells: (last - r + 1) * columns });
    }
  });
  const storeRange = store && withStore ? usedValues(ctx.workbook.worksheets.getItem(store.name)).load('values') : null;
  const draftRange = withStore && sheets.some((x) => x.name === REPORT_SHEET) ? usedValues(ctx.workbook.worksheets.getItem(REPORT_SHEET)).load('values') : null;

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
  // The last chunks (and the store, when every chunk went out before a stop); no empty sync after a stop.
  if (pending.length || !loaded.length) await flush();

  const grids: SheetGrid[] = targets.map((_, i) => {
    const mine = loaded.filter((c) => c.sheet === i);
    const grid: SheetGrid = { name: targetNames[i], values: [], numberFormats: [], formulas: [], origin: origins[i] };
    for (const c of mine) {
      const r = c.range as Excel.Range;
      grid.values.push(...cellValues(r.values as unknown[][]));
      (grid.numberFormats as (string | null)[][]).push(...(r.numberFormat as (string | null)[][]));
      (grid.formulas as unknown[][]).push(...(r.formulas as unknown[][]));
    }
    if (!exact) trimToUsed(grid);
    return grid;
  });
  return {
    sheets,
    active: active.name,
    grids,
    store: storeOfRange(storeRange),
    structure: structure ? structure.protected : null,
    draftValues: draftRange ? (draftRange.values as unknown[][]) : null,
  };
}

/** The active sheet through the chunked read, as a WorkbookRead. */
async function readActiveChunked(): Promise<WorkbookRead> {
  try {
    return await Excel.run(async (ctx) => {
      const r = await readChunked(ctx, 'active');
      return {
        sheets: r.sheets,
        activeSheet: r.active,
        grids: r.grids,
        store: r.store,
        storeExists: !!storeInfo(r.sheets),
        structureProtected: r.structure,
        mergesRead: false,
        draftValues: r.draftValues,
      };
    });
  } catch (e) {
    throw readFailure(e);
  }
}

/**
 * Reads what a calculation needs: the sheet list, the active sheet and the store. One sync on ExcelApi 1.4+
 * (two on 1.2–1.3, when a store exists); the chunked fallback when that sync fails. On ExcelApi 1.1 the chunked
 * read is the read (two syncs: sizes, then data with the store and an earlier draft).
 */
export async function readWorkbook(): Promise<WorkbookRead> {
  requireMinimum();
  if (!supports('1.2')) return readActiveChunked();
  const withMerges = supports('1.13');
  const chained = supports('1.4');
  try {
    return await Excel.run(async (ctx) => {
      const list = loadSheetList(ctx);
      const activeWs = ctx.workbook.worksheets.getActiveWorksheet();
      activeWs.load('name');
      const structure = loadStructureProtection(ctx);
      const data = loadSheetData(activeWs, () => activeWs.name, withMerges);
      const storeRange = chained ? loadStoreChained(ctx) : null;
      const draftRange = chained ? loadDraftChained(ctx) : null;
      await ctx.sync();
      const sheets = sheetList(list);
      const info = storeInfo(sheets);
      let store = storeFrom(storeRange);
      let draftValues: unknown[][] | null = draftRange ? (draftRange.isNullObject ? [] : (draftRange.values as unknown[][])) : null;
      if (!chained && info) {
        // Without null-object chains the store (and a possible earlier draft) need their own sync.
        const r = usedValues(ctx.workbook.worksheets.getItem(info.name)).load('values');
        const draft = sheets.some((x) => x.name === REPORT_SHEET) ? usedValues(ctx.workbook.worksheets.getItem(REPORT_SHEET)).load('values') : null;
        await ctx.sync();
        store = storeOfRange(r);
        if (draft) draftValues = draft.values as unknown[][];
      }
      return {
        sheets,
        activeSheet: activeWs.name,
        grids: [gridOf(data)],
        store,
        storeExists: !!info,
        structureProtected: structure ? structure.protected : null,
        mergesRead: withMerges,
        draftValues,
      };
    });
  } catch (first) {
    if (first instanceof GatewayError) throw first;
    return readActiveChunked();
  }
}

/** Values of one sheet (column A and beyond), one sync: to check a previous draft the first read did not cover. */
export async function readSheetValues(name: string): Promise<unknown[][]> {
  try {
    return await Excel.run(async (ctx) => {
      const r = usedValues(ctx.workbook.worksheets.getItem(name)).load('values');
      await ctx.sync();
      return r.values as unknown[][];
    });
  } catch (e) {
    throw readFailure(e);
  }
}

/** Reads further sheets by name (known to exist from the sheet list): one sync, or the chunked fallback. */
export async function readSheets(names: string[]): Promise<SheetGrid[]> {
  if (!names.length) return [];
  const chunked = async (): Promise<SheetGrid[]> => {
    try {
      return await Excel.run(async (ctx) => (await readChunked(ctx, names, false)).grids);
    } catch (e) {
      throw readFailure(e);
    }
  };
  // On ExcelApi 1.1 the one-sync read's calls (valuesOnly, getResizedRange, rowHidden) do not exist.
  if (!supports('1.2')) return chunked();
  const withMerges = supports('1.13');
  try {
    return await Excel.run(async (ctx) => {
      const loads = names.map((n) => loadSheetData(ctx.workbook.worksheets.getItem(n), () => n, withMerges));
      await ctx.sync();
      return loads.map(gridOf);
    });
  } catch {
    return chunked();
  }
}

function requireMinimum(): void {
  if (!supports(MIN_API)) {
    throw new GatewayError(`当前 Excel 版本过低，不支持本加载项所需的功能（ExcelApi ${MIN_API}）。请使用 Excel 2016 及以上版本、Microsoft 365 或 Excel 网页版。`, 'ApiNotFound');
  }
}

function readFailure(e: unknown): GatewayError {
  if (e instanceof GatewayError) return e;
  const code = errorCode(e);
  if (code === 'ItemNotFound') return new GatewayError('读取工作簿时工作表已发生变化（可能被重命名或删除），请重新点击“计算得分”。', code);
  return new GatewayError(`读取工作簿失败${codeNote(e)}。工作簿未作任何修改，请稍后重试。`, code || 'ReadFailed');
}

/** The store alone (settings, material, record): one sync on ExcelApi 1.4+. */
export async function readStore(): Promise<{ store: WorkbookStore; exists: boolean; sheets: SheetInfo[]; structureProtected: boolean | null }> {
  requireMinimum();
  const chained = supports('1.4');
  try {
    return await Excel.run(async (ctx) => {
      const list = loadSheetList(ctx);
      const structure = loadStructureProtection(ctx);
      const range = chained ? loadStoreChained(ctx) : null;
      await ctx.sync();
      const sheets = sheetList(list);
      const info = storeInfo(sheets);
      let store = storeFrom(range);
      if (!chained && info) {
        const r = usedValues(ctx.workbook.worksheets.getItem(info.name)).load('values');
        await ctx.sync();
        store = storeOfRange(r);
      }
      return { store, exists: !!info, sheets, structureProtected: structure ? structure.protected : null };
    });
  } catch (e) {
    throw readFailure(e);
  }
}

// ------------------------------------------------------------------------------------------------- writing

/**
 * Queues the store write: a new very hidden sheet, or column A rewritten in place. The new text goes in first and
 * only then are leftover rows below cleared, so that a batch cut off half-way never leaves an empty store (the
 * settings and material would be lost). Text format keeps the JSON from being typed in as a number or formula.
 */
function queueStore(ctx: Ctx, store: WorkbookStore, exists: boolean, sheets: SheetInfo[]): void {
  queueStoreCells(ctx, encodeStore(store), exists, sheets);
}

function queueStoreCells(ctx: Ctx, cells: string[], exists: boolean, sheets: SheetInfo[]): void {
  // Setting a sheet's visibility is ExcelApi 1.2: on 1.1 the store sheet is added as a plain (visible) sheet.
  const canHide = supports('1.2');
  let ws: Excel.Worksheet;
  if (exists) {
    ws = ctx.workbook.worksheets.getItem(STORE_SHEET);
  } else {
    ws = ctx.workbook.worksheets.add(STORE_SHEET);
    if (canHide) ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
  }
  const range = ws.getRange(`A1:A${cells.length}`);
  range.numberFormat = cells.map(() => ['@']);
  range.values = cells.map((c) => [c]);
  if (exists) ws.getRange(`A${cells.length + 1}:A1048576`).clear();
  // A store left visible by Excel 2016 (ExcelApi 1.1) is hidden on a newer Excel, as the command line does; last,
  // so that a failure here loses nothing.
  const info = storeInfo(sheets);
  if (exists && canHide && info && info.visibility !== 'VeryHidden') ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
}

function structureMessage(what: string): string {
  return `工作簿结构受保护，无法${what}。请在“审阅”选项卡中取消“保护工作簿”后重试。本次未对工作簿做任何修改。`;
}

function protectedMessage(sheet: string): string {
  return `工作表“${sheet}”受保护，无法写入计算结果。请在“审阅”选项卡中点击“撤消工作表保护”后重新计算。本次未对工作簿做任何修改。`;
}

/** Stores settings/material (or any store change): one sync to write. */
export async function writeStore(store: WorkbookStore, exists: boolean, sheets: SheetInfo[], structureProtected: boolean | null): Promise<void> {
  const info = storeInfo(sheets);
  if (!exists && structureProtected) throw new GatewayError(structureMessage('保存加载项数据'), 'AccessDenied');
  if (info?.protected) throw new GatewayError('加载项数据工作表受保护，无法保存。本次未对工作簿做任何修改。', 'AccessDenied');
  try {
    await Excel.run(async (ctx) => {
      queueStore(ctx, store, exists, sheets);
      await ctx.sync();
    });
  } catch (e) {
    // Below ExcelApi 1.2/1.7 protection is only known from Office's refusal.
    if (errorCode(e) === 'AccessDenied') throw new GatewayError('加载项数据工作表或工作簿结构受保护，无法保存。请取消保护后重试。', 'AccessDenied');
    throw new GatewayError(`保存到工作簿失败${codeNote(e)}，请稍后重试。`, errorCode(e) || 'WriteFailed');
  }
}

export interface CalculationWrite {
  /** The engine's ready calculation: cells, draft, store. */
  calc: ReadyCalculation;
  /** What the read saw. */
  read: Pick<WorkbookRead, 'sheets'>;
  /** The plan's sheet as read, to refuse a write onto a formula. */
  grid?: SheetGrid;
}

export interface CalculationWritten {
  reportSheet: string | null;
  record: StoredRecord;
  cells: number;
}

/** The door's own guards before anything is written (the engine's refusals came first). */
function checkBeforeWrite(w: CalculationWrite): void {
  const { calc, read } = w;
  const target = read.sheets.find((s) => sameName(s.name, calc.sheet));
  if (!target) throw new GatewayError(`找不到工作表“${calc.sheet}”，可能已被重命名或删除。请重新点击“计算得分”。`, 'ItemNotFound');
  if (w.grid) {
    const o = w.grid.origin ?? { row: 0, col: 0 };
    for (const c of calc.writes) {
      const p = topLeft(c.address);
      const f = w.grid.formulas?.[p.row - o.row]?.[p.col - o.col];
      if (typeof f === 'string' && f.startsWith('=')) {
        throw new GatewayError(`单元格 ${calc.sheet}!${c.address} 含有公式，加载项不会覆盖公式。本次未对工作簿做任何修改，请将该问题反馈给开发人员。`, 'FormulaCell');
      }
    }
  }
}

/**
 * Queues the report sheet: paragraphs in column A, title centred bold, headings bold, wrapped in a wide column.
 * Column width and autofitRows are ExcelApi 1.2: on 1.1 the column keeps Excel's default width, so wrapping (a
 * few characters a line) and centring would make the text unreadable; each paragraph stays on one line that runs
 * on to the right, headings bold, and the pane shows the same draft to copy.
 */
function queueReport(ctx: Ctx, name: string, rows: ReportSheetRow[], replace: boolean): void {
  const layout = supports('1.2');
  // Our untouched draft is rewritten in place, so the sheet keeps its tab position.
  const ws = replace ? ctx.workbook.worksheets.getItem(name) : ctx.workbook.worksheets.add(name);
  if (replace) ws.getRange().clear();
  const n = rows.length;
  const all = ws.getRange(`A1:A${n}`);
  all.numberFormat = rows.map((r) => [r.numberFormat]);
  all.values = rows.map((r) => [r.text]);
  if (layout) {
    all.format.wrapText = true;
    all.format.columnWidth = charsToPoints(REPORT_COLUMN_WIDTH);
  }
  rows.forEach((r, i) => {
    if (r.style === 'body') return;
    const cell = ws.getRange(`A${i + 1}`);
    cell.format.font.bold = true;
    if (r.style === 'title' && layout) cell.format.horizontalAlignment = 'Center' as Excel.HorizontalAlignment;
  });
  if (layout) all.format.autofitRows();
}

/**
 * Writes a calculation in one sync. Order, because Office applies a batch in order and keeps what ran before a
 * failure: (1) a read of the target sheet, so that a renamed or deleted sheet stops the batch before any change;
 * (2) the new report sheet (a taken name stops it here, still before any change); (3) the record; (4) the cells.
 * A failure at (3) leaves only our own new report sheet (removed by the check after failure); at (4) the record
 * is already there, and restore puts back every cell that still holds what we wrote.
 *
 * When the target's protection is unknown (ExcelApi 1.1 has no worksheet.protection, and no other read-only way
 * to learn it: RangeFormat.protection is 1.2 as well), step (1) also probes every planned cell with a write of
 * null, which Office.js defines as "leave the cell unchanged" but still checks against protection (AccessDenied
 * on a locked cell), so a protected sheet stops the batch before any change. Should a host let the probe pass,
 * the order above still holds: the first cell write fails after the record, and restore undoes it.
 */
export async function writeCalculation(w: CalculationWrite): Promise<CalculationWritten> {
  const { calc, read } = w;
  checkBeforeWrite(w);
  const replace = calc.draft.kind === 'replace';
  const reportSheet = calc.draft.name;
  const record = calc.store.record as StoredRecord;
  const targetInfo = read.sheets.find((s) => sameName(s.name, calc.sheet));
  const probe = targetInfo && targetInfo.protected === null ? calc.writes.map((c) => c.address) : [];
  try {
    await Excel.run(async (ctx) => {
      const target = ctx.workbook.worksheets.getItem(calc.sheet);
      target.load('name');
      for (const address of probe) target.getRange(address).values = [[null]];
      queueReport(ctx, reportSheet, calc.draft.rows, replace);
      queueStoreCells(ctx, calc.storeCells, calc.storeExists, read.sheets);
      for (const c of calc.writes) {
        const cell = target.getRange(c.address);
        cell.numberFormat = [[c.numberFormat]];
        // null in a values array means "leave unchanged" in Office.js; '' empties the cell.
        cell.values = [[c.value === null ? '' : c.value]];
      }
      await ctx.sync();
    });
  } catch (e) {
    throw await writeFailure(e, { sheet: calc.sheet, record, reportSheet, reportIsNew: !replace, storeExisted: calc.storeExists, probe });
  }
  return { reportSheet, record, cells: calc.writes.length };
}

interface FailedWrite {
  sheet: string;
  record: StoredRecord;
  reportSheet: string | null;
  /** False when the report sheet replaced our earlier draft of the same name: that name existed before. */
  reportIsNew: boolean;
  storeExisted: boolean;
  /** The planned cells, when the target's protection was unknown (ExcelApi 1.1): probed again after a refusal. */
  probe: string[];
}

/** What a failed write left: the store's current values and our report sheet's (null when absent). */
interface AfterWrite {
  storePresent: boolean;
  storeColumn: unknown[];
  reportValues: unknown[][] | null;
}

/** One sync through null-object chains (ExcelApi 1.4). */
async function inspectChained(ctx: Ctx, reportSheet: string | null): Promise<AfterWrite> {
  const storeSheet = ctx.workbook.worksheets.getItemOrNullObject(STORE_SHEET).load('name');
  const storeRange = loadStoreChained(ctx);
  const reportWs = reportSheet ? ctx.workbook.worksheets.getItemOrNullObject(reportSheet).load('name') : null;
  const report = reportSheet ? ctx.workbook.worksheets.getItemOrNullObject(reportSheet).getUsedRangeOrNullObject(true).load('values') : null;
  await ctx.sync();
  return {
    storePresent: !storeSheet.isNullObject,
    storeColumn: storeRange.isNullObject ? [] : (storeRange.values as unknown[][]).map((r) => r[0]),
    reportValues: reportWs && !reportWs.isNullObject && report ? (report.isNullObject ? [] : (report.values as unknown[][])) : null,
  };
}

/** Two syncs with ExcelApi 1.1 calls only: the sheet names, then the sheets that exist. */
async function inspectPlain(ctx: Ctx, reportSheet: string | null): Promise<AfterWrite> {
  const list = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const names = list.items.map((ws) => ws.name);
  const has = (n: string): boolean => names.some((x) => sameName(x, n));
  const storeRange = has(STORE_SHEET) ? usedValues(ctx.workbook.worksheets.getItem(STORE_SHEET)).load('values') : null;
  const report = reportSheet && has(reportSheet) ? usedValues(ctx.workbook.worksheets.getItem(reportSheet)).load('values') : null;
  await ctx.sync();
  return {
    storePresent: !!storeRange,
    storeColumn: storeRange ? (storeRange.values as unknown[][]).map((r) => r[0]) : [],
    reportValues: report ? (report.values as unknown[][]) : null,
  };
}

/** True when the planned cells refuse even a write that changes nothing: the sheet (or those cells) is protected. */
async function refusesWrites(sheet: string, addresses: string[]): Promise<boolean> {
  try {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (const a of addresses) ws.getRange(a).values = [[null]];
      await ctx.sync();
    });
    return false;
  } catch (e) {
    return errorCode(e) === 'AccessDenied';
  }
}

/**
 * After a failed write: find out what happened and say it. If the record did not land, nothing but possibly our
 * new report sheet (and a new store sheet) changed, and those are removed when they still hold exactly our text.
 */
async function writeFailure(e: unknown, f: FailedWrite): Promise<GatewayError> {
  const { sheet, record, reportSheet } = f;
  const code = errorCode(e);
  const cause =
    code === 'ItemNotFound'
      ? `工作表“${sheet}”已不存在（可能在计算过程中被重命名或删除）`
      : code === 'AccessDenied'
        ? '工作表或工作簿受保护'
        : code === 'ItemAlreadyExists'
          ? `已存在名为“${reportSheet ?? REPORT_SHEET}”的工作表`
          : `写入过程中出现错误${codeNote(e)}`;
  let after = '工作簿中可能已写入部分结果，可点击“恢复计算前内容”撤销。';
  let unchanged = false;
  try {
    after = await Excel.run(async (ctx) => {
      const now = supports('1.4') ? await inspectChained(ctx, reportSheet) : await inspectPlain(ctx, reportSheet);
      const landed = decodeStore(now.storeColumn).record as StoredRecord | null;
      if (landed && landed.at === record.at && landed.sheet === record.sheet && landed.reportDigest === record.reportDigest) {
        return '部分结果可能已经写入，请点击“恢复计算前内容”撤销后重新计算。';
      }
      // The record did not land, so no cell was written (the cells come after it). Remove what this batch
      // added: a new report sheet when it is blank or holds exactly our text, a store sheet that did not exist.
      const values = now.reportValues;
      if (values && reportSheet && f.reportIsNew) {
        const blank = values.every((r) => r.every((v) => v === '' || v === null));
        if (blank || isOurDraft(values, record)) ctx.workbook.worksheets.getItem(reportSheet).delete();
      }
      if (!f.storeExisted && now.storePresent) ctx.workbook.worksheets.getItem(STORE_SHEET).delete();
      await ctx.sync();
      unchanged = true;
      return '工作簿未作修改。';
    });
  } catch {
    // Keep the cautious wording.
  }
  // Protection unknown before the write (ExcelApi 1.1): a refusal may come from the table sheet, the store sheet
  // or the workbook structure. A lone probe tells whether it is the table sheet, for the usual clear message.
  if (code === 'AccessDenied' && unchanged && f.probe.length && (await refusesWrites(sheet, f.probe))) {
    return new GatewayError(protectedMessage(sheet), 'AccessDenied');
  }
  return new GatewayError(`写入计算结果失败：${cause}。${after}请检查后重新点击“计算得分”。`, code || 'WriteFailed');
}

// ------------------------------------------------------------------------------------------------- restore

export interface RestoreOutcome {
  restored: number;
  /** Cells changed by the user since our write: left as they are. */
  kept: string[];
  reportSheetRemoved: string | null;
  reportSheetKept: string | null;
  sheet: string;
}

/** The smallest range holding every recorded cell: read as one range, as the engine's grid. */
function boundingBox(addresses: string[]): { address: string; origin: { row: number; col: number } } {
  const cells = addresses.map(topLeft);
  const top = Math.min(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.col));
  const bottom = Math.max(...cells.map((c) => c.row));
  const right = Math.max(...cells.map((c) => c.col));
  return { address: `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`, origin: { row: top, col: left } };
}

/**
 * Puts back the cells of the last calculation. Which cells go back is the engine's rule (restorePlan: a cell
 * that still holds what we wrote gets its `before`; the user's later edits win). The report sheet is removed only
 * when its text is still exactly ours (its digest), so a draft someone edited is never lost; the record is then
 * cleared, so a second restore does nothing. Three syncs: the store, then the recorded cells and the report
 * sheet, then the writes.
 */
export async function restore(): Promise<RestoreOutcome | null> {
  const { store, exists, sheets } = await readStore();
  const record = store.record as StoredRecord | null;
  if (!record) return null;
  const target = sheets.find((s) => sameName(s.name, record.sheet));
  if (!target) throw new GatewayError(`找不到工作表“${record.sheet}”（可能已被重命名或删除），无法恢复。如已改名，请改回原名后重试。`, 'ItemNotFound');
  if (target.protected && record.cells.length) throw new GatewayError(`工作表“${record.sheet}”受保护，无法恢复。请先撤消工作表保护后重试。本次未对工作簿做任何修改。`, 'AccessDenied');
  const report = record.reportSheet ? sheets.find((s) => sameName(s.name, record.reportSheet as string)) : undefined;
  try {
    return await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(target.name);
      const box = record.cells.length ? boundingBox(record.cells.map((c) => c.address)) : null;
      const range = box ? ws.getRange(box.address).load('values,formulas,numberFormat') : null;
      const reportRange = report ? usedValues(ctx.workbook.worksheets.getItem(report.name)).load('values') : null;
      await ctx.sync();

      let restored = 0;
      const kept: string[] = [];
      if (range && box) {
        const grid: SheetGrid = {
          name: target.name,
          values: cellValues(range.values as unknown[][]),
          formulas: range.formulas as unknown[][],
          numberFormats: range.numberFormat as (string | null)[][],
          origin: box.origin,
        };
        const plan = restorePlan({ ...record, sheet: target.name }, grid);
        for (const w of plan.writes) {
          const r = ws.getRange(w.address);
          r.numberFormat = [[w.numberFormat || 'General']];
          r.values = [[w.value === null ? '' : w.value]];
          restored++;
        }
        for (const address of plan.skipped) {
          // A write cut off between its format and its value leaves the original value with our format: put the
          // format back. Anything else means the user changed the cell, and it is kept as it is.
          const c = record.cells.find((x) => x.address === address);
          const p = topLeft(address);
          const i = p.row - box.origin.row;
          const j = p.col - box.origin.col;
          const formula = (range.formulas as unknown[][])[i][j];
          const format = (range.numberFormat as unknown[][])[i][j];
          const cutOff =
            !!c &&
            !(typeof formula === 'string' && formula.startsWith('=')) &&
            sameValue((range.values as unknown[][])[i][j], c.before.value) &&
            format === c.numberFormat &&
            format !== c.before.numberFormat;
          if (cutOff && c) {
            ws.getRange(address).numberFormat = [[c.before.numberFormat || 'General']];
            restored++;
          } else kept.push(address);
        }
      }
      let removed: string | null = null;
      let reportKept: string | null = null;
      if (report && reportRange) {
        const values = reportRange.values as unknown[][];
        const ours = isOurDraft(values, record);
        if (ours) {
          ctx.workbook.worksheets.getItem(report.name).delete();
          removed = report.name;
        } else reportKept = report.name;
      }
      queueStore(ctx, { ...store, record: null }, exists, sheets);
      await ctx.sync();
      return { restored, kept, reportSheetRemoved: removed, reportSheetKept: reportKept, sheet: target.name };
    });
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    const code = errorCode(e);
    throw new GatewayError(`恢复失败${codeNote(e)}。请检查工作表是否受保护后重试。`, code || 'RestoreFailed');
  }
}

// ------------------------------------------------------------------------------------------------- select

/** Activates the cell's sheet and selects the cell: one sync. */
export async function selectCell(qualifiedAddress: string): Promise<void> {
  const { sheet, address } = splitQualified(qualifiedAddress);
  if (!sheet || !address) return;
  try {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    });
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ItemNotFound') throw new GatewayError(`找不到工作表“${sheet}”，可能已被重命名或删除。`, code);
    if (code === 'InvalidOperation') throw new GatewayError(`工作表“${sheet}”已隐藏，无法定位到单元格 ${address}。请先取消隐藏该工作表。`, code);
    throw new GatewayError(`无法定位到单元格 ${sheet}!${address}${codeNote(e)}。`, code || 'SelectFailed');
  }
}
