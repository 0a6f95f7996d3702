/**
 * What the draft may claim, in one place (spec §7, "Never contradict the table or itself"): the section builders
 * ask these questions instead of deciding for themselves, and checkDraft() reads a finished draft for breaches of
 * the same rules (the tests run it on every table).
 */
import type { IndicatorResult, Issue, Report, Results } from '../types';
import { isBudgetIndicator } from '../locate';
import { pendingPlaceholder } from './format';

/**
 * How a row stands:
 * - met: full score;
 * - deducted: lost points although its actual meets the target (a manual 9 of 10 on 达成年度指标): never 未达到;
 * - short: lost points and missed the target;
 * - unscored: no score (a data problem: an issue in the pane, a placeholder in the draft).
 */
export type RowStanding = 'met' | 'deducted' | 'short' | 'unscored';

/** Words of a qualitative actual that say the target was met, and words that take that back. */
const MET_WORDS = /达成|达到|完成|实现|符合|明显|有效/;
const LOWER_WORDS = /未|没有|部分|基本|不|较差|一般|有所/;

const EPS = 1e-9;

/** Whether the row's actual meets its target, read as the engine read it for scoring. */
export function targetMet(ind: IndicatorResult): boolean {
  const r = ind.reading;
  if (r) {
    switch (r.comparator) {
      case '>=':
        return r.actual >= r.target - EPS;
      case '>':
        return r.actual > r.target + EPS;
      case '<=':
        return r.actual <= r.target + EPS;
      case '<':
        return r.actual < r.target - EPS;
      case '=':
        return r.target > 0 ? r.actual >= r.target - EPS : Math.abs(r.actual) < EPS;
    }
  }
  if (ind.tier) return ind.tier === 'met';
  const words = ind.actualText.replace(/\s+/g, '');
  return ind.method === '定性' && MET_WORDS.test(words) && !LOWER_WORDS.test(words);
}

export function rowStanding(ind: IndicatorResult): RowStanding {
  if (ind.score === null) return 'unscored';
  if (!ind.lostPoints) return 'met';
  return targetMet(ind) ? 'deducted' : 'short';
}

/** Issues with severity 错误: the table has errors, so total and grade are placeholders (and no provisional grade). */
export function tableHasErrors(issues: Issue[]): boolean {
  return issues.some((i) => i.severity === '错误');
}

/** Total and grade are not final: the table has errors, or some row could not be scored. */
export function scoresPending(results: Results, issues: Issue[]): boolean {
  return tableHasErrors(issues) || !results.complete || results.indicators.some((i) => i.score === null);
}

/** What the draft says in place of the total and the grade while they are pending. */
export const PENDING_TOTAL = pendingPlaceholder('总分、等级');

/** Rows about spending: 支出进度率, 预算完成率 / 预算执行率, 执行进度. */
const SPENDING_ROW = /支出进度|执行进度|序时进度|预算执行率|预算完成率|资金执行率|资金支付/;

export function isSpendingRow(ind: IndicatorResult): boolean {
  return SPENDING_ROW.test(ind.name) || isBudgetIndicator(ind.name);
}

/** A spending row lost points: nothing may then call the spending progress reasonable. */
export function spendingProgressLost(results: Results): boolean {
  return results.indicators.some((i) => i.lostPoints && i.score !== null && isSpendingRow(i));
}

/** Whether the draft may say the year's work was (总体/圆满) completed: only once every row is scored. */
export function mayClaimCompletion(results: Results, issues: Issue[]): boolean {
  return !scoresPending(results, issues);
}

// ---------------------------------------------------------------------------------------------------------------
// The checker: a finished draft read against the same rules.

/** Sentences that speak to the user rather than to the reader of the report. */
const USER_NOTES = /请核实|请核对|请检查|与规定的|不一致|无法识别|暂未计分|尚无法计分|未计分|暂定|分值合计|(?:^|[^\d.])0项/;
/** A claim that the spending progress is fine. */
const PROGRESS_FINE = /支出进度(?:总体)?(?:处于|较为|比较)?(?:合理|均衡|正常|较好|良好)/;
const COMPLETION = /总体完成|圆满完成|全面完成|均已完成/;
const GRADE_WORDS = /“[优良中差]”等级/;
const SPACED_NUMBER = /\d[ \u3000]+[\u4e00-\u9fff]|[\u4e00-\u9fff][ \u3000]+\d/;
const NOT_MET = /^(?:等?\d*项?指标)?(?:均)?(?:未达到|未完成|未完全达到|没有达到)/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The draft's text, one paragraph a line (title, headings, paragraphs, 落款). */
function draftText(report: Report): string {
  const lines = [report.title];
  for (const s of report.sections) lines.push(s.heading, ...s.paragraphs);
  if (report.signature) lines.push(report.signature.unit, report.signature.date);
  return lines.join('\n');
}

/** Sentences (and clauses between ；) of the paragraphs, for the "no sentence twice" rule. */
export function draftSentences(report: Report): string[] {
  return report.sections
    .flatMap((s) => s.paragraphs)
    .flatMap((p) => p.split(/[。；！？\n]/))
    .map((s) => s.replace(/^[一二三四五六七八九十]+是/, '').trim())
    .filter((s) => s.length > 6);
}

/** Met rows named and then called 未达到 (directly or as part of a list of names). */
function metRowsCalledShort(text: string, results: Results): string[] {
  const names = results.indicators.map((i) => i.name).filter((n) => n.length > 0);
  const anyName = names.length ? new RegExp(`^(?:[、和及与]?“?(?:${names.map(escape).join('|')})”?)+`) : null;
  const out: string[] = [];
  for (const ind of results.indicators) {
    const standing = rowStanding(ind);
    if ((standing !== 'met' && standing !== 'deducted') || !ind.name) continue;
    let from = text.indexOf(ind.name);
    while (from >= 0) {
      let rest = text.slice(from + ind.name.length).replace(/^”/, '');
      if (anyName) rest = rest.replace(anyName, '');
      if (NOT_MET.test(rest)) out.push(`“${ind.name}”已达到年度指标值，却被写为未达到`);
      from = text.indexOf(ind.name, from + ind.name.length);
    }
  }
  return out;
}

/**
 * Breaches of the rules above in a finished draft, in Chinese (empty when there are none): a met row called
 * 未达到, spending progress called reasonable while a spending row lost points, completion or a grade claimed while
 * scores are pending, notes to the user, a sentence said twice, a space between a number and Chinese.
 */
export function checkDraft(report: Report, results: Results, issues: Issue[]): string[] {
  const text = draftText(report);
  const out = metRowsCalledShort(text, results);
  if (spendingProgressLost(results) && PROGRESS_FINE.test(text)) out.push('支出进度类指标扣分，却称支出进度合理');
  if (scoresPending(results, issues)) {
    if (COMPLETION.test(text)) out.push('尚有指标未计分或表格有错误，却称工作总体完成');
    if (GRADE_WORDS.test(text)) out.push('表格有错误或尚有指标未计分，却给出等级');
    if (!text.includes(PENDING_TOTAL)) out.push(`总分和等级未以“${PENDING_TOTAL}”留待生成`);
  }
  const note = USER_NOTES.exec(text);
  if (note) out.push(`报告中有写给填表人的提示：“${note[0]}”`);
  const seen = new Set<string>();
  for (const s of draftSentences(report)) {
    if (seen.has(s)) out.push(`句子重复：“${s}”`);
    seen.add(s);
  }
  const spaced = SPACED_NUMBER.exec(text);
  if (spaced) out.push(`数字与汉字之间有空格：“${spaced[0]}”`);
  return out;
}
