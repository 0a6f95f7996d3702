/** Rounding half-up to 2 decimals (spec §4), robust to binary fractions such as 1.005. */
export function roundHalfUp(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.pow(10, digits);
  const y = Math.abs(x) * f;
  // So large that it has no decimals to round (and scaling it would overflow to Infinity).
  if (!Number.isFinite(y * (1 + 1e-12))) return x;
  // 1.005 * 100 = 100.49999999999999: nudge by a relative epsilon before rounding.
  const r = Math.floor(y * (1 + 1e-12) + 0.5) / f;
  return x < 0 ? -r : r;
}

/** How each indicator score is rounded (spec §4): the setting's values, one place. */
export type RoundingRule = 'halfUp2' | 'truncate2' | 'whole';

export const ROUNDING_RULES: Record<RoundingRule, string> = {
  halfUp2: '四舍五入保留两位小数',
  truncate2: '截尾保留两位小数',
  whole: '四舍五入取整数分',
};

/**
 * An indicator score as the setting rounds it: half-up to 2 decimals (9.4737 → 9.47), truncated to 2 decimals
 * (9.68517 → 9.68) or whole points (8.6 → 9). Subtotals and the total are sums of these.
 */
export function roundScore(x: number, rule: RoundingRule): number {
  if (rule === 'whole') return roundHalfUp(x, 0);
  if (rule === 'truncate2') {
    if (!Number.isFinite(x)) return x;
    // 9.68 * 100 = 967.9999999999999: nudge by a relative epsilon before cutting, as roundHalfUp does.
    const y = Math.floor(Math.abs(x) * 100 * (1 + 1e-12)) / 100;
    return x < 0 ? -y : y;
  }
  return roundHalfUp(x, 2);
}

/** Sum of already rounded scores, kept exact to 2 decimals. */
export function sum2(xs: number[]): number {
  return Math.round(xs.reduce((a, b) => a + Math.round(b * 100), 0)) / 100;
}

/** 100.00% style: a fraction shown as a percentage with 2 decimals. */
export function percentText(fraction: number): string {
  return `${roundHalfUp(fraction * 100, 2).toFixed(2)}%`;
}
