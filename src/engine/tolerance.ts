/** How close two figures must be to count as the same, named once (each figure is shown to 2 decimals). */

/** Scores are shown to 2 decimals: closer than half a hundredth of a point is the same score. */
export const SCORE_TOLERANCE = 0.005;
/** Rates (fractions) are shown as 0.00%: closer than half a hundredth of a percent is the same rate. */
export const RATE_TOLERANCE = 0.00005;
/** Percentage points, shown to 2 decimals (96.85%). */
export const PERCENT_POINT_TOLERANCE = 0.005;
/** Money amounts are shown to 2 decimals (万元 or 元). */
export const AMOUNT_TOLERANCE = 0.005;
/** Weights are entered by hand as whole or decimal points: anything closer is rounding noise of sums. */
export const WEIGHT_TOLERANCE = 1e-6;
