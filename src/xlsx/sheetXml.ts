/**
 * A worksheet part read once: every row and cell with its position in the text (for surgical writes), its value as
 * Office.js shows it, its style and formula; the merges, column styles, hidden rows and protection.
 */
import { parseRange, type CellValue } from '../engine';
import { shiftFormula } from '../engine';
import { richText } from './sharedStrings';
import { XmlScanner, attributes, decodeXml, isTrue, prefixOf, textOf, type Tag } from './xml';

export interface CellRec {
  row: number;
  col: number;
  /** The start tag, and the end of the whole element. */
  tag: Tag;
  end: number;
  hasR: boolean;
  style: number;
  value: CellValue;
  /** '=…' as Office.js shows it (shared formulas moved to the cell), or null. */
  formula: string | null;
}

export interface RowRec {
  row: number;
  tag: Tag;
  /** Offset of </row> (the tag's own start when the row is an empty element) and the end of the element. */
  closeStart: number;
  end: number;
  style: number | null;
  hidden: boolean;
  cells: CellRec[];
}

export interface ParsedSheet {
  xml: string;
  /** The namespace prefix of the sheet's elements ('' or 'x:'). */
  prefix: string;
  sheetData: { tag: Tag; closeStart: number; end: number } | null;
  rows: RowRec[];
  cols: { min: number; max: number; style: number }[];
  merges: string[];
  protected: boolean;
  /** Ranges of array and data-table formulas: every cell inside holds the formula. */
  arrays: { top: number; left: number; bottom: number; right: number; formula: string }[];
}

export class SheetTooLargeError extends Error {
  constructor(readonly cells: number) {
    super(`sheet has more than ${cells} cells`);
  }
}

export interface SheetContext {
  sharedStrings: string[];
  date1904: boolean;
  maxCells: number;
}

/** A cell reference as row × 16384 + column (0-based), or -1; one number, not an object, per cell read. */
function colOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  const row = Number(ref.slice(i));
  if (i === 0 || !Number.isInteger(row) || row < 1 || col > 16384) return -1;
  return (row - 1) * 16384 + col - 1;
}

/** ISO 8601 (t="d" cells) to the serial number Excel stores. */
function serialOf(iso: string, date1904: boolean): CellValue {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(ms)) return iso;
  return ms / 86400000 + (date1904 ? 24107 : 25569);
}

function valueOf(type: string, v: string | null, inline: string | null, ctx: SheetContext): CellValue {
  switch (type) {
    case 's': {
      const i = v === null ? NaN : Number(v);
      return Number.isInteger(i) ? ctx.sharedStrings[i] ?? '' : '';
    }
    case 'inlineStr':
      return inline ?? v ?? '';
    case 'str':
    case 'e':
      return v ?? '';
    case 'b':
      return v === null ? '' : v.trim() === '1' || v.trim().toLowerCase() === 'true';
    case 'd':
      return v === null ? '' : serialOf(v.trim(), ctx.date1904);
    default: {
      if (v === null || v.trim() === '') return '';
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
  }
}

interface Shared {
  row: number;
  col: number;
  text: string;
}

export function parseSheet(xml: string, ctx: SheetContext): ParsedSheet {
  const out: ParsedSheet = { xml, prefix: '', sheetData: null, rows: [], cols: [], merges: [], protected: false, arrays: [] };
  const sc = new XmlScanner(xml);
  const shared = new Map<string, Shared>();
  let cells = 0;
  let depth = 0;
  let row: RowRec | null = null;
  let nextRow = 0;
  let nextCol = 0;
  for (let t = sc.next(); t; t = sc.next()) {
    if (t.kind === 'close') {
      depth--;
      if (t.local === 'row' && row) {
        row.closeStart = t.start;
        row.end = t.end;
        row = null;
      } else if (t.local === 'sheetData' && out.sheetData) {
        out.sheetData.closeStart = t.start;
        out.sheetData.end = t.end;
      }
      continue;
    }
    if (depth === 0) out.prefix = prefixOf(t.name);
    const local = t.local;
    if (local === 'c' && row) {
      if (++cells > ctx.maxCells) throw new SheetTooLargeError(ctx.maxCells);
      const cell = readCell(xml, sc, t, row.row, nextCol, shared, ctx, out);
      row.cells.push(cell);
      nextCol = cell.col + 1;
      continue;
    }
    if (local === 'row') {
      const a = attributes(xml, t);
      const r = Number(a.find(([k]) => k === 'r')?.[1] ?? NaN);
      const s = a.find(([k]) => k === 's')?.[1];
      const rec: RowRec = {
        row: Number.isInteger(r) && r >= 1 ? r - 1 : nextRow,
        tag: t,
        closeStart: t.start,
        end: t.end,
        style: s !== undefined && isTrue(a.find(([k]) => k === 'customFormat')?.[1]) ? Number(s) : null,
        hidden: isTrue(a.find(([k]) => k === 'hidden')?.[1]),
        cells: [],
      };
      out.rows.push(rec);
      nextRow = rec.row + 1;
      nextCol = 0;
      if (t.kind === 'open') {
        row = rec;
        depth++;
      }
      continue;
    }
    if (local === 'sheetData') {
      out.sheetData = { tag: t, closeStart: t.start, end: t.end };
    } else if (local === 'col') {
      const a = Object.fromEntries(attributes(xml, t));
      if (a.style !== undefined) out.cols.push({ min: Number(a.min) - 1, max: Number(a.max) - 1, style: Number(a.style) });
    } else if (local === 'mergeCell') {
      const ref = attributes(xml, t).find(([k]) => k === 'ref')?.[1];
      if (ref) out.merges.push(ref);
    } else if (local === 'sheetProtection' && depth === 1) {
      out.protected = isTrue(attributes(xml, t).find(([k]) => k === 'sheet')?.[1]);
    }
    if (t.kind === 'open') {
      // Parts we never look into (drawings' extLst…) are stepped over whole.
      if (depth >= 1 && !['sheetData', 'cols', 'mergeCells'].includes(local)) {
        sc.skipTo(t);
        continue;
      }
      depth++;
    }
  }
  return out;
}

/** r, s and t of a <c> start tag (the only attributes read; the hot path of reading a sheet). */
function cellAttrs(xml: string, t: Tag): { r?: string; s?: string; type: string } {
  const out: { r?: string; s?: string; type: string } = { type: 'n' };
  let p = t.start + 1 + t.name.length;
  const end = t.end - 1;
  while (p < end) {
    const ch = xml.charCodeAt(p);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) {
      p++;
      continue;
    }
    const eq = xml.indexOf('=', p);
    if (eq < 0 || eq >= end) break;
    let q = eq + 1;
    while (q < end && xml.charCodeAt(q) !== 34 && xml.charCodeAt(q) !== 39) q++;
    const close = q < end ? xml.indexOf(xml[q], q + 1) : -1;
    if (close < 0) break;
    // A one-letter name (r, s, t), compared without slicing it out.
    let n = eq;
    while (n > p && xml.charCodeAt(n - 1) <= 32) n--;
    const letter = n - p === 1 ? xml.charCodeAt(p) : 0;
    if (letter === 114 || letter === 115 || letter === 116) {
      const raw = xml.slice(q + 1, close);
      const v = raw.indexOf('&') < 0 ? raw : decodeXml(raw);
      if (letter === 114) out.r = v;
      else if (letter === 115) out.s = v;
      else out.type = v;
    }
    p = close + 1;
  }
  return out;
}

function readCell(
  xml: string, sc: XmlScanner, t: Tag, rowIndex: number, nextCol: number, shared: Map<string, Shared>, ctx: SheetContext, out: ParsedSheet,
): CellRec {
  const a = cellAttrs(xml, t);
  const pos = a.r ? colOf(a.r) : -1;
  const cell: CellRec = {
    row: pos >= 0 ? Math.floor(pos / 16384) : rowIndex,
    col: pos >= 0 ? pos % 16384 : nextCol,
    tag: t,
    end: t.end,
    hasR: a.r !== undefined,
    style: a.s === undefined ? 0 : Number(a.s) || 0,
    value: '',
    formula: null,
  };
  if (t.kind === 'empty') return cell;
  // Most cells are <c …><v>text</v></c>: read those directly.
  const p = out.prefix;
  const openV = `<${p}v>`;
  if (xml.startsWith(openV, t.end)) {
    const closeV = xml.indexOf(`</${p}v>`, t.end);
    const after = closeV + p.length + 4;
    const closeC = `</${p}c>`;
    const raw = closeV < 0 ? '' : xml.slice(t.end + openV.length, closeV);
    if (closeV >= 0 && raw.indexOf('<') < 0 && xml.startsWith(closeC, after)) {
      cell.value = valueOf(a.type, raw.indexOf('&') < 0 ? raw : decodeXml(raw), null, ctx);
      cell.end = after + closeC.length;
      sc.pos = cell.end;
      return cell;
    }
  }
  let v: string | null = null;
  let inline: string | null = null;
  for (let c = sc.next(); c; c = sc.next()) {
    if (c.kind === 'close') {
      if (c.name === t.name) {
        cell.end = c.end;
        break;
      }
      continue;
    }
    if (c.local === 'v') {
      const close = sc.skipTo(c);
      v = c.kind === 'empty' ? '' : textOf(xml, c.end, close.start);
    } else if (c.local === 'f') {
      const fa = Object.fromEntries(attributes(xml, c));
      const close = sc.skipTo(c);
      const text = c.kind === 'empty' ? '' : textOf(xml, c.end, close.start);
      cell.formula = readFormula(fa, text, cell, shared, out);
    } else if (c.local === 'is') {
      inline = richText(xml, sc, c);
    } else if (c.kind === 'open') sc.skipTo(c);
  }
  cell.value = valueOf(a.type, v, inline, ctx);
  return cell;
}

function readFormula(a: Record<string, string>, text: string, cell: CellRec, shared: Map<string, Shared>, out: ParsedSheet): string | null {
  if (a.t === 'shared' && a.si !== undefined) {
    if (text) {
      shared.set(a.si, { row: cell.row, col: cell.col, text });
      return '=' + text;
    }
    const master = shared.get(a.si);
    return master ? '=' + shiftFormula(master.text, cell.row - master.row, cell.col - master.col) : null;
  }
  if ((a.t === 'array' || a.t === 'dataTable') && a.ref) {
    try {
      const r = parseRange(a.ref);
      out.arrays.push({ ...r, formula: '=' + (a.t === 'array' ? text : `TABLE(${a.r1 ?? ''},${a.r2 ?? ''})`) });
    } catch {
      // A malformed range: the master cell alone counts as a formula.
    }
  }
  return text || a.t === 'array' || a.t === 'dataTable' ? '=' + text : null;
}
