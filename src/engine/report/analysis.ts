/** 二（二）履职效能分析 and 二（三）管理效率分析: each level-1 group, what was met and what lost points. */
import type { IndicatorResult } from '../types';
import type { ReportContext } from './context';
import { budgetIndicator, causeOf, outcomeOf, whyUnscored } from './context';
import { enumerate, points, formatRate, placeholder } from './format';
import { groupTitle, level2Names, type GroupKind, type IndicatorGroup } from './groups';

/** “支出进度率”年度指标值为不低于90%，实际完成54%，得3分（分值5分），主要原因是…. */
export function lostRowClause(ctx: ReportContext, r: IndicatorResult): string {
  const cause = causeOf(ctx, r);
  const scored = r.score !== null ? `，得${points(r.score)}${r.weight !== null ? `（分值${points(r.weight)}）` : ''}` : '';
  return `“${r.name}”${outcomeOf(ctx, r)}${scored}${cause ? `，主要原因是${cause}` : ''}`;
}

function unscoredClause(ctx: ReportContext, r: IndicatorResult): string {
  const why = whyUnscored(ctx, r);
  return `“${r.name}”暂未计分${why ? `（${why}）` : ''}`;
}

const ALL_MET: Record<GroupKind, string> = {
  performance: '等各项工作任务绩效目标均已达到100%预期实现值，总体上达到了全过程预算绩效管理的要求。',
  management: '等各项指标均已达到预期实现值，各重点任务项目支出按计划推进，达到预期效果，完成情况理想。',
};

function groupParagraph(ctx: ReportContext, g: IndicatorGroup): string {
  const head = `${groupTitle(g)}分值${points(g.weight)}，自评得分${points(g.score)}`;
  const lost = g.indicators.filter((r) => r.lostPoints && r.score !== null);
  const unscored = g.indicators.filter((r) => r.score === null);
  if (!lost.length && !unscored.length) return `${head}。${level2Names(g.indicators).join('、')}${ALL_MET[g.kind]}`;
  const met = g.indicators.length - lost.length - unscored.length;
  const counts = met || unscored.length
    ? `共设置${g.indicators.length}项三级指标，其中${met}项达到年度指标值${lost.length ? `，${lost.length}项未达到年度指标值` : ''}`
    : `共设置${g.indicators.length}项三级指标，均未达到年度指标值`;
  const details = [...lost.map((r) => lostRowClause(ctx, r)), ...unscored.map((r) => unscoredClause(ctx, r))];
  const rest = met ? '其余各项指标均达到预期效果。' : '';
  return `${head}，${counts}：${enumerate(details)}。${rest}`;
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
