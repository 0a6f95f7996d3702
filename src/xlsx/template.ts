/** A blank 《部门整体支出绩效自评表》 in the usual layout (as the bundled example), for a department to fill. */
import ExcelJS from 'exceljs';
import { MATERIAL_SHEET, materialFields, materialSheetRows } from '../engine';

export const TEMPLATE_SHEET = '部门整体支出绩效自评表';

const WIDTHS = [10, 14, 30, 8, 14, 14, 10, 22, 22];
const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const FUND_ROWS = ['财政拨款（一般公共预算）', '政府性基金预算', '其他资金'];
/** 履职效能 rows are the department's own: left blank. */
const PERFORMANCE_ROWS = 5;
/** The usual 管理效率 items (spec §2); weights, targets and actuals are the department's to fill. */
const MANAGEMENT_ROWS: [string, string][] = [
  ['预算执行', '预算完成率'],
  ['预算执行', '支出进度率'],
  ['绩效管理', '绩效管理制度建设'],
  ['绩效管理', '绩效目标合理性'],
  ['绩效管理', '绩效指标明确性'],
  ['绩效管理', '绩效目标完成率'],
  ['绩效管理', '绩效监控开展情况'],
  ['绩效管理', '绩效评价开展情况'],
  ['绩效管理', '绩效结果应用'],
];

/** Builds the template workbook for the given year (the year evaluated, usually last year). */
export function buildTemplate(year: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效自评助手';
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const put = (addr: string, value: ExcelJS.CellValue, numFmt?: string): void => {
    const c = ws.getCell(addr);
    c.value = value;
    if (numFmt) c.numFmt = numFmt;
  };
  let row = 1;
  ws.mergeCells(`A${row}:I${row}`);
  put(`A${row}`, '部门整体支出绩效自评表');
  ws.getCell(`A${row}`).font = { name: '方正小标宋简体', size: 18, bold: true };
  ws.getRow(row).height = 32;
  row++;
  ws.mergeCells(`A${row}:I${row}`);
  put(`A${row}`, `（${year}年度）`);
  row++;
  const firstTableRow = row;

  for (const label of ['单位名称', '年度整体绩效目标', '实际完成情况', '未能完成原因']) {
    ws.mergeCells(`A${row}:B${row}`);
    ws.mergeCells(`C${row}:I${row}`);
    put(`A${row}`, label);
    if (label !== '单位名称') ws.getRow(row).height = 48;
    row++;
  }

  const moneyTop = row;
  put(`B${row}`, '资金来源');
  put(`C${row}`, '年初预算数');
  put(`D${row}`, '全年预算数');
  put(`E${row}`, '全年执行数');
  put(`F${row}`, '预算完成率');
  ws.mergeCells(`G${row}:I${row}`);
  put(`G${row}`, '备注');
  row++;
  const totalRow = row;
  const firstFund = row + 1;
  const lastFund = row + FUND_ROWS.length;
  put(`B${row}`, '合计');
  for (const col of ['C', 'D', 'E']) put(`${col}${row}`, { formula: `SUM(${col}${firstFund}:${col}${lastFund})`, date1904: false } as ExcelJS.CellFormulaValue, '0.00');
  ws.getCell(`F${row}`).numFmt = '0.00%';
  ws.mergeCells(`G${row}:I${row}`);
  row++;
  for (const name of FUND_ROWS) {
    put(`B${row}`, name);
    for (const col of ['C', 'D', 'E']) ws.getCell(`${col}${row}`).numFmt = '0.00';
    ws.getCell(`F${row}`).numFmt = '0.00%';
    ws.mergeCells(`G${row}:I${row}`);
    row++;
  }
  ws.mergeCells(`A${moneyTop}:A${row - 1}`);
  put(`A${moneyTop}`, '年度部门整体支出规模（万元）');
  void totalRow;

  const headerRow = row;
  ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分'].forEach((h, i) => put(`${String.fromCharCode(65 + i)}${row}`, h));
  ws.mergeCells(`H${row}:I${row}`);
  put(`H${row}`, '偏差原因分析及改进措施');
  row++;
  const firstIndicator = row;

  const perfTop = row;
  for (let i = 0; i < PERFORMANCE_ROWS; i++) {
    ws.mergeCells(`H${row}:I${row}`);
    row++;
  }
  ws.mergeCells(`A${perfTop}:A${row - 1}`);
  put(`A${perfTop}`, '履职效能');

  const mgmtTop = row;
  let groupTop = row;
  MANAGEMENT_ROWS.forEach(([level2, name], i) => {
    put(`C${row}`, name);
    ws.mergeCells(`H${row}:I${row}`);
    const next = MANAGEMENT_ROWS[i + 1];
    if (!next || next[0] !== level2) {
      if (row > groupTop) ws.mergeCells(`B${groupTop}:B${row}`);
      put(`B${groupTop}`, level2);
      groupTop = row + 1;
    }
    row++;
  });
  ws.mergeCells(`A${mgmtTop}:A${row - 1}`);
  put(`A${mgmtTop}`, '管理效率');
  const lastIndicator = row - 1;
  for (let r = firstIndicator; r <= lastIndicator; r++) ws.getCell(`G${r}`).numFmt = '0.00';

  ws.mergeCells(`A${row}:C${row}`);
  put(`A${row}`, '合计');
  put(`D${row}`, { formula: `SUM(D${firstIndicator}:D${lastIndicator})`, date1904: false } as ExcelJS.CellFormulaValue);
  ws.getCell(`G${row}`).numFmt = '0.00';
  ws.mergeCells(`H${row}:I${row}`);
  row++;
  for (const label of ['自评等级', '存在问题', '改进措施']) {
    ws.mergeCells(`A${row}:C${row}`);
    ws.mergeCells(`D${row}:I${row}`);
    put(`A${row}`, label);
    if (label !== '自评等级') ws.getRow(row).height = 48;
    row++;
  }
  const lastTableRow = row - 1;

  for (let r = 1; r <= lastTableRow; r++) {
    for (let c = 1; c <= 9; c++) {
      const cell = ws.getCell(r, c);
      cell.font = r === 1 ? cell.font : { ...FONT, bold: r === headerRow || r === moneyTop };
      if (r >= firstTableRow) cell.border = THIN;
      const wide = c >= 3 && r >= firstTableRow && r < moneyTop;
      const text = wide || c === 8 || c === 9 || (c >= 4 && r > lastIndicator + 1);
      cell.alignment = { vertical: 'middle', horizontal: text ? 'left' : 'center', wrapText: true };
    }
  }
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0, topLeftCell: `A${headerRow + 1}`, activeCell: 'A1' }];
  addMaterialSheet(wb);
  return wb;
}

/** The 报告素材 sheet (label, text): what the report needs and the table lacks, entered once, kept for next year. */
function addMaterialSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(MATERIAL_SHEET);
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 90;
  materialSheetRows({}).forEach((cells, i) => {
    const row = ws.getRow(i + 1);
    row.values = cells.map((c) => c || null);
    row.font = { ...FONT, bold: i === 0 };
    row.alignment = { vertical: 'top', wrapText: true };
    if (i > 0) row.height = 60;
    // The hint is a note, not a cell: the reader takes every text right of a label as material.
    if (i > 0) ws.getCell(i + 1, 2).note = materialFields[i - 1].hint;
    for (let c = 1; c <= 2; c++) ws.getCell(i + 1, c).border = THIN;
  });
}
