/**
 * 二（二）履职效能分析 and 二（三）管理效率分析: each level-1 group, what was met and what lost points. This is the
 * one place where a row that lost points is told in detail (target, actual, score, reason); elsewhere it is only
 * named.
 */
import type { IndicatorResult } from '../types';
import type { ReportContext } from './context';
import { budgetIndicator, causeOf, outcomeOf, rowsStanding } from './context';
import { REASON_PLACEHOLDER, enumerate, formatRate, pendingPlaceholder, placeholder, points, quotedList } from './format';
import { groupTitle, level2Names, type GroupKind, type IndicatorGroup } from './groups';

function scoreClause(r: IndicatorResult): string {
  return r.score !== null ? `得${points(r.score)}${r.weight !== null ? `（分值${points(r.weight)}）` : ''}` : '';
}

/** “支出进度率”年度指标值为不低于90%，实际完成54%，得3分（分值5分），主要原因是…. */
export function lostRowClause(ctx: ReportContext, r: IndicatorResult): string {
  const cause = causeOf(ctx, r) || REASON_PLACEHOLDER;
  return `“${r.name}”${outcomeOf(ctx, r)}，${scoreClause(r)}，主要原因是${cause}`;
}

/** A row that met its target but did not get full marks (a manual score inside the tier): never 未达到. */
export function deductedRowClause(ctx: ReportContext, r: IndicatorResult): string {
  const cause = causeOf(ctx, r) || REASON_PLACEHOLDER;
  return `“${r.name}”${outcomeOf(ctx, r)}，达到年度指标值，按评分标准${scoreClause(r)}，扣分原因是${cause}`;
}

const ALL_MET: Record<GroupKind, string> = {
  performance: '等各项工作任务绩效目标均已达到100%预期实现值，总体上达到了全过程预算绩效管理的要求。',
  management: '等各项指标均已达到预期实现值，各重点任务项目支出按计划推进，达到预期效果，完成情况理想。',
};

/** 履职效能指标分值50分，自评得分48分 — with placeholders while some row of the group has no score. */
function groupHead(g: IndicatorGroup, unscored: number): string {
  if (!unscored) return `${groupTitle(g)}分值${points(g.weight)}，自评得分${points(g.score)}`;
  const weightKnown = g.indicators.every((r) => r.weight !== null);
  return weightKnown
    ? `${groupTitle(g)}分值${points(g.weight)}，自评得分${pendingPlaceholder('得分')}`
    : `${groupTitle(g)}${pendingPlaceholder('分值和得分')}`;
}

/** 共设置9项三级指标，其中8项达到年度指标值，1项未达到年度指标值 (only when every row is scored). */
function counts(total: number, reached: number, short: number, deducted: number): string {
  const base = `共设置${total}项三级指标`;
  if (!short) return `${base}，均达到年度指标值${deducted ? `，其中${deducted}项按评分标准有所扣分` : ''}`;
  if (!reached) return `${base}，均未达到年度指标值`;
  return `${base}，其中${reached}项达到年度指标值，${short}项未达到年度指标值`;
}

function groupParagraph(ctx: ReportContext, g: IndicatorGroup): string {
  const short = rowsStanding(ctx, 'short', g.indicators);
  const deducted = rowsStanding(ctx, 'deducted', g.indicators);
  const unscored = rowsStanding(ctx, 'unscored', g.indicators);
  const head = groupHead(g, unscored.length);
  if (!short.length && !deducted.length && !unscored.length) return `${head}。${level2Names(g.indicators).join('、')}${ALL_MET[g.kind]}`;
  const details = [...short.map((r) => lostRowClause(ctx, r)), ...deducted.map((r) => deductedRowClause(ctx, r))];
  const pendingRows = unscored.length ? `${quotedList(unscored.map((r) => r.name))}${pendingPlaceholder('完成情况')}` : '';
  const met = g.indicators.length - short.length - deducted.length - unscored.length;
  if (unscored.length) {
    const listed = details.length ? `${enumerate(details)}；${pendingRows}` : pendingRows;
    return `${head}。${listed}。`;
  }
  const lead = counts(g.indicators.length, met + deducted.length, short.length, deducted.length);
  return `${head}，${lead}：${enumerate(details)}。${met ? `${groupTitle(g)}中其余各项均达到预期效果。` : ''}`;
}

/** The budget completion rate, said once in 管理效率分析 when no indicator row already reports it. */
function budgetSentence(ctx: ReportContext): string | null {
  if (ctx.budgetRate === null || budgetIndicator(ctx)) return null;
  return `本年度部门整体支出预算完成率为${formatRate(ctx.budgetRate)}。`;
}

const MISSING: Record<GroupKind, string> = { performance: '履职效能分析', management: '管理效率分析' };

export function analysisParagraphs(ctx: ReportContext, kind: GroupKind): string[] {
  const groups = ctx.groups.filter((g) => g.kind === kind);
  const paras = groups.map((g) => groupParagraph(ctx, g));
  const budget = kind === 'management' ? budgetSentence(ctx) : null;
  if (budget) paras.unshift(budget);
  if (!groups.length) paras.push(placeholder(MISSING[kind]));
  return paras;
}
