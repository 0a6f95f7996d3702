/**
 * Helpers for the bad-input catalogue: a standard table with four good rows, one of which a case spoils, and
 * checks that name the expected issue and prove the other rows still scored (in the results and in the plan).
 */
import { evaluateFound } from './evaluate';
import { type FoundEvaluation as Evaluation, type SheetGrid } from '../../src/engine';
import type { Severity } from '../../src/engine/types';
import { table, firstIndicatorRow, type Row, type TableOptions } from './tables';

export const SHEET = '部门整体支出绩效自评表';

/**
 * Four rows that score 30 + 28.42 + 30 + 10 = 98.42 with the default budget 100/100:
 * 办件数量 (正向, met), 覆盖率 (正向, 90% of ≥95%, reason given), 制度执行 (定性, met), 预算完成率 (rate 100%).
 */
export function goodRows(): Row[] {
  return [
    { l1: '履职效能', l2: '数量', name: '办件数量', weight: 30, target: '≥100件', actual: '120件' },
    { name: '覆盖率', weight: 30, target: '≥95%', actual: '90%', reason: '人手不足' },
    { l1: '管理效率', l2: '管理', name: '制度执行', weight: 30, target: '严格执行相关制度规定', actual: '达到' },
    { name: '预算完成率', weight: 10, target: '100%', actual: '' },
  ];
}

export const GOOD_SCORES = [30, 28.42, 30, 10];

/** The good rows with row `i` (0–3) changed. */
export function spoil(i: number, patch: Partial<Row>): Row[] {
  return goodRows().map((r, k) => (k === i ? { ...r, ...patch } : r));
}

/** Local address of column `col` in indicator row `i` (0-based) of table(rows, o). */
export function at(col: string, i: number, o: TableOptions = {}): string {
  return `${col}${firstIndicatorRow(o) + 1 + i}`;
}

export function evaluate(g: SheetGrid | SheetGrid[]): Evaluation {
  return evaluateFound(Array.isArray(g) ? g : [g], { now: '2025-03-01T00:00:00.000Z' });
}

export function standard(rows: Row[], o: TableOptions = {}): Evaluation {
  return evaluate(table(rows, o));
}

export interface Expected {
  kind: string;
  /** Local address ('' for a sheet-wide issue). */
  cell: string;
  severity: Severity;
  /** A key phrase of the Chinese message. */
  phrase: string | RegExp;
  sheet?: string;
}

/** The issue is there, on that cell, with that severity and wording; returns it. */
export function expectIssue(ev: Evaluation, e: Expected) {
  const sheet = e.sheet ?? SHEET;
  const hit = ev.issues.find((i) => i.kind === e.kind && i.cell === (e.cell ? `${sheet}!${e.cell}` : ''));
  if (!hit) throw new Error(`no ${e.kind} issue at ${e.cell}; issues: ${ev.issues.map((i) => `${i.kind}@${i.cell}`).join(', ')}`);
  expect(hit.severity).toBe(e.severity);
  if (e.cell) expect(hit.message.startsWith(`${e.cell}：`)).toBe(true);
  if (typeof e.phrase === 'string') expect(hit.message).toContain(e.phrase);
  else expect(hit.message).toMatch(e.phrase);
  // Chinese for the user: no English words in the message.
  expect(hit.message.replace(/“[^”]*”/g, '')).not.toMatch(/[A-Za-z]{4,}/);
  return hit;
}

/**
 * Each given 得分 cell scored: the result for the row whose 得分 cell it is holds the score, and the plan writes
 * that value into the cell.
 */
export function expectScored(ev: Evaluation, scores: Record<string, number>): void {
  const writes = new Map(ev.plan!.writes.map((w) => [w.address, w]));
  for (const [cell, score] of Object.entries(scores)) {
    const ind = ev.results!.indicators.find((i) => i.cells.score === cell || (!i.cells.score && i.cells.name === cell));
    expect([cell, ind?.score]).toEqual([cell, score]);
    if (ind?.cells.score) expect([cell, writes.get(cell)?.value]).toEqual([cell, score]);
  }
}

/** The rows of goodRows() other than `skip`, by their 得分 cell. */
export function othersScored(ev: Evaluation, skip: number | number[], o: TableOptions = {}): void {
  const skips = Array.isArray(skip) ? skip : [skip];
  const scores: Record<string, number> = {};
  GOOD_SCORES.forEach((s, i) => {
    if (!skips.includes(i)) scores[at('G', i, o)] = s;
  });
  expectScored(ev, scores);
}

/** An unscored row: no score, nothing written in its 得分 cell, and no total or grade written. */
export function expectUnscored(ev: Evaluation, scoreCell: string): void {
  const ind = ev.results!.indicators.find((i) => i.cells.score === scoreCell)!;
  expect(ind.score).toBeNull();
  expect(ev.plan!.writes.find((w) => w.address === scoreCell)).toBeUndefined();
  expect(ev.results!.complete).toBe(false);
  expect(ev.plan!.writes.filter((w) => w.purpose === 'total' || w.purpose === 'grade')).toEqual([]);
  expect(ev.issues.some((i) => i.kind === 'incomplete')).toBe(true);
}
