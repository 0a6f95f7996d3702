/** The report, its material and its export, from the report module (src/engine/report, src/export/docx). */
import type { Report } from '../engine/types';
import { reportText } from '../engine/report';

export { reportToDocx } from '../export/docx';
export { MATERIAL_SHEET, buildReport, readMaterialSheet, materialSheetRows } from '../engine/report';

/** The report as a .txt file for Windows users: UTF-8 with a byte-order mark, CRLF line ends. */
export function reportTextFile(report: Report): string {
  return '\ufeff' + reportText(report).replace(/\r?\n/g, '\r\n') + '\r\n';
}
