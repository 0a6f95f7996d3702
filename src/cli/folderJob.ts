/**
 * One file of a folder, scored into its summary row: the same code runs on the main thread and in the worker
 * threads (so nothing here may load ExcelJS or docx). A failure is the row's reason, never an exception.
 */
import { roundHalfUp, type Settings } from '../engine';
import type { SummaryRow } from '../xlsx/summaryRows';
import { fileErrorMessage } from './files';
import { countIssues, fixed2, headlineBudget } from './format';
import { CliError } from './io';
import { scoreFile } from './scoreFile';

export interface FolderJob {
  index: number;
  file: string;
  /** Path relative to the folder scored. */
  rel: string;
  /** Output workbook, when -o names an output folder. */
  output?: string;
}

export interface FolderCommon {
  inPlace?: boolean;
  settings?: Settings;
  maxCells?: number;
  now: Date;
}

export interface JobResult {
  row: SummaryRow;
  output: string | null;
}

/** Message of a failure, one line: our own Chinese ones as they are, file-system ones in Chinese, else internal. */
export function reason(e: unknown): string {
  if (e instanceof CliError) return e.message;
  const fs = fileErrorMessage(e);
  if (fs) return fs;
  const m = e instanceof Error ? e.message : String(e);
  return `处理时发生内部错误（${m.split('\n')[0]}），请将该文件反馈给开发者。`;
}

export function failedRow(rel: string, note: string): SummaryRow {
  return { unit: '', year: null, annual: null, executed: null, rate: null, total: null, grade: '', errors: null, warnings: null, file: rel, note, scored: false };
}

export async function runJob(job: FolderJob, common: FolderCommon): Promise<JobResult> {
  try {
    const o = await scoreFile(job.file, { output: job.output, inPlace: common.inPlace, settings: common.settings, maxCells: common.maxCells, now: common.now });
    const e = o.evaluation;
    const b = headlineBudget(e);
    const toWan = e.table?.money?.unit === '元' ? 1 / 10000 : 1;
    const c = countIssues(e.issues);
    const complete = e.results?.complete ?? false;
    const row: SummaryRow = {
      unit: e.table?.unitName ?? '',
      year: e.table?.year ?? null,
      annual: b?.annual !== null && b?.annual !== undefined ? roundHalfUp(b.annual * toWan, 2) : null,
      executed: b?.executed !== null && b?.executed !== undefined ? roundHalfUp(b.executed * toWan, 2) : null,
      rate: b?.rate ?? null,
      // A partial total would rank a file among the complete ones: it goes in the note instead.
      total: complete && e.results ? e.results.total : null,
      grade: complete ? e.results?.grade ?? '' : '',
      errors: c.errors,
      warnings: c.warnings,
      file: job.rel,
      note: complete ? '' : `有指标未能计分，总分不完整（已计分指标合计 ${fixed2(e.results?.total ?? 0)} 分），请查看该文件的校验提示。`,
      scored: true,
    };
    return { row, output: o.output };
  } catch (e) {
    return { row: failedRow(job.rel, reason(e)), output: null };
  }
}
