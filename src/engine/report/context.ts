/** What every section builder reads: the table, the results, the material, and a few derived facts. */
import type { IndicatorResult, Issue, ReportMaterial, Results, TableModel } from '../types';
import { indicatorGroups, type IndicatorGroup } from './groups';
import { outcomePhrase, splitReason } from './indicatorText';
import { flat, joinLines, placeholder } from './format';
import { isBudgetIndicator } from '../locate';
import { rowStanding, scoresPending, spendingProgressLost, tableHasErrors, type RowStanding } from './consistency';

/** Choices of the doors (none is required). */
export interface ReportOptions {
  /** Each measure ends with 【请填写：责任科室、完成时限】 (default: no). */
  measureOwners?: boolean;
}

export interface ReportContext {
  table: TableModel;
  results: Results;
  material: ReportMaterial;
  /** '2023' or a placeholder when the sheet states no year. */
  year: string;
  groups: IndicatorGroup[];
  /** Rate of the whole budget (the total row, or the only source); null when it cannot be computed. */
  budgetRate: number | null;
  /** The evaluation's issues: they say why a row could not be scored. */
  issues: Issue[];
  /** The budget-completion indicator row (预算完成率 / 预算执行率), found once. */
  budgetRow: IndicatorResult | null;
  options: ReportOptions;
  /** The table has errors (severity 错误): total and grade are placeholders. */
  hasErrors: boolean;
  /** Total and grade are not final (errors, or rows not scored): no completion claimed, no grade given. */
  pending: boolean;
  /** A spending row (支出进度率, 预算完成率) lost points: the spending progress is never called reasonable. */
  spendingLost: boolean;
}

export function makeContext(
  table: TableModel,
  results: Results,
  material: ReportMaterial,
  issues: Issue[] = [],
  options: ReportOptions = {},
): ReportContext {
  const clean: Results = { ...results, indicators: results.indicators.map(oneLineIndicator) };
  return {
    table: { ...table, achievement: joinLines(table.achievement), shortfallReason: joinLines(table.shortfallReason) },
    results: clean,
    material,
    year: table.year !== null ? String(table.year) : placeholder('年度'),
    groups: indicatorGroups(clean),
    budgetRate: wholeBudgetRate(clean),
    issues,
    budgetRow: clean.indicators.find((i) => i.method === '预算完成率') ?? clean.indicators.find((i) => isBudgetIndicator(i.name)) ?? null,
    options,
    hasErrors: tableHasErrors(issues),
    pending: scoresPending(clean, issues),
    spendingLost: spendingProgressLost(clean),
  };
}

/** Texts from cells on one line: names wrap inside their cells, reasons may run over several lines. */
function oneLineIndicator(ind: IndicatorResult): IndicatorResult {
  return {
    ...ind,
    level1: flat(ind.level1),
    level2: flat(ind.level2),
    name: flat(ind.name),
    targetText: flat(ind.targetText),
    actualText: flat(ind.actualText),
    reason: joinLines(ind.reason),
  };
}

function wholeBudgetRate(results: Results): number | null {
  const b = results.budget;
  if (b.total) return b.total.rate;
  const main = b.rows.filter((r) => !r.sub);
  return main.length === 1 ? main[0].rate : null;
}

/** 年度指标值为…，实际完成… for one row. */
export function outcomeOf(ctx: ReportContext, ind: IndicatorResult): string {
  return outcomePhrase(ind, ctx.budgetRate);
}

/** Scored rows that lost points (short of the target, or met with points deducted), in table order. */
export function lostRows(ctx: ReportContext): IndicatorResult[] {
  return ctx.results.indicators.filter((i) => i.lostPoints && i.score !== null);
}

/** Rows of one standing (consistency.ts says which), in table order. */
export function rowsStanding(ctx: ReportContext, standing: RowStanding, rows = ctx.results.indicators): IndicatorResult[] {
  return rows.filter((i) => rowStanding(i) === standing);
}

export function unscoredRows(ctx: ReportContext): IndicatorResult[] {
  return rowsStanding(ctx, 'unscored');
}

/** A budget-completion indicator row (预算完成率 / 预算执行率), if the table has one. */
export function budgetIndicator(ctx: ReportContext): IndicatorResult | null {
  return ctx.budgetRow;
}

/** Why the budget was not spent, from the budget indicator's reason or the sheet's 未能完成原因. */
export function budgetShortfallCause(ctx: ReportContext): string {
  const row = budgetIndicator(ctx);
  const fromRow = row ? splitReason(row.reason).cause : '';
  return fromRow || splitReason(ctx.table.shortfallReason).cause;
}

/** The cause of a row's shortfall; the budget row falls back on the sheet's 未能完成原因. */
export function causeOf(ctx: ReportContext, ind: IndicatorResult): string {
  const own = splitReason(ind.reason).cause;
  return own || (ind === budgetIndicator(ctx) ? budgetShortfallCause(ctx) : '');
}
