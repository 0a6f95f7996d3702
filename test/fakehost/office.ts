/**
 * A fake Office.js host for Excel, faithful where our code depends on it:
 * - reading a property that was not load()ed and synced throws, as Office.js does (PropertyNotLoaded);
 * - writes are queued and apply at sync(), in order; when an action fails, the earlier ones stay applied and the
 *   later ones do not (Office has no rollback);
 * - syncs are counted and can be made to fail on demand;
 * - *OrNullObject gives isNullObject true; a plain method on a null object fails at sync (ItemNotFound);
 * - a protected sheet rejects writes at sync (AccessDenied); setting values must match the range's shape;
 * - a call newer than the host's requirement sets fails at sync (ApiNotFound), as on an old Office. Guarded, with
 *   the sets of the Office.js reference: 1.2 worksheet protection, getUsedRange(valuesOnly), getResizedRange,
 *   rowHidden, setting visibility, columnWidth, autofitRows; 1.4 getItemOrNullObject, getUsedRangeOrNullObject,
 *   getCount; 1.7 workbook protection, getRangeByIndexes; 1.13 getMergedAreasOrNullObject. The rest is 1.1.
 * Stricter than Office in one respect: a property set on a proxy is not readable until loaded and synced
 * (Office.js would echo the value set).
 * Add-in commands (./commands.ts): Office.actions.associate and a function command's event.completed(), and the
 * dialog API (displayDialogAsync, the dialog's events, messageParent) with DialogApi 1.1/1.2 and AddinCommands 1.1
 * among the requirement sets.
 * No Node and no DOM imports: bundled for Chromium by the browser test.
 */
import { FakeCommands } from './commands';
import {
  FakeCell,
  FakeSheet,
  FakeValue,
  FakeWorkbook,
  Rect,
  Visibility,
  intersects,
  parseAddress,
  rectAddress,
  validSheetName,
} from './model';

export class FakeOfficeError extends Error {
  code: string;
  debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

function notLoaded(prop: string): Error {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export interface FakeHostOptions {
  /**
   * Supported requirement sets: { ExcelApi: '1.13' }. Default ExcelApi 1.17 with DialogApi 1.2 and AddinCommands
   * 1.1 (Microsoft 365); a caller that names the sets names all of them.
   */
  apiSets?: Record<string, string>;
  /**
   * What a *OrNullObject method does when called on a null object: 'propagate' (default) gives another null
   * object; 'fail' makes the sync fail, for testing a caller's fallback.
   */
  nullChaining?: 'propagate' | 'fail';
}

export interface SyncFailure {
  /** Actions that still apply before the failure (default 0: none). */
  afterOps?: number;
  code?: string;
  message?: string;
}

export interface FakeRequest {
  /** 1-based sync number. */
  sync: number;
  ops: string[];
  error?: string;
}

export interface FakeHost {
  workbook: FakeWorkbook;
  readonly syncCount: number;
  readonly runCount: number;
  requests: FakeRequest[];
  /** Makes the n-th sync from now (1 = the next one) fail. */
  failSync(n?: number, failure?: SyncFailure): void;
  /** Called before each sync executes (1-based number): lets a test change the workbook between two syncs. */
  beforeSync: ((sync: number) => void) | null;
  resetCounts(): void;
  isSetSupported(name: string, version?: string): boolean;
  /** Function commands and dialogs (Office.actions, Office.context.ui). */
  commands: FakeCommands;
  uninstall(): void;
}

interface Op {
  desc: string;
  run: () => void;
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

class HostState implements FakeHost {
  workbook: FakeWorkbook;
  syncCount = 0;
  runCount = 0;
  requests: FakeRequest[] = [];
  beforeSync: ((sync: number) => void) | null = null;
  private failures = new Map<number, SyncFailure>();
  apiSets: Record<string, string>;
  nullChaining: 'propagate' | 'fail';
  uninstall: () => void = () => undefined;
  commands = new FakeCommands((name, version) => this.isSetSupported(name, version));

  constructor(workbook: FakeWorkbook, options: FakeHostOptions) {
    this.workbook = workbook;
    this.apiSets = options.apiSets ?? { ExcelApi: '1.17', DialogApi: '1.2', AddinCommands: '1.1' };
    this.nullChaining = options.nullChaining ?? 'propagate';
  }

  failSync(n = 1, failure: SyncFailure = {}): void {
    this.failures.set(this.syncCount + n, failure);
  }

  takeFailure(sync: number): SyncFailure | undefined {
    const f = this.failures.get(sync);
    this.failures.delete(sync);
    return f;
  }

  resetCounts(): void {
    this.syncCount = 0;
    this.runCount = 0;
    this.requests = [];
    this.failures.clear();
  }

  isSetSupported(name: string, version?: string): boolean {
    const have = this.apiSets[name];
    if (have === undefined) return false;
    return version === undefined || versionAtLeast(have, version);
  }

  require(version: string, what: string): void {
    if (!this.isSetSupported('ExcelApi', version)) {
      throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${what} needs ExcelApi ${version}).`, what);
    }
  }
}

/** Load arguments as Office.js accepts them: 'a, b/c', ['a', 'b'], { select: 'a,b' }. */
function loadPaths(props?: unknown): string[] {
  if (props === undefined || props === null) return [];
  if (typeof props === 'string') return props.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => loadPaths(p));
  if (typeof props === 'object') {
    const o = props as { select?: unknown };
    if (o.select !== undefined) return loadPaths(o.select);
  }
  return [];
}

class FakeContext {
  readonly host: HostState;
  private queue: Op[] = [];
  readonly workbook: WorkbookProxy;

  constructor(host: HostState) {
    this.host = host;
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(desc: string, run: () => void): void {
    this.queue.push({ desc, run });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync<T>(passThrough?: T): Promise<T | undefined> {
    const host = this.host;
    host.syncCount++;
    const n = host.syncCount;
    const ops = this.queue;
    this.queue = [];
    const request: FakeRequest = { sync: n, ops: ops.map((o) => o.desc) };
    host.requests.push(request);
    await Promise.resolve();
    host.beforeSync?.(n);
    const failure = host.takeFailure(n);
    const limit = failure ? Math.min(failure.afterOps ?? 0, ops.length) : ops.length;
    for (let i = 0; i < limit; i++) {
      try {
        ops[i].run();
      } catch (e) {
        request.error = e instanceof Error ? e.message : String(e);
        if (e instanceof FakeOfficeError) throw e;
        throw new FakeOfficeError('GeneralException', request.error, ops[i].desc);
      }
    }
    if (failure) {
      const err = new FakeOfficeError(failure.code ?? 'GeneralException', failure.message ?? 'An internal error has occurred.');
      request.error = err.message;
      throw err;
    }
    return passThrough;
  }
}

type Resolved<T> = T | null;

/** Base of every proxy: lazy resolution at sync, loaded data, isNullObject. */
abstract class ProxyBase<T> {
  protected readonly ctx: FakeContext;
  private target: Resolved<T> | undefined = undefined;
  protected data: Record<string, unknown> = {};
  private nullKnown: boolean | undefined = undefined;
  protected readonly label: string;

  constructor(ctx: FakeContext, label: string) {
    this.ctx = ctx;
    this.label = label;
  }

  get context(): FakeContext {
    return this.ctx;
  }

  /** Finds the object in the workbook; null for a null object; throws when it does not exist. */
  protected abstract compute(): Resolved<T>;

  /** Checked on every use: a deleted sheet is gone for good. */
  protected check(t: T): void {
    void t;
  }

  resolve(): Resolved<T> {
    if (this.target === undefined) this.target = this.compute();
    if (this.target !== null) this.check(this.target);
    return this.target;
  }

  /** The target or ItemNotFound when this is a null object. */
  resolveReal(what: string): T {
    const t = this.resolve();
    if (t === null) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${this.label}.${what}).`, what);
    return t;
  }

  setResolved(t: Resolved<T>): void {
    this.target = t;
    this.nullKnown = t === null;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === undefined) throw notLoaded('isNullObject');
    return this.nullKnown;
  }

  /** Reads one loaded property, or throws like Office.js. */
  protected get<V>(prop: string): V {
    if (!(prop in this.data)) throw notLoaded(prop);
    return this.data[prop] as V;
  }

  /** Fills `data` from the resolved target for these paths (runs at sync). */
  fill(paths: string[]): void {
    const t = this.resolve();
    this.nullKnown = t === null;
    if (t === null) return;
    const own = paths.length ? paths : this.defaultProps();
    const nav = new Map<string, string[]>();
    for (const p of own) {
      const [head, ...rest] = p.split('/');
      if (rest.length || this.isNav(head)) {
        const list = nav.get(head) ?? [];
        if (rest.length) list.push(rest.join('/'));
        nav.set(head, list);
      } else this.data[head] = this.read(t, head);
    }
    for (const [head, rest] of nav) {
      const child = this.navChild(head);
      if (!child) throw new FakeOfficeError('InvalidArgument', `Cannot load '${head}' on ${this.label}.`);
      child.fill(rest);
    }
  }

  load(props?: unknown): this {
    const paths = loadPaths(props);
    this.ctx.enqueue(`${this.label}.load(${paths.join(',')})`, () => this.fill(paths));
    return this;
  }

  protected isNav(name: string): boolean {
    return !!this.navChild(name);
  }

  protected navChild(name: string): ProxyBase<unknown> | null {
    void name;
    return null;
  }

  protected defaultProps(): string[] {
    return [];
  }

  protected abstract read(t: T, prop: string): unknown;

  /** Queues a property write. */
  protected queueSet(prop: string, value: unknown, apply: (t: T) => void): void {
    this.ctx.enqueue(`${this.label}.${prop}=${JSON.stringify(value)?.slice(0, 200)}`, () => apply(this.resolveReal(prop)));
  }

  toJSON(): Record<string, unknown> {
    return { ...this.data };
  }
}

// ---------------------------------------------------------------------------------------------- workbook

class WorkbookProxy extends ProxyBase<FakeWorkbook> {
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

class WorkbookProtectionProxy extends ProxyBase<FakeWorkbook> {
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

// --------------------------------------------------------------------------------------------- worksheets

function structureGuard(wb: FakeWorkbook): void {
  if (wb.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
}

class WorksheetCollectionProxy extends ProxyBase<FakeWorkbook> {
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

class WorksheetProtectionProxy extends ProxyBase<FakeSheet> {
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

function protectedGuard(sheet: FakeSheet): void {
  if (sheet.protected) {
    throw new FakeOfficeError(
      'AccessDenied',
      "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
    );
  }
}

class WorksheetProxy extends ProxyBase<FakeSheet> {
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

// ------------------------------------------------------------------------------------------------- ranges

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u3400-\u9fff\uf900-\ufaff][A-Za-z0-9_.\u3400-\u9fff\uf900-\ufaff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function grid<V>(r: Rect, f: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: V[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}

/** What Excel stores when a string is typed (set through `values`) into a cell that is not formatted as text. */
function coerce(cell: FakeCell, v: FakeValue): void {
  delete cell.formula;
  if (typeof v !== 'string' || cell.numberFormat === '@') {
    cell.value = v;
    return;
  }
  const s = v.trim();
  if (s.startsWith('=') && s.length > 1) {
    cell.formula = s;
    cell.value = '#NAME?';
    return;
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
    cell.value = Number(s);
    return;
  }
  const pct = /^([+-]?(\d+\.?\d*|\.\d+))%$/.exec(s);
  if (pct) {
    cell.value = Number(pct[1]) / 100;
    if (cell.numberFormat === 'General') cell.numberFormat = '0%';
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    cell.value = s.toLowerCase() === 'true';
    return;
  }
  cell.value = v;
}

class RangeProxy extends ProxyBase<RangeTarget> {
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

class RangeAreasProxy extends ProxyBase<{ sheet: FakeSheet; areas: Rect[] }> {
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

class RangeFormatProxy extends ProxyBase<RangeTarget> {
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

class RangeFontProxy extends ProxyBase<RangeTarget> {
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

// ----------------------------------------------------------------------------------------------- install

/** Office.context.document.settings, in memory. */
function documentSettings(): Record<string, unknown> {
  const store = new Map<string, unknown>();
  return {
    get: (name: string) => (store.has(name) ? store.get(name) : null),
    set: (name: string, value: unknown) => void store.set(name, JSON.parse(JSON.stringify(value))),
    remove: (name: string) => void store.delete(name),
    saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: 'succeeded' }),
  };
}

/**
 * Defines globalThis.Office and globalThis.Excel over `workbook`. Returns the host, for assertions:
 * sync count, the requests, failures on demand.
 */
export function installFakeOffice(workbook: FakeWorkbook, options: FakeHostOptions = {}): FakeHost {
  const host = new HostState(workbook, options);
  const g = globalThis as Record<string, unknown>;
  const previous = { Office: g.Office, Excel: g.Excel, OfficeExtension: g.OfficeExtension };

  const office: Record<string, unknown> = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    actions: host.commands.actions,
    context: {
      requirements: { isSetSupported: (name: string, version?: string) => host.isSetSupported(name, version) },
      ui: host.commands.ui,
      document: { settings: documentSettings() },
      displayLanguage: 'zh-CN',
      contentLanguage: 'zh-CN',
    },
    initialize: undefined,
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      const init = office.initialize as ((reason?: string) => void) | undefined;
      if (typeof init === 'function') init('inserted');
      cb?.(info);
      return Promise.resolve(info);
    },
  };

  const excel = {
    async run<T>(a: unknown, b?: unknown): Promise<T> {
      const batch = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<T>;
      host.runCount++;
      const ctx = new FakeContext(host);
      const result = await batch(ctx);
      if (ctx.pending) await ctx.sync();
      return result;
    },
    RequestContext: FakeContext,
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      apiNotFound: 'ApiNotFound',
      generalException: 'GeneralException',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
    },
  };

  g.Office = office;
  g.Excel = excel;
  g.OfficeExtension = { Error: FakeOfficeError };
  host.uninstall = () => {
    g.Office = previous.Office;
    g.Excel = previous.Excel;
    g.OfficeExtension = previous.OfficeExtension;
  };
  return host;
}
