/**
 * The rows below the indicators (spec §2): 合计/总分, 自评得分, 自评等级/等次, 评价结论, 存在问题, 改进措施, and 小计
 * rows. The grade goes in the first cell right of its label (§5).
 */
import { FOOTER_LABELS, isLabel } from '../labels';
import type { SheetView } from '../sheetView';
import { toHalfWidth } from '../text';

export type FooterKind = keyof typeof FOOTER_LABELS;

const FOOTER_FIRST = new Set(Object.values(FOOTER_LABELS).flat().map((l) => l[0]));
const ORDER: FooterKind[] = ['totalScore', 'grade', 'conclusion', 'problems', 'measures', 'subtotal', 'total'];

/** 说明, 备注, 注：1、… under the table: notes, never indicators (matched strictly: 说明会召开次数 is an indicator). */
const NOTE = /^(?:说明|备注|填表说明|填报说明)$|^(?:注|说明|备注|填表说明|填报说明)[:：\d]/;

export function footerKind(key: string): FooterKind | 'notes' | null {
  if (NOTE.test(key)) return 'notes';
  if (!FOOTER_FIRST.has(key[0])) return null;
  for (const k of ORDER) if (isLabel(key, FOOTER_LABELS[k])) return k;
  return null;
}

/** First cell right of a label: right of its merged area, or past the level columns when merges are unknown. */
export function rightOfLabel(view: SheetView, row: number, col: number, firstDataCol: number): number {
  if (view.mergesKnown) {
    const area = view.mergeArea(row, col);
    return (area ? area.right : col) + 1;
  }
  return Math.max(col + 1, firstDataCol);
}

/** The text a label introduces: after its colon in the same cell, else the first text right of it. */
export function textRightOf(view: SheetView, row: number, col: number, label: string): string {
  const own = toHalfWidth(view.text(row, col));
  const m = /[:：]\s*(.+)$/s.exec(own);
  if (m && m[1].trim() && own.replace(/\s+/g, '').startsWith(label)) return m[1].trim();
  const selfText = view.text(row, col);
  // Text is read from the first cell after the label's own area: with merges unknown, the very next cell.
  const area = view.mergeArea(row, col);
  for (let c = (area ? area.right : col) + 1; c <= view.right; c++) {
    if (view.isCovered(row, c)) continue;
    const t = view.text(row, c);
    if (t && t !== selfText) return t;
  }
  return '';
}
