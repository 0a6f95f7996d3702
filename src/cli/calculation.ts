/**
 * Between READ and APPLY: the engine's calculate (and restore) steps on what the package holds, mapped to a change
 * set. No rule lives here: what to write, where the draft goes, what is refused and every message are the engine's.
 */
import {
  MESSAGES, STORE_SHEET, calculate as engineCalculate, decodeStore, restoreStart, restoreWrites,
  type CalculateInput, type DoorSheet, type FoundEvaluation, type Report, type Settings, type WorkbookStore,
} from '../engine';
import type { ChangeSet } from '../xlsx/applyChanges';
import type { XlsxBook } from '../xlsx/readWorkbook';
import { reportSheet, storeSheet } from '../xlsx/reportSheet';
import { CliError } from './io';

export interface CalculationOptions {
  /** Settings given on the command line (validated); else the workbook's, else the defaults. */
  settings?: Settings;
  acceptComputed?: string[];
  now: Date;
}

export interface Calculation {
  evaluation: FoundEvaluation;
  report: Report;
  reportSheet: string;
  changes: ChangeSet;
  /** Problems with the workbook's stored settings. */
  settingsErrors: string[];
}

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

/** The store as the workbook holds it (column A of the very hidden sheet). */
export function storeOf(book: XlsxBook): { store: WorkbookStore; exists: boolean } {
  const info = book.sheet(STORE_SHEET);
  if (!info || info.kind !== 'worksheet') return { store: decodeStore([]), exists: false };
  return { store: decodeStore(book.columnA(info.name)), exists: true };
}

/** The sheet list as every door gives it to the engine: worksheets, their visibility and protection. */
function doorSheets(book: XlsxBook): DoorSheet[] {
  return book.sheets
    .filter((s) => s.kind === 'worksheet')
    .map((s) => ({ name: s.name, visibility: VISIBILITY[s.state], protected: book.isProtected(s.name) }));
}

/** Column A of the sheet the record names as our last draft, when it is a worksheet (undefined otherwise). */
function previousDraft(book: XlsxBook, store: WorkbookStore): string[] | null | undefined {
  const info = store.record?.reportSheet ? book.sheet(store.record.reportSheet) : undefined;
  return info && info.kind === 'worksheet' ? book.columnLines(info.name) : undefined;
}

/** Scores a workbook read by the command line: the engine's calculation as a change set. */
export function calculate(book: XlsxBook, fileName: string, opts: CalculationOptions): Calculation {
  const { store } = storeOf(book);
  const sheets = doorSheets(book);
  // The command line reads every worksheet at once: the engine picks the table, the store and 报告素材.
  const input: CalculateInput = {
    sheets,
    activeSheet: book.activeSheet ?? undefined,
    grids: sheets.filter((s) => s.name !== STORE_SHEET).map((s) => book.grid(s.name)),
    store,
    previousDraft: previousDraft(book, store),
    structureProtected: book.structureProtected,
    // A file keeps its structure lock while we add our sheets; Excel and WPS would refuse.
    addsSheetsUnderLock: true,
    settings: opts.settings,
    acceptComputed: opts.acceptComputed,
    now: opts.now.toISOString(),
    file: fileName,
  };
  const calc = engineCalculate(input);
  if (calc.kind !== 'ready') throw new CliError(calc.message);
  const draft = reportSheet(calc.draft.name, calc.draft.rows);
  const storeSpec = storeSheet(book.sheet(STORE_SHEET)?.name ?? STORE_SHEET, calc.storeCells);
  const changes: ChangeSet = {
    cells: { sheet: calc.sheet, changes: calc.writes.map((w) => ({ address: w.address, value: w.value, numberFormat: w.numberFormat })) },
    add: [...(calc.draft.kind === 'add' ? [draft] : []), ...(calc.storeExists ? [] : [storeSpec])],
    replace: [...(calc.draft.kind === 'replace' ? [draft] : []), ...(calc.storeExists ? [storeSpec] : [])],
    fullCalcOnLoad: calc.recalculate.length > 0,
    now: opts.now,
  };
  return {
    evaluation: calc.evaluation,
    report: calc.report,
    reportSheet: calc.draft.name,
    changes,
    settingsErrors: calc.settingsErrors.map((m) => `表格中保存的设置有误：${m}`),
  };
}

export interface Restoration {
  changes: ChangeSet;
  cells: number;
  skipped: string[];
  reportRemoved: string | null;
  reportKept: string | null;
  message: string;
}

/** Undoes the recorded calculation with the engine's restore steps, as the add-in does. */
export function restoration(book: XlsxBook, now: Date): Restoration {
  const { store, exists } = storeOf(book);
  const start = restoreStart(store, doorSheets(book));
  if (start.kind !== 'read') throw new CliError(start.message);
  if (!exists) throw new CliError(MESSAGES.nothingToRestore());
  if (book.isProtected(STORE_SHEET)) throw new CliError(MESSAGES.storeProtected());
  const { scope } = start;
  const report = scope.reportSheet ? book.columnLines(scope.reportSheet) : null;
  const grids = book.sheets.filter((s) => s.kind === 'worksheet' && s.name !== STORE_SHEET).map((s) => book.grid(s.name));
  const w = restoreWrites(store, scope, book.grid(scope.sheet), report, grids);
  const changes: ChangeSet = {
    cells: { sheet: w.sheet, changes: w.writes.map((c) => ({ address: c.address, value: c.value, numberFormat: c.numberFormat })) },
    replace: [storeSheet(book.sheet(STORE_SHEET)!.name, w.storeCells)],
    remove: w.removeReport ? [w.removeReport] : [],
    fullCalcOnLoad: w.recalculate.length > 0,
    now,
  };
  return { changes, cells: w.writes.length, skipped: w.kept, reportRemoved: w.removeReport, reportKept: w.keepReport, message: w.message };
}
