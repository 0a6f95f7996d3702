/**
 * 恢复计算前内容, for every door: what to read (the recorded cells' box and our report sheet), then what to write
 * back. A cell goes back only while it still holds what we wrote (restorePlan); the report sheet is removed only
 * while it is exactly our draft; the record is then cleared, so that a second restore does nothing.
 */
import { a1, parseA1, type SheetGrid } from './grid';
import { dependentFormulas } from './formulas';
import { MESSAGES } from './messages';
import { isOurUntouchedDraft } from './reportSheet';
import { encodeStore, type WorkbookStore } from './store';
import type { DoorSheet } from './calculate';
import { restorePlan, type RestorePlan } from './writePlan';

export interface RestoreScope {
  /** The sheet of the recorded cells, as named in the workbook now. */
  sheet: string;
  /** The smallest range holding every recorded cell ('G7:H30'); null when the record holds no cell. */
  range: string | null;
  origin: { row: number; col: number };
  /** Our report sheet named by the record, when it exists: the door reads its column A. */
  reportSheet: string | null;
}

export type RestoreStart =
  | { kind: 'nothing'; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'read'; scope: RestoreScope };

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Step 1: from the store and the sheet list, what the door must read (or why there is nothing to do). */
export function restoreStart(store: WorkbookStore, sheets: DoorSheet[]): RestoreStart {
  const record = store.record;
  if (!record) return { kind: 'nothing', message: MESSAGES.nothingToRestore() };
  const target = sheets.find((s) => same(s.name, record.sheet));
  if (!target) return { kind: 'refused', message: MESSAGES.restoreSheetMissing(record.sheet) };
  if (target.protected && record.cells.length) return { kind: 'refused', message: MESSAGES.restoreProtected(record.sheet) };
  const report = record.reportSheet ? sheets.find((s) => same(s.name, record.reportSheet as string)) : undefined;
  let range: string | null = null;
  let origin = { row: 0, col: 0 };
  if (record.cells.length) {
    const cells = record.cells.map((c) => parseA1(c.address));
    const top = Math.min(...cells.map((c) => c.row)), left = Math.min(...cells.map((c) => c.col));
    const bottom = Math.max(...cells.map((c) => c.row)), right = Math.max(...cells.map((c) => c.col));
    range = `${a1(top, left)}:${a1(bottom, right)}`;
    origin = { row: top, col: left };
  }
  return { kind: 'read', scope: { sheet: target.name, range, origin, reportSheet: report ? report.name : null } };
}

export interface RestoreWrites {
  sheet: string;
  writes: RestorePlan['writes'];
  /** Cells the user changed since: kept. */
  kept: string[];
  /** Our untouched draft: removed. */
  removeReport: string | null;
  /** Our draft someone edited: kept. */
  keepReport: string | null;
  /** Formula cells that read a cell put back (qualified on other sheets): the host must recalculate them. */
  recalculate: string[];
  /** The store with the record cleared, and its column-A cells. */
  store: WorkbookStore;
  storeCells: string[];
  message: string;
}

/**
 * Step 2: from the recorded cells as they are now (a grid over scope.range) and the report sheet's column A; the
 * door's grids of the whole workbook, when it read them, say which formulas to recalculate.
 */
export function restoreWrites(
  store: WorkbookStore, scope: RestoreScope, grid: SheetGrid | null, reportLines: string[] | null, grids: SheetGrid[] = [],
): RestoreWrites {
  const record = store.record;
  if (!record) throw new Error('restoreWrites needs a record (restoreStart said so)');
  const plan = grid ? restorePlan({ ...record, sheet: scope.sheet }, grid) : { writes: [], skipped: [] };
  let removeReport: string | null = null;
  let keepReport: string | null = null;
  if (scope.reportSheet) {
    if (isOurUntouchedDraft(record, reportLines)) removeReport = scope.reportSheet;
    else keepReport = scope.reportSheet;
  }
  const cleared: WorkbookStore = { ...store, record: null };
  return {
    sheet: scope.sheet,
    writes: plan.writes,
    kept: plan.skipped,
    removeReport,
    keepReport,
    recalculate: dependentFormulas(grids.filter((g) => g.name !== removeReport), scope.sheet, plan.writes.map((w) => w.address)),
    store: cleared,
    storeCells: encodeStore(cleared),
    message: MESSAGES.restored({ sheet: scope.sheet, restored: plan.writes.length, kept: plan.skipped, reportRemoved: removeReport, reportKept: keepReport }),
  };
}
