/** 一（一）部门职能，（二）年度总体工作和重点工作任务，（三）部门整体支出绩效目标: mostly the user's material. */
import { paragraphsOf, placeholder, sentence } from './format';
import type { ReportContext } from './context';

/** （一）部门职能: the functions, then the organisation. */
export function functionsParagraphs(ctx: ReportContext): string[] {
  const functions = paragraphsOf(ctx.material.functions);
  const organisation = paragraphsOf(ctx.material.organisation);
  return [
    ...(functions.length ? functions : [placeholder('部门职能')]),
    ...(organisation.length ? organisation : [placeholder('机构设置')]),
  ];
}

/** Text after a lead-in (本年度总体工作目标：…); a material that starts with the lead-in is not doubled. */
function withLead(lead: string, text: string | undefined, missing: string): string[] {
  const paras = paragraphsOf(text);
  if (!paras.length) return [`${lead}：${placeholder(missing)}`];
  const first = paras[0].startsWith(lead) ? paras[0] : `${lead}：${paras[0]}`;
  return [first, ...paras.slice(1)];
}

/** Whether every indicator that could be scored kept its full score. */
function allMet(ctx: ReportContext): boolean {
  return ctx.results.indicators.every((i) => !i.lostPoints);
}

/** 个别 for one or two rows that lost points, 部分 for more. */
function shortfallWord(ctx: ReportContext): string {
  return ctx.results.indicators.filter((i) => i.lostPoints).length <= 2 ? '个别' : '部分';
}

/** （二）年度总体工作和重点工作任务, closed by what the table says was achieved. */
export function annualWorkParagraphs(ctx: ReportContext): string[] {
  const work = withLead('本年度总体工作目标', ctx.material.annualWork, '年度总体工作');
  const tasks = withLead('本年度重点工作任务', ctx.material.keyTasks, '年度重点工作任务');
  const achievement = ctx.table.achievement.trim();
  const closing = allMet(ctx) ? '年度各项重点工作任务圆满完成。' : `年度重点工作任务总体完成，${shortfallWord(ctx)}指标未达到年度指标值，具体情况见本报告第二部分。`;
  const done = achievement ? [`全年实际完成情况：${sentence(achievement)}${closing}`] : [];
  if (!achievement) tasks[tasks.length - 1] = sentence(tasks[tasks.length - 1]) + closing;
  return [...work.map(sentence), ...tasks.map(sentence), ...done];
}

/** （三）部门整体支出绩效目标: the material, else the sheet's 年度整体绩效目标. */
export function goalParagraphs(ctx: ReportContext): string[] {
  const paras = paragraphsOf(ctx.material.performanceGoal);
  if (paras.length) return paras.map(sentence);
  const goal = paragraphsOf(ctx.table.goal);
  return goal.length ? goal.map(sentence) : [placeholder('部门整体支出绩效目标')];
}
