/** Read access to a SheetGrid in sheet coordinates, aware of merged areas. */
import { a1, parseRange, type CellRange, type CellValue, type SheetGrid } from './grid';
import { cellText, isBlank, labelKey } from './text';

export class SheetView {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** True when the host told us the merged areas (else blank-below handling applies). */
  readonly mergesKnown: boolean;
  private readonly grid: SheetGrid;
  private readonly mergeOf = new Map<number, CellRange>();
  private readonly hidden: Set<number>;

  constructor(grid: SheetGrid) {
    this.grid = grid;
    this.name = grid.name;
    this.top = grid.origin?.row ?? 0;
    this.left = grid.origin?.col ?? 0;
    const rows = grid.values.length;
    let cols = 0;
    for (const r of grid.values) if (r && r.length > cols) cols = r.length;
    this.bottom = this.top + rows - 1;
    this.right = this.left + cols - 1;
    this.mergesKnown = Array.isArray(grid.merges);
    for (const m of grid.merges ?? []) {
      let range: CellRange;
      try {
        range = parseRange(m);
      } catch {
        continue;
      }
      // Merges far larger than the used range would cost memory for nothing: clip them.
      const t = Math.max(range.top, this.top), b = Math.min(range.bottom, this.bottom);
      const l = Math.max(range.left, this.left), r = Math.min(range.right, this.right);
      for (let row = t; row <= b; row++) for (let col = l; col <= r; col++) this.mergeOf.set(this.key(row, col), range);
    }
    this.hidden = new Set(grid.hiddenRows ?? []);
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  /** Raw value as the host gave it (merged non-anchor cells are empty). */
  raw(row: number, col: number): CellValue {
    const r = this.grid.values[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  /** Value with merged areas filled from their anchor. */
  value(row: number, col: number): CellValue {
    const m = this.mergeOf.get(this.key(row, col));
    if (m) return this.raw(m.top, m.left);
    return this.raw(row, col);
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  label(row: number, col: number): string {
    return labelKey(this.value(row, col));
  }

  blank(row: number, col: number): boolean {
    return isBlank(this.value(row, col));
  }

  numberFormat(row: number, col: number): string {
    const m = this.mergeOf.get(this.key(row, col));
    const rr = m ? m.top : row, cc = m ? m.left : col;
    const f = this.grid.numberFormats?.[rr - this.top]?.[cc - this.left];
    return typeof f === 'string' ? f : 'General';
  }

  /** Raw number format of the cell itself (for the write record). */
  ownNumberFormat(row: number, col: number): string {
    const f = this.grid.numberFormats?.[row - this.top]?.[col - this.left];
    return typeof f === 'string' ? f : 'General';
  }

  isFormula(row: number, col: number): boolean {
    const f = this.grid.formulas?.[row - this.top]?.[col - this.left];
    return typeof f === 'string' && f.startsWith('=');
  }

  /** Every formula cell of the grid, in sheet coordinates. */
  formulaCells(): { row: number; col: number; formula: string }[] {
    const out: { row: number; col: number; formula: string }[] = [];
    const f = this.grid.formulas;
    if (!f) return out;
    for (let i = 0; i < f.length; i++) {
      const line = f[i];
      if (!line) continue;
      for (let j = 0; j < line.length; j++) {
        const x = line[j];
        if (typeof x === 'string' && x.charCodeAt(0) === 61 /* = */) out.push({ row: this.top + i, col: this.left + j, formula: x });
      }
    }
    return out;
  }

  /** The merged area containing the cell, or null. */
  mergeArea(row: number, col: number): CellRange | null {
    return this.mergeOf.get(this.key(row, col)) ?? null;
  }

  /** True when the cell is inside a merged area but not its top-left anchor. */
  isCovered(row: number, col: number): boolean {
    const m = this.mergeOf.get(this.key(row, col));
    return !!m && (m.top !== row || m.left !== col);
  }

  isHidden(row: number): boolean {
    return this.hidden.has(row);
  }

  address(row: number, col: number): string {
    return a1(row, col);
  }

  /** Distinct texts of a row, left to right, merged areas counted once. */
  rowTexts(row: number): { col: number; text: string; key: string }[] {
    const out: { col: number; text: string; key: string }[] = [];
    for (let c = this.left; c <= this.right; c++) {
      if (this.isCovered(row, c)) continue;
      const t = cellText(this.raw(row, c));
      if (t) out.push({ col: c, text: t, key: labelKey(t) });
    }
    return out;
  }
}
