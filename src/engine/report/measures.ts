/**
 * 四、下一步改进措施: one measure per theme of 三, in the same order, answering it: the sheet's own 改进措施 for the
 * theme first, then the measures written in the rows' reason cells, then (only when neither exists) the theme's
 * standing measure; then a measure for each factor the rows' reasons name. No clause is used twice in the draft.
 */
import type { ReportContext } from './context';
import { budgetShortfallCause, causeOf } from './context';
import { clause, enumerate, placeholder } from './format';
import { splitReason } from './indicatorText';
import { sameTopic } from './items';
import { factorMeasures } from './reasons';
import { rowTheme, type Theme, type ThemeKey } from './themes';
import { OUTPUT_ASPECTS, aspectsOf, themeHeadline } from './problems';

const GOAL_MEASURES: [RegExp, string][] = [
  [/合理|明确|设置|设定|指标质量|目标质量/, '科学设置绩效目标和指标，做到目标明确、指标细化、可衡量可考核'],
  [/目标完成|完成率/, '加强绩效目标执行的过程管理，对照年度指标值逐项推进，确保绩效目标如期实现'],
  [/监控/, '加强绩效运行全程监控，及时发现和纠正绩效目标执行中的偏差'],
  [/评价|自评/, '规范开展绩效自评和绩效评价，提高评价结果的客观性和准确性'],
  [/应用/, '强化绩效评价结果应用，将评价结果作为改进管理和安排预算的重要依据'],
  [/制度/, '健全绩效管理制度，明确职责分工和工作流程'],
];

const OUTPUT_MEASURES: Record<string, string> = {
  数量: '对照年度工作计划分解任务数量，按月跟踪完成进度',
  质量: '加强工作过程质量管理，提高工作完成质量',
  时效: '建立任务台账和办理时限提醒机制，确保各项任务按期完成',
  成本: '加强成本控制，严格执行开支标准',
};

/** The standing measure of a theme (its part for each aspect its rows touch). */
function standingMeasures(key: ThemeKey, t: Theme): string[] {
  switch (key) {
    case 'progress':
      return ['进一步加强预算执行管理，按月跟踪分析支出进度，对可能影响预算执行的因素及时研究解决，确保资金按计划支出'];
    case 'budget':
      return ['进一步提高预算编制的科学性和准确性，结合年度工作计划科学细化预算支出项目，减少年中预算调整'];
    case 'goals': {
      const found = GOAL_MEASURES.filter(([re]) => t.rows.some((r) => re.test(`${r.level2}${r.name}`))).map(([, m]) => m);
      return found.length ? found : ['进一步加强全过程预算绩效管理，提高绩效管理水平'];
    }
    case 'internal':
      return ['进一步健全内部管理制度，规范工作流程，确保制度有效执行'];
    case 'output': {
      const found = aspectsOf(t.rows, OUTPUT_ASPECTS).map((a) => OUTPUT_MEASURES[a]);
      return found.length ? found : ['对照年度指标值细化工作任务，加强跟踪督办，确保各项工作任务按计划完成'];
    }
    case 'effect':
      return ['加强工作成效跟踪评估，及时总结推广有效做法，推动履职效果持续提升'];
    case 'satisfaction':
      return ['主动听取服务对象的意见和建议，改进工作方式，提升服务质量和满意度'];
    default:
      return ['认真分析问题成因，制定整改措施，明确责任分工并跟踪落实'];
  }
}

/** Compared without punctuation, so that the same clause written twice is caught. */
function norm(s: string): string {
  return s.replace(/[\s，。；、：:,.;“”"'（）()]/g, '');
}

/** At most this many standard clauses (standing and factor measures) in one theme's measure. */
const MAX_STANDARD = 6;

/**
 * A theme's measure clauses, before the draft-wide check for repeats: the user's own (the sheet's 改进措施, the
 * measures written in the reason cells) first; then the standing measure of each kind of the theme for the rows
 * without a measure of their own, the measures answering the factors the rows' reasons name, and the standing
 * measures of the other aspects of those rows; the theme's standing measure when there is nothing else.
 */
function measureParts(ctx: ReportContext, t: Theme): string[] {
  const own: string[] = [];
  const standard: string[] = [];
  // A measure is dropped when one of the user's says the same thing (the same topic), or when it repeats a
  // standard one word for word (standard measures share words without saying the same).
  const add = (list: string[], m: string) => {
    const c = clause(m);
    if (c && !own.some((p) => sameTopic(p, c)) && !standard.some((p) => norm(p) === norm(c))) list.push(c);
  };
  t.sheetMeasures.forEach((m) => add(own, m));
  for (const r of t.rows) add(own, splitReason(r.reason).measure);
  const bare = t.rows.filter((r) => !splitReason(r.reason).measure);
  const standing = t.keys.map((k) => standingMeasures(k, { ...t, rows: bare.filter((r) => rowTheme(r) === k) }));
  if (bare.length) standing.forEach((ms) => add(standard, ms[0]));
  const causes = [...t.rows.map((r) => causeOf(ctx, r)), t.lowBudgetRate ? budgetShortfallCause(ctx) : ''].filter((c) => c);
  factorMeasures(causes).forEach((m) => add(standard, m));
  if (bare.length) standing.forEach((ms) => ms.slice(1).forEach((m) => add(standard, m)));
  if (!own.length && !standard.length) t.keys.flatMap((k) => standingMeasures(k, t)).forEach((m) => add(standard, m));
  return [...own, ...standard.slice(0, MAX_STANDARD)];
}

/** One measure per theme, in the themes' order; a clause already used elsewhere in the draft is not repeated. */
export function themeMeasures(ctx: ReportContext, themes: Theme[], used: Set<string>): string[] {
  return themes.map((t) => {
    const fresh = measureParts(ctx, t).filter((p) => !used.has(norm(p)));
    const parts = fresh.length ? fresh : [`针对${themeHeadline(t)}的问题，认真分析原因，制定整改措施并跟踪落实`];
    parts.forEach((p) => used.add(norm(p)));
    const owners = ctx.options.measureOwners ? placeholder('责任科室、完成时限') : '';
    return `${parts.join('；')}${owners}`;
  });
}

export function measureParagraphs(ctx: ReportContext, themes: Theme[], used: Set<string> = new Set()): string[] {
  const items = themeMeasures(ctx, themes, used);
  return [`针对上述存在问题，结合部门整体支出绩效管理工作实际，下一步改进措施主要是：${enumerate(items, '。')}。`];
}
