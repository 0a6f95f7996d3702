/**
 * A small XML scanner that keeps byte positions: the package's parts are edited by splicing text at the offsets
 * it reports, so that everything we do not change stays exactly as it was. It reads what Excel, WPS, LibreOffice
 * and openpyxl write (prefixed or default namespaces, comments, CDATA, processing instructions, '>' inside
 * attribute values); it does not validate, and it ignores DTDs (no entity expansion: nothing to exploit).
 */

export interface Tag {
  /** Qualified name as written ('x:c' or 'c'). */
  name: string;
  /** Name without its prefix ('c'). */
  local: string;
  /** Offset of '<'. */
  start: number;
  /** Offset just after '>'. */
  end: number;
  kind: 'open' | 'close' | 'empty';
}

export class XmlError extends Error {}

function isNameEnd(ch: number): boolean {
  // whitespace, '/', '>'
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62;
}

/** Iterates over the tags of `xml` between `from` and `to`; text, comments, CDATA and PIs are skipped. */
export class XmlScanner {
  pos: number;
  constructor(readonly xml: string, from = 0, readonly to = xml.length) {
    this.pos = from;
  }

  next(): Tag | null {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (lt < 0 || lt >= this.to) {
        this.pos = this.to;
        return null;
      }
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === 33 /* ! */) {
        if (xml.startsWith('<!--', lt)) this.pos = this.after(xml.indexOf('-->', lt + 4), 3);
        else if (xml.startsWith('<![CDATA[', lt)) this.pos = this.after(xml.indexOf(']]>', lt + 9), 3);
        else this.pos = this.skipDeclaration(lt);
        continue;
      }
      if (c1 === 63 /* ? */) {
        this.pos = this.after(xml.indexOf('?>', lt + 2), 2);
        continue;
      }
      if (c1 === 47 /* / */) {
        const gt = xml.indexOf('>', lt + 2);
        if (gt < 0) throw new XmlError('unterminated end tag');
        const name = xml.slice(lt + 2, gt).trim();
        this.pos = gt + 1;
        return { name, local: localName(name), start: lt, end: gt + 1, kind: 'close' };
      }
      let p = lt + 1;
      while (p < xml.length && !isNameEnd(xml.charCodeAt(p))) p++;
      const name = xml.slice(lt + 1, p);
      if (!name) throw new XmlError('empty tag name');
      // Attributes: values may hold '>' and '/', so step over quoted text.
      for (;;) {
        const ch = xml.charCodeAt(p);
        if (Number.isNaN(ch)) throw new XmlError('unterminated tag');
        if (ch === 34 || ch === 39) {
          const close = xml.indexOf(ch === 34 ? '"' : "'", p + 1);
          if (close < 0) throw new XmlError('unterminated attribute');
          p = close + 1;
        } else if (ch === 62) {
          this.pos = p + 1;
          return { name, local: localName(name), start: lt, end: p + 1, kind: xml.charCodeAt(p - 1) === 47 ? 'empty' : 'open' };
        } else p++;
      }
    }
  }

  /** Skips to the end tag matching `open` (same name, nesting counted); returns it. */
  skipTo(open: Tag): Tag {
    if (open.kind === 'empty') return open;
    let depth = 1;
    for (let t = this.next(); t; t = this.next()) {
      if (t.name !== open.name) continue;
      if (t.kind === 'open') depth++;
      else if (t.kind === 'close' && --depth === 0) return t;
    }
    throw new XmlError(`unclosed <${open.name}>`);
  }

  private after(i: number, len: number): number {
    if (i < 0) throw new XmlError('unterminated markup');
    return i + len;
  }

  private skipDeclaration(lt: number): number {
    // <!DOCTYPE …[ internal subset ]>
    let depth = 0;
    for (let p = lt + 2; p < this.xml.length; p++) {
      const ch = this.xml[p];
      if (ch === '[') depth++;
      else if (ch === ']') depth--;
      else if (ch === '>' && depth <= 0) return p + 1;
    }
    throw new XmlError('unterminated declaration');
  }
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i + 1);
}

interface AttrSpan {
  name: string;
  /** Offset of the whitespace before the name. */
  lead: number;
  /** Offset of the opening quote, and just after the closing one. */
  valueStart: number;
  valueEnd: number;
}

function attrSpans(xml: string, tag: Tag): AttrSpan[] {
  const out: AttrSpan[] = [];
  let p = tag.start + 1 + tag.name.length;
  const end = tag.end - 1;
  let lead = p;
  while (p < end) {
    const ch = xml.charCodeAt(p);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) {
      p++;
      continue;
    }
    const eq = xml.indexOf('=', p);
    if (eq < 0 || eq >= end) break;
    const name = xml.slice(p, eq).trim();
    let q = eq + 1;
    while (q < end && xml.charCodeAt(q) !== 34 && xml.charCodeAt(q) !== 39) q++;
    const close = q < end ? xml.indexOf(xml[q], q + 1) : -1;
    if (close < 0) break;
    out.push({ name, lead, valueStart: q, valueEnd: close + 1 });
    p = close + 1;
    lead = p;
  }
  return out;
}

/** Attributes of a start tag as written: each name with its source text (leading space, name, quoted value). */
export function rawAttributes(xml: string, tag: Tag): { name: string; raw: string }[] {
  return attrSpans(xml, tag).map((a) => ({ name: a.name, raw: xml.slice(a.lead, a.valueEnd) }));
}

/** Attributes of a start tag, in order, values decoded. */
export function attributes(xml: string, tag: Tag): [string, string][] {
  return attrSpans(xml, tag).map((a) => [a.name, decodeXml(xml.slice(a.valueStart + 1, a.valueEnd - 1))]);
}

/** One attribute of a start tag (qualified name as written), decoded; undefined when absent. */
export function attr(xml: string, tag: Tag, name: string): string | undefined {
  for (const [k, v] of attributes(xml, tag)) if (k === name) return v;
  return undefined;
}

/** OOXML booleans: '1' and 'true' (LibreOffice writes the latter). */
export function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (m, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** The text between two offsets (character data and CDATA sections), decoded. */
export function textOf(xml: string, from: number, to: number): string {
  const raw = xml.slice(from, to);
  if (raw.indexOf('<') < 0) return decodeXml(raw);
  let out = '';
  let p = 0;
  while (p < raw.length) {
    const lt = raw.indexOf('<', p);
    if (lt < 0) {
      out += decodeXml(raw.slice(p));
      break;
    }
    out += decodeXml(raw.slice(p, lt));
    if (raw.startsWith('<![CDATA[', lt)) {
      const end = raw.indexOf(']]>', lt + 9);
      out += raw.slice(lt + 9, end < 0 ? raw.length : end);
      p = end < 0 ? raw.length : end + 3;
    } else {
      const gt = raw.indexOf('>', lt);
      p = gt < 0 ? raw.length : gt + 1;
    }
  }
  return out;
}

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const ATTR_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => ATTR_ESCAPES[c]);
}

/** SpreadsheetML's escape for characters XML cannot hold (_x0001_) and for a literal '_xHHHH_'. */
export function encodeOoxmlText(s: string): string {
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

export function decodeOoxmlText(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A start tag with one attribute set (added at the end when absent), every other byte of the tag kept. */
export function setAttr(xml: string, tag: Tag, name: string, value: string): string {
  const text = xml.slice(tag.start, tag.end);
  const a = attrSpans(xml, tag).find((x) => x.name === name);
  if (a) return text.slice(0, a.valueStart - tag.start) + `"${escapeAttr(value)}"` + text.slice(a.valueEnd - tag.start);
  const close = tag.kind === 'empty' ? text.lastIndexOf('/') : text.length - 1;
  return `${text.slice(0, close).replace(/\s+$/, '')} ${name}="${escapeAttr(value)}"${text.slice(close)}`;
}

/** A start tag without one attribute (and the whitespace before it). */
export function removeAttr(xml: string, tag: Tag, name: string): string {
  const text = xml.slice(tag.start, tag.end);
  const a = attrSpans(xml, tag).find((x) => x.name === name);
  return a ? text.slice(0, a.lead - tag.start) + text.slice(a.valueEnd - tag.start) : text;
}

/** Applies non-overlapping edits (offset ranges of the original text), in order of position. */
export interface Edit {
  from: number;
  to: number;
  text: string;
}

export function applyEdits(xml: string, edits: Edit[]): string {
  let inOrder = true;
  for (let i = 1; i < edits.length && inOrder; i++) inOrder = edits[i - 1].from < edits[i].from || (edits[i - 1].from === edits[i].from && edits[i - 1].to <= edits[i].to);
  const sorted = inOrder ? edits : edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.from - b.e.from || a.e.to - b.e.to || a.i - b.i).map((x) => x.e);
  let out = '';
  let p = 0;
  for (const e of sorted) {
    if (e.from < p) throw new XmlError('overlapping edits');
    out += xml.slice(p, e.from) + e.text;
    p = e.to;
  }
  return out + xml.slice(p);
}

/** The prefix bound to a namespace URI in a start tag ('r:'), or null. */
export function prefixFor(xml: string, tag: Tag, uri: string): string | null {
  for (const [k, v] of attributes(xml, tag)) {
    if (v === uri && k.startsWith('xmlns:')) return k.slice(6) + ':';
    if (v === uri && k === 'xmlns') return '';
  }
  return null;
}
