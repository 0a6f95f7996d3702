/**
 * Between READ and APPLY: what one calculation does to a workbook, from the engine's answers. Kept thin and in
 * one place, because the engine's coming `calculate` step (issue 11) will return exactly this: the cell writes,
 * the report sheet action (replace our untouched draft in place, or add 自评报告 (2)…), the store, whether
 * formulas need recalculating on open, the issues and the messages. This file then shrinks to mapping it.
 */
import {
  MATERIAL_SHEET, REPORT_SHEET, STORE_SHEET, buildReport, decodeStore, encodeStore, evaluateWorkbook, readMaterialSheet,
  reportDigest, reportSheetRows, restorePlan, uniqueSheetName, validateSettings,
  type Evaluation, type Report, type ReportMaterial, type Settings, type SheetGrid, type WorkbookStore, type WriteRecord,
} from '../engine';
import type { ChangeSet } from '../xlsx/applyChanges';
import type { XlsxBook } from '../xlsx/readWorkbook';
import { reportSheet, storeSheet } from '../xlsx/reportSheet';
import { CliError } from './io';
import { dependentFormulas, recalcMessage } from './recalc';

export interface CalculationOptions {
  /** Settings given on the command line (validated); else the workbook's, else the defaults. */
  settings?: Settings;
  acceptComputed?: string[];
  now: Date;
}

export interface Calculation {
  evaluation: Evaluation;
  report: Report;
  reportSheet: string;
  changes: ChangeSet;
  /** Problems with the workbook's stored settings. */
  settingsErrors: string[];
  /** Notes for the user (recalculation on open, a locked structure), each one Chinese line. */
  messages: string[];
}

/** The store as the workbook holds it (column A of the very hidden sheet). */
export function storeOf(book: XlsxBook): { store: WorkbookStore; exists: boolean } {
  const info = book.sheet(STORE_SHEET);
  if (!info || info.kind !== 'worksheet') return { store: decodeStore([]), exists: false };
  return { store: decodeStore(book.columnA(info.name)), exists: true };
}

function mergeMaterial(stored: ReportMaterial | null, fromSheet: ReportMaterial | null): ReportMaterial | null {
  if (!fromSheet) return stored;
  const out: ReportMaterial = { ...(stored ?? {}) };
  for (const [k, v] of Object.entries(fromSheet)) if (typeof v === 'string' && v.trim()) (out as Record<string, string>)[k] = v;
  return out;
}

/** Worksheets the engine looks at: all but our store and the material sheet, as the add-in does. */
function tableGrids(book: XlsxBook): SheetGrid[] {
  const skip = new Set([STORE_SHEET, MATERIAL_SHEET].map((n) => n.toLowerCase()));
  return book.sheets.filter((s) => s.kind === 'worksheet' && !skip.has(s.name.toLowerCase())).map((s) => book.grid(s.name));
}

/** True when the sheet still holds exactly the draft the record says we wrote (one column, same digest). */
export function isOurUntouchedDraft(book: XlsxBook, name: string | undefined, record: WriteRecord | null): boolean {
  const info = name ? book.sheet(name) : undefined;
  if (!info || info.kind !== 'worksheet' || !record?.reportDigest) return false;
  const lines = book.columnLines(info.name);
  return lines !== null && reportDigest(lines) === record.reportDigest;
}

function protectedMessage(sheet: string): string {
  return `工作表“${sheet}”受保护，未写入任何内容。请在 Excel 中点击“审阅”>“撤消工作表保护”（WPS：“审阅”>“撤销工作表保护”）后重试。`;
}

function notFoundMessage(file: string, evaluation: Evaluation): string {
  const details = evaluation.searched.filter((s) => s.missing.length).map((s) => `工作表“${s.sheet}”缺少${s.missing.join('、')}`).join('；');
  return `“${file}”中未找到《部门整体支出绩效自评表》${details ? `（${details}）` : ''}，请检查表格标题和表头。`;
}

function structureMessage(added: string[]): string {
  return `提示：工作簿结构受保护（“保护工作簿”），命令行仍新增了工作表“${added.join('”“')}”，保护设置未改变。`;
}

/** Scores a workbook read by the command line: the engine's answers as a change set. */
export function calculate(book: XlsxBook, fileName: string, opts: CalculationOptions): Calculation {
  const { store, exists: storeExists } = storeOf(book);
  let settingsErrors: string[] = [];
  let settings = opts.settings;
  if (!settings) {
    const v = validateSettings(store.settings);
    settings = v.settings;
    settingsErrors = v.errors.map((m) => `表格中保存的设置有误：${m}`);
  }
  const materialInfo = book.sheet(MATERIAL_SHEET);
  const materialGrid = materialInfo?.kind === 'worksheet' ? book.grid(materialInfo.name) : null;
  const material = mergeMaterial(store.material, materialGrid ? readMaterialSheet(materialGrid) : null);

  const grids = tableGrids(book);
  const evaluation = evaluateWorkbook(grids, {
    settings,
    record: store.record,
    activeSheet: book.activeSheet ?? undefined,
    acceptComputed: opts.acceptComputed,
    now: opts.now.toISOString(),
  });
  if (!evaluation.found || !evaluation.table) throw new CliError(notFoundMessage(fileName, evaluation));
  const writes = evaluation.plan?.writes ?? [];
  // As the add-in does: a protected sheet is not written behind its owner's back.
  if (writes.length && book.isProtected(evaluation.sheet)) throw new CliError(protectedMessage(evaluation.sheet));
  if (storeExists && book.isProtected(STORE_SHEET)) throw new CliError(`工作表“${STORE_SHEET}”受保护，无法保存计分记录，未写入任何内容。请撤消该工作表的保护后重试。`);

  const report = buildReport(evaluation, material);
  const rows = reportSheetRows(report);
  // Text format, as before: a paragraph is never read as a number or a formula.
  const sheetRows = rows.map((r) => ({ ...r, numberFormat: '@' }));
  const digest = reportDigest(rows.map((r) => r.text));

  // Our own draft from last time, untouched, is replaced in place; one someone edited is kept and the new draft
  // goes to a new sheet (自评报告 (2)…): an existing sheet is never overwritten.
  const previous = store.record?.reportSheet;
  const replaceDraft = !!evaluation.plan && isOurUntouchedDraft(book, previous, store.record) && !book.isProtected(previous!);
  const reportName = replaceDraft ? book.sheet(previous!)!.name : uniqueSheetName(REPORT_SHEET, book.sheets.map((s) => s.name));
  const record: WriteRecord | null = evaluation.plan ? { ...evaluation.plan.record, reportSheet: reportName, reportDigest: digest } : store.record;
  const storeCells = encodeStore({ version: 1, record, settings: opts.settings ? settings : store.settings, material });

  const draft = reportSheet(reportName, sheetRows);
  const storeSpec = storeSheet(storeExists ? book.sheet(STORE_SHEET)!.name : STORE_SHEET, storeCells);
  const changes: ChangeSet = {
    cells: { sheet: evaluation.sheet, changes: writes.map((w) => ({ address: w.address, value: w.value, numberFormat: w.numberFormat })) },
    add: [...(replaceDraft ? [] : [draft]), ...(storeExists ? [] : [storeSpec])],
    replace: [...(replaceDraft ? [draft] : []), ...(storeExists ? [storeSpec] : [])],
    now: opts.now,
  };
  const messages: string[] = [];
  const dependent = dependentFormulas(materialGrid ? [...grids, materialGrid] : grids, evaluation.sheet, writes.map((w) => w.address));
  if (dependent.length) {
    changes.fullCalcOnLoad = true;
    messages.push(recalcMessage(dependent));
  }
  if (book.structureProtected && changes.add!.length) messages.push(structureMessage(changes.add!.map((s) => s.name)));
  return { evaluation, report, reportSheet: reportName, changes, settingsErrors, messages };
}

export interface Restoration {
  changes: ChangeSet;
  cells: number;
  skipped: string[];
  reportRemoved: string | null;
  reportKept: string | null;
  messages: string[];
}

/** Undoes the recorded calculation (the rule is the engine's restorePlan), as the add-in does. */
export function restoration(book: XlsxBook, fileName: string, now: Date): Restoration {
  const { store, exists } = storeOf(book);
  const record = store.record;
  if (!record || !exists) throw new CliError(`“${fileName}”中没有计分记录，无需恢复。`);
  const info = book.sheet(record.sheet);
  if (!info || info.kind !== 'worksheet') throw new CliError(`“${fileName}”中找不到计分时的工作表“${record.sheet}”，无法恢复。`);
  const plan = restorePlan(record, book.grid(info.name));
  if (plan.writes.length && book.isProtected(info.name)) throw new CliError(protectedMessage(info.name));
  if (book.isProtected(STORE_SHEET)) throw new CliError(`工作表“${STORE_SHEET}”受保护，无法更新计分记录，未写入任何内容。请撤消该工作表的保护后重试。`);
  let reportRemoved: string | null = null;
  let reportKept: string | null = null;
  const draft = record.reportSheet ? book.sheet(record.reportSheet) : undefined;
  if (draft) {
    if (isOurUntouchedDraft(book, draft.name, record) && !book.isProtected(draft.name)) reportRemoved = draft.name;
    else reportKept = draft.name;
  }
  const storeSpec = storeSheet(book.sheet(STORE_SHEET)!.name, encodeStore({ ...store, record: null }));
  const changes: ChangeSet = {
    cells: { sheet: info.name, changes: plan.writes.map((w) => ({ address: w.address, value: w.value, numberFormat: w.numberFormat })) },
    replace: [storeSpec],
    remove: reportRemoved ? [reportRemoved] : [],
    now,
  };
  const messages: string[] = [];
  const grids = book.sheets.filter((s) => s.kind === 'worksheet' && s.name !== reportRemoved && s.name.toLowerCase() !== STORE_SHEET.toLowerCase()).map((s) => book.grid(s.name));
  const dependent = dependentFormulas(grids, info.name, plan.writes.map((w) => w.address));
  if (dependent.length) {
    changes.fullCalcOnLoad = true;
    messages.push(recalcMessage(dependent));
  }
  return { changes, cells: plan.writes.length, skipped: plan.skipped, reportRemoved, reportKept, messages };
}
