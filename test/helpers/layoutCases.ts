/**
 * The tables scored against their expected figures: the shared real tables (test/fixtures/real/) and our own
 * national-form layouts (test/fixtures/layouts/, made by make.py). Each comes with where its outputs are.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseA1 } from '../../src/engine/grid';
import type { RoundingMode } from './rounding';

export const REAL_DIR = path.join(__dirname, '..', 'fixtures', 'real');
export const LAYOUT_DIR = path.join(__dirname, '..', 'fixtures', 'layouts');
export const HUNT_DIR = path.join(__dirname, '..', 'fixtures', 'hunt');

/** Figures a table must give (NAME.expected.json): rows are keyed by 1-based sheet row. */
export interface Figures {
  budgetScore?: number;
  rows?: Record<string, number>;
  total?: number;
  grade?: string;
}

export interface Expected extends Figures {
  year: number;
  /** Fraction: 1 = 100 %. */
  budgetRate: number;
  budgetScore: number;
  rows: Record<string, number>;
  /** Where the total itself is not asserted (weights add up to 110), a total must still be written. */
  totalWritten?: boolean;
  /** Figures under another rounding setting; fields not given are those of the default. */
  byRounding?: Partial<Record<RoundingMode, Figures>>;
}

/** Where the outputs of a table are (see make.py's docstring); rows are 1-based, addresses on `sheet`. */
export interface CaseCells {
  sheet: string;
  scoreColumn: string;
  indicatorRows: [number, number];
  budgetRateCell?: string;
  budgetScoreCell?: string;
  budgetActualCell?: string;
  rateCells: string[];
  sourceRates?: Record<string, number | '—'>;
  /** Rates the user already published in the rate column (bare numbers): kept, and no 警告/错误 on them. */
  publishedRates?: Record<string, number>;
  totalCell?: string;
  gradeCell?: string;
  templateRows: number[];
  /** A row that must carry a 警告 (a total row no reading reconciles). */
  warnRow?: number;
  /** The weight sum the 分值合计 issue must name, where the weights do not add up to 100. */
  weightSum?: number;
}

export interface TableCase {
  name: string;
  kind: 'real' | 'layout' | 'hunt';
  file: string;
  expected: Expected;
  cells: CaseCells;
}

/** The real tables' output cells, read off their layout (the published copies name the money block's cells). */
const REAL_CELLS: Record<string, CaseCells> = {
  'chizhou-tangxi-weituo': {
    sheet: 'Sheet1', scoreColumn: 'H', indicatorRows: [14, 23], budgetRateCell: 'H7', budgetScoreCell: 'I7',
    rateCells: ['H7', 'H8', 'H9', 'H10'], sourceRates: { H8: 1 }, templateRows: [23], weightSum: 90,
  },
  'langfang-spxx': {
    sheet: 'Sheet1', scoreColumn: 'G', indicatorRows: [14, 40], budgetRateCell: 'G7', budgetScoreCell: 'H7',
    rateCells: ['G7', 'G8', 'G9', 'G10'], sourceRates: { G8: 0.862037037037037 },
    templateRows: [15, 16, 19, 21, 22, 24, 25, 27, 28, 30, 31, 32, 33, 34, 36, 37, 39, 40],
  },
  'zhongjiang-shuili': {
    sheet: '绩效目标自评表', scoreColumn: 'H', indicatorRows: [13, 23], budgetRateCell: 'G7', budgetScoreCell: 'H7',
    rateCells: ['G7', 'G8', 'G9'], sourceRates: { G8: 1 }, totalCell: 'H24', templateRows: [19, 23], weightSum: 110,
  },
};

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export function realCases(): TableCase[] {
  return Object.keys(REAL_CELLS).map((name) => ({
    name,
    kind: 'real',
    file: path.join(REAL_DIR, `${name}.xlsx`),
    expected: readJson<Expected>(path.join(REAL_DIR, `${name}.expected.json`)),
    cells: REAL_CELLS[name],
  }));
}

/** The tables of a folder whose expected.json carries its own `cells` (our layouts, the hunted tables). */
function folderCases(dir: string, kind: 'layout' | 'hunt'): TableCase[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '');
      const expected = readJson<Expected & { cells: CaseCells }>(path.join(dir, f));
      return { name, kind, file: path.join(dir, `${name}.xlsx`), expected, cells: expected.cells };
    });
}

export function layoutCases(): TableCase[] {
  return folderCases(LAYOUT_DIR, 'layout');
}

/** Tables rebuilt from more published ones (test/fixtures/hunt/, made by its make.py). */
export function huntCases(): TableCase[] {
  return folderCases(HUNT_DIR, 'hunt');
}

/** 1-based row of a local or qualified address ('H14', '自评表!H14'). */
export function rowOf(address: string): number {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  return parseA1(local.replace(/\$/g, '')).row + 1;
}

/** The score cell of a sheet row. */
export function scoreCell(c: CaseCells, row: number | string): string {
  return `${c.scoreColumn}${row}`;
}

/**
 * Every cell of the table sheet a calculation may write (spec §5): the rate cells of fund rows, the budget item's
 * score (and its empty 实际完成值), the 得分 of each scored indicator row, the total and the grade. Template rows
 * and everything else are not outputs.
 */
export function outputCells(t: TableCase): Set<string> {
  const c = t.cells;
  const out = new Set<string>(c.rateCells);
  for (const a of [c.budgetScoreCell, c.budgetActualCell, c.totalCell, c.gradeCell]) if (a) out.add(a);
  for (const row of Object.keys(t.expected.rows)) out.add(scoreCell(c, row));
  return out;
}

/** The expected figures under a rounding mode: the default ones overlaid with the mode's own. */
export function figuresFor(e: Expected, mode: RoundingMode | null): Required<Pick<Figures, 'rows'>> & Figures {
  const alt = mode ? e.byRounding?.[mode] : undefined;
  return {
    budgetScore: alt?.budgetScore ?? e.budgetScore,
    rows: { ...e.rows, ...(alt?.rows ?? {}) },
    total: alt?.total ?? e.total,
    grade: alt?.grade ?? e.grade,
  };
}
