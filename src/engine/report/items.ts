/**
 * The sheet's own 存在问题 / 改进措施 cells split into items (一是…、1.…、（1）…, or ；/line breaks), and the test
 * of whether two texts speak of the same thing.
 */
import { clause } from './format';

/** An item number at the start or after a sentence break: 一是, 1., 1、, （1）, (一). */
const ITEM_NUMBER = /(^|[。；;\s])(?:[一二三四五六七八九十]+是|[（(]?\d+[)）.、．]|[（(][一二三四五六七八九十]+[)）])/g;

/**
 * Splits a 存在问题 / 改进措施 cell into its items. No look-behind in the patterns: older Safari (Excel for Mac)
 * cannot parse it.
 */
export function splitItems(text: string): string[] {
  const t = text.trim();
  if (!t || /^(无|暂无|没有|\/|—+|-+)$/.test(t)) return [];
  let parts: string[];
  if (new RegExp(ITEM_NUMBER.source).test(t)) {
    parts = t.replace(ITEM_NUMBER, '$1\u0000').split('\u0000');
  } else {
    parts = t.split(/[；;\r\n]+/);
    if (parts.length === 1) parts = t.split(/。/);
  }
  return parts.map(clause).filter((s) => s.length > 0);
}

/** Words too common in these texts to show that two of them speak of the same thing. */
const FILLER = /进一步|有待|加强|提高|提升|存在|问题|工作|个别|部分|项目|情况|不足|方面|相关|需要|进行|开展|仍|还|的|了|和|与|及/g;

function core(s: string): string {
  return s.replace(FILLER, '|').replace(/[\s，。；、：:,.;“”"'（）()]/g, '|');
}

/** True when the two texts share four consecutive meaningful characters. */
export function sameTopic(a: string, b: string): boolean {
  const x = core(a);
  const y = core(b);
  for (let i = 0; i + 4 <= x.length; i++) {
    const piece = x.slice(i, i + 4);
    if (!piece.includes('|') && y.includes(piece)) return true;
  }
  return false;
}
