/**
 * The level-1 groups of the indicator table, sorted into the two analyses of the report:
 * 二（二）履职效能分析 and 二（三）管理效率分析. Guangdong sheets use exactly these names; other sheets
 * (产出/效益/满意度, 投入/过程) are sorted by what their names mean.
 */
import type { IndicatorResult, Results } from '../types';

export type GroupKind = 'performance' | 'management';

export interface IndicatorGroup {
  level1: string;
  /** level1 without its weight note: 履职效能（50分） → 履职效能. */
  label: string;
  kind: GroupKind;
  weight: number;
  score: number;
  indicators: IndicatorResult[];
}

const MANAGEMENT_WORDS = ['管理效率', '投入', '过程', '管理', '预算执行'];
const PERFORMANCE_WORDS = ['履职效能', '产出', '效益', '效果', '满意度', '履职'];

/** Drops a weight written in the name: 履职效能（50分） → 履职效能. */
export function groupLabel(level1: string): string {
  return level1
    .replace(/[（(]\s*[\d.]+\s*分?\s*[）)]/g, '')
    .replace(/\s+/g, '')
    .trim();
}

export function groupKind(level1: string): GroupKind {
  if (level1.includes('管理效率')) return 'management';
  if (level1.includes('履职效能')) return 'performance';
  if (PERFORMANCE_WORDS.some((w) => level1.includes(w))) return 'performance';
  if (MANAGEMENT_WORDS.some((w) => level1.includes(w))) return 'management';
  return 'performance';
}

function sum(xs: (number | null)[]): number {
  return xs.reduce<number>((s, x) => s + (x ?? 0), 0);
}

/** Groups in table order, with the subtotal the results computed (or the sum of the rows when absent). */
export function indicatorGroups(results: Results): IndicatorGroup[] {
  const order: string[] = [];
  for (const ind of results.indicators) if (!order.includes(ind.level1)) order.push(ind.level1);
  return order.map((level1) => {
    const indicators = results.indicators.filter((i) => i.level1 === level1);
    const label = groupLabel(level1);
    const subtotal = results.groups.find((g) => !g.level2 && (g.level1 === level1 || groupLabel(g.level1) === label));
    return {
      level1,
      label: label || '其他',
      kind: groupKind(level1),
      weight: subtotal ? subtotal.weight : sum(indicators.map((i) => i.weight)),
      score: subtotal ? subtotal.score : sum(indicators.map((i) => i.score)),
      indicators,
    };
  });
}

/** 履职效能 → 履职效能指标; 产出指标 stays 产出指标. */
export function groupTitle(g: IndicatorGroup): string {
  return g.label.endsWith('指标') ? g.label : `${g.label}指标`;
}

/** Level-2 names in order of appearance (the row's name stands in when level-2 is empty). */
export function level2Names(indicators: IndicatorResult[]): string[] {
  return [...byLevel2(indicators).keys()];
}

/** Rows by level-2 area (or the row's own name where it has none), in order of first appearance. */
export function byLevel2(indicators: IndicatorResult[]): Map<string, IndicatorResult[]> {
  const areas = new Map<string, IndicatorResult[]>();
  for (const i of indicators) {
    const n = i.level2 || i.name;
    if (!n) continue;
    const list = areas.get(n);
    if (list) list.push(i);
    else areas.set(n, [i]);
  }
  return areas;
}
