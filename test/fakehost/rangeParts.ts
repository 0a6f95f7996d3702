/** The parts of a fake Range: its merged areas (RangeAreas), its format and its font. No Node and no DOM imports. */
import type { FakeContext } from './context';
import { FakeOfficeError } from './host';
import { rectAddress, type FakeCell, type FakeSheet, type Rect } from './model';
import { ProxyBase, type Resolved } from './proxy';
import type { RangeProxy } from './range';
import { protectedGuard, quoteSheet, type RangeTarget } from './sheetRules';

export class RangeAreasProxy extends ProxyBase<{ sheet: FakeSheet; areas: Rect[] }> {
  private readonly finder: () => Resolved<{ sheet: FakeSheet; areas: Rect[] }>;
  constructor(ctx: FakeContext, label: string, finder: () => Resolved<{ sheet: FakeSheet; areas: Rect[] }>) {
    super(ctx, label);
    this.finder = finder;
  }
  protected compute(): Resolved<{ sheet: FakeSheet; areas: Rect[] }> {
    return this.finder();
  }
  protected defaultProps(): string[] {
    return ['address', 'areaCount'];
  }
  protected read(t: { sheet: FakeSheet; areas: Rect[] }, prop: string): unknown {
    if (prop === 'address' || prop === 'addressLocal') return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rectAddress(a)}`).join(', ');
    if (prop === 'areaCount') return t.areas.length;
    throw new FakeOfficeError('InvalidArgument', `RangeAreas.${prop} is not supported by the fake host.`);
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
}

export class RangeFormatProxy extends ProxyBase<RangeTarget> {
  private readonly range: RangeProxy;
  readonly font: RangeFontProxy;
  constructor(ctx: FakeContext, range: RangeProxy) {
    super(ctx, `${range['label']}.format`);
    this.range = range;
    this.font = new RangeFontProxy(ctx, range);
  }
  protected compute(): Resolved<RangeTarget> {
    return this.range.resolveReal('format');
  }
  protected navChild(name: string): ProxyBase<unknown> | null {
    return name === 'font' ? (this.font as ProxyBase<unknown>) : null;
  }
  protected read(t: RangeTarget, prop: string): unknown {
    const first = t.sheet.read(t.rect.top, t.rect.left);
    switch (prop) {
      case 'horizontalAlignment':
        return first.horizontalAlignment ?? 'General';
      case 'wrapText':
        return !!first.wrapText;
      case 'columnWidth':
        this.ctx.host.require('1.2', 'RangeFormat.columnWidth');
        return t.sheet.columnWidths.get(t.rect.left) ?? 48;
      default:
        throw new FakeOfficeError('InvalidArgument', `RangeFormat.${prop} is not supported by the fake host.`);
    }
  }
  private each(t: RangeTarget, f: (cell: FakeCell) => void): void {
    protectedGuard(t.sheet);
    for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) f(t.sheet.cell(r, c));
  }
  get horizontalAlignment(): string {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this.queueSet('horizontalAlignment', v, (t) => this.each(t, (c) => (c.horizontalAlignment = v)));
  }
  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(v: boolean) {
    this.queueSet('wrapText', v, (t) => this.each(t, (c) => (c.wrapText = v)));
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(v: number) {
    this.queueSet('columnWidth', v, (t) => {
      this.ctx.host.require('1.2', 'RangeFormat.columnWidth');
      protectedGuard(t.sheet);
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  autofitRows(): void {
    this.ctx.enqueue(`${this.label}.autofitRows()`, () => {
      this.ctx.host.require('1.2', 'RangeFormat.autofitRows');
      protectedGuard(this.range.resolveReal('autofitRows').sheet);
    });
  }
}

export class RangeFontProxy extends ProxyBase<RangeTarget> {
  private readonly range: RangeProxy;
  constructor(ctx: FakeContext, range: RangeProxy) {
    super(ctx, `${range['label']}.format.font`);
    this.range = range;
  }
  protected compute(): Resolved<RangeTarget> {
    return this.range.resolveReal('font');
  }
  protected read(t: RangeTarget, prop: string): unknown {
    if (prop === 'bold') return !!t.sheet.read(t.rect.top, t.rect.left).bold;
    throw new FakeOfficeError('InvalidArgument', `RangeFont.${prop} is not supported by the fake host.`);
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.queueSet('bold', v, (t) => {
      protectedGuard(t.sheet);
      for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.cell(r, c).bold = v;
    });
  }
}
