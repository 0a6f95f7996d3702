/** Loading and saving .xlsx files with ExcelJS, and the grids the engine reads from them. */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../engine';
import { STORE_SHEET } from '../engine';
import { sheetToGrid } from './readGrid';

/** A workbook that could not be read; `message` is one Chinese line for the user. */
export class WorkbookReadError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** Reads an .xlsx file; any failure becomes a WorkbookReadError with a clear Chinese reason. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const name = path.basename(file);
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookReadError(`找不到文件“${file}”，请检查路径。`);
    if (code === 'EISDIR') throw new WorkbookReadError(`“${file}”是文件夹，不是 .xlsx 文件。`);
    if (code === 'EACCES' || code === 'EPERM') throw new WorkbookReadError(`没有权限读取文件“${file}”。`);
    throw new WorkbookReadError(`无法读取文件“${file}”。`);
  }
  if (startsWith(buf, OLE_MAGIC)) {
    throw new WorkbookReadError(`“${name}”是旧版 .xls 格式或已加密，请在 Excel 中另存为 .xlsx 格式（并取消密码）后重试。`);
  }
  if (!startsWith(buf, ZIP_MAGIC)) {
    throw new WorkbookReadError(`“${name}”不是有效的 .xlsx 文件，请在 Excel 中另存为 .xlsx 格式后重试。`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new WorkbookReadError(`“${name}”已损坏或不是有效的 .xlsx 文件，无法读取。`);
  }
  if (wb.worksheets.length === 0) throw new WorkbookReadError(`“${name}”中没有工作表。`);
  return wb;
}

/**
 * Saves through a temporary file beside the target and renames it, so that a failure never leaves a
 * half-written workbook (the input itself may be the target with --in-place).
 */
export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const data = await wb.xlsx.writeBuffer();
    await fs.writeFile(tmp, Buffer.from(data as ArrayBuffer));
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Name of the sheet Excel opens on (the active tab), when the file says. */
export function activeSheetName(wb: ExcelJS.Workbook): string | undefined {
  const tab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab;
  if (typeof tab !== 'number') return undefined;
  return wb.worksheets[tab]?.name;
}

/** The grids the engine looks at: every worksheet but our hidden store and the ones named in `skip`. */
export function workbookGrids(wb: ExcelJS.Workbook, skip: string[] = []): SheetGrid[] {
  const skipped = new Set([STORE_SHEET, ...skip].map((n) => n.toLowerCase()));
  return wb.worksheets.filter((ws) => !skipped.has(ws.name.toLowerCase())).map((ws) => sheetToGrid(ws));
}

/** Worksheet by name, compared as Excel does (case-insensitively). */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === key);
}
