/**
 * 三、存在的主要问题 as themes a finance bureau recognises, not as a list of rows: the rows that lost points are
 * grouped by what they are about (from the row's name, then its level-2, then its level-1 indicator), the sheet's
 * own 存在问题 items lead, and row themes are merged within their family until there are at most four.
 */
import type { IndicatorResult } from '../types';
import type { ReportContext } from './context';
import { lostRows } from './context';
import { sameTopic, splitItems } from './items';

export type ThemeKey = 'budget' | 'progress' | 'goals' | 'internal' | 'output' | 'effect' | 'satisfaction' | 'general';

type Family = 'money' | 'management' | 'results';

interface ThemeSpec {
  key: ThemeKey;
  family: Family;
  /** Words of a row's name (or level-2, level-1) or of a sheet item that put it in the theme. */
  words: RegExp;
}

/** In the order a text is tested: the first theme whose words match wins. */
const SPECS: ThemeSpec[] = [
  { key: 'satisfaction', family: 'results', words: /满意/ },
  { key: 'progress', family: 'money', words: /支出进度|执行进度|序时|预算完成率|预算执行率|执行率|资金支付|支付进度|资金使用/ },
  { key: 'budget', family: 'money', words: /预算编制|预算调整|调整率|结转|结余|预算准确|预决算|编制.*预算|预算.*精细|测算/ },
  { key: 'goals', family: 'management', words: /绩效目标|绩效指标|指标设定|目标设定|目标合理|指标明确|监控|绩效评价|评价开展|自评|结果应用|绩效管理/ },
  { key: 'internal', family: 'management', words: /制度|资产|采购管理|信息公开|财务管理|内控|内部控制|档案|合规|规范/ },
  { key: 'effect', family: 'results', words: /效益|效果|影响|可持续|长效/ },
  { key: 'output', family: 'results', words: /产出|数量|质量|时效|成本|履职|完成率|次数|人次|场次|件数|覆盖|办结|办复|按期|及时|召开|任务/ },
];

const FAMILY: Record<ThemeKey, Family> = {
  satisfaction: 'results',
  progress: 'money',
  budget: 'money',
  goals: 'management',
  internal: 'management',
  effect: 'results',
  output: 'results',
  general: 'management',
};

export const MAX_THEMES = 4;

export interface Theme {
  /** What the theme is about (several after a merge), first the one that names it. */
  keys: ThemeKey[];
  /** The sheet's own 存在问题 items that lead this theme. */
  sheetProblems: string[];
  /** The sheet's own 改进措施 items that answer it. */
  sheetMeasures: string[];
  /** Rows that lost points, in table order. */
  rows: IndicatorResult[];
  /** The whole budget's completion rate is low and no budget row says so. */
  lowBudgetRate: boolean;
}

function classify(text: string): ThemeKey | null {
  const t = text.replace(/\s+/g, '');
  return SPECS.find((s) => s.words.test(t))?.key ?? null;
}

/** A row's theme: by its name, else its level-2, else its level-1 indicator. */
export function rowTheme(ind: IndicatorResult): ThemeKey {
  return classify(ind.name) ?? classify(ind.level2) ?? classify(ind.level1) ?? 'output';
}

/** A sheet item's theme (存在问题 or 改进措施 text). */
export function textTheme(text: string): ThemeKey {
  return classify(text) ?? 'general';
}

function newTheme(key: ThemeKey): Theme {
  return { keys: [key], sheetProblems: [], sheetMeasures: [], rows: [], lowBudgetRate: false };
}

function lostPoints(t: Theme): number {
  return t.rows.reduce((s, r) => s + Math.max(0, (r.weight ?? 0) - (r.score ?? 0)), 0);
}

/** The sheet row of a theme's first row (themes with no rows last): ties are broken by table order, so that the
 * order never depends on how stable the engine's sort is (Internet Explorer's is not). */
function firstRow(t: Theme): number {
  return t.rows.length ? t.rows[0].row : 1e9;
}

/** Most points lost first; then the low budget rate; then table order. */
function byWeight(a: Theme, b: Theme): number {
  return lostPoints(b) - lostPoints(a) || Number(b.lowBudgetRate) - Number(a.lowBudgetRate) || firstRow(a) - firstRow(b);
}

/** The sheet's problems, each its own theme, with the sheet's measures: by position when they pair, else by topic. */
function sheetThemes(ctx: ReportContext): { themes: Theme[]; spare: string[] } {
  const problems = splitItems(ctx.table.footer.problems);
  const measures = splitItems(ctx.table.footer.measures);
  const themes = problems.map((p) => ({ ...newTheme(textTheme(p)), sheetProblems: [p] }));
  if (problems.length === measures.length) {
    measures.forEach((m, i) => themes[i].sheetMeasures.push(m));
    return { themes, spare: [] };
  }
  const spare: string[] = [];
  for (const m of measures) {
    const key = textTheme(m);
    const home = themes.find((t) => !t.sheetMeasures.length && sameTopic(t.sheetProblems[0], m)) ?? themes.find((t) => t.keys[0] === key);
    if (home) home.sheetMeasures.push(m);
    else spare.push(m);
  }
  return { themes, spare };
}

/** The theme a row joins: a sheet theme of the same kind that speaks of it, else of the same kind, else its own. */
function homeOf(row: IndicatorResult, key: ThemeKey, sheet: Theme[], own: Theme[], cause: string): Theme {
  const same = sheet.filter((t) => t.keys.includes(key));
  const topic = `${row.name}，${cause}`;
  const found = same.find((t) => t.sheetProblems.some((p) => sameTopic(topic, p))) ?? same[0] ?? own.find((t) => t.keys.includes(key));
  if (found) return found;
  const t = newTheme(key);
  own.push(t);
  return t;
}

/** Merges row themes of one family (the two that lost fewest points) until at most `max` themes remain. */
function mergeWithinFamilies(sheet: Theme[], own: Theme[], max: number): Theme[] {
  const out = [...own];
  while (sheet.length + out.length > max) {
    const byFamily = new Map<Family, Theme[]>();
    for (const t of out) byFamily.set(FAMILY[t.keys[0]], [...(byFamily.get(FAMILY[t.keys[0]]) ?? []), t]);
    const candidates = [...byFamily.values()].filter((ts) => ts.length > 1);
    if (!candidates.length) break;
    const pair = candidates
      .map((ts) => [...ts].sort((a, b) => byWeight(b, a)).slice(0, 2))
      .sort((a, b) => lostPoints(a[0]) + lostPoints(a[1]) - (lostPoints(b[0]) + lostPoints(b[1])) || firstRow(a[0]) - firstRow(b[0]))[0];
    const [small, other] = pair;
    const keep = out.indexOf(other) < out.indexOf(small) ? other : small;
    const drop = keep === small ? other : small;
    keep.keys.push(...drop.keys.filter((k) => !keep.keys.includes(k)));
    keep.rows = [...keep.rows, ...drop.rows].sort((a, b) => a.row - b.row);
    keep.lowBudgetRate ||= drop.lowBudgetRate;
    out.splice(out.indexOf(drop), 1);
  }
  return out;
}

/**
 * The themes of the draft: the sheet's own problems first (in its order), then the row themes, the one that lost
 * most points first. `causeOf` gives a row's reason (for matching it to a sheet problem); `lowBudgetRate` adds the
 * whole budget's low completion to the spending theme. Empty when nothing lost points and the sheet names none.
 */
export function buildThemes(ctx: ReportContext, causeOf: (r: IndicatorResult) => string, lowBudgetRate: boolean): Theme[] {
  const { themes: sheet, spare } = sheetThemes(ctx);
  const own: Theme[] = [];
  for (const row of lostRows(ctx)) {
    const key = rowTheme(row);
    homeOf(row, key, sheet, own, causeOf(row)).rows.push(row);
  }
  if (lowBudgetRate) {
    const home = sheet.find((t) => t.keys.includes('progress')) ?? own.find((t) => t.keys.includes('progress'));
    if (home) home.lowBudgetRate = true;
    else own.push({ ...newTheme('progress'), lowBudgetRate: true });
  }
  const merged = mergeWithinFamilies(sheet, own, MAX_THEMES).sort(byWeight);
  const all = [...sheet, ...merged];
  // A sheet measure no problem speaks of goes to the theme of its kind, else of its family, else the last.
  for (const m of spare) {
    const key = textTheme(m);
    const home = all.find((t) => t.keys.includes(key)) ?? all.find((t) => t.keys.some((k) => FAMILY[k] === FAMILY[key])) ?? all[all.length - 1];
    home?.sheetMeasures.push(m);
  }
  return all;
}

/** When nothing lost points and the sheet names no problem: the reference's own two standing problems. */
export const DEFAULT_FINDINGS: { problem: string; measure: string }[] = [
  {
    problem: '编制部门预算时，绩效目标、指标设定的精细化程度仍有待提高',
    measure: '进一步提高预算编制的科学性。全面准确了解单位工作职能和部门年度工作计划，科学细化预算支出项目和绩效指标',
  },
  {
    problem: '绩效运行监控工作还有待进一步加强',
    measure: '进一步加强绩效运行全程监控。对可能影响预算执行和绩效目标实现的因素，及时研究解决，进一步提升经费使用效率',
  },
];
