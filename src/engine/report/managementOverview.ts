/** 一（五）部门整体绩效管理情况: the key indicators by area, then the management indicators. */
import type { IndicatorResult } from '../types';
import type { ReportContext } from './context';
import { outcomeOf } from './context';
import { enumerate, paragraphsOf, placeholder, quotedList } from './format';
import { byLevel2 } from './groups';

function ofKind(ctx: ReportContext, kind: 'performance' | 'management'): IndicatorResult[] {
  return ctx.groups.filter((g) => g.kind === kind).flatMap((g) => g.indicators);
}

/** 会议保障：A年度指标值为100%，实际完成100%；B…. */
function areaClause(ctx: ReportContext, area: string, rows: IndicatorResult[]): string {
  return `${area}：${rows.map((r) => `${r.name}${outcomeOf(ctx, r)}`).join('；')}`;
}

/** One sentence on whether the listed indicators were all met. */
function metSummary(rows: IndicatorResult[], what: string): string {
  const lost = rows.filter((r) => r.lostPoints).map((r) => r.name);
  const unscored = rows.filter((r) => r.score === null).map((r) => r.name);
  if (!lost.length && !unscored.length) return `以上${what}均已达到100%预期实现值。`;
  const met = rows.length - lost.length - unscored.length;
  const parts = [`以上${what}中，${met}项已达到预期实现值`];
  if (lost.length) parts.push(`${quotedList(lost)}未达到预期实现值`);
  if (unscored.length) parts.push(`${quotedList(unscored)}暂未计分`);
  return `${parts.join('，')}，具体情况见本报告第二部分。`;
}

function keyIndicatorsParagraph(ctx: ReportContext): string | null {
  const rows = ofKind(ctx, 'performance');
  if (!rows.length) return null;
  const areas = [...byLevel2(rows)].map(([area, members]) => areaClause(ctx, area, members));
  return `根据整体绩效目标设立的年度关键指标：${enumerate(areas, '。')}。${metSummary(rows, '年度关键指标')}`;
}

function managementParagraph(ctx: ReportContext): string | null {
  const rows = ofKind(ctx, 'management');
  if (!rows.length) return null;
  const met = rows.filter((r) => !r.lostPoints && r.score !== null).map((r) => r.name);
  const short = rows.filter((r) => r.lostPoints || r.score === null).map((r) => r.name);
  if (!short.length) return `本年度绩效管理工作中，${met.join('、')}均已达到100%预期实现值，反映了部门良好的管理效能。`;
  const metPart = met.length ? `${met.join('、')}已达到预期实现值；` : '';
  return `本年度绩效管理工作中，${metPart}${short.join('、')}未完全达到预期，管理效能仍有提升空间，具体情况见本报告第二部分。`;
}

export function managementOverviewParagraphs(ctx: ReportContext): string[] {
  const paras = [keyIndicatorsParagraph(ctx), managementParagraph(ctx)].filter((p): p is string => p !== null);
  const notes = paragraphsOf(ctx.material.managementNotes);
  const all = [...paras, ...notes];
  return all.length ? all : [placeholder('部门整体绩效管理情况')];
}
