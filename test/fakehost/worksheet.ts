/**
 * The fake host's Worksheet proxy (name, visibility, ranges, activate, delete) and its protection (ExcelApi 1.2).
 * No Node and no DOM imports.
 */
import type { FakeContext } from './context';
import { FakeOfficeError } from './host';
import { parseAddress, validSheetName, type FakeSheet, type Rect, type Visibility } from './model';
import { ProxyBase, type Resolved } from './proxy';
import { RangeProxy } from './range';
import { structureGuard } from './sheetRules';

export class WorksheetProtectionProxy extends ProxyBase<FakeSheet> {
  private readonly sheet: WorksheetProxy;
  constructor(ctx: FakeContext, sheet: WorksheetProxy) {
    super(ctx, `${sheet['label']}.protection`);
    this.sheet = sheet;
  }
  protected compute(): Resolved<FakeSheet> {
    this.ctx.host.require('1.2', 'WorksheetProtection');
    return this.sheet.resolveReal('protection');
  }
  protected read(t: FakeSheet, prop: string): unknown {
    if (prop === 'protected') return t.protected;
    if (prop === 'options') return {};
    throw new FakeOfficeError('InvalidArgument', `WorksheetProtection.${prop} is not supported by the fake host.`);
  }
  protected defaultProps(): string[] {
    return ['protected'];
  }
  get protected(): boolean {
    return this.get('protected');
  }
  protect(): void {
    this.ctx.enqueue(`${this.label}.protect()`, () => {
      (this.resolveReal('protect') as FakeSheet).protected = true;
    });
  }
  unprotect(): void {
    this.ctx.enqueue(`${this.label}.unprotect()`, () => {
      (this.resolveReal('unprotect') as FakeSheet).protected = false;
    });
  }
}

export class WorksheetProxy extends ProxyBase<FakeSheet> {
  private readonly finder: () => Resolved<FakeSheet>;
  private _protection: WorksheetProtectionProxy | null = null;

  constructor(ctx: FakeContext, label: string, finder: () => Resolved<FakeSheet>) {
    super(ctx, label);
    this.finder = finder;
  }

  protected compute(): Resolved<FakeSheet> {
    return this.finder();
  }

  protected check(t: FakeSheet): void {
    if (t.deleted) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (worksheet '${t.name}' was deleted).`);
  }

  protected defaultProps(): string[] {
    return ['name', 'id', 'position', 'visibility'];
  }

  protected read(t: FakeSheet, prop: string): unknown {
    const wb = this.ctx.host.workbook;
    switch (prop) {
      case 'name':
        return t.name;
      case 'id':
        return t.id;
      case 'position':
        return wb.sheets.indexOf(t);
      case 'visibility':
        return t.visibility;
      case 'tabColor':
        return '';
      default:
        throw new FakeOfficeError('InvalidArgument', `Worksheet.${prop} is not supported by the fake host.`);
    }
  }

  protected navChild(name: string): ProxyBase<unknown> | null {
    return name === 'protection' ? (this.protection as ProxyBase<unknown>) : null;
  }

  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.queueSet('name', v, (t) => {
      const wb = this.ctx.host.workbook;
      structureGuard(wb);
      if (!validSheetName(v)) throw new FakeOfficeError('InvalidArgument', `Invalid sheet name '${v}'.`);
      const other = wb.sheet(v);
      if (other && other !== t) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${v}' already exists.`);
      if (wb.activeSheet === t.name) wb.activeSheet = v;
      t.name = v;
    });
  }
  get id(): string {
    return this.get('id');
  }
  get position(): number {
    return this.get('position');
  }
  get visibility(): Visibility {
    return this.get('visibility');
  }
  set visibility(v: Visibility) {
    this.queueSet('visibility', v, (t) => {
      this.ctx.host.require('1.2', 'Worksheet.visibility (set)');
      const wb = this.ctx.host.workbook;
      structureGuard(wb);
      if (v !== 'Visible' && t.visibility === 'Visible' && wb.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      t.visibility = v;
      if (v !== 'Visible' && wb.activeSheet === t.name) {
        wb.activeSheet = wb.sheets.find((s) => s.visibility === 'Visible')?.name ?? '';
      }
    });
  }

  get protection(): WorksheetProtectionProxy {
    if (!this._protection) this._protection = new WorksheetProtectionProxy(this.ctx, this);
    return this._protection;
  }

  private sheetRange(label: string, rect: (s: FakeSheet) => Rect | null, orNull: boolean, minSet?: string): RangeProxy {
    const ctx = this.ctx;
    return new RangeProxy(ctx, `${this.label}.${label}`, () => {
      if (minSet) ctx.host.require(minSet, label);
      const s = this.resolve();
      if (s === null) {
        if (orNull && ctx.host.nullChaining === 'propagate') return null;
        throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${this.label} is a null object; ${label}).`);
      }
      const r = rect(s);
      if (r === null) return null;
      return { sheet: s, rect: r };
    });
  }

  getRange(address?: string): RangeProxy {
    return this.sheetRange(`getRange(${address ?? ''})`, (s) => {
      if (address === undefined || address === '') return { top: 0, left: 0, bottom: 1048575, right: 16383 };
      const r = parseAddress(address);
      if (!r) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (address '${address}').`);
      void s;
      return r;
    }, false);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this.sheetRange(
      `getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => ({ top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 }),
      false,
      '1.7',
    );
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.sheetRange(
      `getUsedRange(${valuesOnly ?? ''})`,
      (s) => s.usedRange(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      false,
      valuesOnly === undefined ? undefined : '1.2',
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    const r = this.sheetRange(`getUsedRangeOrNullObject(${valuesOnly ?? ''})`, (s) => s.usedRange(!!valuesOnly), true, '1.4');
    return r;
  }

  activate(): void {
    this.ctx.enqueue(`${this.label}.activate()`, () => {
      const t = this.resolveReal('activate');
      if (t.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden worksheet cannot be activated.');
      this.ctx.host.workbook.activeSheet = t.name;
    });
  }

  delete(): void {
    this.ctx.enqueue(`${this.label}.delete()`, () => {
      const t = this.resolveReal('delete');
      const wb = this.ctx.host.workbook;
      structureGuard(wb);
      if (t.visibility === 'Visible' && wb.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      wb.sheets = wb.sheets.filter((s) => s !== t);
      t.deleted = true;
      if (wb.activeSheet.toLowerCase() === t.name.toLowerCase()) {
        wb.activeSheet = wb.sheets.find((s) => s.visibility === 'Visible')?.name ?? '';
      }
    });
  }
}
