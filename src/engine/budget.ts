/**
 * Budget completion rate (spec §4) and the reconciliation of the money block (§2.1). Rate = 全年执行数 ÷ 全年预算数
 * (年初预算数 where that is all there is, or where the year's budget is 0), per fund row and for the total. The
 * total and its parts must add up: of the readings the rows allow (each possible breakdown counted or not), the
 * one under which they do is taken and said; an empty or 0 0 0 total is the sum of the parts that are not
 * breakdowns of another; when no reading adds up, the parts make the total and a warning says so.
 */
import type { BudgetRate, BudgetRow, Issue, MoneyBlock } from './types';
import { issue } from './issues';
import { percentText } from './rounding';
import { AMOUNT_TOLERANCE, FLOAT_TOLERANCE } from './tolerance';

export interface BudgetOutcome {
  rows: BudgetRate[];
  total: BudgetRate | null;
  totalComputedFromSources: boolean;
  /** Names of the rows taken as breakdowns of another row (not counted again in the total). */
  breakdowns: string[];
  issues: Issue[];
}

type Key = 'initial' | 'annual' | 'executed';
const KEYS: Key[] = ['initial', 'annual', 'executed'];
/** Beyond this many possible breakdowns only the two plain readings are tried (all counted, none counted). */
const MAX_CANDIDATES = 8;

const amount = (x: number): string => String(Math.round(x * 100) / 100);

/** The budget a rate divides by: the year's, else the initial one; a 0 is a reason to look at the other (§2.1). */
function budgetOf(r: { annual: number | null; initial: number | null }): number | null {
  if (r.annual !== null && r.annual !== 0) return r.annual;
  if (r.initial !== null && r.initial !== 0) return r.initial;
  return r.annual ?? r.initial;
}

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
    issues.push(issue('amountNegative', sheet, (r.executed < 0 ? r.executedCell : r.budgetCell) || r.cell, { name: r.name, annual: amount(budget), executed: amount(r.executed) }));
    return null;
  }
  const rate = r.executed / budget;
  // A budget so small that the rate overflows (1e-320) is a budget of 0 for the user; Excel cannot hold Infinity.
  if (!Number.isFinite(rate)) {
    issues.push(issue('budgetZeroExecuted', sheet, where, { name: r.name, executed: amount(r.executed) }));
    return null;
  }
  if (r.annual === 0 && r.initial !== null && r.initial !== 0) {
    issues.push(issue('budgetInitialUsed', sheet, r.budgetCell || where, { name: r.name, initial: amount(r.initial) }));
  }
  if (rate > 1 + FLOAT_TOLERANCE) {
    issues.push(issue('overExecution', sheet, where, { name: r.name, executed: amount(r.executed), annual: amount(budget), rate: percentText(rate) }));
  }
  return rate;
}

function sums(rows: BudgetRow[], excluded: Set<number>): Record<Key, number | null> {
  const out = { initial: null, annual: null, executed: null } as Record<Key, number | null>;
  rows.forEach((r, i) => {
    if (excluded.has(i)) return;
    for (const k of KEYS) if (r[k] !== null) out[k] = (out[k] ?? 0) + (r[k] as number);
  });
  for (const k of KEYS) if (out[k] !== null) out[k] = Math.round((out[k] as number) * 1e6) / 1e6;
  return out;
}

/** Empty, or 0 in every amount it has (a real table showed 0 0 0 beside non-zero sources). */
function isEmptyTotal(t: BudgetRow): boolean {
  return KEYS.every((k) => t[k] === null || t[k] === 0);
}

/** The total's amounts equal the sums wherever both are known (at least one amount compared). */
function addsUp(t: BudgetRow, s: Record<Key, number | null>): boolean {
  let compared = 0;
  for (const k of KEYS) {
    if (t[k] === null) continue;
    const v = s[k] ?? 0;
    if (Math.abs((t[k] as number) - v) > AMOUNT_TOLERANCE) return false;
    compared++;
  }
  return compared > 0;
}

/** The readings to try, fewest breakdowns first: each subset of the possible breakdowns. */
function readings(candidates: number[]): Set<number>[] {
  if (candidates.length > MAX_CANDIDATES) return [new Set(), new Set(candidates)];
  const out: Set<number>[] = [];
  for (let mask = 0; mask < 1 << candidates.length; mask++) out.push(new Set(candidates.filter((_, i) => mask & (1 << i))));
  return out.sort((a, b) => a.size - b.size);
}

export function computeBudget(money: MoneyBlock, sheet: string): BudgetOutcome {
  const issues: Issue[] = [];
  const parts = money.rows;
  const candidates = parts.map((r, i) => (r.breakdownOf !== null ? i : -1)).filter((i) => i >= 0);
  const structural = new Set(candidates);
  const t = money.total;
  let excluded = new Set<number>();
  let fromSources = false;
  const namesOf = (set: Set<number>): string => [...set].map((i) => `“${parts[i].name}”`).join('、');
  if (parts.length) {
    const partsEmpty = parts.every((r) => KEYS.every((k) => r[k] === null || r[k] === 0));
    if (t && !isEmptyTotal(t) && partsEmpty) {
      // The parts hold no figure: unfilled, so the total stands; zeros that contradict it are worth a warning.
      if (parts.some((r) => KEYS.some((k) => r[k] === 0))) issues.push(issue('partsUnfilled', sheet, t.cell, { executed: amount(t.executed ?? 0), annual: amount(budgetOf(t) ?? 0) }));
    } else if (!t || isEmptyTotal(t)) {
      excluded = structural;
      fromSources = true;
      const s = sums(parts, excluded);
      if (t) issues.push(issue('totalFromSources', sheet, t.cell, { sumAnnual: amount(budgetOf(s) ?? 0), sumExecuted: amount(s.executed ?? 0) }));
    } else {
      const taken = readings(candidates).find((set) => addsUp(t, sums(parts, set)));
      if (taken) excluded = taken;
      else {
        excluded = structural;
        fromSources = true;
        const s = sums(parts, excluded);
        issues.push(issue('totalMismatch', sheet, t.cell, {
          annual: amount(budgetOf(t) ?? 0), executed: amount(t.executed ?? 0),
          sumAnnual: amount(budgetOf(s) ?? 0), sumExecuted: amount(s.executed ?? 0),
        }));
      }
    }
    // Say the reading only where it changes a figure: breakdowns with amounts.
    const telling = [...excluded].filter((i) => KEYS.some((k) => parts[i][k] !== null && parts[i][k] !== 0));
    if (telling.length) {
      const parents = [...new Set(telling.map((i) => `“${parts[parts[i].breakdownOf as number].name}”`))].join('、');
      issues.push(issue('moneyBreakdown', sheet, parts[telling[0]].cell, { rows: namesOf(new Set(telling)), parents }));
    }
  }
  parts.forEach((r, i) => (r.sub = excluded.has(i)));
  const rows: BudgetRate[] = parts.map((r) => ({
    name: r.name, sub: r.sub, initial: r.initial, annual: r.annual, executed: r.executed, rate: rateOf(r, sheet, issues), cell: r.cell,
  }));
  let total: BudgetRate | null = null;
  if (fromSources) {
    const s = sums(parts, excluded);
    const totalRow: BudgetRow = {
      name: t?.name ?? '合计', sub: false, breakdownOf: null, initial: s.initial, annual: s.annual, executed: s.executed,
      row: t?.row ?? -1, rateCell: t?.rateCell ?? null, cell: t?.cell ?? parts[0].cell, budgetCell: t?.budgetCell ?? '', executedCell: t?.executedCell ?? '',
    };
    // A computed total's issues are the parts' issues already; only an over-execution is worth saying again.
    const rate = rateOf(totalRow, sheet, []);
    if (rate !== null && rate > 1 + FLOAT_TOLERANCE) rateOf(totalRow, sheet, issues);
    total = { name: totalRow.name, sub: false, initial: s.initial, annual: s.annual, executed: s.executed, rate, cell: totalRow.cell };
  } else if (t) {
    total = { name: t.name, sub: false, initial: t.initial, annual: t.annual, executed: t.executed, rate: rateOf(t, sheet, issues), cell: t.cell };
  }
  return { rows, total, totalComputedFromSources: fromSources, breakdowns: [...excluded].map((i) => parts[i].name), issues };
}
