/**
 * Runs a workbook through each door the way a user does, twice, and gives back what the door reported and every
 * cell of every sheet before, after, and after the second calculation:
 * - engine: evaluateWorkbook on the sheets, the plan applied to the grid;
 * - command line: `selfeval score FILE -o OUT --json` in-process, the written file read back;
 * - add-in: 计算得分 (session.calculate) on the fake Office host loaded from the .xlsx.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { evaluateWorkbook } from '../../src/engine/evaluate';
import { a1, type SheetGrid } from '../../src/engine/grid';
import { STORE_SHEET } from '../../src/engine/store';
import type { Evaluation, Issue } from '../../src/engine/types';
import * as session from '../../src/excel/session';
import { sheetToGrid } from '../../src/xlsx/readGrid';
import { captureIo, readBook, tempDir } from '../cliHelpers';
import { FakeWorkbook, installFakeOffice } from '../fakehost';
import { loadXlsx } from '../fakehost/xlsx';
import { applyPlan } from './grid';
import { roundingJson, roundingSettings, type RoundingMode } from './rounding';

/** What a cell holds: the value shown (a formula's result), its number format and its formula. */
export interface CellState {
  value: string | number | boolean;
  format: string;
  formula: string | null;
}
/** Every non-blank cell: sheet → A1 address → state. */
export type WorkbookCells = Map<string, Map<string, CellState>>;

/** What the door itself reported (engine results, the command line's JSON document, the pane's evaluation). */
export interface Reported {
  year: number | null;
  budgetRate: number | null;
  budgetScore: number | null;
  total: number | null;
  grade: string | null;
  issues: Issue[];
  /** Indicator scores by 1-based sheet row, where the door reports them per row (the engine). */
  rowScores: Map<number, number | null> | null;
  /** The command line's exit code. */
  exitCode?: number;
}

export interface DoorRun {
  door: string;
  reported: Reported;
  before: WorkbookCells;
  after: WorkbookCells;
  /** After calculating the calculated workbook again. */
  again: WorkbookCells;
  addedSheets: string[];
}

export interface Door {
  name: string;
  run: (file: string, mode?: RoundingMode) => Promise<DoorRun>;
}

const NOW = '2025-03-01T08:00:00.000Z';
const blank = (c: CellState): boolean => (c.value === '' || c.value === null) && c.format === 'General' && !c.formula;

function put(map: WorkbookCells, sheet: string, address: string, c: CellState): void {
  if (blank(c)) return;
  if (!map.has(sheet)) map.set(sheet, new Map());
  map.get(sheet)!.set(address, c);
}

export function gridCells(grids: SheetGrid[]): WorkbookCells {
  const out: WorkbookCells = new Map();
  for (const g of grids) {
    if (g.name === STORE_SHEET) continue;
    out.set(g.name, new Map());
    const o = g.origin ?? { row: 0, col: 0 };
    g.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const f = g.formulas?.[r]?.[c];
        put(out, g.name, a1(o.row + r, o.col + c), {
          value: v ?? '',
          format: g.numberFormats?.[r]?.[c] ?? 'General',
          formula: typeof f === 'string' && f.startsWith('=') ? f : null,
        });
      }),
    );
  }
  return out;
}

function excelValue(cell: ExcelJS.Cell): { value: CellState['value']; formula: string | null } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: '', formula: null };
  if (typeof v !== 'object') return { value: v as CellState['value'], formula: null };
  if (v instanceof Date) return { value: v.toISOString(), formula: null };
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    const r = o.result;
    return { value: r === undefined || r === null || typeof r === 'object' ? '' : (r as CellState['value']), formula: `=${String(cell.formula)}` };
  }
  if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((x) => x.text).join(''), formula: null };
  if ('error' in o) return { value: String(o.error), formula: null };
  return { value: JSON.stringify(o), formula: null };
}

export function excelCells(wb: ExcelJS.Workbook): WorkbookCells {
  const out: WorkbookCells = new Map();
  for (const ws of wb.worksheets) {
    if (ws.name === STORE_SHEET) continue;
    out.set(ws.name, new Map());
    for (let r = 1; r <= ws.rowCount; r++) {
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = ws.getCell(r, c);
        if (cell.isMerged && cell.master.address !== cell.address) continue;
        put(out, ws.name, cell.address, { ...excelValue(cell), format: cell.numFmt || 'General' });
      }
    }
  }
  return out;
}

export function fakeCells(wb: FakeWorkbook): WorkbookCells {
  const out: WorkbookCells = new Map();
  for (const s of wb.sheets) {
    if (s.name === STORE_SHEET) continue;
    out.set(s.name, new Map());
    for (const [key, c] of s.cells) {
      const [r, col] = key.split(',').map(Number);
      put(out, s.name, a1(r, col), { value: c.value, format: c.numberFormat || 'General', formula: c.formula ?? null });
    }
  }
  return out;
}

function fromEvaluation(ev: Evaluation): Reported {
  const r = ev.found ? ev.results : null;
  const rowScores = new Map<number, number | null>();
  for (const i of r?.indicators ?? []) rowScores.set(i.row + 1, i.score);
  return {
    year: ev.found ? ev.table.year : null,
    budgetRate: r?.budget.total?.rate ?? null,
    budgetScore: r?.budget.score ?? null,
    total: r?.total ?? null,
    grade: r?.grade ?? null,
    issues: ev.issues,
    rowScores,
  };
}

const added = (before: WorkbookCells, after: WorkbookCells): string[] => [...after.keys()].filter((k) => !before.has(k));

export const engineDoor: Door = {
  name: 'engine',
  async run(file, mode) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const grids = wb.worksheets.map(sheetToGrid);
    const settings = mode ? roundingSettings(mode) : undefined;
    const apply = (gs: SheetGrid[], ev: Evaluation) => gs.map((g) => (ev.found && g.name === ev.plan.sheet ? applyPlan(g, ev.plan) : g));
    const first = evaluateWorkbook(grids, { settings, now: NOW });
    const once = apply(grids, first);
    const second = evaluateWorkbook(once, { settings, record: first.found ? first.plan.record : null, now: NOW });
    const before = gridCells(grids);
    const after = gridCells(once);
    return { door: 'engine', reported: fromEvaluation(first), before, after, again: gridCells(apply(once, second)), addedSheets: added(before, after) };
  },
};

export const cliDoor: Door = {
  name: 'command line',
  async run(file, mode) {
    const dir = tempDir('selfeval-layouts-');
    try {
      const extra: string[] = [];
      if (mode) {
        const s = path.join(dir, 'settings.json');
        fs.writeFileSync(s, JSON.stringify(roundingJson(mode)));
        extra.push('--settings', s);
      }
      const score = async (input: string, output: string) => {
        const io = captureIo();
        const code = await main(['score', input, '-o', output, '--json', ...extra], io);
        if (code !== 0 && code !== 3) throw new Error(`selfeval score exited ${code}: ${io.err()}`);
        return { code, doc: JSON.parse(io.out()) as Record<string, unknown> };
      };
      const once = path.join(dir, 'once.xlsx');
      const twice = path.join(dir, 'twice.xlsx');
      const { code, doc } = await score(file, once);
      await score(once, twice);
      const budget = doc.budget as { total: { rate: number | null } | null; score: number | null };
      const before = excelCells(await readBook(file));
      const after = excelCells(await readBook(once));
      return {
        door: 'command line',
        reported: {
          year: doc.year as number | null,
          budgetRate: budget.total?.rate ?? null,
          budgetScore: budget.score,
          total: doc.total as number | null,
          grade: doc.grade as string | null,
          issues: doc.issues as Issue[],
          rowScores: null,
          exitCode: code,
        },
        before,
        after,
        again: excelCells(await readBook(twice)),
        addedSheets: added(before, after),
      };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** 计算得分 on the fake host; a programming error (sent to the console by the session) becomes the failure. */
export async function calculateOn(wb: FakeWorkbook, apiSets: Record<string, string>): Promise<Evaluation> {
  const host = installFakeOffice(wb, { apiSets });
  const logged: unknown[] = [];
  const spy = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logged.push(a[0]));
  try {
    const out = await session.calculate();
    if (!out.ok || !out.evaluation) throw new Error(`计算得分 failed: ${out.message} ${logged.map(String).join(' ')}`);
    return out.evaluation;
  } finally {
    spy.mockRestore();
    host.uninstall();
  }
}

export function gatewayDoor(apiSets: Record<string, string>): Door {
  const name = `add-in (ExcelApi ${apiSets.ExcelApi})`;
  return {
    name,
    async run(file, mode) {
      const wb = await loadXlsx(file);
      if (mode) {
        const host = installFakeOffice(wb, { apiSets });
        try {
          await session.saveSettings(roundingSettings(mode));
        } finally {
          host.uninstall();
        }
      }
      const before = fakeCells(wb);
      const ev = await calculateOn(wb, apiSets);
      const after = fakeCells(wb);
      await calculateOn(wb, apiSets);
      return { door: name, reported: { ...fromEvaluation(ev), rowScores: null }, before, after, again: fakeCells(wb), addedSheets: added(before, after) };
    },
  };
}

/** The doors every table goes through: the engine, the command line, the add-in on a current and the oldest Excel. */
export const DOORS: Door[] = [engineDoor, cliDoor, gatewayDoor({ ExcelApi: '1.17' }), gatewayDoor({ ExcelApi: '1.1' })];
