/**
 * What the host's Office supports, asked once per run (Office.context.requirements.isSetSupported) and passed to
 * every gateway call, so that one operation never sees two answers and no call asks again.
 *
 * ExcelApi 1.1 is the minimum (Excel 2016 perpetual without updates). Each newer set is used only when present:
 *   api1_2  worksheet protection state, getUsedRange(valuesOnly), getResizedRange, rowHidden, setting a sheet's
 *           visibility (very hidden store), column width, autofitRows. Without it: the read takes the formatted used
 *           range in sizes and chunks, the sheet's protection is probed by a write of null, the store sheet stays
 *           visible, the report sheet is left without layout (no wrap, default width).
 *   api1_4  getItemOrNullObject / getUsedRangeOrNullObject: the store, an earlier draft and 报告素材 read in the
 *           same sync as the table (else one more sync when they exist).
 *   api1_7  workbook structure protection (else Office's refusal at write time is reported).
 *   api1_13 merged areas (else the engine's blank-below handling).
 */
export const MIN_API = '1.1';

export interface Capabilities {
  /** The minimum (ExcelApi 1.1): without it the add-in cannot run. */
  api1_1: boolean;
  api1_2: boolean;
  api1_4: boolean;
  api1_7: boolean;
  api1_13: boolean;
}

function supports(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

/** Asks the host once for each requirement set the gateway uses. */
export function probeCapabilities(): Capabilities {
  return { api1_1: supports(MIN_API), api1_2: supports('1.2'), api1_4: supports('1.4'), api1_7: supports('1.7'), api1_13: supports('1.13') };
}
