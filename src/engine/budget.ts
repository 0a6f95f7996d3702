/**
 * Budget completion rate (spec §4): 全年执行数 / 全年预算数 (年初预算数 where that is all there is), per fund
 * row and for the total. The total is computed from the sources when its row is empty or disagrees with them.
 */
import type { BudgetRate, BudgetRow, Issue, MoneyBlock } from './types';
import { issue } from './issues';
import { percentText } from './rounding';
import { AMOUNT_TOLERANCE } from './tolerance';

export interface BudgetOutcome {
  rows: BudgetRate[];
  total: BudgetRate | null;
  totalComputedFromSources: boolean;
  issues: Issue[];
}

function budgetOf(r: { annual: number | null; initial: number | null }): number | null {
  return r.annual ?? r.initial;
}

const amount = (x: number): string => String(Math.round(x * 100) / 100);

/** The rate of one row, with the issues it raises. */
function rateOf(r: BudgetRow, sheet: string, issues: Issue[]): number | null {
  const budget = budgetOf(r);
  const where = r.rateCell ?? r.cell;
  if (r.executed === null) {
    if (budget !== null && budget !== 0) issues.push(issue('executedBlank', sheet, r.executedCell || r.cell, { name: r.name }));
    return null;
  }
  if (budget === null || budget === 0) {
    if (r.executed === 0 || budget === null) {
      if (budget === 0) issues.push(issue('budgetZero', sheet, where, { name: r.name }));
    } else issues.push(issue('budgetZeroExecuted', sheet, where, { name: r.name, executed: amount(r.executed) }));
    return null;
  }
  if (budget < 0 || r.executed < 0) {
    issues.push(issue('amountNegative', sheet, (r.executed !== null && r.executed < 0 ? r.executedCell : r.budgetCell) || r.cell, { name: r.name, annual: amount(budget), executed: amount(r.executed) }));
    return null;
  }
  const rate = r.executed / budget;
  // A budget so small that the rate overflows (1e-320) is a budget of 0 for the user; Excel cannot hold Infinity.
  if (!Number.isFinite(rate)) {
    issues.push(issue('budgetZeroExecuted', sheet, where, { name: r.name, executed: amount(r.executed) }));
    return null;
  }
  if (rate > 1 + 1e-9) {
    issues.push(issue('overExecution', sheet, where, { name: r.name, executed: amount(r.executed), annual: amount(budget), rate: percentText(rate) }));
  }
  return rate;
}

function sumOf(rows: BudgetRow[], key: 'initial' | 'annual' | 'executed'): number | null {
  const xs = rows.map((r) => r[key]).filter((x): x is number => x !== null);
  return xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) * 1e6) / 1e6 : null;
}

const differs = (a: number | null, b: number | null): boolean => a !== null && b !== null && Math.abs(a - b) > AMOUNT_TOLERANCE;

export function computeBudget(money: MoneyBlock, sheet: string): BudgetOutcome {
  const issues: Issue[] = [];
  const sources = money.rows.filter((r) => !r.sub);
  const sums = { initial: sumOf(sources, 'initial'), annual: sumOf(sources, 'annual'), executed: sumOf(sources, 'executed') };
  const rows: BudgetRate[] = money.rows.map((r) => ({
    name: r.name, sub: r.sub, initial: r.initial, annual: r.annual, executed: r.executed, rate: rateOf(r, sheet, issues), cell: r.cell,
  }));
  let totalRow: BudgetRow | null = money.total;
  let fromSources = false;
  if (sources.length) {
    const t = money.total;
    const empty = !t || (budgetOf(t) === null && t.executed === null);
    const budgetKey = money.budgetColumn === '全年预算数' ? 'annual' : 'initial';
    if (empty) {
      fromSources = true;
      if (t) issues.push(issue('totalFromSources', sheet, t.cell, { sumAnnual: amount(sums[budgetKey] ?? 0), sumExecuted: amount(sums.executed ?? 0) }));
    } else if (t && (differs(t[budgetKey], sums[budgetKey]) || differs(t.executed, sums.executed))) {
      fromSources = true;
      issues.push(issue('totalMismatch', sheet, t.cell, {
        annual: amount(t[budgetKey] ?? 0), executed: amount(t.executed ?? 0),
        sumAnnual: amount(sums[budgetKey] ?? 0), sumExecuted: amount(sums.executed ?? 0),
      }));
    }
    if (fromSources) {
      totalRow = {
        name: t?.name ?? '合计', sub: false, initial: sums.initial, annual: sums.annual, executed: sums.executed,
        row: t?.row ?? -1, rateCell: t?.rateCell ?? null, cell: t?.cell ?? sources[0].cell,
        budgetCell: t?.budgetCell ?? '', executedCell: t?.executedCell ?? '',
      };
    }
  }
  let total: BudgetRate | null = null;
  if (totalRow) {
    // A computed total's issues are the sources' issues already; only a read total speaks for itself.
    const sink: Issue[] = fromSources ? [] : issues;
    total = { name: totalRow.name, sub: false, initial: totalRow.initial, annual: totalRow.annual, executed: totalRow.executed, rate: rateOf(totalRow, sheet, sink), cell: totalRow.cell };
    if (fromSources && total.rate !== null && total.rate > 1 + 1e-9) rateOf(totalRow, sheet, issues);
  }
  return { rows, total, totalComputedFromSources: fromSources, issues };
}
