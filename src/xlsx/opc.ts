/** The package's plumbing (Open Packaging Conventions): relationships, part names, content types. */
import { XmlScanner, attributes, escapeAttr, type Tag } from './xml';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_WORKSHEET = `${REL_NS}/worksheet`;
export const REL_STYLES = `${REL_NS}/styles`;
export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The element in the rels part (for removal). */
  tag: Tag;
}

export interface RelsPart {
  xml: string;
  rels: Relationship[];
  /** Offset of </Relationships> (where new ones go); -1 when the root is an empty element. */
  closeAt: number;
}

export function parseRels(xml: string): RelsPart {
  const rels: Relationship[] = [];
  let closeAt = -1;
  const sc = new XmlScanner(xml);
  for (let t = sc.next(); t; t = sc.next()) {
    if (t.local === 'Relationship' && t.kind !== 'close') {
      const a = Object.fromEntries(attributes(xml, t));
      rels.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External', tag: t });
    } else if (t.local === 'Relationships' && t.kind === 'close') closeAt = t.start;
  }
  return { xml, rels, closeAt };
}

/** Type URIs end with the same word in transitional and strict packages. */
export function isType(rel: Relationship, word: string): boolean {
  return rel.type.endsWith(`/${word}`);
}

/** The part a relationship points to, as a zip name ('xl/worksheets/sheet1.xml'), from the source part's folder. */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(decodeURIComponentSafe(seg));
  }
  return base.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** 'xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship id not yet used in the part. */
export function freeRelId(ids: string[]): string {
  const taken = new Set(ids);
  for (let i = ids.length + 1; ; i++) if (!taken.has(`rId${i}`)) return `rId${i}`;
}

export function relationshipXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${escapeAttr(id)}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
}

/** The path of `to` relative to the folder of `from` ('xl/workbook.xml', 'xl/worksheets/s.xml' → 'worksheets/s.xml'). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export interface ContentTypes {
  xml: string;
  /** Lower-cased part name ('/xl/worksheets/sheet1.xml') → its Override element. */
  overrides: Map<string, Tag>;
  closeAt: number;
}

export function parseContentTypes(xml: string): ContentTypes {
  const overrides = new Map<string, Tag>();
  let closeAt = -1;
  const sc = new XmlScanner(xml);
  for (let t = sc.next(); t; t = sc.next()) {
    if (t.local === 'Override' && t.kind !== 'close') {
      const name = attributes(xml, t).find(([k]) => k === 'PartName')?.[1];
      if (name) overrides.set(name.toLowerCase(), t);
    } else if (t.local === 'Types' && t.kind === 'close') closeAt = t.start;
  }
  return { xml, overrides, closeAt };
}

export function overrideXml(part: string, contentType: string): string {
  return `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`;
}
