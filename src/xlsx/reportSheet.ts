/**
 * Our two sheets as the command line writes them: the 自评报告 draft (one paragraph per row in one wide wrapped
 * column A, the same layout as the add-in) and the very hidden store (JSON in column A, text format, as the add-in
 * keeps it). Pure layout: which rows and which cells come from the engine.
 */
import { REPORT_COLUMN_WIDTH, type ReportSheetRow } from '../engine';
import type { OwnSheet } from './ownSheet';
import type { OwnStyle } from './styles';

const FONT = '宋体';
const SIZE: Record<ReportSheetRow['style'], number> = { title: 16, heading1: 12, heading2: 12, body: 12 };

/** Rough display width: CJK and full-width characters count 2, others 1 (a surrogate pair once, as 2). */
function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    w += c >= 0x1100 ? 2 : 1;
  }
  return w;
}

/**
 * Row height for wrapped text (points). Excel does not re-measure rows on opening a file written by another
 * program, so the height is estimated from the text; a little generous rather than cutting a line off.
 */
export function rowHeight(text: string, size: number): number {
  const perLine = Math.max(1, Math.floor((REPORT_COLUMN_WIDTH * 11) / size) - 2);
  const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / perLine)), 0);
  return Math.ceil(lines * size * 1.5 + 4);
}

/** The report sheet: title centred, headings bold, paragraphs wrapped; each row's own number format. */
export function reportSheet(name: string, rows: (ReportSheetRow & { numberFormat: string })[]): OwnSheet {
  return {
    name,
    columnWidths: [REPORT_COLUMN_WIDTH],
    rows: rows.map((row) => {
      const style: OwnStyle = {
        numberFormat: row.numberFormat,
        font: { name: FONT, size: SIZE[row.style], bold: row.style !== 'body' },
        alignment: { horizontal: row.style === 'title' ? 'center' : 'left', vertical: 'top', wrapText: true },
      };
      return { height: rowHeight(row.text, SIZE[row.style]), cells: [{ text: row.text, style }] };
    }),
  };
}

/** The store sheet: one chunk of JSON per row in column A, text format so that Excel never reads it as a number. */
export function storeSheet(name: string, chunks: string[]): OwnSheet {
  return { name, state: 'veryHidden', rows: chunks.map((text) => ({ cells: [{ text, style: { numberFormat: '@' } }] })) };
}
