/** Shared by the CLI and xlsx tests: paths, an in-memory io, and a cell-by-cell snapshot of a workbook. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { CliIo } from '../src/cli/io';
import { STORE_SHEET, decodeStore, type SheetGrid, type WorkbookStore } from '../src/engine';
import { sheetToGrid } from '../src/xlsx/readGrid';
import { EXAMPLE_PATH, EXAMPLE_SHEET } from './helpers/example';

export const ROOT = path.resolve(__dirname, '..');
export const EXAMPLE = EXAMPLE_PATH;
export const SHEET = EXAMPLE_SHEET;

export function tempDir(prefix = 'selfeval-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface Captured extends CliIo {
  out: () => string;
  err: () => string;
}

export function captureIo(tty = false): Captured {
  let out = '';
  let err = '';
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    stderrIsTTY: tty,
    now: () => new Date('2024-03-01T08:00:00.000Z'),
    out: () => out,
    err: () => err,
  };
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * The store of a workbook read through ExcelJS: an independent reader of what the command line wrote (the
 * command line itself reads with src/xlsx/readWorkbook.ts).
 */
export function readStore(wb: ExcelJS.Workbook): WorkbookStore {
  const ws = wb.worksheets.find((w) => w.name === STORE_SHEET);
  const column: unknown[] = [];
  if (ws) for (let r = 1; r <= ws.rowCount; r++) column.push(ws.getCell(r, 1).value);
  return decodeStore(column);
}

/** The grids of every sheet but the store, through ExcelJS (src/xlsx/readGrid.ts). */
export function workbookGrids(wb: ExcelJS.Workbook): SheetGrid[] {
  return wb.worksheets.filter((ws) => ws.name !== STORE_SHEET).map((ws) => sheetToGrid(ws));
}

export interface CellSnapshot {
  value: string;
  formula: string | null;
  numFmt: string;
  style: string;
}

export interface SheetSnapshot {
  state: string;
  merges: string[];
  widths: (number | undefined)[];
  heights: (number | undefined)[];
  cells: Map<string, CellSnapshot>;
}

/** Every cell (value, formula, number format, the rest of the style), merge, width and height of each sheet. */
export function snapshot(wb: ExcelJS.Workbook): Map<string, SheetSnapshot> {
  const out = new Map<string, SheetSnapshot>();
  for (const ws of wb.worksheets) {
    const cells = new Map<string, CellSnapshot>();
    const cols = Math.max(ws.columnCount, 1);
    for (let r = 1; r <= ws.rowCount; r++) {
      for (let c = 1; c <= cols; c++) {
        const cell = ws.getCell(r, c);
        const v = cell.value as unknown;
        const formula = v && typeof v === 'object' && 'formula' in (v as object) ? String((v as { formula: string }).formula) : null;
        const { numFmt, ...rest } = (cell.style ?? {}) as Record<string, unknown>;
        // A merged non-anchor cell shows its anchor's value in ExcelJS: what matters is that it stays merged.
        const slave = cell.isMerged && cell.master.address !== cell.address;
        cells.set(cell.address, {
          value: slave ? `merged into ${cell.master.address}` : JSON.stringify(v ?? null),
          formula,
          numFmt: String(numFmt ?? 'General'),
          style: JSON.stringify(rest),
        });
      }
    }
    const widths: (number | undefined)[] = [];
    for (let c = 1; c <= cols; c++) widths.push(ws.getColumn(c).width);
    const heights: (number | undefined)[] = [];
    for (let r = 1; r <= ws.rowCount; r++) heights.push(ws.getRow(r).height);
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice().sort();
    out.set(ws.name, { state: ws.state, merges, widths, heights, cells });
  }
  return out;
}

/** Differences between two snapshots, ignoring the given sheets and the given cells of one sheet. */
export function differences(
  before: Map<string, SheetSnapshot>,
  after: Map<string, SheetSnapshot>,
  ignore: { sheets: string[]; cells: Set<string>; cellSheet: string },
): string[] {
  const diffs: string[] = [];
  const names = new Set([...before.keys(), ...after.keys()]);
  for (const name of names) {
    if (ignore.sheets.includes(name)) continue;
    const b = before.get(name);
    const a = after.get(name);
    if (!b || !a) {
      diffs.push(`sheet ${name} ${b ? 'removed' : 'added'}`);
      continue;
    }
    if (b.state !== a.state) diffs.push(`${name} state ${b.state} → ${a.state}`);
    if (JSON.stringify(b.merges) !== JSON.stringify(a.merges)) diffs.push(`${name} merges differ`);
    if (JSON.stringify(b.widths) !== JSON.stringify(a.widths)) diffs.push(`${name} widths differ`);
    if (JSON.stringify(b.heights) !== JSON.stringify(a.heights)) diffs.push(`${name} heights differ`);
    const addrs = new Set([...b.cells.keys(), ...a.cells.keys()]);
    for (const addr of addrs) {
      if (name === ignore.cellSheet && ignore.cells.has(addr)) continue;
      const x = b.cells.get(addr);
      const y = a.cells.get(addr);
      const empty: CellSnapshot = { value: 'null', formula: null, numFmt: 'General', style: '{}' };
      const p = x ?? empty;
      const q = y ?? empty;
      for (const k of ['value', 'formula', 'numFmt', 'style'] as const) {
        if (p[k] !== q[k]) diffs.push(`${name}!${addr} ${k}: ${p[k]} → ${q[k]}`);
      }
    }
  }
  return diffs;
}
