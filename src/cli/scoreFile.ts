/** Scores one workbook: read, run the engine, write the planned cells, the report sheet and the store. */
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { evaluateWorkbook } from '../engine/evaluate';
import { validateSettings, type Settings } from '../engine/settings';
import type { WorkbookStore } from '../engine/store';
import type { FoundEvaluation, Report, ReportMaterial } from '../engine/types';
import { sheetToGrid } from '../xlsx/readGrid';
import { addReportSheet, isOurUntouchedReport, type StoredRecord } from '../xlsx/reportSheet';
import { readStore, writeStore } from '../xlsx/store';
import { WorkbookReadError, activeSheetName, findSheet, loadWorkbook, saveWorkbook, workbookGrids } from '../xlsx/workbook';
import { applyWrites } from '../xlsx/writePlan';
import { CliError } from './io';
import { MATERIAL_SHEET, buildReport, readMaterialSheet, reportTextFile, reportToDocx } from './reportSource';

export const SCORED_SUFFIX = '.已评分.xlsx';

export interface ScoreOptions {
  /** Output workbook; default `<name>.已评分.xlsx` beside the input. */
  output?: string;
  inPlace?: boolean;
  /** --report file (.docx or .txt). */
  report?: string;
  /** Settings given on the command line (already validated); else the workbook's, else the defaults. */
  settings?: Settings;
  acceptComputed?: string[];
  now: Date;
}

export interface ScoreOutcome {
  input: string;
  evaluation: FoundEvaluation;
  report: Report;
  output: string;
  reportFile: string | null;
  reportSheet: string;
  /** Problems with the workbook's stored settings, for the user. */
  settingsErrors: string[];
  /** Planned cells not written because they hold a formula (the door's own guard; normally empty). */
  skipped: string[];
}

/** `x.xlsx` → `x.已评分.xlsx` in the same folder. */
export function defaultOutput(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.xlsx$/i, '');
  return path.join(dir, base + SCORED_SUFFIX);
}

/** Where the output goes: -o FILE, or -o DIR (existing folder or ending with a separator), or beside the input. */
async function resolveOutput(input: string, opts: ScoreOptions): Promise<string> {
  if (opts.inPlace) return input;
  if (!opts.output) return defaultOutput(input);
  const o = opts.output;
  let isDir = /[\\/]$/.test(o);
  if (!isDir) {
    try {
      isDir = (await fs.stat(o)).isDirectory();
    } catch {
      isDir = false;
    }
  }
  if (isDir) return path.join(o, path.basename(defaultOutput(input)));
  if (!/\.xlsx$/i.test(o)) throw new CliError(`输出文件名应以 .xlsx 结尾，收到“${o}”。`);
  return o;
}

function mergeMaterial(stored: ReportMaterial | null, fromSheet: ReportMaterial | null): ReportMaterial | null {
  if (!fromSheet) return stored;
  const out: ReportMaterial = { ...(stored ?? {}) };
  for (const [k, v] of Object.entries(fromSheet)) if (typeof v === 'string' && v.trim()) (out as Record<string, string>)[k] = v;
  return out;
}

function notFoundMessage(file: string, evaluation: { searched: FoundEvaluation['searched'] }): string {
  const name = path.basename(file);
  const details = evaluation.searched
    .filter((s) => s.missing.length)
    .map((s) => `工作表“${s.sheet}”缺少${s.missing.join('、')}`)
    .join('；');
  return `“${name}”中未找到《部门整体支出绩效自评表》${details ? `（${details}）` : ''}，请检查表格标题和表头。`;
}

/** Scores one file and writes its outputs. Throws CliError (one Chinese line) when nothing can be scored. */
export async function scoreFile(input: string, opts: ScoreOptions): Promise<ScoreOutcome> {
  if (!/\.xlsx$/i.test(input)) {
    const ext = path.extname(input);
    throw new CliError(
      /^\.(xls|et|wps)$/i.test(ext)
        ? `“${path.basename(input)}”是 ${ext} 格式，请在 Excel 中另存为 .xlsx 格式后重试。`
        : `“${path.basename(input)}”不是 .xlsx 文件，请指定 .xlsx 格式的自评表。`,
    );
  }
  const output = await resolveOutput(input, opts);
  if (!opts.inPlace && path.resolve(output) === path.resolve(input)) {
    throw new CliError('输出文件与输入文件相同；如确需直接写回原文件，请使用 --in-place。');
  }
  if (opts.report && path.resolve(opts.report) === path.resolve(output)) throw new CliError('--report 与输出表格不能是同一个文件。');

  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(input);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new CliError(e.message);
    throw e;
  }

  const store: WorkbookStore = readStore(wb);
  let settingsErrors: string[] = [];
  let settings = opts.settings;
  if (!settings) {
    const v = validateSettings(store.settings);
    settings = v.settings;
    settingsErrors = v.errors.map((m) => `表格中保存的设置有误：${m}`);
  }

  const materialWs = findSheet(wb, MATERIAL_SHEET);
  const material = mergeMaterial(store.material, materialWs ? readMaterialSheet(sheetToGrid(materialWs)) : null);

  const evaluation = evaluateWorkbook(workbookGrids(wb, [MATERIAL_SHEET]), {
    settings,
    record: store.record,
    activeSheet: activeSheetName(wb),
    acceptComputed: opts.acceptComputed,
    now: opts.now.toISOString(),
  });
  if (!evaluation.found) throw new CliError(notFoundMessage(input, evaluation));

  const ws = findSheet(wb, evaluation.sheet);
  // As the add-in does: a protected sheet is not written behind its owner's back.
  if (ws && (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet && evaluation.plan?.writes.length) {
    throw new CliError(`工作表“${evaluation.sheet}”受保护，未写入任何内容。请在 Excel 中点击“审阅”>“撤消工作表保护”后重试。`);
  }
  const report = buildReport(evaluation, material);
  let skipped: string[] = [];
  if (evaluation.plan && ws) skipped = applyWrites(ws, evaluation.plan.writes);

  // Our own draft from last time, untouched, is replaced in place; one someone edited is kept and the new draft
  // goes to a new sheet (自评报告 (2)…): an existing sheet is never overwritten.
  const previous = store.record as StoredRecord | null;
  const prev = previous?.reportSheet ? findSheet(wb, previous.reportSheet) : undefined;
  let orderNo: number | undefined;
  if (prev && evaluation.plan && isOurUntouchedReport(prev, previous)) {
    orderNo = (prev as unknown as { orderNo: number }).orderNo;
    wb.removeWorksheet(prev.id);
  }
  const added = addReportSheet(wb, report, orderNo);
  const record: StoredRecord | null = evaluation.plan
    ? { ...evaluation.plan.record, reportSheet: added.name, reportDigest: added.digest }
    : store.record;

  writeStore(wb, {
    version: 1,
    record,
    settings: opts.settings ? settings : store.settings,
    material,
  });
  // Formulas that depend on the written cells get recalculated when Excel opens the file.
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };

  await saveWorkbook(wb, output);

  let reportFile: string | null = null;
  if (opts.report) {
    reportFile = opts.report;
    await fs.mkdir(path.dirname(path.resolve(reportFile)), { recursive: true });
    if (/\.docx$/i.test(reportFile)) await fs.writeFile(reportFile, await reportToDocx(report));
    else await fs.writeFile(reportFile, reportTextFile(report), 'utf8');
  }
  return { input, evaluation, report, output, reportFile, reportSheet: added.name, settingsErrors, skipped };
}

/** Reads and validates a --settings file; unreadable or invalid JSON is a CliError. */
export async function loadSettingsFile(file: string): Promise<{ settings: Settings; errors: string[] }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new CliError(`无法读取设置文件“${file}”，请检查路径。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new CliError(`设置文件“${path.basename(file)}”不是有效的 JSON，请检查格式。`);
  }
  return validateSettings(json);
}
