/**
 * APPLY, inside one worksheet part: the planned cells are written by replacing their <c> elements (or inserting
 * new ones, and new <row>s, in order), and nothing else of the part changes: every other element, attribute and
 * byte stays as it was. A cell's other attributes are kept; its style becomes an xf like its own with the planned
 * number format (styles.ts). A cell that holds a formula is never written.
 */
import { a1, parseA1 } from '../engine';
import type { CellRec, ParsedSheet, RowRec } from './sheetXml';
import type { Styles } from './styles';
import { applyEdits, attributes, encodeOoxmlText, escapeText, rawAttributes, setAttr, type Edit } from './xml';

export interface CellChange {
  /** Local address, e.g. G14. */
  address: string;
  value: string | number | boolean | null;
  numberFormat: string;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * The <c> element for a value. `keep` are the cell's own attributes as written (rawAttributes): r, s, t and the
 * value metadata are set here, every other one is kept exactly as it was, in its place.
 */
export function cellXml(prefix: string, address: string | null, keep: { name: string; raw: string }[], style: number, value: CellChange['value']): string {
  const p = prefix;
  let type = '';
  let body = '';
  if (typeof value === 'number' && Number.isFinite(value)) body = `<${p}v>${String(value)}</${p}v>`;
  else if (typeof value === 'boolean') {
    type = 'b';
    body = `<${p}v>${value ? 1 : 0}</${p}v>`;
  } else if (typeof value === 'string' && value !== '') {
    type = 'inlineStr';
    const space = isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1)) ? ' xml:space="preserve"' : '';
    body = `<${p}is><${p}t${space}>${escapeText(encodeOoxmlText(value))}</${p}t></${p}is>`;
  }
  // Our own attributes need no escaping (an address, numbers, a type); the cell's others are kept in their order.
  let a = address !== null ? ` r="${address}"` : '';
  let styleSet = false;
  let typeSet = false;
  for (const { name, raw } of keep) {
    if (name === 'r' || name === 'vm' || name === 'cm') continue;
    if (name === 's') {
      a += ` s="${style}"`;
      styleSet = true;
    } else if (name === 't') {
      if (type) a += ` t="${type}"`;
      typeSet = true;
    } else a += raw;
  }
  if (!styleSet && style !== 0) a += ` s="${style}"`;
  if (!typeSet && type) a += ` t="${type}"`;
  return body ? `<${p}c${a}>${body}</${p}c>` : `<${p}c${a}/>`;
}

/** The part with the cells written, and the planned cells not written because they hold a formula. */
export function patchSheet(sheet: ParsedSheet, changes: CellChange[], styles: Styles): { xml: string; skipped: string[] } {
  const xml = sheet.xml;
  const p = sheet.prefix;
  const skipped: string[] = [];
  if (!changes.length) return { xml, skipped };
  if (!sheet.sheetData) throw new Error('worksheet without sheetData');
  const rows = new Map<number, RowRec>();
  for (const r of sheet.rows) if (!rows.has(r.row)) rows.set(r.row, r);
  const colStyle = (col: number): number => sheet.cols.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
  const inArray = (row: number, col: number) => sheet.arrays.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);

  // Last write of a cell wins; cells in row and column order.
  const byCell = new Map<string, { row: number; col: number; change: CellChange }>();
  for (const c of changes) {
    const { row, col } = parseA1(c.address);
    byCell.set(`${row}:${col}`, { row, col, change: c });
  }
  const planned = [...byCell.values()].sort((a, b) => a.row - b.row || a.col - b.col);

  const edits: Edit[] = [];
  const newRows = new Map<number, string[]>(); // insertion offset → row elements
  const rowInserts = new Map<RowRec, { at: number; xml: string; col: number }[]>();
  for (const w of planned) {
    const row = rows.get(w.row);
    const cell: CellRec | undefined = row?.cells.find((c) => c.row === w.row && c.col === w.col);
    if ((cell && cell.formula) || inArray(w.row, w.col)) {
      skipped.push(w.change.address);
      continue;
    }
    if (cell) {
      const style = styles.withFormat(cell.style, w.change.numberFormat);
      const own = rawAttributes(xml, cell.tag);
      edits.push({ from: cell.tag.start, to: cell.end, text: cellXml(p, cell.hasR ? a1(w.row, w.col) : null, own, style, w.change.value) });
      continue;
    }
    const base = row && row.style !== null ? row.style : colStyle(w.col);
    const text = cellXml(p, a1(w.row, w.col), [], styles.withFormat(base, w.change.numberFormat), w.change.value);
    if (row) {
      const next = row.cells.find((c) => c.col > w.col);
      const list = rowInserts.get(row) ?? [];
      list.push({ at: next ? next.tag.start : row.closeStart, xml: text, col: w.col });
      rowInserts.set(row, list);
    } else {
      const nextRow = sheet.rows.find((r) => r.row > w.row);
      const at = nextRow ? nextRow.tag.start : sheet.sheetData.closeStart;
      const list = newRows.get(at) ?? [];
      const last = list[list.length - 1];
      if (last && last.startsWith(`<${p}row r="${w.row + 1}"`)) list[list.length - 1] = last.replace(new RegExp(`</${p}row>$`), `${text}</${p}row>`);
      else list.push(`<${p}row r="${w.row + 1}">${text}</${p}row>`);
      newRows.set(at, list);
    }
  }

  for (const [row, inserts] of rowInserts) {
    const cols = inserts.map((i) => i.col + 1);
    const spans = attributes(xml, row.tag).find(([k]) => k === 'spans')?.[1];
    let open = xml.slice(row.tag.start, row.tag.end);
    const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
    if (m && (Math.min(...cols) < Number(m[1]) || Math.max(...cols) > Number(m[2]))) {
      open = setAttr(xml, row.tag, 'spans', `${Math.min(Number(m[1]), ...cols)}:${Math.max(Number(m[2]), ...cols)}`);
    }
    if (row.tag.kind === 'empty') {
      // <row r="5"/> becomes <row r="5">…</row>.
      const body = inserts.map((i) => i.xml).join('');
      edits.push({ from: row.tag.start, to: row.tag.end, text: open.replace(/\s*\/>$/, '>') + body + `</${row.tag.name}>` });
      continue;
    }
    if (open !== xml.slice(row.tag.start, row.tag.end)) edits.push({ from: row.tag.start, to: row.tag.end, text: open });
    for (const i of inserts) edits.push({ from: i.at, to: i.at, text: i.xml });
  }
  const sd = sheet.sheetData;
  for (const [at, list] of newRows) {
    if (sd.tag.kind === 'empty') {
      edits.push({ from: sd.tag.start, to: sd.tag.end, text: xml.slice(sd.tag.start, sd.tag.end).replace(/\s*\/>$/, '>') + list.join('') + `</${sd.tag.name}>` });
    } else edits.push({ from: at, to: at, text: list.join('') });
  }
  return { xml: applyEdits(xml, edits), skipped };
}
