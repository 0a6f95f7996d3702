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

const kinds = (c: Columns<IndicatorColumn>): number => Object.keys(c).length;

/**
 * Two header rows as one: the upper row's group labels (年度指标值 over 指标性质/指标值/度量单位, 绩效指标 over
 * 一级/二级/三级) give way to the lower row's own labels; a label merged down over both rows (分值, 得分) counts once.
 */
function combine(view: SheetView, upperRow: number, upper: Columns<IndicatorColumn>, lower: Columns<IndicatorColumn>): Columns<IndicatorColumn> | null {
  const out: Columns<IndicatorColumn> = { ...lower };
  for (const k of Object.keys(upper) as IndicatorColumn[]) {
    if (lower[k] === undefined) {
      out[k] = upper[k];
      continue;
    }
    // Both rows name it: the upper must be a group label over the lower's (merged across columns, or — merges
    // unknown — followed by blanks up to the lower's label). Two different columns of one kind otherwise mean the
    // upper row is not a header at all (a fund row's 单位资金 and 实际完成情况 above the real header).
    const u = upper[k] as number, l = lower[k] as number;
    const area = view.mergeArea(upperRow, u);
    let blanksOver = l > u;
    for (let x = u + 1; x <= l && blanksOver; x++) blanksOver = view.blank(upperRow, x);
    if (u !== l && !((!!area && area.left <= l && l <= area.right) || blanksOver)) return null;
  }
  return out;
}

/** A header row holds labels only: a number in it means it is a data or fund row. */
function labelsOnly(view: SheetView, row: number): boolean {
  for (let c = view.left; c <= view.right; c++) if (typeof view.raw(row, c) === 'number') return false;
  return true;
}

/** The indicator header at or below `from` (to `to`), or null. */
export function findIndicatorHeader(view: SheetView, from: number, to = view.bottom): IndicatorHeader | null {
  for (let r = from; r <= to; r++) {
    const c = rowColumns(view, r, INDICATOR_COLUMNS);
    if (!kinds(c)) continue;
    const next = r + 1 <= view.bottom ? rowColumns(view, r + 1, INDICATOR_COLUMNS) : {};
    if (kinds(next) >= 2 && labelsOnly(view, r)) {
      const both = combine(view, r, c, next);
      // Two header rows: together they say more than either alone.
      if (both && qualifies(both) && kinds(both) > kinds(c) && kinds(both) > kinds(next)) return { row: r, dataStart: r + 2, cols: both };
    }
    if (qualifies(c)) return { row: r, dataStart: r + 1, cols: c };
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
