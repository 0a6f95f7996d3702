/** The XML of a sheet we write whole (the report draft, the store): text cells with our own cell formats. */
import { a1 } from '../engine';
import { cellXml } from './patchSheet';
import type { OwnStyle, Styles } from './styles';

export interface OwnSheet {
  name: string;
  /** veryHidden for the store; our report sheet is visible. */
  state?: 'visible' | 'veryHidden';
  /** Widths of the first columns, in characters (Excel's column width unit). */
  columnWidths?: number[];
  rows: { height?: number; cells: { text: string; style: OwnStyle }[] }[];
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function ownSheetXml(sheet: OwnSheet, styles: Styles): string {
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
  ];
  const widest = Math.max(0, ...sheet.rows.map((r) => r.cells.length));
  if (widest > 0 && sheet.rows.length > 0) parts.push(`<dimension ref="A1:${a1(sheet.rows.length - 1, widest - 1)}"/>`);
  parts.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.columnWidths?.length) {
    parts.push('<cols>');
    sheet.columnWidths.forEach((w, i) => parts.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
    parts.push('</cols>');
  }
  parts.push('<sheetData>');
  sheet.rows.forEach((row, r) => {
    const height = row.height ? ` ht="${row.height}" customHeight="1"` : '';
    parts.push(`<row r="${r + 1}"${height}>`);
    row.cells.forEach((cell, c) => parts.push(cellXml('', a1(r, c), [], styles.own(cell.style), cell.text)));
    parts.push('</row>');
  });
  parts.push('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return parts.join('');
}
