/**
 * Shared by the gateway tests (gateway.test.ts, gatewayRestore.test.ts, gatewayOldOffice.test.ts): the example
 * workbook for the fake host, the store read back, a generated table of n rows, and the check that only the planned
 * cells changed.
 */
import { FakeWorkbook } from '../fakehost';
import { changedCells } from '../fakehost/compare';
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
