/**
 * Applying what the engine decided: a ready Calculation (the table's cells, the report sheet, the store) in one
 * sync, and the store alone (settings, material) in one sync. No rule is decided here.
 */
import {
  MESSAGES, REPORT_COLUMN_WIDTH, STORE_SHEET, encodeStore, type Calculation, type DoorSheet, type DraftAction, type WorkbookStore, type WriteRecord,
} from '../engine';
import type { Capabilities } from './capabilities';
import { findSheet, type Ctx } from './loads';
import { GATEWAY_MESSAGES, GatewayError, errorCode } from './messages';
import { writeFailure } from './recovery';

export type ReadyCalculation = Extract<Calculation, { kind: 'ready' }>;

/** The last row of a sheet (ExcelApi has no "to the end" address). */
const LAST_ROW_NUMBER = 1048576;

/** Excel: 1 character of the default font ≈ 7 px = 5.25 pt, plus 5 px padding. */
function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Queues the store: a new very hidden sheet, or column A rewritten in place. The new text goes in first and only
 * then are leftover rows below cleared, so that a batch cut off half-way never leaves an empty store (the settings
 * and material would be lost). Text format keeps the JSON from being typed in as a number or formula.
 */
export function queueStore(ctx: Ctx, caps: Capabilities, cells: string[], exists: boolean, sheets: DoorSheet[]): void {
  // Setting a sheet's visibility is ExcelApi 1.2: on 1.1 the store sheet is added as a plain (visible) sheet.
  const ws = exists ? ctx.workbook.worksheets.getItem(STORE_SHEET) : ctx.workbook.worksheets.add(STORE_SHEET);
  if (!exists && caps.api1_2) ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
  const range = ws.getRange(`A1:A${cells.length}`);
  range.numberFormat = cells.map(() => ['@']);
  range.values = cells.map((c) => [c]);
  if (exists) ws.getRange(`A${cells.length + 1}:A${LAST_ROW_NUMBER}`).clear();
  // A store left visible by Excel 2016 (ExcelApi 1.1) is hidden on a newer Excel, as the command line does; last,
  // so that a failure here loses nothing.
  const info = findSheet(sheets, STORE_SHEET);
  if (exists && caps.api1_2 && info && info.visibility !== 'VeryHidden') ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
}

/** Keeps settings or material (any store change): one sync. */
export async function writeStore(caps: Capabilities, store: WorkbookStore, exists: boolean, sheets: DoorSheet[], structureProtected: boolean | null): Promise<void> {
  if (!exists && structureProtected) throw new GatewayError(MESSAGES.structureProtected(MESSAGES.saveStore()), 'AccessDenied');
  if (findSheet(sheets, STORE_SHEET)?.protected) throw new GatewayError(GATEWAY_MESSAGES.storeSheetProtected(), 'AccessDenied');
  try {
    await Excel.run(async (ctx) => {
      queueStore(ctx, caps, encodeStore(store), exists, sheets);
      await ctx.sync();
    });
  } catch (e) {
    // Below ExcelApi 1.2/1.7 protection is only known from Office's refusal.
    if (errorCode(e) === 'AccessDenied') throw new GatewayError(GATEWAY_MESSAGES.saveRefused(), 'AccessDenied');
    throw new GatewayError(GATEWAY_MESSAGES.saveFailed(e), errorCode(e) || 'WriteFailed');
  }
}

/**
 * Queues the report sheet: paragraphs in column A, title centred bold, headings bold, wrapped in a wide column.
 * Our untouched draft ('replace') is rewritten in place, so its tab keeps its position: one values write over its
 * old rows and the new ones (a batch cut off leaves the old text or the new, never a mix). Column width and
 * autofitRows are ExcelApi 1.2: on 1.1 the column keeps Excel's default width, so wrapping and centring would make
 * the text unreadable; each paragraph stays on one line that runs on to the right, headings bold.
 */
function queueReport(ctx: Ctx, caps: Capabilities, draft: DraftAction, previousRows: number): void {
  const replace = draft.kind === 'replace';
  const ws = replace ? ctx.workbook.worksheets.getItem(draft.name) : ctx.workbook.worksheets.add(draft.name);
  const rows = draft.rows;
  const n = replace ? Math.max(rows.length, previousRows) : rows.length;
  const text = ws.getRange(`A1:A${n}`);
  text.numberFormat = Array.from({ length: n }, (_, i) => [rows[i]?.numberFormat ?? 'General']);
  text.values = Array.from({ length: n }, (_, i) => [rows[i]?.text ?? '']);
  // The rest of a longer old draft: emptied by the values write above, its formats cleared here.
  if (n > rows.length) ws.getRange(`A${rows.length + 1}:A${n}`).clear();
  const all = ws.getRange(`A1:A${rows.length}`);
  if (replace) all.format.font.bold = false;
  if (caps.api1_2) {
    all.format.wrapText = true;
    all.format.columnWidth = charsToPoints(REPORT_COLUMN_WIDTH);
  }
  rows.forEach((r, i) => {
    if (r.style === 'body') return;
    const cell = ws.getRange(`A${i + 1}`);
    cell.format.font.bold = true;
    if (r.style === 'title' && caps.api1_2) cell.format.horizontalAlignment = 'Center' as Excel.HorizontalAlignment;
  });
  if (caps.api1_2) all.format.autofitRows();
}

export interface WriteContext {
  /** The sheet list the calculation was made from. */
  sheets: DoorSheet[];
  /** Column A of our previous draft, as read (given to the engine): its row count, and put back after a failure. */
  previousDraft?: string[] | null;
}

export interface CalculationWritten {
  reportSheet: string;
  record: WriteRecord;
  cells: number;
}

/**
 * Writes a ready calculation in one sync. Order, because Office applies a batch in order and keeps what ran before a
 * failure: (1) a read of the target sheet, so that a renamed or deleted sheet stops the batch before any change;
 * (2) the report sheet (a taken name stops it here, still before any change to the table); (3) the store with the
 * record; (4) the cells. A failure before (3) leaves only the report sheet, which recovery removes (a new one) or
 * puts back (our replaced draft); at (4) the record is already there, and restore puts back every cell that still
 * holds what we wrote.
 */
export async function writeCalculation(caps: Capabilities, calc: ReadyCalculation, read: WriteContext): Promise<CalculationWritten> {
  const record = calc.store.record as WriteRecord;
  const previous = calc.draft.kind === 'replace' ? (read.previousDraft ?? []) : [];
  try {
    await Excel.run(async (ctx) => {
      const target = ctx.workbook.worksheets.getItem(calc.sheet);
      target.load('name');
      queueReport(ctx, caps, calc.draft, previous.length);
      queueStore(ctx, caps, calc.storeCells, calc.storeExists, read.sheets);
      for (const c of calc.writes) {
        const cell = target.getRange(c.address);
        cell.numberFormat = [[c.numberFormat]];
        // null in a values array means "leave unchanged" in Office.js; '' empties the cell.
        cell.values = [[c.value === null ? '' : c.value]];
      }
      await ctx.sync();
    });
  } catch (e) {
    throw await writeFailure(caps, e, { sheet: calc.sheet, record, draft: calc.draft, previousDraft: previous, storeExisted: calc.storeExists });
  }
  return { reportSheet: calc.draft.name, record, cells: calc.writes.length };
}
