/**
 * The checks every table gets through every door, each returning the list of what is wrong (empty when right),
 * so that one failing test names every wrong figure or cell at once. Numbers are compared to 2 decimals.
 */
import { REPORT_SHEET } from '../../src/engine/reportSheet';
import { STORE_SHEET } from '../../src/engine/store';
import type { CellState, DoorRun, WorkbookCells } from './doors';
import { figuresFor, outputCells, rowOf, scoreCell, type TableCase } from './layoutCases';
import type { RoundingMode } from './rounding';

const EMPTY: CellState = { value: '', format: 'General', formula: null };
const near = (a: unknown, b: number): boolean => typeof a === 'number' && Math.abs(a - b) < 0.005 + 1e-9;
/** Rates are compared as percentages to 2 decimals (100.00 %). */
const nearRate = (a: unknown, b: number): boolean => typeof a === 'number' && Math.abs(a * 100 - b * 100) < 0.005 + 1e-9;
const show = (c: CellState): string => `${JSON.stringify(c.value)} [${c.format}]${c.formula ? ` ${c.formula}` : ''}`;

function cellOf(cells: WorkbookCells, sheet: string, address: string): CellState {
  return cells.get(sheet)?.get(address) ?? EMPTY;
}

/** The figures the door reported: year, budget rate and score, rows (where reported per row), total, grade. */
export function reportedProblems(run: DoorRun, t: TableCase, mode: RoundingMode | null = null): string[] {
  const e = t.expected;
  const f = figuresFor(e, mode);
  const r = run.reported;
  const p: string[] = [];
  if (r.year !== e.year) p.push(`year ${r.year}, expected ${e.year}`);
  if (!nearRate(r.budgetRate, e.budgetRate)) p.push(`budget rate ${r.budgetRate}, expected ${e.budgetRate}`);
  if (!near(r.budgetScore, f.budgetScore!)) p.push(`budget score ${r.budgetScore}, expected ${f.budgetScore}`);
  if (e.totalWritten) {
    if (typeof r.total !== 'number' || r.total <= 0) p.push(`total ${r.total}, expected a total`);
  } else {
    if (!near(r.total, f.total!)) p.push(`total ${r.total}, expected ${f.total}`);
    if (r.grade !== f.grade) p.push(`grade ${r.grade}, expected ${f.grade}`);
  }
  if (r.rowScores) {
    const [first, last] = t.cells.indicatorRows;
    const scored = [...r.rowScores].filter(([row, s]) => row >= first && row <= last && s !== null);
    const got = new Map(scored);
    for (const [row, score] of Object.entries(f.rows)) {
      if (!near(got.get(Number(row)), score)) p.push(`row ${row} scored ${got.get(Number(row)) ?? 'nothing'}, expected ${score}`);
    }
    for (const [row, s] of scored) if (!(String(row) in f.rows)) p.push(`row ${row} scored ${s}, expected no indicator there`);
  }
  return p;
}

/** The figures written in the sheet: rates, the budget item, each row's 得分, total and grade. */
export function sheetProblems(run: DoorRun, t: TableCase, mode: RoundingMode | null = null): string[] {
  const c = t.cells;
  const e = t.expected;
  const f = figuresFor(e, mode);
  const at = (a: string) => cellOf(run.after, c.sheet, a);
  const p: string[] = [];
  const rate = (a: string, want: number | '—') => {
    const x = at(a);
    if (want === '—') {
      if (x.value !== '—') p.push(`${a} shows ${show(x)}, expected —`);
    } else if (!nearRate(x.value, want) || !x.format.includes('%')) {
      p.push(`${a} shows ${show(x)}, expected the rate ${(want * 100).toFixed(2)}% as a number formatted as %`);
    }
  };
  const number = (a: string, want: number, what: string) => {
    if (!near(at(a).value, want)) p.push(`${a} (${what}) shows ${show(at(a))}, expected ${want}`);
  };
  if (c.budgetRateCell) rate(c.budgetRateCell, e.budgetRate);
  if (c.budgetActualCell) rate(c.budgetActualCell, e.budgetRate);
  for (const [a, want] of Object.entries(c.sourceRates ?? {})) rate(a, want);
  if (c.budgetScoreCell) number(c.budgetScoreCell, f.budgetScore!, 'budget score');
  for (const [row, score] of Object.entries(f.rows)) number(scoreCell(c, row), score, `row ${row} score`);
  if (c.totalCell) {
    if (e.totalWritten) {
      if (typeof at(c.totalCell).value !== 'number') p.push(`${c.totalCell} (total) shows ${show(at(c.totalCell))}, expected a total`);
      else if (typeof run.reported.total === 'number') number(c.totalCell, run.reported.total, 'total as reported');
    } else number(c.totalCell, f.total!, 'total');
  }
  if (c.gradeCell && at(c.gradeCell).value !== f.grade) p.push(`${c.gradeCell} (grade) shows ${show(at(c.gradeCell))}, expected ${f.grade}`);
  return p;
}

function diff(a: WorkbookCells, b: WorkbookCells, sheets: string[]): { sheet: string; address: string; before: CellState; after: CellState }[] {
  const out: { sheet: string; address: string; before: CellState; after: CellState }[] = [];
  for (const sheet of sheets) {
    const x = a.get(sheet) ?? new Map<string, CellState>();
    const y = b.get(sheet) ?? new Map<string, CellState>();
    for (const address of new Set([...x.keys(), ...y.keys()])) {
      const before = x.get(address) ?? EMPTY;
      const after = y.get(address) ?? EMPTY;
      if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ sheet, address, before, after });
    }
  }
  return out;
}

const OUR_SHEET = new RegExp(`^(${REPORT_SHEET}( \\(\\d+\\))?|${STORE_SHEET})$`);

/**
 * Nothing lost (spec §5): every cell the user filled, on every sheet, keeps its value, number format and formula;
 * only empty output cells of the table (rate, 得分, total, grade) change, a rate cell to a %-formatted number or
 * `—`, a score or total to a number, the grade to text. Only our report and store sheets are added.
 */
export function nothingLostProblems(run: DoorRun, t: TableCase): string[] {
  const c = t.cells;
  const outputs = outputCells(t);
  const rates = new Set(c.rateCells.concat(c.budgetActualCell ?? []));
  const p: string[] = [];
  for (const d of diff(run.before, run.after, [...run.before.keys()])) {
    const where = `${d.sheet}!${d.address}: ${show(d.before)} → ${show(d.after)}`;
    if (d.sheet !== c.sheet || !outputs.has(d.address)) p.push(`${where} (not an output cell)`);
    else if (JSON.stringify(d.before) !== JSON.stringify(EMPTY)) p.push(`${where} (the user's content was replaced)`);
    else if (rates.has(d.address) ? !(d.after.value === '—' || (typeof d.after.value === 'number' && d.after.format.includes('%'))) : d.address === c.gradeCell ? typeof d.after.value !== 'string' : typeof d.after.value !== 'number') {
      p.push(`${where} (not what that output cell takes)`);
    }
  }
  for (const s of run.addedSheets) if (!OUR_SHEET.test(s)) p.push(`sheet ${s} added`);
  for (const s of run.before.keys()) if (!run.after.has(s)) p.push(`sheet ${s} removed`);
  return p;
}

/** A second calculation leaves every sheet as the first left it (our store's time stamp aside: it is not compared). */
export function secondRunProblems(run: DoorRun): string[] {
  const sheets = [...new Set([...run.after.keys(), ...run.again.keys()])];
  return diff(run.after, run.again, sheets).map((d) => `${d.sheet}!${d.address}: ${show(d.before)} → ${show(d.after)}`);
}

/**
 * Issues: no 错误 on a table whose rows can all be scored; template rows give at most one 提示 (never a 警告 or
 * 错误); the weight-sum issue where the weights do not add up to 100 and none where they do; a 警告 on a total row
 * that cannot be reconciled; no 警告/错误 on rates the user published as bare numbers.
 */
export function issueProblems(run: DoorRun, t: TableCase): string[] {
  const c = t.cells;
  const onSheet = run.reported.issues.filter((i) => !i.cell || i.cell.startsWith(`${c.sheet}!`));
  const line = (i: { severity: string; cell: string; message: string }) => `${i.severity} ${i.cell} ${i.message}`;
  const p: string[] = [];
  for (const i of run.reported.issues.filter((x) => x.severity === '错误')) p.push(`错误 raised: ${line(i)}`);
  if (run.reported.exitCode !== undefined && run.reported.exitCode !== 0) p.push(`exit code ${run.reported.exitCode}, expected 0`);
  const template = onSheet.filter((i) => i.cell && c.templateRows.includes(rowOf(i.cell)));
  if (template.length > 1) p.push(`${template.length} issues on template rows, expected at most one: ${template.map(line).join(' | ')}`);
  for (const i of template.filter((x) => x.severity !== '提示')) p.push(`template row issue is not a 提示: ${line(i)}`);
  const weightSum = onSheet.filter((i) => /分值合计/.test(i.message));
  if (c.weightSum !== undefined) {
    if (!weightSum.some((i) => i.message.includes(String(c.weightSum)))) p.push(`no 分值合计 issue naming ${c.weightSum}`);
  } else for (const i of weightSum) p.push(`weight-sum issue on weights adding up to 100: ${line(i)}`);
  if (c.warnRow !== undefined && !onSheet.some((i) => i.severity === '警告' && i.cell && rowOf(i.cell) === c.warnRow)) {
    p.push(`no 警告 on row ${c.warnRow}`);
  }
  for (const a of Object.keys(c.publishedRates ?? {})) {
    for (const i of onSheet.filter((x) => x.cell === `${c.sheet}!${a}` && x.severity !== '提示')) p.push(`published rate ${a} flagged: ${line(i)}`);
  }
  return p;
}
