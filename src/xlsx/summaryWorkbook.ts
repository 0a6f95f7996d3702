/** 汇总.xlsx: one row per file of a folder, ranked by total score (ExcelJS: a new file, nothing to keep). */
import ExcelJS from 'exceljs';
import { SUMMARY_AUTHOR, SUMMARY_COLUMNS, SUMMARY_TITLE, sortSummary, type SummaryRow } from './summaryRows';

export { SUMMARY_COLUMNS, SUMMARY_FILE, sortSummary, type SummaryRow } from './summaryRows';

export function buildSummaryWorkbook(rows: SummaryRow[], title = SUMMARY_TITLE): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = SUMMARY_AUTHOR;
  // Marks the file as ours: a later run replaces it only while nobody else has saved it (see isOurSummary).
  wb.lastModifiedBy = SUMMARY_AUTHOR;
  const ws = wb.addWorksheet('汇总');
  const widths = [36, 8, 16, 16, 12, 10, 8, 8, 8, 48, 48];
  ws.columns = SUMMARY_COLUMNS.map((h, i) => ({ header: h, key: String(i), width: widths[i] }));
  for (const r of sortSummary(rows)) {
    ws.addRow([r.unit || null, r.year, r.annual, r.executed, r.rate, r.total, r.grade || null, r.errors, r.warnings, r.file, r.note || null]);
  }
  const header = ws.getRow(1);
  header.font = { name: '宋体', size: 11, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getColumn(3).numFmt = '#,##0.00"万元"';
  ws.getColumn(4).numFmt = '#,##0.00"万元"';
  ws.getColumn(5).numFmt = '0.00%';
  ws.getColumn(6).numFmt = '0.00';
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SUMMARY_COLUMNS.length } };
  wb.title = title;
  return wb;
}
