/**
 * What the task pane calls. It holds no scoring rule: it reads through the gateway, asks the engine, drafts the
 * report and hands the plan back to the gateway. Every message is for the user, in Chinese.
 */
import {
  MESSAGES, REPORT_SHEET, calculate as engineCalculate, draftLines, validateSettings,
  type CalculateInput, type Calculation, type FoundEvaluation, type Report, type ReportMaterial, type Settings, type SheetSearch,
} from '../engine';
import * as gateway from './gateway';

export interface CalculateOutcome {
  ok: boolean;
  message: string;
  /** The evaluation of the table found (null when none was found or the read failed). */
  evaluation: FoundEvaluation | null;
  report: Report | null;
  reportSheet: string | null;
  searched: SheetSearch[];
}

function messageOf(e: unknown): string {
  if (e instanceof gateway.GatewayError) return e.message;
  // An engine or programming error: its text is English and technical, so it goes to the console only.
  console.error(e);
  return MESSAGES.unexpected();
}

/** The previous draft's column A when the record names a sheet that exists (read with the rest when it is 自评报告). */
async function previousDraft(read: gateway.WorkbookRead): Promise<string[] | null | undefined> {
  const name = read.store.record?.reportSheet;
  if (!name || !read.store.record?.reportDigest || !read.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) return undefined;
  const values = name === REPORT_SHEET && read.draftValues ? read.draftValues : await gateway.readSheetValues(name);
  return draftLines(values);
}

/**
 * 计算得分: read → calculate (the engine) → write. Usually two syncs (read, write); one more when the active sheet
 * is not the table and the other sheets must be read.
 */
export async function calculate(options: { acceptComputed?: string[] } = {}): Promise<CalculateOutcome> {
  let calc: Calculation | null = null;
  try {
    const read = await gateway.readWorkbook();
    const input: CalculateInput = {
      sheets: read.sheets,
      activeSheet: read.activeSheet,
      grids: read.grids,
      store: read.store,
      previousDraft: await previousDraft(read),
      structureProtected: read.structureProtected,
      acceptComputed: options.acceptComputed,
      now: new Date().toISOString(),
    };
    calc = engineCalculate(input);
    if (calc.kind === 'notFound' && calc.searchNext.length) {
      input.grids = read.grids.concat(await gateway.readSheets(calc.searchNext));
      calc = engineCalculate(input);
    }
    if (calc.kind === 'notFound') {
      return { ok: false, message: calc.message, evaluation: null, report: null, reportSheet: null, searched: calc.evaluation.searched };
    }
    const searched = calc.evaluation.searched;
    if (calc.kind === 'refused') return { ok: false, message: calc.message, evaluation: calc.evaluation, report: calc.report, reportSheet: null, searched };
    const ready = calc;
    const written = await gateway.writeCalculation({ calc: ready, read, grid: input.grids.find((g) => g.name === ready.sheet) });
    return { ok: true, message: ready.message, evaluation: ready.evaluation, report: ready.report, reportSheet: written.reportSheet, searched };
  } catch (e) {
    const found = calc && calc.kind !== 'notFound' ? calc : null;
    return {
      ok: false,
      message: messageOf(e),
      evaluation: found ? found.evaluation : null,
      report: found ? found.report : null,
      reportSheet: null,
      searched: calc ? calc.evaluation.searched : [],
    };
  }
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
