/**
 * The Excel gateway and the session on the fake host: exactly the planned cells are written, two syncs per
 * 计算得分, protection, an existing report sheet, where the table is; settings, material, selection.
 * Failures half-way and restore: gatewayRestore.test.ts; old requirement sets: gatewayOldOffice.test.ts.
 */
import { FakeHost, FakeWorkbook, installFakeOffice } from './fakehost';
import { changedCells, cellMap, workbookDump } from './fakehost/compare';
import { example, expectOnlyPlanned, generated, SHEET, storeOf } from './helpers/gateway';
import * as session from '../src/excel/session';
import * as gateway from '../src/excel/gateway';
import { STORE_SHEET } from '../src/engine/store';
import { REPORT_SHEET } from '../src/engine/reportSheet';
import { reportText } from '../src/engine/report';

let host: FakeHost;
afterEach(() => host?.uninstall());

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
