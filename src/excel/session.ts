/**
 * What the task pane calls. It holds no rule: it reads through the gateway, passes the engine what the command
 * line passes (the sheet list with visibility and protection, the active sheet, the grids with 报告素材, the store,
 * our previous draft's column A, structure protection), and applies what the engine returns. The requirement sets
 * are asked once per operation and handed to every gateway call.
 */
import {
  MESSAGES, REPORT_SHEET, calculate as engineCalculate, calculateOutcome, draftLines, validateSettings,
  type CalculateInput, type CalculateOutcome, type Calculation, type DoorSheet, type ReportMaterial, type Settings,
  type WorkbookStore,
} from '../engine';
import * as gateway from './gateway';

export type { CalculateOutcome };

function messageOf(e: unknown): string {
  if (e instanceof gateway.GatewayError) return e.message;
  // An engine or programming error: its text is English and technical, so it goes to the console only.
  console.error(e);
  return MESSAGES.unexpected();
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Column A of the sheet the record names as our last draft, when it exists (read with the rest when it is
 * 自评报告, else one more sync); undefined when there is none to compare.
 */
async function previousDraft(caps: gateway.Capabilities, read: gateway.WorkbookRead): Promise<string[] | null | undefined> {
  const name = read.store.record?.reportSheet;
  const sheet = name ? read.sheets.find((s) => sameName(s.name, name)) : undefined;
  if (!sheet || !read.store.record?.reportDigest) return undefined;
  const values = read.draftValues && sameName(sheet.name, REPORT_SHEET) ? read.draftValues : await gateway.readSheetValues(caps, sheet.name);
  return draftLines(values);
}

function withProtection(sheets: DoorSheet[], known: Map<string, boolean | null>): DoorSheet[] {
  return sheets.map((s) => (known.has(s.name) && s.protected === null ? { ...s, protected: known.get(s.name) as boolean | null } : s));
}

/**
 * 计算得分: read → calculate (the engine) → write. Two syncs on ExcelApi 1.4+ (read, write), three below; more
 * when the active sheet is not the table (the other sheets are read) or the record names a draft not called 自评报告.
 */
export async function calculate(options: { acceptComputed?: string[] } = {}): Promise<CalculateOutcome> {
  let calc: Calculation | null = null;
  try {
    const caps = gateway.probeCapabilities();
    const read = await gateway.readWorkbook(caps);
    const input: CalculateInput = {
      sheets: read.sheets,
      activeSheet: read.activeSheet,
      grids: read.grids,
      store: read.store,
      previousDraft: await previousDraft(caps, read),
      structureProtected: read.structureProtected,
      acceptComputed: options.acceptComputed,
      now: new Date().toISOString(),
    };
    calc = engineCalculate(input);
    if (calc.kind === 'notFound' && calc.searchNext.length) {
      const more = await gateway.readSheets(caps, calc.searchNext);
      input.grids = read.grids.concat(more.grids);
      input.sheets = withProtection(input.sheets, more.protection);
      calc = engineCalculate(input);
    }
    // The host could not tell the table sheet's protection (ExcelApi 1.1, a probe shared by several sheets): try it.
    const table = calc.kind === 'ready' ? calc.sheet : null;
    const target = table ? input.sheets.find((s) => sameName(s.name, table)) : undefined;
    if (target && target.protected === null) {
      input.sheets = withProtection(input.sheets, new Map([[target.name, !(await gateway.probeWritable(target.name))]]));
      calc = engineCalculate(input);
    }
    if (calc.kind !== 'ready') return calculateOutcome(calc, { failure: calc.message });
    const written = await gateway.writeCalculation(caps, calc, { sheets: input.sheets, previousDraft: input.previousDraft });
    return calculateOutcome(calc, { applied: written.reportSheet });
  } catch (e) {
    return calculateOutcome(calc, { failure: messageOf(e) });
  }
}

/** 恢复计算前内容: the engine's restore steps, read and applied by the gateway. */
export async function restoreLast(): Promise<{ ok: boolean; message: string }> {
  try {
    const done = await gateway.restore(gateway.probeCapabilities());
    return { ok: done.kind === 'restored', message: done.message };
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
  const { store } = await gateway.readStore(gateway.probeCapabilities());
  const { settings, errors } = validateSettings(store.settings);
  return { settings, settingsErrors: errors, material: store.material ?? {} };
}

async function saveStore(change: (store: WorkbookStore) => WorkbookStore): Promise<void> {
  const caps = gateway.probeCapabilities();
  const r = await gateway.readStore(caps);
  await gateway.writeStore(caps, change(r.store), r.exists, r.sheets, r.structureProtected);
}

/** Keeps the settings in the workbook (the record and the material are kept as they are). */
export async function saveSettings(settings: Settings): Promise<void> {
  await saveStore((store) => ({ ...store, settings }));
}

/** Keeps the report material in the workbook for next year. */
export async function saveMaterial(material: ReportMaterial): Promise<void> {
  await saveStore((store) => ({ ...store, material }));
}
