/**
 * The title as printed (GB/T 9704-2012: 2号小标宋, lines broken at word boundaries, 梯形或菱形): the year and the
 * unit on the first line(s), 整体支出绩效自评报告 on the last. A unit too long for one line is broken between the
 * words of its name (广州市 | 海珠区 | 人民代表大会 | 常务委员会 | 办公室), the lines as even as possible.
 */

export const TITLE_TAIL = '整体支出绩效自评报告';

/** Characters of 2号 (22 pt) that fit in the 156 mm text block. */
export const TITLE_LINE_WIDTH = 20;

/** Printed width in characters: CJK and full-width count 1, digits and Latin ½. */
export function printedWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x100 ? 0.5 : 1;
  return w;
}

/** Words that end a part of a unit's name: administrative areas, then organs and offices. */
const WORD_END = [
  '自治区', '自治州', '自治县', '特别行政区', '省', '市', '县', '区', '旗', '盟', '州', '镇', '乡', '街道',
  '人民代表大会', '常务委员会', '委员会', '人民政府', '政府', '人民法院', '人民检察院', '政协', '办公室', '办公厅',
  '管理局', '局', '中心', '研究院', '院', '学校', '大学', '学院', '医院', '公司', '所', '站', '馆', '处', '厅', '部', '委', '会', '队', '社',
];

/** After these, the character ends no word: 市场, 区域, 县域, 市政, 会议, 中心城区 …. */
const NOT_AFTER: Record<string, RegExp> = {
  市: /^[场政民容貌直属级域辖]/,
  区: /^[域块划级]/,
  县: /^[域级]/,
  州: /^[市]/,
  会: /^[议计展务员]/,
  委: /^[员托]/,
  院: /^[士校]/,
  部: /^[门署分]/,
  处: /^[理置]/,
  所: /^[属有在]/,
  站: /^[点]/,
  局: /^[长]/,
};

/** Where the name may be broken: indexes after which a new line may start. */
function breakPoints(text: string): number[] {
  const points: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const before = text.slice(0, i);
    const after = text.slice(i);
    const word = WORD_END.find((w) => before.endsWith(w));
    if (!word) continue;
    const guard = NOT_AFTER[word.charAt(word.length - 1)];
    if (guard && word.length === 1 && guard.test(after)) continue;
    if (/^[年度]/.test(after) || /\d$/.test(before)) continue;
    points.push(i);
  }
  return points;
}

/** The text split into lines of at most `width` at the given break points, the longest line as short as possible. */
function balanced(text: string, width: number): string[] {
  if (printedWidth(text) <= width) return [text];
  const points = breakPoints(text);
  // Two lines when the name allows (the most even split), else three (names are short: a few hundred tries).
  const widest = (lines: string[]) => Math.max(...lines.map(printedWidth));
  const pick = (candidates: string[][]) =>
    candidates.reduce<string[] | null>((best, c) => (widest(c) <= width && (!best || widest(c) < widest(best)) ? c : best), null);
  const twos = points.map((a) => [text.slice(0, a), text.slice(a)]);
  const threes = points.flatMap((a) => points.filter((b) => b > a).map((b) => [text.slice(0, a), text.slice(a, b), text.slice(b)]));
  const best = pick(twos) ?? pick(threes);
  if (best) return best;
  // No word boundary fits: cut at the width (only for names with no known word ends).
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (printedWidth(line + ch) > width) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  return [...out, line];
}

/** ['2023年度广州市海珠区', '人民代表大会常务委员会办公室', '整体支出绩效自评报告']. */
export function titleLines(head: string, width = TITLE_LINE_WIDTH): string[] {
  return [...balanced(head, width), TITLE_TAIL];
}
