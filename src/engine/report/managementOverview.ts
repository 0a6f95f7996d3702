/**
 * 一（五）部门整体绩效管理情况: the key indicators by area, then the management indicators. Rows that met their
 * target are told with their figures; rows that lost points are only named here (二 tells them in detail).
 */
import type { IndicatorResult } from '../types';
import type { ReportContext } from './context';
import { outcomeOf, rowsStanding } from './context';
import { enumerate, paragraphsOf, pendingPlaceholder, placeholder, quotedList } from './format';
import { byLevel2 } from './groups';

function ofKind(ctx: ReportContext, kind: 'performance' | 'management'): IndicatorResult[] {
  return ctx.groups.filter((g) => g.kind === kind).flatMap((g) => g.indicators);
}

/** 会议保障：A年度指标值为100%，实际完成100%；B…. Only the rows that kept their full score. */
function areaClause(ctx: ReportContext, area: string, rows: IndicatorResult[]): string {
  return `${area}：${rows.map((r) => `${r.name}${outcomeOf(ctx, r)}`).join('；')}`;
}

/** “A”“B”未达到年度指标值，“C”达到年度指标值但有所扣分，“D”【待表格无错误后生成：完成情况】. */
function shortfallParts(ctx: ReportContext, rows: IndicatorResult[]): string[] {
  const names = (s: 'short' | 'deducted' | 'unscored') => rowsStanding(ctx, s, rows).map((r) => r.name);
  const parts: string[] = [];
  if (names('short').length) parts.push(`${quotedList(names('short'))}未达到年度指标值`);
  if (names('deducted').length) parts.push(`${quotedList(names('deducted'))}达到年度指标值但按评分标准有所扣分`);
  if (names('unscored').length) parts.push(`${quotedList(names('unscored'))}${pendingPlaceholder('完成情况')}`);
  return parts;
}

function keyIndicatorsParagraph(ctx: ReportContext): string | null {
  const rows = ofKind(ctx, 'performance');
  if (!rows.length) return null;
  const met = rowsStanding(ctx, 'met', rows);
  const parts = shortfallParts(ctx, rows);
  const areas = [...byLevel2(met)].map(([area, members]) => areaClause(ctx, area, members));
  if (!parts.length) return `根据整体绩效目标设立的年度关键指标：${enumerate(areas, '。')}。以上年度关键指标均已达到100%预期实现值。`;
  const missing = `${parts.join('，')}${parts.some((p) => p.includes('年度指标值')) ? '，具体情况见本报告第二部分' : ''}`;
  if (!met.length) return `根据整体绩效目标设立的年度关键指标中，${missing}。`;
  return `根据整体绩效目标设立的年度关键指标：${enumerate(areas, '。')}。以上指标均已达到预期实现值；此外，${missing}。`;
}

function managementParagraph(ctx: ReportContext): string | null {
  const rows = ofKind(ctx, 'management');
  if (!rows.length) return null;
  const met = rowsStanding(ctx, 'met', rows).map((r) => r.name);
  const parts = shortfallParts(ctx, rows);
  if (!parts.length) return `本年度绩效管理工作中，${met.join('、')}${met.length > 1 ? '均' : ''}已达到100%预期实现值，反映了部门良好的管理效能。`;
  const metPart = met.length ? `${met.join('、')}已达到预期实现值；` : '';
  const lost = rowsStanding(ctx, 'short', rows).length + rowsStanding(ctx, 'deducted', rows).length;
  const closing = lost ? '，管理效能仍有提升空间，具体情况见本报告第二部分' : '';
  return `本年度绩效管理工作中，${metPart}${parts.join('，')}${closing}。`;
}

export function managementOverviewParagraphs(ctx: ReportContext): string[] {
  const paras = [keyIndicatorsParagraph(ctx), managementParagraph(ctx)].filter((p): p is string => p !== null);
  const notes = paragraphsOf(ctx.material.managementNotes);
  const all = [...paras, ...notes];
  return all.length ? all : [placeholder('部门整体绩效管理情况')];
}
