/**
 * Cell references inside a formula's text: moved for the cells of a shared formula (Excel stores the formula once
 * for a filled-down range), and listed to tell whether a formula may depend on cells we write. Strings, quoted
 * sheet names, structured references and function names are recognised; references into another workbook ([1]…)
 * are not this workbook's cells; anything else that could point at cells (a defined name, a table, INDIRECT,
 * OFFSET, a range over several sheets) is reported as `unknown`.
 */
import { columnLetters } from './grid';

export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

export interface FormulaRef {
  /** The sheet named before '!', or null for the formula's own sheet. */
  sheet: string | null;
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface Token {
  start: number;
  end: number;
  sheet: string | null;
  external: boolean;
  /** Parts of each end: column (or -1), row (or -1), and whether each is absolute. */
  ends: { col: number; row: number; colAbs: boolean; rowAbs: boolean }[];
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;
const VOLATILE_REF = /^(INDIRECT|OFFSET)$/i;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9_.$\\?]/.test(ch) || ch.charCodeAt(0) > 0x7f;
}

function parseEnd(text: string): Token['ends'][number] | null {
  let m = CELL.exec(text);
  if (m) return { col: colIndex(m[2]), row: Number(m[4]) - 1, colAbs: !!m[1], rowAbs: !!m[3] };
  m = COLUMN.exec(text);
  if (m) return { col: colIndex(m[2]), row: -1, colAbs: !!m[1], rowAbs: false };
  m = ROW.exec(text);
  if (m) return { col: -1, row: Number(m[2]) - 1, colAbs: false, rowAbs: !!m[1] };
  return null;
}

/** Splits a formula into reference tokens; `unknown` is set when something else may reach cells. */
function scan(f: string): { tokens: Token[]; unknown: boolean } {
  const tokens: Token[] = [];
  let unknown = false;
  let sheet: string | null = null;
  let external = false;
  let sheetStart = -1;
  let i = f.startsWith('=') ? 1 : 0;
  const reset = () => {
    sheet = null;
    external = false;
    sheetStart = -1;
  };
  const word = (from: number): number => {
    let j = from;
    while (j < f.length && isWordChar(f[j])) j++;
    return j;
  };
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"') {
      i++;
      while (i < f.length && !(f[i] === '"' && f[i + 1] !== '"')) i += f[i] === '"' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === "'") {
      const start = i;
      let j = i + 1;
      let name = '';
      while (j < f.length) {
        if (f[j] === "'" && f[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (f[j] === "'") break;
        else name += f[j++];
      }
      if (f[j + 1] === '!') {
        sheet = name;
        sheetStart = start;
        i = j + 2;
        continue;
      }
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      // An external workbook ([1]Sheet1!A1) or a structured reference (Table1[Column]).
      let depth = 0;
      let j = i;
      for (; j < f.length; j++) {
        if (f[j] === '[') depth++;
        else if (f[j] === ']' && --depth === 0) break;
      }
      if (/^\[\d+\]/.test(f.slice(i))) external = true;
      else unknown = true;
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      i = word(i + 1) + (f[word(i + 1)] === '!' || f[word(i + 1)] === '/' ? 1 : 0);
      continue;
    }
    if (!isWordChar(ch)) {
      reset();
      i++;
      continue;
    }
    const start = sheet !== null || external ? (sheetStart >= 0 ? sheetStart : i) : i;
    const end1 = word(i);
    const first = f.slice(i, end1);
    if (f[end1] === '!') {
      sheet = first;
      sheetStart = i;
      i = end1 + 1;
      continue;
    }
    if (f[end1] === '(') {
      if (VOLATILE_REF.test(first)) unknown = true;
      reset();
      i = end1 + 1;
      continue;
    }
    const a = parseEnd(first);
    let tokenEnd = end1;
    const ends: Token['ends'] = [];
    if (a) {
      ends.push(a);
      if (f[end1] === ':') {
        const end2 = word(end1 + 1);
        const b = parseEnd(f.slice(end1 + 1, end2));
        const sameKind = b && (a.col < 0) === (b.col < 0) && (a.row < 0) === (b.row < 0);
        if (b && sameKind) {
          ends.push(b);
          tokenEnd = end2;
        }
      }
    }
    const isRef = ends.length === 2 || (ends.length === 1 && ends[0].col >= 0 && ends[0].row >= 0);
    if (isRef) tokens.push({ start, end: tokenEnd, sheet, external, ends });
    else if (/^[A-Za-z_\\\u0080-\uffff]/.test(first) && !/^(TRUE|FALSE)$/i.test(first)) unknown = true;
    // A range over several sheets (Sheet1:Sheet3!A1) may include ours; another workbook's cells never are.
    if (!external && sheet !== null && (sheet as string).includes(':')) unknown = true;
    reset();
    i = tokenEnd;
  }
  return { tokens, unknown };
}

/** The references of a formula (own-sheet ones with sheet null), and whether it may reach other cells. */
export function formulaRefs(f: string): { refs: FormulaRef[]; unknown: boolean } {
  const { tokens, unknown } = scan(f);
  const refs: FormulaRef[] = [];
  for (const t of tokens) {
    if (t.external) continue;
    const [a, b = a] = t.ends;
    const top = a.row < 0 ? 0 : Math.min(a.row, b.row);
    const bottom = a.row < 0 ? MAX_ROW : Math.max(a.row, b.row);
    const left = a.col < 0 ? 0 : Math.min(a.col, b.col);
    const right = a.col < 0 ? MAX_COL : Math.max(a.col, b.col);
    refs.push({ sheet: t.sheet, top, left, bottom, right });
  }
  return { refs, unknown };
}

function shiftEnd(e: Token['ends'][number], dr: number, dc: number): string | null {
  const col = e.col < 0 ? -1 : e.colAbs ? e.col : e.col + dc;
  const row = e.row < 0 ? -1 : e.rowAbs ? e.row : e.row + dr;
  if ((e.col >= 0 && (col < 0 || col > MAX_COL)) || (e.row >= 0 && (row < 0 || row > MAX_ROW))) return null;
  return (e.col >= 0 ? (e.colAbs ? '$' : '') + columnLetters(col) : '') + (e.row >= 0 ? (e.rowAbs ? '$' : '') + (row + 1) : '');
}

/** The formula of a shared formula's cell `dr` rows and `dc` columns from the cell that holds its text. */
export function shiftFormula(f: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return f;
  const { tokens } = scan(f);
  let out = '';
  let p = 0;
  for (const t of tokens) {
    // The sheet prefix (if any) is kept as written; only the cell part moves.
    const prefixEnd = t.sheet !== null || t.external ? f.lastIndexOf('!', t.end) + 1 : t.start;
    const parts = t.ends.map((e) => shiftEnd(e, dr, dc));
    out += f.slice(p, prefixEnd) + (parts.some((x) => x === null) ? '#REF!' : parts.join(':'));
    p = t.end;
  }
  return out + f.slice(p);
}
