/** The 自评报告 sheet: one paragraph per row in one wide wrapped column A (same layout as the add-in). */
import type ExcelJS from 'exceljs';
import { REPORT_COLUMN_WIDTH, REPORT_SHEET, reportSheetRows, uniqueSheetName } from '../engine/reportSheet';
import type { Report } from '../engine/types';

const FONT = '宋体';
const SIZE: Record<string, number> = { title: 16, heading1: 12, heading2: 12, body: 12 };

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

/** Adds the report as a new sheet (自评报告, or 自评报告 (2)… when taken); returns its name. */
export function addReportSheet(wb: ExcelJS.Workbook, report: Report, base: string = REPORT_SHEET): string {
  const name = uniqueSheetName(base, wb.worksheets.map((ws) => ws.name));
  const ws = wb.addWorksheet(name);
  ws.getColumn(1).width = REPORT_COLUMN_WIDTH;
  reportSheetRows(report).forEach((row, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = row.text;
    const size = SIZE[row.style];
    cell.font = { name: FONT, size, bold: row.style !== 'body' };
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: row.style === 'title' ? 'center' : 'left' };
    ws.getRow(i + 1).height = rowHeight(row.text, size);
  });
  return name;
}
