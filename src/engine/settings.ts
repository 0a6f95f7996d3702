/**
 * Scoring settings (spec §4). One serialisable object; every result carries the settings it used.
 * The defaults are the usual national practice.
 */
import { ROUNDING_RULES, type RoundingRule } from './rounding';

export type TierKey = 'met' | 'partial' | 'unmet';

export interface TierSetting {
  key: TierKey;
  /** Full tier name, matched before single words. */
  name: string;
  words: string[];
  /** Band as fractions of the weight, [low, high]. */
  band: [number, number];
  /** Default fraction inside the band. */
  default: number;
}

export interface Settings {
  version: 1;
  /** 'linear': 分值 × min(rate, 100%); 'bands': 100% → full, [80,100) → 70%, [60,80) → 50%, < 60% → 0. */
  budgetRule: 'linear' | 'bands';
  /** Used when budgetRule is 'bands': from the highest threshold down, the first with rate ≥ min gives ratio. */
  budgetBands: { min: number; ratio: number }[];
  /** Ordered from the highest tier to the lowest. */
  tiers: TierSetting[];
  /** From the highest grade down: total ≥ min gives the grade. */
  grades: { grade: string; min: number }[];
  /** An actual ≥ this multiple of its target is flagged (1.3 = 130 %). */
  overAchievement: number;
  /** What the weights should add up to. */
  weightTotal: number;
  /** How each indicator score is rounded; subtotals and the total are sums of the rounded scores. */
  rounding: RoundingRule;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: 1,
  budgetRule: 'linear',
  budgetBands: [
    { min: 1, ratio: 1 },
    { min: 0.8, ratio: 0.7 },
    { min: 0.6, ratio: 0.5 },
    { min: 0, ratio: 0 },
  ],
  tiers: [
    {
      key: 'met',
      name: '达成年度指标',
      words: ['达成', '达到', '完成', '实现', '符合', '是', '好', '优', '明显', '有效', '健全', '合理', '明确', '按时', '按要求', '已'],
      band: [0.8, 1],
      default: 1,
    },
    {
      key: 'partial',
      name: '部分达成年度指标并具有一定效果',
      words: ['部分', '基本', '较好', '一般', '有所', '大部分', '初步'],
      band: [0.6, 0.8],
      default: 0.7,
    },
    {
      key: 'unmet',
      name: '未达成年度指标且效果较差',
      words: ['未', '没有', '差', '否', '无', '不足', '不到位', '不明显', '滞后'],
      band: [0, 0.6],
      default: 0.3,
    },
  ],
  grades: [
    { grade: '优', min: 90 },
    { grade: '良', min: 80 },
    { grade: '中', min: 60 },
    { grade: '差', min: 0 },
  ],
  overAchievement: 1.3,
  weightTotal: 100,
  rounding: 'halfUp2',
}) as Settings;

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function isFraction(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;
}

/**
 * Validates settings from JSON (a file, the workbook, the pane). Unknown or invalid fields fall back to the
 * default, and each problem is reported in Chinese; the result is always usable.
 */
export function validateSettings(input: unknown): { settings: Settings; errors: string[] } {
  const s = clone(DEFAULT_SETTINGS);
  const errors: string[] = [];
  if (input === undefined || input === null) return { settings: s, errors };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { settings: s, errors: ['设置应为一个对象，已采用默认设置。'] };
  }
  const o = input as Record<string, unknown>;
  if (o.budgetRule !== undefined) {
    if (o.budgetRule === 'linear' || o.budgetRule === 'bands') s.budgetRule = o.budgetRule;
    else errors.push('预算完成率计分方式（budgetRule）应为 linear 或 bands，已采用默认值 linear。');
  }
  if (o.budgetBands !== undefined) {
    const b = o.budgetBands;
    if (Array.isArray(b) && b.length > 0 && b.every((x) => x && isFraction(x.min) && isFraction(x.ratio))) {
      s.budgetBands = (b as { min: number; ratio: number }[])
        .map((x) => ({ min: x.min, ratio: x.ratio }))
        .sort((p, q) => q.min - p.min);
    } else errors.push('预算完成率分档（budgetBands）格式不正确，每档应有 0 至 1 之间的 min 和 ratio，已采用默认分档。');
  }
  if (o.tiers !== undefined) {
    const t = o.tiers;
    const ok =
      Array.isArray(t) &&
      t.length === 3 &&
      t.every(
        (x, i) =>
          x &&
          x.key === DEFAULT_SETTINGS.tiers[i].key &&
          typeof x.name === 'string' &&
          Array.isArray(x.words) &&
          x.words.every((w: unknown) => typeof w === 'string' && w.length > 0) &&
          Array.isArray(x.band) &&
          x.band.length === 2 &&
          isFraction(x.band[0]) &&
          isFraction(x.band[1]) &&
          x.band[0] <= x.band[1] &&
          isFraction(x.default) &&
          x.default >= x.band[0] &&
          x.default <= x.band[1],
      );
    if (ok) s.tiers = clone(t as TierSetting[]);
    else errors.push('定性指标分档（tiers）格式不正确：应依次为 met、partial、unmet 三档，默认比例须在各档区间内，已采用默认分档。');
  }
  if (o.grades !== undefined) {
    const g = o.grades;
    if (
      Array.isArray(g) &&
      g.length > 0 &&
      g.every((x) => x && typeof x.grade === 'string' && x.grade && typeof x.min === 'number' && Number.isFinite(x.min))
    ) {
      s.grades = (g as { grade: string; min: number }[]).map((x) => ({ grade: x.grade, min: x.min })).sort((p, q) => q.min - p.min);
    } else errors.push('等级划分（grades）格式不正确，已采用默认等级（优 90、良 80、中 60、差）。');
  }
  if (o.overAchievement !== undefined) {
    if (typeof o.overAchievement === 'number' && o.overAchievement > 1 && Number.isFinite(o.overAchievement)) {
      s.overAchievement = o.overAchievement;
    } else errors.push('超额完成提示阈值（overAchievement）应为大于 1 的数，如 1.3，已采用默认值 1.3。');
  }
  if (o.weightTotal !== undefined) {
    if (typeof o.weightTotal === 'number' && o.weightTotal > 0 && Number.isFinite(o.weightTotal)) s.weightTotal = o.weightTotal;
    else errors.push('分值合计（weightTotal）应为正数，已采用默认值 100。');
  }
  if (o.rounding !== undefined) {
    if (typeof o.rounding === 'string' && Object.prototype.hasOwnProperty.call(ROUNDING_RULES, o.rounding)) s.rounding = o.rounding as RoundingRule;
    else errors.push('得分取舍方式（rounding）应为 halfUp2（四舍五入保留两位小数）、truncate2（截尾保留两位小数）或 whole（四舍五入取整数分），已采用默认值 halfUp2。');
  }
  return { settings: s, errors };
}

/** The settings a calculation used, in one Chinese line, for the pane and the command line to show with the results. */
export function describeSettings(settings: Settings): string {
  const grades = settings.grades
    .filter((g) => g.min > 0)
    .map((g) => `${g.grade} ≥${g.min}`)
    .join('、');
  const rule = settings.budgetRule === 'bands' ? '分档计分' : '按比例计分';
  const over = `${Math.round(settings.overAchievement * 1000) / 10}%`;
  return `计分设置：预算完成率${rule}；每项得分${ROUNDING_RULES[settings.rounding]}；等级 ${grades}；实际值达到目标值 ${over} 及以上时提示超额。`;
}
