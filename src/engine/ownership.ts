/**
 * Who a cell's current content belongs to (spec §5): empty, ours (what the record says we wrote last time and
 * still there), a formula, or the user's. Only empty and ours may be written.
 */
import { parseA1, type CellValue } from './grid';
import type { CellWrite, WriteRecord } from './types';
import type { SheetView } from './sheetView';
import { isBlank } from './text';

export type RecordCell = WriteRecord['cells'][number];

const EMPTY_GENERAL: CellWrite['before'] = Object.freeze({ value: '', numberFormat: 'General' });

export type CellState =
  | { kind: 'empty'; before: CellWrite['before'] }
  | { kind: 'ours'; before: CellWrite['before'] }
  | { kind: 'formula'; value: CellValue; before: CellWrite['before'] }
  | { kind: 'user'; value: CellValue; before: CellWrite['before'] };

/** Equal as cell contents: numbers within a relative 1e-9 (files round-trip doubles at 15–17 digits). */
export function sameValue(a: unknown, b: unknown): boolean {
  const blankA = a === null || a === undefined || a === '';
  const blankB = b === null || b === undefined || b === '';
  if (blankA || blankB) return blankA && blankB;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

export function recordIndex(record: WriteRecord | null | undefined, sheet: string): Map<string, RecordCell> {
  const m = new Map<string, RecordCell>();
  if (!record || record.sheet !== sheet) return m;
  for (const c of record.cells) m.set(c.address, c);
  return m;
}

export function cellState(view: SheetView, address: string, record: Map<string, RecordCell>, at?: { row: number; col: number }): CellState {
  const { row, col } = at ?? parseA1(address);
  const raw = view.raw(row, col);
  const format = view.ownNumberFormat(row, col);
  // Most output cells start empty and General: share one frozen record of that (large tables retain one per cell).
  const own: CellWrite['before'] =
    (raw === null || raw === '') && format === 'General' ? EMPTY_GENERAL : { value: raw === null ? '' : raw, numberFormat: format };
  if (view.isFormula(row, col)) return { kind: 'formula', value: raw, before: own };
  const rec = record.get(address);
  if (rec && sameValue(raw, rec.written)) return { kind: 'ours', before: rec.before };
  if (isBlank(raw)) return { kind: 'empty', before: own };
  return { kind: 'user', value: raw, before: own };
}
