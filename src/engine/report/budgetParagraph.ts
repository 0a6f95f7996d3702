/** 一（四）部门整体收支情况（以决算数为统计口径）: the money block in the reference's words. */
import type { BudgetRate } from '../types';
import type { ReportContext } from './context';
import { budgetShortfallCause } from './context';
import { clause, formatAmount, formatRate, placeholder } from './format';
import { roundHalfUp } from '../rounding';

/** Below this completion rate the report calls budget execution slow (spec: budget completion below 90 %). */
export const LOW_BUDGET_RATE = 0.9;

/** 财政拨款（一般公共预算） → 一般公共预算; 其中：上年结转 → 上年结转. */
export function sourceLabel(name: string): string {
  const n = name.replace(/^其中[:：]?/, '').replace(/\s+/g, '');
  if (n.includes('一般公共预算')) return '一般公共预算';
  if (n.includes('政府性基金')) return '政府性基金预算';
  if (n.includes('国有资本经营')) return '国有资本经营预算';
  return n;
}

function hasMoney(r: BudgetRate): boolean {
  return Boolean(r.annual) || Boolean(r.executed);
}

/** Source rows that carry money (sub-rows are part of their parent). */
export function fundedSources(ctx: ReportContext): BudgetRate[] {
  return ctx.results.budget.rows.filter((r) => !r.sub && hasMoney(r));
}

/** The whole: the total row, else the sum of the sources. */
function wholeAmounts(ctx: ReportContext): { annual: number; executed: number } {
  const t = ctx.results.budget.total;
  if (t && hasMoney(t)) return { annual: t.annual ?? 0, executed: t.executed ?? 0 };
  const rows = fundedSources(ctx);
  return {
    annual: rows.reduce((s, r) => s + (r.annual ?? 0), 0),
    executed: rows.reduce((s, r) => s + (r.executed ?? 0), 0),
  };
}

/** How the completion rate is judged, in the reference's words. */
/** The rate as shown (2 decimals of a percent), so that the words agree with the figure: 99.999 % reads 100%. */
export function shownRate(rate: number): number {
  return roundHalfUp(rate * 100, 2) / 100;
}

function rateComment(ctx: ReportContext, exact: number | null): string {
  if (exact === null) return '全年预算数为0，未计算预算完成率';
  const rate = shownRate(exact);
  if (rate >= 1) return '预算完成情况较好，收支规模、支出进度处于合理水平';
  if (rate >= LOW_BUDGET_RATE) return '预算完成情况良好，收支规模、支出进度总体处于合理水平';
  const cause = budgetShortfallCause(ctx);
  return `低于${formatRate(LOW_BUDGET_RATE)}，预算执行进度有待加快${cause ? `，主要原因是${clause(cause)}` : ''}`;
}

function rateClause(label: string, rate: number | null): string {
  if (rate === null) return '';
  return `${label}预算完成率${shownRate(rate) >= LOW_BUDGET_RATE ? '达' : '为'}${formatRate(rate)}`;
}

/** 财政拨款 / 一般公共预算 → 财政拨款资金 (the reference's wording); other sources keep their names. */
function rateLabel(label: string): string {
  return label === '一般公共预算' || label.includes('财政拨款') ? '财政拨款资金' : `${label}资金`;
}

function singleSource(ctx: ReportContext, row: BudgetRate | null, unit: '万元' | '元'): string {
  const whole = wholeAmounts(ctx);
  const annual = row ? row.annual ?? 0 : whole.annual;
  const executed = row ? row.executed ?? 0 : whole.executed;
  const label = row ? sourceLabel(row.name) : '部门整体';
  const rate = row ? row.rate : ctx.budgetRate;
  const rc = rateClause(row ? rateLabel(label) : '部门整体支出', rate);
  return `本年度${label}收入${formatAmount(annual, unit)}，支出${formatAmount(executed, unit)}，${rc ? `${rc}，` : ''}${rateComment(ctx, rate)}。`;
}

function severalSources(ctx: ReportContext, rows: BudgetRate[], unit: '万元' | '元'): string {
  const { annual, executed } = wholeAmounts(ctx);
  const each = rows.map((r) => {
    const rc = rateClause('', r.rate);
    return `${sourceLabel(r.name)}收入${formatAmount(r.annual ?? 0, unit)}，支出${formatAmount(r.executed ?? 0, unit)}${rc ? `，${rc}` : ''}`;
  });
  const rc = rateClause('部门整体支出', ctx.budgetRate);
  return (
    `本年度部门整体收入${formatAmount(annual, unit)}，支出${formatAmount(executed, unit)}。其中，${each.join('；')}。` +
    `${rc ? `${rc}，` : ''}${rateComment(ctx, ctx.budgetRate)}。`
  );
}

export function budgetParagraphs(ctx: ReportContext): string[] {
  const money = ctx.table.money;
  if (!money) return [placeholder('部门整体收支情况（本表未找到年度部门整体支出规模）')];
  const rows = fundedSources(ctx);
  const text = rows.length > 1 ? severalSources(ctx, rows, money.unit) : singleSource(ctx, rows[0] ?? null, money.unit);
  const note = ctx.results.budget.totalComputedFromSources ? ['资金合计数根据各资金来源数汇总计算。'] : [];
  return [text, ...note];
}
