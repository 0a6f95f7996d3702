/**
 * The scoring rules of spec §4, as pure functions of weight, target and actual. Results are unrounded;
 * the caller rounds each indicator score half-up to 2 decimals.
 */
import type { Comparator, TierKey } from './types';
import type { Settings } from './settings';
import { ROUNDING_NUDGE } from './tolerance';

/** 正向 (≥, ＞, no sign): actual ≥ target → full; otherwise weight × actual / target. */
export function scorePositive(weight: number, target: number, actual: number): number {
  if (actual >= target) return weight;
  if (target <= 0) return 0;
  return Math.max(0, (weight * actual) / target);
}

/**
 * 反向 (≤, ＜): actual ≤ target → full; target < actual < 2 × target → weight × (1 − (actual − target) / target);
 * actual ≥ 2 × target → 0. A target of 0: actual ≤ 0 → full, else 0.
 */
export function scoreNegative(weight: number, target: number, actual: number): number {
  if (target <= 0) return actual <= target ? weight : 0;
  if (actual <= target) return weight;
  if (actual >= 2 * target) return 0;
  return weight * (1 - (actual - target) / target);
}

/** 等于 (=): as 正向 when target > 0; target 0 (or below): exactly equal → full, else 0. */
export function scoreEqual(weight: number, target: number, actual: number): number {
  if (target > 0) return scorePositive(weight, target, actual);
  return actual === target ? weight : 0;
}

export function scoreByComparator(comparator: Comparator, weight: number, target: number, actual: number): number {
  switch (comparator) {
    case '>=':
    case '>':
      return scorePositive(weight, target, actual);
    case '<=':
    case '<':
      return scoreNegative(weight, target, actual);
    case '=':
      return scoreEqual(weight, target, actual);
  }
}

export function methodOf(comparator: Comparator): '正向' | '反向' | '等于' {
  return comparator === '<=' || comparator === '<' ? '反向' : comparator === '=' ? '等于' : '正向';
}

/** Budget item: linear 分值 × min(rate, 100%), or the bands setting. */
export function scoreBudget(weight: number, rate: number, settings: Settings): number {
  if (settings.budgetRule === 'linear') return weight * Math.max(0, Math.min(rate, 1));
  const bands = [...settings.budgetBands].sort((a, b) => b.min - a.min);
  for (const b of bands) if (rate >= b.min - ROUNDING_NUDGE) return weight * b.ratio;
  return 0;
}

/** The band of a qualitative tier, in points. */
export function tierBand(weight: number, tier: TierKey, settings: Settings): [number, number] {
  const t = settings.tiers.find((x) => x.key === tier)!;
  return [weight * t.band[0], weight * t.band[1]];
}

/** Default score inside a tier's band. */
export function scoreQualitative(weight: number, tier: TierKey, settings: Settings): number {
  const t = settings.tiers.find((x) => x.key === tier)!;
  return weight * t.default;
}

/**
 * Whether a typed score lies in the tier's band. Bands are [low, high) except the top one, which includes
 * its high end; scores are compared at 2 decimals.
 */
export function inTierBand(score: number, weight: number, tier: TierKey, settings: Settings): boolean {
  const [lo, hi] = tierBand(weight, tier, settings);
  const top = settings.tiers[0].key === tier;
  const s = Math.round(score * 100), l = Math.round(lo * 100), h = Math.round(hi * 100);
  return s >= l && (top ? s <= h : s < h);
}
