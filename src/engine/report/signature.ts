/**
 * The parts of the printed report around the text (GB/T 9704-2012): the 附件N label top left, and the 落款 —
 * the unit's name and the date — with placeholders when they are not known.
 */
import type { ReportMaterial } from '../types';
import { placeholder } from './format';
import { toHalfWidth } from '../text';

/** 附件2, 附件 2, ２, 附件二 → 附件2 / 附件二; '' when none is given. */
export function attachmentLabel(material: ReportMaterial): string {
  const raw = toHalfWidth(material.attachmentLabel ?? '').replace(/\s+/g, '').replace(/[:：]$/, '');
  if (!raw) return '';
  const n = raw.replace(/^附件/, '');
  return n ? `附件${n}` : '附件';
}

/**
 * 2024年3月15日 (GB/T 9704: the year in full, no leading zeros) from the material's 成文日期, also written
 * 2024-03-15, 2024.3.15 or 2024/3/15 (full-width figures too). A date outside the year after the evaluated year (the draft of a 2023 table is
 * signed in 2024) is taken for last year's, kept in the workbook, and is not used.
 */
export function reportDate(text: string | undefined, year: number | null): string | null {
  const t = toHalfWidth(text ?? '').replace(/\s+/g, '');
  const m = /^(\d{4})(?:年|[-./])(\d{1,2})(?:月|[-./])(\d{1,2})日?$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  if (year !== null && y !== year + 1) return null;
  return `${y}年${mo}月${d}日`;
}

/** 落款: the unit from the table, the date from the material; placeholders for what is not known. */
export function signatureOf(unitName: string, year: number | null, material: ReportMaterial): { unit: string; date: string } {
  return {
    unit: unitName.trim() || placeholder('单位名称'),
    date: reportDate(material.reportDate, year) ?? placeholder('成文日期'),
  };
}
