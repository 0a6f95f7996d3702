/**
 * 三、存在的主要问题: one item per theme (themes.ts). The sheet's own 存在问题 text leads its theme; a theme the
 * sheet does not name is headed by what its rows show. The rows are only named here, with their reasons cited
 * by factor (二 gives their figures and reasons in full).
 */
import type { IndicatorResult } from '../types';
import type { ReportContext } from './context';
import { budgetIndicator, budgetShortfallCause, causeOf, lostRows } from './context';
import { rowStanding } from './consistency';
import { LOW_BUDGET_RATE, shownRate } from './budgetParagraph';
import { clause, enumerate, formatRate, quotedList } from './format';
import { causeCitation } from './reasons';
import { DEFAULT_FINDINGS, buildThemes, rowTheme, type Theme, type ThemeKey } from './themes';

/** Aspects of a theme, by words of its rows' level-2 and names, as they are named in a headline. */
const GOAL_ASPECTS: [RegExp, string][] = [
  [/合理|明确|设置|设定|指标质量|目标质量/, '绩效目标和指标设置的科学性'],
  [/目标完成|完成率/, '绩效目标的实现程度'],
  [/监控/, '绩效运行监控'],
  [/评价|自评/, '绩效评价工作'],
  [/应用/, '绩效结果应用'],
  [/制度/, '绩效管理制度建设'],
];

export const OUTPUT_ASPECTS: [RegExp, string][] = [
  [/数量|次数|个数|人次|场次|件数|户数|项数/, '数量'],
  [/质量|合格|达标|准确|优良/, '质量'],
  [/时效|及时|按期|按时|时限|期限/, '时效'],
  [/成本|费用|单价|经费/, '成本'],
];

/** The aspects the rows touch, in the list's order. */
export function aspectsOf(rows: IndicatorResult[], list: [RegExp, string][]): string[] {
  return list.filter(([re]) => rows.some((r) => re.test(`${r.level2}${r.name}`))).map(([, name]) => name);
}

function joinAnd(xs: string[]): string {
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join('、')}和${xs[xs.length - 1]}`;
}

/** The headline of one kind of a theme, from the theme's rows of that kind (a merged theme has several). */
function keyHeadline(key: ThemeKey, theme: Theme): string {
  const t = { ...theme, rows: theme.rows.filter((r) => rowTheme(r) === key) };
  const shortRows = t.rows.filter((r) => rowStanding(r) === 'short');
  switch (key) {
    case 'progress': {
      const progress = t.rows.some((r) => /进度/.test(r.name));
      const rate = t.lowBudgetRate || t.rows.some((r) => !/进度/.test(r.name));
      return [rate ? '预算执行率有待提高' : '', progress ? '年内预算支出进度不够均衡' : ''].filter((s) => s).join('，');
    }
    case 'budget':
      return '预算编制的准确性有待提高';
    case 'goals': {
      const aspects = aspectsOf(t.rows, GOAL_ASPECTS);
      return aspects.length ? `${joinAnd(aspects)}有待进一步加强` : '绩效管理工作有待进一步加强';
    }
    case 'internal':
      return '内部管理制度的执行有待加强';
    case 'output': {
      const aspects = aspectsOf(t.rows, OUTPUT_ASPECTS);
      if (!shortRows.length) return '部分工作任务的完成质量仍有提升空间';
      return aspects.length ? `部分工作任务的${joinAnd(aspects)}未达到预期` : '部分工作任务未达到预期';
    }
    case 'effect':
      return '部分工作的效益有待进一步显现';
    case 'satisfaction':
      return '服务对象满意度有待进一步提升';
    default:
      return '相关工作有待进一步加强';
  }
}

/** The theme's problem in a few words: the sheet's own text when it has one. */
export function themeHeadline(t: Theme): string {
  if (t.sheetProblems.length) return t.sheetProblems.map(clause).join('；');
  return t.keys.map((k) => keyHeadline(k, t)).filter((s) => s).join('，');
}

/** “A”“B”未达到年度指标值，“C”达到年度指标值但有所扣分，主要受…影响. */
function rowsSentence(ctx: ReportContext, t: Theme): string {
  const short = t.rows.filter((r) => rowStanding(r) === 'short').map((r) => r.name);
  const deducted = t.rows.filter((r) => rowStanding(r) === 'deducted').map((r) => r.name);
  const parts: string[] = [];
  if (t.lowBudgetRate) parts.push(`部门整体支出预算完成率低于${formatRate(LOW_BUDGET_RATE)}`);
  if (short.length) parts.push(`${quotedList(short)}未达到年度指标值`);
  if (deducted.length) parts.push(`${quotedList(deducted)}达到年度指标值但按评分标准有所扣分`);
  const withCause = t.rows.filter((r) => causeOf(ctx, r));
  const causes = [...withCause.map((r) => causeOf(ctx, r)), t.lowBudgetRate ? budgetShortfallCause(ctx) : ''].filter((c) => c.length > 0);
  const cited = causeCitation(causes);
  // When only some of the rows gave a reason, say whose reason it is rather than lend it to all of them (naming the
  // fewer: 其中“A”… or 除“B”外…).
  const without = t.rows.filter((r) => !causeOf(ctx, r));
  const whose =
    !withCause.length || !without.length
      ? ''
      : withCause.length <= without.length
        ? `其中${quotedList(withCause.map((r) => r.name))}`
        : `除${quotedList(without.map((r) => r.name))}外，其余指标`;
  const said = whose ? cited.replace(/^主要原因是/, '扣分的主要原因是') : cited;
  return [...parts, `${whose}${said}`].filter((s) => s).join('，');
}

/** The whole budget's completion is low and no budget row lost points (that row would say it). */
function lowBudgetRate(ctx: ReportContext): boolean {
  const rate = ctx.budgetRate;
  if (rate === null || shownRate(rate) >= LOW_BUDGET_RATE) return false;
  const row = budgetIndicator(ctx);
  return !(row && row.lostPoints);
}

/** The draft's themes; the reference's two standing problems when nothing lost points and the sheet names none. */
export function draftThemes(ctx: ReportContext): Theme[] {
  const themes = buildThemes(ctx, (r) => causeOf(ctx, r), lowBudgetRate(ctx));
  if (themes.length) return themes;
  return DEFAULT_FINDINGS.map((d) => ({ keys: ['goals'], sheetProblems: [d.problem], sheetMeasures: [d.measure], rows: [], lowBudgetRate: false }));
}

/** One theme as an item of 三: its headline, then its rows and their reasons. */
export function problemItem(ctx: ReportContext, t: Theme): string {
  const rows = rowsSentence(ctx, t);
  return rows ? `${themeHeadline(t)}。${rows}` : themeHeadline(t);
}

export function problemParagraphs(ctx: ReportContext, themes: Theme[]): string[] {
  const allMet = lostRows(ctx).length === 0 && !ctx.pending;
  const lead = allMet ? '从全年的整体支出情况来看，各项绩效指标完成较好，但也存在不足：' : '从全年的整体支出情况来看，也存在不足：';
  return [`${lead}${enumerate(themes.map((t) => problemItem(ctx, t)), '。')}。`];
}
