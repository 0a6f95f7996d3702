/**
 * Shared by the gateway tests (gateway.test.ts, gatewayRestore.test.ts, gatewayOldOffice.test.ts): the example
 * workbook for the fake host, the store read back, a generated table of n rows, the check that only the planned
 * cells changed, and the write cut off at every action.
 */
import { FakeWorkbook, installFakeOffice, type FakeHostOptions } from '../fakehost';
import { changedCells, workbookDump } from '../fakehost/compare';
import * as session from '../../src/excel/session';
import { sheetSnapshotFromGrid } from '../fakehost/fromGrid';
import { loadXlsx } from '../fakehost/xlsx';
import { table, type Row } from './tables';
import { decodeStore, STORE_SHEET } from '../../src/engine/store';
import type { WritePlan } from '../../src/engine/types';
import { EXAMPLE_PATH } from './example';

export const SHEET = '部门整体支出绩效自评表';

const examplePath = (): string => EXAMPLE_PATH;

let exampleCache: FakeWorkbook | null = null;
/** A fresh copy of the example workbook (read from the .xlsx once per test file). */
export async function example(): Promise<FakeWorkbook> {
  if (!exampleCache) exampleCache = await loadXlsx(examplePath());
  return exampleCache.clone();
}

export function storeOf(wb: FakeWorkbook) {
  const s = wb.sheet(STORE_SHEET);
  if (!s) return null;
  const col: unknown[] = [];
  for (let r = 0; s.getCell(r, 0); r++) col.push(s.getCell(r, 0)?.value);
  return decodeStore(col);
}

/** A generated table with n indicator rows, weights adding up to 100, every actual meeting its target. */
export function generated(n: number): FakeWorkbook {
  const rows: Row[] = [];
  const weight = Math.round((100 / n) * 1e6) / 1e6;
  for (let i = 0; i < n; i++) {
    rows.push({
      l1: i === 0 ? '履职效能' : i === Math.floor(n / 2) ? '管理效率' : '',
      l2: i % 10 === 0 ? `二级指标${i / 10 + 1}` : '',
      name: `指标${i + 1}`,
      weight,
      target: '≥90%',
      actual: '95%',
    });
  }
  const g = table(rows, { year: 2024 });
  return FakeWorkbook.fromSnapshot({ sheets: [sheetSnapshotFromGrid(g)], activeSheet: g.name });
}

/** Every changed cell of the table is a planned one and holds the planned value and format; merges are unchanged. */
export function expectOnlyPlanned(before: FakeWorkbook, wb: FakeWorkbook, plan: WritePlan): Map<string, WritePlan['writes'][number]> {
  const planned = new Map(plan.writes.map((w) => [w.address, w]));
  const changed = changedCells(before.get(SHEET), wb.get(SHEET));
  expect(changed.length).toBeGreaterThan(0);
  for (const a of changed) expect(planned.has(a)).toBe(true);
  for (const w of plan.writes) {
    const cell = wb.get(SHEET).read(...rc(w.address));
    expect(cell.value).toEqual(w.value === null ? '' : w.value);
    expect(cell.numberFormat).toBe(w.numberFormat);
  }
  expect(wb.get(SHEET).merges).toEqual(before.get(SHEET).merges);
  return planned;
}

function rc(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, c - 1];
}

/**
 * 计算得分 with its write sync cut off after each of its actions in turn (`writeSync`: the 1-based sync that writes):
 * every cut either leaves the workbook as it was, or lets 恢复计算前内容 give it back exactly. `restored` checks more
 * of a restored workbook. Returns the number of cut points tried.
 */
export async function cutAtEveryAction(
  pristine: FakeWorkbook, writeSync: number, options: FakeHostOptions = {}, restored: (wb: FakeWorkbook) => void = () => undefined,
): Promise<number> {
  const probe = pristine.clone();
  let host = installFakeOffice(probe, options);
  await session.calculate();
  const total = host.requests[writeSync - 1].ops.length;
  host.uninstall();
  const withoutStore = (wb: FakeWorkbook) => {
    const c = wb.clone();
    c.sheets = c.sheets.filter((s) => s.name !== STORE_SHEET);
    return workbookDump(c);
  };
  const expected = workbookDump(pristine);
  for (let k = 0; k < total; k++) {
    const wb = pristine.clone();
    host = installFakeOffice(wb, options);
    try {
      host.beforeSync = (n) => {
        if (n === writeSync) host.failSync(0, { afterOps: k, code: 'GeneralException' });
      };
      const out = await session.calculate();
      host.beforeSync = null;
      expect(out.ok).toBe(false);
      if (/恢复计算前内容/.test(out.message)) {
        expect((await session.restoreLast()).ok).toBe(true);
        expect(withoutStore(wb)).toEqual(expected);
        expect(storeOf(wb)?.record).toBeNull();
        restored(wb);
      } else {
        expect(out.message).toMatch(/未作修改/);
        expect(workbookDump(wb)).toEqual(expected);
      }
    } finally {
      host.uninstall();
    }
  }
  return total;
}
