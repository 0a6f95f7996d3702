/**
 * The base of every proxy of the fake host: resolution in the workbook at sync, loaded data (an unloaded property
 * throws PropertyNotLoaded), isNullObject, load paths and queued property writes. No Node and no DOM imports.
 */
import type { FakeContext } from './context';
import { FakeOfficeError, notLoaded } from './host';

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

export type Resolved<T> = T | null;

/** Base of every proxy: lazy resolution at sync, loaded data, isNullObject. */
export abstract class ProxyBase<T> {
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
