/**
 * docProps/app.xml lists the sheet names (TitlesOfParts) with a count under a heading (HeadingPairs: 工作表 /
 * Worksheets, in the language of the program that wrote it). When the file's list is exactly its sheets, in
 * order, it is brought up to date; any other shape is left as it is (the part is informative only, and a wrong
 * guess would be worse than a stale list).
 */
import { XmlScanner, applyEdits, escapeText, setAttr, textOf, type Edit, type Tag } from './xml';

interface Item {
  tag: Tag;
  close: Tag;
  text: string;
}

function vectorItems(xml: string, sc: XmlScanner): { vector: Tag | null; items: Item[] } {
  let vector: Tag | null = null;
  const items: Item[] = [];
  for (let t = sc.next(); t; t = sc.next()) {
    if (t.kind === 'close' && (t.local === 'HeadingPairs' || t.local === 'TitlesOfParts')) break;
    if (t.kind === 'close') continue;
    if (t.local === 'vector') vector = t;
    else if (t.local === 'lpstr' || t.local === 'i4' || t.local === 'int') {
      const close = sc.skipTo(t);
      items.push({ tag: t, close, text: t.kind === 'empty' ? '' : textOf(xml, t.end, close.start) });
    }
  }
  return { vector, items };
}

/** app.xml with the sheet list `before` replaced by `after`; unchanged when it does not list `before`. */
export function updateAppXml(xml: string, before: string[], after: string[]): string {
  const sc = new XmlScanner(xml);
  let heads: ReturnType<typeof vectorItems> | null = null;
  let titles: ReturnType<typeof vectorItems> | null = null;
  for (let t = sc.next(); t; t = sc.next()) {
    if (t.kind !== 'open') continue;
    if (t.local === 'HeadingPairs') heads = vectorItems(xml, sc);
    else if (t.local === 'TitlesOfParts') titles = vectorItems(xml, sc);
  }
  if (!heads || !titles || !titles.vector || !heads.vector) return xml;
  // HeadingPairs: (name, count) pairs; their counts split TitlesOfParts into blocks.
  let offset = 0;
  for (let i = 0; i + 1 < heads.items.length; i += 2) {
    const countItem = heads.items[i + 1];
    const count = Number(countItem.text);
    if (!Number.isInteger(count)) return xml;
    const block = titles.items.slice(offset, offset + count);
    if (count > 0 && count === before.length && block.every((b, j) => b.text === before[j])) {
      const edits: Edit[] = [];
      const prefix = block[0].tag.name.slice(0, block[0].tag.name.length - 'lpstr'.length);
      const text = after.map((n) => `<${prefix}lpstr>${escapeText(n)}</${prefix}lpstr>`).join('');
      edits.push({ from: block[0].tag.start, to: block[block.length - 1].close.end, text });
      edits.push({ from: countItem.tag.end, to: countItem.close.start, text: String(after.length) });
      const size = titles.items.length - count + after.length;
      edits.push({ from: titles.vector.start, to: titles.vector.end, text: setAttr(xml, titles.vector, 'size', String(size)) });
      return applyEdits(xml, edits);
    }
    offset += count;
  }
  return xml;
}
