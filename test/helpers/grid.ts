/** Test helpers: build SheetGrids from arrays, load the example, apply a plan as a host would. */
import ExcelJS from 'exceljs';
import { parseA1, type CellValue, type SheetGrid } from '../../src/engine/grid';
import type { WritePlan } from '../../src/engine/types';
import { sheetToGrid } from '../../src/xlsx/readGrid';
import { EXAMPLE_PATH } from './example';

export const EXAMPLE = EXAMPLE_PATH;

export async function loadExample(): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  return wb.worksheets.map(sheetToGrid);
}

/** A grid from rows; a cell given as {v, f} carries a number format, {formula} marks a formula. */
export type TestCell = CellValue | { v: CellValue; f?: string; formula?: string };

export function grid(name: string, rows: TestCell[][], merges?: string[]): SheetGrid {
  const width = Math.max(...rows.map((r) => r.length));
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const formulas: unknown[][] = [];
  for (const r of rows) {
    const vr: CellValue[] = [], fr: string[] = [], xr: unknown[] = [];
    for (let c = 0; c < width; c++) {
      const cell = r[c];
      if (cell !== null && typeof cell === 'object') {
        vr.push(cell.v);
        fr.push(cell.f ?? 'General');
        xr.push(cell.formula ? '=' + cell.formula : cell.v);
      } else {
        vr.push(cell === undefined ? '' : cell);
        fr.push('General');
        xr.push(cell === undefined ? '' : cell);
      }
    }
    values.push(vr);
    numberFormats.push(fr);
    formulas.push(xr);
  }
  return { name, values, numberFormats, formulas, merges, origin: { row: 0, col: 0 } };
}

/** Applies a plan's writes to a copy of the grid, as the gateway or the command line would. */
export function applyPlan(g: SheetGrid, plan: WritePlan): SheetGrid {
  const copy: SheetGrid = JSON.parse(JSON.stringify(g));
  for (const w of plan.writes) setCell(copy, w.address, w.value, w.numberFormat);
  return copy;
}

export function setCell(g: SheetGrid, address: string, value: CellValue, numberFormat?: string): void {
  const { row, col } = parseA1(address);
  while (g.values.length <= row) g.values.push([]);
  while (g.values[row].length <= col) g.values[row].push('');
  g.values[row][col] = value;
  if (g.formulas) {
    while (g.formulas.length <= row) g.formulas.push([]);
    g.formulas[row][col] = value;
  }
  if (numberFormat !== undefined && g.numberFormats) {
    while (g.numberFormats.length <= row) g.numberFormats.push([]);
    g.numberFormats[row][col] = numberFormat;
  }
}

export function getCell(g: SheetGrid, address: string): CellValue {
  const { row, col } = parseA1(address);
  return g.values[row]?.[col] ?? '';
}
