/**
 * Range of the fake WPS 表格 host (ET object model through the JSA), over the fake Office host's in-memory workbook
 * (test/fakehost/model.ts), so that both hosts load the same .xlsx the same way. Synchronous, as the JSA is:
 * - Value2 / Formula of one cell is the value; of several, an array of rows (arr[r][c] from 0). Empty is undefined
 *   (COM's VT_EMPTY). Setting a scalar fills the range; an array must have the range's shape. A string starting
 *   with '=' becomes a formula unless the cell is text-formatted ('@'), as typing it would;
 * - NumberFormat of several cells that differ is null; MergeCells is true / false / null (mixed); Hidden works on
 *   whole rows only and is null when mixed;
 * - a protected sheet (ProtectContents; every cell locked, the default) refuses every change with an error;
 * - Select() needs the range's sheet to be the active one.
 * Every content read (Value2, Formula, NumberFormat, MergeCells, Hidden) and write is logged for the tests.
 */
import { FakeSheet, Rect, cellA1, parseAddress, type FakeValue } from '../fakehost/model';
import type { WpsState } from './state';

export class EtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EtError';
  }
}

type Kind = 'cells' | 'rows' | 'columns';
const MAX_ROW = 1048575;
const MAX_COL = 16383;

export class FakeEtRange {
  constructor(
    readonly state: WpsState,
    readonly sheet: FakeSheet,
    readonly rect: Rect,
    private readonly kind: Kind = 'cells',
  ) {}

  private log(op: string, write = false): void {
    this.state.log.push({ op: `${this.sheet.name}!${rectName(this.rect)}.${op}`, write });
  }

  private cellsOf(): [number, number][] {
    const out: [number, number][] = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) for (let c = this.rect.left; c <= this.rect.right; c++) out.push([r, c]);
    return out;
  }

  private guardWrite(what: string): void {
    if (this.sheet.deleted) throw new EtError('对象已被删除。');
    if (this.sheet.protected) throw new EtError(`您试图更改的单元格或图表位于受保护的工作表中（${what}）。`);
  }

  private get rows(): number {
    return this.rect.bottom - this.rect.top + 1;
  }

  private get cols(): number {
    return this.rect.right - this.rect.left + 1;
  }

  get Row(): number {
    return this.rect.top + 1;
  }

  get Column(): number {
    return this.rect.left + 1;
  }

  get Rows(): FakeEtRange {
    return new FakeEtRange(this.state, this.sheet, this.rect, 'rows');
  }

  get Columns(): FakeEtRange {
    return new FakeEtRange(this.state, this.sheet, this.rect, 'columns');
  }

  get Count(): number {
    return this.kind === 'rows' ? this.rows : this.kind === 'columns' ? this.cols : this.rows * this.cols;
  }

  get Cells(): FakeEtRange {
    return new FakeEtRange(this.state, this.sheet, this.rect);
  }

  get EntireRow(): FakeEtRange {
    return new FakeEtRange(this.state, this.sheet, { top: this.rect.top, bottom: this.rect.bottom, left: 0, right: MAX_COL });
  }

  get MergeArea(): FakeEtRange {
    const m = this.sheet.merges.find((x) => x.top <= this.rect.top && this.rect.top <= x.bottom && x.left <= this.rect.left && this.rect.left <= x.right);
    return new FakeEtRange(this.state, this.sheet, m ?? { ...this.rect, bottom: this.rect.top, right: this.rect.left });
  }

  get Font(): { Bold: boolean } {
    const read = (): boolean => this.cellsOf().every(([r, c]) => !!this.sheet.read(r, c).bold);
    const write = (v: boolean): void => {
      this.guardWrite('Font.Bold');
      this.log('Font.Bold=', true);
      for (const [r, c] of this.cellsOf()) this.sheet.cell(r, c).bold = v;
    };
    return {
      get Bold() {
        return read();
      },
      set Bold(v: boolean) {
        write(v);
      },
    };
  }

  /** Relative, 1-based: Item(1, 1) is the first cell; on Rows, Item(i) is the i-th row. */
  Item(row: number, column?: number): FakeEtRange {
    if (this.kind === 'rows' && column === undefined) {
      const r = this.rect.top + row - 1;
      return new FakeEtRange(this.state, this.sheet, { top: r, bottom: r, left: this.rect.left, right: this.rect.right });
    }
    const r = this.rect.top + row - 1;
    const c = this.rect.left + (column ?? 1) - 1;
    return new FakeEtRange(this.state, this.sheet, { top: r, bottom: r, left: c, right: c });
  }

  Address(rowAbsolute = true, columnAbsolute = true): string {
    const one = (r: number, c: number) => {
      const m = /^([A-Z]+)(\d+)$/.exec(cellA1(r, c)) as RegExpExecArray;
      return `${columnAbsolute ? '$' : ''}${m[1]}${rowAbsolute ? '$' : ''}${m[2]}`;
    };
    const a = one(this.rect.top, this.rect.left);
    return this.rows === 1 && this.cols === 1 ? a : `${a}:${one(this.rect.bottom, this.rect.right)}`;
  }

  private grid<T>(f: (r: number, c: number) => T): T | T[][] {
    if (this.rows === 1 && this.cols === 1) return f(this.rect.top, this.rect.left);
    const out: T[][] = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      const line: T[] = [];
      for (let c = this.rect.left; c <= this.rect.right; c++) line.push(f(r, c));
      out.push(line);
    }
    return out;
  }

  get Value2(): unknown {
    this.log('Value2');
    return this.grid((r, c) => {
      const v = this.sheet.read(r, c).value;
      return v === '' ? undefined : v;
    });
  }

  set Value2(v: unknown) {
    this.guardWrite('Value2');
    this.log('Value2=', true);
    const at = this.valuesFor(v);
    for (const [r, c] of this.cellsOf()) {
      const value = at(r - this.rect.top, c - this.rect.left);
      const cell = this.sheet.cell(r, c);
      if (typeof value === 'string' && value.startsWith('=') && cell.numberFormat !== '@') {
        cell.formula = value;
        cell.value = '';
      } else {
        delete cell.formula;
        cell.value = value === undefined || value === null ? '' : (value as FakeValue);
      }
    }
  }

  /** A scalar for every cell, or an array of rows of exactly the range's shape. */
  private valuesFor(v: unknown): (i: number, j: number) => unknown {
    if (!Array.isArray(v)) return () => v;
    const rows = v as unknown[][];
    if (rows.length !== this.rows || rows.some((line) => !Array.isArray(line) || line.length !== this.cols)) {
      throw new EtError(`数组大小与区域 ${rectName(this.rect)} 不符。`);
    }
    return (i, j) => rows[i][j];
  }

  get Formula(): unknown {
    this.log('Formula');
    return this.grid((r, c) => {
      const cell = this.sheet.read(r, c);
      return cell.formula ?? (cell.value === '' ? '' : String(cell.value));
    });
  }

  set Formula(v: unknown) {
    this.Value2 = v;
  }

  get NumberFormat(): unknown {
    this.log('NumberFormat');
    const formats = this.cellsOf().map(([r, c]) => this.sheet.read(r, c).numberFormat);
    return formats.every((f) => f === formats[0]) ? formats[0] : null;
  }

  set NumberFormat(v: unknown) {
    this.guardWrite('NumberFormat');
    this.log('NumberFormat=', true);
    if (typeof v !== 'string') throw new EtError('NumberFormat 应为字符串。');
    for (const [r, c] of this.cellsOf()) this.sheet.cell(r, c).numberFormat = v;
  }

  get MergeCells(): unknown {
    this.log('MergeCells');
    const inMerge = this.cellsOf().map(([r, c]) => this.sheet.merges.some((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right));
    return inMerge.every(Boolean) ? true : inMerge.some(Boolean) ? null : false;
  }

  set MergeCells(_v: unknown) {
    throw new EtError('The add-in never merges cells.');
  }

  get Hidden(): unknown {
    this.log('Hidden');
    if (this.rect.left !== 0 || this.rect.right !== MAX_COL) throw new EtError('无法获取 Range 类的 Hidden 属性：区域须为整行。');
    const hidden = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) hidden.push(this.sheet.hiddenRows.has(r));
    return hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false;
  }

  set Hidden(_v: unknown) {
    throw new EtError('The add-in never hides rows.');
  }

  get WrapText(): unknown {
    return this.cellsOf().every(([r, c]) => !!this.sheet.read(r, c).wrapText);
  }

  set WrapText(v: unknown) {
    this.guardWrite('WrapText');
    this.log('WrapText=', true);
    for (const [r, c] of this.cellsOf()) this.sheet.cell(r, c).wrapText = !!v;
  }

  get HorizontalAlignment(): unknown {
    return this.sheet.read(this.rect.top, this.rect.left).horizontalAlignment ?? 'General';
  }

  set HorizontalAlignment(v: unknown) {
    this.guardWrite('HorizontalAlignment');
    this.log('HorizontalAlignment=', true);
    const name = v === -4108 ? 'Center' : v === -4131 ? 'Left' : v === -4152 ? 'Right' : 'General';
    for (const [r, c] of this.cellsOf()) this.sheet.cell(r, c).horizontalAlignment = name;
  }

  get ColumnWidth(): unknown {
    const pt = this.sheet.columnWidths.get(this.rect.left);
    return pt === undefined ? 8.38 : Math.round(((pt - 3.75) / 5.25) * 100) / 100;
  }

  /** Characters, as in Excel's object model; kept in points like the Office.js side (about 5.25 pt a character). */
  set ColumnWidth(v: unknown) {
    this.guardWrite('ColumnWidth');
    this.log('ColumnWidth=', true);
    if (this.rect.top !== 0 || this.rect.bottom !== MAX_ROW) throw new EtError('ColumnWidth 只能设置在整列上。');
    for (let c = this.rect.left; c <= this.rect.right; c++) this.sheet.columnWidths.set(c, Math.round((Number(v) * 5.25 + 3.75) * 100) / 100);
  }

  AutoFit(): boolean {
    if (this.kind === 'cells') throw new EtError('AutoFit 只能用于行或列。');
    this.log('AutoFit()', true);
    return true;
  }

  Clear(): boolean {
    this.guardWrite('Clear');
    this.log('Clear()', true);
    this.sheet.clear(this.rect);
    return true;
  }

  Select(): boolean {
    if (this.state.workbook.activeSheet.toLowerCase() !== this.sheet.name.toLowerCase()) throw new EtError('Range 类的 Select 方法无效。');
    this.state.workbook.selection = { sheet: this.sheet.name, address: rectName(this.rect) };
    return true;
  }

  Calculate(): null {
    return null;
  }
}

export function rectName(r: Rect): string {
  const a = cellA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellA1(r.bottom, r.right)}`;
}

/** 'A1', 'A1:B2', 'A:A', '3:5' → a Rect, or an error as ET raises for a bad address. */
export function rectOf(address: string): Rect {
  const r = parseAddress(address);
  if (!r) throw new EtError(`无效的区域地址“${address}”。`);
  return r;
}
