/**
 * The Excel door after the gateway's split (issue 11): the requirement sets asked once per run, the ExcelApi 1.1
 * protection probe (a protected sheet refused in three syncs, nothing changed), our untouched draft rewritten in
 * place (same tab), 报告素材 read and merged as the command line does, a replaced draft cut off at any action.
 */
import ExcelJS from 'exceljs';
import { FakeWorkbook, installFakeOffice, type FakeHost } from './fakehost';
import { cellMap, workbookDump } from './fakehost/compare';
import { loadXlsx, snapshotFromExcelJS } from './fakehost/xlsx';
import * as session from '../src/excel/session';
import { MESSAGES, REPORT_SHEET, STORE_SHEET, calculate, decodeStore, emptyStore, reportSheetRows, type Report } from '../src/engine';
import { sheetToGrid } from '../src/xlsx/readGrid';
import { EXAMPLE_PATH } from './helpers/example';

const SHEET = '部门整体支出绩效自评表';
const LEVELS = ['1.17', '1.4', '1.2', '1.1'];

let pristine: FakeWorkbook;
let host: FakeHost | null = null;
beforeAll(async () => {
  pristine = await loadXlsx(EXAMPLE_PATH);
});
afterEach(() => {
  host?.uninstall();
  host = null;
});

const install = (wb: FakeWorkbook, api = '1.17'): FakeHost => (host = installFakeOffice(wb, { apiSets: { ExcelApi: api } }));

/** Column A of a sheet, from A1 to the last cell with a value. */
function columnA(wb: FakeWorkbook, name: string): unknown[] {
  const s = wb.get(name);
  const out: unknown[] = [];
  for (let r = 0; r < 2000; r++) out.push(s.getCell(r, 0)?.value ?? '');
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/** The report sheet's lines, by the engine's one layout rule. */
const reportLines = (r: Report): string[] => reportSheetRows(r).map((x) => x.text);
const storeOf = (wb: FakeWorkbook) => decodeStore(columnA(wb, STORE_SHEET));
const writesOf = (h: FakeHost) => h.requests.flatMap((r) => r.ops).filter((o) => /=|add\(|clear\(|delete\(/.test(o.replace(/load\(.*\)/, '')));

describe('the requirement sets are asked once per run', () => {
  test.each(LEVELS)('ExcelApi %s: one isSetSupported per set for a 计算得分 that reads two sheets, a restore, a save', async (api) => {
    const wb = pristine.clone();
    wb.addSheet('说明').set('A1', '填表说明');
    wb.activeSheet = '说明';
    install(wb, api);
    const requirements = (globalThis as unknown as { Office: { context: { requirements: { isSetSupported: () => boolean } } } }).Office.context.requirements;
    const spy = jest.spyOn(requirements, 'isSetSupported');
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    const perRun = spy.mock.calls.length;
    expect(perRun).toBe(5); // 1.1, 1.2, 1.4, 1.7, 1.13
    expect(new Set(spy.mock.calls.map((c) => JSON.stringify(c))).size).toBe(perRun);
    spy.mockClear();
    expect((await session.restoreLast()).ok).toBe(true);
    expect(spy.mock.calls.length).toBe(5);
    spy.mockClear();
    await session.saveMaterial({ functions: '部门职能文字' });
    expect(spy.mock.calls.length).toBe(5);
    spy.mockRestore();
  });
});

describe('ExcelApi 1.1: a protected table sheet is refused after the read, nothing changed', () => {
  test('the table on the active sheet: three syncs, the engine’s message, the workbook identical', async () => {
    const wb = pristine.clone();
    wb.get(SHEET).protected = true;
    const before = workbookDump(wb);
    install(wb, '1.1');
    const out = await session.calculate();
    expect(out.ok).toBe(false);
    expect(out.message).toBe(MESSAGES.sheetProtected(SHEET));
    expect(out.evaluation?.results.total).toBeCloseTo(98, 6); // the results are still shown
    expect(host!.syncCount).toBeLessThanOrEqual(3);
    expect(workbookDump(wb)).toEqual(before);
    // The only write ever queued is the null probe of A1, in the first sync (refused there).
    expect(writesOf(host!)).toEqual([expect.stringMatching(/getRange\(A1\)\.values\s*=/)]);
  });

  test('the same table unprotected: still three syncs (no sync added for the probe), every planned cell written', async () => {
    const wb = pristine.clone();
    install(wb, '1.1');
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(host!.syncCount).toBe(3);
    for (const w of out.evaluation!.plan.writes) expect(wb.get(SHEET).valueAt(w.address)).toBe(w.value ?? '');
  });

  test('the table on another sheet: refused after reading it, nothing changed; unprotected it is written', async () => {
    const make = (protect: boolean) => {
      const wb = pristine.clone();
      wb.addSheet('说明').set('A1', '填表说明');
      wb.activeSheet = '说明';
      wb.get(SHEET).protected = protect;
      return wb;
    };
    const wb = make(true);
    const before = workbookDump(wb);
    install(wb, '1.1');
    const out = await session.calculate();
    expect(out.message).toBe(MESSAGES.sheetProtected(SHEET));
    expect(workbookDump(wb)).toEqual(before);
    expect(host!.syncCount).toBe(5); // read (2), the other sheets (probe refused, again, data)
    host!.uninstall();

    const open = make(false);
    install(open, '1.1');
    expect((await session.calculate()).ok).toBe(true);
    expect(host!.syncCount).toBe(5); // read (2), the other sheets (2), write
  });

  test('several other sheets and one protected: the shared probe cannot tell which, one more probe of the table', async () => {
    const wb = pristine.clone();
    wb.addSheet('说明').set('A1', '填表说明');
    wb.addSheet('附表').set('A1', '附表');
    wb.activeSheet = '说明';
    wb.get(SHEET).protected = true;
    const before = workbookDump(wb);
    install(wb, '1.1');
    const out = await session.calculate();
    expect(out.message).toBe(MESSAGES.sheetProtected(SHEET));
    expect(workbookDump(wb)).toEqual(before);
    expect(host!.syncCount).toBe(6);
  });

  test('restore on a protected sheet: three syncs, the engine’s message, nothing changed, the record kept', async () => {
    const wb = pristine.clone();
    install(wb, '1.1');
    await session.calculate();
    wb.get(SHEET).protected = true;
    const before = workbookDump(wb);
    host!.resetCounts();
    const r = await session.restoreLast();
    expect(r.ok).toBe(false);
    expect(r.message).toBe(MESSAGES.restoreProtected(SHEET));
    expect(host!.syncCount).toBeLessThanOrEqual(3);
    expect(workbookDump(wb)).toEqual(before);
    expect(storeOf(wb).record).not.toBeNull();
  });
});

describe('recalculating rewrites our untouched draft in place', () => {
  test.each(LEVELS)('ExcelApi %s: the same tab position, the new text exactly, nothing left of the longer old draft', async (api) => {
    const wb = pristine.clone();
    install(wb, api);
    // A first draft with three-paragraph material (30 rows), then the tabs rearranged and a sheet added.
    await session.saveMaterial({ functions: '第一段。\n第二段。\n第三段。', keyTasks: '一是甲。\n二是乙。' });
    const first = await session.calculate();
    expect(first.reportSheet).toBe(REPORT_SHEET);
    const draft = wb.get(REPORT_SHEET);
    wb.sheets = [draft, ...wb.sheets.filter((s) => s !== draft)];
    wb.addSheet('备注').set('A1', '我的备注');
    const order = wb.sheets.map((s) => s.name);
    expect(order[0]).toBe(REPORT_SHEET);

    // The material removed: a shorter draft replaces the longer one, in the same tab.
    await session.saveMaterial({});
    const second = await session.calculate();
    expect(second.ok).toBe(true);
    expect(second.reportSheet).toBe(REPORT_SHEET);
    expect(wb.sheets.map((s) => s.name)).toEqual(order);
    expect(wb.get(REPORT_SHEET)).toBe(draft); // the same sheet, not a new one
    const lines = reportLines(second.report!);
    expect(lines.length).toBeLessThan(reportLines(first.report!).length);
    expect(columnA(wb, REPORT_SHEET)).toEqual(lines);
    expect([...cellMap(draft).keys()].every((a) => /^A\d+$/.test(a) && Number(a.slice(1)) <= lines.length)).toBe(true);
    // Bold exactly on the title and headings of the new draft.
    const bold = lines.map((_, r) => !!draft.read(r, 0).bold);
    expect(bold).toEqual(reportSheetRows(second.report!).map((x) => x.style !== 'body'));
    // The record names it with the new draft's digest: restore removes it.
    expect((await session.restoreLast()).ok).toBe(true);
    expect(wb.sheet(REPORT_SHEET)).toBeUndefined();
  });

  test('a draft the record names under another name (自评报告 (2)) is read and replaced in place too', async () => {
    const wb = pristine.clone();
    const mine = wb.addSheet(REPORT_SHEET);
    mine.set('A1', '我自己写的报告');
    install(wb);
    const first = await session.calculate();
    expect(first.reportSheet).toBe(`${REPORT_SHEET} (2)`);
    const order = wb.sheets.map((s) => s.name);
    host!.resetCounts();
    const second = await session.calculate();
    expect(second.reportSheet).toBe(`${REPORT_SHEET} (2)`);
    expect(wb.sheets.map((s) => s.name)).toEqual(order);
    expect(host!.syncCount).toBe(3); // the read, that draft's column A, the write
    expect(columnA(wb, REPORT_SHEET)).toEqual(['我自己写的报告']);
  });
});

describe('a replaced draft cut off at any action of the write', () => {
  test('either nothing changed (the draft’s text as before) or restore gives back the original table', async () => {
    const base = pristine.clone();
    install(base);
    await session.calculate();
    await session.saveMaterial({ functions: '本年度新增的职能说明。' }); // the next draft differs from the first
    host!.uninstall();
    const probe = base.clone();
    install(probe);
    await session.calculate();
    const total = host!.requests[1].ops.length;
    host!.uninstall();
    expect(total).toBeGreaterThan(40);

    const withoutOurs = (wb: FakeWorkbook) => {
      const c = wb.clone();
      c.sheets = c.sheets.filter((s) => s.name !== STORE_SHEET && s.name !== REPORT_SHEET);
      return workbookDump(c);
    };
    const tableBefore = cellMap(base.get(SHEET));
    const draftBefore = columnA(base, REPORT_SHEET);
    const storeBefore = storeOf(base);
    let putBack = 0;
    for (let k = 0; k < total; k++) {
      const wb = base.clone();
      install(wb);
      host!.beforeSync = (n) => {
        if (n === 2) host!.failSync(0, { afterOps: k, code: 'GeneralException' });
      };
      const out = await session.calculate();
      host!.beforeSync = null;
      expect(out.ok).toBe(false);
      expect(wb.sheets.map((s) => s.name)).toEqual(base.sheets.map((s) => s.name));
      if (/恢复计算前内容/.test(out.message)) {
        expect((await session.restoreLast()).ok).toBe(true);
        expect(withoutOurs(wb)).toEqual(withoutOurs(pristine));
        expect(storeOf(wb).material).toEqual(storeBefore.material);
      } else {
        expect(out.message).toMatch(/未作修改/);
        // After the failed write: the recovery's syncs (inspect, then undo) put the previous text back if needed.
        if (host!.requests.slice(2).some((r) => r.ops.some((o) => o.includes(REPORT_SHEET) && /values\s*=/.test(o)))) putBack++;
        expect(cellMap(wb.get(SHEET))).toEqual(tableBefore);
        expect(columnA(wb, REPORT_SHEET)).toEqual(draftBefore);
        expect(storeOf(wb)).toEqual(storeBefore);
      }
      host!.uninstall();
      host = null;
    }
    expect(putBack).toBeGreaterThan(0); // the cut after the draft's text and before the record happened
  });
});

describe('报告素材: read by the pane as by the command line', () => {
  /** The example with a 报告素材 sheet: a field over two rows, another field. */
  async function withMaterialSheet(): Promise<{ book: ExcelJS.Workbook; fake: FakeWorkbook }> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(EXAMPLE_PATH);
    const m = book.addWorksheet('报告素材');
    m.addRow(['项目', '内容']);
    m.addRow(['部门职能', '负责区人大常委会的会务工作。']);
    m.addRow(['', '承办常委会交办的其他事项。']);
    m.addRow(['机构设置', '内设办公室、研究室两个科室。']);
    return { book, fake: FakeWorkbook.fromSnapshot(snapshotFromExcelJS(book)) };
  }

  test.each(LEVELS)('ExcelApi %s: the same report as the engine given every sheet the command line reads', async (api) => {
    const { book, fake } = await withMaterialSheet();
    const sheets: { name: string; visibility: 'Visible'; protected: boolean }[] = [];
    book.eachSheet((ws) => void sheets.push({ name: ws.name, visibility: 'Visible', protected: false }));
    const grids = sheets.map((s) => sheetToGrid(book.getWorksheet(s.name)!));
    const expected = calculate({ sheets, activeSheet: SHEET, grids, store: emptyStore(), structureProtected: false, now: '2024-03-01T08:00:00.000Z' });
    expect(expected.kind).toBe('ready');
    const text = reportLines((expected as { report: Report }).report).join('\n');
    expect(text).toContain('负责区人大常委会的会务工作。');
    expect(text).toContain('内设办公室、研究室两个科室。');

    install(fake, api);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.report).toEqual((expected as { report: Report }).report);
    // Kept in the store, as the command line keeps it.
    expect(storeOf(fake).material?.organisation).toBe('内设办公室、研究室两个科室。');
    expect(host!.requests.every((r) => !r.error)).toBe(true);
  });

  test('ExcelApi 1.4+: 报告素材 comes with the one read sync (two syncs in all)', async () => {
    const { fake } = await withMaterialSheet();
    install(fake, '1.4');
    expect((await session.calculate()).ok).toBe(true);
    expect(host!.syncCount).toBe(2);
  });
});
