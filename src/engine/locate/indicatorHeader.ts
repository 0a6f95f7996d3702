/**
 * The indicator table's header row (spec §2): one row, or two (a merged group label above). It needs a name
 * column and a target or actual column; the weight may be a column (分值/权重) or only in the labels (§2.1).
 */
import type { SheetView } from '../sheetView';
import { INDICATOR_COLUMNS, type IndicatorColumn } from '../labels';
import { labelKey } from '../text';
import { rowColumns, type Columns } from './columns';

export interface IndicatorHeader {
  row: number;
  /** First data row. */
  dataStart: number;
  cols: Columns<IndicatorColumn>;
}

const NAME_LABELS = new Set(INDICATOR_COLUMNS.name);

function qualifies(c: Columns<IndicatorColumn>): boolean {
  return c.name !== undefined && (c.target !== undefined || c.actual !== undefined) && (c.weight !== undefined || c.score !== undefined || c.target !== undefined);
}

function onlyNew(base: Columns<IndicatorColumn>, extra: Columns<IndicatorColumn>): Columns<IndicatorColumn> {
  const out: Columns<IndicatorColumn> = {};
  for (const k of Object.keys(extra) as IndicatorColumn[]) if (base[k] === undefined) out[k] = extra[k];
  return out;
}

/** The indicator header at or below `from` (to `to`), or null. */
export function findIndicatorHeader(view: SheetView, from: number, to = view.bottom): IndicatorHeader | null {
  for (let r = from; r <= to; r++) {
    const c = rowColumns(view, r, INDICATOR_COLUMNS);
    const next = r + 1 <= view.bottom ? rowColumns(view, r + 1, INDICATOR_COLUMNS) : {};
    const nextCount = Object.keys(next).length;
    if (qualifies(c)) {
      // A second header row holds labels this one lacks (e.g. 一级/二级/三级 under 绩效指标).
      const adds = Object.keys(next).filter((k) => c[k as IndicatorColumn] === undefined).length;
      if (nextCount >= 2 && adds >= 1 && !qualifies(next)) {
        return { row: r, dataStart: r + 2, cols: { ...next, ...c, ...onlyNew(c, next) } };
      }
      return { row: r, dataStart: r + 1, cols: c };
    }
    if (nextCount >= 2) {
      const merged = { ...c, ...next };
      if (qualifies(merged) && Object.keys(c).length >= 1 && !qualifies(next)) {
        return { row: r, dataStart: r + 2, cols: merged };
      }
    }
  }
  return null;
}

/** A row that repeats the indicator header (one per goal block in some forms): its name column says 三级指标. */
export function repeatedHeader(view: SheetView, row: number, nameCol: number | undefined): IndicatorHeader | null {
  if (nameCol === undefined) return null;
  const v = view.raw(row, nameCol);
  if (typeof v !== 'string' || !NAME_LABELS.has(labelKey(v))) return null;
  return findIndicatorHeader(view, row, row);
}
