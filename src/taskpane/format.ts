/** Number display in the pane; scores arrive already rounded by the engine (half-up, 2 decimals). */
import { percentText, roundHalfUp } from '../engine';

export function fmtScore(x: number | null | undefined): string {
  return typeof x === 'number' && Number.isFinite(x) ? roundHalfUp(x, 2).toFixed(2) : '—';
}

/** 1 → 100.00% ; null → — */
export function fmtRate(x: number | null | undefined): string {
  return typeof x === 'number' && Number.isFinite(x) ? percentText(x) : '—';
}

/** Weights as written in the sheet: 10, 2.5. */
export function fmtNumber(x: number | null | undefined): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  return String(roundHalfUp(x, 2));
}

/** Fraction → percent text for form fields: 0.7 → "70". */
export function toPercentField(x: number): string {
  return String(roundHalfUp(x * 100, 2));
}

/** "70" or "70%" → 0.7; null when not a number. */
export function fromPercentField(text: string): number | null {
  const t = text.trim().replace(/[％%]$/, '').trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n / 100 : null;
}
