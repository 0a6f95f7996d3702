/** The fake host's Workbook proxy (worksheets, selection) and its protection (ExcelApi 1.7). No Node and no DOM imports. */
import type { FakeContext } from './context';
import { FakeOfficeError } from './host';
import { parseAddress, type FakeWorkbook, type Rect } from './model';
import { ProxyBase } from './proxy';
import { RangeProxy } from './range';
import { WorksheetCollectionProxy } from './worksheets';

export class WorkbookProxy extends ProxyBase<FakeWorkbook> {
  readonly worksheets: WorksheetCollectionProxy;
  private _protection: WorkbookProtectionProxy | null = null;

  constructor(ctx: FakeContext) {
    super(ctx, 'Workbook');
    this.worksheets = new WorksheetCollectionProxy(ctx);
  }

  protected compute(): FakeWorkbook {
    return this.ctx.host.workbook;
  }

  protected read(t: FakeWorkbook, prop: string): unknown {
    void t;
    throw new FakeOfficeError('InvalidArgument', `Workbook.${prop} is not supported by the fake host.`);
  }

  get protection(): WorkbookProtectionProxy {
    if (!this._protection) this._protection = new WorkbookProtectionProxy(this.ctx);
    return this._protection;
  }

  protected navChild(name: string): ProxyBase<unknown> | null {
    return name === 'protection' ? (this.protection as ProxyBase<unknown>) : null;
  }

  getSelectedRange(): RangeProxy {
    const ctx = this.ctx;
    return new RangeProxy(ctx, 'Workbook.getSelectedRange()', () => {
      const wb = ctx.host.workbook;
      const sel = wb.selection;
      const sheet = wb.sheet(sel?.sheet ?? wb.activeSheet);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', 'No selection.');
      const rect = parseAddress(sel?.address ?? 'A1') as Rect;
      return { sheet, rect };
    });
  }
}

export class WorkbookProtectionProxy extends ProxyBase<FakeWorkbook> {
  constructor(ctx: FakeContext) {
    super(ctx, 'Workbook.protection');
  }
  protected compute(): FakeWorkbook {
    this.ctx.host.require('1.7', 'WorkbookProtection');
    return this.ctx.host.workbook;
  }
  protected read(t: FakeWorkbook, prop: string): unknown {
    if (prop === 'protected') return t.structureProtected;
    throw new FakeOfficeError('InvalidArgument', `WorkbookProtection.${prop} is not supported by the fake host.`);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}
