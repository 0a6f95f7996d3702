/**
 * 一（四）部门整体收支情况（以决算数为统计口径）: the money block in the reference's words — the budget from 年初预算数
 * to 全年预算数 (the adjustment and its size), execution per fund source and the completion rate, and 基本支出 /
 * 项目支出 when the table has them.
 */
import type { BudgetRate } from '../types';
import type { ReportContext } from './context';
import { budgetShortfallCause } from './context';
import { clause, formatAmount, formatNumber, formatRate, placeholder } from './format';
import { roundHalfUp } from '../rounding';

/** Below this completion rate the report calls budget execution slow (spec: budget completion below 90 %). */
export const LOW_BUDGET_RATE = 0.9;

type Unit = '万元' | '元';

/** 财政拨款（一般公共预算） → 一般公共预算; 其中：上年结转 → 上年结转. */
export function sourceLabel(name: string): string {
  const n = name.replace(/\s+/g, '').replace(/^其中[:：]?/, '');
  if (n.includes('一般公共预算')) return '一般公共预算';
  if (n.includes('政府性基金')) return '政府性基金预算';
  if (n.includes('国有资本经营')) return '国有资本经营预算';
  return n;
}

/** 基本支出 / 项目支出 rows: a split of the spending by kind, not a fund source. */
const SPENDING_KIND = /^(基本支出|项目支出)/;

function isSpendingKind(r: BudgetRate): boolean {
  return SPENDING_KIND.test(sourceLabel(r.name));
}

function hasMoney(r: BudgetRate): boolean {
  return Boolean(r.annual) || Boolean(r.executed);
}

/** Fund-source rows that carry money (sub-rows are part of their parent; 基本支出/项目支出 are told apart). */
export function fundedSources(ctx: ReportContext): BudgetRate[] {
  return ctx.results.budget.rows.filter((r) => !r.sub && hasMoney(r) && !isSpendingKind(r));
}

/** The whole: the total row, else the sum of the sources. */
function wholeAmounts(ctx: ReportContext): { initial: number | null; annual: number; executed: number } {
  const t = ctx.results.budget.total;
  if (t && hasMoney(t)) return { initial: t.initial, annual: t.annual ?? 0, executed: t.executed ?? 0 };
  const rows = fundedSources(ctx);
  const initials = rows.map((r) => r.initial);
  return {
    initial: initials.every((x) => x === null) ? null : initials.reduce<number>((s, x) => s + (x ?? 0), 0),
    annual: rows.reduce((s, r) => s + (r.annual ?? 0), 0),
    executed: rows.reduce((s, r) => s + (r.executed ?? 0), 0),
  };
}

/** The rate as shown (2 decimals of a percent), so that the words agree with the figure: 99.999 % reads 100%. */
export function shownRate(rate: number): number {
  return roundHalfUp(rate * 100, 2) / 100;
}

/** How the completion rate is judged; never calls the spending progress reasonable when a spending row lost points. */
function rateComment(ctx: ReportContext, exact: number | null): string {
  if (exact === null) return '';
  const rate = shownRate(exact);
  if (rate > 1) return '';
  if (rate >= LOW_BUDGET_RATE) {
    const done = rate >= 1 ? '预算完成情况较好' : '预算完成情况良好';
    if (ctx.spendingLost) return `${done}，收支规模处于合理水平，但年内支出进度不够均衡`;
    return rate >= 1 ? `${done}，收支规模、支出进度处于合理水平` : `${done}，收支规模、支出进度总体处于合理水平`;
  }
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

/** 年内调增130.44万元（增长3.98%） / 年内调减… / 年内未作调整; '' without a 年初预算数. */
function adjustment(initial: number | null, annual: number, unit: Unit, withShare = true): string {
  if (initial === null) return '';
  const delta = roundHalfUp(annual - initial, 6);
  if (Math.abs(delta) < 0.005 * (unit === '元' ? 10000 : 1)) return '年内未作调整';
  if (!initial) return `年初未安排预算，年内安排${formatAmount(annual, unit)}`;
  const pct = withShare ? `（${delta > 0 ? '增长' : '减少'}${formatNumber((Math.abs(delta) / initial) * 100, 2)}%）` : '';
  return `${delta > 0 ? '年内调增' : '年内调减'}${formatAmount(Math.abs(delta), unit)}${pct}`;
}

/** 本年度一般公共预算年初预算数为3280.00万元，年内调增130.44万元（增长3.98%），全年预算数为3410.44万元。 */
function storySentence(label: string, initial: number | null, annual: number, unit: Unit): string | null {
  const change = adjustment(initial, annual, unit);
  if (!change || initial === null) return null;
  if (change === '年内未作调整') return `本年度${label}年初预算数与全年预算数均为${formatAmount(annual, unit)}，年内未作调整。`;
  if (!initial) return `本年度${label}${change}。`;
  return `本年度${label}年初预算数为${formatAmount(initial, unit)}，${change}，全年预算数为${formatAmount(annual, unit)}。`;
}

function singleSource(ctx: ReportContext, row: BudgetRate | null, unit: Unit): string[] {
  const whole = wholeAmounts(ctx);
  const initial = row ? row.initial : whole.initial;
  const annual = row ? row.annual ?? 0 : whole.annual;
  const executed = row ? row.executed ?? 0 : whole.executed;
  const label = row ? sourceLabel(row.name) : '部门整体';
  const rate = row ? row.rate : ctx.budgetRate;
  const rc = rateClause(row ? rateLabel(label) : '部门整体支出', rate);
  const comment = rateComment(ctx, rate);
  const tail = [rc, comment].filter((s) => s.length > 0).join('，');
  const main = `本年度${label}收入${formatAmount(annual, unit)}，支出${formatAmount(executed, unit)}${tail ? `，${tail}` : ''}。`;
  const story = storySentence(label, initial, annual, unit);
  return story ? [`${story}${main}`] : [main];
}

function severalSources(ctx: ReportContext, rows: BudgetRate[], unit: Unit): string[] {
  const { initial, annual, executed } = wholeAmounts(ctx);
  const each = rows.map((r) => {
    const change = adjustment(r.initial, r.annual ?? 0, unit, false);
    const adj = !change || change === '年内未作调整' ? '' : r.initial ? `（年初预算数${formatAmount(r.initial, unit)}，${change}）` : `（${change}）`;
    const rc = rateClause('', r.rate);
    return `${sourceLabel(r.name)}收入${formatAmount(r.annual ?? 0, unit)}${adj}，支出${formatAmount(r.executed ?? 0, unit)}${rc ? `，${rc}` : ''}`;
  });
  const rc = rateClause('部门整体支出', ctx.budgetRate);
  const comment = rateComment(ctx, ctx.budgetRate);
  const tail = [rc, comment].filter((s) => s.length > 0).join('，');
  const story = storySentence('部门整体', initial, annual, unit) ?? '';
  return [`${story}本年度部门整体收入${formatAmount(annual, unit)}，支出${formatAmount(executed, unit)}。其中，${each.join('；')}。${tail ? `${tail}。` : ''}`];
}

/** 从支出结构看，基本支出…万元，占全年支出的…%；项目支出…. */
function spendingKindSentence(ctx: ReportContext, unit: Unit): string | null {
  const kinds = ctx.results.budget.rows.filter((r) => isSpendingKind(r) && hasMoney(r));
  if (!kinds.length) return null;
  const total = kinds.reduce((s, r) => s + (r.executed ?? 0), 0);
  const parts = kinds.map((r) => {
    const share = total > 0 && kinds.length > 1 ? `，占${formatNumber(((r.executed ?? 0) / total) * 100, 2)}%` : '';
    const rc = rateClause('', r.rate);
    return `${sourceLabel(r.name)}全年预算数${formatAmount(r.annual ?? 0, unit)}，支出${formatAmount(r.executed ?? 0, unit)}${share}${rc ? `，${rc}` : ''}`;
  });
  return `从支出结构看，${parts.join('；')}。`;
}

export function budgetParagraphs(ctx: ReportContext): string[] {
  const money = ctx.table.money;
  if (!money) return [placeholder('部门整体收支情况')];
  const rows = fundedSources(ctx);
  const paras = rows.length > 1 ? severalSources(ctx, rows, money.unit) : singleSource(ctx, rows[0] ?? null, money.unit);
  const kinds = spendingKindSentence(ctx, money.unit);
  return kinds ? [...paras, kinds] : paras;
}
