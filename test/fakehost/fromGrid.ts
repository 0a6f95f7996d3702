/** Builds a fake sheet from an engine SheetGrid (test tables generated in code). No Node imports. */
import { FakeSheetSnapshot, cellA1 } from './model';

interface GridLike {
  name: string;
  values: (string | number | boolean | null)[][];
  numberFormats?: (string | null)[][];
  formulas?: unknown[][];
  merges?: string[];
  origin?: { row: number; col: number };
}

export function sheetSnapshotFromGrid(g: GridLike, extra: Partial<FakeSheetSnapshot> = {}): FakeSheetSnapshot {
  const o = g.origin ?? { row: 0, col: 0 };
  const cells: FakeSheetSnapshot['cells'] = {};
  g.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const nf = g.numberFormats?.[r]?.[c] ?? 'General';
      const f = g.formulas?.[r]?.[c];
      const formula = typeof f === 'string' && f.startsWith('=') ? f : undefined;
      const value = v === null ? '' : v;
      if (value === '' && (nf === 'General' || !nf) && !formula) return;
      cells[cellA1(o.row + r, o.col + c)] = { value, ...(nf && nf !== 'General' ? { numberFormat: nf } : {}), ...(formula ? { formula } : {}) };
    }),
  );
  return { name: g.name, cells, merges: g.merges ?? [], ...extra };
}
