/**
 * Reading what a calculation needs, in as few syncs as the host allows:
 * - ExcelApi 1.4+: one sync — the sheet list, the active sheet's data (values, number formats, formulas, merged
 *   areas on 1.13), and through null-object chains the store, a sheet named 自评报告 (perhaps our last draft) and
 *   报告素材;
 * - ExcelApi 1.2–1.3: the same, and one more sync for those three when the sheet list shows the store or
 *   报告素材 (自评报告 matters only with a store: no record, no draft of ours);
 * - ExcelApi 1.1: the chunked read (sizes, then data with the three), the table sheet's protection probed in the
 *   first sync (queueWriteProbe);
 * - when the one-sync read fails (a response too large…): the chunked read.
 */
import { MATERIAL_SHEET, REPORT_SHEET, STORE_SHEET, type DoorSheet, type SheetGrid, type WorkbookStore } from '../engine';
import type { Capabilities } from './capabilities';
import { readChunked } from './chunked';
import {
  chainedValues, findSheet, gridOf, loadSheetData, loadSheetList, loadStructure, loadedValues, queueWriteProbe, sheetList, storeExists,
  storeOf, usedValues, valuesGrid,
} from './loads';
import { GATEWAY_MESSAGES, GatewayError, errorCode, readFailure } from './messages';

export interface WorkbookRead {
  /** Every sheet in tab order; protection null when the host cannot tell. */
  sheets: DoorSheet[];
  activeSheet: string;
  /** The sheets read so far (the active one), and 报告素材 when it exists. */
  grids: SheetGrid[];
  store: WorkbookStore;
  storeExists: boolean;
  /** Workbook structure protection; null when the host cannot tell (ExcelApi < 1.7). */
  structureProtected: boolean | null;
  /** False when merged areas could not be read (ExcelApi < 1.13, or a fallback read). */
  mergesRead: boolean;
  /** Values from A1 of the sheet named 自评报告 when it exists (read with the rest: it is usually our last draft). */
  draftValues: unknown[][] | null;
}

function requireMinimum(caps: Capabilities): void {
  if (!caps.api1_1) throw new GatewayError(GATEWAY_MESSAGES.apiTooOld(), 'ApiNotFound');
}

function withMaterial(grids: SheetGrid[], material: SheetGrid | null): SheetGrid[] {
  return material && !findSheet(grids, material.name) ? [...grids, material] : grids;
}

/** The active sheet through the chunked read. */
async function readActiveChunked(caps: Capabilities): Promise<WorkbookRead> {
  try {
    return await Excel.run(async (ctx) => {
      const r = await readChunked(ctx, caps, 'active', { extras: true, probe: !caps.api1_2 });
      return {
        sheets: r.sheets,
        activeSheet: r.active,
        grids: withMaterial(r.grids, r.material),
        store: r.store,
        storeExists: storeExists(r.sheets),
        structureProtected: r.structure,
        mergesRead: false,
        draftValues: r.draft,
      };
    });
  } catch (e) {
    throw readFailure(e);
  }
}

/** Reads what a calculation needs: see the file's comment for the syncs. */
export async function readWorkbook(caps: Capabilities): Promise<WorkbookRead> {
  requireMinimum(caps);
  if (!caps.api1_2) return readActiveChunked(caps);
  const chained = caps.api1_4;
  try {
    return await Excel.run(async (ctx) => {
      const list = loadSheetList(ctx, caps);
      const activeWs = ctx.workbook.worksheets.getActiveWorksheet();
      activeWs.load('name');
      const structure = loadStructure(ctx, caps);
      const data = loadSheetData(activeWs, () => activeWs.name, caps.api1_13);
      const extras = chained ? [STORE_SHEET, REPORT_SHEET, MATERIAL_SHEET].map((n) => chainedValues(ctx, n)) : null;
      await ctx.sync();
      const sheets = sheetList(list);
      let [store, draft, material] = extras ? extras.map((r) => loadedValues(r, true)) : [null, null, null];
      if (!chained) {
        // Without null-object chains, only sheets the list shows can be asked for: one more sync when any exists.
        // 自评报告 matters only with a store (no record, no draft of ours).
        const storeInfo = findSheet(sheets, STORE_SHEET);
        const infos = [storeInfo, storeInfo && findSheet(sheets, REPORT_SHEET), findSheet(sheets, MATERIAL_SHEET)];
        if (infos.some(Boolean)) {
          const ranges = infos.map((i) => (i ? usedValues(ctx.workbook.worksheets.getItem(i.name), caps) : null));
          await ctx.sync();
          [store, draft, material] = ranges.map((r) => loadedValues(r, false));
        }
      }
      const materialInfo = findSheet(sheets, MATERIAL_SHEET);
      return {
        sheets,
        activeSheet: activeWs.name,
        grids: withMaterial([gridOf(data)], materialInfo && material ? valuesGrid(materialInfo.name, material) : null),
        store: storeOf(store),
        storeExists: storeExists(sheets),
        structureProtected: structure ? structure.protected : null,
        mergesRead: caps.api1_13,
        draftValues: draft,
      };
    });
  } catch (first) {
    if (first instanceof GatewayError) throw first;
    return readActiveChunked(caps);
  }
}

export interface SheetsRead {
  grids: SheetGrid[];
  /** Protection learnt by the read (ExcelApi 1.1 probe), by sheet name; absent when not probed. */
  protection: Map<string, boolean | null>;
}

/** Reads further sheets by name (known to exist from the sheet list): one sync, or the chunked read. */
export async function readSheets(caps: Capabilities, names: string[]): Promise<SheetsRead> {
  if (!names.length) return { grids: [], protection: new Map() };
  const chunked = async (): Promise<SheetsRead> => {
    try {
      return await Excel.run(async (ctx) => {
        const r = await readChunked(ctx, caps, names, { extras: false, probe: !caps.api1_2 });
        const protection = new Map<string, boolean | null>();
        if (!caps.api1_2) for (const n of names) protection.set(n, findSheet(r.sheets, n)?.protected ?? null);
        return { grids: r.grids, protection };
      });
    } catch (e) {
      throw readFailure(e);
    }
  };
  // On ExcelApi 1.1 the one-sync read's calls (valuesOnly, getResizedRange, rowHidden) do not exist.
  if (!caps.api1_2) return chunked();
  try {
    return await Excel.run(async (ctx) => {
      const loads = names.map((n) => loadSheetData(ctx.workbook.worksheets.getItem(n), () => n, caps.api1_13));
      await ctx.sync();
      return { grids: loads.map(gridOf), protection: new Map() };
    });
  } catch {
    return chunked();
  }
}

/** Values from A1 of one sheet, one sync: an earlier draft the first read did not cover. */
export async function readSheetValues(caps: Capabilities, name: string): Promise<unknown[][]> {
  try {
    return await Excel.run(async (ctx) => {
      const r = usedValues(ctx.workbook.worksheets.getItem(name), caps);
      await ctx.sync();
      return loadedValues(r, false) ?? [];
    });
  } catch (e) {
    throw readFailure(e);
  }
}

/**
 * Whether a sheet takes writes, when the host cannot say (ExcelApi 1.1): one sync, the probe alone. Needed only
 * when the table was found on a sheet whose probe was shared with others.
 */
export async function probeWritable(name: string): Promise<boolean> {
  try {
    await Excel.run(async (ctx) => {
      queueWriteProbe(ctx.workbook.worksheets.getItem(name));
      await ctx.sync();
    });
    return true;
  } catch (e) {
    if (errorCode(e) === 'AccessDenied') return false;
    throw readFailure(e);
  }
}

export interface StoreRead {
  store: WorkbookStore;
  exists: boolean;
  sheets: DoorSheet[];
  structureProtected: boolean | null;
}

/** The store alone (settings, material, record): one sync on ExcelApi 1.4+, two below when it exists. */
export async function readStore(caps: Capabilities): Promise<StoreRead> {
  requireMinimum(caps);
  try {
    return await Excel.run(async (ctx) => {
      const list = loadSheetList(ctx, caps);
      const structure = loadStructure(ctx, caps);
      const range = caps.api1_4 ? chainedValues(ctx, STORE_SHEET) : null;
      await ctx.sync();
      const sheets = sheetList(list);
      const info = findSheet(sheets, STORE_SHEET);
      let values = loadedValues(range, true);
      if (!caps.api1_4 && info) {
        const r = usedValues(ctx.workbook.worksheets.getItem(info.name), caps);
        await ctx.sync();
        values = loadedValues(r, false);
      }
      return { store: storeOf(values), exists: !!info, sheets, structureProtected: structure ? structure.protected : null };
    });
  } catch (e) {
    throw readFailure(e);
  }
}
