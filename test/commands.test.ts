/**
 * The ribbon's one-click 计算得分 in Excel (src/commands/commands.ts) on the fake Office host: it calculates
 * without the pane through the same door, shows the outcome in a dialog whose address holds only numbers and
 * codes, completes the event once, offers the pane only when there is something to read, and still calculates
 * where the dialog API is missing.
 */
import { FakeHost, installFakeOffice } from './fakehost';
import { changedCells } from './fakehost/compare';
import { loadXlsx } from './fakehost/xlsx';
import { EXAMPLE_PATH, EXAMPLE_SHEET as SHEET } from './helpers/example';
import { commandSummary, factsFromQuery, factsToQuery, commandFacts } from '../src/taskpane/summary';
import { S } from '../src/taskpane/strings';

const HERE = 'https://localhost:3000/commands.html';

let host: FakeHost;
afterEach(() => {
  host?.uninstall();
  delete (globalThis as Record<string, unknown>).calculateScores;
  delete (globalThis as Record<string, unknown>).location;
});

/** Loads the function file as Office would: after office.js (so that Office.onReady associates the function). */
function loadFunctionFile(): void {
  (globalThis as Record<string, unknown>).location = { href: HERE };
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module after office.js, as Office loads it
    require('../src/commands/commands');
  });
}

function query(url: string): string {
  return url.slice(url.indexOf('?'));
}

test('on the example: the scores are written without the pane, a dialog says 98.00 and 优, no pane is offered', async () => {
  const wb = await loadXlsx(EXAMPLE_PATH);
  const before = wb.clone();
  host = installFakeOffice(wb);
  loadFunctionFile();
  expect(host.commands.functions.has('calculateScores')).toBe(true);

  const click = host.commands.invoke('calculateScores');
  // The dialog opens once the calculation is written; the command is not complete while it is open.
  await waitFor(() => host.commands.dialogs.length === 1);
  expect(click.completedCalls).toBe(0);
  expect(wb.get(SHEET).valueAt('G27')).toBe(98);
  expect(changedCells(before.get(SHEET), wb.get(SHEET)).length).toBe(21);
  expect(wb.sheet('自评报告')).toBeDefined();

  const dialog = host.commands.dialogs[0];
  expect(dialog.url.startsWith('https://localhost:3000/outcome.html?')).toBe(true);
  // Numbers and codes only: no sheet name, no text from a cell.
  expect(decodeURIComponent(dialog.url)).not.toContain(SHEET);
  const facts = factsFromQuery(query(dialog.url));
  expect(facts).toEqual({ status: 'done', total: 98, grade: '优', errors: 0, warnings: 0, notes: 2, cells: 21, report: true });
  const summary = commandSummary(facts, 'excel');
  expect(summary.openPane).toBe(false);
  expect(summary.lines.join('')).toContain('总分 98.00');
  expect(summary.lines.join('')).not.toContain('打开任务窗格');

  // 确定 in the dialog: the function file closes it and completes the command, once.
  dialog.messageFromChild('close');
  await click.done;
  expect(dialog.closed).toBe(true);
  expect(click.completedCalls).toBe(1);
});

test('a table with errors: the dialog counts them and tells where to read them (打开任务窗格)', async () => {
  const wb = await loadXlsx(EXAMPLE_PATH);
  wb.get(SHEET).set('F17', '约100'); // an actual the engine does not guess: an error on F17
  host = installFakeOffice(wb);
  loadFunctionFile();
  const click = host.commands.invoke('calculateScores');
  await waitFor(() => host.commands.dialogs.length === 1);
  const facts = factsFromQuery(query(host.commands.dialogs[0].url));
  expect(facts.errors).toBeGreaterThanOrEqual(1);
  expect(facts.status).toBe('incomplete');
  const summary = commandSummary(facts, 'excel');
  expect(summary.openPane).toBe(true);
  expect(summary.lines).toContain(S.cmdOpenPane);
  // Closed with its X: Office's event, and the command completes.
  host.commands.dialogs[0].closeByUser();
  await click.done;
  expect(click.completedCalls).toBe(1);
});

test('a protected sheet: nothing is written, the dialog says so and offers the pane for the reason', async () => {
  const wb = await loadXlsx(EXAMPLE_PATH);
  wb.get(SHEET).protected = true;
  const before = wb.clone();
  host = installFakeOffice(wb);
  loadFunctionFile();
  const click = host.commands.invoke('calculateScores');
  await waitFor(() => host.commands.dialogs.length === 1);
  const facts = factsFromQuery(query(host.commands.dialogs[0].url));
  expect(facts.status).toBe('notWritten');
  expect(facts.cells).toBe(0);
  expect(changedCells(before.get(SHEET), wb.get(SHEET))).toEqual([]);
  expect(commandSummary(facts, 'excel').openPane).toBe(true);
  host.commands.dialogs[0].messageFromChild('close');
  await click.done;
});

test('without the dialog API (old Office): the scores are still written and the command completes', async () => {
  const wb = await loadXlsx(EXAMPLE_PATH);
  host = installFakeOffice(wb, { apiSets: { ExcelApi: '1.1', AddinCommands: '1.1' } });
  loadFunctionFile();
  const click = host.commands.invoke('calculateScores');
  await click.done;
  expect(click.completedCalls).toBe(1);
  expect(host.commands.dialogs).toEqual([]);
  expect(wb.get(SHEET).valueAt('G27')).toBe(98);
});

test('Excel 2016 without Office.actions finds the function by its global name', async () => {
  const wb = await loadXlsx(EXAMPLE_PATH);
  host = installFakeOffice(wb);
  (globalThis as unknown as { Office: Record<string, unknown> }).Office.actions = undefined;
  loadFunctionFile();
  expect(host.commands.functions.size).toBe(0);
  const click = host.commands.invoke('calculateScores');
  await waitFor(() => host.commands.dialogs.length === 1);
  host.commands.dialogs[0].messageFromChild('close');
  await click.done;
  expect(wb.get(SHEET).valueAt('G27')).toBe(98);
});

test('the facts survive the address and nothing else gets in', () => {
  const f = commandFacts({ ok: true, message: '', evaluation: null, report: null, reportSheet: null, searched: [] });
  expect(f.status).toBe('failed');
  const back = factsFromQuery('?' + factsToQuery({ ...f, status: 'incomplete', total: null, errors: 3, notes: 1, cells: 5 }));
  expect(back).toEqual({ ...f, status: 'incomplete', total: null, errors: 3, notes: 1, cells: 5 });
  // A tampered address gives safe defaults.
  expect(factsFromQuery('?status=<script>&total=1e9&grade=%3Cb%3E&e=-1&cells=x')).toEqual({
    status: 'failed', total: null, grade: null, errors: 0, warnings: 0, notes: 0, cells: 0, report: false,
  });
});

async function waitFor(cond: () => boolean, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
