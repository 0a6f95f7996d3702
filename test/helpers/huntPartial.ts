/**
 * Checks for the hunted tables that cannot be fully scored (expected.json `partial`): a real table published
 * half-filled, with rows domain.md §3 says cannot be read, or with no weight anywhere (§2.1). What can be read must
 * still be read and written, every row that cannot be scored must carry an issue and keep its cells, and nothing
 * may claim a total or a grade.
 */
import { REPORT_SHEET } from '../../src/engine/reportSheet';
import type { DoorRun } from './doors';
import { rowOf, scoreCell, type CaseCells, type TableCase } from './layoutCases';
import { sheetProblems } from './tableAssertions';

export interface PartialCells extends CaseCells {
  /** Rows that cannot be scored (§3): each carries an issue, its 得分 cell stays as it was. */
  unscoredRows?: number[];
  /** No weight anywhere (§2.1): an issue says so; no budget score, no row score. */
  noWeights?: boolean;
}

const near = (a: unknown, b: number): boolean => typeof a === 'number' && Math.abs(a - b) < 0.005 + 1e-9;
const nearRate = (a: unknown, b: number): boolean => typeof a === 'number' && Math.abs(a * 100 - b * 100) < 0.005 + 1e-9;
const line = (i: { severity: string; cell: string; message: string }) => `${i.severity} ${i.cell} ${i.message}`;

export function isPartial(t: TableCase): boolean {
  return (t.expected as unknown as { partial?: boolean }).partial === true;
}

function cellsOf(t: TableCase): PartialCells {
  return t.cells as PartialCells;
}

/** Year, budget rate, budget score (none where no weight exists), the rows that can be scored; no other row taken. */
export function partialReportedProblems(run: DoorRun, t: TableCase): string[] {
  const e = t.expected as unknown as { year: number; budgetRate: number; budgetScore: number | null; rows: Record<string, number> };
  const c = cellsOf(t);
  const r = run.reported;
  const p: string[] = [];
  if (r.year !== e.year) p.push(`year ${r.year}, expected ${e.year}`);
  if (!nearRate(r.budgetRate, e.budgetRate)) p.push(`budget rate ${r.budgetRate}, expected ${e.budgetRate}`);
  if (e.budgetScore === null ? r.budgetScore !== null : !near(r.budgetScore, e.budgetScore)) {
    p.push(`budget score ${r.budgetScore}, expected ${e.budgetScore ?? 'none (no weight anywhere)'}`);
  }
  if (r.rowScores) {
    const [first, last] = c.indicatorRows;
    for (const [row, score] of Object.entries(e.rows)) {
      if (!near(r.rowScores.get(Number(row)), score)) p.push(`row ${row} scored ${r.rowScores.get(Number(row)) ?? 'nothing'}, expected ${score}`);
    }
    for (const row of c.unscoredRows ?? []) {
      const s = r.rowScores.get(row);
      if (typeof s === 'number') p.push(`row ${row} scored ${s}, but it cannot be scored (expected an issue and no score)`);
    }
    const budgetRow = c.budgetScoreCell ? rowOf(c.budgetScoreCell) : null; // the money block's budget item
    for (const row of r.rowScores.keys()) {
      if (row === budgetRow) continue;
      if (row < first || row > last) p.push(`row ${row} read as an indicator, outside the indicator rows ${first}–${last}`);
      else if (c.templateRows.includes(row)) p.push(`template row ${row} read as an indicator`);
    }
  }
  return p;
}

/** The rates, the budget score and the scorable rows' 得分 are written; total and grade are not asserted here. */
export function partialSheetProblems(run: DoorRun, t: TableCase): string[] {
  const cells = { ...t.cells, totalCell: undefined, gradeCell: undefined };
  const e = t.expected as unknown as { budgetScore: number | null };
  if (e.budgetScore === null) delete cells.budgetScoreCell;
  return sheetProblems(run, { ...t, cells });
}

/** An issue on each row that cannot be scored; template rows at most one 提示; weight sum, total row, no weight at all. */
export function partialIssueProblems(run: DoorRun, t: TableCase): string[] {
  const c = cellsOf(t);
  const onSheet = run.reported.issues.filter((i) => !i.cell || i.cell.startsWith(`${c.sheet}!`));
  const p: string[] = [];
  for (const row of c.unscoredRows ?? []) {
    if (!onSheet.some((i) => i.cell && rowOf(i.cell) === row)) p.push(`no issue on row ${row}, which cannot be scored (${scoreCell(c, row)})`);
  }
  // A level-1 label whose （N分） differs from its rows' weights is about the label, even on a template row.
  const template = onSheet.filter((i) => i.cell && c.templateRows.includes(rowOf(i.cell)) && !/标注.*分/.test(i.message));
  if (template.length > 1) p.push(`${template.length} issues on template rows, expected at most one: ${template.map(line).join(' | ')}`);
  for (const i of template.filter((x) => x.severity !== '提示')) p.push(`template row issue is not a 提示: ${line(i)}`);
  if (c.weightSum !== undefined && !onSheet.some((i) => /分值合计/.test(i.message) && i.message.includes(String(c.weightSum)))) {
    p.push(`no 分值合计 issue naming ${c.weightSum}`);
  }
  if (c.warnRow !== undefined && !onSheet.some((i) => i.severity === '警告' && i.cell && rowOf(i.cell) === c.warnRow)) {
    p.push(`no 警告 on row ${c.warnRow}`);
  }
  if (c.noWeights && !onSheet.some((i) => /分值/.test(i.message) && i.severity !== '提示')) p.push('no issue saying the table has no weight');
  return p;
}

/** §7: while rows cannot be scored, the drafted report states no total or grade (placeholders instead). */
export function reportGradeProblems(run: DoorRun): string[] {
  const sheet = [...run.after.keys()].find((s) => s === REPORT_SHEET);
  if (!sheet) return [];
  const text = [...run.after.get(sheet)!.values()].map((x) => String(x.value)).join('\n');
  const p: string[] = [];
  const grade = text.match(/“[优良中差]”等级|等级为“?[优良中差]/);
  if (grade) p.push(`the report states a grade (${grade[0]}) although rows cannot be scored`);
  if (!text.includes('【待表格无错误后生成')) p.push('the report has no placeholder for the total and grade');
  return p;
}
