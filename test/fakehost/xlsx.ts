/**
 * Node only: builds the fake host's workbook from an .xlsx file through ExcelJS, reading cells the way Office.js
 * shows them (the same reader as the command line), and snapshots it as JSON for the browser test.
 */
import ExcelJS from 'exceljs';
import { sheetToGrid } from '../../src/xlsx/readGrid';
import { FakeSheetSnapshot, FakeWorkbook, FakeWorkbookSnapshot, Visibility } from './model';
import { sheetSnapshotFromGrid } from './fromGrid';

function visibility(state: string | undefined): Visibility {
  return state === 'veryHidden' ? 'VeryHidden' : state === 'hidden' ? 'Hidden' : 'Visible';
}

export function snapshotFromExcelJS(wb: ExcelJS.Workbook): FakeWorkbookSnapshot {
  const sheets: FakeSheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    const g = sheetToGrid(ws);
    const widths: Record<string, number> = {};
    (ws.columns ?? []).forEach((col, i) => {
      // ExcelJS widths are in characters; Office.js columnWidth is in points (about 5.25 pt per character + padding).
      if (col && col.width) widths[String(i)] = Math.round((col.width * 5.25 + 3.75) * 100) / 100;
    });
    const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    sheets.push(
      sheetSnapshotFromGrid(g, {
        visibility: visibility(ws.state),
        protected: !!prot?.sheet,
        hiddenRows: g.hiddenRows ?? [],
        columnWidths: widths,
      }),
    );
  });
  const views = (wb as unknown as { views?: { activeTab?: number }[] }).views;
  const activeTab = views?.[0]?.activeTab ?? 0;
  const active = sheets[activeTab]?.visibility === 'Visible' ? sheets[activeTab].name : sheets.find((s) => s.visibility === 'Visible')?.name;
  return { sheets, activeSheet: active };
}

/** JSON snapshot of an .xlsx file, for `window.__FAKE_WORKBOOK__`. */
export async function snapshotXlsx(path: string): Promise<FakeWorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return snapshotFromExcelJS(wb);
}

export async function loadXlsx(path: string): Promise<FakeWorkbook> {
  return FakeWorkbook.fromSnapshot(await snapshotXlsx(path));
}
