/** The --json document: the engine's Evaluation (and the report) in the shape documented in docs/cli.md. */
import type { Settings } from '../engine';
import type { BudgetRate, FoundEvaluation as Evaluation, Report, Severity, ScoreMethod } from '../engine';

export interface JsonBudgetRow {
  name: string;
  initial: number | null;
  annual: number | null;
  executed: number | null;
  /** Fraction: 1 = 100 %. */
  rate: number | null;
  /** The row's first amount cell. */
  cell: string;
  /** Where the rate is written ('' when the money block has no rate column). */
  rateCell: string;
}

export interface JsonDocument {
  file: string;
  output: { xlsx: string | null; report: string | null; reportSheet: string | null };
  sheet: string;
  unit: string;
  year: number | null;
  /** 万元 or 元, as read from the money block's header. */
  amountUnit: string | null;
  budget: {
    rows: JsonBudgetRow[];
    total: JsonBudgetRow | null;
    /** True when the total was worked out from the parts (its row empty, 0 0 0, or not adding up). */
    totalFromParts: boolean;
    /** Rows read as breakdowns of another row, not counted again in the total: the reading taken. */
    breakdowns: string[];
    weight: number | null;
    score: number | null;
  };
  indicators: {
    level1: string;
    level2: string;
    name: string;
    weight: number | null;
    target: string;
    actual: string;
    method: ScoreMethod;
    score: number | null;
    /** True when a score the user typed is kept. */
    manual: boolean;
    /** The score by the rules (differs from score when a manual score is kept). */
    computed: number | null;
    explanation: string;
    reason: string;
    /** The indicator's 得分 cell. */
    cell: string;
  }[];
  groups: { level1: string; weight: number; score: number }[];
  total: number | null;
  grade: string | null;
  /** False when an indicator could not be scored: total and grade are then incomplete and not written. */
  complete: boolean;
  settings: Settings;
  issues: { severity: Severity; cell: string; message: string; kind: string }[];
  report: {
    title: string;
    /** 附件N printed top left, '' when none. */
    attachment: string;
    sections: { heading: string; level: 1 | 2; paragraphs: string[] }[];
    /** The 落款: unit and date (placeholders when unknown). */
    signature: { unit: string; date: string } | null;
  } | null;
}

function budgetRow(sheet: string, r: BudgetRate, rateCell: string | null | undefined): JsonBudgetRow {
  return {
    name: r.name,
    initial: r.initial,
    annual: r.annual,
    executed: r.executed,
    rate: r.rate,
    cell: r.cell ? `${sheet}!${r.cell}` : '',
    rateCell: rateCell ? `${sheet}!${rateCell}` : '',
  };
}

export function jsonDocument(
  evaluation: Evaluation,
  report: Report | null,
  files: { input: string; xlsx: string | null; report: string | null; reportSheet: string | null },
): JsonDocument {
  const { table, results, sheet } = evaluation;
  const q = (cell: string): string => (cell ? `${sheet}!${cell}` : '');
  const money = table?.money;
  const rateCellOf = (r: BudgetRate): string | null | undefined =>
    [...(money?.rows ?? []), ...(money?.total ? [money.total] : [])].find((m) => m.cell === r.cell)?.rateCell;
  return {
    file: files.input,
    output: { xlsx: files.xlsx, report: files.report, reportSheet: files.reportSheet },
    sheet,
    unit: table?.unitName ?? '',
    year: table?.year ?? null,
    amountUnit: table?.money?.unit ?? null,
    budget: {
      rows: (results?.budget.rows ?? []).map((r) => budgetRow(sheet, r, rateCellOf(r))),
      total: results?.budget.total ? budgetRow(sheet, results.budget.total, rateCellOf(results.budget.total)) : null,
      totalFromParts: results.budget.totalComputedFromSources,
      breakdowns: results.budget.breakdowns.slice(),
      weight: results?.budget.weight ?? null,
      score: results?.budget.score ?? null,
    },
    indicators: (results?.indicators ?? []).map((i) => ({
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      weight: i.weight,
      target: i.targetText,
      actual: i.actualText,
      method: i.method,
      score: i.score,
      manual: i.manual !== null,
      computed: i.computed,
      explanation: i.explanation,
      reason: i.reason,
      cell: q(i.cells.score),
    })),
    groups: (results?.groups ?? []).filter((g) => !g.level2).map((g) => ({ level1: g.level1, weight: g.weight, score: g.score })),
    total: results ? results.total : null,
    // A grade for a partial total would be wrong: none until every indicator is scored.
    grade: results && results.complete ? results.grade : null,
    complete: results?.complete ?? false,
    settings: evaluation.settings,
    issues: evaluation.issues.map((x) => ({ severity: x.severity, cell: x.cell, message: x.message, kind: x.kind })),
    report: report
      ? {
          title: report.title,
          attachment: report.attachment ?? '',
          sections: report.sections.map((s) => ({ heading: s.heading, level: s.level, paragraphs: s.paragraphs.slice() })),
          signature: report.signature ? { ...report.signature } : null,
        }
      : null,
  };
}
