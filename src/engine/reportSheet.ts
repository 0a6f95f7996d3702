/**
 * How a report is laid out on the 自评报告 sheet, the same for the add-in and the command line:
 * one paragraph per row in column A, one wide wrapped column, so that copying the column gives clean
 * paragraphs in Word.
 */
import type { Report } from './types';
import { reportHeadLines, signatureLines } from './report/buildReport';

export const REPORT_SHEET = '自评报告';
/** Column A width, in characters. */
export const REPORT_COLUMN_WIDTH = 100;

export type ReportRowStyle = 'title' | 'heading1' | 'heading2' | 'body';

export interface ReportSheetRow {
  text: string;
  style: ReportRowStyle;
  /** '@' (text) or 'General': see reportTextFormat. */
  numberFormat: string;
}

/**
 * The one rule for the report sheet's number format: a paragraph Excel would not keep as typed (a formula, a
 * number, a date, TRUE) gets the text format '@'; every other stays General, because a text-formatted cell over
 * 255 characters shows as #### in some Excel versions.
 */
export function reportTextFormat(text: string): '@' | 'General' {
  return /^[=+\-@]/.test(text) || /^[\d\s.,%/:()$¥-]+$/.test(text) || /^(true|false)$/i.test(text.trim()) ? '@' : 'General';
}

/** The draft's lines as reportText gives them (附件 label, title, headings, paragraphs, 落款), each with its style. */
export function reportSheetRows(report: Report): ReportSheetRow[] {
  const row = (text: string, style: ReportRowStyle): ReportSheetRow => ({ text, style, numberFormat: reportTextFormat(text) });
  const rows: ReportSheetRow[] = reportHeadLines(report).map((text) => row(text, text === report.title ? 'title' : 'body'));
  for (const s of report.sections) {
    rows.push(row(s.heading, s.level === 1 ? 'heading1' : 'heading2'));
    for (const p of s.paragraphs) rows.push(row(p, 'body'));
  }
  for (const text of signatureLines(report)) rows.push(row(text, 'body'));
  return rows;
}

/**
 * Column A of a sheet as lines, from the values a door read from A1 (trailing blank lines dropped); null when any
 * other column holds something, so that a sheet someone added to is never taken for our draft.
 */
export function draftLines(values: readonly (readonly unknown[])[]): string[] | null {
  const lines: string[] = [];
  for (const row of values) {
    for (let c = 1; c < row.length; c++) if (row[c] !== null && row[c] !== undefined && row[c] !== '') return null;
    const v = row[0];
    lines.push(v === null || v === undefined ? '' : String(v));
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The one rule for "our untouched draft": the sheet's column A is exactly what the record says we wrote. */
export function isOurUntouchedDraft(record: { reportDigest?: string } | null | undefined, lines: string[] | null): boolean {
  return !!record?.reportDigest && lines !== null && reportDigest(lines) === record.reportDigest;
}

/** 自评报告, else 自评报告 (2), (3)… : an existing sheet is never overwritten. Excel compares names case-insensitively. */
export function uniqueSheetName(base: string, existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Fingerprint of a report sheet's column A (FNV-1a and length). Both doors compare it with the record's
 * reportDigest: a draft still exactly as we wrote it may be replaced; one someone edited is kept.
 */
export function reportDigest(lines: string[]): string {
  let h = 0x811c9dc5;
  const s = lines.join('\n');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0') + ':' + s.length;
}
