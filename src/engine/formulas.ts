/**
 * Formula cells next to what we write (spec §5: a formula is never overwritten). A formula that reads a cell we
 * write shows a stale value until the host recalculates: it is not "different from ours", it is not computed yet.
 * References come from formulaRefs.ts; one that cannot be read (a defined name, a table, INDIRECT, OFFSET) counts as
 * reading everything, so that no stale value is reported as a disagreement and no recalculation is forgotten.
 */
import { a1, parseA1, type SheetGrid } from './grid';
import { formulaRefs } from './formulaRefs';

/** True when a formula on `formulaSheet` may read one of the cells (0-based) we write on `targetSheet`. */
export function readsAny(formula: string, formulaSheet: string, targetSheet: string, cells: { row: number; col: number }[]): boolean {
  if (!cells.length) return false;
  const { refs, unknown } = formulaRefs(formula);
  if (unknown) return true;
  const target = targetSheet.toLowerCase();
  return refs.some(
    (ref) =>
      (ref.sheet ?? formulaSheet).toLowerCase() === target &&
      cells.some((c) => c.row >= ref.top && c.row <= ref.bottom && c.col >= ref.left && c.col <= ref.right),
  );
}

/**
 * The formula cells of every grid that may read one of `written` (local addresses on `sheet`): local addresses on
 * `sheet` itself, qualified (其他!A1) on the others.
 */
export function dependentFormulas(grids: SheetGrid[], sheet: string, written: string[]): string[] {
  if (!written.length) return [];
  const cells = written.map((a) => parseA1(a));
  const out: string[] = [];
  for (const g of grids) {
    const o = g.origin ?? { row: 0, col: 0 };
    const own = g.name.toLowerCase() === sheet.toLowerCase();
    (g.formulas ?? []).forEach((line, r) =>
      (line ?? []).forEach((f, c) => {
        if (typeof f !== 'string' || !f.startsWith('=') || !readsAny(f, g.name, sheet, cells)) return;
        const address = a1(o.row + r, o.col + c);
        out.push(own ? address : `${g.name}!${address}`);
      }),
    );
  }
  return out;
}
