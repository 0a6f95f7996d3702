/** The report as plain text (--report OUT.txt): title, then each heading and its paragraphs, one per line. */
import type { Report } from '../engine/types';

export function reportToText(report: Report): string {
  const lines: string[] = [report.title, ''];
  for (const s of report.sections) {
    lines.push(s.heading);
    for (const p of s.paragraphs) lines.push(p);
    lines.push('');
  }
  return lines.join('\r\n').replace(/(\r\n)+$/, '') + '\r\n';
}
