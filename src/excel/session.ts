/**
 * What the task pane calls. It holds no scoring rule: it reads through the gateway, asks the engine, drafts the
 * report and hands the plan back to the gateway. Every message is for the user, in Chinese.
 */
import { evaluateWorkbook } from '../engine/evaluate';
import type { SheetGrid } from '../engine/grid';
import { buildReport } from '../engine/report';
import { REPORT_SHEET, reportSheetRows } from '../engine/reportSheet';
import { Settings, validateSettings } from '../engine/settings';
import { STORE_SHEET } from '../engine/store';
import type { Evaluation, Report, ReportMaterial, SheetSearch } from '../engine/types';
import * as gateway from './gateway';

export interface CalculateOutcome {
  ok: boolean;
  message: string;
  evaluation: Evaluation | null;
  report: Report | null;
  reportSheet: string | null;
  searched: SheetSearch[];
}

function messageOf(e: unknown): string {
  if (e instanceof gateway.GatewayError) return e.message;
  // An engine or programming error: its text is English and technical, so it goes to the console only.
  console.error(e);
  return '操作未能完成，出现了意外错误。工作簿如有改动，可点击“恢复计算前内容”撤销；如问题持续，请将工作簿反馈给开发人员。';
}

function notFoundMessage(searched: SheetSearch[]): string {
  const lines = searched.map((s) => (s.missing.length ? `“${s.sheet}”缺少${s.missing.join('、')}` : `“${s.sheet}”`));
  const seen = lines.length ? `已查看的工作表：${lines.join('；')}。` : '';
  return `未找到《部门整体支出绩效自评表》。${seen}请切换到自评表所在的工作表，确认表中有“一级指标”“分值”“得分”等表头后重试。`;
}

/** Sheets worth searching beyond the active one: not our store; very hidden sheets are add-ins' data, not tables. */
function otherSheets(read: gateway.WorkbookRead): string[] {
  const done = new Set(read.grids.map((g) => g.name.toLowerCase()));
  return read.sheets
    .filter((s) => s.visibility !== 'VeryHidden' && s.name !== STORE_SHEET && !done.has(s.name.toLowerCase()))
    .map((s) => s.name);
}

/**
 * 计算得分: read → evaluate → report → write. Usually two syncs (read, write); one more when the active sheet is
 * not the table and the other sheets must be read.
 */
export async function calculate(options: { acceptComputed?: string[] } = {}): Promise<CalculateOutcome> {
  let evaluation: Evaluation | null = null;
  let report: Report | null = null;
  try {
    const read = await gateway.readWorkbook();
    const { settings } = validateSettings(read.store.settings);
    const evalOptions = {
      settings,
      record: read.store.record,
      activeSheet: read.activeSheet,
      acceptComputed: options.acceptComputed,
      now: new Date().toISOString(),
    };
    let grids: SheetGrid[] = read.grids.filter((g) => g.name !== STORE_SHEET);
    evaluation = evaluateWorkbook(grids, evalOptions);
    if (!evaluation.found) {
      const others = otherSheets(read);
      if (others.length) {
        grids = grids.concat(await gateway.readSheets(others));
        evaluation = evaluateWorkbook(grids, evalOptions);
      }
    }
    if (!evaluation.found) {
      return { ok: false, message: notFoundMessage(evaluation.searched), evaluation, report: null, reportSheet: null, searched: evaluation.searched };
    }
    report = buildReport(evaluation, read.store.material);
    const plan = evaluation.plan;
    if (!plan) {
      return {
        ok: false,
        message: '已找到自评表，但未能生成写入内容，工作簿未作修改。请查看校验提示。',
        evaluation,
        report,
        reportSheet: null,
        searched: evaluation.searched,
      };
    }
    const written = await gateway.writeCalculation({
      plan,
      reportRows: reportSheetRows(report),
      read,
      grid: grids.find((g) => g.name === plan.sheet),
      replaceReport: await untouchedDraft(read),
    });
    const message = written.cells ? `已将计算结果写入工作表“${plan.sheet}”的 ${written.cells} 个单元格。` : `工作表“${plan.sheet}”没有需要写入的单元格。`;
    return { ok: true, message, evaluation, report, reportSheet: written.reportSheet, searched: evaluation.searched };
  } catch (e) {
    return { ok: false, message: messageOf(e), evaluation, report, reportSheet: null, searched: evaluation?.searched ?? [] };
  }
}

/**
 * Our previous draft when it is still exactly as we wrote it: it is replaced, so that calculating twice leaves
 * the same workbook as once (as the command line does). An edited draft, or the user's own sheet, is kept.
 */
async function untouchedDraft(read: gateway.WorkbookRead): Promise<string | null> {
  const record = read.store.record;
  const name = record?.reportSheet;
  if (!record || !name || !record.reportDigest || !read.sheets.some((s) => s.name === name)) return null;
  const values = name === REPORT_SHEET && read.draftValues ? read.draftValues : await gateway.readSheetValues(name);
  return gateway.isOurDraft(values, record) ? name : null;
}

/** 恢复计算前内容. */
export async function restoreLast(): Promise<{ ok: boolean; message: string }> {
  try {
    const r = await gateway.restore();
    if (!r) return { ok: false, message: '没有可恢复的内容：本工作簿尚未由加载项写入计算结果，或已经恢复过。' };
    const parts = [`已将工作表“${r.sheet}”中 ${r.restored} 个单元格恢复为计算前的内容。`];
    if (r.kept.length) {
      const shown = r.kept.slice(0, 5).join('、') + (r.kept.length > 5 ? ' 等' : '');
      parts.push(`${r.kept.length} 个单元格（${shown}）在计算后已被修改，保留了当前内容。`);
    }
    if (r.reportSheetRemoved) parts.push(`已删除加载项生成的工作表“${r.reportSheetRemoved}”。`);
    if (r.reportSheetKept) parts.push(`工作表“${r.reportSheetKept}”在生成后已被修改，予以保留，如不需要请手动删除。`);
    return { ok: true, message: parts.join('') };
  } catch (e) {
    return { ok: false, message: messageOf(e) };
  }
}

/** Goes to a cell named in an issue: '部门整体支出绩效自评表!G14'. Throws a GatewayError (Chinese) on failure. */
export async function selectCell(qualifiedAddress: string): Promise<void> {
  await gateway.selectCell(qualifiedAddress);
}

/** Settings and report material kept in the workbook (defaults when none). */
export async function loadStored(): Promise<{ settings: Settings; settingsErrors: string[]; material: ReportMaterial }> {
  const { store } = await gateway.readStore();
  const { settings, errors } = validateSettings(store.settings);
  return { settings, settingsErrors: errors, material: store.material ?? {} };
}

/** Keeps the settings in the workbook (the record and the material are kept as they are). */
export async function saveSettings(settings: Settings): Promise<void> {
  const r = await gateway.readStore();
  await gateway.writeStore({ ...r.store, settings }, r.exists, r.sheets, r.structureProtected);
}

/** Keeps the report material in the workbook for next year. */
export async function saveMaterial(material: ReportMaterial): Promise<void> {
  const r = await gateway.readStore();
  await gateway.writeStore({ ...r.store, material }, r.exists, r.sheets, r.structureProtected);
}
