/**
 * Writing a calculation into a WPS 表格 workbook, in one pass, in the Excel gateway's order so that a failure
 * half-way leaves nothing the record cannot undo: (1) the report sheet (our untouched draft rewritten in place,
 * keeping its tab, or a new sheet after the last one); (2) the store with the record; (3) the cells, each number
 * format before its value (a text-formatted cell keeps '98' as text). The engine has already refused a protected
 * sheet, store or workbook structure; WPS itself refuses a write to a locked cell, which ends up here as an error.
 * Worksheets.Add makes the new sheet active, as in Excel: the sheet the user was on is activated again at the end.
 */
import { REPORT_COLUMN_WIDTH, STORE_SHEET, a1, parseA1, type Calculation, type ReportSheetRow, type SheetGrid } from '../engine';
import { XL_CENTER, XL_SHEET_VERY_HIDDEN, type EtApplication, type EtWorkbook, type EtWorksheet } from './et';
import { findSheet } from './read';

export type ReadyCalculation = Extract<Calculation, { kind: 'ready' }>;

/** A failure the user must read: the message is Chinese and says what to do. */
export class WpsDoorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WpsDoorError';
  }
}

function lastSheet(wb: EtWorkbook): EtWorksheet {
  return wb.Worksheets.Item(wb.Worksheets.Count);
}

/** Sets one range's value: a lone cell takes the value itself, a larger range an array of rows. */
function setValues(ws: EtWorksheet, top: number, col: number, column: unknown[]): void {
  const range = ws.Range(column.length === 1 ? a1(top, col) : `${a1(top, col)}:${a1(top + column.length - 1, col)}`);
  range.Value2 = column.length === 1 ? column[0] : column.map((v) => [v]);
}

/** Column A: runs of equal number format, then the texts in one assignment, then the layout. */
export function writeReportRows(ws: EtWorksheet, rows: ReportSheetRow[]): void {
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i].numberFormat === rows[start].numberFormat) continue;
    ws.Range(i - start === 1 ? `A${start + 1}` : `A${start + 1}:A${i}`).NumberFormat = rows[start].numberFormat;
    start = i;
  }
  setValues(ws, 0, 0, rows.map((r) => r.text));
  const all = ws.Range(`A1:A${rows.length}`);
  ws.Range('A:A').ColumnWidth = REPORT_COLUMN_WIDTH;
  all.WrapText = true;
  rows.forEach((r, i) => {
    if (r.style === 'body') return;
    const cell = ws.Range(`A${i + 1}`);
    cell.Font.Bold = true;
    if (r.style === 'title') cell.HorizontalAlignment = XL_CENTER;
  });
  all.Rows.AutoFit();
}

/** The store: column A as text, rows below the new text cleared, the sheet very hidden (xlSheetVeryHidden). */
export function writeStoreCells(wb: EtWorkbook, cells: string[], exists: boolean): void {
  let ws = exists ? findSheet(wb, STORE_SHEET) : null;
  if (!ws) {
    const wasActive = wb.ActiveSheet;
    ws = wb.Worksheets.Add(undefined, lastSheet(wb));
    ws.Name = STORE_SHEET;
    wasActive.Activate();
  }
  const range = ws.Range(cells.length === 1 ? 'A1' : `A1:A${cells.length}`);
  range.NumberFormat = '@';
  setValues(ws, 0, 0, cells);
  const used = ws.UsedRange;
  const bottom = used.Row + used.Rows.Count - 1;
  if (bottom > cells.length) ws.Range(`A${cells.length + 1}:A${bottom}`).Clear();
  if (ws.Visible !== XL_SHEET_VERY_HIDDEN) ws.Visible = XL_SHEET_VERY_HIDDEN;
}

/** Deletes a sheet without WPS's confirmation prompt (DisplayAlerts off for the call only). */
export function deleteSheet(app: EtApplication, ws: EtWorksheet): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    ws.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}

function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m ? `（${m.slice(0, 80)}）` : '';
}

/** Applies the engine's ready calculation. Returns the report sheet's name. */
export function applyCalculation(app: EtApplication, wb: EtWorkbook, calc: ReadyCalculation, grid: SheetGrid | undefined): string {
  const target = findSheet(wb, calc.sheet);
  if (!target) throw new WpsDoorError(`找不到工作表“${calc.sheet}”，可能已被重命名或删除。请重新点击“计算得分”。`);
  if (grid) {
    const o = grid.origin ?? { row: 0, col: 0 };
    for (const c of calc.writes) {
      const p = parseA1(c.address);
      const f = grid.formulas?.[p.row - o.row]?.[p.col - o.col];
      if (typeof f === 'string' && f.startsWith('=')) {
        throw new WpsDoorError(`单元格 ${calc.sheet}!${c.address} 含有公式，加载项不会覆盖公式。本次未对工作簿做任何修改，请将该问题反馈给开发人员。`);
      }
    }
  }
  const wasActive = wb.ActiveSheet;
  let added: EtWorksheet | null = null;
  let recordWritten = false;
  try {
    let report: EtWorksheet;
    if (calc.draft.kind === 'replace') {
      report = findSheet(wb, calc.draft.name) as EtWorksheet;
      report.Cells.Clear();
    } else {
      report = wb.Worksheets.Add(undefined, lastSheet(wb));
      added = report;
      report.Name = calc.draft.name;
    }
    writeReportRows(report, calc.draft.rows);
    writeStoreCells(wb, calc.storeCells, calc.storeExists);
    recordWritten = true;
    for (const c of calc.writes) {
      const cell = target.Range(c.address);
      cell.NumberFormat = c.numberFormat || 'General';
      cell.Value2 = c.value === null ? '' : c.value;
    }
    // Formulas that read a written cell, in case the workbook calculates by hand.
    for (const address of calc.recalculate) target.Range(address).Calculate();
  } catch (e) {
    if (!recordWritten && added) {
      try {
        deleteSheet(app, added);
      } catch {
        // Keep the first failure's message.
      }
    }
    const after = recordWritten ? '部分结果可能已经写入，请点击“恢复计算前内容”撤销后重新计算。' : '工作簿中的单元格未作修改。';
    throw new WpsDoorError(`写入计算结果失败${errorText(e)}。${after}`);
  } finally {
    try {
      wasActive.Activate();
    } catch {
      // The sheet the user was on is gone: nothing to go back to.
    }
  }
  return calc.draft.name;
}
