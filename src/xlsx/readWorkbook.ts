/**
 * READ: an .xlsx/.xlsm package opened as a zip and read the way Office.js shows it: the sheet list (state,
 * protection), the active sheet, structure protection, each worksheet as the engine's SheetGrid, and column A of a
 * sheet (the store, our report draft). Parts are inflated only when asked for; nothing here changes the package.
 */
import type { CellValue, SheetGrid } from '../engine';
import { parseRels, relsPathOf, resolveTarget, isType, type RelsPart } from './opc';
import { parseSharedStrings } from './sharedStrings';
import { parseSheet, SheetTooLargeError, type ParsedSheet } from './sheetXml';
import { sheetGrid } from './sheetGrid';
import { Styles } from './styles';
import { XmlScanner, attributes, isTrue, type Tag } from './xml';
import { ZipArchive, ZipError, ZipSizeError } from './zip';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  state: SheetState;
  kind: 'worksheet' | 'chartsheet' | 'other';
  /** Zip name of its part ('xl/worksheets/sheet1.xml'), null when the relationship is broken. */
  part: string | null;
  relId: string;
  /** The <sheet> element in workbook.xml. */
  tag: Tag;
}

/** Why a file could not be read; the command line says it in Chinese with the file's name. */
export class XlsxReadError extends Error {
  constructor(
    readonly kind: 'notZip' | 'ole' | 'damaged' | 'encrypted' | 'strict' | 'noSheets' | 'tooLarge',
    readonly sheet: string | null = null,
    readonly cells = 0,
  ) {
    super(kind);
  }
}

export interface ReadOptions {
  /** A worksheet with more cells than this is not read (default 1,000,000). */
  maxCells?: number;
}

export const DEFAULT_MAX_CELLS = 1000000;

const STRICT_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export class XlsxBook {
  readonly zip: ZipArchive;
  readonly workbookPart: string;
  readonly workbookXml: string;
  readonly workbookRels: RelsPart;
  readonly contentType: string;
  readonly sheets: SheetInfo[] = [];
  readonly activeSheet: string | null;
  readonly structureProtected: boolean;
  readonly date1904: boolean;
  readonly maxCells: number;
  private stylesCache: Styles | null = null;
  private sst: string[] | null = null;
  private readonly parsedSheets = new Map<string, ParsedSheet>();
  private readonly grids = new Map<string, SheetGrid>();

  constructor(bytes: Uint8Array, opts: ReadOptions = {}) {
    this.maxCells = opts.maxCells ?? DEFAULT_MAX_CELLS;
    if (OLE_MAGIC.every((b, i) => bytes[i] === b)) throw new XlsxReadError('ole');
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new XlsxReadError('notZip');
    try {
      this.zip = new ZipArchive(bytes);
      const root = parseRels(this.text('_rels/.rels') ?? '');
      const office = root.rels.find((r) => isType(r, 'officeDocument') && !r.external);
      this.workbookPart = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
      const wb = this.text(this.workbookPart);
      if (wb === null) throw new XlsxReadError('damaged');
      this.workbookXml = wb;
      this.workbookRels = parseRels(this.text(relsPathOf(this.workbookPart)) ?? '');
      this.contentType = this.contentTypeOf(this.workbookPart);
    } catch (e) {
      throw e instanceof XlsxReadError ? e : e instanceof ZipError && /encrypted/.test(e.message) ? new XlsxReadError('encrypted') : new XlsxReadError('damaged');
    }
    const info = this.readWorkbookXml();
    this.activeSheet = this.sheets[info.activeTab]?.name ?? this.sheets[0]?.name ?? null;
    this.structureProtected = info.structure;
    this.date1904 = info.date1904;
    if (!this.sheets.some((s) => s.kind === 'worksheet')) throw new XlsxReadError('noSheets');
  }

  /** 'xlsm' when the workbook part is macro-enabled (it holds, or may hold, a VBA project). */
  get format(): 'xlsx' | 'xlsm' {
    return /macroEnabled/i.test(this.contentType) ? 'xlsm' : 'xlsx';
  }

  text(part: string): string | null {
    try {
      return this.zip.text(part, this.maxPartBytes());
    } catch (e) {
      if (e instanceof ZipSizeError) throw new XlsxReadError('tooLarge', null, this.maxCells);
      throw e;
    }
  }

  private maxPartBytes(): number {
    return Math.max(64 * 1024 * 1024, this.maxCells * 128);
  }

  private contentTypeOf(part: string): string {
    const xml = this.text('[Content_Types].xml') ?? '';
    const sc = new XmlScanner(xml);
    for (let t = sc.next(); t; t = sc.next()) {
      if (t.local !== 'Override' || t.kind === 'close') continue;
      const a = Object.fromEntries(attributes(xml, t));
      if ((a.PartName ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase()) return a.ContentType ?? '';
    }
    return '';
  }

  private readWorkbookXml(): { activeTab: number; structure: boolean; date1904: boolean } {
    const xml = this.workbookXml;
    const sc = new XmlScanner(xml);
    let activeTab = 0;
    let structure = false;
    let date1904 = false;
    let first = true;
    for (let t = sc.next(); t; t = sc.next()) {
      if (t.kind === 'close') continue;
      if (first) {
        first = false;
        if (attributes(xml, t).some(([k, v]) => (k === 'xmlns' || k.startsWith('xmlns:')) && v === STRICT_NS)) throw new XlsxReadError('strict');
      }
      const a = (): Record<string, string> => Object.fromEntries(attributes(xml, t));
      if (t.local === 'sheet') {
        const attrs = attributes(xml, t);
        const get = (k: string) => attrs.find(([n]) => n === k || n.endsWith(':' + k))?.[1];
        const relId = attrs.find(([n]) => n.endsWith(':id'))?.[1] ?? '';
        const rel = this.workbookRels.rels.find((r) => r.id === relId);
        const state = get('state');
        this.sheets.push({
          name: attrs.find(([n]) => n === 'name')?.[1] ?? '',
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          kind: rel && isType(rel, 'worksheet') ? 'worksheet' : rel && isType(rel, 'chartsheet') ? 'chartsheet' : 'other',
          part: rel && !rel.external ? resolveTarget(this.workbookPart, rel.target) : null,
          relId,
          tag: t,
        });
      } else if (t.local === 'workbookView') activeTab = Number(a().activeTab ?? 0) || 0;
      else if (t.local === 'workbookProtection') structure = isTrue(a().lockStructure);
      else if (t.local === 'workbookPr') date1904 = isTrue(a().date1904);
      else if (t.local === 'definedNames' || t.local === 'extLst') sc.skipTo(t);
    }
    return { activeTab, structure, date1904 };
  }

  styles(): Styles {
    if (!this.stylesCache) {
      const rel = this.workbookRels.rels.find((r) => isType(r, 'styles') && !r.external);
      const xml = rel ? this.text(resolveTarget(this.workbookPart, rel.target)) : null;
      try {
        this.stylesCache = Styles.parse(xml);
      } catch {
        throw new XlsxReadError('damaged');
      }
    }
    return this.stylesCache;
  }

  private sharedStrings(): string[] {
    if (!this.sst) {
      const rel = this.workbookRels.rels.find((r) => isType(r, 'sharedStrings') && !r.external);
      const xml = rel ? this.text(resolveTarget(this.workbookPart, rel.target)) : null;
      try {
        this.sst = parseSharedStrings(xml);
      } catch {
        throw new XlsxReadError('damaged');
      }
    }
    return this.sst;
  }

  /** Sheet by name, compared as Excel does (case-insensitively). */
  sheet(name: string): SheetInfo | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /** The worksheet part read whole (cells with their positions), after checking its size. */
  parsed(name: string): ParsedSheet {
    const info = this.sheet(name);
    if (!info || info.kind !== 'worksheet' || !info.part) throw new Error(`not a worksheet: ${name}`);
    const hit = this.parsedSheets.get(info.name);
    if (hit) return hit;
    const entry = this.zip.get(info.part);
    let parsed: ParsedSheet;
    if (!entry) parsed = parseSheet('', this.context());
    else {
      const declared = declaredCells(this.zip.head(entry, 64 * 1024).toString('utf8'));
      if (declared > this.maxCells) throw new XlsxReadError('tooLarge', info.name, declared);
      try {
        parsed = parseSheet(this.text(info.part) ?? '', this.context());
      } catch (e) {
        if (e instanceof SheetTooLargeError || (e instanceof XlsxReadError && e.kind === 'tooLarge')) throw new XlsxReadError('tooLarge', info.name, this.maxCells);
        throw e instanceof XlsxReadError ? e : new XlsxReadError('damaged', info.name);
      }
    }
    this.parsedSheets.set(info.name, parsed);
    return parsed;
  }

  private context() {
    return { sharedStrings: this.sharedStrings(), date1904: this.date1904, maxCells: this.maxCells };
  }

  /** True when the sheet itself is protected (<sheetProtection sheet="1"|"true">). */
  isProtected(name: string): boolean {
    const info = this.sheet(name);
    return !!info && info.kind === 'worksheet' && this.parsed(name).protected;
  }

  /** The engine's view of a worksheet. */
  grid(name: string): SheetGrid {
    const info = this.sheet(name);
    if (!info) throw new Error(`no sheet ${name}`);
    let g = this.grids.get(info.name);
    if (!g) {
      const built = sheetGrid(info.name, this.parsed(info.name), this.styles(), this.maxCells);
      if (!built) throw new XlsxReadError('tooLarge', info.name, this.maxCells);
      this.grids.set(info.name, (g = built));
    }
    return g;
  }

  /** Values of column A from row 1 down to the last one with a value. */
  columnA(name: string): CellValue[] {
    const out: CellValue[] = [];
    for (const row of this.parsed(name).rows) {
      for (const c of row.cells) {
        if (c.col !== 0 || c.value === '' || c.value === null) continue;
        while (out.length < c.row) out.push('');
        out[c.row] = c.value;
      }
    }
    return out;
  }

  /** Column A as lines (how both doors recognise our draft); null when another column holds something. */
  columnLines(name: string): string[] | null {
    const parsed = this.parsed(name);
    for (const row of parsed.rows) for (const c of row.cells) if (c.col > 0 && ((c.value !== '' && c.value !== null) || c.formula)) return null;
    return this.columnA(name).map((v) => (v === null ? '' : String(v)));
  }
}

/** Cells the sheet's <dimension> declares (0 when it has none): read from the part's first bytes only. */
function declaredCells(head: string): number {
  const m = /<(?:\w+:)?dimension\s+ref\s*=\s*["']([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?["']/.exec(head);
  if (!m) return 0;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = Math.abs(Number(m[4] ?? m[2]) - Number(m[2])) + 1;
  const cols = Math.abs(col(m[3] ?? m[1]) - col(m[1])) + 1;
  return rows * cols;
}

/** Opens a package; XlsxReadError says why one cannot be read. */
export function openXlsx(bytes: Uint8Array, opts?: ReadOptions): XlsxBook {
  return new XlsxBook(bytes, opts);
}

