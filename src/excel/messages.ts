/**
 * What the gateway says when Office fails or refuses (one catalogue, Chinese, saying what to do). Messages about
 * the calculation itself (not found, protected, written, restored…) are the engine's MESSAGES: not repeated here.
 */
import { MIN_API } from './capabilities';

/** A failure the user must read: `message` is Chinese and says what to do; `code` is Office's, for support. */
export class GatewayError extends Error {
  readonly code: string;
  constructor(message: string, code = 'Gateway') {
    super(message);
    this.name = 'GatewayError';
    this.code = code;
  }
}

/** Office's error code ('AccessDenied', 'ItemNotFound'…), '' when there is none. */
export function errorCode(e: unknown): string {
  return e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
}

/** Office's own error text is English: the user gets a Chinese sentence and the code, for support. */
function codeNote(e: unknown): string {
  const code = errorCode(e);
  return code ? `（错误代码：${code}）` : '';
}

export const GATEWAY_MESSAGES = {
  apiTooOld: (): string =>
    `当前 Excel 版本过低，不支持本加载项所需的功能（ExcelApi ${MIN_API}）。请使用 Excel 2016 及以上版本、Microsoft 365 或 Excel 网页版。`,
  sheetsChangedWhileReading: (): string => '读取工作簿时工作表已发生变化（可能被重命名或删除），请重新点击“计算得分”。',
  readFailed: (e: unknown): string => `读取工作簿失败${codeNote(e)}。工作簿未作任何修改，请稍后重试。`,
  storeSheetProtected: (): string => '加载项数据工作表受保护，无法保存。本次未对工作簿做任何修改。',
  saveRefused: (): string => '加载项数据工作表或工作簿结构受保护，无法保存。请取消保护后重试。',
  saveFailed: (e: unknown): string => `保存到工作簿失败${codeNote(e)}，请稍后重试。`,
  // A write that failed: the cause, then what it left, then what to do.
  causeSheetGone: (sheet: string): string => `工作表“${sheet}”已不存在（可能在计算过程中被重命名或删除）`,
  causeProtected: (): string => '工作表或工作簿受保护',
  causeNameTaken: (name: string): string => `已存在名为“${name}”的工作表`,
  causeOther: (e: unknown): string => `写入过程中出现错误${codeNote(e)}`,
  leftUnknown: (): string => '工作簿中可能已写入部分结果，可点击“恢复计算前内容”撤销。',
  leftPartial: (): string => '部分结果可能已经写入，请点击“恢复计算前内容”撤销后重新计算。',
  leftNothing: (): string => '工作簿未作修改。',
  writeFailed: (cause: string, left: string): string => `写入计算结果失败：${cause}。${left}请检查后重新点击“计算得分”。`,
  restoreFailed: (e: unknown): string => `恢复失败${codeNote(e)}。请检查工作表是否受保护后重试。`,
  selectSheetMissing: (sheet: string): string => `找不到工作表“${sheet}”，可能已被重命名或删除。`,
  selectSheetHidden: (sheet: string, address: string): string => `工作表“${sheet}”已隐藏，无法定位到单元格 ${address}。请先取消隐藏该工作表。`,
  selectFailed: (sheet: string, address: string, e: unknown): string => `无法定位到单元格 ${sheet}!${address}${codeNote(e)}。`,
} as const;

/** A failed read, in the user's words. */
export function readFailure(e: unknown): GatewayError {
  if (e instanceof GatewayError) return e;
  const code = errorCode(e);
  if (code === 'ItemNotFound') return new GatewayError(GATEWAY_MESSAGES.sheetsChangedWhileReading(), code);
  return new GatewayError(GATEWAY_MESSAGES.readFailed(e), code || 'ReadFailed');
}
