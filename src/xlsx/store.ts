/** The workbook store (record, settings, material) in a very hidden sheet, as the add-in keeps it. */
import type ExcelJS from 'exceljs';
import { STORE_SHEET, decodeStore, emptyStore, encodeStore, type WorkbookStore } from '../engine';
import { findSheet } from './workbook';

export function readStore(wb: ExcelJS.Workbook): WorkbookStore {
  const ws = findSheet(wb, STORE_SHEET);
  if (!ws) return emptyStore();
  const column: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) column.push(ws.getCell(r, 1).value);
  return decodeStore(column);
}

/** Writes the store into column A of the very hidden sheet, creating it at the end when absent. */
export function writeStore(wb: ExcelJS.Workbook, store: WorkbookStore): void {
  const chunks = encodeStore(store);
  let ws = findSheet(wb, STORE_SHEET);
  if (!ws) ws = wb.addWorksheet(STORE_SHEET);
  ws.state = 'veryHidden';
  const last = Math.max(ws.rowCount, chunks.length);
  for (let r = 1; r <= last; r++) ws.getCell(r, 1).value = r <= chunks.length ? chunks[r - 1] : null;
}
