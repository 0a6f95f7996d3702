/**
 * 恢复计算前内容, on the engine's restore steps: restoreStart says what to read (the recorded cells' box and our
 * report sheet), restoreWrites what to write back; this file only reads and applies them. Syncs: the store (one on
 * ExcelApi 1.4+, two below), the recorded cells with the report sheet, then the writes. Below ExcelApi 1.2 the
 * table sheet's protection is probed in the read of the recorded cells: a refusal there is the engine's refusal.
 */
import { draftLines, restoreStart, restoreWrites, type SheetGrid } from '../engine';
import type { Capabilities } from './capabilities';
import { cellValues, findSheet, loadedValues, queueWriteProbe, usedValues } from './loads';
import { GATEWAY_MESSAGES, GatewayError, errorCode } from './messages';
import { readStore } from './read';
import { queueStore } from './write';

export interface RestoreDone {
  /** 'nothing': no record; 'refused': the engine's refusal (missing or protected sheet); nothing was written. */
  kind: 'restored' | 'nothing' | 'refused';
  message: string;
}

export async function restore(caps: Capabilities): Promise<RestoreDone> {
  const { store, exists, sheets } = await readStore(caps);
  const start = restoreStart(store, sheets);
  if (start.kind !== 'read') return start.kind === 'nothing' ? { kind: 'nothing', message: start.message } : { kind: 'refused', message: start.message };
  const { scope } = start;
  const probe = findSheet(sheets, scope.sheet)?.protected === null && !!scope.range;
  try {
    return await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(scope.sheet);
      const range = scope.range ? ws.getRange(scope.range).load('values,formulas,numberFormat') : null;
      const report = scope.reportSheet ? usedValues(ctx.workbook.worksheets.getItem(scope.reportSheet), caps) : null;
      if (probe) queueWriteProbe(ws);
      try {
        await ctx.sync();
      } catch (e) {
        if (!probe || errorCode(e) !== 'AccessDenied') throw e;
        // The probe was refused: the sheet is protected, and the engine says so.
        const again = restoreStart(store, sheets.map((s) => (s.name === scope.sheet ? { ...s, protected: true } : s)));
        return { kind: 'refused', message: again.kind === 'refused' ? again.message : GATEWAY_MESSAGES.restoreFailed(e) };
      }
      const grid: SheetGrid | null = range
        ? { name: scope.sheet, values: cellValues(range.values as unknown[][]), formulas: range.formulas as unknown[][], numberFormats: range.numberFormat as (string | null)[][], origin: scope.origin }
        : null;
      const reportValues = loadedValues(report, false);
      const w = restoreWrites(store, scope, grid, reportValues ? draftLines(reportValues) : null);
      for (const c of w.writes) {
        const r = ws.getRange(c.address);
        r.numberFormat = [[c.numberFormat || 'General']];
        r.values = [[c.value === null ? '' : c.value]];
      }
      if (w.removeReport) ctx.workbook.worksheets.getItem(w.removeReport).delete();
      queueStore(ctx, caps, w.storeCells, exists, sheets);
      await ctx.sync();
      return { kind: 'restored', message: w.message };
    });
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError(GATEWAY_MESSAGES.restoreFailed(e), errorCode(e) || 'RestoreFailed');
  }
}
