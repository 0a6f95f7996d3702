/**
 * The 自评报告 draft: spec §7's sections, in the reference report's words, every figure from the results.
 * The draft is one Report object: the report sheet, the pane (and its copy buttons) and the .docx all show it.
 */
import type { Evaluation, Issue, Report, ReportMaterial, ReportSection, Results, TableModel } from '../types';
import { analysisParagraphs } from './analysis';
import { budgetParagraphs } from './budgetParagraph';
import { conclusionParagraphs } from './conclusion';
import { makeContext, type ReportContext, type ReportOptions } from './context';
import { annualWorkParagraphs, functionsParagraphs, goalParagraphs } from './departmentInfo';
import { placeholder } from './format';
import { managementOverviewParagraphs } from './managementOverview';
import { measureParagraphs } from './measures';
import { draftThemes, problemParagraphs } from './problems';
import { attachmentLabel, signatureOf } from './signature';
import { titleLines } from './title';
import type { Theme } from './themes';

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

type Builder = (ctx: ReportContext, themes: Theme[]) => string[];

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

/** 2023年度 + unit: the title's head (the first printed line or lines). */
function titleHead(year: number | null, unitName: string): string {
  const y = year !== null ? String(year) : placeholder('年度');
  const unit = unitName.trim() || placeholder('单位名称');
  return `${y}年度${unit}`;
}

export function reportTitle(year: number | null, unitName: string): string {
  return `${titleHead(year, unitName)}整体支出绩效自评报告`;
}

/** Without a table there is nothing to report on: every section asks for its content. */
function emptyReport(material: ReportMaterial): Report {
  return {
    title: reportTitle(null, ''),
    titleLines: titleLines(titleHead(null, '')),
    attachment: attachmentLabel(material),
    signature: signatureOf('', null, material),
    sections: REPORT_HEADINGS.map(({ heading, level }) => ({
      heading,
      level,
      paragraphs: level === 2 || heading.startsWith('三') || heading.startsWith('四') ? [placeholder(heading.replace(/^[（(]?[一二三四五六七八九十]+[)）、]/, ''))] : [],
    })),
  };
}

/** What a draft is made from: the found table, its results and issues (the found branch of an Evaluation). */
export interface ReportInput {
  table: TableModel;
  results: Results;
  issues: Issue[];
}

/** The draft from a found table's results (the engine's table, results and issues). */
export function draftReport(input: ReportInput, material: ReportMaterial = {}, options: ReportOptions = {}): Report {
  const { table, results, issues } = input;
  const ctx = makeContext(table, results, material, issues, options);
  const themes = draftThemes(ctx);
  const sections: ReportSection[] = REPORT_HEADINGS.map(({ heading, level }, i) => ({
    heading,
    level,
    paragraphs: BUILDERS[i](ctx, themes),
  }));
  return {
    title: reportTitle(table.year, table.unitName),
    titleLines: titleLines(titleHead(table.year, table.unitName)),
    attachment: attachmentLabel(material),
    signature: signatureOf(table.unitName, table.year, material),
    sections,
  };
}

/** The draft for an evaluation; a skeleton asking for every section when no table was found. */
export function buildReport(evaluation: Evaluation, material?: ReportMaterial | null, options: ReportOptions = {}): Report {
  if (!evaluation.found) return emptyReport(material ?? {});
  const { table, results, issues } = evaluation;
  return draftReport({ table, results, issues }, material ?? {}, options);
}

/** The lines before the sections: the 附件 label (when given) and the title. */
export function reportHeadLines(report: Report): string[] {
  return [...(report.attachment ? [report.attachment] : []), report.title];
}

/** The 落款 lines after the sections: unit, then date. */
export function signatureLines(report: Report): string[] {
  return report.signature ? [report.signature.unit, report.signature.date] : [];
}

/** The whole draft as plain text, one paragraph a line (for 复制全文, the .txt export and the report sheet). */
export function reportText(report: Report): string {
  const lines = reportHeadLines(report);
  for (const s of report.sections) lines.push(s.heading, ...s.paragraphs);
  lines.push(...signatureLines(report));
  return lines.join('\n');
}

/** One section (its heading, then its paragraphs) as plain text, for a section's copy button. */
export function sectionText(section: ReportSection): string {
  return [section.heading, ...section.paragraphs].join('\n');
}
