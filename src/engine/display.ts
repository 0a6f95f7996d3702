/**
 * A cell as Excel shows it, for the texts the pane and the report quote: a number formatted as a percentage
 * reads 100%, not 1. Only the formats that matter here are handled; anything else shows the plain value.
 */
import type { CellValue } from './grid';
import { cellText } from './text';

export function displayText(v: CellValue, numberFormat: string): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return cellText(v);
  const f = numberFormat.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (f.includes('%')) {
    const m = /0\.(0+)%/.exec(f);
    const decimals = m ? m[1].length : 0;
    return `${(v * 100).toFixed(decimals)}%`;
  }
  const d = /0\.(0+)/.exec(f);
  if (d && !/[yMdhHs]/.test(f)) return v.toFixed(d[1].length);
  return String(v);
}
