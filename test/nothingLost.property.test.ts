/**
 * Nothing lost, as a property (domain.md §5, issue 10 points 6 and 7): over generated tables of the national kind
 * with random text in every cell that is neither a label, an input nor an output, a calculation changes no cell
 * that was not empty (value, number format, formula), writes only the table's output cells, and a second
 * calculation changes nothing. Through the engine (the plan applied to the grid) and through the add-in on the
 * fake host. Run counts: FC_RUNS (see docs/reliability.md); FC_SEED replays a failure.
 */
import fc from 'fast-check';
import { evaluateWorkbook } from '../src/engine/evaluate';
import type { SheetGrid } from '../src/engine/grid';
import * as session from '../src/excel/session';
import { FakeWorkbook, installFakeOffice } from './fakehost';
import { sheetSnapshotFromGrid } from './fakehost/fromGrid';
import { fakeCells, gridCells, type CellState, type WorkbookCells } from './helpers/doors';
import { applyPlan } from './helpers/grid';
import { fcParams, runs } from './helpers/mutations';
import { nationalTable, type GeneratedTable } from './helpers/nationalForm';

const ENGINE_RUNS = runs(60);
const ADDIN_RUNS = Math.max(5, Math.round(runs(60) / 4));
jest.setTimeout(Math.max(60000, ENGINE_RUNS * 1000));
const NOW = '2025-03-01T08:00:00.000Z';

const EMPTY: CellState = { value: '', format: 'General', formula: null };
const same = (a: CellState | undefined, b: CellState | undefined) => JSON.stringify(a ?? EMPTY) === JSON.stringify(b ?? EMPTY);

/** What went wrong between two states of the table sheet: a user's cell changed, or a cell that is no output written. */
function lost(before: WorkbookCells, after: WorkbookCells, t: GeneratedTable): string[] {
  const name = t.grid.name;
  const b = before.get(name) ?? new Map<string, CellState>();
  const a = after.get(name) ?? new Map<string, CellState>();
  const out: string[] = [];
  for (const addr of new Set([...b.keys(), ...a.keys()])) {
    if (same(b.get(addr), a.get(addr))) continue;
    const what = `${addr}: ${JSON.stringify(b.get(addr)?.value ?? '')} → ${JSON.stringify(a.get(addr)?.value ?? '')}`;
    if (b.has(addr)) out.push(`${what} (the user's cell changed)`);
    else if (!t.outputs.has(addr)) out.push(`${what} (not an output cell)`);
  }
  return out;
}

function changed(x: WorkbookCells, y: WorkbookCells): string[] {
  const out: string[] = [];
  for (const sheet of new Set([...x.keys(), ...y.keys()])) {
    const a = x.get(sheet) ?? new Map<string, CellState>();
    const b = y.get(sheet) ?? new Map<string, CellState>();
    for (const addr of new Set([...a.keys(), ...b.keys()])) if (!same(a.get(addr), b.get(addr))) out.push(`${sheet}!${addr}`);
  }
  return out;
}

test('engine: a calculation changes no non-empty cell and writes only output cells; a second one changes nothing', () => {
  fc.assert(
    fc.property(nationalTable, (t) => {
      const first = evaluateWorkbook([t.grid], { now: NOW });
      const once: SheetGrid = first.found ? applyPlan(t.grid, first.plan) : t.grid;
      expect(lost(gridCells([t.grid]), gridCells([once]), t)).toEqual([]);
      const second = evaluateWorkbook([once], { record: first.found ? first.plan.record : null, now: NOW });
      const twice = second.found ? applyPlan(once, second.plan) : once;
      expect(changed(gridCells([once]), gridCells([twice]))).toEqual([]);
    }),
    fcParams(ENGINE_RUNS),
  );
});

/** 计算得分 on the fake host: "table not found" is an outcome; an unexpected error is a failure. */
async function calculate(wb: FakeWorkbook): Promise<void> {
  const host = installFakeOffice(wb);
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const out = await session.calculate();
    expect(out.message).not.toMatch(/意外错误/);
    expect(spy).not.toHaveBeenCalled();
  } finally {
    spy.mockRestore();
    host.uninstall();
  }
}

test('add-in: 计算得分 changes no non-empty cell and writes only output cells; a second one changes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(nationalTable, async (t) => {
      const wb = FakeWorkbook.fromSnapshot({ sheets: [sheetSnapshotFromGrid(t.grid)], activeSheet: t.grid.name });
      const before = fakeCells(wb);
      await calculate(wb);
      const once = fakeCells(wb);
      expect(lost(before, once, t)).toEqual([]);
      expect(wb.get(t.grid.name).merges).toEqual(FakeWorkbook.fromSnapshot({ sheets: [sheetSnapshotFromGrid(t.grid)] }).get(t.grid.name).merges);
      await calculate(wb);
      expect(changed(once, fakeCells(wb))).toEqual([]);
    }),
    fcParams(ADDIN_RUNS),
  );
});

test('the generator covers the variants: tables are found, scored and written, and some outputs hold text beside them', () => {
  // The property is only worth something if most generated tables are recognised and written to.
  const samples = fc.sample(nationalTable, { numRuns: 40, seed: 42 });
  const written = samples.filter((t) => ((e) => (e.found ? e.plan.writes.length : 0))(evaluateWorkbook([t.grid])) > 0);
  expect(written.length).toBeGreaterThan(samples.length / 2);
  for (const t of samples) {
    expect(t.outputs.size).toBeGreaterThan(1);
    for (const a of t.outputs) expect(gridCells([t.grid]).get(t.grid.name)?.get(a)).toBeUndefined();
  }
});
