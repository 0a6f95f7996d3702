/**
 * A parsed worksheet as the engine's SheetGrid, the way Office.js reads it: the used area (cells with a value or
 * a formula) from A1, two rows and two columns beyond it (the add-in reads the same margin, for a grade cell right
 * of the last label), values and formulas as Office.js gives them (a merged area's other cells empty), every
 * cell's number format (its own, else its row's, else its column's), merges and hidden rows.
 */
import { parseRange, type CellValue, type SheetGrid } from '../engine';
import type { ParsedSheet } from './sheetXml';
import type { Styles } from './styles';

const MARGIN = 2;

/** The grid, or null when its area would pass `maxCells`. */
export function sheetGrid(name: string, sheet: ParsedSheet, styles: Styles, maxCells: number): SheetGrid | null {
  let lastRow = -1;
  let lastCol = -1;
  for (const row of sheet.rows) {
    for (const c of row.cells) {
      if (c.formula || (c.value !== '' && c.value !== null)) {
        if (c.row > lastRow) lastRow = c.row;
        if (c.col > lastCol) lastCol = c.col;
      }
    }
  }
  for (const a of sheet.arrays) {
    lastRow = Math.max(lastRow, a.bottom);
    lastCol = Math.max(lastCol, a.right);
  }
  if (lastRow < 0) return { name, values: [], numberFormats: [], formulas: [], merges: sheet.merges.slice(), origin: { row: 0, col: 0 }, hiddenRows: [] };
  const rows = lastRow + 1 + MARGIN;
  const cols = lastCol + 1 + MARGIN;
  if (rows * cols > maxCells) return null;

  const formatCache = new Map<number, string>();
  const formatOf = (xf: number): string => {
    let f = formatCache.get(xf);
    if (f === undefined) formatCache.set(xf, (f = styles.formatOf(xf)));
    return f;
  };
  const colFormats: string[] = [];
  for (let c = 0; c < cols; c++) colFormats.push('General');
  for (const col of sheet.cols) for (let c = Math.max(0, col.min); c <= Math.min(cols - 1, col.max); c++) colFormats[c] = formatOf(col.style);

  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push(new Array<CellValue>(cols).fill(''));
    numberFormats.push(colFormats.slice());
  }
  const hiddenRows: number[] = [];
  const formulaRows = new Set<number>();
  for (const row of sheet.rows) {
    if (row.row >= rows) continue;
    if (row.hidden) hiddenRows.push(row.row);
    if (row.style !== null) numberFormats[row.row].fill(formatOf(row.style));
    for (const c of row.cells) {
      if (c.row >= rows || c.col >= cols) continue;
      values[c.row][c.col] = c.value;
      numberFormats[c.row][c.col] = formatOf(c.style);
      if (c.formula) formulaRows.add(c.row);
    }
  }
  for (const a of sheet.arrays) for (let r = a.top; r <= Math.min(a.bottom, rows - 1); r++) formulaRows.add(r);
  // Office.js gives a constant's value as its "formula": a row without formulas shares its values' array.
  const formulas: unknown[][] = values.map((line, r) => (formulaRows.has(r) ? line.slice() : line));
  for (const row of sheet.rows) {
    if (!formulaRows.has(row.row)) continue;
    for (const c of row.cells) if (c.formula && c.row < rows && c.col < cols) formulas[c.row][c.col] = c.formula;
  }
  for (const a of sheet.arrays) {
    for (let r = a.top; r <= Math.min(a.bottom, rows - 1); r++) {
      for (let c = a.left; c <= Math.min(a.right, cols - 1); c++) {
        const f = formulas[r][c];
        if (!(typeof f === 'string' && f.startsWith('='))) formulas[r][c] = a.formula;
      }
    }
  }
  // Office.js shows a merged area's value in its top-left cell only.
  for (const ref of sheet.merges) {
    let range;
    try {
      range = parseRange(ref);
    } catch {
      continue;
    }
    const { top, left, bottom, right } = range;
    for (let r = top; r <= Math.min(bottom, rows - 1); r++) {
      for (let c = left; c <= Math.min(right, cols - 1); c++) {
        if (r === top && c === left) continue;
        values[r][c] = '';
        formulas[r][c] = '';
      }
    }
  }
  return { name, values, numberFormats, formulas, merges: sheet.merges.slice(), origin: { row: 0, col: 0 }, hiddenRows };
}
