/**
 * The styles part, read (a cell's number format) and added to: number formats, fonts and cell formats (xf) are
 * only ever appended, never renumbered, so every existing cell keeps its look. A cell given a new number format
 * gets an xf like its own with only the format changed; an equal xf already in the file is reused (so a restored
 * cell gets its very own xf back).
 */
import { FIRST_CUSTOM_FORMAT, builtinFormat, builtinId } from './numberFormats';
import { XmlScanner, applyEdits, attributes, escapeAttr, prefixOf, type Edit, type Tag } from './xml';

interface Xf {
  attrs: [string, string][];
  /** Child elements (alignment, protection) as written. */
  inner: string;
}

/** A collection element (<numFmts>, <fonts>, <cellXfs>): where to append, and its count attribute. */
interface Block {
  tag: Tag | null;
  close: number;
  count: number;
}

const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export interface OwnStyle {
  numberFormat: string;
  font?: { name: string; size: number; bold: boolean };
  alignment?: { horizontal?: 'left' | 'center'; vertical?: 'top' | 'center'; wrapText?: boolean };
}

const canonical = (xf: Xf, skip: string[]): string =>
  xf.attrs.filter(([k]) => !skip.includes(k)).map(([k, v]) => `${k}=${v}`).sort().join(' ') + '|' + xf.inner.replace(/>\s+</g, '><').trim();

export class Styles {
  private readonly formats = new Map<number, string>();
  private readonly formatIds = new Map<string, number>();
  private readonly xfs: Xf[] = [];
  private readonly fonts: string[] = [];
  private readonly blocks = new Map<string, Block>();
  private readonly added = { numFmts: [] as string[], fonts: [] as string[], cellXfs: [] as string[] };
  private prefix = '';
  private rootEnd = 0;
  private nextFormatId = FIRST_CUSTOM_FORMAT;
  private readonly cache = new Map<string, number>();
  /** True when the part had to be created (no styles part in the package). */
  readonly created: boolean;

  constructor(private readonly xml: string, created = false) {
    this.created = created;
    const sc = new XmlScanner(xml);
    let depth = 0;
    let current: string | null = null;
    for (let t = sc.next(); t; t = sc.next()) {
      if (t.kind === 'close') {
        depth--;
        if (depth === 1 && current) this.blocks.get(current)!.close = t.start;
        if (depth === 1) current = null;
        if (depth === 0) this.rootEnd = t.start;
        continue;
      }
      if (depth === 0) this.prefix = prefixOf(t.name);
      if (depth === 1 && ORDER.includes(t.local)) {
        const count = Number(attributes(xml, t).find(([k]) => k === 'count')?.[1] ?? NaN);
        this.blocks.set(t.local, { tag: t, close: t.kind === 'empty' ? t.start : -1, count });
        if (t.kind === 'open') current = t.local;
      } else if (depth === 2 && current === 'numFmts' && t.local === 'numFmt') {
        const a = Object.fromEntries(attributes(xml, t));
        const id = Number(a.numFmtId);
        if (Number.isInteger(id) && a.formatCode !== undefined) {
          this.formats.set(id, a.formatCode);
          if (!this.formatIds.has(a.formatCode)) this.formatIds.set(a.formatCode, id);
          if (id >= this.nextFormatId) this.nextFormatId = id + 1;
        }
      } else if (depth === 2 && current === 'fonts' && t.local === 'font') {
        const end = sc.skipTo(t);
        this.fonts.push(xml.slice(t.end, end.start).replace(/>\s+</g, '><').trim());
        continue;
      } else if (depth === 2 && current === 'cellXfs' && t.local === 'xf') {
        const end = sc.skipTo(t);
        this.xfs.push({ attrs: attributes(xml, t), inner: t.kind === 'empty' ? '' : xml.slice(t.end, end.start) });
        continue;
      }
      if (t.kind === 'open') depth++;
    }
  }

  static parse(xml: string | null): Styles {
    return xml ? new Styles(xml) : new Styles(EMPTY_STYLES, true);
  }

  get changed(): boolean {
    return this.created || this.added.numFmts.length + this.added.fonts.length + this.added.cellXfs.length > 0;
  }

  /** Number format code of a cell format, as Office.js shows it. */
  formatOf(xfIndex: number): string {
    const xf = this.xfs[xfIndex] ?? this.xfs[0];
    if (!xf) return 'General';
    const id = Number(xf.attrs.find(([k]) => k === 'numFmtId')?.[1] ?? 0);
    return this.formats.get(id) ?? builtinFormat(id);
  }

  /** The id to write for a format code: built in, already in the file, or appended. */
  private formatId(code: string): number {
    const builtin = builtinId(code);
    if (builtin !== undefined) return builtin;
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formats.set(id, code);
    this.formatIds.set(code, id);
    this.added.numFmts.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** A cell format like `base` with the number format `code`: `base` itself, an equal one, or a new one. */
  withFormat(base: number, code: string): number {
    if (!this.xfs[base]) base = 0;
    const key = `${base}\u0000${code}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const id = this.formatId(code);
    const xf = this.xfs[base] ?? { attrs: [['numFmtId', '0']], inner: '' };
    const idOf = (x: Xf) => Number(x.attrs.find(([k]) => k === 'numFmtId')?.[1] ?? 0);
    let result: number;
    if (idOf(xf) === id && this.xfs[base]) result = base;
    else {
      const want = canonical(xf, ['numFmtId', 'applyNumberFormat']);
      const applied = (x: Xf) => ['1', 'true'].includes(x.attrs.find(([k]) => k === 'applyNumberFormat')?.[1] ?? '') || id === 0;
      result = this.xfs.findIndex((x) => idOf(x) === id && applied(x) && canonical(x, ['numFmtId', 'applyNumberFormat']) === want);
      if (result < 0) {
        const attrs = xf.attrs.filter(([k]) => k !== 'numFmtId' && k !== 'applyNumberFormat');
        result = this.appendXf({ attrs: [['numFmtId', String(id)], ...attrs, ['applyNumberFormat', '1']], inner: xf.inner });
      }
    }
    this.cache.set(key, result);
    return result;
  }

  /** A cell format for our own sheets (report, store): reused when the file already has it. */
  own(style: OwnStyle): number {
    const key = JSON.stringify(style);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const p = this.prefix;
    const attrs: [string, string][] = [['numFmtId', String(this.formatId(style.numberFormat))], ['fontId', '0'], ['fillId', '0'], ['borderId', '0'], ['xfId', '0'], ['applyNumberFormat', '1']];
    if (style.font) {
      const f = style.font;
      const inner = `${f.bold ? `<${p}b/>` : ''}<${p}sz val="${f.size}"/><${p}name val="${escapeAttr(f.name)}"/><${p}family val="3"/><${p}charset val="134"/>`;
      let fontId = this.fonts.indexOf(inner);
      if (fontId < 0) {
        fontId = this.fonts.length;
        this.fonts.push(inner);
        this.added.fonts.push(`<${p}font>${inner}</${p}font>`);
      }
      attrs[1][1] = String(fontId);
      attrs.push(['applyFont', '1']);
    }
    let inner = '';
    if (style.alignment) {
      const a = style.alignment;
      inner = `<${p}alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}/>`;
      attrs.push(['applyAlignment', '1']);
    }
    const xf: Xf = { attrs, inner };
    const want = canonical(xf, []);
    let index = this.xfs.findIndex((x) => canonical(x, []) === want);
    if (index < 0) index = this.appendXf(xf);
    this.cache.set(key, index);
    return index;
  }

  private appendXf(xf: Xf): number {
    this.xfs.push(xf);
    const a = xf.attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
    this.added.cellXfs.push(xf.inner ? `<${this.prefix}xf${a}>${xf.inner}</${this.prefix}xf>` : `<${this.prefix}xf${a}/>`);
    return this.xfs.length - 1;
  }

  /** The part with what was appended (the original text when nothing was). */
  toXml(): string {
    if (!this.changed) return this.xml;
    const edits: Edit[] = [];
    const p = this.prefix;
    for (const name of ['numFmts', 'fonts', 'cellXfs'] as const) {
      const items = this.added[name];
      if (!items.length) continue;
      const b = this.blocks.get(name);
      const total = name === 'numFmts' ? this.formats.size : name === 'fonts' ? this.fonts.length : this.xfs.length;
      if (!b || !b.tag) {
        const at = this.insertionPoint(name);
        edits.push({ from: at, to: at, text: `<${p}${name} count="${total}">${items.join('')}</${p}${name}>` });
      } else if (b.tag.kind === 'empty') {
        const open = this.xml.slice(b.tag.start, b.tag.end).replace(/\s*\/>$/, '>');
        edits.push({ from: b.tag.start, to: b.tag.end, text: withCount(open, total) + items.join('') + `</${b.tag.name}>` });
      } else {
        edits.push({ from: b.tag.start, to: b.tag.end, text: withCount(this.xml.slice(b.tag.start, b.tag.end), total) });
        edits.push({ from: b.close, to: b.close, text: items.join('') });
      }
    }
    return applyEdits(this.xml, edits);
  }

  private insertionPoint(name: string): number {
    for (const later of ORDER.slice(ORDER.indexOf(name) + 1)) {
      const b = this.blocks.get(later);
      if (b?.tag) return b.tag.start;
    }
    return this.rootEnd;
  }
}

function withCount(openTag: string, count: number): string {
  if (/\scount\s*=\s*("[^"]*"|'[^']*')/.test(openTag)) return openTag.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${count}"`);
  return openTag;
}
