/** The rows of 汇总.xlsx and how they are ranked; no ExcelJS here (worker threads load this). */

export const SUMMARY_FILE = '汇总.xlsx';
/** 汇总.xlsx, 汇总 (2).xlsx…: names we give a summary (never inputs). */
export const SUMMARY_NAME = /^汇总( \(\d+\))?\.xlsx$/;
export const SUMMARY_AUTHOR = '绩效自评助手';
export const SUMMARY_TITLE = '部门整体支出绩效自评汇总';
export const SUMMARY_COLUMNS = ['单位', '年度', '全年预算数', '全年执行数', '预算完成率', '总分', '等级', '错误数', '警告数', '文件', '说明'];

export interface SummaryRow {
  unit: string;
  year: number | null;
  /** In 万元. */
  annual: number | null;
  executed: number | null;
  /** Fraction. */
  rate: number | null;
  total: number | null;
  grade: string;
  errors: number | null;
  warnings: number | null;
  /** Path relative to the folder scored. */
  file: string;
  /** Why the file failed, or a note (e.g. the total is incomplete); '' otherwise. */
  note: string;
  /** False when the file could not be scored. */
  scored: boolean;
}

/** Scored files by total (highest first), then the failures; ties keep file order. */
export function sortSummary(rows: SummaryRow[]): SummaryRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      if (a.r.scored !== b.r.scored) return a.r.scored ? -1 : 1;
      const ta = a.r.total ?? -Infinity, tb = b.r.total ?? -Infinity;
      if (ta !== tb) return tb - ta;
      return a.i - b.i;
    })
    .map((x) => x.r);
}

