/** 汇总.xlsx: one row per file of a folder, ranked by total score. */
import ExcelJS from 'exceljs';

export const SUMMARY_FILE = '汇总.xlsx';
export const SUMMARY_COLUMNS = ['单位', '年度', '全年预算数', '全年执行数', '预算完成率', '总分', '等级', '错误数', '警告数', '文件', '说明'];

export interface SummaryRow {
  unit: string;
  year: number | null;
  /** In 万元. */
  annual: number | null;
  executed: number | null;
  /** Fraction. */
  rate: number | null;
  total: number | null;
  grade: string;
  errors: number | null;
  warnings: number | null;
  /** Path relative to the folder scored. */
  file: string;
  /** Why the file failed, or a note (e.g. the total is incomplete); '' otherwise. */
  note: string;
  /** False when the file could not be scored. */
  scored: boolean;
}

/** Scored files by total (highest first), then the failures; ties keep file order. */
export function sortSummary(rows: SummaryRow[]): SummaryRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      if (a.r.scored !== b.r.scored) return a.r.scored ? -1 : 1;
      const ta = a.r.total ?? -Infinity, tb = b.r.total ?? -Infinity;
      if (ta !== tb) return tb - ta;
      return a.i - b.i;
    })
    .map((x) => x.r);
}

export function buildSummaryWorkbook(rows: SummaryRow[], title = '部门整体支出绩效自评汇总'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效自评助手';
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
