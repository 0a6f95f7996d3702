/** The calculate step every door runs: what to write, where the draft goes, when nothing may be written. */
import {
  calculate, decodeStore, emptyStore, draftLines, restoreStart, restoreWrites, sheetsToSearch, STORE_SHEET,
  type CalculateInput, type DoorSheet, type SheetGrid,
} from '../../src/engine';
import { applyPlan, grid, loadExample, setCell } from '../helpers/grid';
import { EXAMPLE_SHEET } from '../helpers/example';

let example: SheetGrid[];
beforeAll(async () => {
  example = await loadExample();
});

const sheetsOf = (names: string[], o: Partial<DoorSheet> = {}): DoorSheet[] => names.map((name) => ({ name, visibility: 'Visible', protected: false, ...o }));

function input(o: Partial<CalculateInput> = {}): CalculateInput {
  return { sheets: sheetsOf([EXAMPLE_SHEET]), grids: example, store: emptyStore(), structureProtected: false, now: '2024-03-01T00:00:00Z', ...o };
}

function ready(c: ReturnType<typeof calculate>) {
  if (c.kind !== 'ready') throw new Error(`expected ready, got ${c.kind}: ${c.message}`);
  return c;
}

describe('the example', () => {
  test('ready: the plan cells, a new 自评报告, the record with the draft digest, the store cells', () => {
    const c = ready(calculate(input()));
    expect(c.sheet).toBe(EXAMPLE_SHEET);
    expect(c.writes.map((w) => w.address)).toContain('G27');
    expect(c.draft).toMatchObject({ kind: 'add', name: '自评报告' });
    expect(c.draft.rows[0].style).toBe('title');
    expect(c.store.record).toMatchObject({ sheet: EXAMPLE_SHEET, reportSheet: '自评报告', reportDigest: c.draft.digest });
    expect(decodeStore(c.storeCells)).toEqual(c.store);
    expect(c.storeExists).toBe(false);
    expect(c.message).toBe(`已将计算结果写入工作表“${EXAMPLE_SHEET}”的 ${c.writes.length} 个单元格。`);
    expect(c.evaluation.results.total).toBe(98);
  });

  test('calculating again replaces our untouched draft in place; an edited draft is kept and a new sheet added', () => {
    const first = ready(calculate(input()));
    const after = applyPlan(example[0], first.evaluation.plan);
    const lines = first.draft.rows.map((r) => r.text);
    const sheets = sheetsOf([EXAMPLE_SHEET, '自评报告', STORE_SHEET]);
    const again = ready(calculate(input({ grids: [after], sheets, store: first.store, previousDraft: lines })));
    expect(again.draft).toMatchObject({ kind: 'replace', name: '自评报告', digest: first.draft.digest });
    expect(again.writes.map((w) => [w.address, w.value])).toEqual(first.writes.map((w) => [w.address, w.value]));
    expect(again.storeExists).toBe(true);

    const edited = ready(calculate(input({ grids: [after], sheets, store: first.store, previousDraft: [...lines, '我的补充'] })));
    expect(edited.draft).toMatchObject({ kind: 'add', name: '自评报告 (2)' });
    // A door that did not read the draft never has it replaced.
    expect(ready(calculate(input({ grids: [after], sheets, store: first.store }))).draft.kind).toBe('add');
  });

  test('a protected table sheet, a protected store or a locked structure: refused, with the results and report', () => {
    const prot = calculate(input({ sheets: sheetsOf([EXAMPLE_SHEET], { protected: true }) }));
    expect(prot).toMatchObject({ kind: 'refused', reason: 'sheetProtected' });
    expect(prot.message).toContain('受保护');
    if (prot.kind !== 'refused') throw new Error();
    expect(prot.evaluation.results.total).toBe(98);
    expect(prot.report.sections.length).toBeGreaterThan(5);

    const store = calculate(input({ sheets: [...sheetsOf([EXAMPLE_SHEET]), { name: STORE_SHEET, visibility: 'VeryHidden', protected: true }] }));
    expect(store).toMatchObject({ kind: 'refused', reason: 'storeProtected' });

    const locked = calculate(input({ structureProtected: true }));
    expect(locked).toMatchObject({ kind: 'refused', reason: 'structureProtected' });
    expect(locked.message).toContain('新增工作表“自评报告”');
    // Unknown protection (ExcelApi 1.1) is for the door to find out: not refused here.
    expect(calculate(input({ sheets: sheetsOf([EXAMPLE_SHEET], { protected: null }) })).kind).toBe('ready');
  });

  test('settings given to the run are used and kept; settings kept in the workbook are validated', () => {
    const bad = calculate(input({ store: { ...emptyStore(), settings: { budgetRule: 'nonsense' } } }));
    expect(bad.settingsErrors.join('')).toContain('budgetRule');
    const c = ready(calculate(input({ settings: { ...bad.evaluation.settings, weightTotal: 100 } })));
    expect(c.store.settings).toMatchObject({ weightTotal: 100 });
  });
});

describe('no table on the sheets read', () => {
  test('notFound, one message, and the sheets still worth reading', () => {
    const other = grid('封面', [['说明'], ['本表由财务科填报']]);
    const sheets = [...sheetsOf(['封面', EXAMPLE_SHEET, '报告素材']), { name: STORE_SHEET, visibility: 'VeryHidden' as const, protected: false }];
    const c = calculate(input({ grids: [other], sheets, activeSheet: '封面' }));
    expect(c.kind).toBe('notFound');
    if (c.kind !== 'notFound') throw new Error();
    expect(c.searchNext).toEqual([EXAMPLE_SHEET]);
    expect(c.message).toMatch(/^未找到《部门整体支出绩效自评表》。已查看的工作表：“封面”缺少/);
    expect(calculate(input({ grids: [other], file: 'a.xlsx' })).message.startsWith('“a.xlsx”中未找到')).toBe(true);
    expect(sheetsToSearch(sheets, ['封面', EXAMPLE_SHEET])).toEqual([]);
  });
});

describe('formula cells that read what we write', () => {
  test('a 总分 formula over the score column: kept, a 提示 instead of "differs", and the host recalculates it', () => {
    const g = JSON.parse(JSON.stringify(example[0])) as SheetGrid;
    setCell(g, 'G27', 0);
    g.formulas![26][6] = '=SUM(G13:G26)';
    const c = ready(calculate(input({ grids: [g] })));
    expect(c.writes.map((w) => w.address)).not.toContain('G27');
    expect(c.recalculate).toEqual(['G27']);
    expect(c.evaluation.issues.some((i) => i.kind === 'formulaDiffers')).toBe(false);
    const note = c.evaluation.issues.find((i) => i.kind === 'formulasRecalculate');
    expect(note).toMatchObject({ severity: '提示' });
    expect(note!.message).toContain('G27');
  });

  test('a formula that reads only inputs and disagrees is still a warning', () => {
    const g = JSON.parse(JSON.stringify(example[0])) as SheetGrid;
    setCell(g, 'G27', 50);
    g.formulas![26][6] = '=D27/2';
    const c = ready(calculate(input({ grids: [g] })));
    expect(c.recalculate).toEqual([]);
    expect(c.evaluation.issues.find((i) => i.kind === 'formulaDiffers')?.cell).toBe(`${EXAMPLE_SHEET}!G27`);
  });
});

describe('restore', () => {
  test('what to read, then what to write back; our draft removed, the record cleared', () => {
    const first = ready(calculate(input()));
    const after = applyPlan(example[0], first.evaluation.plan);
    const sheets = sheetsOf([EXAMPLE_SHEET, '自评报告', STORE_SHEET]);
    const start = restoreStart(first.store, sheets);
    if (start.kind !== 'read') throw new Error(start.kind);
    expect(start.scope).toMatchObject({ sheet: EXAMPLE_SHEET, reportSheet: '自评报告' });
    expect(start.scope.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    const lines = draftLines(first.draft.rows.map((r) => [r.text]));
    const w = restoreWrites(first.store, start.scope, after, lines);
    expect(w.writes).toHaveLength(first.writes.length);
    expect(w.writes.every((x) => x.value === '')).toBe(true);
    expect(w.removeReport).toBe('自评报告');
    expect(w.store.record).toBeNull();
    expect(decodeStore(w.storeCells).record).toBeNull();
    expect(w.message).toContain(`${w.writes.length} 个单元格恢复为计算前的内容`);
  });

  test('a write cut off after our format and before our value: the format goes back; a user edit is kept', () => {
    const first = ready(calculate(input()));
    const g = JSON.parse(JSON.stringify(example[0])) as SheetGrid;
    const rate = first.writes.find((x) => x.purpose === 'rate' && x.value !== '—')!;
    setCell(g, rate.address, '', rate.numberFormat); // cut off: our format, the old (empty) value
    setCell(g, 'G13', 7); // the user typed a score after our calculation
    const start = restoreStart(first.store, sheetsOf([EXAMPLE_SHEET]));
    if (start.kind !== 'read') throw new Error(start.kind);
    const w = restoreWrites(first.store, start.scope, g, null);
    expect(w.writes.find((x) => x.address === rate.address)).toEqual({ address: rate.address, value: '', numberFormat: rate.before.numberFormat });
    expect(w.kept).toContain('G13');
    expect(w.removeReport).toBeNull();
  });

  test('nothing recorded, the sheet gone, or protected', () => {
    expect(restoreStart(emptyStore(), sheetsOf([EXAMPLE_SHEET])).kind).toBe('nothing');
    const first = ready(calculate(input()));
    expect(restoreStart(first.store, sheetsOf(['别的表']))).toMatchObject({ kind: 'refused', message: expect.stringContaining('找不到工作表') });
    expect(restoreStart(first.store, sheetsOf([EXAMPLE_SHEET], { protected: true })).kind).toBe('refused');
  });
});
