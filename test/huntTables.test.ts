/**
 * Tables rebuilt from more self-evaluation tables departments published (test/fixtures/hunt/, made by its make.py,
 * two of them saved through LibreOffice; each with its source in NAME.published.json and figures worked out by hand
 * from domain.md §4 in NAME.expected.json). Tables the engine can fully score get the same checks as the shared real
 * tables, through the same doors; half-filled ones (`partial`) get what can be read, an issue on every row that
 * cannot be scored, nothing the user filled changed, and no grade claimed.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { DOORS, engineDoor, type Door } from './helpers/doors';
import { describeTableThroughDoor, runOnce } from './helpers/caseSuite';
import { HUNT_DIR, huntCases, outputCells, type TableCase } from './helpers/layoutCases';
import { isPartial, partialIssueProblems, partialReportedProblems, partialSheetProblems, reportGradeProblems } from './helpers/huntPartial';
import { nothingLostProblems, reportedProblems, secondRunProblems, sheetProblems } from './helpers/tableAssertions';
import { ROUNDING_MODES } from './helpers/rounding';

const CASES = huntCases();
const FULL = CASES.filter((c) => !isPartial(c));
const PARTIAL = CASES.filter(isPartial);

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('the hunted tables themselves', () => {
  test('at least six, each with its workbook, its source, its hand arithmetic and the script that made it', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(6);
    expect(fs.existsSync(path.join(HUNT_DIR, 'make.py'))).toBe(true);
    expect(fs.existsSync(path.join(HUNT_DIR, 'README.md'))).toBe(true);
    for (const c of CASES) {
      const raw = readJson(path.join(HUNT_DIR, `${c.name}.expected.json`));
      const published = readJson(path.join(HUNT_DIR, `${c.name}.published.json`));
      expect([c.name, fs.existsSync(c.file)]).toEqual([c.name, true]);
      expect([c.name, Array.isArray(raw._calc) && (raw._calc as string[]).length > 3]).toEqual([c.name, true]);
      expect([c.name, typeof published.source === 'string' || typeof published.sourceNote === 'string']).toEqual([c.name, true]);
      expect([c.name, published.year]).toEqual([c.name, c.expected.year]);
    }
    expect(CASES.filter((c) => (c.expected as unknown as { writer: string }).writer === 'LibreOffice').length).toBeGreaterThanOrEqual(2);
  });

  test('their output cells are empty, as in the published tables rebuilt without their computed cells', async () => {
    for (const c of CASES) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(c.file);
      const ws = wb.getWorksheet(c.cells.sheet);
      expect([c.name, !!ws]).toEqual([c.name, true]);
      for (const a of outputCells(c)) expect([c.name, a, ws!.getCell(a).value]).toEqual([c.name, a, null]);
    }
  });
});

for (const t of FULL) for (const door of DOORS) describeTableThroughDoor(t, door);

describe.each(FULL.filter((t) => t.expected.byRounding).map((t) => [t.name, t] as const))('%s under the other rounding settings', (_n, t) => {
  test.each(ROUNDING_MODES.filter((m) => t.expected.byRounding?.[m]).map((m) => [m] as const))('%s, through the engine', async (mode) => {
    const run = await engineDoor.run(t.file, mode);
    expect([...reportedProblems(run, t, mode), ...sheetProblems(run, t, mode)]).toEqual([]);
  });
});

function describePartialThroughDoor(t: TableCase, door: Door): void {
  describe(`${t.name} (half-filled) through the ${door.name}`, () => {
    const got = runOnce(t, door);

    test(`reads what can be read: year ${t.expected.year}, budget rate and score, the rows that can be scored`, () => {
      expect(partialReportedProblems(got(), t)).toEqual([]);
    });
    test('writes the rates, the budget score and those rows’ 得分', () => {
      expect(partialSheetProblems(got(), t)).toEqual([]);
    });
    test('nothing the user filled changes; rows that cannot be scored keep their cells', () => {
      expect(nothingLostProblems(got(), t)).toEqual([]);
    });
    test('an issue on every row that cannot be scored; template rows at most one 提示; weights flagged as the spec says', () => {
      expect(partialIssueProblems(got(), t)).toEqual([]);
    });
    test('the drafted report claims no total or grade', () => {
      expect(reportGradeProblems(got())).toEqual([]);
    });
    test('a second calculation changes nothing', () => {
      expect(secondRunProblems(got())).toEqual([]);
    });
  });
}

for (const t of PARTIAL) for (const door of DOORS) describePartialThroughDoor(t, door);
