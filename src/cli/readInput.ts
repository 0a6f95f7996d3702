/** Reading an input workbook for the command line: its bytes, its package, and every failure in Chinese. */
import * as fs from 'fs';
import * as path from 'path';
import { XlsxReadError, openXlsx, type XlsxBook } from '../xlsx/readWorkbook';
import { CliError } from './io';
import { fileErrorMessage } from './files';

/** Extensions scored (the output keeps the input's: macros stay in an .xlsm). */
export const WORKBOOK_EXT = /\.(xlsx|xlsm)$/i;
/** Spreadsheets we do not read: listed as skipped with what to do. */
export const OTHER_SPREADSHEET_EXT = /\.(xls|et|ett|csv|xlsb|ods)$/i;

/** Why a file of another spreadsheet format is not scored. */
export function otherFormatReason(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return `“${path.basename(file)}”是 ${ext} 格式，不能直接计分，请用 Excel 或 WPS 另存为 .xlsx 后重试。`;
}

export function formatOfName(file: string): CliError | null {
  if (WORKBOOK_EXT.test(file)) return null;
  if (OTHER_SPREADSHEET_EXT.test(file)) return new CliError(otherFormatReason(file));
  return new CliError(`“${path.basename(file)}”不是 .xlsx 文件，请指定 .xlsx（或含宏的 .xlsm）格式的自评表。`);
}

export function readErrorMessage(file: string, e: XlsxReadError, maxCells: number): string {
  const name = path.basename(file);
  switch (e.kind) {
    case 'ole':
      return `“${name}”是旧版 .xls 格式或已加密，请用 Excel 或 WPS 另存为 .xlsx 格式（并取消密码）后重试。`;
    case 'notZip':
      return `“${name}”不是有效的 .xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 格式后重试。`;
    case 'encrypted':
      return `“${name}”已加密，无法读取，请取消密码后另存为 .xlsx 再试。`;
    case 'strict':
      return `“${name}”是“Strict Open XML 电子表格”格式，请在 Excel 中另存为普通的“Excel 工作簿 (.xlsx)”后重试。`;
    case 'noSheets':
      return `“${name}”中没有工作表。`;
    case 'tooLarge':
      return (
        `“${name}”${e.sheet ? `的工作表“${e.sheet}”` : ''}过大` +
        `（${e.cells > maxCells ? `约 ${e.cells.toLocaleString('en-US')} 个单元格，` : ''}上限为 ${maxCells.toLocaleString('en-US')} 个单元格），已跳过。` +
        '如确需计分，请用 --max-cells 或设置文件中的 maxCells 调高上限。'
      );
    default:
      return `“${name}”已损坏或不是有效的 .xlsx 文件，无法读取。`;
  }
}

/** Reads and opens an input; every failure is a CliError with one Chinese line. */
export async function readInput(file: string, maxCells: number): Promise<{ bytes: Buffer; book: XlsxBook }> {
  let bytes: Buffer;
  try {
    // Synchronous: one read, no turns on the event loop (scoring a file is synchronous work anyway).
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`找不到文件“${file}”，请检查路径。`);
    if (code === 'EISDIR') throw new CliError(`“${file}”是文件夹，不是 .xlsx 文件。`);
    throw new CliError(fileErrorMessage(Object.assign(e as object, { path: file }), true) ?? `无法读取文件“${file}”。`);
  }
  return { bytes, book: openBook(file, bytes, maxCells) };
}

export function openBook(file: string, bytes: Uint8Array, maxCells: number): XlsxBook {
  try {
    return openXlsx(bytes, { maxCells });
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(readErrorMessage(file, e, maxCells));
    throw new CliError(`“${path.basename(file)}”已损坏或不是有效的 .xlsx 文件，无法读取。`);
  }
}

/** Runs a step that reads parts of the book lazily: a read failure becomes the file's Chinese message. */
export function reading<T>(file: string, maxCells: number, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(readErrorMessage(file, e, maxCells));
    throw e;
  }
}
