/** The session API the pane calls: manual scores, taking the computed one, messages, large sheets. */
import { FakeHost, FakeWorkbook, installFakeOffice } from './fakehost';
import { loadXlsx } from './fakehost/xlsx';
import * as session from '../src/excel/session';
import * as gateway from '../src/excel/gateway';
import { EXAMPLE_PATH } from './helpers/example';

const SHEET = '部门整体支出绩效自评表';

const examplePath = (): string => EXAMPLE_PATH;

let host: FakeHost;
afterEach(() => host?.uninstall());

test('a score the user typed is kept and reported; acceptComputed replaces it with the computed one', async () => {
  const wb = await loadXlsx(examplePath());
  wb.get(SHEET).set('G19', 4); // 支出进度率: the rules give 3.00
  host = installFakeOffice(wb);
  const first = await session.calculate();
  expect(first.ok).toBe(true);
  const row = first.evaluation!.results!.indicators.find((i) => i.cells.score === 'G19')!;
  expect(row.manual?.value).toBe(4);
  expect(wb.get(SHEET).valueAt('G19')).toBe(4);
  expect(first.evaluation!.plan!.writes.some((w) => w.address === 'G19')).toBe(false);

  const second = await session.calculate({ acceptComputed: ['G19'] });
  expect(second.ok).toBe(true);
  expect(wb.get(SHEET).valueAt('G19')).toBe(row.computed);
  expect(second.evaluation!.results!.total).toBeCloseTo(98, 6);
});

test('every message the user sees is Chinese, with no English words', async () => {
  const wb = await loadXlsx(examplePath());
  host = installFakeOffice(wb);
  const messages: string[] = [];
  messages.push((await session.calculate()).message);
  messages.push((await session.restoreLast()).message);
  messages.push((await session.restoreLast()).message);
  wb.get(SHEET).protected = true;
  messages.push((await session.calculate()).message);
  const empty = FakeWorkbook.fromSnapshot({ sheets: [{ name: 'Sheet1', cells: {} }] });
  host.uninstall();
  host = installFakeOffice(empty);
  messages.push((await session.calculate()).message);
  for (const m of messages) {
    expect(m).toMatch(/[\u4e00-\u9fff]/);
    // Sheet names (Sheet1) may appear; no other Latin words.
    expect(m.replace(/Sheet\d+/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  }
});

test('a large sheet read in row chunks after the one-sync read fails: the same grid, several syncs', async () => {
  const rows = 1200;
  const cols = 100; // 120,000 cells, over one sync's cell budget
  const cells: Record<string, { value: number | string }> = {};
  const col = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if ((r + c) % 7 === 0) cells[`${col(c + 2)}${r + 4}`] = { value: r * 1000 + c };
  const wb = FakeWorkbook.fromSnapshot({ sheets: [{ name: '大表', cells }] });

  host = installFakeOffice(wb);
  const direct = await gateway.readWorkbook(gateway.probeCapabilities());
  const expected = direct.grids[0];
  host.resetCounts();
  host.failSync(1, { code: 'ResponsePayloadSizeLimitExceeded' });
  const chunked = await gateway.readWorkbook(gateway.probeCapabilities());
  const g = chunked.grids[0];
  expect(g.origin).toEqual(expected.origin);
  expect(g.values).toEqual(expected.values);
  expect(g.formulas).toEqual(expected.formulas);
  expect(g.numberFormats).toEqual(expected.numberFormats);
  expect(g.merges).toBeUndefined();
  expect(chunked.mergesRead).toBe(false);
  // The failed sync, the sizes, then the chunks in two syncs (120,000 cells > 100,000 per sync).
  expect(host.syncCount).toBe(4);
});
