/**
 * 三、存在的主要问题 and 四、下一步改进措施: problems and their measures, built as pairs so that the n-th
 * problem and the n-th measure always match (一是…二是…).
 *
 * Sources, in order: rows that lost points (their cause from the reason cell, their measure from the same cell
 * when it has one), a budget completion below 90 %, then the sheet's own 存在问题 / 改进措施 cells. A sheet
 * problem that speaks of the same thing as a row is merged into that row's pair.
 */
import type { IndicatorResult } from '../types';
import type { ReportContext } from './context';
import { budgetIndicator, budgetShortfallCause, causeOf, lostRows, outcomeOf, unscoredRows } from './context';
import { LOW_BUDGET_RATE, shownRate } from './budgetParagraph';
import { clause, enumerate, formatRate } from './format';
import { splitReason } from './indicatorText';
import { genericMeasure, DEFAULT_FINDINGS } from './measures';

export interface Finding {
  problem: string;
  measure: string;
  /** Text the overlap test compares (name, cause). */
  topic: string;
  /** The measure is a standard one, not written by the user. */
  standardMeasure: boolean;
}

/** An item number at the start or after a sentence break: 一是, 1., 1、, （1）, (一). */
const ITEM_NUMBER = /(^|[。；;\s])(?:[一二三四五六七八九十]+是|[（(]?\d+[)）.、．]|[（(][一二三四五六七八九十]+[)）])/g;

/**
 * Splits a 存在问题 / 改进措施 cell into its items (一是…、1.…、（1）…, or ；/line breaks).
 * No look-behind in the patterns: older Safari (Excel for Mac) cannot parse it.
 */
export function splitItems(text: string): string[] {
  const t = text.trim();
  if (!t || /^(无|暂无|\/|—+|-+)$/.test(t)) return [];
  let parts: string[];
  if (new RegExp(ITEM_NUMBER.source).test(t)) {
    parts = t.replace(ITEM_NUMBER, '$1\u0000').split('\u0000');
  } else {
    parts = t.split(/[；;\r\n]+/);
    if (parts.length === 1) parts = t.split(/。/);
  }
  return parts.map(clause).filter((s) => s.length > 0);
}

/** Words too common in these texts to show that two of them speak of the same thing. */
const FILLER = /进一步|有待|加强|提高|提升|存在|问题|工作|个别|部分|项目|情况|不足|方面|相关|需要|进行|开展|仍|还|的|了|和|与|及/g;

function core(s: string): string {
  return s.replace(FILLER, '|').replace(/[\s，。；、：:,.;“”"'（）()]/g, '|');
}

/** True when the two texts share four consecutive meaningful characters. */
export function sameTopic(a: string, b: string): boolean {
  const x = core(a);
  const y = core(b);
  for (let i = 0; i + 4 <= x.length; i++) {
    const piece = x.slice(i, i + 4);
    if (!piece.includes('|') && y.includes(piece)) return true;
  }
  return false;
}

function rowFinding(ctx: ReportContext, r: IndicatorResult): Finding {
  const { measure } = splitReason(r.reason);
  const cause = causeOf(ctx, r);
  const problem = `“${r.name}”指标未达到年度指标值（${outcomeOf(ctx, r)}）${cause ? `，主要原因是${cause}` : ''}`;
  return {
    problem,
    measure: measure || genericMeasure(`${r.level2}${r.name}${cause}`, r.name),
    topic: `${r.name}，${cause}`,
    standardMeasure: !measure,
  };
}

function budgetFinding(ctx: ReportContext): Finding | null {
  const rate = ctx.budgetRate;
  if (rate === null || shownRate(rate) >= LOW_BUDGET_RATE) return null;
  const row = budgetIndicator(ctx);
  if (row && row.lostPoints) return null; // the row's own finding already says it
  const cause = budgetShortfallCause(ctx);
  const problem = `部门整体支出预算完成率为${formatRate(rate)}，低于${formatRate(LOW_BUDGET_RATE)}，预算执行进度有待加快${cause ? `，主要原因是${clause(cause)}` : ''}`;
  return { problem, measure: genericMeasure('预算执行'), topic: `预算完成率，预算执行，${cause}`, standardMeasure: true };
}

/** The sheet's own cells, paired by position; extra measures go with the last problem. */
function sheetFindings(ctx: ReportContext): Finding[] {
  const problems = splitItems(ctx.table.footer.problems);
  const measures = splitItems(ctx.table.footer.measures);
  const out: Finding[] = problems.map((p, i) => ({
    problem: p,
    measure: measures[i] ?? genericMeasure(p),
    topic: p,
    standardMeasure: measures[i] === undefined,
  }));
  if (out.length && measures.length > problems.length) {
    const last = out[out.length - 1];
    last.measure = [last.measure, ...measures.slice(problems.length)].map(clause).join('；');
  }
  return out;
}

/** The sheet's measure for the same topic is kept beside the row's own measure, unless it says the same. */
function mergeMeasure(own: string, sheet: string): string {
  if (!own) return sheet;
  return sameTopic(own, sheet) ? (sheet.length > own.length ? sheet : own) : `${clause(own)}；${clause(sheet)}`;
}

export function findings(ctx: ReportContext): Finding[] {
  const computed = lostRows(ctx).map((r) => rowFinding(ctx, r));
  const budget = budgetFinding(ctx);
  if (budget) computed.push(budget);
  const sheet = sheetFindings(ctx);
  const used = new Set<number>();
  for (const f of computed) {
    const i = sheet.findIndex((s, k) => !used.has(k) && sameTopic(f.topic, s.problem));
    if (i < 0) continue;
    used.add(i);
    if (sheet[i].standardMeasure) continue;
    f.measure = mergeMeasure(f.standardMeasure ? '' : f.measure, sheet[i].measure);
    f.standardMeasure = false;
  }
  const all = [...computed, ...sheet.filter((_, k) => !used.has(k))];
  return all.length ? all : DEFAULT_FINDINGS.map((d) => ({ ...d, topic: d.problem, standardMeasure: true }));
}

export function problemParagraphs(ctx: ReportContext): string[] {
  const list = findings(ctx);
  const allMet = lostRows(ctx).length === 0 && unscoredRows(ctx).length === 0;
  const lead = allMet ? '从全年的整体支出情况来看，各项绩效指标总体完成较好，但也存在不足：' : '从全年的整体支出情况来看，也存在不足：';
  return [`${lead}${enumerate(list.map((f) => f.problem))}。`];
}

export function measureParagraphs(ctx: ReportContext): string[] {
  const list = findings(ctx);
  return [
    `针对上述存在问题，结合部门整体支出绩效管理工作实际，下一步改进措施主要是：${enumerate(list.map((f) => f.measure), '。')}。`,
  ];
}
