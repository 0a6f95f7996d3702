/** 一（一）部门职能，（二）年度总体工作和重点工作任务，（三）部门整体支出绩效目标: mostly the user's material. */
import { paragraphsOf, placeholder, sentence } from './format';
import type { ReportContext } from './context';
import { rowsStanding } from './context';

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

/** 个别 for one or two rows, 部分 for more. */
function fewOrSome(n: number): string {
  return n <= 2 ? '个别' : '部分';
}

/**
 * How （二） closes, by what the results allow (consistency.ts): nothing is 完成 while scores are pending; a row
 * that met its target with points deducted is not 未达到.
 */
function closing(ctx: ReportContext): string {
  if (ctx.pending) return '';
  const short = rowsStanding(ctx, 'short').length;
  const deducted = rowsStanding(ctx, 'deducted').length;
  if (!short && !deducted) return '年度各项重点工作任务圆满完成。';
  const grade = ctx.results.grade.charAt(0);
  const where = '具体情况见本报告第二部分。';
  if (!short) return `年度各项重点工作任务均已完成，${fewOrSome(deducted)}指标按评分标准有所扣分，${where}`;
  if (grade === '中' || grade === '差') return `年度重点工作任务完成情况有待提升，${fewOrSome(short)}指标未达到年度指标值，${where}`;
  return `年度重点工作任务总体完成，${fewOrSome(short)}指标未达到年度指标值，${where}`;
}

/** （二）年度总体工作和重点工作任务, closed by what the table says was achieved. */
export function annualWorkParagraphs(ctx: ReportContext): string[] {
  const work = withLead('本年度总体工作目标', ctx.material.annualWork, '年度总体工作目标');
  const tasks = withLead('本年度重点工作任务', ctx.material.keyTasks, '年度重点工作任务');
  const achievement = ctx.table.achievement.trim();
  const close = closing(ctx);
  const done = achievement ? [`全年实际完成情况：${sentence(achievement)}${close}`] : [];
  if (!achievement && close) tasks[tasks.length - 1] = sentence(tasks[tasks.length - 1]) + close;
  return [...work.map(sentence), ...tasks.map(sentence), ...done];
}

/** （三）部门整体支出绩效目标: the material, else the sheet's 年度整体绩效目标. */
export function goalParagraphs(ctx: ReportContext): string[] {
  const paras = paragraphsOf(ctx.material.performanceGoal);
  if (paras.length) return paras.map(sentence);
  const goal = paragraphsOf(ctx.table.goal);
  return goal.length ? goal.map(sentence) : [placeholder('部门整体支出绩效目标')];
}
