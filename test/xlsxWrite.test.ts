import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { REPORT_COLUMN_WIDTH, REPORT_SHEET } from '../src/engine/reportSheet';
import { STORE_SHEET, emptyStore } from '../src/engine/store';
import type { CellWrite, Report, WriteRecord } from '../src/engine/types';
import { sheetToGrid } from '../src/xlsx/readGrid';
import { addReportSheet, isOurUntouchedReport, sheetLines, type StoredRecord } from '../src/xlsx/reportSheet';
import { reportDigest } from '../src/engine/reportSheet';
import { readStore, writeStore } from '../src/xlsx/store';
import { buildSummaryWorkbook, SUMMARY_COLUMNS, type SummaryRow } from '../src/xlsx/summaryWorkbook';
import { buildTemplate, TEMPLATE_SHEET } from '../src/xlsx/template';
import { MATERIAL_SHEET, readMaterialSheet } from '../src/engine/report';
import { WorkbookReadError, loadWorkbook, saveWorkbook } from '../src/xlsx/workbook';
import { applyWrites, restoreFromRecord } from '../src/xlsx/writePlan';
import { EXAMPLE, SHEET, differences, readBook, snapshot, tempDir } from './cliHelpers';

function write(address: string, value: string | number | null, numberFormat: string, before: CellWrite['before']): CellWrite {
  return { address, value, numberFormat, before, purpose: 'score' };
}

const report: Report = {
  title: '某单位2023年度部门整体支出绩效自评报告',
  sections: [
    { heading: '一、部门基本情况', level: 1, paragraphs: [] },
    { heading: '（一）部门职能', level: 2, paragraphs: ['第一段。'.repeat(40), '第二段。'] },
  ],
};

describe('ExcelJS write side', () => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('applyWrites changes only the planned cells (value and number format) and survives a save', async () => {
    const wb = await loadWorkbook(EXAMPLE);
    const before = snapshot(await readBook(EXAMPLE));
    const ws = wb.getWorksheet(SHEET)!;
    const writes = [
      write('F8', 1, '0.00%', { value: '', numberFormat: 'General' }),
      write('G13', 10, '0.00', { value: '', numberFormat: 'General' }),
      write('D28', '优', 'General', { value: '', numberFormat: 'General' }),
    ];
    expect(applyWrites(ws, writes)).toEqual([]);
    const file = path.join(dir, 'w.xlsx');
    await saveWorkbook(wb, file);
    const after = await readBook(file);
    const a = after.getWorksheet(SHEET)!;
    expect(a.getCell('F8').value).toBe(1);
    expect(a.getCell('F8').numFmt).toBe('0.00%');
    expect(a.getCell('G13').value).toBe(10);
    expect(a.getCell('G13').numFmt).toBe('0.00');
    expect(a.getCell('D28').value).toBe('优');
    // The written cells keep the rest of their style (font, borders).
    expect(a.getCell('G13').font).toEqual(ws.getCell('G12').font);
    expect(differences(before, snapshot(after), { sheets: [], cells: new Set(['F8', 'G13', 'D28']), cellSheet: SHEET })).toEqual([]);
  });

  test('a planned cell holding a formula is never overwritten', async () => {
    const wb = await loadWorkbook(EXAMPLE);
    const ws = wb.getWorksheet(SHEET)!;
    const skipped = applyWrites(ws, [write('D8', 1, '0.00', { value: 3410.44, numberFormat: '0.00' })]);
    expect(skipped).toEqual(['D8']);
    expect(ws.getCell('D8').formula).toBe('SUM(D9:D11)');
  });

  test('the store is a very hidden sheet whose JSON reads back; an empty workbook gives the empty store', async () => {
    const wb = await loadWorkbook(EXAMPLE);
    expect(readStore(wb)).toEqual(emptyStore());
    const record: WriteRecord = { version: 1, sheet: SHEET, at: '2024-03-01T08:00:00.000Z', cells: [], reportSheet: REPORT_SHEET };
    const long = '职能'.repeat(40000); // longer than one cell holds: spread over several rows
    writeStore(wb, { version: 1, record, settings: { budgetRule: 'bands' }, material: { functions: long } });
    const file = path.join(dir, 's.xlsx');
    await saveWorkbook(wb, file);
    const back = await readBook(file);
    expect(back.getWorksheet(STORE_SHEET)!.state).toBe('veryHidden');
    expect(back.getWorksheet(STORE_SHEET)!.rowCount).toBeGreaterThan(1);
    const store = readStore(back);
    expect(store.record).toEqual(record);
    expect(store.settings).toEqual({ budgetRule: 'bands' });
    expect(store.material?.functions).toBe(long);
    // Rewriting a shorter store clears the rows left over.
    writeStore(back, emptyStore());
    expect(readStore(back)).toEqual(emptyStore());
  });

  test('the report sheet: title centred and bold, headings bold, paragraphs wrapped in one wide column A', async () => {
    const wb = await loadWorkbook(EXAMPLE);
    const added = addReportSheet(wb, report);
    expect(added.name).toBe(REPORT_SHEET);
    expect(addReportSheet(wb, report).name).toBe(`${REPORT_SHEET} (2)`);
    const file = path.join(dir, 'r.xlsx');
    await saveWorkbook(wb, file);
    const ws = (await readBook(file)).getWorksheet(REPORT_SHEET)!;
    expect(ws.getColumn(1).width).toBe(REPORT_COLUMN_WIDTH);
    expect(ws.getCell('A1').value).toBe(report.title);
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A1').alignment.horizontal).toBe('center');
    expect(ws.getCell('A2').value).toBe('一、部门基本情况');
    expect(ws.getCell('A2').font.bold).toBe(true);
    expect(ws.getCell('A3').font.bold).toBe(true);
    expect(ws.getCell('A4').value).toBe(report.sections[1].paragraphs[0]);
    expect(ws.getCell('A4').font.bold).toBeFalsy();
    expect(ws.getCell('A4').alignment.wrapText).toBe(true);
    // A long paragraph gets a taller row than a one-line one.
    expect(ws.getRow(4).height).toBeGreaterThan(ws.getRow(5).height);
    expect(ws.columnCount).toBe(1);
    expect(ws.getCell('A4').numFmt).toBe('@');
    // The digest of what we wrote matches the engine's digest of the sheet as read back (both doors use it).
    expect(isOurUntouchedReport(ws, { version: 1, sheet: SHEET, at: '', cells: [], reportDigest: added.digest })).toBe(true);
    expect(added.digest).toBe(reportDigest(sheetLines(ws)!));
    ws.getCell('A5').value = '有人修改过的段落。';
    expect(isOurUntouchedReport(ws, { version: 1, sheet: SHEET, at: '', cells: [], reportDigest: added.digest })).toBe(false);
  });

  test('restoreFromRecord puts the recorded cells back and removes the recorded report sheet', async () => {
    const wb = await loadWorkbook(EXAMPLE);
    const ws = wb.getWorksheet(SHEET)!;
    applyWrites(ws, [write('G13', 10, '0.00', { value: '', numberFormat: 'General' }), write('F18', 1, '0.00%', { value: '', numberFormat: 'General' })]);
    const { digest } = addReportSheet(wb, report);
    const record: StoredRecord = {
      version: 1,
      sheet: SHEET,
      at: 'x',
      reportSheet: REPORT_SHEET,
      reportDigest: digest,
      cells: [
        { address: 'G13', written: 10, numberFormat: '0.00', before: { value: '', numberFormat: 'General' } },
        { address: 'F18', written: 1, numberFormat: '0.00%', before: { value: '', numberFormat: 'General' } },
      ],
    };
    expect(restoreFromRecord(wb, record)).toEqual({ sheetFound: true, cells: 2, skipped: [], reportRemoved: REPORT_SHEET, reportKept: null });
    const file = path.join(dir, 'back.xlsx');
    await saveWorkbook(wb, file);
    const diffs = differences(snapshot(await readBook(EXAMPLE)), snapshot(await readBook(file)), { sheets: [], cells: new Set(), cellSheet: SHEET });
    expect(diffs).toEqual([]);
  });

  test('restore leaves a recorded cell the user has changed since', async () => {
    const wb = await loadWorkbook(EXAMPLE);
    const ws = wb.getWorksheet(SHEET)!;
    applyWrites(ws, [write('G13', 10, '0.00', { value: '', numberFormat: 'General' }), write('G14', 10, '0.00', { value: '', numberFormat: 'General' })]);
    ws.getCell('G14').value = 9; // typed by the user after our calculation
    const cells = ['G13', 'G14'].map((address) => ({ address, written: 10, numberFormat: '0.00', before: { value: '', numberFormat: 'General' } }));
    const r = restoreFromRecord(wb, { version: 1, sheet: SHEET, at: 'x', cells });
    expect(r).toEqual({ sheetFound: true, cells: 1, skipped: ['G14'], reportRemoved: null, reportKept: null });
    expect(ws.getCell('G13').value).toBeNull();
    expect(ws.getCell('G14').value).toBe(9);
  });

  test('loadWorkbook names the problem of a file that is not an .xlsx', async () => {
    const text = path.join(dir, 'a.xlsx');
    fs.writeFileSync(text, 'not a workbook');
    await expect(loadWorkbook(text)).rejects.toThrow(WorkbookReadError);
    await expect(loadWorkbook(text)).rejects.toThrow(/不是有效的 \.xlsx 文件/);
    const ole = path.join(dir, 'old.xlsx');
    fs.writeFileSync(ole, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expect(loadWorkbook(ole)).rejects.toThrow(/另存为 \.xlsx/);
    const zip = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(50)]));
    await expect(loadWorkbook(zip)).rejects.toThrow(/已损坏/);
    await expect(loadWorkbook(path.join(dir, 'none.xlsx'))).rejects.toThrow(/找不到文件/);
  });

  test('the template has the example layout: same labels in the same cells, no figures', async () => {
    const wb = buildTemplate(2024);
    const file = path.join(dir, 't.xlsx');
    await saveWorkbook(wb, file);
    const t = (await readBook(file)).getWorksheet(TEMPLATE_SHEET)!;
    const e = (await readBook(EXAMPLE)).getWorksheet(SHEET)!;
    expect(t.getCell('A2').value).toBe('（2024年度）');
    const labels = ['A1', 'A3', 'A4', 'A5', 'A6', 'A7', 'B7', 'C7', 'D7', 'E7', 'F7', 'B8', 'A12', 'B12', 'C12', 'D12', 'E12', 'F12', 'G12', 'H12', 'C18', 'C19', 'C26', 'A27', 'A28', 'A29', 'A30'];
    for (const a of labels) expect([a, t.getCell(a).value]).toEqual([a, e.getCell(a).value]);
    const grid = sheetToGrid(t);
    // No number is filled in: only formulas (sums) and text.
    const numbers = grid.values.flat().filter((v) => typeof v === 'number');
    expect(numbers).toEqual([]);
    expect(t.getCell('D8').formula).toBe('SUM(D9:D11)');
    expect(t.getCell('D27').formula).toBe('SUM(D13:D26)');
    // The 报告素材 sheet lists the material fields, empty, and reads back as no material.
    const m = (await readBook(file)).getWorksheet(MATERIAL_SHEET)!;
    expect(m.getCell('A2').value).toBe('部门职能');
    expect(readMaterialSheet(sheetToGrid(m))).toEqual({});
  });

  test('汇总.xlsx lists scored files by total, highest first, then the failures with their reason', async () => {
    const row = (file: string, total: number | null, scored = true, note = ''): SummaryRow => ({
      unit: file, year: 2023, annual: 100, executed: 90, rate: 0.9, total, grade: total === null ? '' : '优', errors: 0, warnings: 1, file, note, scored,
    });
    const wb = buildSummaryWorkbook([row('b', 91.5), row('bad', null, false, '不是有效的 .xlsx 文件'), row('a', 98), row('c', 60)]);
    const file = path.join(dir, '汇总.xlsx');
    await saveWorkbook(wb, file);
    const ws = (await readBook(file)).worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(SUMMARY_COLUMNS);
    expect([2, 3, 4, 5].map((r) => ws.getCell(r, 10).value)).toEqual(['a', 'b', 'c', 'bad']);
    expect(ws.getCell(5, 11).value).toBe('不是有效的 .xlsx 文件');
    expect(ws.getCell(2, 5).numFmt).toBe('0.00%');
  });
});
void ExcelJS;
