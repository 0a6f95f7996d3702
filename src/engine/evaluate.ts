/** The engine's entry point: sheets in, evaluation (table, results, issues, write plan) out. */
import type { SheetGrid } from './grid';
import { parseA1 } from './grid';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import type { Evaluation, FoundEvaluation, GroupResult, IndicatorResult, Issue, Results, TableModel, WriteRecord } from './types';
import { SheetView } from './sheetView';
import { locateTable, isBudgetIndicator } from './locate';
import { computeBudget, type BudgetOutcome } from './budget';
import { budgetItem } from './budgetItem';
import { scoreRow, type RowScore } from './indicator';
import { issue, sortIssues } from './issues';
import { cellState, recordIndex, type OutputSlot } from './ownership';
import { finishPlan } from './writePlan';
import { gradeOf } from './grade';
import { roundHalfUp, sum2 } from './rounding';
import { Outputs, RATE_FORMAT, SCORE_FORMAT } from './outputs';
import { STORE_SHEET } from './store';
import { WEIGHT_TOLERANCE } from './tolerance';

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

function evaluateSheet(
  view: SheetView, table: TableModel, locateIssues: Issue[], settings: Settings, options: EvaluateOptions, searched: Evaluation['searched'],
): FoundEvaluation {
  const sheet = view.name;
  const issues: Issue[] = [...locateIssues];
  const record = recordIndex(options.record, sheet);
  const out = new Outputs(view, record, new Set(options.acceptComputed ?? []), issues);
  const money = table.money;
  const column = (address: string, headerRow: number): OutputSlot => ({ address, headerRow });

  const budget: BudgetOutcome | null = money ? computeBudget(money, sheet) : null;
  if (budget) issues.push(...budget.issues);
  const budgetRate = budget?.total?.rate ?? null;

  // Budget completion rates of the money block's fund rows ('—' only into an empty rate cell of a fund row).
  if (budget && money) {
    const cells = money.rows.map((r, i) => ({ cell: r.rateCell, rate: budget.rows[i].rate }));
    if (money.total) cells.unshift({ cell: money.total.rateCell, rate: budget.total?.rate ?? null });
    for (const { cell, rate } of cells) {
      if (!cell) continue;
      if (rate === null) out.propose(column(cell, money.headerRow), '—', RATE_FORMAT, 'rate', '预算完成率', '—');
      else out.propose(column(cell, money.headerRow), roundHalfUp(rate, 6), RATE_FORMAT, 'rate', '预算完成率', `${fmt2(rate * 100)}%`);
    }
  }

  // Indicators, each scored on its own: one bad row never stops the others.
  const indicators: IndicatorResult[] = [];
  const seen = new Map<string, Map<string, number>>();
  const hasBudgetRow = table.indicators.some((r) => isBudgetIndicator(r.name));
  const fromMoneyBlock = money && money.weight !== null && !hasBudgetRow ? budgetItem(table, budgetRate, settings, sheet, issues) : null;
  if (fromMoneyBlock) indicators.push(fromMoneyBlock);
  for (const row of table.indicators) {
    const isBudget = isBudgetIndicator(row.name);
    const actualIsOurs = isBudget && row.cells.actual !== '' && cellState(view, row.cells.actual, record).kind === 'ours';
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
      out.propose(column(row.cells.actual, table.indicatorHeaderRow), roundHalfUp(rs.fillActual, 6), RATE_FORMAT, 'budgetActual', '实际完成值');
    }
    indicators.push(indicatorResult(row, rs));
  }

  // The score cells: computed, or the user's manual score kept (spec §5).
  for (const ind of indicators) out.score(ind, settings, ind === fromMoneyBlock && money ? money.headerRow : table.indicatorHeaderRow);

  // Deviation reasons and groups.
  for (const ind of indicators) {
    // The money block's budget item has no reason cell: its shortfall is explained in the goal narrative.
    if (ind.lostPoints && !ind.reason && (ind !== fromMoneyBlock || ind.cells.reason)) issues.push(issue('reasonMissing', sheet, ind.cells.reason || ind.cells.score || ind.cells.name, { score: fmt2(ind.score ?? 0), weight: n4(ind.weight ?? 0) }));
  }
  const groups = groupBy(indicators, (i) => i.level1, (i) => ({ level1: i.level1, level2: '' }));
  const level2Groups = groupBy(indicators, (i) => `${i.level1}/${i.level2}`, (i) => ({ level1: i.level1, level2: i.level2 }));
  // Each level-1 cell's declared points against its own rows (two cells may carry the same text, 产出指标 or （20分）).
  const rowResults = fromMoneyBlock ? indicators.slice(1) : indicators;
  const byLevel1Cell = new Map<string, number>();
  rowResults.forEach((r, i) => {
    const at = table.indicators[i].levelCells.level1;
    byLevel1Cell.set(at, (byLevel1Cell.get(at) ?? 0) + (r.weight ?? 0));
  });
  for (const h of table.level1Headers) {
    if (h.declaredWeight === null || !byLevel1Cell.has(h.cell)) continue;
    const sum = roundHalfUp(byLevel1Cell.get(h.cell) as number, 4);
    if (Math.abs(sum - h.declaredWeight) > WEIGHT_TOLERANCE) {
      issues.push(issue('level1WeightMismatch', sheet, h.cell, { name: h.name, declared: n4(h.declaredWeight), sum: n4(sum) }));
    }
  }
  const weightSum = roundHalfUp(indicators.reduce((a, i) => a + (i.weight ?? 0), 0), 4);
  // No weight at all is one error already (noWeights): no sum to talk about then.
  if (indicators.some((i) => i.weight !== null) && Math.abs(weightSum - settings.weightTotal) > WEIGHT_TOLERANCE) {
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
    out.propose(column(s.cell, table.indicatorHeaderRow), sum2(members.map((m) => m.score!)), SCORE_FORMAT, 'subtotal', '小计');
  }
  if (complete) {
    const totalCell = table.footer.totalScoreCell;
    if (totalCell) {
      const inColumn = indicators.some((i) => i.cells.score && parseA1(i.cells.score).col === parseA1(totalCell).col);
      out.propose({ address: totalCell, headerRow: inColumn ? table.indicatorHeaderRow : null }, total, SCORE_FORMAT, 'total', '总分', fmt2(total));
    }
    if (table.footer.gradeCell) out.propose({ address: table.footer.gradeCell, headerRow: null }, grade, '@', 'grade', '自评等级', grade);
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
      breakdowns: budget?.breakdowns ?? [],
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
  const plan = finishPlan(sheet, out.writes, view, record, options.now ?? '');
  plan.recalculate = out.formulas(plan.writes);
  return { found: true, sheet, searched, table, results, issues: sortIssues(issues), plan, settings };
}

function indicatorResult(row: TableModel['indicators'][number], rs: RowScore): IndicatorResult {
  return {
    row: row.row, level1: row.level1, level2: row.level2, name: row.name, weight: rs.weight,
    targetText: row.targetText, actualText: row.actualText, reason: row.reason,
    method: rs.method, computed: rs.computed, score: rs.computed, manual: null, tier: rs.tier, reading: rs.reading,
    explanation: rs.explanation, lostPoints: false, cells: row.cells, columns: row.columns,
  };
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
