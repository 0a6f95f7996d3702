/** The report, its material and its export, from the report module (src/engine/report, src/export/docx). */
import type { Report } from '../engine';
import { reportText } from '../engine';

export { MATERIAL_SHEET, buildReport, readMaterialSheet, materialSheetRows } from '../engine';

/** The report as a .txt file for Windows users: UTF-8 with a byte-order mark, CRLF line ends. */
export function reportTextFile(report: Report): string {
  return '\ufeff' + reportText(report).replace(/\r?\n/g, '\r\n') + '\r\n';
}

/**
 * The report as a .docx file. The docx library takes 50–100 ms to load, so it is loaded only when a .docx report
 * is asked for (--report x.docx, demo), not on every start of the command line nor for each file of a folder.
 */
export async function reportToDocx(report: Report): Promise<Uint8Array> {
  const docx = await import('../export/docx');
  return docx.reportToDocx(report);
}
