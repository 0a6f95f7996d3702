/** The 自评报告 draft: spec §7's sections, in the reference report's words, every figure from the results. */
import type { Evaluation, Report, ReportMaterial, ReportSection } from '../types';
import { analysisParagraphs } from './analysis';
import { budgetParagraphs } from './budgetParagraph';
import { conclusionParagraphs } from './conclusion';
import { makeContext, type ReportContext } from './context';
import { annualWorkParagraphs, functionsParagraphs, goalParagraphs } from './departmentInfo';
import { placeholder } from './format';
import { managementOverviewParagraphs } from './managementOverview';
import { measureParagraphs, problemParagraphs } from './problems';

/** The headings of spec §7, in order, with their level. */
export const REPORT_HEADINGS: { heading: string; level: 1 | 2 }[] = [
  { heading: '一、部门基本情况', level: 1 },
  { heading: '（一）部门职能', level: 2 },
  { heading: '（二）年度总体工作和重点工作任务', level: 2 },
  { heading: '（三）部门整体支出绩效目标', level: 2 },
  { heading: '（四）部门整体收支情况（以决算数为统计口径）', level: 2 },
  { heading: '（五）部门整体绩效管理情况', level: 2 },
  { heading: '二、绩效自评情况', level: 1 },
  { heading: '（一）自评结论', level: 2 },
  { heading: '（二）履职效能分析', level: 2 },
  { heading: '（三）管理效率分析', level: 2 },
  { heading: '三、存在的主要问题', level: 1 },
  { heading: '四、下一步改进措施', level: 1 },
];

type Builder = (ctx: ReportContext) => string[];

/** Paragraph builders, one per heading above (same order). */
const BUILDERS: Builder[] = [
  () => [],
  functionsParagraphs,
  annualWorkParagraphs,
  goalParagraphs,
  budgetParagraphs,
  managementOverviewParagraphs,
  () => [],
  conclusionParagraphs,
  (ctx) => analysisParagraphs(ctx, 'performance'),
  (ctx) => analysisParagraphs(ctx, 'management'),
  problemParagraphs,
  measureParagraphs,
];

export function reportTitle(year: number | null, unitName: string): string {
  const y = year !== null ? String(year) : placeholder('年度');
  const unit = unitName.trim() || placeholder('单位名称');
  return `${y}年度${unit}整体支出绩效自评报告`;
}

/** Without a table there is nothing to report on: every section asks for its content. */
function emptyReport(): Report {
  return {
    title: reportTitle(null, ''),
    sections: REPORT_HEADINGS.map(({ heading, level }) => ({
      heading,
      level,
      paragraphs: level === 2 || heading.startsWith('三') || heading.startsWith('四') ? [placeholder(heading.replace(/^[（(]?[一二三四五六七八九十]+[)）、]/, ''))] : [],
    })),
  };
}

export function buildReport(evaluation: Evaluation, material?: ReportMaterial | null): Report {
  if (!evaluation.found) return emptyReport();
  const { table, results } = evaluation;
  const ctx = makeContext(table, results, material ?? {}, evaluation.settings.weightTotal, evaluation.issues);
  const sections: ReportSection[] = REPORT_HEADINGS.map(({ heading, level }, i) => ({
    heading,
    level,
    paragraphs: BUILDERS[i](ctx),
  }));
  return { title: reportTitle(table.year, table.unitName), sections };
}

/** The whole draft as plain text, one paragraph a line (for 复制全文). */
export function reportText(report: Report): string {
  const lines = [report.title];
  for (const s of report.sections) lines.push(s.heading, ...s.paragraphs);
  return lines.join('\n');
}

/** One section (its heading, then its paragraphs) as plain text, for a section's copy button. */
export function sectionText(section: ReportSection): string {
  return [section.heading, ...section.paragraphs].join('\n');
}
