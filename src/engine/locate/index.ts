/**
 * Finding the 自评表 by its labels (spec §2, §2.1): title and year, header block, money block, indicator table
 * and the rows below it. Columns may be in any order, merged or not; nothing is found by a fixed address.
 */
import { a1 } from '../grid';
import type { Issue, TableModel } from '../types';
import type { SheetView } from '../sheetView';
import { BUDGET_INDICATOR_NAMES, HEADER_LABELS, NON_FUND_ROWS, TITLE } from '../labels';
import { issue } from '../issues';
import { labelKey, toHalfWidth } from '../text';
import { findMoneyBlock } from './moneyBlock';
import { findIndicatorHeader } from './indicatorHeader';
import { readIndicatorTable } from './indicatorRows';
import { assignLabelWeights } from './labelWeights';
import { findTitle, findYear } from './title';

export { findIndicatorHeader } from './indicatorHeader';
export { splitLevel1, isTemplateName } from './indicatorRows';

export interface Located {
  table: TableModel | null;
  /** Chinese names of what was missing when table is null. */
  missing: string[];
  issues: Issue[];
}

const isLabelText = (key: string): boolean => NON_FUND_ROWS.some((l) => key === l || key.startsWith(l));

/** The first text right of a cell (past its merged area), in the same row. */
function textRight(view: SheetView, row: number, col: number): { col: number; text: string } | null {
  const area = view.mergeArea(row, col);
  const selfText = view.text(row, col);
  for (let c = (area ? area.right : col) + 1; c <= view.right; c++) {
    if (view.isCovered(row, c)) continue;
    const t = view.text(row, c);
    if (t && t !== selfText) return { col: c, text: t };
  }
  return null;
}

/** The text under a label cell (below its merged area), within two rows. */
function textBelow(view: SheetView, row: number, col: number): string {
  const area = view.mergeArea(row, col);
  const bottom = area ? area.bottom : row;
  for (let r = bottom + 1; r <= Math.min(bottom + 2, view.bottom); r++) {
    const t = view.text(r, col);
    if (t) return t;
  }
  return '';
}

/**
 * What a label introduces: the text after its colon (单位名称：XX局), else the first cell to its right, else the
 * text under it. When the cell to the right is itself a label (年度总体目标 | 预期目标), the text under that one.
 */
function valueOf(view: SheetView, row: number, col: number, label: string): string {
  const own = toHalfWidth(view.text(row, col));
  if (own.replace(/\s+/g, '').indexOf(label) >= 0) {
    const m = /[:：]\s*(.+)$/s.exec(own);
    if (m && m[1].trim()) return m[1].trim();
  }
  const right = textRight(view, row, col);
  if (right && !isLabelText(labelKey(right.text))) return right.text;
  if (right) return textBelow(view, row, right.col);
  return textBelow(view, row, col);
}

/** The first cell holding one of the labels, trying the labels in order of preference. */
function findLabel(
  view: SheetView, labels: readonly string[], rowFrom: number, rowTo: number, skip: number[] | null,
): { row: number; col: number; label: string } | null {
  for (const l of labels) {
    for (let r = rowFrom; r <= rowTo; r++) {
      if (skip && r >= skip[0] && r <= skip[1]) continue;
      for (const { col, key } of view.rowTexts(r)) {
        if (key === l || key.startsWith(l + ':') || (key.startsWith(l) && key.length <= l.length + 2)) return { row: r, col, label: l };
      }
    }
  }
  return null;
}

export function locateTable(view: SheetView): Located {
  const sheet = view.name;
  const issues: Issue[] = [];
  const header = findIndicatorHeader(view, view.top);
  if (!header) {
    const missing = ['指标表表头（“三级指标”“分值”“年度指标值”或“实际完成值”）'];
    if (!findTitle(view, view.bottom)) missing.unshift('标题“部门整体支出绩效自评表”');
    return { table: null, missing, issues };
  }
  const title = findTitle(view, header.row);
  const year = findYear(view, title, header.row - 1);
  if (!title) issues.push(issue('titleMissing', sheet, ''));
  if (!year) issues.push(issue('yearMissing', sheet, title ? a1(title.row, title.col) : ''));

  const headTop = title ? title.row + 1 : view.top;
  const money = findMoneyBlock(view, headTop, header.row, sheet, issues);
  if (!money) issues.push(issue('moneyBlockMissing', sheet, ''));
  // The header labels (单位名称, 年度总体目标 …) are never read from inside the money block, where we write.
  const moneyRows = money ? [money.headerRow, Math.max(money.headerRow, ...money.rows.map((r) => r.row), money.total?.row ?? 0)] : null;
  const labelled = (labels: readonly string[]): string => {
    const f = findLabel(view, labels, headTop, header.row - 1, moneyRows);
    return f ? valueOf(view, f.row, f.col, f.label) : '';
  };
  const unitName = labelled(HEADER_LABELS.unitName);
  if (!unitName) issues.push(issue('unitNameMissing', sheet, ''));

  const rows = readIndicatorTable(view, header);
  if (rows.secondTable !== null) issues.push(issue('secondTable', sheet, a1(rows.secondTable, view.left), { row: rows.secondTable + 1 }));
  if (rows.templateRows.length) {
    const list = rows.templateRows.map((r) => r + 1);
    issues.push(issue('templateRows', sheet, '', { rows: list.length > 8 ? `${list.slice(0, 8).join('、')} 等 ${list.length} ` : list.join('、') }));
  }
  const weights = assignLabelWeights(rows);
  if (weights.shared.length) {
    issues.push(issue('weightsFromLabels', sheet, '', { groups: weights.shared.map((g) => `“${g.label}”${g.points}分（${g.rows}项）`).join('，') }));
  }
  if (weights.missing) issues.push(issue('noWeights', sheet, ''));

  const table: TableModel = {
    sheet,
    title: title?.title ?? TITLE,
    year: year?.year ?? null,
    unitName,
    goal: labelled(HEADER_LABELS.goal),
    achievement: labelled(HEADER_LABELS.achievement),
    shortfallReason: labelled(HEADER_LABELS.shortfall),
    money,
    indicators: rows.indicators,
    level1Headers: rows.level1Headers,
    footer: rows.footer,
    subtotalCells: rows.subtotalCells,
    indicatorHeaderRow: header.row,
  };
  return { table, missing: [], issues };
}

export function isBudgetIndicator(name: string): boolean {
  const k = labelKey(name);
  return BUDGET_INDICATOR_NAMES.some((n) => k === n || k.startsWith(n) || k.endsWith(n));
}
