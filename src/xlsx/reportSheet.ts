/** The 自评报告 sheet: one paragraph per row in one wide wrapped column A (same layout as the add-in). */
import type ExcelJS from 'exceljs';
import { REPORT_COLUMN_WIDTH, REPORT_SHEET, reportDigest, reportSheetRows, uniqueSheetName } from '../engine';
import type { Report, WriteRecord } from '../engine';

/** The record as both doors keep it (the engine's WriteRecord carries the report digest). */
export type StoredRecord = WriteRecord;

const FONT = '宋体';
const SIZE: Record<string, number> = { title: 16, heading1: 12, heading2: 12, body: 12 };

/** The texts in column A of a sheet, as the add-in reads its used range; null when other columns are used. */
export function sheetLines(ws: ExcelJS.Worksheet): string[] | null {
  if (ws.actualColumnCount > 1) return null;
  const lines: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    lines.push(v === null || v === undefined ? '' : String(v));
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** True when the sheet still holds exactly the report that the record says we wrote. */
export function isOurUntouchedReport(ws: ExcelJS.Worksheet, record: StoredRecord | null): boolean {
  if (!record?.reportDigest) return false;
  const lines = sheetLines(ws);
  return lines !== null && reportDigest(lines) === record.reportDigest;
}

/** Rough display width: CJK and full-width characters count 2, others 1. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Row height for wrapped text (points). Excel does not re-measure rows on opening a file written by a library,
 * so the height is estimated from the text; a little generous rather than cutting a line off.
 */
function rowHeight(text: string, size: number): number {
  const perLine = Math.max(1, Math.floor((REPORT_COLUMN_WIDTH * 11) / size) - 2);
  const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / perLine)), 0);
  return Math.ceil(lines * size * 1.5 + 4);
}

/**
 * Adds the report as a new sheet (自评报告, or 自评报告 (2)… when taken) and returns its name and digest.
 * `orderNo` puts it where a sheet it replaces was.
 */
export function addReportSheet(wb: ExcelJS.Workbook, report: Report, orderNo?: number): { name: string; digest: string } {
  const rows = reportSheetRows(report);
  const name = uniqueSheetName(REPORT_SHEET, wb.worksheets.map((ws) => ws.name));
  const ws = wb.addWorksheet(name);
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  ws.getColumn(1).width = REPORT_COLUMN_WIDTH;
  rows.forEach((row, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = row.text;
    cell.numFmt = '@'; // text, as the add-in writes it: a paragraph is never read as a number or a formula
    const size = SIZE[row.style];
    cell.font = { name: FONT, size, bold: row.style !== 'body' };
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: row.style === 'title' ? 'center' : 'left' };
    ws.getRow(i + 1).height = rowHeight(row.text, size);
  });
  return { name, digest: reportDigest(rows.map((r) => r.text)) };
}
