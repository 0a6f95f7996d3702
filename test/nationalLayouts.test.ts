/**
 * Our own layouts of the national (财政部) form and its provincial variants (test/fixtures/layouts/, made by
 * make.py, three of them saved through LibreOffice), each with figures worked out by hand from domain.md §4 (the
 * arithmetic is in its `_calc`): the same checks as the real tables, through the same doors.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { DOORS } from './helpers/doors';
import { describeTableThroughDoor } from './helpers/caseSuite';
import { LAYOUT_DIR, layoutCases, outputCells } from './helpers/layoutCases';

const CASES = layoutCases();

describe('the layouts themselves', () => {
  test('at least ten, each with its workbook, its hand arithmetic and the script that made it', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(10);
    expect(fs.existsSync(path.join(LAYOUT_DIR, 'make.py'))).toBe(true);
    for (const c of CASES) {
      const raw = JSON.parse(fs.readFileSync(path.join(LAYOUT_DIR, `${c.name}.expected.json`), 'utf8')) as Record<string, unknown>;
      expect([c.name, fs.existsSync(c.file)]).toEqual([c.name, true]);
      expect([c.name, Array.isArray(raw._calc) && (raw._calc as string[]).length > 3]).toEqual([c.name, true]);
      expect([c.name, ['openpyxl', 'LibreOffice'].includes(String(raw.writer))]).toEqual([c.name, true]);
    }
    expect(CASES.filter((c) => (c.expected as unknown as { writer: string }).writer === 'LibreOffice').length).toBeGreaterThanOrEqual(2);
  });

  test('their output cells are empty or hold a published rate, and sit on the table sheet', async () => {
    for (const c of CASES) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(c.file);
      const ws = wb.getWorksheet(c.cells.sheet);
      expect([c.name, !!ws]).toEqual([c.name, true]);
      for (const a of outputCells(c)) {
        const v = ws!.getCell(a).value;
        const published = a in (c.cells.publishedRates ?? {});
        expect([c.name, a, v === null || published]).toEqual([c.name, a, true]);
      }
    }
  });

  test('the grades cover 优, 良 and 中, and both forms (项目支出 and 部门整体) are there', () => {
    expect(new Set(CASES.map((c) => c.expected.grade))).toEqual(new Set(['优', '良', '中']));
    expect(CASES.some((c) => c.name.startsWith('xiangmu-'))).toBe(true);
    expect(CASES.some((c) => c.name.startsWith('zhengti-'))).toBe(true);
  });
});

for (const t of CASES) for (const door of DOORS) describeTableThroughDoor(t, door);
