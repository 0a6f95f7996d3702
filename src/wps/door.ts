/**
 * The WPS 表格 door: what the task pane and the ribbon call in WPS, as src/excel/session.ts is in Excel. It holds no
 * scoring rule: read the workbook in one pass (read.ts), ask the engine (calculate), apply what it returns in one
 * pass (write.ts). The JSA is synchronous; the door still answers with Promises, as the pane expects of any door.
 */
import {
  MESSAGES, STORE_SHEET, calculate as engineCalculate, calculateOutcome, encodeStore, validateSettings, type CalculateInput, type Calculation, type ReportMaterial, type Settings,
} from '../engine';
import type { CalculateOutcome, PaneDoor, RestoreResult, StoredForms } from '../taskpane/door';
import { etApplication, type EtApplication, type EtWorkbook } from './et';
import { findSheet, readGrids, readStore, readWorkbook, sheetList } from './read';
import { restoreWorkbook } from './restore';
import { WpsDoorError, applyCalculation, writeStoreCells } from './write';

const NO_WORKBOOK = '没有打开的工作簿。请先在 WPS 表格中打开《部门整体支出绩效自评表》，再点击“计算得分”。';
const NOT_WPS = '未能连接 WPS 表格。请在 WPS 表格的“绩效自评”选项卡中打开本加载项。';

function host(): { app: EtApplication; wb: EtWorkbook } {
  const app = etApplication();
  if (!app) throw new WpsDoorError(NOT_WPS);
  const wb = app.ActiveWorkbook;
  if (!wb) throw new WpsDoorError(NO_WORKBOOK);
  return { app, wb };
}

function messageOf(e: unknown): string {
  if (e instanceof WpsDoorError) return e.message;
  // A WPS or programming error: its text is technical, so it goes to the console only.
  console.error(e);
  return MESSAGES.unexpected();
}

/** 计算得分: read → calculate → write; one more read when the active sheet is not the table. */
export function calculateNow(options: { acceptComputed?: string[] } = {}, now: Date = new Date()): CalculateOutcome {
  let calc: Calculation | null = null;
  try {
    const { app, wb } = host();
    const read = readWorkbook(wb);
    const input: CalculateInput = {
      sheets: read.sheets,
      activeSheet: read.activeSheet,
      grids: read.grids,
      store: read.store,
      previousDraft: read.previousDraft,
      structureProtected: read.structureProtected,
      acceptComputed: options.acceptComputed,
      now: now.toISOString(),
    };
    calc = engineCalculate(input);
    if (calc.kind === 'notFound' && calc.searchNext.length) {
      input.grids = read.grids.concat(readGrids(wb, calc.searchNext));
      calc = engineCalculate(input);
    }
    if (calc.kind !== 'ready') return calculateOutcome(calc, { failure: calc.message });
    const ready = calc;
    return calculateOutcome(ready, { applied: applyCalculation(app, wb, ready, input.grids.find((g) => g.name === ready.sheet)) });
  } catch (e) {
    return calculateOutcome(calc, { failure: messageOf(e) });
  }
}

function restoreNow(): RestoreResult {
  try {
    const { app, wb } = host();
    return restoreWorkbook(app, wb);
  } catch (e) {
    return { ok: false, message: messageOf(e) };
  }
}

/** Activates the cell's sheet and selects the cell. */
function selectNow(qualifiedAddress: string): void {
  const i = qualifiedAddress.lastIndexOf('!');
  if (i < 0) return;
  let sheet = qualifiedAddress.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const address = qualifiedAddress.slice(i + 1);
  const ws = findSheet(host().wb, sheet);
  if (!ws) throw new WpsDoorError(`找不到工作表“${sheet}”，可能已被重命名或删除。`);
  try {
    ws.Activate();
    ws.Range(address).Select();
  } catch {
    throw new WpsDoorError(`无法定位到单元格 ${sheet}!${address}。如该工作表已隐藏，请先取消隐藏。`);
  }
}

function loadStoredNow(): StoredForms {
  const { store } = readStore(host().wb);
  const { settings, errors } = validateSettings(store.settings);
  return { settings, settingsErrors: errors, material: store.material ?? {} };
}

/** Keeps settings or material in the store; the rest of the store as it is. */
function saveStoreNow(change: { settings?: Settings; material?: ReportMaterial }): void {
  const { wb } = host();
  const { store, exists } = readStore(wb);
  const sheets = sheetList(wb).map((s) => s.info);
  if (!exists && wb.ProtectStructure) throw new WpsDoorError(MESSAGES.structureProtected(MESSAGES.saveStore()));
  if (sheets.some((s) => s.protected && s.name.toLowerCase() === STORE_SHEET.toLowerCase())) {
    throw new WpsDoorError('加载项数据工作表受保护，无法保存。本次未对工作簿做任何修改。');
  }
  writeStoreCells(wb, encodeStore({ ...store, ...change }), exists);
}

/** Turns a synchronous step into the Promise the pane expects, with a thrown error as a rejection. */
function later<T>(step: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      resolve(step());
    } catch (e) {
      reject(e instanceof WpsDoorError ? e : new WpsDoorError(messageOf(e)));
    }
  });
}

export const wpsDoor: PaneDoor = {
  calculate: (options) => later(() => calculateNow(options)),
  restoreLast: () => later(restoreNow),
  selectCell: (q) => later(() => selectNow(q)),
  loadStored: () => later(loadStoredNow),
  saveSettings: (settings) => later(() => saveStoreNow({ settings })),
  saveMaterial: (material) => later(() => saveStoreNow({ material })),
};
