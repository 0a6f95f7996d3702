/**
 * Which qualitative tier an actual's words select (spec §4 定性): full tier names first; otherwise, when words
 * of several tiers appear, the lower tier wins (部分达成 is 部分, 未达到 is 未, 基本完成 is 部分).
 */
import type { Settings } from './settings';
import type { TierKey } from './types';
import { toHalfWidth } from './text';

/** Words compared for "the actual repeats the target": half-width, no spaces or punctuation. */
function bare(text: string): string {
  return toHalfWidth(text).replace(/[\s,.;:!?，。；：！？、"'“”‘’()（）]+/g, '');
}

/**
 * The tier an actual selects. An actual that repeats the target's words (显著提升 for the target 显著提升, or
 * 未发生安全事故 for 未发生安全事故) says the target was met (§3), whatever words it holds.
 */
export function selectTier(text: string, settings: Settings, target = ''): TierKey | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  if (!t) return null;
  if (target && bare(text) === bare(target) && bare(text)) return settings.tiers[0].key;
  const tiers = settings.tiers; // highest first
  let byName: TierKey | null = null;
  for (const tier of tiers) if (tier.name && t.includes(tier.name.replace(/\s+/g, ''))) byName = tier.key;
  if (byName) return byName;
  let byWord: TierKey | null = null;
  for (const tier of tiers) if (tier.words.some((w) => w && t.includes(w))) byWord = tier.key;
  return byWord;
}

export function tierName(key: TierKey, settings: Settings): string {
  return settings.tiers.find((x) => x.key === key)?.name ?? key;
}
