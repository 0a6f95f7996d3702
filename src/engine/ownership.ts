/**
 * Who a cell's current content belongs to, and the one rule that says whether a cell may be written (spec §5):
 * only an empty cell, one holding what our last calculation wrote (the record), or the output cell of a
 * recognised row holding a number (an old score, kept as the user's when it differs); never a formula, text or a
 * cell inside a merged area other than through its top-left cell of a one-row area in that row's output column.
 */
import { parseA1, type CellValue } from './grid';
import type { CellWrite, WriteRecord } from './types';
import type { SheetView } from './sheetView';
import type { CellRange } from './grid';
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

/** Where an output goes: the cell, and the header row whose (merged) cell names its column, for the merge rule. */
export interface OutputSlot {
  address: string;
  /** The table's header row for a column output (rate, score, actual); null for a cell right of a footer label. */
  headerRow: number | null;
}

/** What may happen to an output cell. */
export type WriteVerdict =
  /** Empty, or ours: write. */
  | { kind: 'write'; before: CellWrite['before'] }
  /** A formula: never written (its value may be compared, and may be stale). */
  | { kind: 'formula'; value: CellValue; before: CellWrite['before'] }
  /** A number the user (or an earlier tool) put there: kept unless the user chooses ours (采用计算值). */
  | { kind: 'number'; value: number; before: CellWrite['before'] }
  /** Text: never written (a grade cell's text is compared like a number). */
  | { kind: 'text'; value: string; before: CellWrite['before'] }
  /** Inside a merged area we may not write through: never written. */
  | { kind: 'merged'; area: CellRange; before: CellWrite['before'] };

/** The merge rule: only the top-left cell of a one-row area lying in the output column (the header's merged span). */
function mergeAllows(view: SheetView, row: number, col: number, headerRow: number | null): CellRange | null {
  const area = view.mergeArea(row, col);
  if (!area) return null;
  if (area.top !== row || area.left !== col || area.bottom !== row) return area;
  if (area.right === col || headerRow === null) return null;
  const head = view.mergeArea(headerRow, col);
  return head && head.left <= area.left && area.right <= head.right ? null : area;
}

export function mayWrite(view: SheetView, slot: OutputSlot, record: Map<string, RecordCell>, at?: { row: number; col: number }): WriteVerdict {
  const { row, col } = at ?? parseA1(slot.address);
  const state = cellState(view, slot.address, record, { row, col });
  const blocked = mergeAllows(view, row, col, slot.headerRow);
  if (blocked) return { kind: 'merged', area: blocked, before: state.before };
  switch (state.kind) {
    case 'empty':
    case 'ours':
      return { kind: 'write', before: state.before };
    case 'formula':
      return { kind: 'formula', value: state.value, before: state.before };
    case 'user': {
      const v = state.value;
      if (typeof v === 'number') return { kind: 'number', value: v, before: state.before };
      if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return { kind: 'number', value: Number(v), before: state.before };
      return { kind: 'text', value: String(v), before: state.before };
    }
  }
}
