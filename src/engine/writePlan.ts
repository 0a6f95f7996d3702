/**
 * The write plan (spec §5): the cells to write with their formats, the record to keep in the workbook, and
 * the inverse that puts every written cell back as it was before our first write.
 */
import type { CellWrite, WritePlan, WriteRecord } from './types';
import { SheetView } from './sheetView';
import type { SheetGrid } from './grid';
import { parseA1 } from './grid';
import { sameValue, type RecordCell } from './ownership';

/**
 * Finishes a plan: cells we wrote last time that this calculation no longer writes (a row that can no
 * longer be scored, say) and that still hold our value go back to what they were, so no stale figure stays.
 */
export function finishPlan(sheet: string, writes: CellWrite[], view: SheetView, record: Map<string, RecordCell>, now: string): WritePlan {
  const planned = new Set<string>();
  for (const w of writes) planned.add(w.address);
  const all = writes.slice();
  for (const [address, rec] of record) {
    if (planned.has(address)) continue;
    const { row, col } = parseA1(address);
    if (view.isFormula(row, col) || !sameValue(view.raw(row, col), rec.written)) continue;
    all.push({ address, value: rec.before.value as string | number | null, numberFormat: rec.before.numberFormat, before: rec.before, purpose: 'revert' });
  }
  // One pass for the record and the inverse: only this calculation's writes, not the reverts.
  const cells: WriteRecord['cells'] = [];
  const inverse: WritePlan['inverse'] = [];
  for (const w of writes) {
    cells.push({ address: w.address, written: w.value, numberFormat: w.numberFormat, before: w.before });
    inverse.push({ address: w.address, value: w.before.value, numberFormat: w.before.numberFormat });
  }
  const newRecord: WriteRecord = { version: 1, sheet, at: now, cells };
  return {
    sheet,
    writes: all,
    inverse,
    record: newRecord,
    recalculate: [],
  };
}

export interface RestorePlan {
  sheet: string;
  writes: { address: string; value: string | number | boolean | null; numberFormat: string }[];
  /** Cells changed by the user since our calculation: left as they are. */
  skipped: string[];
  /** The report sheet the calculation added, for the door to remove. */
  reportSheet: string | null;
}

/**
 * Undo the last calculation: every cell that still holds what we wrote goes back to its value before. A write cut
 * off between its format and its value (the host applied our format, not yet our value) left the user's value with
 * our format: the format goes back too. Any other change is the user's, and is kept.
 */
export function restorePlan(record: WriteRecord, grid: SheetGrid): RestorePlan {
  const view = new SheetView(grid);
  const writes: RestorePlan['writes'] = [];
  const skipped: string[] = [];
  for (const c of record.cells) {
    const { row, col } = parseA1(c.address);
    if (view.isFormula(row, col)) {
      skipped.push(c.address);
      continue;
    }
    const now = view.raw(row, col);
    const format = view.ownNumberFormat(row, col);
    const ours = sameValue(now, c.written);
    const cutOff = !ours && sameValue(now, c.before.value) && format === c.numberFormat && format !== c.before.numberFormat;
    if (ours || cutOff) writes.push({ address: c.address, value: c.before.value, numberFormat: c.before.numberFormat });
    else skipped.push(c.address);
  }
  return { sheet: record.sheet, writes, skipped, reportSheet: record.reportSheet ?? null };
}
