/** The engine's entry point: sheets in, evaluation (table, results, issues, write plan) out. */
import type { SheetGrid } from './grid';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import type { CellWrite, Evaluation, FoundEvaluation, GroupResult, IndicatorResult, Issue, Results, TableModel, WriteRecord } from './types';
import { SheetView } from './sheetView';
import { locateTable, isBudgetIndicator } from './locate';
import { computeBudget, type BudgetOutcome } from './budget';
import { scoreRow, weightProblem, type RowScore } from './indicator';
import { issue, sortIssues } from './issues';
import { cellState, recordIndex, sameValue, type RecordCell } from './ownership';
import { finishPlan } from './writePlan';
import { readsAny } from './formulas';
import { RATE_TOLERANCE, SCORE_TOLERANCE, WEIGHT_TOLERANCE } from './tolerance';
import { a1, parseA1 } from './grid';
import { gradeOf } from './grade';
import { roundHalfUp, sum2 } from './rounding';
import { inTierBand, scoreBudget, tierBand } from './scoring';
import { tierName } from './qualitative';
import { STORE_SHEET } from './store';

export interface EvaluateOptions {
  /** Validated settings (validateSettings); defaults when absent. */
  settings?: Settings;
  /** The record of the last calculation, read from the workbook store. */
  record?: WriteRecord | null;
  /** Name of the active sheet: preferred when several sheets qualify. */
  activeSheet?: string;
  /** Output cells (local addresses) whose user value the user chose to replace by the computed one. */
  acceptComputed?: string[];
  /** ISO time stamped on the new record (the engine reads no clock). */
  now?: string;
}

export function evaluateWorkbook(sheets: SheetGrid[], options: EvaluateOptions = {}): Evaluation {
  const settings = options.settings ?? (JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings);
  const searched: Evaluation['searched'] = [];
  const found: { view: SheetView; located: ReturnType<typeof locateTable> }[] = [];
  for (const grid of sheets) {
    if (grid.name === STORE_SHEET) continue;
    const view = new SheetView(grid);
    const located = locateTable(view);
    searched.push({ sheet: grid.name, missing: located.missing });
    if (located.table) found.push({ view, located });
  }
  if (!found.length) {
    const list = searched.length
      ? searched.map((s) => `“${s.sheet}”（缺少${s.missing.join('、')}）`).join('；')
      : '（工作簿中没有工作表）';
    return { found: false, searched, issues: [issue('noTable', '', '', { searched: list })], settings };
  }
  const chosen = found.find((f) => f.view.name === options.activeSheet) ?? found[0];
  return evaluateSheet(chosen.view, chosen.located.table!, chosen.located.issues, settings, options, searched);
}

const fmt2 = (x: number): string => roundHalfUp(x, 2).toFixed(2);
const n4 = (x: number): string => String(roundHalfUp(x, 4));
const SCORE_FORMAT = '0.00';

interface FormulaCheck {
  address: string;
  shown: string;
  computed: string;
}
const RATE_FORMAT = '0.00%';

function evaluateSheet(
  view: SheetView, table: TableModel, locateIssues: Issue[], settings: Settings, options: EvaluateOptions, searched: Evaluation['searched'],
): FoundEvaluation {
  const sheet = view.name;
  const issues: Issue[] = [...locateIssues];
  const record = recordIndex(options.record, sheet);
  const accept = new Set(options.acceptComputed ?? []);
  const writes: CellWrite[] = [];
  /** Formula cells whose value differs from ours: stale (they read what we write) or really different. */
  const formulaChecks: FormulaCheck[] = [];

  const budget: BudgetOutcome | null = table.money ? computeBudget(table.money, sheet) : null;
  if (budget) issues.push(...budget.issues);
  const budgetRate = budget?.total?.rate ?? null;

  /** Proposes a value for an output cell; writes it only where the cell is empty or ours. */
  const propose = (address: string, value: string | number, numberFormat: string, purpose: CellWrite['purpose'], what: string, shown?: string): void => {
    const state = cellState(view, address, record);
    const textFormat = typeof value === 'string';
    const format = textFormat ? state.before.numberFormat : numberFormat;
    if (state.kind === 'empty' || state.kind === 'ours') {
      writes.push({ address, value, numberFormat: format, before: state.before, purpose });
      return;
    }
    const same = sameValue(state.value, value) || (typeof value === 'number' && typeof state.value === 'number' && Math.abs(state.value - value) < SCORE_TOLERANCE && purpose !== 'rate');
    if (same) return;
    if (state.kind === 'formula') {
      if (typeof value === 'number' && typeof state.value === 'number' && purpose === 'rate' && Math.abs(state.value - value) < RATE_TOLERANCE) return;
      formulaChecks.push({ address, shown: String(state.value), computed: shown ?? String(value) });
      return;
    }
    if (accept.has(address)) {
      writes.push({ address, value, numberFormat: format, before: state.before, purpose });
      return;
    }
    issues.push(issue('outputKept', sheet, address, { what, shown: String(state.value), computed: shown ?? String(value) }));
  };

  // Budget completion rates of the money block.
  if (budget && table.money) {
    const cells = table.money.rows.map((r, i) => ({ cell: r.rateCell, rate: budget.rows[i].rate }));
    if (table.money.total) cells.unshift({ cell: table.money.total.rateCell, rate: budget.total?.rate ?? null });
    for (const { cell, rate } of cells) {
      if (!cell) continue;
      if (rate === null) propose(cell, '—', RATE_FORMAT, 'rate', '预算完成率', '—');
      else propose(cell, roundHalfUp(rate, 6), RATE_FORMAT, 'rate', '预算完成率', `${fmt2(rate * 100)}%`);
    }
  }

  // Indicators, each scored on its own: one bad row never stops the others.
  const indicators: IndicatorResult[] = [];
  const seen = new Map<string, Map<string, number>>();
  const hasBudgetRow = table.indicators.some((r) => isBudgetIndicator(r.name));
  if (table.money && table.money.weight !== null && !hasBudgetRow) {
    indicators.push(moneyBlockItem(table, budgetRate, settings, sheet, issues));
  }
  for (const row of table.indicators) {
    const budgetItem = isBudgetIndicator(row.name);
    const actualIsOurs = budgetItem && row.cells.actual !== '' && cellState(view, row.cells.actual, record).kind === 'ours';
    const rs = scoreRow(row, view, { sheet, settings, budgetRate, actualIsOurs });
    issues.push(...rs.issues);
    if (view.isHidden(row.row)) issues.push(issue('hiddenRow', sheet, row.cells.name, { row: row.row + 1 }));
    // Nested maps, not a joined key: joining 10,000 strings to hash them costs more than the scoring.
    let names = seen.get(row.level1);
    if (!names) seen.set(row.level1, (names = new Map()));
    const other = names.get(row.name);
    if (other !== undefined) issues.push(issue('duplicateName', sheet, row.cells.name, { name: row.name, other: other + 1 }));
    else names.set(row.name, row.row);
    if (rs.fillActual !== null && row.cells.actual) {
      propose(row.cells.actual, roundHalfUp(rs.fillActual, 6), RATE_FORMAT, 'budgetActual', '实际完成值');
    }
    indicators.push(indicatorResult(row, rs));
  }

  // The score cells: computed, or the user's manual score kept (spec §5).
  for (const ind of indicators) resolveScore(ind, view, record, accept, settings, sheet, issues, writes, formulaChecks);

  // Deviation reasons and groups.
  for (const ind of indicators) {
    if (ind.lostPoints && !ind.reason) issues.push(issue('reasonMissing', sheet, ind.cells.reason || ind.cells.score || ind.cells.name, { score: fmt2(ind.score ?? 0), weight: n4(ind.weight ?? 0) }));
  }
  const groups = groupBy(indicators, (i) => i.level1, (i) => ({ level1: i.level1, level2: '' }));
  const level2Groups = groupBy(indicators, (i) => `${i.level1}/${i.level2}`, (i) => ({ level1: i.level1, level2: i.level2 }));
  for (const h of table.level1Headers) {
    const g = groups.find((x) => x.level1 === h.name);
    if (g && h.declaredWeight !== null && Math.abs(g.weight - h.declaredWeight) > WEIGHT_TOLERANCE) {
      issues.push(issue('level1WeightMismatch', sheet, h.cell, { name: h.name, declared: n4(h.declaredWeight), sum: n4(g.weight) }));
    }
  }
  const weightSum = roundHalfUp(indicators.reduce((a, i) => a + (i.weight ?? 0), 0), 4);
  if (indicators.length && Math.abs(weightSum - settings.weightTotal) > WEIGHT_TOLERANCE) {
    issues.push(issue('weightSum', sheet, table.footer.totalWeightCell ?? indicators[0].cells.weight, { sum: n4(weightSum), expected: n4(settings.weightTotal) }));
  }
  if (!indicators.length) issues.push(issue('noIndicators', sheet, ''));
  if (!indicators.some((i) => i.cells.score)) issues.push(issue('noScoreColumn', sheet, ''));

  const unscored = indicators.filter((i) => i.score === null).length;
  const complete = indicators.length > 0 && unscored === 0;
  const total = sum2(indicators.map((i) => i.score ?? 0));
  const grade = gradeOf(total, settings);

  // Subtotals, total and grade: only from a complete table, so no partial figure lands in the sheet.
  for (const s of table.subtotalCells) {
    const members = indicators.filter((i) => (s.level === 1 ? i.level1 : `${i.level1}/${i.level2}`) === s.group);
    if (!members.length || members.some((m) => m.score === null)) continue;
    propose(s.cell, sum2(members.map((m) => m.score!)), SCORE_FORMAT, 'subtotal', '小计', undefined);
  }
  if (complete) {
    if (table.footer.totalScoreCell) propose(table.footer.totalScoreCell, total, SCORE_FORMAT, 'total', '总分', fmt2(total));
    if (table.footer.gradeCell) propose(table.footer.gradeCell, grade, '@', 'grade', '自评等级', grade);
    else issues.push(issue('gradeMissingCell', sheet, ''));
  } else if (indicators.length) {
    issues.push(issue('incomplete', sheet, table.footer.totalScoreCell ?? '', { count: unscored }));
  }

  const budgetScoreItem = indicators.find((i) => i.method === '预算完成率');
  const results: Results = {
    budget: {
      rows: budget?.rows ?? [],
      total: budget?.total ?? null,
      totalComputedFromSources: budget?.totalComputedFromSources ?? false,
      weight: budgetScoreItem?.weight ?? null,
      score: budgetScoreItem?.score ?? null,
    },
    indicators,
    groups,
    level2Groups,
    weightSum,
    total,
    grade,
    complete,
  };
  const plan = finishPlan(sheet, writes, view, record, options.now ?? '');
  plan.recalculate = checkFormulas(view, plan.writes, formulaChecks, issues);
  return { found: true, sheet, searched, table, results, issues: sortIssues(issues), plan, settings };
}

/**
 * Formula cells that read what we write are stale until the host recalculates: a 提示 naming them, and no
 * "differs" warning for them; the other formula cells that disagree with our figure are a warning each.
 * Returns the dependent formula cells (the doors ask the host to recalculate them).
 */
function checkFormulas(view: SheetView, writes: CellWrite[], checks: FormulaCheck[], issues: Issue[]): string[] {
  const written = writes.map((w) => parseA1(w.address));
  const dependent = written.length ? view.formulaCells().filter((f) => readsAny(f.formula, view.name, written)).map((f) => a1(f.row, f.col)) : [];
  const stale = new Set(dependent);
  for (const c of checks) {
    if (!stale.has(c.address)) issues.push(issue('formulaDiffers', view.name, c.address, { shown: c.shown, computed: c.computed }));
  }
  if (dependent.length) {
    const shown = dependent.slice(0, 5).join('、') + (dependent.length > 5 ? ` 等 ${dependent.length} 个单元格` : '');
    issues.push(issue('formulasRecalculate', view.name, '', { cells: shown }));
  }
  return dependent;
}

function indicatorResult(row: TableModel['indicators'][number], rs: RowScore): IndicatorResult {
  return {
    row: row.row, level1: row.level1, level2: row.level2, name: row.name, weight: rs.weight,
    targetText: row.targetText, actualText: row.actualText, reason: row.reason,
    method: rs.method, computed: rs.computed, score: rs.computed, manual: null, tier: rs.tier, reading: rs.reading,
    explanation: rs.explanation, lostPoints: false, cells: row.cells, columns: row.columns,
  };
}

/** The budget item scored from a 分值/权重 in the money block (no 预算完成率 row in the indicator table). */
function moneyBlockItem(table: TableModel, rate: number | null, settings: Settings, sheet: string, issues: Issue[]): IndicatorResult {
  const money = table.money!;
  const weight = money.weight!;
  const cells = { name: money.total?.cell ?? '', weight: money.weightCell ?? '', target: '', actual: money.total?.rateCell ?? '', score: money.scoreCell ?? '', reason: '' };
  let computed: number | null = null;
  let explanation = '未计分';
  const bad = weightProblem(weight, money.weightCell ?? '', sheet, settings);
  if (bad) issues.push(bad);
  else if (rate === null) issues.push(issue('budgetRateMissing', sheet, money.weightCell ?? money.total?.cell ?? ''));
  else {
    computed = roundHalfUp(scoreBudget(weight, rate, settings), 2);
    explanation = `预算完成率：${fmt2(rate * 100)}%，${settings.budgetRule === 'linear' ? `${n4(weight)}×min(${fmt2(rate * 100)}%，100%)` : '按分档'}＝${fmt2(computed)}`;
  }
  return {
    row: money.total?.row ?? money.headerRow, level1: '预算执行情况', level2: '', name: '预算完成率', weight,
    targetText: '100%', actualText: rate === null ? '' : `${fmt2(rate * 100)}%`, reason: '',
    method: computed === null ? '未计分' : '预算完成率', computed, score: computed, manual: null, tier: null, explanation, lostPoints: false, cells,
    reading: rate === null ? null : { comparator: '>=', stated: false, target: 100, actual: rate * 100, unit: '%' },
    columns: { name: -1, weight: -1, target: -1, actual: -1, score: -1, reason: -1 },
  };
}

function resolveScore(
  ind: IndicatorResult, view: SheetView, record: Map<string, RecordCell>, accept: Set<string>, settings: Settings,
  sheet: string, issues: Issue[], writes: CellWrite[], formulaChecks: FormulaCheck[],
): void {
  const cell = ind.cells.score;
  const done = (): void => {
    ind.lostPoints = ind.score !== null && ind.weight !== null && ind.score < ind.weight - SCORE_TOLERANCE;
  };
  if (!cell) return done();
  const state = cellState(view, cell, record, ind.columns.score >= 0 ? { row: ind.row, col: ind.columns.score } : undefined);
  const computed = ind.computed;
  const write = (): void => {
    if (computed === null) return;
    writes.push({ address: cell, value: computed, numberFormat: SCORE_FORMAT, before: state.before, purpose: ind.name === '预算完成率' && ind.level1 === '预算执行情况' ? 'budgetScore' : 'score' });
  };
  if (state.kind === 'empty' || state.kind === 'ours') {
    write();
    return done();
  }
  const typed = typeof state.value === 'number' ? state.value : typeof state.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(state.value) ? Number(state.value) : null;
  if (state.kind === 'formula') {
    if (typed !== null && computed !== null && Math.abs(typed - computed) >= SCORE_TOLERANCE) {
      formulaChecks.push({ address: cell, shown: fmt2(typed), computed: fmt2(computed) });
    }
    if (typed !== null) ind.score = roundHalfUp(typed, 2);
    return done();
  }
  if (typed === null) {
    issues.push(issue('scoreCellText', sheet, cell, { text: String(state.value), computed: computed === null ? '—' : fmt2(computed) }));
    return done();
  }
  if (computed !== null && Math.abs(typed - computed) < SCORE_TOLERANCE) return done();
  if (computed !== null && accept.has(cell)) {
    write();
    return done();
  }
  const value = roundHalfUp(typed, 2);
  let inBand = false;
  if (ind.method === '定性' && ind.tier && ind.weight !== null) {
    inBand = inTierBand(value, ind.weight, ind.tier, settings);
    const [lo, hi] = tierBand(ind.weight, ind.tier, settings);
    const args = { manual: fmt2(value), tier: tierName(ind.tier, settings), low: fmt2(lo), high: fmt2(hi), computed: fmt2(computed ?? 0) };
    issues.push(issue(inBand ? 'manualInBand' : 'manualOutOfBand', sheet, cell, args));
  } else {
    issues.push(issue('manualScore', sheet, cell, { manual: fmt2(value), computed: computed === null ? '—（该项无法按规则计分）' : fmt2(computed) }));
  }
  ind.manual = { value, computed, inBand };
  ind.score = value;
  return done();
}

function groupBy(
  items: IndicatorResult[], key: (i: IndicatorResult) => string, make: (i: IndicatorResult) => { level1: string; level2: string },
): GroupResult[] {
  const order: string[] = [];
  const map = new Map<string, { head: { level1: string; level2: string }; weights: number[]; scores: number[] }>();
  for (const i of items) {
    const k = key(i);
    if (!map.has(k)) {
      map.set(k, { head: make(i), weights: [], scores: [] });
      order.push(k);
    }
    const g = map.get(k)!;
    if (i.weight !== null) g.weights.push(i.weight);
    if (i.score !== null) g.scores.push(i.score);
  }
  return order.map((k) => {
    const g = map.get(k)!;
    return { ...g.head, weight: roundHalfUp(g.weights.reduce((a, b) => a + b, 0), 4), score: sum2(g.scores) };
  });
}
