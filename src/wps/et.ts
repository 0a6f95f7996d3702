/**
 * The part of WPS 表格's object model (ET, the JSA: window.Application) that the WPS door uses, named and typed as
 * in et-jsapi-declare (test/wps/etTypes.test.ts checks that the declared types fit these). Everything is
 * synchronous: each property read or method call goes to WPS at once, so the door reads a sheet in one pass and
 * writes in one pass, with no batching to plan.
 * Value2 and Formula of a multi-cell range are a JavaScript array of rows (arr[r][c], r and c from 0 for the
 * range's first row and column: the COM SAFEARRAY's 1-based indices shifted); of one cell, the value itself.
 * NumberFormat of a range whose cells differ is null, as in Excel's object model.
 * Only src/wps/ may touch these objects (ESLint keeps Application out of the other folders).
 */
export interface EtFont {
  Bold: boolean;
}

export interface EtRange {
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtRange;
  readonly Columns: EtRange;
  readonly Count: number;
  readonly Cells: EtRange;
  readonly EntireRow: EtRange;
  readonly MergeArea: EtRange;
  readonly Font: EtFont;
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  MergeCells: unknown;
  Hidden: unknown;
  WrapText: unknown;
  HorizontalAlignment: unknown;
  ColumnWidth: unknown;
  Item(row: number, column?: number): EtRange;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  AutoFit(): unknown;
  Clear(): unknown;
  Select(): unknown;
  Calculate(): unknown;
}

export interface EtWorksheet {
  Name: string;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  Visible: unknown;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  Range(cell1: string): EtRange;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index or name. */
  Item(index: number | string): EtWorksheet;
  /** The new sheet becomes the active one, as in Excel. */
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
  readonly ProtectStructure: boolean;
}

/** The add-in side of WPS (WPS.AddonRoot in et-jsapi-declare). */
export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  Navigate(url: string): void;
}

export interface WpsPluginStorage {
  setItem(key: string, value: number | boolean | string): void;
  getItem(key: string): unknown;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  DisplayAlerts: boolean;
  readonly PluginStorage: WpsPluginStorage;
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  ShowDialog(url: string, title?: string, width?: number, height?: number, isModal?: boolean): void;
}

/** XlSheetVisibility */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;
/** XlHAlign.xlHAlignCenter */
export const XL_CENTER = -4108;

/** The JSA's Application in this page (WPS puts it on window for every page of an add-in), or null elsewhere. */
export function etApplication(): EtApplication | null {
  const g = globalThis as unknown as { Application?: EtApplication; wps?: { EtApplication?: unknown } };
  if (g.Application && typeof g.Application === 'object') return g.Application;
  const legacy = g.wps?.EtApplication;
  if (typeof legacy === 'function') return (legacy as () => EtApplication)();
  if (legacy && typeof legacy === 'object') return legacy as EtApplication;
  return null;
}
