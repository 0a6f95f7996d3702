/** Domain types shared by every module of the engine and by the doors. */
import type { Settings } from './settings';
import type { IssueKind } from './issues';

export type Severity = '错误' | '警告' | '提示';

export interface Issue {
  severity: Severity;
  /** Issue kind from the catalogue (issues.ts); stable for tests and filtering. */
  kind: IssueKind;
  /** Qualified cell address, e.g. 部门整体支出绩效自评表!G14; '' when the issue is about the workbook. */
  cell: string;
  /** Chinese text for the user: what is wrong and what to do. */
  message: string;
}

export type Comparator = '>=' | '>' | '<=' | '<' | '=';

/** A quantity read from a cell: value in the cell's own unit (percent as percentage points: 95% → 95). */
export interface Quantity {
  value: number;
  /** '%', '次', '万元', … ; '' when none was written. */
  unit: string;
}

export type ScoreMethod = '正向' | '反向' | '等于' | '定性' | '预算完成率' | '未计分';

export type { TierKey } from './settings';
import type { TierKey } from './settings';

/** One fund-source row (or the total) of the money block. */
export interface BudgetRow {
  name: string;
  /** Set by the reconciliation (budget.ts): a breakdown of another row, not counted again in the total. */
  sub: boolean;
  /**
   * Index (in MoneyBlock.rows) of the row this one may break down (一般公共预算 under 财政拨款, a 其中 row under a
   * source), when its label and amounts allow it; null otherwise. Whether it does is decided by the figures.
   */
  breakdownOf: number | null;
  initial: number | null;
  annual: number | null;
  executed: number | null;
  /** 0-based sheet row. */
  row: number;
  /** Local address of the rate output cell, when the block has a rate column. */
  rateCell: string | null;
  /** Local address of the first amount cell of the row (for issues about the row). */
  cell: string;
  /** Local addresses of the row's budget and executed cells ('' when the column is missing), for issues on them. */
  budgetCell: string;
  executedCell: string;
}

export interface MoneyBlock {
  /** '万元' or '元' as read from the header (or judged from the amounts when unstated, unitStated false). */
  unit: '万元' | '元';
  unitStated: boolean;
  rows: BudgetRow[];
  total: BudgetRow | null;
  /** 分值/权重 of the budget item when the money block carries it (a column, or a label such as 得分（20分*执行率）). */
  weight: number | null;
  weightCell: string | null;
  /** Local address of the money block's 得分 cell (total row) when present. */
  scoreCell: string | null;
  /** Which column held the budget for the year: '全年预算数' or '年初预算数' (fallback). */
  budgetColumn: string;
  headerRow: number;
  /** 0-based column holding the row labels (合计, 其中：…), whatever its header says. */
  labelColumn: number;
}

/** One indicator row as found in the sheet (inputs only). */
export interface IndicatorRow {
  row: number;
  level1: string;
  level2: string;
  name: string;
  /**
   * The weight from the labels (产出指标（50分） shared among its rows) when the table has no 分值/权重 column;
   * null otherwise (the weight cell is read) or when no label gives one.
   */
  labelWeight: number | null;
  /** Where the row's level-1 and level-2 texts are (the merged area's top-left, or the first row of a blank-below group). */
  levelCells: { level1: string; level2: string };
  /** Cell texts as Excel shows them (a number formatted as % reads 100%), for display and the report. */
  weightText: string;
  targetText: string;
  actualText: string;
  unitText: string;
  natureText: string;
  reason: string;
  rule: string;
  /** Local addresses of the row's cells ('' when the column is missing). */
  cells: { name: string; weight: string; target: string; actual: string; score: string; reason: string };
  /** 0-based columns of the same cells (-1 when the column is missing), so hot paths need not parse addresses. */
  columns: { name: number; weight: number; target: number; actual: number; score: number; reason: number };
}

export interface Level1Header {
  name: string;
  /** Weight written in the level-1 text, 履职效能（50分） → 50. */
  declaredWeight: number | null;
  cell: string;
}

export interface TableModel {
  sheet: string;
  title: string;
  year: number | null;
  unitName: string;
  goal: string;
  achievement: string;
  shortfallReason: string;
  money: MoneyBlock | null;
  indicators: IndicatorRow[];
  level1Headers: Level1Header[];
  /** Footer cells, local addresses (null when the sheet has no such row/cell). */
  footer: {
    totalScoreCell: string | null;
    totalWeightCell: string | null;
    gradeCell: string | null;
    problems: string;
    measures: string;
    conclusion: string;
  };
  /** 小计 rows: the 得分 cell of a subtotal for a level-1 or level-2 group. */
  subtotalCells: { level: 1 | 2; group: string; cell: string }[];
  /** 0-based header row of the indicator table. */
  indicatorHeaderRow: number;
}

export interface BudgetRate {
  name: string;
  sub: boolean;
  initial: number | null;
  annual: number | null;
  executed: number | null;
  /** Fraction (1 = 100 %); null when it cannot be computed (budget 0). */
  rate: number | null;
  cell: string;
}

export interface IndicatorResult {
  row: number;
  level1: string;
  level2: string;
  name: string;
  weight: number | null;
  targetText: string;
  actualText: string;
  reason: string;
  method: ScoreMethod;
  /** Score by the rules, rounded (null when the row cannot be scored). */
  computed: number | null;
  /** The score that counts: the computed one, or the user's manual score when kept. */
  score: number | null;
  /** A user's score kept in the sheet. */
  manual: { value: number; computed: number | null; inBand: boolean } | null;
  /** Qualitative tier selected, when method is 定性. */
  tier: TierKey | null;
  /**
   * How a numeric row was read (§3): comparator, target and actual on one scale and unit (96 and '%');
   * `stated` when the comparator was written (in the target or the 指标性质 column) rather than implied.
   */
  reading: { comparator: Comparator; stated: boolean; target: number; actual: number; unit: string } | null;
  /** How the score was worked out, in Chinese (e.g. 正向：90%÷95%×10＝9.47). */
  explanation: string;
  /** True when the row scored below its weight. */
  lostPoints: boolean;
  cells: IndicatorRow['cells'];
  columns: IndicatorRow['columns'];
}

export interface GroupResult {
  level1: string;
  /** '' for a level-1 subtotal. */
  level2: string;
  weight: number;
  score: number;
}

export interface Results {
  budget: {
    rows: BudgetRate[];
    total: BudgetRate | null;
    totalComputedFromSources: boolean;
    /** Rows read as breakdowns of another row (not counted again in the total): the reading taken (§2.1). */
    breakdowns: string[];
    weight: number | null;
    score: number | null;
  };
  indicators: IndicatorResult[];
  groups: GroupResult[];
  level2Groups: GroupResult[];
  weightSum: number;
  total: number;
  grade: string;
  /** False when some indicator could not be scored: total and grade are then not written. */
  complete: boolean;
}

/** One cell the plan writes. */
export interface CellWrite {
  /** Local address on the plan's sheet, e.g. G14. */
  address: string;
  value: string | number | null;
  numberFormat: string;
  /** What the cell held before (restored by the inverse). */
  before: { value: string | number | boolean | null; numberFormat: string };
  /** What the write is, for tests and the pane. */
  purpose: 'rate' | 'score' | 'budgetActual' | 'subtotal' | 'total' | 'grade' | 'budgetScore' | 'revert';
}

/** What was written last time, kept in the workbook by the doors (see store.ts). */
export interface WriteRecord {
  version: 1;
  sheet: string;
  /** ISO time of the calculation (given by the door; the engine reads no clock). */
  at: string;
  cells: { address: string; written: string | number | null; numberFormat: string; before: CellWrite['before'] }[];
  /** Report sheet added by that calculation, removed on restore. */
  reportSheet?: string;
  /** reportDigest() of the report sheet's lines as written: tells our untouched draft from an edited one. */
  reportDigest?: string;
}

export interface WritePlan {
  sheet: string;
  writes: CellWrite[];
  /** Puts every written cell back as it was before our first write. */
  inverse: { address: string; value: string | number | boolean | null; numberFormat: string }[];
  /** The record to keep in the workbook after the writes apply. */
  record: WriteRecord;
  /** Formula cells (local addresses) that read a written cell: the host must recalculate them. */
  recalculate: string[];
}

export interface SheetSearch {
  sheet: string;
  /** What was missing, in Chinese; empty when the sheet qualified. */
  missing: string[];
}

/** What every evaluation carries, found or not. */
interface EvaluationBase {
  /** Which sheets were looked at and what each lacked. */
  searched: SheetSearch[];
  issues: Issue[];
  settings: Settings;
}

/** A sheet qualified as the 自评表: its table, results and write plan. */
export interface FoundEvaluation extends EvaluationBase {
  found: true;
  sheet: string;
  table: TableModel;
  results: Results;
  plan: WritePlan;
}

/** No sheet qualified: what was searched and the issue saying so. */
export interface NotFoundEvaluation extends EvaluationBase {
  found: false;
}

export type Evaluation = FoundEvaluation | NotFoundEvaluation;

/** Material the table does not hold, entered once and kept in the workbook for next year. */
export interface ReportMaterial {
  /** 部门职能 */
  functions?: string;
  /** 机构设置 */
  organisation?: string;
  /** 年度总体工作（本年度总体工作目标） */
  annualWork?: string;
  /** 年度重点工作任务 */
  keyTasks?: string;
  /** 部门整体支出绩效目标 (default: the sheet's 年度整体绩效目标) */
  performanceGoal?: string;
  /** 部门整体绩效管理情况 (optional free text added to the generated paragraph) */
  managementNotes?: string;
  /** 附件标签, e.g. 附件2: printed top left when the report is sent as an attachment */
  attachmentLabel?: string;
  /** 成文日期 of the 落款, e.g. 2024年3月15日 */
  reportDate?: string;
}

export interface ReportSection {
  heading: string;
  /** 1: 一、…  2: （一）… */
  level: 1 | 2;
  paragraphs: string[];
}

export interface Report {
  title: string;
  sections: ReportSection[];
  /** The title as printed, broken at word boundaries (year and unit, then 整体支出绩效自评报告). */
  titleLines?: string[];
  /** 附件N printed top left; absent or '' when the report is not an attachment. */
  attachment?: string;
  /** 落款: the unit's name and the date (placeholders when unknown). */
  signature?: { unit: string; date: string };
}
