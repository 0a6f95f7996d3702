/** .xlsx files for the command-line benchmark: a generated sheet of any size, written with ExcelJS. */
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../src/engine/grid';
import { bigSheet } from './tables';

export async function writeGridXlsx(grid: SheetGrid, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.name);
  grid.values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v === null || v === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v as ExcelJS.CellValue;
      const nf = grid.numberFormats?.[r]?.[c];
      if (nf && nf !== 'General') cell.numFmt = nf;
    }),
  );
  ws.columns.forEach((col) => (col.width = 14));
  await wb.xlsx.writeFile(file);
}

/** A self-evaluation workbook with `rows` indicator rows (bench/tables.ts bigSheet). */
export function writeBigWorkbook(rows: number, file: string): Promise<void> {
  return writeGridXlsx(bigSheet(rows), file);
}
