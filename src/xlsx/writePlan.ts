/** Applies the engine's write plan to an ExcelJS worksheet, and puts it back from the record. */
import type ExcelJS from 'exceljs';
import type { CellWrite, WritePlan } from '../engine';
import { restorePlan } from '../engine';
import { sheetToGrid } from './readGrid';
import { isOurUntouchedReport, type StoredRecord } from './reportSheet';
import { findSheet } from './workbook';

type Written = string | number | boolean | null;

/** True when the cell holds a formula (plain or shared): such a cell is never overwritten. */
export function hasFormula(cell: ExcelJS.Cell): boolean {
  const v = cell.value as unknown;
  return !!v && typeof v === 'object' && ('formula' in (v as object) || 'sharedFormula' in (v as object));
}

/** Sets value and number format of one cell, leaving the rest of its style as it was. */
function setCell(cell: ExcelJS.Cell, value: Written, numberFormat: string): void {
  cell.value = value === '' ? null : value;
  // Styles read from a file may be shared between cells: give this cell its own copy before changing it.
  const style = { ...(cell.style ?? {}) } as Partial<ExcelJS.Style>;
  if (!numberFormat || numberFormat === 'General') delete style.numFmt;
  else style.numFmt = numberFormat;
  cell.style = style as ExcelJS.Style;
}

/**
 * Writes every planned cell (value and number format) and nothing else. A planned cell that holds a formula is
 * skipped (the engine never plans one; this is the door's own guard) and returned.
 */
export function applyWrites(ws: ExcelJS.Worksheet, writes: CellWrite[]): string[] {
  const skipped: string[] = [];
  for (const w of writes) {
    const cell = ws.getCell(w.address);
    if (hasFormula(cell)) {
      skipped.push(w.address);
      continue;
    }
    setCell(cell, w.value, w.numberFormat);
  }
  return skipped;
}

/** Applies the plan's inverse (every written cell back as before our first write). */
export function applyInverse(ws: ExcelJS.Worksheet, inverse: WritePlan['inverse']): void {
  for (const c of inverse) {
    const cell = ws.getCell(c.address);
    if (hasFormula(cell)) continue;
    setCell(cell, c.value, c.numberFormat);
  }
}

/**
 * Undoes the recorded calculation (the rule is the engine's restorePlan): each cell that still holds what we
 * wrote gets its `before` value and format back, a cell the user changed since is left as it is. The report sheet
 * that calculation added is removed only when it still holds exactly our text (its digest), as the add-in does.
 */
export function restoreFromRecord(
  wb: ExcelJS.Workbook,
  record: StoredRecord,
): { sheetFound: boolean; cells: number; skipped: string[]; reportRemoved: string | null; reportKept: string | null } {
  const ws = findSheet(wb, record.sheet);
  let cells = 0;
  let skipped: string[] = [];
  if (ws) {
    const plan = restorePlan(record, sheetToGrid(ws));
    applyInverse(ws, plan.writes);
    cells = plan.writes.length;
    skipped = plan.skipped;
  }
  let reportRemoved: string | null = null;
  let reportKept: string | null = null;
  const rs = record.reportSheet ? findSheet(wb, record.reportSheet) : undefined;
  if (rs) {
    if (isOurUntouchedReport(rs, record)) {
      wb.removeWorksheet(rs.id);
      reportRemoved = rs.name;
    } else reportKept = rs.name;
  }
  return { sheetFound: !!ws, cells, skipped, reportRemoved, reportKept };
}
