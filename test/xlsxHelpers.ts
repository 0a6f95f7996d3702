/**
 * For the .xlsx tests: packages made with JSZip, and a zip reader of the tests' own (independent of
 * src/xlsx/zip.ts, which is what is tested) that gives each entry's raw compressed bytes and its content.
 */
import * as zlib from 'zlib';
import JSZip from 'jszip'; // exceljs's own zip library

export interface RawEntry {
  name: string;
  method: number;
  crc: number;
  /** The compressed bytes as stored in the archive. */
  raw: Buffer;
  /** The content. */
  data: Buffer;
}

/** Every entry of a zip archive, in central-directory order. */
export function zipEntries(buf: Buffer): Map<string, RawEntry> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, RawEntry>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw);
    out.set(name, { name, method, crc, raw: Buffer.from(raw), data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export function entryText(buf: Buffer, name: string): string {
  const e = zipEntries(buf).get(name);
  if (!e) throw new Error(`no ${name}`);
  return e.data.toString('utf8');
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A package from parts; the usual plumbing is added for the sheets given (name → sheet XML body or whole XML). */
export async function makePackage(opts: {
  sheets: { name: string; xml: string; state?: string }[];
  sharedStrings?: string[];
  styles?: string | null;
  workbookExtra?: string;
  workbookPr?: string;
  absoluteTargets?: boolean;
  extraParts?: Record<string, string>;
}): Promise<Buffer> {
  const zip = new JSZip();
  const t = (p: string) => (opts.absoluteTargets ? `/xl/${p}` : p);
  const sheets = opts.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const rels = opts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${t(`worksheets/sheet${i + 1}.xml`)}"/>`);
  const ct = opts.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  if (opts.sharedStrings) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="${t('sharedStrings.xml')}"/>`);
    zip.file('xl/sharedStrings.xml', `<sst xmlns="${MAIN}">${opts.sharedStrings.join('')}</sst>`);
  }
  if (opts.styles !== null) {
    rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="${t('styles.xml')}"/>`);
    zip.file(
      'xl/styles.xml',
      opts.styles ??
        `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    );
  }
  zip.file('[Content_Types].xml', `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${ct.join('')}</Types>`);
  zip.file('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${opts.absoluteTargets ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`);
  zip.file('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  zip.file('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${opts.workbookPr ?? ''}<sheets>${sheets}</sheets>${opts.workbookExtra ?? ''}</workbook>`);
  opts.sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, s.xml.startsWith('<') && s.xml.includes('worksheet') ? s.xml : `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${s.xml}</sheetData></worksheet>`));
  for (const [name, text] of Object.entries(opts.extraParts ?? {})) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The zip names of the workbook part, its rels, and the parts of the named sheet and of the styles. */
export function packageParts(entries: Map<string, RawEntry>, sheet: string): { workbook: string; rels: string; sheet: string; styles: string | null } {
  const root = entries.get('_rels/.rels')!.data.toString();
  const wbTarget = /Type="[^"]*\/officeDocument"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(root)!;
  const workbook = (wbTarget[1] ?? wbTarget[2]).replace(/^\//, '');
  const dir = workbook.slice(0, workbook.lastIndexOf('/') + 1);
  const rels = `${dir}_rels/${workbook.slice(dir.length)}.rels`;
  const wb = entries.get(workbook)!.data.toString();
  const relsXml = entries.get(rels)!.data.toString();
  const esc = sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const id = new RegExp(`<sheet [^>]*name="${esc}"[^>]*/>`).exec(wb)![0].match(/\b\w+:id="([^"]+)"/)![1];
  const target = (relId: string | null, type: string | null) => {
    for (const m of relsXml.matchAll(/<Relationship [^>]*\/>/g)) {
      const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[0])?.[1];
      if ((relId && attr('Id') === relId) || (type && attr('Type')?.endsWith(`/${type}`))) {
        const t = attr('Target')!;
        return t.startsWith('/') ? t.slice(1) : dir + t;
      }
    }
    return null;
  };
  return { workbook, rels, sheet: target(id, null)!, styles: target(null, 'styles') };
}

function stripCells(xml: string, cells: Set<string>): string {
  return xml
    .replace(/<(\w+:)?c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(\/>|>[\s\S]*?<\/(\w+:)?c>)/g, (m, _p, r: string) => (cells.has(r) ? '' : m))
    .replace(/(<(\w+:)?row\b[^>]*?) spans="[^"]*"/g, '$1');
}

/** The children of a styles block (<cellXfs>…), as written. */
function blockItems(xml: string, block: string): { items: string[]; rest: string } {
  const m = new RegExp(`<(\\w+:)?${block}\\b[^>]*?(/>|>([\\s\\S]*?)</(\\w+:)?${block}>)`).exec(xml);
  if (!m) return { items: [], rest: xml.replace(/(<(\w+:)?styleSheet\b[^>]*>)/, `$1<${block}/>`) };
  const inner = m[3] ?? '';
  const items = inner.match(/<(\w+:)?(numFmt|font|xf)\b[^>]*?(\/>|>[\s\S]*?<\/(\w+:)?(font|xf)>)/g) ?? [];
  return { items, rest: xml.replace(m[0], `<${block}/>`) };
}

/**
 * What the command line may change, checked: every entry of `before` is in `after`; entries it does not own are
 * byte-identical (content, and the compressed bytes copied raw); in the sheet part only the written cells (and
 * the spans of their rows) differ; workbook.xml, its rels and [Content_Types].xml differ only by our sheets and
 * fullCalcOnLoad; app.xml only in its sheet list; styles only by what was appended. Returns the differences.
 */
export function nothingLost(before: Buffer, after: Buffer, sheet: string, written: Set<string>, ours: string[]): string[] {
  const a = zipEntries(before);
  const b = zipEntries(after);
  const parts = packageParts(a, sheet);
  const owned = new Set([parts.workbook, parts.rels, parts.sheet, '[Content_Types].xml', 'docProps/app.xml', ...(parts.styles ? [parts.styles] : [])]);
  const problems: string[] = [];
  for (const [name, e] of a) {
    const o = b.get(name);
    if (!o) {
      problems.push(`${name}: missing`);
      continue;
    }
    if (owned.has(name)) continue;
    if (!o.data.equals(e.data)) problems.push(`${name}: content differs`);
    else if (!o.raw.equals(e.raw) || o.method !== e.method || o.crc !== e.crc) problems.push(`${name}: not copied raw`);
  }
  const text = (m: Map<string, RawEntry>, n: string) => m.get(n)?.data.toString('utf8') ?? '';
  if (stripCells(text(a, parts.sheet), written) !== stripCells(text(b, parts.sheet), written)) problems.push(`${parts.sheet}: differs outside the written cells`);
  const oursRe = ours.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const wb = text(b, parts.workbook)
    .replace(new RegExp(`<(\\w+:)?sheet\\b[^>]*name="(${oursRe})"[^>]*/>`, 'g'), '')
    .replace(text(a, parts.workbook).includes('fullCalcOnLoad') ? /$^/ : / fullCalcOnLoad="1"/, '')
    .replace(/<(\w+:)?calcPr fullCalcOnLoad="1"\/>/, '');
  if (wb !== text(a, parts.workbook)) problems.push(`${parts.workbook}: differs beyond our sheets`);
  const idsBefore = new Set([...text(a, parts.rels).matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  const rels = text(b, parts.rels).replace(/<Relationship [^>]*\/>/g, (m) => (idsBefore.has(/\bId="([^"]+)"/.exec(m)![1]) ? m : ''));
  if (rels !== text(a, parts.rels)) problems.push(`${parts.rels}: differs beyond our relationships`);
  const namesBefore = new Set([...text(a, '[Content_Types].xml').matchAll(/PartName="([^"]+)"/g)].map((m) => m[1]));
  const ct = text(b, '[Content_Types].xml').replace(/<Override [^>]*\/>/g, (m) => (namesBefore.has(/PartName="([^"]+)"/.exec(m)![1]) ? m : ''));
  if (ct !== text(a, '[Content_Types].xml')) problems.push('[Content_Types].xml: differs beyond our parts');
  const app = (x: string) => x.replace(/<TitlesOfParts>[\s\S]*?<\/TitlesOfParts>|<HeadingPairs>[\s\S]*?<\/HeadingPairs>/g, '');
  if (a.has('docProps/app.xml') && app(text(a, 'docProps/app.xml')) !== app(text(b, 'docProps/app.xml'))) problems.push('docProps/app.xml: differs beyond the sheet list');
  if (parts.styles) {
    let x = text(a, parts.styles);
    let y = text(b, parts.styles);
    for (const block of ['numFmts', 'fonts', 'cellXfs']) {
      const p = blockItems(x, block);
      const q = blockItems(y, block);
      if (p.items.some((item, i) => q.items[i] !== item)) problems.push(`${parts.styles}: ${block} renumbered or changed`);
      x = p.rest;
      y = q.rest;
    }
    if (x !== y) problems.push(`${parts.styles}: differs beyond what was appended`);
  }
  return problems;
}
