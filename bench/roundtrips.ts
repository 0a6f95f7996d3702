/**
 * Round trips of 计算得分 on the fake Office host: syncs, and the bytes the add-in would send to Excel.
 *
 * The fake host (test/fakehost, owned by the gateway work) records each request's operations as short
 * descriptions only, so the sizes are measured from outside, without changing it: the benchmark wraps, on the
 * prototypes reached through a live context, the context's `enqueue` and `sync`, the proxies' `queueSet`
 * (property writes, with the full value) and `fill` (what a load returns).
 *
 * Bytes sent, per sync = UTF-8 length, summed over the queued actions, of
 *   - a property write: the object path (e.g. `Worksheet[自评表].getRange(G14)`) + `.prop=` + JSON of the value
 *     (values, number formats, formulas, formats, names…);
 *   - a load: the object path + `.load(` + the property list + `)`;
 *   - any other method (delete, add, activate, autofit…): its path and arguments.
 * Bytes received, per sync = JSON length of every property value a load returned.
 * Object paths are the fake host's labels, close to but not the same as Office.js's JSON protocol (which adds
 * ids and action types): read the figures as the payload, comparable between sizes and versions.
 */
import { bigSheet } from './tables';
import { FakeHost, FakeWorkbook, installFakeOffice } from '../test/fakehost';
import { sheetSnapshotFromGrid } from '../test/fakehost/fromGrid';
import { calculate } from '../src/excel/session';
import { nowMs, utf8Length } from './stats';

export interface SyncFigure {
  ops: number;
  sent: number;
  received: number;
  /** Bytes sent by the sheet an action is on (`Worksheet[name]…`), '' for workbook-level actions. */
  sentBySheet: Record<string, number>;
}

export interface RoundTripFigure {
  rows: number;
  scenario: string;
  /** What the click must do: write, or refuse a protected table sheet with nothing written. */
  expect: 'written' | 'refused';
  apiSet: string;
  ok: boolean;
  message: string;
  syncs: number;
  perSync: SyncFigure[];
  sent: number;
  received: number;
  ms: number;
}

interface Meter {
  pending: WeakMap<object, SyncFigure>;
  syncs: SyncFigure[];
  current: SyncFigure | null;
}

type Fn = (...args: unknown[]) => unknown;
type Proto = Record<string, Fn>;

const meter: Meter = { pending: new WeakMap(), syncs: [], current: null };
let installed = false;

/** Wraps the fake host's prototypes once (they are shared by every later install). */
async function instrument(): Promise<void> {
  if (installed) return;
  const protos = await Excel.run(async (ctx) => {
    const c = ctx as unknown as { workbook: object };
    return { context: Object.getPrototypeOf(c) as Proto, proxy: Object.getPrototypeOf(Object.getPrototypeOf(c.workbook)) as Proto };
  });
  const { enqueue, sync } = protos.context;
  const { queueSet, fill } = protos.proxy;
  let writing: string | null = null;

  const figureOf = (ctx: object): SyncFigure => {
    let f = meter.pending.get(ctx);
    if (!f) meter.pending.set(ctx, (f = { ops: 0, sent: 0, received: 0, sentBySheet: {} }));
    return f;
  };
  protos.proxy.queueSet = function (this: { label: string }, prop: unknown, value: unknown, apply: unknown) {
    writing = `${this.label}.${String(prop)}=${JSON.stringify(value) ?? ''}`;
    try {
      return queueSet.call(this, prop, value, apply);
    } finally {
      writing = null;
    }
  };
  protos.context.enqueue = function (this: object, desc: unknown, run: unknown) {
    const f = figureOf(this);
    const text = writing ?? String(desc);
    const bytes = utf8Length(text);
    const sheet = /^Worksheet\+?\[([^\]]*)\]/.exec(text)?.[1] ?? /^Worksheets\.add\((.*)\)$/.exec(text)?.[1] ?? '';
    f.ops++;
    f.sent += bytes;
    f.sentBySheet[sheet] = (f.sentBySheet[sheet] ?? 0) + bytes;
    return enqueue.call(this, desc, run);
  };
  protos.context.sync = function (this: object, ...args: unknown[]) {
    const f = figureOf(this);
    meter.pending.delete(this);
    meter.syncs.push(f);
    meter.current = f;
    return sync.apply(this, args);
  };
  protos.proxy.fill = function (this: { data: Record<string, unknown>; defaultProps(): string[]; isNav(p: string): boolean }, paths: unknown) {
    const out = fill.call(this, paths);
    const list = (paths as string[]).length ? (paths as string[]) : this.defaultProps();
    const own = list.filter((p) => !p.includes('/') && !this.isNav(p));
    let bytes = 0;
    for (const k of own) if (k in this.data) bytes += utf8Length(JSON.stringify(this.data[k]) ?? '');
    if (meter.current) meter.current.received += bytes;
    return out;
  };
  installed = true;
}

function workbookOf(rows: number, protect = false): FakeWorkbook {
  const g = bigSheet(rows);
  return FakeWorkbook.fromSnapshot({ sheets: [sheetSnapshotFromGrid(g, { protected: protect })], activeSheet: g.name });
}

async function measure(host: FakeHost, rows: number, scenario: string, apiSet: string, expect: RoundTripFigure['expect'] = 'written'): Promise<RoundTripFigure> {
  host.resetCounts();
  meter.syncs = [];
  meter.current = null;
  const t0 = nowMs();
  const r = await calculate();
  const ms = nowMs() - t0;
  const perSync = meter.syncs;
  if (perSync.length !== host.syncCount) throw new Error(`meter saw ${perSync.length} syncs, host ${host.syncCount}`);
  return {
    rows,
    scenario,
    expect,
    apiSet,
    ok: r.ok,
    message: r.message,
    syncs: host.syncCount,
    perSync,
    sent: perSync.reduce((s, f) => s + f.sent, 0),
    received: perSync.reduce((s, f) => s + f.received, 0),
    ms,
  };
}

/**
 * 计算得分 twice (a new report sheet, then replacing our untouched draft) per size and host version; and once on a
 * protected table sheet (refused, nothing written) at the protectedAt size.
 */
export async function benchRoundTrips(sizes = [10, 100, 1000, 5000], apiSets = ['1.17', '1.2', '1.1'], protectedAt = 100): Promise<RoundTripFigure[]> {
  const out: RoundTripFigure[] = [];
  const log = console.error;
  for (const apiSet of apiSets) {
    for (const rows of sizes) {
      const host = installFakeOffice(workbookOf(rows), { apiSets: { ExcelApi: apiSet } });
      console.error = () => undefined; // the session logs unexpected errors; a failure shows in `ok` instead
      try {
        await instrument();
        out.push(await measure(host, rows, 'first click (new report sheet)', apiSet));
        out.push(await measure(host, rows, 'second click (draft replaced)', apiSet));
      } finally {
        console.error = log;
        host.uninstall();
      }
    }
    const host = installFakeOffice(workbookOf(protectedAt, true), { apiSets: { ExcelApi: apiSet } });
    try {
      out.push(await measure(host, protectedAt, 'protected table sheet (refused)', apiSet, 'refused'));
    } finally {
      host.uninstall();
    }
  }
  return out;
}
