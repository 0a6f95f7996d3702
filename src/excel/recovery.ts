/**
 * After a write that failed: find out what it left and say so. Office applies a batch in order and keeps what ran
 * before the failure (writeCalculation's order). If the record did not land, no cell of the table was written
 * (the cells come after it): the batch's report sheet is removed when new (blank or exactly our draft), our replaced
 * draft gets its previous text back, a store sheet the batch added is removed — and the workbook is as before.
 */
import {
  REPORT_SHEET, STORE_SHEET, decodeStore, draftLines, isOurUntouchedDraft, reportTextFormat, type DraftAction, type WriteRecord,
} from '../engine';
import type { Capabilities } from './capabilities';
import { chainedValues, findSheet, loadedValues, usedValues, type Ctx } from './loads';
import { GATEWAY_MESSAGES, GatewayError, errorCode } from './messages';

interface FailedWrite {
  sheet: string;
  record: WriteRecord;
  draft: DraftAction;
  /** Column A of the draft that 'replace' rewrote ([] when adding). */
  previousDraft: string[];
  storeExisted: boolean;
}

/** What a failed write left: the store's column A and the report sheet's values from A1 (null when absent). */
interface AfterWrite {
  storePresent: boolean;
  storeColumn: unknown[];
  reportValues: unknown[][] | null;
}

/** One sync through null-object chains (ExcelApi 1.4). */
async function inspectChained(ctx: Ctx, reportSheet: string): Promise<AfterWrite> {
  const storeSheet = ctx.workbook.worksheets.getItemOrNullObject(STORE_SHEET).load('name');
  const store = chainedValues(ctx, STORE_SHEET);
  const reportWs = ctx.workbook.worksheets.getItemOrNullObject(reportSheet).load('name');
  const report = chainedValues(ctx, reportSheet);
  await ctx.sync();
  return {
    storePresent: !storeSheet.isNullObject,
    storeColumn: (loadedValues(store, true) ?? []).map((r) => r[0]),
    reportValues: reportWs.isNullObject ? null : (loadedValues(report, true) ?? []),
  };
}

/** Two syncs with ExcelApi 1.1 calls only: the sheet names, then the sheets that exist. */
async function inspectPlain(ctx: Ctx, caps: Capabilities, reportSheet: string): Promise<AfterWrite> {
  const list = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const names = list.items.map((ws) => ({ name: ws.name }));
  const storeInfo = findSheet(names, STORE_SHEET);
  const reportInfo = findSheet(names, reportSheet);
  const store = storeInfo ? usedValues(ctx.workbook.worksheets.getItem(storeInfo.name), caps) : null;
  const report = reportInfo ? usedValues(ctx.workbook.worksheets.getItem(reportInfo.name), caps) : null;
  await ctx.sync();
  return {
    storePresent: !!store,
    storeColumn: (loadedValues(store, false) ?? []).map((r) => r[0]),
    reportValues: loadedValues(report, false),
  };
}

function causeOf(e: unknown, f: FailedWrite): string {
  switch (errorCode(e)) {
    case 'ItemNotFound':
      return GATEWAY_MESSAGES.causeSheetGone(f.sheet);
    case 'AccessDenied':
      return GATEWAY_MESSAGES.causeProtected();
    case 'ItemAlreadyExists':
      return GATEWAY_MESSAGES.causeNameTaken(f.draft.name || REPORT_SHEET);
    default:
      return GATEWAY_MESSAGES.causeOther(e);
  }
}

/** Queues what undoes the batch's report sheet, when the record did not land; false when nothing needs undoing. */
function queueReportUndo(ctx: Ctx, f: FailedWrite, values: unknown[][]): boolean {
  const lines = draftLines(values);
  if (f.draft.kind === 'add') {
    const ours = (lines && !lines.length) || isOurUntouchedDraft({ reportDigest: f.draft.digest }, lines);
    if (ours) ctx.workbook.worksheets.getItem(f.draft.name).delete();
    return ours;
  }
  const previous = f.previousDraft;
  if (!lines || lines.join('\n') === previous.join('\n')) return false;
  // Our replaced draft holds the new text: the previous text goes back (one values write, as it was written).
  const n = Math.max(previous.length, values.length, 1);
  const range = ctx.workbook.worksheets.getItem(f.draft.name).getRange(`A1:A${n}`);
  range.numberFormat = Array.from({ length: n }, (_, i) => [reportTextFormat(previous[i] ?? '')]);
  range.values = Array.from({ length: n }, (_, i) => [previous[i] ?? '']);
  return true;
}

/** The error to show after a failed write, once whatever the batch left that can be undone is undone. */
export async function writeFailure(caps: Capabilities, e: unknown, f: FailedWrite): Promise<GatewayError> {
  let left: string = GATEWAY_MESSAGES.leftUnknown();
  try {
    left = await Excel.run(async (ctx) => {
      const now = caps.api1_4 ? await inspectChained(ctx, f.draft.name) : await inspectPlain(ctx, caps, f.draft.name);
      const landed = decodeStore(now.storeColumn).record;
      if (landed && landed.at === f.record.at && landed.sheet === f.record.sheet && landed.reportDigest === f.record.reportDigest) {
        return GATEWAY_MESSAGES.leftPartial();
      }
      const undoReport = !!now.reportValues && queueReportUndo(ctx, f, now.reportValues);
      const undoStore = !f.storeExisted && now.storePresent;
      if (undoStore) ctx.workbook.worksheets.getItem(STORE_SHEET).delete();
      if (undoReport || undoStore) await ctx.sync();
      return GATEWAY_MESSAGES.leftNothing();
    });
  } catch {
    // Keep the cautious wording.
  }
  return new GatewayError(GATEWAY_MESSAGES.writeFailed(causeOf(e, f), left), errorCode(e) || 'WriteFailed');
}
