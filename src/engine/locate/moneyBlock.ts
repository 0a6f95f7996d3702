/**
 * The money block (spec §2, §2.1): a header row with an executed column and a budget column; a label column
 * holding the fund rows (合计, 其中：…), whatever its header says; fund rows down to the first row that is not one
 * (goal rows, the indicator header). A merged block label on the left (项目资金（万元）) is neither a header nor a
 * source. Nothing here decides which rows add up to the total: that is the reconciliation's (budget.ts).
 */
import { a1 } from '../grid';
import type { BudgetRow, Issue, MoneyBlock } from '../types';
import type { SheetView } from '../sheetView';
import { FISCAL_PARENTS, FISCAL_SUBCATEGORIES, MONEY_SOURCE_ROWS, MONEY_TOTAL_ROWS, NON_FUND_ROWS, type MoneyColumn } from '../labels';
import { issue } from '../issues';
import { isBlank, labelKey } from '../text';
import { readNumber } from '../quantity';
import { declaredPoints, moneyColumnKind } from './columns';

type Candidates = Partial<Record<MoneyColumn, number[]>>;

/** Every column of a row by money kind (a kind may repeat: a header that lies is found out below). */
function headerCandidates(view: SheetView, row: number): Candidates {
  const out: Candidates = {};
  for (const { col, key } of view.rowTexts(row)) {
    const kind = moneyColumnKind(key);
    if (kind) (out[kind] ??= []).push(col);
  }
  return out;
}

const fundKey = (key: string): boolean =>
  MONEY_TOTAL_ROWS.some((t) => key === t || key.startsWith(t)) || MONEY_SOURCE_ROWS.some((s) => key.includes(s));

const nonFundKey = (key: string): boolean => NON_FUND_ROWS.some((l) => key === l || key.startsWith(l));

export const isTotalLabel = (key: string): boolean =>
  MONEY_TOTAL_ROWS.some((t) => key === t || key.startsWith(t + ':') || (key.startsWith(t) && key.length <= t.length + 1));

/** The column whose cells below the header are fund-row labels; -1 when none is. */
function labelColumn(view: SheetView, header: number, lastCol: number, to: number): number {
  let best = -1, hits = 0;
  for (let c = view.left; c <= lastCol; c++) {
    let n = 0;
    for (let r = header + 1; r < Math.min(to, header + 12); r++) {
      if (view.isCovered(r, c)) continue;
      const v = view.raw(r, c);
      if (typeof v === 'string' && fundKey(labelKey(v))) n++;
    }
    if (n > hits || (n === hits && n > 0)) {
      best = c;
      hits = n;
    }
  }
  return best;
}

/** 元 or 万元 from the header, the row above it or the block label; null when the table does not say. */
function statedUnit(view: SheetView, header: number, labelCol: number): '万元' | '元' | null {
  const keys: string[] = [];
  for (let r = Math.max(view.top, header - 1); r <= header; r++) for (const c of view.rowTexts(r)) keys.push(c.key);
  for (let c = view.left; c <= labelCol; c++) keys.push(view.label(header + 1, c));
  if (keys.some((k) => k.includes('万元'))) return '万元';
  if (keys.some((k) => /\(元\)|单位:?元|^元$/.test(k))) return '元';
  return null;
}

/** The money block above the indicator table, or null. Issues about unreadable amounts go to `issues`. */
export function findMoneyBlock(view: SheetView, from: number, to: number, sheet: string, issues: Issue[]): MoneyBlock | null {
  for (let r = from; r < to; r++) {
    const cand = headerCandidates(view, r);
    const anyBudget = (cand.annual?.length ?? 0) + (cand.initial?.length ?? 0);
    if (!cand.executed || !anyBudget) continue;
    const lastAmount = Math.max(...(cand.executed ?? []), ...(cand.annual ?? []), ...(cand.initial ?? []));
    const labelCol = labelColumn(view, r, lastAmount, to);
    // A header can lie: the column holding the row labels is the label column, whatever its header says.
    const pick = (kind: MoneyColumn): number | undefined => cand[kind]?.find((c) => c !== labelCol);
    const lied = labelCol >= 0 && (['initial', 'annual', 'executed'] as MoneyColumn[]).some((k) => cand[k]?.includes(labelCol));
    const cols = {
      initial: pick('initial'), annual: pick('annual'), executed: pick('executed'),
      rate: pick('rate'), weight: pick('weight'), score: pick('score'),
    };
    if (cols.executed === undefined || (cols.annual === undefined && cols.initial === undefined)) continue;
    if (lied) issues.push(issue('moneyLabelColumn', sheet, a1(r, labelCol), { header: view.text(r, labelCol) }));
    const amountCols = [cols.initial, cols.annual, cols.executed].filter((c): c is number => c !== undefined);
    const firstAmount = Math.min(...amountCols);
    const labelAt = labelCol >= 0 ? labelCol : firstAmount - 1;
    const stated = statedUnit(view, r, labelAt);
    const rows = fundRows(view, r, to, labelAt, amountCols, cols, stated, sheet, issues);
    const total = rows.find((x) => isTotalLabel(labelKey(x.name))) ?? null;
    const parts = rows.filter((x) => x !== total);
    markBreakdowns(parts, total);
    const unit = stated ?? guessUnit(parts, total, view, r, sheet, issues);
    const block: MoneyBlock = {
      unit, unitStated: stated !== null, rows: parts, total,
      weight: null, weightCell: null, scoreCell: null,
      budgetColumn: cols.annual !== undefined ? '全年预算数' : '年初预算数',
      headerRow: r, labelColumn: labelAt,
    };
    weightOf(view, block, cols, r);
    return block;
  }
  return null;
}

type Cols = { initial?: number; annual?: number; executed?: number; rate?: number; weight?: number; score?: number };

/** The fund rows under the header, down to the first row that is not one. */
function fundRows(
  view: SheetView, header: number, to: number, labelCol: number, amountCols: number[], cols: Cols, unit: '万元' | '元' | null, sheet: string, issues: Issue[],
): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (let rr = header + 1; rr < to; rr++) {
    // Text left of (or in) the label column that starts a goal or indicator row ends the block; a merged block
    // label coming down from above (covered cells) is not such text.
    let ends = false;
    for (let c = view.left; c <= view.right && !ends; c++) {
      if (view.isCovered(rr, c)) continue;
      const k = labelKey(view.raw(rr, c));
      // Left of the amounts any goal label ends the block; among them only a short label (a long text that
      // mentions 实际完成情况 is content, and is caught as narrative below).
      if (k && nonFundKey(k) && (c <= labelCol || k.length <= 8)) ends = true;
    }
    if (ends) break;
    // An amount cell inside text merged across several columns or rows is narrative, not an amount.
    if (amountCols.some((c) => spansSeveral(view, rr, c))) break;
    const raw = view.isCovered(rr, labelCol) ? null : view.raw(rr, labelCol);
    const name = typeof raw === 'string' ? raw.trim() : '';
    const anyAmount = amountCols.some((c) => !isBlank(view.raw(rr, c)));
    if (!name) {
      if (!isBlank(raw)) break; // a number where the label should be: not a fund row
      if (!anyAmount) {
        if (rows.length) break;
        continue;
      }
      continue;
    }
    if (nonFundKey(labelKey(name))) break;
    const read = (c: number | undefined, label: string): number | null => readAmount(view, rr, c, `${name}${label}`, unit, sheet, issues);
    rows.push({
      name,
      sub: false,
      breakdownOf: null,
      initial: read(cols.initial, '年初预算数'),
      annual: read(cols.annual, '全年预算数'),
      executed: read(cols.executed, '全年执行数'),
      row: rr,
      rateCell: cols.rate !== undefined ? a1(rr, cols.rate) : null,
      cell: a1(rr, Math.min(...amountCols)),
      budgetCell: a1(rr, cols.annual ?? cols.initial ?? Math.min(...amountCols)),
      executedCell: cols.executed !== undefined ? a1(rr, cols.executed) : '',
    });
  }
  return rows;
}

function spansSeveral(view: SheetView, row: number, col: number): boolean {
  const m = view.mergeArea(row, col);
  return !!m && (m.top !== m.bottom || m.right - m.left >= 2);
}

/** An amount cell: a number, or number text in the block's unit (4,764,453.11 and 100万元 read; 100万元 in 元 refused). */
function readAmount(view: SheetView, row: number, c: number | undefined, label: string, unit: '万元' | '元' | null, sheet: string, issues: Issue[]): number | null {
  if (c === undefined) return null;
  const v = view.raw(row, c);
  const n = readNumber(v, view.numberFormat(row, c));
  if (n.ok) {
    const u = n.quantity.unit;
    if (u && u !== '元' && u !== '万元') {
      issues.push(issue('amountUnreadable', sheet, a1(row, c), { label, text: String(v) }));
      return null;
    }
    if (u && unit && u !== unit) {
      issues.push(issue('amountUnitMismatch', sheet, a1(row, c), { label, text: String(v), unit }));
      return null;
    }
    return n.quantity.value;
  }
  if (n.reason !== 'blank') issues.push(issue('amountUnreadable', sheet, a1(row, c), { label, text: n.text }));
  return null;
}

/**
 * Which rows may break down another (§2.1): a 其中 row under a source (the first 其中 under the total starts the
 * parts), or a fiscal sub-category (一般公共预算 …) under 财政拨款 — and only when no amount exceeds the parent's.
 */
function markBreakdowns(parts: BudgetRow[], total: BudgetRow | null): void {
  let parent = -1;
  parts.forEach((row, i) => {
    const key = labelKey(row.name);
    const firstUnderTotal = total !== null && row.row > total.row && (i === 0 || parts[i - 1].row < total.row);
    const labelled = key.startsWith('其中') && !firstUnderTotal;
    const fiscal = FISCAL_SUBCATEGORIES.some((s) => key.includes(s)) && parent >= 0 && FISCAL_PARENTS.some((p) => labelKey(parts[parent].name).includes(p));
    if ((labelled || fiscal) && parent >= 0 && !firstUnderTotal && notAbove(row, parts[parent])) row.breakdownOf = parent;
    else parent = i;
  });
}

function notAbove(row: BudgetRow, parent: BudgetRow): boolean {
  const le = (a: number | null, b: number | null): boolean => a === null || b === null || a <= b + 0.005;
  return le(row.initial, parent.initial) && le(row.annual, parent.annual) && le(row.executed, parent.executed);
}

/** No unit in the table: amounts of a hundred thousand or more are 元 (a department's budget is not 10 亿 万元). */
function guessUnit(parts: BudgetRow[], total: BudgetRow | null, view: SheetView, header: number, sheet: string, issues: Issue[]): '万元' | '元' {
  const all = [...parts, ...(total ? [total] : [])].flatMap((r) => [r.initial, r.annual, r.executed]).filter((x): x is number => x !== null);
  const max = all.length ? Math.max(...all.map(Math.abs)) : 0;
  const unit = max >= 100000 ? '元' : '万元';
  if (all.length) issues.push(issue('moneyUnitGuessed', sheet, a1(header, view.left), { unit }));
  return unit;
}

/** The budget item's weight: a 分值/权重 cell on the total (or first) row, else points in a label (得分（20分*执行率）). */
function weightOf(view: SheetView, block: MoneyBlock, cols: Cols, header: number): void {
  const rows = [...(block.total ? [block.total] : []), ...block.rows];
  if (cols.weight !== undefined) {
    for (const row of rows) {
      const w = readNumber(view.value(row.row, cols.weight), 'General');
      if (w.ok) {
        block.weight = w.quantity.value;
        block.weightCell = a1(row.row, cols.weight);
        if (cols.score !== undefined) block.scoreCell = a1(row.row, cols.score);
        return;
      }
    }
  }
  const first = rows[0];
  if (cols.score !== undefined && first) block.scoreCell = a1(first.row, cols.score);
  // Points in the header cells or in the block label left of the header (预算执行情况（万元）（20分）).
  const texts = view.rowTexts(header).map((c) => ({ text: c.text, cell: a1(header, c.col) }));
  for (let c = view.left; c < block.labelColumn; c++) {
    const m = view.mergeArea(header, c);
    const r = m ? m.top : header;
    texts.push({ text: view.text(r, m ? m.left : c), cell: a1(r, m ? m.left : c) });
  }
  for (const t of texts) {
    const p = declaredPoints(t.text);
    if (p !== null) {
      block.weight = p;
      block.weightCell = t.cell;
      return;
    }
  }
}
