/**
 * The pieces every read queues (sheet list, structure protection, a sheet's data, the store, a sheet's values),
 * and how each loaded result becomes the engine's shapes. No sync here: the readers batch these into theirs.
 */
import { STORE_SHEET, decodeStore, emptyStore, type CellValue, type DoorSheet, type SheetGrid, type SheetVisibility, type WorkbookStore } from '../engine';
import { splitAreas, topLeft, valuesFromA1 } from './addresses';
import type { Capabilities } from './capabilities';

export type Ctx = Excel.RequestContext;

/** Blank rows and columns read beyond the last value (a grade cell right of the last label). */
export const MARGIN_ROWS = 2;
export const MARGIN_COLUMNS = 2;

export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function findSheet<T extends { name: string }>(sheets: T[], name: string): T | undefined {
  return sheets.find((s) => sameName(s.name, name));
}

interface SheetListLoad {
  collection: Excel.WorksheetCollection;
  withProtection: boolean;
}

/** Names, visibility and (ExcelApi 1.2) protection of every sheet, in tab order. */
export function loadSheetList(ctx: Ctx, caps: Capabilities): SheetListLoad {
  const collection = ctx.workbook.worksheets;
  collection.load(caps.api1_2 ? 'items/name,items/visibility,items/protection/protected' : 'items/name,items/visibility');
  return { collection, withProtection: caps.api1_2 };
}

export function sheetList(l: SheetListLoad): DoorSheet[] {
  return l.collection.items.map((ws) => ({
    name: ws.name,
    visibility: ws.visibility as SheetVisibility,
    protected: l.withProtection ? ws.protection.protected : null,
  }));
}

/** Workbook structure protection (ExcelApi 1.7); null below. */
export function loadStructure(ctx: Ctx, caps: Capabilities): Excel.WorkbookProtection | null {
  return caps.api1_7 ? ctx.workbook.protection.load('protected') : null;
}

/**
 * The cells with values of a sheet: getUsedRange(valuesOnly) on ExcelApi 1.2+, the plain (formatted) used range
 * below. For the store and our report sheet, which only we format, both give the same cells.
 */
export function usedValues(ws: Excel.Worksheet, caps: Capabilities): Excel.Range {
  return (caps.api1_2 ? ws.getUsedRange(true) : ws.getUsedRange()).load('address,values');
}

/** A sheet's used values through a null-object chain (ExcelApi 1.4): read in the same sync whether it exists or not. */
export function chainedValues(ctx: Ctx, name: string): Excel.Range {
  return ctx.workbook.worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true).load('address,values');
}

/** Values from A1 of a range loaded by usedValues or chainedValues; null for a null object. */
export function loadedValues(range: Excel.Range | null, chained: boolean): unknown[][] | null {
  if (!range || (chained && range.isNullObject)) return null;
  return valuesFromA1(range.address, range.values as unknown[][]);
}

export function storeOf(values: unknown[][] | null): WorkbookStore {
  return values ? decodeStore(values.map((r) => r[0])) : emptyStore();
}

export function storeExists(sheets: DoorSheet[]): boolean {
  return !!findSheet(sheets, STORE_SHEET);
}

/** Office.js `values` → engine cell values (error values come as their text already). */
export function cellValues(values: unknown[][]): CellValue[][] {
  return values.map((line) => line.map((v) => (v === undefined ? null : (v as CellValue))));
}

/** A grid of values only (报告素材): all the engine reads of it. */
export function valuesGrid(name: string, values: unknown[][]): SheetGrid {
  return { name, values: cellValues(values) };
}

/** One sheet's used range, loaded whole (values, number formats, formulas, merged areas when asked). */
interface SheetDataLoad {
  name: () => string;
  used: Excel.Range;
  merges: Excel.RangeAreas | null;
}

/**
 * The part of a sheet worth reading (ExcelApi 1.2): the cells with values, plus a small margin. Not the plain used
 * range: formatting applied to whole columns, common in these templates, makes that a million rows long.
 */
export function dataRange(ws: Excel.Worksheet): Excel.Range {
  return ws.getUsedRange(true).getResizedRange(MARGIN_ROWS, MARGIN_COLUMNS);
}

export function loadSheetData(ws: Excel.Worksheet, nameOf: () => string, withMerges: boolean): SheetDataLoad {
  const used = dataRange(ws);
  used.load('address,values,numberFormat,formulas,rowCount,columnCount,rowHidden');
  const merges = withMerges ? used.getMergedAreasOrNullObject().load('address') : null;
  return { name: nameOf, used, merges };
}

export function gridOf(l: SheetDataLoad): SheetGrid {
  const origin = topLeft(l.used.address);
  const rowHidden = l.used.rowHidden;
  const rows = l.used.rowCount;
  const grid: SheetGrid = {
    name: l.name(),
    values: cellValues(l.used.values as unknown[][]),
    numberFormats: l.used.numberFormat as (string | null)[][],
    formulas: l.used.formulas as unknown[][],
    origin,
  };
  // rowHidden is one value for the whole range: false = none hidden, true = all, null = mixed (unknown rows).
  if (rowHidden === false) grid.hiddenRows = [];
  else if (rowHidden === true) grid.hiddenRows = Array.from({ length: rows }, (_, i) => origin.row + i);
  if (l.merges) grid.merges = l.merges.isNullObject ? [] : splitAreas(l.merges.address);
  return grid;
}

/**
 * Below ExcelApi 1.2 nothing tells a sheet's protection: a write of null, which Office.js defines as "leave the cell
 * unchanged" but still checks against protection, fails the sync (AccessDenied) on a protected sheet. A1 is the
 * probe: locked unless the sheet's author unlocked it, as every cell is by default.
 */
export function queueWriteProbe(ws: Excel.Worksheet): void {
  ws.getRange('A1').values = [[null]];
}
