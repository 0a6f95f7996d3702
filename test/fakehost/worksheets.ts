/**
 * The fake host's worksheet collection: items, getItem, getItemOrNullObject (1.4), the active sheet, add (refused
 * under a protected structure) and getCount (1.4). No Node and no DOM imports.
 */
import type { FakeContext } from './context';
import { FakeOfficeError, notLoaded } from './host';
import { validSheetName, type FakeSheet, type FakeWorkbook } from './model';
import { ProxyBase } from './proxy';
import { structureGuard } from './sheetRules';
import { WorksheetProxy } from './worksheet';

export class WorksheetCollectionProxy extends ProxyBase<FakeWorkbook> {
  private itemProxies: WorksheetProxy[] | null = null;

  constructor(ctx: FakeContext) {
    super(ctx, 'Worksheets');
  }

  protected compute(): FakeWorkbook {
    return this.ctx.host.workbook;
  }

  protected read(): unknown {
    return undefined;
  }

  /** Collection load: 'items/name' or 'name' both mean the items' properties. */
  fill(paths: string[]): void {
    const wb = this.ctx.host.workbook;
    const itemPaths = paths.map((p) => (p.startsWith('items/') ? p.slice(6) : p)).filter((p) => p !== 'items');
    this.itemProxies = wb.sheets.map((s) => {
      const ws = new WorksheetProxy(this.ctx, `Worksheet[${s.name}]`, () => s);
      ws.setResolved(s);
      ws.fill(itemPaths.length ? itemPaths : ['name', 'id', 'position', 'visibility']);
      return ws;
    });
    this.data.items = true;
  }

  get items(): WorksheetProxy[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }

  getItem(key: string): WorksheetProxy {
    const ctx = this.ctx;
    return new WorksheetProxy(ctx, `Worksheet[${key}]`, () => {
      const s = ctx.host.workbook.sheet(key) ?? ctx.host.workbook.sheets.find((x) => x.id === key);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (worksheet '${key}').`);
      return s;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const ctx = this.ctx;
    return new WorksheetProxy(ctx, `Worksheet?[${key}]`, () => {
      ctx.host.require('1.4', 'WorksheetCollection.getItemOrNullObject');
      return ctx.host.workbook.sheet(key) ?? ctx.host.workbook.sheets.find((x) => x.id === key) ?? null;
    });
  }

  getActiveWorksheet(): WorksheetProxy {
    const ctx = this.ctx;
    return new WorksheetProxy(ctx, 'Worksheet[active]', () => {
      const s = ctx.host.workbook.sheet(ctx.host.workbook.activeSheet);
      if (!s) throw new FakeOfficeError('ItemNotFound', 'No active worksheet.');
      return s;
    });
  }

  add(name?: string): WorksheetProxy {
    const ctx = this.ctx;
    let created: FakeSheet | null = null;
    const ws = new WorksheetProxy(ctx, `Worksheet+[${name ?? ''}]`, () => {
      if (!created) throw new FakeOfficeError('InvalidObjectPath', 'The worksheet was not added.');
      return created;
    });
    ctx.enqueue(`Worksheets.add(${name ?? ''})`, () => {
      const wb = ctx.host.workbook;
      structureGuard(wb);
      let n = name;
      if (n === undefined) {
        let i = wb.sheets.length + 1;
        while (wb.sheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      if (!validSheetName(n)) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (sheet name '${n}').`);
      if (wb.sheet(n)) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists (worksheet '${n}').`);
      created = wb.addSheet(n);
    });
    return ws;
  }

  getCount(): { value: number } {
    const ctx = this.ctx;
    const result: { value: number; _v?: number } = {
      get value(): number {
        if (this._v === undefined) throw notLoaded('value');
        return this._v;
      },
    } as { value: number; _v?: number };
    ctx.enqueue('Worksheets.getCount()', () => {
      ctx.host.require('1.4', 'WorksheetCollection.getCount');
      result._v = ctx.host.workbook.sheets.length;
    });
    return result;
  }
}
