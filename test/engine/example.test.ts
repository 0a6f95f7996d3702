/** The project's own example (2023 海珠 figures): 98.00, 优, 预算完成率 100.00%, and what may be written. */
import { evaluateFound } from '../helpers/evaluate';
import { restorePlan, type SheetGrid } from '../../src/engine';
import { applyPlan, getCell, loadExample, setCell } from '../helpers/grid';
import { percentText } from '../../src/engine/rounding';

let sheets: SheetGrid[];
beforeAll(async () => {
  sheets = await loadExample();
});

test('scores 98.00, 优, with 预算完成率 100.00%', () => {
  const ev = evaluateFound(sheets, { now: '2024-03-01T00:00:00Z' });
  expect(ev.found).toBe(true);
  const r = ev.results!;
  expect(r.total.toFixed(2)).toBe('98.00');
  expect(r.grade).toBe('优');
  expect(percentText(r.budget.total!.rate!)).toBe('100.00%');
  expect(r.complete).toBe(true);
  expect(r.weightSum).toBe(100);
  expect(r.groups).toEqual([
    { level1: '履职效能', level2: '', weight: 50, score: 50 },
    { level1: '管理效率', level2: '', weight: 50, score: 48 },
  ]);
  const slow = r.indicators.find((i) => i.name === '支出进度率')!;
  expect(slow).toMatchObject({ weight: 5, score: 3, method: '正向', lostPoints: true });
  expect(ev.table!.unitName).toBe('广州市海珠区人民代表大会常务委员会办公室');
  expect(ev.table!.year).toBe(2023);
  expect(ev.table!.money!.unit).toBe('万元');
  expect(ev.issues.filter((i) => i.severity === '错误')).toEqual([]);
});

test('the plan writes the rates, the scores, the budget actual, the total and the grade, and nothing else', () => {
  const ev = evaluateFound(sheets);
  const byAddress = Object.fromEntries(ev.plan!.writes.map((w) => [w.address, w.value]));
  expect(byAddress).toEqual({
    F8: 1, F9: 1, F10: '—', F11: '—', F18: 1,
    G13: 10, G14: 10, G15: 10, G16: 10, G17: 10, G18: 10, G19: 3, G20: 5, G21: 5, G22: 5, G23: 5, G24: 5, G25: 5, G26: 5,
    G27: 98, D28: '优',
  });
  // The formulas of the money block's total row and of the weight total are never in the plan.
  for (const a of ['C8', 'D8', 'E8', 'D27']) expect(byAddress[a]).toBeUndefined();
  expect(ev.plan!.writes.every((w) => w.before.value === '')).toBe(true);
});

test('without merge information (ExcelApi < 1.13) the blank-below reading gives the same result', () => {
  const noMerges = sheets.map((s) => ({ ...s, merges: undefined }));
  const a = evaluateFound(sheets);
  const b = evaluateFound(noMerges);
  expect(b.results!.total).toBe(98);
  expect(b.results!.indicators.map((i) => [i.level1, i.level2, i.score])).toEqual(a.results!.indicators.map((i) => [i.level1, i.level2, i.score]));
  expect(b.plan!.writes.map((w) => w.address)).toEqual(a.plan!.writes.map((w) => w.address));
});

test('running twice with the record leaves the same cells; the second plan writes the same values', () => {
  const first = evaluateFound(sheets, { now: 't1' });
  const after1 = applyPlan(sheets[0], first.plan!);
  const second = evaluateFound([after1], { record: first.plan!.record, now: 't2' });
  const after2 = applyPlan(after1, second.plan!);
  expect(after2.values).toEqual(after1.values);
  expect(second.results!.total).toBe(98);
  expect(second.results!.indicators.every((i) => i.manual === null)).toBe(true);
  // The record keeps the values from before the first calculation.
  expect(second.plan!.record.cells.every((c) => c.before.value === '')).toBe(true);
});

test('a score the user changed after our run is a manual score: kept, flagged, both values shown', () => {
  const first = evaluateFound(sheets);
  const after = applyPlan(sheets[0], first.plan!);
  setCell(after, 'G19', 4);
  const second = evaluateFound([after], { record: first.plan!.record });
  const row = second.results!.indicators.find((i) => i.name === '支出进度率')!;
  expect(row.manual).toEqual({ value: 4, computed: 3, inBand: false });
  expect(row.score).toBe(4);
  expect(second.results!.total).toBe(99);
  expect(second.plan!.writes.find((w) => w.address === 'G19')).toBeUndefined();
  const msg = second.issues.find((i) => i.kind === 'manualScore')!;
  expect(msg.cell).toBe('部门整体支出绩效自评表!G19');
  expect(msg.message).toContain('4.00');
  expect(msg.message).toContain('3.00');
  // The total we wrote last time (98) is ours, so it is updated to agree with the kept manual score.
  expect(second.plan!.writes.find((w) => w.address === 'G27')!.value).toBe(99);
  // Choosing the computed value writes it.
  const third = evaluateFound([after], { record: first.plan!.record, acceptComputed: ['G19'] });
  expect(third.plan!.writes.find((w) => w.address === 'G19')!.value).toBe(3);
  expect(third.results!.total).toBe(98);
});

test('a score typed before any calculation is the user\'s: kept when it differs, silent when it agrees', () => {
  const g = JSON.parse(JSON.stringify(sheets[0])) as SheetGrid;
  setCell(g, 'G13', 10);
  setCell(g, 'G14', 9);
  const ev = evaluateFound([g]);
  expect(ev.plan!.writes.find((w) => w.address === 'G13')).toBeUndefined();
  expect(ev.plan!.writes.find((w) => w.address === 'G14')).toBeUndefined();
  expect(ev.issues.filter((i) => i.kind === 'manualScore').map((i) => i.cell)).toEqual(['部门整体支出绩效自评表!G14']);
  expect(ev.results!.total).toBe(97);
});

test('a qualitative score typed inside its tier band is kept without a warning', () => {
  const g = JSON.parse(JSON.stringify(sheets[0])) as SheetGrid;
  setCell(g, 'G20', 4.5);
  setCell(g, 'G21', 3);
  const ev = evaluateFound([g]);
  const inBand = ev.results!.indicators.find((i) => i.name === '绩效管理制度建设')!;
  const outBand = ev.results!.indicators.find((i) => i.name === '绩效目标合理性')!;
  expect(inBand.manual).toEqual({ value: 4.5, computed: 5, inBand: true });
  expect(outBand.manual).toEqual({ value: 3, computed: 5, inBand: false });
  expect(ev.issues.find((i) => i.cell.endsWith('!G20'))!.severity).toBe('提示');
  expect(ev.issues.find((i) => i.cell.endsWith('!G21'))!.severity).toBe('警告');
});

test('the inverse and the restore plan give back exactly the original cells', () => {
  const ev = evaluateFound(sheets, { now: 't' });
  const after = applyPlan(sheets[0], ev.plan!);
  expect(getCell(after, 'G27')).toBe(98);
  const restore = restorePlan(ev.plan!.record, after);
  expect(restore.skipped).toEqual([]);
  const restored = JSON.parse(JSON.stringify(after)) as SheetGrid;
  for (const w of restore.writes) setCell(restored, w.address, w.value as never, w.numberFormat);
  expect(restored.values).toEqual(sheets[0].values);
  expect(restored.numberFormats).toEqual(sheets[0].numberFormats);
  // A cell the user changed since is left alone.
  setCell(after, 'G13', 7);
  expect(restorePlan(ev.plan!.record, after).skipped).toEqual(['G13']);
});

test('a row that can no longer be scored gets its old score taken back, and the total is not written', () => {
  const first = evaluateFound(sheets);
  const after = applyPlan(sheets[0], first.plan!);
  setCell(after, 'F19', '约54%');
  const second = evaluateFound([after], { record: first.plan!.record });
  const g19 = second.plan!.writes.find((w) => w.address === 'G19')!;
  expect(g19).toMatchObject({ purpose: 'revert', value: '' });
  expect(second.plan!.writes.filter((w) => w.address === 'G27' || w.address === 'D28').map((w) => w.purpose)).toEqual(['revert', 'revert']);
  expect(second.results!.complete).toBe(false);
  expect(second.issues.some((i) => i.kind === 'incomplete')).toBe(true);
});
