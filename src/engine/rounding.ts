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

/** Sum of already rounded scores, kept exact to 2 decimals. */
export function sum2(xs: number[]): number {
  return Math.round(xs.reduce((a, b) => a + Math.round(b * 100), 0)) / 100;
}

/** 100.00% style: a fraction shown as a percentage with 2 decimals. */
export function percentText(fraction: number): string {
  return `${roundHalfUp(fraction * 100, 2).toFixed(2)}%`;
}
