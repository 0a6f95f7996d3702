/**
 * Properties of 计算得分 and 恢复计算前内容 through the session and the gateway on the fake Excel host, over
 * mutated copies of the example: never an unhandled exception, no write outside the allowed cells, twice = once,
 * and restore gives back exactly the original cells. Run counts: FC_RUNS (see docs/reliability.md).
 */
import fc from 'fast-check';
import { FakeWorkbook, installFakeOffice, type FakeHost } from './fakehost';
import { changedCells, cellMap, workbookDump } from './fakehost/compare';
import { loadXlsx } from './fakehost/xlsx';
import { allowedCells, fcParams, mutations, runs, structureMutations, type Mutation } from './helpers/mutations';
import * as session from '../src/excel/session';
import { decodeStore, STORE_SHEET } from '../src/engine/store';
import { REPORT_SHEET } from '../src/engine/reportSheet';
import { EXAMPLE_PATH } from './helpers/example';

const SHEET = '部门整体支出绩效自评表';
const RUNS = runs(25);
// Raised run counts need more than the default timeout.
jest.setTimeout(Math.max(60000, RUNS * 600));
const EXAMPLE = EXAMPLE_PATH;

let pristine: FakeWorkbook;
let allowed: Set<string>;
let host: FakeHost | null = null;
let consoleError: jest.SpyInstance;

beforeAll(async () => {
  pristine = await loadXlsx(EXAMPLE);
  host = installFakeOffice(pristine.clone());
  const out = await session.calculate();
  host.uninstall();
  host = null;
  allowed = allowedCells(out.evaluation!.table!);
  expect(allowed.size).toBe(21);
});
beforeEach(() => {
  // The session sends unexpected (programming) errors to the console: any call is an unhandled exception.
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  host?.uninstall();
  host = null;
  consoleError.mockRestore();
});

function mutated(muts: Mutation[]): FakeWorkbook {
  const wb = pristine.clone();
  const s = wb.get(SHEET);
  for (const m of muts) s.set(m.address, m.value, m.numberFormat, m.formula);
  return wb;
}

/** Installs the host over `wb`, runs `fn`, uninstalls. */
async function on<T>(wb: FakeWorkbook, fn: () => Promise<T>, apiSets?: Record<string, string>): Promise<T> {
  host = installFakeOffice(wb, apiSets ? { apiSets } : {});
  try {
    return await fn();
  } finally {
    host.uninstall();
    host = null;
  }
}

function noUnexpectedError(message: string): void {
  expect(message).not.toMatch(/意外错误/);
  expect(consoleError).not.toHaveBeenCalled();
}

/** The store with the record's time stamp left out (each calculation stamps its own time). */
function storeWithoutTime(wb: FakeWorkbook): unknown {
  const s = wb.sheet(STORE_SHEET);
  if (!s) return null;
  const col: unknown[] = [];
  for (let r = 0; s.getCell(r, 0); r++) col.push(s.getCell(r, 0)?.value);
  const store = decodeStore(col);
  return { ...store, record: store.record ? { ...store.record, at: '' } : null };
}

/** The default host, Office 2016 without updates (ExcelApi 1.2) and the oldest (1.1), with fewer runs on the old ones. */
const HOSTS: [string, Record<string, string> | undefined, number][] = [
  ['ExcelApi 1.17', undefined, RUNS],
  ['ExcelApi 1.2', { ExcelApi: '1.2' }, Math.max(5, Math.round(RUNS / 5))],
  ['ExcelApi 1.1', { ExcelApi: '1.1' }, Math.max(5, Math.round(RUNS / 5))],
];

describe.each(HOSTS)('on %s', (_label, apiSets, runs) => {
  test('计算得分 never throws, and changes only the allowed cells, a report sheet and the store', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, async (muts) => {
        const wb = mutated(muts);
        const before = wb.clone();
        const out = await on(wb, () => session.calculate(), apiSets);
        noUnexpectedError(out.message);
        expect(out.message).toMatch(/[\u4e00-\u9fa5]/);
        for (const a of changedCells(before.get(SHEET), wb.get(SHEET))) expect([a, allowed.has(a)]).toEqual([a, true]);
        // Formulas are never overwritten.
        for (const [key, c] of before.get(SHEET).cells) if (c.formula) expect(wb.get(SHEET).cells.get(key)?.formula).toBe(c.formula);
        const added = wb.sheets.map((s) => s.name).filter((n) => !before.sheet(n));
        for (const n of added) expect([REPORT_SHEET, STORE_SHEET]).toContain(n);
        expect(wb.get(SHEET).merges).toEqual(before.get(SHEET).merges);
      }),
      fcParams(runs),
    );
  });

  test('calculating twice leaves the same workbook as calculating once', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, async (muts) => {
        const wb = mutated(muts);
        const first = await on(wb, () => session.calculate(), apiSets);
        const once = workbookDump(wb.clone());
        const onceStore = storeWithoutTime(wb);
        const second = await on(wb, () => session.calculate(), apiSets);
        noUnexpectedError(second.message);
        expect(second.ok).toBe(first.ok);
        const strip = (d: unknown) => (d as { name: string }[]).filter((s) => s.name !== STORE_SHEET);
        expect(strip(workbookDump(wb))).toEqual(strip(once));
        expect(storeWithoutTime(wb)).toEqual(onceStore);
        expect(second.evaluation?.results?.total).toBe(first.evaluation?.results?.total);
      }),
      fcParams(runs),
    );
  });

  test('恢复计算前内容 after a calculation gives back exactly the original cells and sheets', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, async (muts) => {
        const wb = mutated(muts);
        const original = wb.clone();
        const out = await on(wb, () => session.calculate(), apiSets);
        const r = await on(wb, () => session.restoreLast(), apiSets);
        noUnexpectedError(r.message);
        if (out.ok) expect(r.ok).toBe(true);
        expect(changedCells(original.get(SHEET), wb.get(SHEET))).toEqual([]);
        expect(cellMap(wb.get(SHEET))).toEqual(cellMap(original.get(SHEET)));
        // Our report sheet is gone; only the (very hidden, record-less) store may remain.
        expect(wb.sheets.map((s) => s.name).filter((n) => n !== STORE_SHEET)).toEqual(original.sheets.map((s) => s.name));
        if (wb.sheet(STORE_SHEET)) {
          // ExcelApi 1.1 cannot hide a sheet: there the store stays visible (docs/addin.md).
          expect(wb.get(STORE_SHEET).visibility).toBe(apiSets?.ExcelApi === '1.1' ? 'Visible' : 'VeryHidden');
          expect((storeWithoutTime(wb) as { record: unknown }).record).toBeNull();
        }
      }),
      fcParams(runs),
    );
  });

  test('labels changed anywhere (the shape of the table changes): no exception, writes only in the output cells of that table, exact restore', async () => {
    await fc.assert(
      fc.asyncProperty(structureMutations, async (muts) => {
        const wb = mutated(muts);
        const original = wb.clone();
        const out = await on(wb, () => session.calculate(), apiSets);
        noUnexpectedError(out.message);
        const table = out.evaluation?.table;
        const mine = table ? allowedCells(table) : new Set<string>();
        const sheet = out.evaluation?.sheet || SHEET;
        if (wb.sheet(sheet)) for (const a of changedCells(original.get(sheet), wb.get(sheet))) expect([a, mine.has(a)]).toEqual([a, true]);
        const r = await on(wb, () => session.restoreLast(), apiSets);
        noUnexpectedError(r.message);
        expect(cellMap(wb.get(SHEET))).toEqual(cellMap(original.get(SHEET)));
        expect(wb.sheets.map((s) => s.name).filter((n) => n !== STORE_SHEET)).toEqual(original.sheets.map((s) => s.name));
      }),
      fcParams(runs),
    );
  });
});
