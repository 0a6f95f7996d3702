/** The shared string table: each <si> as the text a cell shows (rich text runs joined, phonetic runs left out). */
import { XmlScanner, decodeOoxmlText, textOf, type Tag } from './xml';

/** The text of an <si> or <is> element: its <t>, and the <t> of its runs, but not those of <rPh>. */
export function richText(xml: string, sc: XmlScanner, open: Tag): string {
  if (open.kind === 'empty') return '';
  let out = '';
  let phonetic = 0;
  for (let t = sc.next(); t; t = sc.next()) {
    if (t.local === 'rPh') {
      if (t.kind === 'open') phonetic++;
      else if (t.kind === 'close') phonetic--;
      continue;
    }
    if (t.local === 't' && t.kind === 'open') {
      const close = sc.skipTo(t);
      if (!phonetic) out += textOf(xml, t.end, close.start);
      continue;
    }
    if (t.kind === 'close' && t.name === open.name) break;
  }
  return decodeOoxmlText(out);
}

export function parseSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const sc = new XmlScanner(xml);
  for (let t = sc.next(); t; t = sc.next()) {
    if (t.local === 'si' && t.kind !== 'close') out.push(richText(xml, sc, t));
  }
  return out;
}
