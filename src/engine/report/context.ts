/** What every section builder reads: the table, the results, the material, and a few derived facts. */
import type { IndicatorResult, Issue, ReportMaterial, Results, TableModel } from '../types';
import { indicatorGroups, type IndicatorGroup } from './groups';
import { outcomePhrase, splitReason } from './indicatorText';
import { flat, joinLines, placeholder } from './format';
import { isBudgetIndicator } from '../locate';

export interface ReportContext {
  table: TableModel;
  results: Results;
  material: ReportMaterial;
  /** '2023' or a placeholder when the sheet states no year. */
  year: string;
  groups: IndicatorGroup[];
  /** Rate of the whole budget (the total row, or the only source); null when it cannot be computed. */
  budgetRate: number | null;
  /** What the settings say the weights should add up to. */
  weightTotal: number;
  /** The evaluation's issues: they say why a row could not be scored. */
  issues: Issue[];
  /** The budget-completion indicator row (预算完成率 / 预算执行率), found once. */
  budgetRow: IndicatorResult | null;
}

export function makeContext(
  table: TableModel,
  results: Results,
  material: ReportMaterial,
  weightTotal: number,
  issues: Issue[] = [],
): ReportContext {
  const clean: Results = { ...results, indicators: results.indicators.map(oneLineIndicator) };
  return {
    table: { ...table, achievement: joinLines(table.achievement), shortfallReason: joinLines(table.shortfallReason) },
    results: clean,
    material,
    year: table.year !== null ? String(table.year) : placeholder('年度'),
    groups: indicatorGroups(clean),
    budgetRate: wholeBudgetRate(clean),
    weightTotal,
    issues,
    budgetRow: clean.indicators.find((i) => i.method === '预算完成率') ?? clean.indicators.find((i) => isBudgetIndicator(i.name)) ?? null,
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

export function lostRows(ctx: ReportContext): IndicatorResult[] {
  return ctx.results.indicators.filter((i) => i.lostPoints && i.score !== null);
}

export function unscoredRows(ctx: ReportContext): IndicatorResult[] {
  return ctx.results.indicators.filter((i) => i.score === null);
}

/** A budget-completion indicator row (预算完成率 / 预算执行率), if the table has one. */
export function budgetIndicator(ctx: ReportContext): IndicatorResult | null {
  return ctx.budgetRow;
}

/**
 * Why a row has no score, in a few words: the first error on one of its cells (“实际完成值为空”), else the
 * row's explanation when it says more than 未计分.
 */
export function whyUnscored(ctx: ReportContext, ind: IndicatorResult): string {
  const cells = Object.values(ind.cells).filter((c) => c !== '');
  const issue = ctx.issues.find((i) => i.severity === '错误' && cells.some((c) => i.cell.endsWith(`!${c}`) || i.cell === c));
  if (issue) {
    const text = issue.message.replace(/^[A-Z]{1,3}\d+[：:]/, '');
    return text.split(/，(?:请|无法计分)/)[0].replace(/[。；，\s]+$/u, '');
  }
  const e = ind.explanation.replace(/[。；\s]+$/u, '');
  return e && e !== '未计分' ? e : '';
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
