/**
 * Formula cells next to what we write (spec §5: a formula is never overwritten). A formula that reads a cell we
 * write shows a stale value until the host recalculates: it is not "different from ours", it is not computed yet.
 * References are read from the formula text; one that cannot be read (a defined name, INDIRECT, OFFSET) counts as
 * depending on everything, so that no stale value is reported as a disagreement.
 */
import { parseA1, type CellRange } from './grid';

/** Functions whose references are computed at run time. */
const VOLATILE_REFERENCE = /\b(?:INDIRECT|OFFSET|INDEX)\s*\(/i;
/** An optional sheet prefix, then a cell, a cell range, a column range or a row range. */
const REFERENCE =
  /(^|[^A-Za-z0-9_.$\u4e00-\u9fff'!])((?:'((?:[^']|'')+)'|([A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*))!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![A-Za-z0-9_(!])/g;
/** Identifiers left once references, functions and booleans are taken out: defined names. */
const NAME = /(^|[^A-Za-z0-9_.$\u4e00-\u9fff])([A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*)(?![A-Za-z0-9_.(\u4e00-\u9fff!])/g;

export type FormulaReferences = { kind: 'known'; ranges: CellRange[] } | { kind: 'unknown' };

const LAST_ROW = 1048575;
const LAST_COL = 16383;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.replace(/\$/g, '').toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function rangeOf(ref: string): CellRange {
  const [p, q = p] = ref.split(':');
  if (/^\$?\d+$/.test(p)) {
    const a = Number(p.replace('$', '')) - 1, b = Number(q.replace('$', '')) - 1;
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: LAST_COL };
  }
  if (/^\$?[A-Za-z]+$/.test(p)) {
    const a = columnIndex(p), b = columnIndex(q);
    return { top: 0, bottom: LAST_ROW, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const a = parseA1(p), b = parseA1(q);
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

/** The ranges on `sheet` that a formula on that sheet reads ('=SUM(H14:H22)' → H14:H22). */
export function formulaReferences(formula: string, sheet: string): FormulaReferences {
  const body = formula.replace(/^=/, '').replace(/"(?:[^"]|"")*"/g, '""');
  if (VOLATILE_REFERENCE.test(body)) return { kind: 'unknown' };
  const ranges: CellRange[] = [];
  const rest = body.replace(REFERENCE, (_m, lead: string, _prefix: string, quoted?: string, plain?: string, ref?: string) => {
    const other = quoted !== undefined ? quoted.replace(/''/g, "'") : plain;
    if (ref && (other === undefined || other.toLowerCase() === sheet.toLowerCase())) ranges.push(rangeOf(ref));
    return `${lead} `;
  });
  NAME.lastIndex = 0;
  for (let m = NAME.exec(rest); m; m = NAME.exec(rest)) {
    if (!/^(TRUE|FALSE)$/i.test(m[2])) return { kind: 'unknown' };
  }
  return { kind: 'known', ranges };
}

/** True when the formula may read one of the cells (0-based) we are about to write. */
export function readsAny(formula: string, sheet: string, cells: { row: number; col: number }[]): boolean {
  if (!cells.length) return false;
  const refs = formulaReferences(formula, sheet);
  if (refs.kind === 'unknown') return true;
  return refs.ranges.some((r) => cells.some((c) => c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right));
}
