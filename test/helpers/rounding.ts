/**
 * The rounding setting (spec §4, issue 10 point 5), named in ONE place for every test: half-up to 2 decimals
 * (default), truncated to 2 decimals, or whole points. If the engine names it differently, change it here only.
 */
import { validateSettings, type Settings } from '../../src/engine/settings';

export const ROUNDING_SETTING = 'rounding';
export const ROUNDING_MODES = ['halfUp2', 'truncate2', 'whole'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];
/** The default mode (spec §4: "half-up to 2 decimals (default)"). */
export const DEFAULT_ROUNDING: RoundingMode = 'halfUp2';

/** The settings JSON a user gives (`--settings` file, the pane's stored settings): only the rounding changed. */
export function roundingJson(mode: RoundingMode): Record<string, unknown> {
  return { [ROUNDING_SETTING]: mode };
}

/**
 * Validated settings with the rounding mode, as the doors build them. The mode is put back after validation so
 * that an engine which drops an unknown field still receives it (the test then fails on the figures, not here).
 */
export function roundingSettings(mode: RoundingMode): Settings {
  const { settings } = validateSettings(roundingJson(mode));
  return { ...settings, [ROUNDING_SETTING]: mode } as Settings;
}

/** The rounding mode a validated settings object carries (undefined when the engine dropped it). */
export function roundingOf(settings: Settings): unknown {
  return (settings as unknown as Record<string, unknown>)[ROUNDING_SETTING];
}
