/**
 * Shared by report.test.ts and reportWording.test.ts: the headings of the reference report, and a draft's sections
 * and numbered items read off its text.
 */
import type { Report } from '../../src/engine/types';
import { HAIZHU_ROWS, type RowSpec } from '../fixtures/reportFixtures';

/** The headings of the reference report (../shared/reference), in order. */
export const REFERENCE_HEADINGS = [
  '一、部门基本情况',
  '（一）部门职能',
  '（二）年度总体工作和重点工作任务',
  '（三）部门整体支出绩效目标',
  '（四）部门整体收支情况（以决算数为统计口径）',
  '（五）部门整体绩效管理情况',
  '二、绩效自评情况',
  '（一）自评结论',
  '（二）履职效能分析',
  '（三）管理效率分析',
  '三、存在的主要问题',
  '四、下一步改进措施',
];

/** Text of one section, found by the start of its heading (the first match after `after`, when given). */
export function section(report: Report, heading: string, after?: string): string {
  let start = 0;
  if (after) start = report.sections.findIndex((s) => s.heading.startsWith(after)) + 1;
  const s = report.sections.slice(start).find((x) => x.heading.startsWith(heading));
  if (!s) throw new Error(`no section ${heading}`);
  return s.paragraphs.join('\n');
}

export const problems = (r: Report) => section(r, '三、');
export const measures = (r: Report) => section(r, '四、');
export const conclusion = (r: Report) => section(r, '（一）自评结论');
export const performance = (r: Report) => section(r, '（二）履职效能分析');
export const management = (r: Report) => section(r, '（三）管理效率分析');

/** The numbered items of a 一是…二是… paragraph, after its lead-in. */
export function items(text: string): string[] {
  const body = text.slice(text.indexOf('：') + 1);
  return body.split(/(?=[一二三四五六七八九十]+是)/).filter((s) => /^[一二三四五六七八九十]+是/.test(s));
}

export function rows(edit: (r: RowSpec) => RowSpec): RowSpec[] {
  return HAIZHU_ROWS.map(edit);
}
