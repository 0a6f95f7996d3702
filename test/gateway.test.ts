/**
 * The Excel gateway and the session on the fake host: exactly the planned cells are written, two syncs per
 * 计算得分, protection, an existing report sheet, old requirement sets (down to ExcelApi 1.1, Excel 2016),
 * failures half-way, restore.
 */
import { FakeHost, FakeWorkbook, installFakeOffice } from './fakehost';
import { changedCells, cellMap, workbookDump } from './fakehost/compare';
import { sheetSnapshotFromGrid } from './fakehost/fromGrid';
import { loadXlsx } from './fakehost/xlsx';
import { table, type Row } from './helpers/tables';
import * as session from '../src/excel/session';
import * as gateway from '../src/excel/gateway';
import { decodeStore, STORE_SHEET } from '../src/engine/store';
import { REPORT_SHEET } from '../src/engine/reportSheet';
import { reportText } from '../src/engine/report';
import type { WritePlan } from '../src/engine/types';
import { EXAMPLE_PATH } from './helpers/example';

const SHEET = '部门整体支出绩效自评表';

const examplePath = (): string => EXAMPLE_PATH;

let exampleCache: FakeWorkbook | null = null;
async function example(): Promise<FakeWorkbook> {
  if (!exampleCache) exampleCache = await loadXlsx(examplePath());
  return exampleCache.clone();
}

function storeOf(wb: FakeWorkbook) {
  const s = wb.sheet(STORE_SHEET);
  if (!s) return null;
  const col: unknown[] = [];
  for (let r = 0; s.getCell(r, 0); r++) col.push(s.getCell(r, 0)?.value);
  return decodeStore(col);
}

/** A generated table with n indicator rows, weights adding up to 100, every actual meeting its target. */
function generated(n: number): FakeWorkbook {
  const rows: Row[] = [];
  const weight = Math.round((100 / n) * 1e6) / 1e6;
  for (let i = 0; i < n; i++) {
    rows.push({
      l1: i === 0 ? '履职效能' : i === Math.floor(n / 2) ? '管理效率' : '',
      l2: i % 10 === 0 ? `二级指标${i / 10 + 1}` : '',
      name: `指标${i + 1}`,
      weight,
      target: '≥90%',
      actual: '95%',
    });
  }
  const g = table(rows, { year: 2024 });
  return FakeWorkbook.fromSnapshot({ sheets: [sheetSnapshotFromGrid(g)], activeSheet: g.name });
}

let host: FakeHost;
afterEach(() => host?.uninstall());


/** Every changed cell of the table is a planned one and holds the planned value and format; merges are unchanged. */
function expectOnlyPlanned(before: FakeWorkbook, wb: FakeWorkbook, plan: WritePlan): Map<string, WritePlan['writes'][number]> {
  const planned = new Map(plan.writes.map((w) => [w.address, w]));
  const changed = changedCells(before.get(SHEET), wb.get(SHEET));
  expect(changed.length).toBeGreaterThan(0);
  for (const a of changed) expect(planned.has(a)).toBe(true);
  for (const w of plan.writes) {
    const cell = wb.get(SHEET).read(...rc(w.address));
    expect(cell.value).toEqual(w.value === null ? '' : w.value);
    expect(cell.numberFormat).toBe(w.numberFormat);
  }
  expect(wb.get(SHEET).merges).toEqual(before.get(SHEET).merges);
  return planned;
}

describe('计算得分 on the example', () => {
  test('scores 98.00, 优, in two syncs, and writes exactly the planned cells of the table and nothing else', async () => {
    const wb = await example();
    const before = wb.clone();
    host = installFakeOffice(wb);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
    expect(out.evaluation?.results?.grade).toBe('优');
    expect(host.syncCount).toBe(2);

    const plan = out.evaluation!.plan!;
    expect(plan.writes.length).toBeGreaterThan(0);
    // Every changed cell of the table is a planned one, and holds the planned value and format; merges unchanged.
    expectOnlyPlanned(before, wb, plan);
    // The sheet list is as before, plus the report and the store.
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      [SHEET, 'Visible'],
      [REPORT_SHEET, 'Visible'],
      [STORE_SHEET, 'VeryHidden'],
    ]);
    expect(wb.activeSheet).toBe(SHEET);
    expect(out.reportSheet).toBe(REPORT_SHEET);
  });

  test('the report sheet: one paragraph per row in column A, title centred bold, headings bold, wrapped, wide column', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    const out = await session.calculate();
    const rs = wb.get(REPORT_SHEET);
    const report = out.report!;
    expect(rs.valueAt('A1')).toBe(report.title);
    const title = rs.read(0, 0);
    expect(title.bold).toBe(true);
    expect(title.horizontalAlignment).toBe('Center');
    expect(rs.read(1, 0).value).toBe(report.sections[0].heading);
    expect(rs.read(1, 0).bold).toBe(true);
    const texts: unknown[] = [];
    for (let r = 0; rs.getCell(r, 0); r++) texts.push(rs.read(r, 0).value);
    const expected = reportText(report).split('\n'); // the same lines as 复制全文 and the .docx
    expect(texts).toEqual(expected);
    // Nothing outside column A; every row wrapped; body rows not bold.
    expect([...cellMap(rs).keys()].every((a) => a.startsWith('A'))).toBe(true);
    expect(texts.every((_, r) => rs.read(r, 0).wrapText)).toBe(true);
    const body = expected.findIndex((t, i) => i > 0 && !report.sections.some((s) => s.heading === t));
    expect(rs.read(body, 0).bold).toBeFalsy();
    expect(rs.columnWidths.get(0)).toBeGreaterThan(300);
  });

  test('report text is kept exactly as text, even when it looks like a formula or a number', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    await session.saveMaterial({ functions: '=SUM(A1:A3) 不是公式', organisation: '2023' });
    const out = await session.calculate();
    const rs = wb.get(REPORT_SHEET);
    const texts: unknown[] = [];
    for (let r = 0; rs.getCell(r, 0); r++) texts.push(rs.read(r, 0).value);
    expect(texts).toEqual(reportText(out.report!).split('\n'));
    expect(texts.every((t) => typeof t === 'string')).toBe(true);
    expect(texts.some((t) => String(t).startsWith('='))).toBe(true);
    expect([...rs.cells.values()].some((c) => c.formula)).toBe(false);
  });

  test('the record is kept in the very hidden store sheet, readable by the command line (decodeStore)', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    const out = await session.calculate();
    const store = storeOf(wb)!;
    expect(store.record?.sheet).toBe(SHEET);
    expect(store.record?.cells.map((c) => c.address).sort()).toEqual(out.evaluation!.plan!.writes.map((w) => w.address).sort());
    expect(store.record?.reportSheet).toBe(REPORT_SHEET);
    // Stored as text: no JSON chunk was typed in as a number or a formula.
    const s = wb.get(STORE_SHEET);
    expect(s.read(0, 0).numberFormat).toBe('@');
    expect(s.getCell(0, 0)?.formula).toBeUndefined();
  });

  test('a second calculation replaces our untouched draft: the same workbook as after one, two syncs again', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    await session.calculate();
    const once = wb.sheets.map((ws) => [ws.name, cellMap(ws)]);
    host.resetCounts();
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(host.syncCount).toBe(2);
    expect(out.reportSheet).toBe(REPORT_SHEET);
    expect(wb.sheets.map((ws) => [ws.name, cellMap(ws)]).filter(([n]) => n !== STORE_SHEET)).toEqual(once.filter(([n]) => n !== STORE_SHEET));
  });

  test('a draft someone edited is kept: the new one goes to 自评报告 (2)', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    await session.calculate();
    wb.get(REPORT_SHEET).set('A3', '本单位自行修改的段落');
    const edited = cellMap(wb.get(REPORT_SHEET));
    const out = await session.calculate();
    expect(out.reportSheet).toBe(`${REPORT_SHEET} (2)`);
    expect(cellMap(wb.get(REPORT_SHEET))).toEqual(edited);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
  });
});

describe('syncs per 计算得分 at 10, 100 and 1,000 indicator rows', () => {
  test.each([10, 100, 1000])('%i rows: two syncs, every score written', async (n) => {
    const wb = generated(n);
    host = installFakeOffice(wb);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.indicators.length).toBe(n);
    expect(host.syncCount).toBe(2);
    const scores = out.evaluation!.plan!.writes.filter((w) => w.purpose === 'score');
    expect(scores.length).toBeGreaterThanOrEqual(n);
    for (const w of scores) expect(wb.get(SHEET).valueAt(w.address)).toBe(w.value);
    // A second click (store present, record read) is still two syncs.
    host.resetCounts();
    expect((await session.calculate()).ok).toBe(true);
    expect(host.syncCount).toBe(2);
  });
});

describe('nothing is written when it must not be', () => {
  test('a protected table sheet: a clear message before anything is written, the workbook unchanged', async () => {
    const wb = await example();
    wb.get(SHEET).protected = true;
    const before = workbookDump(wb);
    host = installFakeOffice(wb);
    const out = await session.calculate();
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/受保护/);
    expect(out.message).toMatch(/撤消工作表保护/);
    expect(out.evaluation?.found).toBe(true); // the results are still shown
    expect(workbookDump(wb)).toEqual(before);
    expect(host.syncCount).toBe(1); // the read only
    expect(host.requests.flatMap((r) => r.ops).some((o) => /=|add\(|clear\(/.test(o.replace(/load\(.*\)/, '')))).toBe(false);
  });

  test('a protected workbook structure: a message, nothing written (a report sheet could not be added)', async () => {
    const wb = await example();
    wb.structureProtected = true;
    const before = workbookDump(wb);
    host = installFakeOffice(wb);
    const out = await session.calculate();
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/工作簿结构受保护/);
    expect(workbookDump(wb)).toEqual(before);
  });

  test('an existing 自评报告 sheet is kept untouched and the report goes to 自评报告 (2)', async () => {
    const wb = await example();
    const mine = wb.addSheet(REPORT_SHEET);
    mine.set('A1', '我自己写的报告');
    mine.set('B3', 12.5, '0.0');
    const mineBefore = cellMap(mine);
    host = installFakeOffice(wb);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.reportSheet).toBe(`${REPORT_SHEET} (2)`);
    expect(cellMap(wb.get(REPORT_SHEET))).toEqual(mineBefore);
    expect(wb.get(`${REPORT_SHEET} (2)`).valueAt('A1')).toBe(out.report!.title);
  });

  test('the sheet renamed between read and write: a clear message, nothing written', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    host.beforeSync = (n) => {
      if (n === 2) wb.get(SHEET).name = '改名后的表';
    };
    const out = await session.calculate();
    host.beforeSync = null;
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/已不存在/);
    expect(out.message).toMatch(/未作修改/);
    expect(wb.sheets.map((s) => s.name)).toEqual(['改名后的表']);
    expect(changedCells((await example()).get(SHEET), wb.get('改名后的表'))).toEqual([]);
  });
});

describe('addresses', () => {
  test('a table that does not start at A1 (used range B3:…): scores and writes land on the right cells', async () => {
    const base = await example();
    const snap = base.toSnapshot();
    const shift = (a: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      return String.fromCharCode(m[1].charCodeAt(0) + 1) + (Number(m[2]) + 2);
    };
    const sheet = snap.sheets[0];
    sheet.cells = Object.fromEntries(
      Object.entries(sheet.cells).map(([a, c]) => [shift(a), c.formula ? { ...c, formula: c.formula.replace(/[A-Z]+\d+/g, shift) } : c]),
    );
    sheet.merges = (sheet.merges ?? []).map((m) => m.split(':').map(shift).join(':'));
    const wb = FakeWorkbook.fromSnapshot(snap);
    const before = wb.clone();
    host = installFakeOffice(wb);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
    const row = out.evaluation!.results!.indicators.find((i) => i.name === '支出进度率')!;
    expect(row.cells.score).toBe('H21'); // G19 in the original layout
    expect(wb.get(SHEET).valueAt('H21')).toBe(row.score);
    const planned = new Set(out.evaluation!.plan!.writes.map((w) => w.address));
    expect(changedCells(before.get(SHEET), wb.get(SHEET)).every((a) => planned.has(a))).toBe(true);
  });
});

describe('formatting far below the table', () => {
  test('a number format applied down a whole column does not make the read huge', async () => {
    const wb = await example();
    const s = wb.get(SHEET);
    for (let r = 30; r < 100000; r++) s.cell(r, 6).numberFormat = '0.00';
    host = installFakeOffice(wb);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
    expect(host.syncCount).toBe(2);
    // The read stops a couple of rows below the last value (row 30), not at row 100,000.
    const read = host.requests[0].ops.find((o) => o.includes('getResizedRange'))!;
    expect(read).toBeTruthy();
    expect(out.evaluation!.plan!.writes.every((w) => Number(/\d+/.exec(w.address)![0]) <= 32)).toBe(true);
    const grid = (await gateway.readWorkbook(gateway.probeCapabilities())).grids[0];
    expect(grid.values.length).toBe(32);
  });
});

describe('a write that fails half-way leaves nothing the record cannot undo', () => {
  test('the sheet deleted between read and write: a clear message, nothing added', async () => {
    const wb = await example();
    wb.addSheet('封面').set('A1', '封面');
    host = installFakeOffice(wb);
    host.beforeSync = (n) => {
      if (n === 2) {
        const s = wb.get(SHEET);
        s.deleted = true;
        wb.sheets = wb.sheets.filter((x) => x !== s);
      }
    };
    const out = await session.calculate();
    host.beforeSync = null;
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/已不存在/);
    expect(wb.sheets.map((s) => s.name)).toEqual(['封面']);
  });

  test('failure after the record and some cells: the message says so, and restore gives back the original', async () => {
    const wb = await example();
    const original = wb.clone();
    host = installFakeOffice(wb);
    // Sync 2 is the write: let every action but the last few run, then fail.
    host.beforeSync = (n) => {
      if (n === 2) host.failSync(0, { afterOps: host.requests[1].ops.length - 5, code: 'GeneralException' });
    };
    const out = await session.calculate();
    host.beforeSync = null;
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/恢复计算前内容/);
    expect(changedCells(original.get(SHEET), wb.get(SHEET)).length).toBeGreaterThan(0);

    const r = await session.restoreLast();
    expect(r.ok).toBe(true);
    expect(changedCells(original.get(SHEET), wb.get(SHEET))).toEqual([]);
    expect(wb.sheet(REPORT_SHEET)).toBeUndefined();
  });

  test('failure before the record: our new report sheet is removed and the workbook is as before', async () => {
    const wb = await example();
    const before = workbookDump(wb);
    host = installFakeOffice(wb);
    host.beforeSync = (n) => {
      // Target read + report sheet added and filled, then fail before the store.
      if (n === 2) host.failSync(0, { afterOps: 4, code: 'GeneralException' });
    };
    const out = await session.calculate();
    host.beforeSync = null;
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/未作修改/);
    expect(workbookDump(wb)).toEqual(before);
  });
});

describe('a write cut off at any action', () => {
  test('at every cut point: either nothing changed, or restore gives back the original workbook', async () => {
    const pristine = await example();
    // How many actions the write sync has.
    const probe = pristine.clone();
    host = installFakeOffice(probe);
    await session.calculate();
    const total = host.requests[1].ops.length;
    host.uninstall();
    expect(total).toBeGreaterThan(40);

    const withoutStore = (wb: FakeWorkbook) => {
      const c = wb.clone();
      c.sheets = c.sheets.filter((s) => s.name !== STORE_SHEET);
      return workbookDump(c);
    };
    const expected = workbookDump(pristine);
    for (let k = 0; k < total; k++) {
      const wb = pristine.clone();
      host = installFakeOffice(wb);
      host.beforeSync = (n) => {
        if (n === 2) host.failSync(0, { afterOps: k, code: 'GeneralException' });
      };
      const out = await session.calculate();
      host.beforeSync = null;
      expect(out.ok).toBe(false);
      if (/恢复计算前内容/.test(out.message)) {
        expect((await session.restoreLast()).ok).toBe(true);
        expect(withoutStore(wb)).toEqual(expected);
        expect(storeOf(wb)?.record).toBeNull();
        expect(wb.get(STORE_SHEET).visibility).toBe('VeryHidden');
      } else {
        expect(out.message).toMatch(/未作修改/);
        expect(workbookDump(wb)).toEqual(expected);
      }
      host.uninstall();
    }
  });

  test('with a store already there (settings, material), a cut never loses them', async () => {
    const pristine = await example();
    host = installFakeOffice(pristine);
    await session.saveMaterial({ functions: '部门职能文字' });
    host.uninstall();
    for (let k = 0; k < 60; k += 3) {
      const wb = pristine.clone();
      host = installFakeOffice(wb);
      host.beforeSync = (n) => {
        if (n === 2) host.failSync(0, { afterOps: k, code: 'GeneralException' });
      };
      await session.calculate();
      host.beforeSync = null;
      expect(storeOf(wb)?.material?.functions).toBe('部门职能文字');
      host.uninstall();
    }
  });
});

describe('older Office', () => {
  test('without ExcelApi 1.13 (no merged areas) the example still scores 98.00, 优, in two syncs', async () => {
    const wb = await example();
    host = installFakeOffice(wb, { apiSets: { ExcelApi: '1.12' } });
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
    expect(out.evaluation?.results?.grade).toBe('优');
    expect(host.syncCount).toBe(2);
    expect(host.requests.flatMap((r) => r.ops).some((o) => o.includes('getMergedAreas'))).toBe(false);
  });

  test('on ExcelApi 1.2: 98.00, and no call newer than the host', async () => {
    const wb = await example();
    host = installFakeOffice(wb, { apiSets: { ExcelApi: '1.2' } });
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
    expect(host.requests.every((r) => !r.error)).toBe(true);
    // With the store present, the store is read in its own sync: three at most.
    host.resetCounts();
    expect((await session.calculate()).ok).toBe(true);
    expect(host.syncCount).toBeLessThanOrEqual(3);
    expect((await session.restoreLast()).ok).toBe(true);
  });

  test('without ExcelApi at all (Excel 2013): a clear message, nothing read or written', async () => {
    const wb = await example();
    host = installFakeOffice(wb, { apiSets: {} });
    const out = await session.calculate();
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/版本过低/);
    expect(host.syncCount).toBe(0);
  });

  test('when the one-sync read fails (e.g. a response too large), the chunked read still scores 98.00', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    host.failSync(1, { code: 'ResponsePayloadSizeLimitExceeded' });
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
  });

  test('a host where null objects do not chain: the fallback read still finds the store and the record', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    await session.calculate();
    host.uninstall();
    host = installFakeOffice(wb, { nullChaining: 'fail' });
    const r = await session.restoreLast();
    expect(r.ok).toBe(true);
  });
});

describe('Excel 2016 (ExcelApi 1.1)', () => {
  const V11 = { apiSets: { ExcelApi: '1.1' } };
  /** Calls the fake host refuses below 1.2 would show up as failed requests; these names must not even be tried. */
  const NEWER = /getResizedRange|getUsedRange\(true\)|OrNullObject|protection|rowHidden|columnWidth|autofit|visibility=|getMergedAreas/;

  test('the example scores 98.00, 优, in three syncs, writes exactly the planned cells, no call newer than 1.1', async () => {
    const wb = await example();
    const before = wb.clone();
    host = installFakeOffice(wb, V11);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
    expect(out.evaluation?.results?.grade).toBe('优');
    // Three syncs: (1) sheet list, active sheet and the size of its used range (no valuesOnly on 1.1, and the
    // formatted used range may be a million rows, so its size comes first); (2) the data, cut a margin below the
    // last value, with the store and an earlier draft (no null objects: only sheets the list showed); (3) the write.
    expect(host.syncCount).toBe(3);
    expect(host.requests.every((r) => !r.error)).toBe(true);
    expect(host.requests.flatMap((r) => r.ops).filter((o) => NEWER.test(o))).toEqual([]);

    const plan = out.evaluation!.plan!;
    const planned = expectOnlyPlanned(before, wb, plan);
    expect(wb.get(SHEET).columnWidths).toEqual(before.get(SHEET).columnWidths);
    // The store cannot be hidden on 1.1 (setting visibility is 1.2): it is added visible, at the end.
    expect(wb.sheets.map((x) => [x.name, x.visibility])).toEqual([
      [SHEET, 'Visible'],
      [REPORT_SHEET, 'Visible'],
      [STORE_SHEET, 'Visible'],
    ]);
    expect(wb.activeSheet).toBe(SHEET);
    expect(storeOf(wb)?.record?.cells.map((c) => c.address).sort()).toEqual([...planned.keys()].sort());

    // The report: the same paragraphs in column A, headings bold; no column width, wrap or centring on 1.1.
    const rs = wb.get(REPORT_SHEET);
    const texts: unknown[] = [];
    for (let r = 0; rs.getCell(r, 0); r++) texts.push(rs.read(r, 0).value);
    expect(texts).toEqual(reportText(out.report!).split('\n'));
    expect(rs.read(0, 0).bold).toBe(true);
    expect(rs.read(1, 0).bold).toBe(true);
    expect(texts.some((_, r) => rs.read(r, 0).wrapText)).toBe(false);
    expect(rs.columnWidths.size).toBe(0);
  });

  test('a second click replaces our draft and is three syncs again; restore gives back the original cells', async () => {
    const wb = await example();
    const original = wb.clone();
    host = installFakeOffice(wb, V11);
    await session.calculate();
    const once = wb.sheets.map((ws) => [ws.name, cellMap(ws)]);
    host.resetCounts();
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.reportSheet).toBe(REPORT_SHEET);
    expect(host.syncCount).toBe(3); // the store and the draft come with the data sync
    expect(wb.sheets.map((ws) => [ws.name, cellMap(ws)]).filter(([n]) => n !== STORE_SHEET)).toEqual(once.filter(([n]) => n !== STORE_SHEET));

    const r = await session.restoreLast();
    expect(r.ok).toBe(true);
    expect(changedCells(original.get(SHEET), wb.get(SHEET))).toEqual([]);
    expect(wb.sheet(REPORT_SHEET)).toBeUndefined();
    expect(storeOf(wb)?.record).toBeNull();
    expect(host.requests.every((q) => !q.error)).toBe(true);
  });

  test('at 1,000 indicator rows: three syncs, every score written', async () => {
    const wb = generated(1000);
    host = installFakeOffice(wb, V11);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.indicators.length).toBe(1000);
    expect(host.syncCount).toBe(3);
    for (const w of out.evaluation!.plan!.writes.filter((x) => x.purpose === 'score')) expect(wb.get(SHEET).valueAt(w.address)).toBe(w.value);
  });

  test('a number format down a whole column: the formatted used range is cut after the last value', async () => {
    const wb = await example();
    const s = wb.get(SHEET);
    for (let r = 30; r < 100000; r++) s.cell(r, 6).numberFormat = '0.00';
    host = installFakeOffice(wb, V11);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
    expect(host.syncCount).toBe(3);
    // The data sync stopped within the cell budget, far above row 100,000.
    const rows = host.requests[1].ops
      .map((o) => /getRange\([A-Z]+(\d+):[A-Z]+(\d+)\)/.exec(o))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => Number(m[2]));
    expect(Math.max(...rows)).toBeLessThan(20000);
    // The grid is the same as on newer Excel: the cells with values plus two rows.
    const grid = (await gateway.readWorkbook(gateway.probeCapabilities())).grids[0];
    expect(grid.values.length).toBe(32);
  });

  test('a row formatted across the whole sheet: at most 256 columns are read, three syncs', async () => {
    const wb = await example();
    const s = wb.get(SHEET);
    for (let c = 0; c < 16384; c++) s.cell(0, c).numberFormat = '@';
    host = installFakeOffice(wb, V11);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
    expect(host.syncCount).toBe(3);
    const data = host.requests[1].ops.filter((o) => /getRange\(A\d+:IV\d+\)/.test(o));
    expect(data.length).toBeGreaterThan(0);
    expect(host.requests[1].ops.some((o) => /getRange\([A-Z]+\d+:(IW|[J-Z][A-Z]|[A-Z]{3})\d+\)/.test(o))).toBe(false);
  });

  test('a protected table sheet: the clear message, and the workbook unchanged', async () => {
    const wb = await example();
    wb.get(SHEET).protected = true;
    const before = workbookDump(wb);
    host = installFakeOffice(wb, V11);
    const out = await session.calculate();
    expect(out.ok).toBe(false);
    expect(out.evaluation?.found).toBe(true);
    expect(out.message).toBe(`工作表“${SHEET}”受保护，无法写入计算结果。请在“审阅”选项卡中点击“撤消工作表保护”后重新计算。本次未对工作簿做任何修改。`);
    expect(workbookDump(wb)).toEqual(before);
    // Refused by the engine after the read: the first sync's null probe of A1 was refused, that sync ran again
    // without it, then the data. Three syncs, and no write but the probe.
    expect(host.syncCount).toBe(3);
    expect(host.requests[0].error).toMatch(/protected sheet/);
    expect(host.requests[0].ops.filter((o) => o.includes('=')).map((o) => o.replace(/\s+/g, ''))).toEqual([expect.stringMatching(/getRange\(A1\)\.values=/)]);
    expect(host.requests.slice(1).flatMap((r) => r.ops).some((o) => /=|add\(|clear\(|delete\(/.test(o.replace(/load\(.*\)/, '')))).toBe(false);
  });

  test('protected after a first calculation: the clear message, the workbook and the record unchanged', async () => {
    const wb = await example();
    host = installFakeOffice(wb, V11);
    await session.calculate();
    const record = storeOf(wb)?.record;
    wb.get(SHEET).protected = true;
    const before = workbookDump(wb);
    const out = await session.calculate();
    expect(out.message).toMatch(/撤消工作表保护/);
    expect(out.message).toMatch(/本次未对工作簿做任何修改/);
    expect(workbookDump(wb)).toEqual(before);
    expect(storeOf(wb)?.record).toEqual(record);
  });

  test.each([
    ['the store sheet protected', (wb: FakeWorkbook) => (wb.get(STORE_SHEET).protected = true)],
    ['the workbook structure protected', (wb: FakeWorkbook) => (wb.structureProtected = true)],
  ])('%s: refused by Office, our new report sheet removed, not blamed on the table sheet', async (_, protect) => {
    const wb = await example();
    host = installFakeOffice(wb, V11);
    await session.saveMaterial({ functions: '部门职能文字' }); // the store exists, no record yet
    protect(wb);
    const before = workbookDump(wb);
    const out = await session.calculate();
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/受保护/);
    expect(out.message).toMatch(/未作修改/);
    expect(out.message).not.toMatch(/撤消工作表保护/);
    expect(workbookDump(wb)).toEqual(before);
  });

  test('a write cut at every action: either nothing changed, or restore gives back the original workbook', async () => {
    const pristine = await example();
    const probe = pristine.clone();
    host = installFakeOffice(probe, V11);
    await session.calculate();
    const total = host.requests[2].ops.length;
    host.uninstall();
    const withoutStore = (wb: FakeWorkbook) => {
      const c = wb.clone();
      c.sheets = c.sheets.filter((x) => x.name !== STORE_SHEET);
      return workbookDump(c);
    };
    const expected = workbookDump(pristine);
    for (let k = 0; k < total; k++) {
      const wb = pristine.clone();
      host = installFakeOffice(wb, V11);
      host.beforeSync = (n) => {
        if (n === 3) host.failSync(0, { afterOps: k, code: 'GeneralException' });
      };
      const out = await session.calculate();
      host.beforeSync = null;
      expect(out.ok).toBe(false);
      if (/恢复计算前内容/.test(out.message)) {
        expect((await session.restoreLast()).ok).toBe(true);
        expect(withoutStore(wb)).toEqual(expected);
        expect(storeOf(wb)?.record).toBeNull();
      } else {
        expect(out.message).toMatch(/未作修改/);
        expect(workbookDump(wb)).toEqual(expected);
      }
      host.uninstall();
    }
  });

  test('settings kept on 1.1; a newer Excel hides the store it left visible', async () => {
    const wb = await example();
    host = installFakeOffice(wb, V11);
    const { settings } = await session.loadStored();
    await session.saveSettings({ ...settings, budgetRule: 'bands' });
    expect((await session.loadStored()).settings.budgetRule).toBe('bands');
    expect(wb.get(STORE_SHEET).visibility).toBe('Visible');
    expect(host.requests.every((r) => !r.error)).toBe(true);
    host.uninstall();
    host = installFakeOffice(wb);
    await session.saveMaterial({ functions: '部门职能文字' });
    expect(wb.get(STORE_SHEET).visibility).toBe('VeryHidden');
    expect((await session.loadStored()).settings.budgetRule).toBe('bands');
  });
});

describe('where the table is', () => {
  test('another sheet active: the other sheets are read in one more sync (three)', async () => {
    const wb = await example();
    const other = wb.addSheet('说明');
    other.set('A1', '填表说明');
    wb.activeSheet = '说明';
    host = installFakeOffice(wb);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.sheet).toBe(SHEET);
    expect(host.syncCount).toBe(3);
  });

  test('no table anywhere: not found, with the sheets looked at, and nothing written', async () => {
    const wb = FakeWorkbook.fromSnapshot({ sheets: [{ name: 'Sheet1', cells: { A1: { value: '随便什么' } } }, { name: 'Sheet2', cells: {} }] });
    const before = workbookDump(wb);
    host = installFakeOffice(wb);
    const out = await session.calculate();
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/未找到《部门整体支出绩效自评表》/);
    expect(out.searched.map((s) => s.sheet).sort()).toEqual(['Sheet1', 'Sheet2']);
    expect(workbookDump(wb)).toEqual(before);
  });
});

describe('restore', () => {
  test('gives back the original cells, removes our unchanged report sheet, clears the record', async () => {
    const wb = await example();
    const original = wb.clone();
    host = installFakeOffice(wb);
    await session.calculate();
    host.resetCounts();
    const r = await session.restoreLast();
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/恢复为计算前的内容/);
    expect(changedCells(original.get(SHEET), wb.get(SHEET))).toEqual([]);
    expect(wb.sheet(REPORT_SHEET)).toBeUndefined();
    expect(storeOf(wb)?.record).toBeNull();
    expect(host.syncCount).toBeLessThanOrEqual(3);
    const again = await session.restoreLast();
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/没有可恢复的内容/);
  });

  test('a cell the user changed after the calculation, and an edited report, are kept', async () => {
    const wb = await example();
    const original = wb.clone();
    host = installFakeOffice(wb);
    const out = await session.calculate();
    const score = out.evaluation!.plan!.writes.find((w) => w.purpose === 'score')!;
    wb.get(SHEET).set(score.address, 7.5);
    wb.get(REPORT_SHEET).set('A3', '我改过的段落');
    const r = await session.restoreLast();
    expect(r.ok).toBe(true);
    expect(r.message).toContain(score.address);
    expect(r.message).toMatch(/予以保留/);
    expect(wb.get(SHEET).valueAt(score.address)).toBe(7.5);
    expect(changedCells(original.get(SHEET), wb.get(SHEET))).toEqual([score.address]);
    expect(wb.get(REPORT_SHEET).valueAt('A3')).toBe('我改过的段落');
  });
});

describe('restore refuses what it cannot do, without writing', () => {
  test('a protected table sheet: a message, nothing changed, the record kept for later', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    await session.calculate();
    wb.get(SHEET).protected = true;
    const before = workbookDump(wb);
    const r = await session.restoreLast();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/受保护/);
    expect(workbookDump(wb)).toEqual(before);
    expect(storeOf(wb)?.record).not.toBeNull();
  });

  test('the table sheet renamed since: a message naming it, nothing changed', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    await session.calculate();
    wb.get(SHEET).name = '新名字';
    const before = workbookDump(wb);
    const r = await session.restoreLast();
    expect(r.ok).toBe(false);
    expect(r.message).toContain(`找不到工作表“${SHEET}”`);
    expect(workbookDump(wb)).toEqual(before);
  });
});

describe('settings, material, selection', () => {
  test('saving settings in a workbook whose structure is protected: a message, nothing written', async () => {
    const wb = await example();
    wb.structureProtected = true;
    const before = workbookDump(wb);
    host = installFakeOffice(wb);
    const { settings } = await session.loadStored();
    await expect(session.saveSettings(settings)).rejects.toThrow(/工作簿结构受保护/);
    expect(workbookDump(wb)).toEqual(before);
  });

  test('settings and material are kept in the store; the record survives; defaults when none', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    const empty = await session.loadStored();
    expect(empty.settings.budgetRule).toBe('linear');
    expect(empty.settingsErrors).toEqual([]);
    expect(empty.material).toEqual({});
    await session.calculate();
    await session.saveSettings({ ...empty.settings, budgetRule: 'bands' });
    await session.saveMaterial({ functions: '负责区人大常委会日常工作。' });
    const stored = await session.loadStored();
    expect(stored.settings.budgetRule).toBe('bands');
    expect(stored.material.functions).toBe('负责区人大常委会日常工作。');
    expect(storeOf(wb)?.record?.sheet).toBe(SHEET);
    expect(wb.get(STORE_SHEET).visibility).toBe('VeryHidden');
    // The material goes into the next report.
    const out = await session.calculate();
    expect(JSON.stringify(out.report)).toContain('负责区人大常委会日常工作。');
  });

  test('invalid settings in the workbook: defaults used and the errors reported in Chinese', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    await session.saveSettings({ budgetRule: 'nonsense' } as never);
    const stored = await session.loadStored();
    expect(stored.settings.budgetRule).toBe('linear');
    expect(stored.settingsErrors.join('')).toMatch(/budgetRule/);
  });

  test('selectCell activates the sheet and selects the cell; a missing sheet gives a Chinese message', async () => {
    const wb = await example();
    wb.addSheet('其他');
    wb.activeSheet = '其他';
    host = installFakeOffice(wb);
    await session.selectCell(`${SHEET}!G14`);
    expect(wb.activeSheet).toBe(SHEET);
    expect(wb.selection).toEqual({ sheet: SHEET, address: 'G14' });
    await session.selectCell("'其他'!B2");
    expect(wb.selection).toEqual({ sheet: '其他', address: 'B2' });
    await expect(session.selectCell('不存在的表!A1')).rejects.toThrow(/找不到工作表“不存在的表”/);
  });
});

function rc(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, c - 1];
}
