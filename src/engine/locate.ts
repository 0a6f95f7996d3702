/**
 * Finding the 自评表 by its labels (spec §2): title and year, header block, money block, indicator table and
 * the rows below it. Columns may be in any order, merged or not; nothing is found by a fixed address.
 */
import { a1 } from './grid';
import type { Issue, IndicatorRow, Level1Header, MoneyBlock, BudgetRow, TableModel } from './types';
import { SheetView } from './sheetView';
import {
  BUDGET_INDICATOR_NAMES, FOOTER_LABELS, HEADER_LABELS, INDICATOR_COLUMNS, MONEY_COLUMNS, MONEY_TOTAL_ROWS, TITLE,
  isLabel, matchColumn, type IndicatorColumn, type MoneyColumn,
} from './labels';
import { issue } from './issues';
import { labelKey, toHalfWidth, isBlank } from './text';
import { readNumber } from './quantity';
import { displayText } from './display';

export interface Located {
  table: TableModel | null;
  /** Chinese names of what was missing when table is null. */
  missing: string[];
  issues: Issue[];
}

type Columns<K extends string> = Partial<Record<K, number>>;

const NAME_LABELS = new Set(INDICATOR_COLUMNS.name);

interface IndicatorHeader {
  row: number;
  /** First data row. */
  dataStart: number;
  cols: Columns<IndicatorColumn>;
}

/** Column kinds found in one row. First column wins when a kind repeats. */
function rowColumns<K extends string>(view: SheetView, row: number, table: Record<K, readonly string[]>): Columns<K> {
  const cols: Columns<K> = {};
  for (const { col, key } of view.rowTexts(row)) {
    if (key.length > 16) continue; // a header is short; long text is content
    const kind = matchColumn(key, table);
    if (kind !== null && cols[kind] === undefined) cols[kind] = col;
  }
  return cols;
}

function qualifiesAsIndicatorHeader(c: Columns<IndicatorColumn>): boolean {
  return c.name !== undefined && c.weight !== undefined && (c.target !== undefined || c.actual !== undefined);
}

/** The indicator header at or below `from`: one row, or two rows (a merged group label above). */
export function findIndicatorHeader(view: SheetView, from: number, to = view.bottom): IndicatorHeader | null {
  for (let r = from; r <= to; r++) {
    const c = rowColumns(view, r, INDICATOR_COLUMNS);
    const next = r + 1 <= view.bottom ? rowColumns(view, r + 1, INDICATOR_COLUMNS) : {};
    const nextCount = Object.keys(next).length;
    if (qualifiesAsIndicatorHeader(c)) {
      // A second header row holds labels this one lacks (e.g. 一级/二级/三级 under 绩效指标).
      const adds = Object.keys(next).filter((k) => c[k as IndicatorColumn] === undefined).length;
      if (nextCount >= 2 && adds >= 1 && !qualifiesAsIndicatorHeader(next)) {
        return { row: r, dataStart: r + 2, cols: { ...next, ...c, ...onlyNew(c, next) } };
      }
      return { row: r, dataStart: r + 1, cols: c };
    }
    if (nextCount >= 2) {
      const merged = { ...c, ...next };
      if (qualifiesAsIndicatorHeader(merged) && Object.keys(c).length >= 1 && !qualifiesAsIndicatorHeader(next)) {
        return { row: r, dataStart: r + 2, cols: merged };
      }
    }
  }
  return null;
}

function onlyNew(base: Columns<IndicatorColumn>, extra: Columns<IndicatorColumn>): Columns<IndicatorColumn> {
  const out: Columns<IndicatorColumn> = {};
  for (const k of Object.keys(extra) as IndicatorColumn[]) if (base[k] === undefined) out[k] = extra[k];
  return out;
}

/** Text after a label in the same cell (单位名称：XX局), else the first non-blank cell to its right. */
function valueBeside(view: SheetView, row: number, col: number, label: string): string {
  const own = toHalfWidth(view.text(row, col));
  const idx = own.replace(/\s+/g, '').indexOf(label);
  if (idx >= 0) {
    const m = /[:：]\s*(.+)$/s.exec(own);
    if (m && m[1].trim()) return m[1].trim();
  }
  const area = view.mergeArea(row, col);
  const start = (area ? area.right : col) + 1;
  const selfText = view.text(row, col);
  for (let c = start; c <= view.right; c++) {
    if (view.isCovered(row, c)) continue;
    const t = view.text(row, c);
    if (t && t !== selfText) return t;
  }
  return '';
}

function findLabel(view: SheetView, labels: readonly string[], rowFrom: number, rowTo: number): { row: number; col: number; label: string } | null {
  for (let r = rowFrom; r <= rowTo; r++) {
    for (const { col, key } of view.rowTexts(r)) {
      for (const l of labels) {
        if (key === l || key.startsWith(l + ':') || (key.startsWith(l) && key.length <= l.length + 2)) return { row: r, col, label: l };
      }
    }
  }
  return null;
}

const YEAR = /((?:19|20)\d{2})\s*年/;

function findTitle(view: SheetView, to: number): { row: number; title: string; year: number | null } | null {
  for (let r = view.top; r <= to; r++) {
    for (const { text, key } of view.rowTexts(r)) {
      if (!key.includes(TITLE)) continue;
      let year: number | null = null;
      const m = YEAR.exec(toHalfWidth(text));
      if (m) year = Number(m[1]);
      for (let rr = r + 1; year === null && rr <= Math.min(r + 2, view.bottom); rr++) {
        for (const t of view.rowTexts(rr)) {
          const y = YEAR.exec(toHalfWidth(t.text));
          if (y && t.text.length <= 20) {
            year = Number(y[1]);
            break;
          }
        }
      }
      return { row: r, title: text, year };
    }
  }
  return null;
}

/** The money block: the header row holding an executed column and a budget column, above the indicators. */
function findMoneyBlock(view: SheetView, from: number, to: number, sheet: string, issues: Issue[]): MoneyBlock | null {
  for (let r = from; r < to; r++) {
    const cols = rowColumns<MoneyColumn>(view, r, MONEY_COLUMNS);
    if (cols.executed === undefined || (cols.annual === undefined && cols.initial === undefined)) continue;
    const amountCols = [cols.initial, cols.annual, cols.executed].filter((c): c is number => c !== undefined);
    const firstAmount = Math.min(...amountCols);
    const unit = moneyUnit(view, r);
    const rows: BudgetRow[] = [];
    let total: BudgetRow | null = null;
    let weight: number | null = null, weightCell: string | null = null, scoreCell: string | null = null;
    for (let rr = r + 1; rr < to; rr++) {
      const name = rowName(view, rr, cols.source, firstAmount);
      const anyAmount = amountCols.some((c) => !isBlank(view.raw(rr, c)));
      if (!name && !anyAmount) {
        if (rows.length || total) break;
        continue;
      }
      if (!name && anyAmount) continue;
      const key = labelKey(name);
      const read = (c: number | undefined, label: string): number | null => {
        if (c === undefined) return null;
        const v = view.raw(rr, c);
        const n = readNumber(v, view.numberFormat(rr, c));
        if (n.ok) {
          const u = n.quantity.unit;
          if (u && u !== unit && !(u === '元' && unit === '元') && u !== '%') {
            issues.push(issue('amountUnitMismatch', sheet, a1(rr, c), { label, text: String(v), unit }));
            return null;
          }
          return n.quantity.value;
        }
        if (n.reason === 'blank') return null;
        issues.push(issue('amountUnreadable', sheet, a1(rr, c), { label: `${name}${label}`, text: n.text }));
        return null;
      };
      const row: BudgetRow = {
        name,
        sub: key.startsWith('其中'),
        initial: read(cols.initial, '年初预算数'),
        annual: read(cols.annual, '全年预算数'),
        executed: read(cols.executed, '全年执行数'),
        row: rr,
        rateCell: cols.rate !== undefined ? a1(rr, cols.rate) : null,
        cell: a1(rr, firstAmount),
        budgetCell: a1(rr, cols.annual ?? cols.initial ?? firstAmount),
        executedCell: cols.executed !== undefined ? a1(rr, cols.executed) : '',
      };
      const isTotal = MONEY_TOTAL_ROWS.some((t) => key === t || key.startsWith(t));
      if (isTotal && !total) {
        total = row;
        if (cols.weight !== undefined) {
          const w = readNumber(view.raw(rr, cols.weight), 'General');
          if (w.ok) {
            weight = w.quantity.value;
            weightCell = a1(rr, cols.weight);
          }
        }
        if (cols.score !== undefined) scoreCell = a1(rr, cols.score);
      } else rows.push(row);
    }
    if (weight === null && cols.weight !== undefined) {
      // Weight written on the first source row (some layouts merge it down the block).
      for (const row of rows) {
        const w = readNumber(view.value(row.row, cols.weight), 'General');
        if (w.ok) {
          weight = w.quantity.value;
          weightCell = a1(row.row, cols.weight);
          if (cols.score !== undefined && !scoreCell) scoreCell = a1(row.row, cols.score);
          break;
        }
      }
    }
    return {
      unit,
      rows,
      total,
      weight,
      weightCell,
      scoreCell,
      budgetColumn: cols.annual !== undefined ? '全年预算数' : '年初预算数',
      headerRow: r,
    };
  }
  return null;
}

/** 元 or 万元, from the block header or the row above it; 万元 when unsaid. */
function moneyUnit(view: SheetView, headerRow: number): '万元' | '元' {
  for (let r = Math.max(view.top, headerRow - 1); r <= headerRow; r++) {
    for (const c of view.rowTexts(r)) {
      if (c.key.includes('万元')) return '万元';
      if (/[(（]元[)）]|单位[:：]?元/.test(c.key)) return '元';
    }
  }
  for (let c = view.left; c <= view.right; c++) {
    const k = view.label(headerRow, c);
    if (k.includes('万元')) return '万元';
    if (/\(元\)|单位:?元/.test(k)) return '元';
  }
  return '万元';
}

function rowName(view: SheetView, row: number, sourceCol: number | undefined, firstAmount: number): string {
  if (sourceCol !== undefined) {
    const t = view.text(row, sourceCol);
    if (t) return t;
  }
  for (let c = firstAmount - 1; c >= view.left; c--) {
    const t = view.text(row, c);
    if (t) return t;
  }
  return '';
}

/** Level-1 text with its weight: 履职效能（50分） → 履职效能, 50. */
export function splitLevel1(text: string): { name: string; weight: number | null } {
  const t = toHalfWidth(text).trim();
  const m = /^(.*?)\s*\(\s*(\d+(?:\.\d+)?)\s*分?\s*\)\s*$/.exec(t);
  if (m && m[1]) return { name: m[1].trim(), weight: Number(m[2]) };
  return { name: text.trim(), weight: null };
}

const FOOTER_FIRST = new Set(Object.values(FOOTER_LABELS).flat().map((l) => l[0]));

function footerKind(key: string): keyof typeof FOOTER_LABELS | null {
  if (!FOOTER_FIRST.has(key[0])) return null;
  const order: (keyof typeof FOOTER_LABELS)[] = ['totalScore', 'grade', 'conclusion', 'problems', 'measures', 'subtotal', 'total'];
  for (const k of order) if (isLabel(key, FOOTER_LABELS[k])) return k;
  return null;
}

/** First cell right of a label (spec §5): right of its merged area, or past the level columns when merges are unknown. */
function rightOfLabel(view: SheetView, row: number, col: number, firstDataCol: number): number {
  if (view.mergesKnown) {
    const area = view.mergeArea(row, col);
    return (area ? area.right : col) + 1;
  }
  return Math.max(col + 1, firstDataCol);
}

function textRightOf(view: SheetView, row: number, col: number, firstDataCol: number, label: string): string {
  const own = toHalfWidth(view.text(row, col));
  const m = /[:：]\s*(.+)$/s.exec(own);
  if (m && m[1].trim() && own.replace(/\s+/g, '').startsWith(label)) return m[1].trim();
  const selfText = view.text(row, col);
  for (let c = rightOfLabel(view, row, col, firstDataCol); c <= view.right; c++) {
    if (view.isCovered(row, c)) continue;
    const t = view.text(row, c);
    if (t && t !== selfText) return t;
  }
  return '';
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
  const cols = header.cols;
  const title = findTitle(view, header.row);
  if (!title) issues.push(issue('titleMissing', sheet, ''));
  else if (title.year === null) issues.push(issue('yearMissing', sheet, a1(title.row, view.left)));

  const headTop = title ? title.row + 1 : view.top;
  const blockLabel = (labels: readonly string[]): string => {
    const f = findLabel(view, labels, headTop, header.row - 1);
    return f ? valueBeside(view, f.row, f.col, f.label) : '';
  };
  const unitName = blockLabel(HEADER_LABELS.unitName);
  if (!unitName) issues.push(issue('unitNameMissing', sheet, ''));
  const money = findMoneyBlock(view, headTop, header.row, sheet, issues);
  if (!money) issues.push(issue('moneyBlockMissing', sheet, ''));

  const levelCols = [cols.level1, cols.level2, cols.name].filter((c): c is number => c !== undefined);
  const firstDataCol = Math.max(...levelCols) + 1;
  const labelCols = Math.max(...levelCols);

  const indicators: IndicatorRow[] = [];
  const level1Headers: Level1Header[] = [];
  const subtotalCells: TableModel['subtotalCells'] = [];
  const footer: TableModel['footer'] = { totalScoreCell: null, totalWeightCell: null, gradeCell: null, problems: '', measures: '', conclusion: '' };
  // The same for every row: one object, not one per row (large tables allocate enough already).
  const rowColumnsShared: IndicatorRow['columns'] = Object.freeze({
    name: cols.name ?? -1, weight: cols.weight ?? -1, target: cols.target ?? -1,
    actual: cols.actual ?? -1, score: cols.score ?? -1, reason: cols.reason ?? -1,
  });
  let last1 = '', last2 = '';
  let lastSplit = { text: '', value: splitLevel1('') };
  let inFooter = false;
  const cell = (r: number, c: number | undefined): string => (c === undefined ? '' : a1(r, c));
  const txt = (r: number, c: number | undefined): string => (c === undefined ? '' : view.text(r, c));
  const shown = (r: number, c: number | undefined): string => (c === undefined ? '' : displayText(view.value(r, c), view.numberFormat(r, c)));

  for (let r = header.dataStart; r <= view.bottom; r++) {
    // The first text in the label columns says whether this is a footer row.
    let lead: { col: number; key: string } | null = null;
    for (let c = view.left; c <= labelCols; c++) {
      if (view.isCovered(r, c)) continue;
      const k = labelKey(view.raw(r, c));
      if (k) {
        lead = { col: c, key: k };
        break;
      }
    }
    const fk = lead ? footerKind(lead.key) : null;
    if (fk === 'subtotal') {
      if (cols.score !== undefined) {
        const isLevel2 = cols.level2 !== undefined && lead!.col > (cols.level1 ?? -1) && last2 !== '';
        subtotalCells.push({ level: isLevel2 ? 2 : 1, group: isLevel2 ? `${last1}/${last2}` : last1, cell: a1(r, cols.score) });
      }
      continue;
    }
    if (fk) {
      inFooter = true;
      const c = lead!.col;
      switch (fk) {
        case 'total':
          if (cols.score !== undefined && !footer.totalScoreCell) footer.totalScoreCell = a1(r, cols.score);
          if (cols.weight !== undefined) footer.totalWeightCell = a1(r, cols.weight);
          break;
        case 'totalScore':
          footer.totalScoreCell = a1(r, rightOfLabel(view, r, c, firstDataCol));
          break;
        case 'grade':
          footer.gradeCell = a1(r, rightOfLabel(view, r, c, firstDataCol));
          break;
        case 'conclusion':
          footer.conclusion = textRightOf(view, r, c, firstDataCol, lead!.key);
          break;
        case 'problems':
          footer.problems = textRightOf(view, r, c, firstDataCol, lead!.key);
          break;
        case 'measures':
          footer.measures = textRightOf(view, r, c, firstDataCol, lead!.key);
          break;
      }
      continue;
    }
    // Only a row holding header labels can start a second table; test that cheaply first.
    const second = cols.name !== undefined && NAME_LABELS.has(labelKey(view.raw(r, cols.name))) ? findIndicatorHeader(view, r, r) : null;
    if (second) {
      issues.push(issue('secondTable', sheet, a1(r, view.left), { row: r + 1 }));
      break;
    }
    if (inFooter) continue;
    const name = txt(r, cols.name);
    const weightText = shown(r, cols.weight);
    const targetText = shown(r, cols.target);
    if (!name && !weightText && !targetText) continue;

    // Blank below the first row of a group means the group goes on (hosts without merge information).
    const raw1 = txt(r, cols.level1);
    const raw2 = txt(r, cols.level2);
    const l1 = raw1 || last1;
    const l2 = raw2 || (l1 === last1 ? last2 : '');
    const split = l1 === lastSplit.text ? lastSplit.value : splitLevel1(l1);
    lastSplit = { text: l1, value: split };
    if (l1 && l1 !== last1) {
      const anchor = cols.level1 !== undefined ? view.mergeArea(r, cols.level1) : null;
      level1Headers.push({ name: split.name, declaredWeight: split.weight, cell: anchor ? a1(anchor.top, anchor.left) : cell(r, cols.level1) });
    }
    last1 = l1;
    last2 = l2;
    indicators.push({
      row: r,
      level1: split.name,
      level2: l2,
      name: name || l2,
      weightText,
      targetText,
      actualText: shown(r, cols.actual),
      unitText: txt(r, cols.unit),
      natureText: txt(r, cols.nature),
      reason: txt(r, cols.reason),
      rule: txt(r, cols.rule),
      columns: rowColumnsShared,
      cells: {
        name: cell(r, cols.name),
        weight: cell(r, cols.weight),
        target: cell(r, cols.target),
        actual: cell(r, cols.actual),
        score: cell(r, cols.score),
        reason: cell(r, cols.reason),
      },
    });
  }

  const table: TableModel = {
    sheet,
    title: title?.title ?? TITLE,
    year: title?.year ?? null,
    unitName,
    goal: blockLabel(HEADER_LABELS.goal),
    achievement: blockLabel(HEADER_LABELS.achievement),
    shortfallReason: blockLabel(HEADER_LABELS.shortfall),
    money,
    indicators,
    level1Headers,
    footer,
    subtotalCells,
    indicatorHeaderRow: header.row,
  };
  return { table, missing: [], issues };
}

export function isBudgetIndicator(name: string): boolean {
  const k = labelKey(name);
  return BUDGET_INDICATOR_NAMES.some((n) => k === n || k.startsWith(n) || k.endsWith(n));
}

/** The indicator table's columns, re-exported for the write plan's "no score column" check. */
export function hasScoreColumn(table: TableModel): boolean {
  return table.indicators.some((i) => i.cells.score !== '');
}
