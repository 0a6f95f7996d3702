/**
 * The Excel gateway and the session on older Office: without merged areas (ExcelApi 1.12), ExcelApi 1.2, no ExcelApi
 * (Excel 2013), a failed one-sync read, null objects that do not chain, and Excel 2016 (ExcelApi 1.1).
 */
import { FakeHost, FakeWorkbook, installFakeOffice } from './fakehost';
import { changedCells, cellMap, workbookDump } from './fakehost/compare';
import { cutAtEveryAction, example, expectOnlyPlanned, generated, SHEET, storeOf } from './helpers/gateway';
import * as session from '../src/excel/session';
import * as gateway from '../src/excel/gateway';
import { STORE_SHEET } from '../src/engine/store';
import { REPORT_SHEET } from '../src/engine/reportSheet';
import { reportText } from '../src/engine/report';

let host: FakeHost;
afterEach(() => host?.uninstall());

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
    expect(await cutAtEveryAction(await example(), 3, V11)).toBeGreaterThan(20);
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
