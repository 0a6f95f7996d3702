/**
 * The fake host's Range proxy: the properties read at sync, the grid writes (shape checked, refused on a protected
 * sheet), sub-ranges, merged areas (ExcelApi 1.13), select and clear. No Node and no DOM imports.
 */
import type { FakeContext } from './context';
import { FakeOfficeError } from './host';
import { intersects, rectAddress, type FakeCell, type FakeValue } from './model';
import { ProxyBase, type Resolved } from './proxy';
import { RangeAreasProxy, RangeFormatProxy } from './rangeParts';
import { coerce, grid, protectedGuard, quoteSheet, type RangeTarget } from './sheetRules';

export class RangeProxy extends ProxyBase<RangeTarget> {
  private readonly finder: () => Resolved<RangeTarget>;
  private _format: RangeFormatProxy | null = null;

  constructor(ctx: FakeContext, label: string, finder: () => Resolved<RangeTarget>) {
    super(ctx, label);
    this.finder = finder;
  }

  protected compute(): Resolved<RangeTarget> {
    return this.finder();
  }

  protected check(t: RangeTarget): void {
    if (t.sheet.deleted) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (worksheet '${t.sheet.name}' was deleted).`);
  }

  protected defaultProps(): string[] {
    return ['address', 'values', 'numberFormat', 'formulas', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex'];
  }

  protected navChild(name: string): ProxyBase<unknown> | null {
    return name === 'format' ? (this.format as ProxyBase<unknown>) : null;
  }

  protected read(t: RangeTarget, prop: string): unknown {
    const { sheet, rect } = t;
    switch (prop) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case 'addressLocal':
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case 'values':
        return grid(rect, (r, c) => sheet.read(r, c).value);
      case 'text':
        return grid(rect, (r, c) => String(sheet.read(r, c).value));
      case 'numberFormat':
        return grid(rect, (r, c) => sheet.read(r, c).numberFormat);
      case 'formulas': {
        return grid(rect, (r, c) => {
          const cell = sheet.read(r, c);
          return cell.formula ?? cell.value;
        });
      }
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'cellCount':
        return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      case 'rowHidden': {
        this.ctx.host.require('1.2', 'Range.rowHidden');
        let hidden = 0;
        for (let r = rect.top; r <= rect.bottom; r++) if (sheet.hiddenRows.has(r)) hidden++;
        const n = rect.bottom - rect.top + 1;
        return hidden === 0 ? false : hidden === n ? true : null;
      }
      default:
        throw new FakeOfficeError('InvalidArgument', `Range.${prop} is not supported by the fake host.`);
    }
  }

  get address(): string {
    return this.get('address');
  }
  get addressLocal(): string {
    return this.get('addressLocal');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get rowHidden(): boolean | null {
    return this.get('rowHidden');
  }
  get text(): string[][] {
    return this.get('text');
  }

  /** 2-D input must match the range; a single value applies to every cell; null leaves a cell unchanged. */
  private writeGrid(prop: string, input: unknown, apply: (cell: FakeCell, v: unknown, row: number, col: number) => void): void {
    this.queueSet(prop, input, (t) => {
      protectedGuard(t.sheet);
      const rows = t.rect.bottom - t.rect.top + 1;
      const cols = t.rect.right - t.rect.left + 1;
      const scalar = !Array.isArray(input);
      if (!scalar) {
        const arr = input as unknown[];
        if (arr.length !== rows || arr.some((line) => !Array.isArray(line) || line.length !== cols)) {
          throw new FakeOfficeError(
            'InvalidArgument',
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          );
        }
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const v = scalar ? input : (input as unknown[][])[r][c];
          if (v === null || v === undefined) continue;
          apply(t.sheet.cell(t.rect.top + r, t.rect.left + c), v, t.rect.top + r, t.rect.left + c);
        }
      }
    });
  }

  get values(): FakeValue[][] {
    return this.get('values');
  }
  set values(v: FakeValue[][]) {
    this.writeGrid('values', v, (cell, x) => coerce(cell, x as FakeValue));
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.writeGrid('numberFormat', v, (cell, x) => {
      cell.numberFormat = String(x) || 'General';
    });
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.writeGrid('formulas', v, (cell, x) => {
      if (typeof x === 'string' && x.startsWith('=')) {
        cell.formula = x;
        cell.value = 0;
      } else coerce(cell, x as FakeValue);
    });
  }

  get format(): RangeFormatProxy {
    if (!this._format) this._format = new RangeFormatProxy(this.ctx, this);
    return this._format;
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.label}.getCell(${row},${column})`, () => {
      const t = this.resolveReal('getCell');
      const r = t.rect.top + row;
      const c = t.rect.left + column;
      return { sheet: t.sheet, rect: { top: r, left: c, bottom: r, right: c } };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.label}.getResizedRange(${deltaRows},${deltaColumns})`, () => {
      this.ctx.host.require('1.2', 'Range.getResizedRange');
      const t = this.resolveReal('getResizedRange');
      const bottom = t.rect.bottom + deltaRows;
      const right = t.rect.right + deltaColumns;
      if (bottom < t.rect.top || right < t.rect.left || bottom > 1048575 || right > 16383) {
        throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format (getResizedRange).');
      }
      return { sheet: t.sheet, rect: { top: t.rect.top, left: t.rect.left, bottom, right } };
    });
  }

  getRow(row: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.label}.getRow(${row})`, () => {
      const t = this.resolveReal('getRow');
      const r = t.rect.top + row;
      return { sheet: t.sheet, rect: { top: r, left: t.rect.left, bottom: r, right: t.rect.right } };
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    const ctx = this.ctx;
    return new RangeAreasProxy(ctx, `${this.label}.getMergedAreasOrNullObject()`, () => {
      ctx.host.require('1.13', 'Range.getMergedAreasOrNullObject');
      const t = this.resolve();
      if (t === null) {
        if (ctx.host.nullChaining === 'propagate') return null;
        throw new FakeOfficeError('ItemNotFound', 'getMergedAreasOrNullObject on a null object.');
      }
      const areas = t.sheet.merges.filter((m) => intersects(m, t.rect));
      if (areas.length > 512) throw new FakeOfficeError('GeneralException', 'There are more than 512 merged areas in the range.');
      return areas.length ? { sheet: t.sheet, areas } : null;
    });
  }

  select(): void {
    this.ctx.enqueue(`${this.label}.select()`, () => {
      const t = this.resolveReal('select');
      if (t.sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot select a range on a hidden worksheet.');
      const wb = this.ctx.host.workbook;
      wb.activeSheet = t.sheet.name;
      wb.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }

  clear(applyTo?: string): void {
    this.ctx.enqueue(`${this.label}.clear(${applyTo ?? ''})`, () => {
      const t = this.resolveReal('clear');
      protectedGuard(t.sheet);
      if (applyTo === 'Contents') {
        for (let r = t.rect.top; r <= t.rect.bottom; r++) {
          for (let c = t.rect.left; c <= t.rect.right; c++) {
            const cell = t.sheet.getCell(r, c);
            if (cell) {
              cell.value = '';
              delete cell.formula;
            }
          }
        }
      } else t.sheet.clear(t.rect);
    });
  }
}
