/**
 * One calculation for every door (issue 11): the same workbooks through the command line (selfeval score) and
 * through the Excel door on the fake Office host at ExcelApi 1.17, 1.4 and 1.1 give the same cells (value and
 * number format), the same report text and the same issues. Workbooks: the project's example, the shared real
 * tables, our national-form layouts and the published tables rebuilt in test/fixtures/hunt.
 */
import * as fs from 'fs';
import * as path from 'path';
import { scoreFile } from '../src/cli/scoreFile';
import { reportSheetRows, type Issue } from '../src/engine';
import * as session from '../src/excel/session';
import { installFakeOffice } from './fakehost';
import { changedCells } from './fakehost/compare';
import type { FakeSheet, FakeWorkbook } from './fakehost/model';
import { loadXlsx } from './fakehost/xlsx';
import { tempDir } from './cliHelpers';
import { EXAMPLE_PATH } from './helpers/example';
import { huntCases, layoutCases, realCases } from './helpers/layoutCases';

const NOW = new Date('2025-03-01T08:00:00.000Z');
const LEVELS = ['1.17', '1.4', '1.1'];
let dir: string;

beforeAll(() => (dir = tempDir('selfeval-doors-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function columnIndex(letters: string): number {
  return letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** The table sheet's changed cells: address → [value, number format]. */
function written(before: FakeSheet, after: FakeSheet): Record<string, [unknown, string]> {
  const out: Record<string, [unknown, string]> = {};
  for (const a of changedCells(before, after)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
    const cell = after.read(Number(m[2]) - 1, columnIndex(m[1]));
    out[a] = [cell.value, cell.numberFormat];
  }
  return out;
}

function columnA(wb: FakeWorkbook, sheet: string): string[] {
  const s = wb.get(sheet);
  const lines: string[] = [];
  for (let r = 0; s.getCell(r, 0); r++) lines.push(String(s.read(r, 0).value));
  return lines;
}

const issueKeys = (issues: Issue[]): string[] => issues.map((i) => `${i.severity} ${i.kind} ${i.cell} ${i.message}`);

const files: [string, string][] = [
  ['the example', EXAMPLE_PATH],
  ...[...realCases(), ...layoutCases(), ...huntCases()].map((c): [string, string] => [c.name, c.file]),
];

describe.each(files)('%s', (_name, file) => {
  let cli: Awaited<ReturnType<typeof scoreFile>>;
  let cliBook: FakeWorkbook;
  let before: FakeWorkbook;

  beforeAll(async () => {
    const output = path.join(dir, `${path.basename(file).replace(/\.xlsx$/, '')}.out.xlsx`);
    cli = await scoreFile(file, { output, now: NOW });
    cliBook = await loadXlsx(output);
    before = await loadXlsx(file);
  });

  test.each(LEVELS)('the Excel door at ExcelApi %s: the same cells, report and issues as the command line', async (api) => {
    const book = await loadXlsx(file);
    const office = installFakeOffice(book, { apiSets: { ExcelApi: api } });
    let excel: Awaited<ReturnType<typeof session.calculate>>;
    try {
      excel = await session.calculate();
    } finally {
      office.uninstall();
    }
    expect(excel.message).toBe(`已将计算结果写入工作表“${cli.evaluation.sheet}”的 ${cli.evaluation.plan.writes.length} 个单元格。`);
    const sheet = cli.evaluation.sheet;
    expect(excel.evaluation?.sheet).toBe(sheet);
    expect(written(before.get(sheet), book.get(sheet))).toEqual(written(before.get(sheet), cliBook.get(sheet)));
    expect(excel.reportSheet).toBe(cli.reportSheet);
    expect(columnA(book, cli.reportSheet)).toEqual(columnA(cliBook, cli.reportSheet));
    expect(columnA(book, cli.reportSheet)).toEqual(reportSheetRows(cli.report).map((r) => r.text));
    expect(issueKeys(excel.evaluation?.issues ?? [])).toEqual(issueKeys(cli.evaluation.issues));
  });
});
