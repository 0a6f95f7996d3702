/**
 * The report draft (buildReport, src/engine/report) by table size. Not one of the targets: measured because
 * it decides the command line's time on large tables (section 3).
 */
import { evaluateFound } from '../test/helpers/evaluate';
import { buildReport, reportText } from '../src/engine/report';
import { median, nowMs } from './stats';
import { bigSheet, bigSheetWithBudgetRow } from './tables';

export interface ReportFigure {
  rows: number;
  /** bigSheet as it is (no budget indicator row). */
  withoutBudgetRowMs: number;
  /** The same with a 预算执行率 row first, as real tables have. */
  withBudgetRowMs: number;
  /** Length of the report's text (characters), without the budget row. */
  chars: number;
}

function time(rows: number, withBudgetRow: boolean, runs: number): { ms: number; chars: number } {
  const ev = evaluateFound([withBudgetRow ? bigSheetWithBudgetRow(rows) : bigSheet(rows)]);
  const first = buildReport(ev, null); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    buildReport(ev, null);
    times.push(nowMs() - t0);
  }
  return { ms: median(times), chars: reportText(first).length };
}

export function benchReport(sizes = [100, 1000, 2000, 4000], runs = 5): ReportFigure[] {
  return sizes.map((rows) => {
    const without = time(rows, false, runs);
    const withRow = time(rows, true, runs);
    return { rows, withoutBudgetRowMs: without.ms, withBudgetRowMs: withRow.ms, chars: without.chars };
  });
}
