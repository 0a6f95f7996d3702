/**
 * In-memory workbook behind the fake Office.js host. No Node and no DOM imports: this file is bundled for
 * Chromium by the browser test as well as used by jest.
 */
import { a1, columnLetters, parseA1 } from '../../src/engine/grid';
export type FakeValue = string | number | boolean;
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeCell {
  /** What `range.values` shows: the cached result for a formula cell, '' when empty. */
  value: FakeValue;
  /** Number format as Office.js shows it; 'General' by default. */
  numberFormat: string;
  /** '=SUM(C9:C11)' for a formula cell. */
  formula?: string;
  bold?: boolean;
  horizontalAlignment?: string;
  wrapText?: boolean;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** JSON form of a sheet (what `window.__FAKE_WORKBOOK__` holds). Cells are keyed by A1 address. */
export interface FakeSheetSnapshot {
  name: string;
  visibility?: Visibility;
  protected?: boolean;
  cells: Record<string, Partial<FakeCell>>;
  merges?: string[];
  /** 0-based hidden rows. */
  hiddenRows?: number[];
  /** Column widths in points, keyed by 0-based column. */
  columnWidths?: Record<string, number>;
}

export interface FakeWorkbookSnapshot {
  sheets: FakeSheetSnapshot[];
  activeSheet?: string;
  /** Workbook structure protection: sheets cannot be added, deleted or renamed. */
  structureProtected?: boolean;
}

/** A1 helpers are the engine's (one place for addresses); the fake host adds whole rows and columns below. */
export const colLetters = columnLetters;
export const cellA1 = a1;

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

function colIndex(letters: string): number {
  return parseA1(`${letters}1`).col;
}

/**
 * Parses 'A1', '$A$1', 'A1:B2', 'A:A', '3:5' (optionally prefixed 'Sheet!'). Returns null when invalid, as
 * Excel rejects such an address.
 */
export function parseAddress(address: string): Rect | null {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const parts = local.trim().split(':');
  if (parts.length < 1 || parts.length > 2) return null;
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
  const colOnly = /^\$?([A-Za-z]{1,3})$/;
  const rowOnly = /^\$?(\d+)$/;
  const ends: { row: number | null; col: number | null }[] = [];
  for (const p of parts) {
    let m = cell.exec(p);
    if (m) {
      ends.push({ row: Number(m[2]) - 1, col: colIndex(m[1]) });
      continue;
    }
    m = colOnly.exec(p);
    if (m && parts.length === 2) {
      ends.push({ row: null, col: colIndex(m[1]) });
      continue;
    }
    m = rowOnly.exec(p);
    if (m && parts.length === 2) {
      ends.push({ row: Number(m[1]) - 1, col: null });
      continue;
    }
    return null;
  }
  const a = ends[0];
  const b = ends[1] ?? a;
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) return null;
  const r: Rect = {
    top: a.row === null ? 0 : Math.min(a.row, b.row as number),
    bottom: a.row === null ? MAX_ROWS - 1 : Math.max(a.row, b.row as number),
    left: a.col === null ? 0 : Math.min(a.col, b.col as number),
    right: a.col === null ? MAX_COLS - 1 : Math.max(a.col, b.col as number),
  };
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) return null;
  return r;
}

export function rectAddress(r: Rect): string {
  const s = cellA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? s : `${s}:${cellA1(r.bottom, r.right)}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Excel's rule for sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function validSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

let nextSheetId = 1;

export class FakeSheet {
  readonly id: string;
  name: string;
  visibility: Visibility;
  protected: boolean;
  deleted = false;
  /** Key `${row},${col}`. */
  readonly cells = new Map<string, FakeCell>();
  merges: Rect[] = [];
  readonly hiddenRows = new Set<number>();
  /** Points, keyed by column. */
  readonly columnWidths = new Map<number, number>();

  constructor(name: string, visibility: Visibility = 'Visible', isProtected = false) {
    this.id = `{fake-sheet-${nextSheetId++}}`;
    this.name = name;
    this.visibility = visibility;
    this.protected = isProtected;
  }

  getCell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** A copy of the cell as Office.js would show it (blank cells are '' / General). */
  read(row: number, col: number): FakeCell {
    const c = this.getCell(row, col);
    return c ? { ...c } : { value: '', numberFormat: 'General' };
  }

  /** Mutable cell, created on demand. */
  cell(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: '', numberFormat: 'General' };
      this.cells.set(key, c);
    }
    return c;
  }

  /** Sets a cell by A1 address (test convenience; not through the API). */
  set(address: string, value: FakeValue, numberFormat?: string, formula?: string): void {
    const r = parseAddress(address);
    if (!r) throw new Error(`Bad address ${address}`);
    const c = this.cell(r.top, r.left);
    c.value = value;
    if (numberFormat !== undefined) c.numberFormat = numberFormat;
    if (formula !== undefined) c.formula = formula;
    else delete c.formula;
  }

  /** Value at an A1 address (test convenience). */
  valueAt(address: string): FakeValue {
    const r = parseAddress(address);
    if (!r) throw new Error(`Bad address ${address}`);
    return this.read(r.top, r.left).value;
  }

  private static isBlank(c: FakeCell, valuesOnly: boolean): boolean {
    const noValue = c.value === '' && !c.formula;
    if (valuesOnly) return noValue;
    return noValue && c.numberFormat === 'General' && !c.bold && !c.horizontalAlignment && !c.wrapText;
  }

  /** The used range as Excel computes it (values, or values and formats); null when the sheet is empty. */
  usedRange(valuesOnly = false): Rect | null {
    let r: Rect | null = null;
    for (const [key, c] of this.cells) {
      if (FakeSheet.isBlank(c, valuesOnly)) continue;
      const [row, col] = key.split(',').map(Number);
      if (!r) r = { top: row, left: col, bottom: row, right: col };
      else {
        r.top = Math.min(r.top, row);
        r.left = Math.min(r.left, col);
        r.bottom = Math.max(r.bottom, row);
        r.right = Math.max(r.right, col);
      }
    }
    return r;
  }

  clear(r: Rect): void {
    for (const key of [...this.cells.keys()]) {
      const [row, col] = key.split(',').map(Number);
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) this.cells.delete(key);
    }
  }

  toSnapshot(): FakeSheetSnapshot {
    const cells: Record<string, Partial<FakeCell>> = {};
    const keys = [...this.cells.keys()].sort((a, b) => {
      const [ra, ca] = a.split(',').map(Number);
      const [rb, cb] = b.split(',').map(Number);
      return ra - rb || ca - cb;
    });
    for (const key of keys) {
      const c = this.cells.get(key) as FakeCell;
      const [row, col] = key.split(',').map(Number);
      const out: Partial<FakeCell> = { value: c.value };
      if (c.numberFormat !== 'General') out.numberFormat = c.numberFormat;
      if (c.formula) out.formula = c.formula;
      if (c.bold) out.bold = true;
      if (c.horizontalAlignment) out.horizontalAlignment = c.horizontalAlignment;
      if (c.wrapText) out.wrapText = true;
      cells[cellA1(row, col)] = out;
    }
    const widths: Record<string, number> = {};
    for (const [c, w] of this.columnWidths) widths[String(c)] = w;
    return {
      name: this.name,
      visibility: this.visibility,
      protected: this.protected,
      cells,
      merges: this.merges.map(rectAddress),
      hiddenRows: [...this.hiddenRows].sort((a, b) => a - b),
      columnWidths: widths,
    };
  }

  static fromSnapshot(s: FakeSheetSnapshot): FakeSheet {
    const sheet = new FakeSheet(s.name, s.visibility ?? 'Visible', !!s.protected);
    for (const [addr, c] of Object.entries(s.cells)) {
      const r = parseAddress(addr);
      if (!r) throw new Error(`Bad address ${addr} in snapshot of ${s.name}`);
      const cell = sheet.cell(r.top, r.left);
      cell.value = c.value ?? '';
      cell.numberFormat = c.numberFormat ?? 'General';
      if (c.formula) cell.formula = c.formula;
      if (c.bold) cell.bold = true;
      if (c.horizontalAlignment) cell.horizontalAlignment = c.horizontalAlignment;
      if (c.wrapText) cell.wrapText = true;
    }
    for (const m of s.merges ?? []) {
      const r = parseAddress(m);
      if (r) sheet.merges.push(r);
    }
    for (const h of s.hiddenRows ?? []) sheet.hiddenRows.add(h);
    for (const [c, w] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(Number(c), w);
    return sheet;
  }
}

export class FakeWorkbook {
  /** In tab order; deleted sheets are removed. */
  sheets: FakeSheet[] = [];
  activeSheet = '';
  /** The selected range: sheet name and local address. */
  selection: { sheet: string; address: string } | null = null;
  structureProtected = false;

  static fromSnapshot(s: FakeWorkbookSnapshot): FakeWorkbook {
    const wb = new FakeWorkbook();
    wb.sheets = s.sheets.map((x) => FakeSheet.fromSnapshot(x));
    wb.structureProtected = !!s.structureProtected;
    const firstVisible = wb.sheets.find((x) => x.visibility === 'Visible');
    wb.activeSheet = s.activeSheet && wb.sheet(s.activeSheet) ? (wb.sheet(s.activeSheet) as FakeSheet).name : firstVisible?.name ?? '';
    return wb;
  }

  toSnapshot(): FakeWorkbookSnapshot {
    return {
      sheets: this.sheets.map((x) => x.toSnapshot()),
      activeSheet: this.activeSheet,
      structureProtected: this.structureProtected,
    };
  }

  clone(): FakeWorkbook {
    return FakeWorkbook.fromSnapshot(JSON.parse(JSON.stringify(this.toSnapshot())) as FakeWorkbookSnapshot);
  }

  /** Case-insensitive, as Excel. */
  sheet(name: string): FakeSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((x) => x.name.toLowerCase() === n);
  }

  /** Test convenience: the sheet or an exception. */
  get(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`No sheet ${name}`);
    return s;
  }

  addSheet(name: string, visibility: Visibility = 'Visible'): FakeSheet {
    const s = new FakeSheet(name, visibility);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }
}
