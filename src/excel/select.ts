/** Going to a cell named in an issue: activate its sheet and select it, one sync. */
import { splitQualified } from './addresses';
import { GATEWAY_MESSAGES, GatewayError, errorCode } from './messages';

/** '部门整体支出绩效自评表!G14' → that sheet active, G14 selected. Throws a GatewayError (Chinese) on failure. */
export async function selectCell(qualifiedAddress: string): Promise<void> {
  const { sheet, address } = splitQualified(qualifiedAddress);
  if (!sheet || !address) return;
  try {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    });
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ItemNotFound') throw new GatewayError(GATEWAY_MESSAGES.selectSheetMissing(sheet), code);
    if (code === 'InvalidOperation') throw new GatewayError(GATEWAY_MESSAGES.selectSheetHidden(sheet, address), code);
    throw new GatewayError(GATEWAY_MESSAGES.selectFailed(sheet, address, e), code || 'SelectFailed');
  }
}
