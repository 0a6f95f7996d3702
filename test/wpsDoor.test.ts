/**
 * The WPS door and ribbon on the fake WPS 表格 host: one pass of reads then one of writes, a second calculation
 * rewrites our draft in place, protection refuses with nothing changed, restore, settings kept in the workbook,
 * selecting a cell, and the ribbon's 计算得分 (dialog always, task pane only when there is something to read).
 */
import { decodeStore, STORE_SHEET } from '../src/engine';
import { calculateNow, wpsDoor } from '../src/wps/door';
import { normalFormat, matrix } from '../src/wps/read';
import { calculateFromRibbon, ribbon } from '../src/wps/ribbon';
import { LAST_OUTCOME_KEY } from '../src/wps/keys';
import { factsFromQuery } from '../src/taskpane/summary';
import { changedCells, workbookDump } from './fakehost/compare';
import type { FakeWorkbook } from './fakehost/model';
import { loadXlsx } from './fakehost/xlsx';
import { installFakeWps, type FakeWpsHost } from './fakewps';
import { EXAMPLE_PATH, EXAMPLE_SHEET as SHEET } from './helpers/example';

const NOW = new Date('2025-03-01T08:00:00.000Z');
let host: FakeWpsHost | null = null;
let cache: FakeWorkbook | null = null;
afterEach(() => {
  host?.uninstall();
  host = null;
});

async function example(): Promise<FakeWorkbook> {
  if (!cache) cache = await loadXlsx(EXAMPLE_PATH);
  return cache.clone();
}

function app(): Parameters<typeof calculateFromRibbon>[0] {
  return (globalThis as unknown as { Application: Parameters<typeof calculateFromRibbon>[0] }).Application;
}

test('计算得分 reads everything before writing anything, writes 21 cells, the draft and a very hidden store', async () => {
  const wb = await example();
  const before = wb.clone();
  host = installFakeWps(wb);
  const out = calculateNow({}, NOW);
  expect(out.ok).toBe(true);
  expect(out.message).toBe(`已将计算结果写入工作表“${SHEET}”的 21 个单元格。`);
  expect(wb.get(SHEET).valueAt('G27')).toBe(98);
  expect(changedCells(before.get(SHEET), wb.get(SHEET))).toHaveLength(21);
  const firstWrite = host.log.findIndex((e) => e.write);
  expect(firstWrite).toBeGreaterThan(0);
  expect(host.log.slice(firstWrite).filter((e) => !e.write)).toEqual([]);
  // The user is still on the table's sheet; the report is after the others, the store very hidden at the end.
  expect(wb.activeSheet).toBe(SHEET);
  expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([...before.sheets.map((s) => [s.name, s.visibility]), ['自评报告', 'Visible'], [STORE_SHEET, 'VeryHidden']]);
  const report = wb.get('自评报告');
  expect(String(report.valueAt('A1'))).toMatch(/^2023年度.*整体支出绩效自评报告$/);
  expect(report.read(0, 0).bold).toBe(true);
  expect(report.read(0, 0).horizontalAlignment).toBe('Center');
  expect(report.columnWidths.get(0)).toBeGreaterThan(500);
});

test('a second 计算得分 rewrites our untouched draft in place and leaves the workbook as after the first', async () => {
  const wb = await example();
  host = installFakeWps(wb);
  calculateNow({}, NOW);
  // The user moves the draft before the table; it must stay there.
  wb.sheets.unshift(wb.sheets.splice(wb.sheets.findIndex((s) => s.name === '自评报告'), 1)[0]);
  const once = JSON.stringify(workbookDump(wb));
  const second = calculateNow({}, NOW);
  expect(second.ok).toBe(true);
  expect(second.reportSheet).toBe('自评报告');
  expect(JSON.stringify(workbookDump(wb))).toBe(once);
});

test('an edited draft is kept and the new one goes to 自评报告 (2)', async () => {
  const wb = await example();
  host = installFakeWps(wb);
  calculateNow({}, NOW);
  wb.get('自评报告').set('A3', '我改过的段落');
  const second = calculateNow({}, NOW);
  expect(second.reportSheet).toBe('自评报告 (2)');
  expect(wb.get('自评报告').valueAt('A3')).toBe('我改过的段落');
});

test('a protected sheet: refused with the engine message and nothing changed', async () => {
  const wb = await example();
  wb.get(SHEET).protected = true;
  const before = JSON.stringify(workbookDump(wb));
  host = installFakeWps(wb);
  const out = calculateNow({}, NOW);
  expect(out.ok).toBe(false);
  expect(out.message).toContain('受保护');
  expect(out.evaluation?.found).toBe(true);
  expect(JSON.stringify(workbookDump(wb))).toBe(before);
  expect(host.log.filter((e) => e.write)).toEqual([]);
});

test('a protected workbook structure: no sheet can be added, so nothing is written', async () => {
  const wb = await example();
  wb.structureProtected = true;
  const before = JSON.stringify(workbookDump(wb));
  host = installFakeWps(wb);
  const out = calculateNow({}, NOW);
  expect(out.ok).toBe(false);
  expect(out.message).toContain('工作簿结构受保护');
  expect(JSON.stringify(workbookDump(wb))).toBe(before);
});

test('恢复计算前内容 puts the cells back, removes our draft and clears the record; a second restore has nothing to do', async () => {
  const wb = await example();
  const before = wb.clone();
  host = installFakeWps(wb);
  await wpsDoor.calculate();
  const r = await wpsDoor.restoreLast();
  expect(r.ok).toBe(true);
  expect(r.message).toContain('21 个单元格');
  expect(changedCells(before.get(SHEET), wb.get(SHEET))).toEqual([]);
  expect(wb.sheet('自评报告')).toBeUndefined();
  expect(decodeStore([wb.get(STORE_SHEET).valueAt('A1')]).record).toBeNull();
  const again = await wpsDoor.restoreLast();
  expect(again.ok).toBe(false);
  expect(again.message).toContain('没有可恢复的内容');
});

test('settings and material are kept in the store; the next calculation uses them', async () => {
  const wb = await example();
  host = installFakeWps(wb);
  const stored = await wpsDoor.loadStored();
  await wpsDoor.saveSettings({ ...stored.settings, grades: stored.settings.grades.map((g, i) => (i === 0 ? { ...g, min: 99 } : g)) });
  await wpsDoor.saveMaterial({ functions: '负责会务保障。' });
  expect(wb.activeSheet).toBe(SHEET);
  const out = calculateNow({}, NOW);
  expect(out.evaluation?.found && out.evaluation.results.grade).toBe('良');
  expect(out.report?.sections.flatMap((s) => s.paragraphs).join('')).toContain('负责会务保障。');
  expect((await wpsDoor.loadStored()).material.functions).toBe('负责会务保障。');
});

test('an issue selects its cell; a missing sheet says so in Chinese', async () => {
  const wb = await example();
  host = installFakeWps(wb);
  await wpsDoor.selectCell(`${SHEET}!F17`);
  expect(wb.selection).toEqual({ sheet: SHEET, address: 'F17' });
  await expect(wpsDoor.selectCell('不存在!A1')).rejects.toThrow('找不到工作表“不存在”');
});

test('no workbook open, or not in WPS: a Chinese message, no exception', async () => {
  host = installFakeWps(null);
  expect((await wpsDoor.calculate()).message).toContain('没有打开的工作簿');
  host.uninstall();
  host = null;
  expect((await wpsDoor.calculate()).message).toContain('WPS 表格');
});

test('ribbon 计算得分 on the example: the outcome dialog, no task pane (notes only)', async () => {
  const wb = await example();
  host = installFakeWps(wb);
  calculateFromRibbon(app(), NOW);
  expect(host.dialogs).toHaveLength(1);
  const facts = factsFromQuery(host.dialogs[0].url.slice(host.dialogs[0].url.indexOf('?')));
  expect(facts).toMatchObject({ status: 'done', total: 98, grade: '优', errors: 0, warnings: 0, notes: 2 });
  expect(host.taskPanes).toEqual([]);
  expect(JSON.parse(String(host.storage.get(LAST_OUTCOME_KEY))).ok).toBe(true);
});

test('ribbon 计算得分 with errors opens the pane on the last outcome; 打开任务窗格 reuses it', async () => {
  const wb = await example();
  wb.get(SHEET).set('F17', '约100'); // an actual the engine does not guess: an error on F17
  host = installFakeWps(wb);
  calculateFromRibbon(app(), NOW);
  expect(host.taskPanes).toHaveLength(1);
  expect(host.taskPanes[0].url).toMatch(/taskpane\.html\?show=last$/);
  expect(host.taskPanes[0].Visible).toBe(true);
  host.taskPanes[0].Visible = false;
  expect(ribbon.OnAction({ Id: 'jixiaoTaskpane' })).toBe(true);
  expect(host.taskPanes).toHaveLength(1);
  expect(host.taskPanes[0].Visible).toBe(true);
  expect(ribbon.GetImage({ Id: 'jixiaoCalculate' })).toBe('images/calculate.png');
});

test('values as the JSA gives them: rows of a range, a flat array of older versions, one cell; WPS\'s Chinese General', () => {
  expect(matrix([[1, 2], [3, 4]], 2, 2)).toEqual([[1, 2], [3, 4]]);
  expect(matrix([1, 2, 3, 4], 2, 2)).toEqual([[1, 2], [3, 4]]);
  expect(matrix(7, 1, 1)).toEqual([[7]]);
  expect(normalFormat('G/通用格式')).toBe('General');
  expect(normalFormat(null)).toBe('General');
  expect(normalFormat('0.00%')).toBe('0.00%');
});
