/**
 * 恢复计算前内容 in WPS 表格: the engine decides (restoreStart: what to read; restoreWrites: what to put back); this
 * reads the recorded cells' box and our report sheet's column A, then writes the cells back, removes our untouched
 * draft and clears the record.
 */
import { draftLines, parseRange, restoreStart, restoreWrites, type SheetGrid } from '../engine';
import type { EtApplication, EtWorkbook } from './et';
import { findSheet, matrix, normalFormat, sheetList, readStore, valuesFromA1 } from './read';
import { deleteSheet, writeStoreCells } from './write';

/** The recorded cells' box, cell by cell for formats (a box of a few dozen cells). */
function boxGrid(wb: EtWorkbook, sheet: string, range: string): SheetGrid {
  const ws = findSheet(wb, sheet);
  if (!ws) throw new Error(`sheet ${sheet} vanished`);
  const r = parseRange(range);
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  const box = ws.Range(range);
  const values = matrix(box.Value2, rows, cols).map((row) => row.map((v) => (v === undefined || v === null ? '' : (v as string | number | boolean))));
  const formulas = matrix(box.Formula, rows, cols);
  const numberFormats = values.map((row, i) => row.map((_, j) => normalFormat(box.Item(i + 1, j + 1).NumberFormat)));
  return { name: sheet, values, formulas, numberFormats, origin: { row: r.top, col: r.left } };
}

export function restoreWorkbook(app: EtApplication, wb: EtWorkbook): { ok: boolean; message: string } {
  const { store } = readStore(wb);
  const start = restoreStart(store, sheetList(wb).map((s) => s.info));
  if (start.kind !== 'read') return { ok: false, message: start.message };
  const { scope } = start;
  const grid = scope.range ? boxGrid(wb, scope.sheet, scope.range) : null;
  const reportWs = scope.reportSheet ? findSheet(wb, scope.reportSheet) : null;
  const plan = restoreWrites(store, scope, grid, reportWs ? draftLines(valuesFromA1(reportWs)) : null);
  const ws = findSheet(wb, plan.sheet);
  if (ws) {
    for (const w of plan.writes) {
      const cell = ws.Range(w.address);
      cell.NumberFormat = w.numberFormat || 'General';
      cell.Value2 = w.value === null ? '' : w.value;
    }
  }
  if (plan.removeReport && reportWs) deleteSheet(app, reportWs);
  writeStoreCells(wb, plan.storeCells, true);
  return { ok: true, message: plan.message };
}
