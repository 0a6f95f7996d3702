/**
 * The same workbooks through the WPS door (src/wps on the fake WPS 表格 host) and through the command line
 * (selfeval score): the same cells written with the same values and number formats, the same report text and the
 * same issues; and the same as the Excel door (src/excel on the fake Office host). Workbooks: the project's example,
 * the shared real tables, and layouts built here (columns in another order with 指标性质/度量单位, merged level-1
 * cells, a table that does not start at A1). No planned cell may lie inside a merged area (other than its top-left
 * cell): the command line's ExcelJS would write such a cell into the area's top-left cell instead.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { scoreFile } from '../src/cli/scoreFile';
import { decodeStore, STORE_SHEET, type SheetGrid } from '../src/engine';
import * as session from '../src/excel/session';
import { calculateNow } from '../src/wps/door';
import { installFakeOffice } from './fakehost';
import { tempDir } from './cliHelpers';
import { changedCells } from './fakehost/compare';
import type { FakeSheet, FakeWorkbook } from './fakehost/model';
import { loadXlsx } from './fakehost/xlsx';
import { installFakeWps, type FakeWpsHost } from './fakewps';
import { EXAMPLE_PATH } from './helpers/example';
import { natureTable, table } from './helpers/tables';
import { huntCases, layoutCases } from './helpers/layoutCases';

const NOW = new Date('2025-03-01T08:00:00.000Z');
const REAL = path.join(__dirname, 'fixtures', 'real');
let dir: string;
let host: FakeWpsHost | null = null;

beforeAll(() => (dir = tempDir('selfeval-wps-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => host?.uninstall());

/** Writes grids as an .xlsx (values, formulas with their results, number formats, merges). */
async function gridsToXlsx(grids: SheetGrid[], file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    const o = g.origin ?? { row: 0, col: 0 };
    g.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const f = g.formulas?.[r]?.[c];
        const cell = ws.getCell(o.row + r + 1, o.col + c + 1);
        if (typeof f === 'string' && f.startsWith('=')) cell.value = { formula: f.slice(1), result: v as never };
        else if (v !== null && v !== '') cell.value = v;
        const nf = g.numberFormats?.[r]?.[c];
        if (nf && nf !== 'General') cell.numFmt = nf;
      }),
    );
    for (const m of g.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

function layouts(): { name: string; grids: SheetGrid[] }[] {
  const rows = [
    { l1: '产出指标', l2: '数量指标', name: '培训人次', weight: 30, target: '≥500人次', actual: '520人次' },
    { l1: '', l2: '质量指标', name: '合格率', weight: 30, target: '≥95%', actual: '90%' },
    { l1: '效益指标', l2: '满意度', name: '服务对象满意度', weight: 30, target: '≥90%', actual: '约95%' },
    { l1: '', l2: '', name: '政策知晓率', weight: 10, target: '=100%', actual: '100%' },
  ];
  const usual = table(rows, { year: 2024 });
  const merged = table(rows, { year: 2024, name: '自评表' });
  merged.merges = ['A9:A10', 'A11:A12', 'B11:B12'];
  const offset: SheetGrid = { ...table(rows, { year: 2023, name: '表1' }), origin: { row: 2, col: 1 } };
  const byNature = natureTable('评价表', 96);
  return [
    { name: 'usual', grids: [usual] },
    { name: 'merged', grids: [merged] },
    { name: 'offset', grids: [offset] },
    { name: 'byNature', grids: [byNature] },
  ];
}

/** The table sheet's changed cells: address → [value, number format]. */
function written(before: FakeSheet, after: FakeSheet): Record<string, [unknown, string]> {
  const out: Record<string, [unknown, string]> = {};
  for (const a of changedCells(before, after)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
    const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const cell = after.read(Number(m[2]) - 1, col);
    out[a] = [cell.value, cell.numberFormat];
  }
  return out;
}

/** Planned cells inside a merged area other than its top-left cell. */
function insideMerges(sheet: FakeSheet, cells: string[]): string[] {
  return cells.filter((a) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
    const row = Number(m[2]) - 1;
    const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return sheet.merges.some((x) => x.top <= row && row <= x.bottom && x.left <= col && col <= x.right && (x.top !== row || x.left !== col));
  });
}

function columnA(wb: FakeWorkbook, sheet: string): string[] {
  const s = wb.get(sheet);
  const lines: string[] = [];
  for (let r = 0; s.getCell(r, 0); r++) lines.push(String(s.read(r, 0).value));
  return lines;
}

function recordCells(wb: FakeWorkbook): unknown {
  return decodeStore(columnA(wb, STORE_SHEET)).record?.cells;
}

/** Runs the three doors on one file and compares them. */
async function bothDoors(file: string): Promise<void> {
  const output = path.join(dir, `${path.basename(file, '.xlsx')}.out.xlsx`);
  const cli = await scoreFile(file, { output, now: NOW });
  const cliBook = await loadXlsx(output);
  const before = await loadXlsx(file);

  const excelBook = await loadXlsx(file);
  const office = installFakeOffice(excelBook);
  const excel = await session.calculate();
  office.uninstall();

  const wpsBook = await loadXlsx(file);
  host = installFakeWps(wpsBook);
  const wps = calculateNow({}, NOW);
  expect(wps.message).toBe(excel.message);
  expect(wps.ok).toBe(true);
  const sheet = cli.evaluation.sheet;
  expect(wps.evaluation?.found && wps.evaluation.sheet).toBe(sheet);

  // The same cells, values and formats in the table sheet.
  const byWps = written(before.get(sheet), wpsBook.get(sheet));
  expect(Object.keys(byWps).length).toBeGreaterThan(0);
  expect(byWps).toEqual(written(before.get(sheet), excelBook.get(sheet)));
  expect(byWps).toEqual(written(before.get(sheet), cliBook.get(sheet)));
  const planned = wps.evaluation?.found ? wps.evaluation.plan.writes.map((w) => w.address) : [];
  expect(insideMerges(before.get(sheet), planned)).toEqual([]);
  // The same report, line by line, in a sheet of the same name.
  expect(wps.reportSheet).toBe(cli.reportSheet);
  expect(columnA(wpsBook, wps.reportSheet as string)).toEqual(columnA(cliBook, cli.reportSheet));
  expect(columnA(wpsBook, wps.reportSheet as string)).toEqual(columnA(excelBook, excel.reportSheet as string));
  // The same issues, and the same record of what was written.
  expect(wps.evaluation?.issues).toEqual(cli.evaluation.issues);
  expect(wps.evaluation?.issues).toEqual(excel.evaluation?.issues);
  expect(recordCells(wpsBook)).toEqual(recordCells(cliBook));
  expect(wpsBook.get(STORE_SHEET).visibility).toBe('VeryHidden');
}

test('the example: the same 21 cells, report and issues as the command line and Excel', async () => {
  await bothDoors(EXAMPLE_PATH);
});

describe('the shared real tables', () => {
  for (const f of fs.readdirSync(REAL).filter((x) => x.endsWith('.xlsx'))) {
    test(f, async () => bothDoors(path.join(REAL, f)));
  }
});

describe('the national-form layouts and the published tables rebuilt (test/fixtures/layouts, hunt)', () => {
  for (const c of [...layoutCases(), ...huntCases()]) {
    test(c.name, async () => bothDoors(c.file));
  }
});

describe('other layouts', () => {
  for (const l of layouts()) {
    test(l.name, async () => bothDoors(await gridsToXlsx(l.grids, path.join(dir, `${l.name}.xlsx`))));
  }
});
