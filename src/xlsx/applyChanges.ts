/**
 * APPLY: a change set (cells of one sheet; our own sheets added, replaced in place or removed; recalculation on
 * open) turned into the bytes of a new package. Entries we do not change are copied raw; the sheet part is edited
 * only at the written cells; workbook.xml, its relationships, [Content_Types].xml and docProps/app.xml only where
 * sheets are added or removed; styles only appended to. See docs/cli.md ("如何写入").
 */
import { updateAppXml } from './appProps';
import {
  CT_STYLES, CT_WORKSHEET, REL_STYLES, REL_WORKSHEET, freeRelId, isType, overrideXml, parseContentTypes, relationshipXml,
  relativeTarget, relsPathOf, resolveTarget, type RelsPart,
} from './opc';
import { ownSheetXml, type OwnSheet } from './ownSheet';
import { patchSheet, type CellChange } from './patchSheet';
import type { XlsxBook } from './readWorkbook';
import { editWorkbookXml, type WorkbookEdits } from './workbookEdit';
import { applyEdits, type Edit } from './xml';
import { ZipArchive, writeZip, type OutEntry } from './zip';

export type { CellChange } from './patchSheet';
export type { OwnSheet } from './ownSheet';
export type { OwnStyle } from './styles';

export interface ChangeSet {
  /** Cells to write on one worksheet (value and number format). */
  cells?: { sheet: string; changes: CellChange[] };
  /** Sheets of ours to add, after the last sheet. */
  add?: OwnSheet[];
  /** Sheets of ours whose content is rewritten where they are (same tab position, same name). */
  replace?: OwnSheet[];
  /** Sheets of ours to take out (restore). */
  remove?: string[];
  /** Ask Excel and WPS to recalculate every formula when they open the file. */
  fullCalcOnLoad?: boolean;
  /** Time stamp of new zip entries. */
  now: Date;
}

export interface Applied {
  bytes: Buffer;
  /** Planned cells not written because they hold a formula. */
  skipped: string[];
  /** Names of the sheets added. */
  added: string[];
}

function relsEdit(rels: RelsPart, add: string[], removeIds: Set<string>): string {
  const edits: Edit[] = [];
  for (const r of rels.rels) if (removeIds.has(r.id)) edits.push({ from: r.tag.start, to: r.tag.end, text: '' });
  if (add.length) {
    if (rels.closeAt >= 0) edits.push({ from: rels.closeAt, to: rels.closeAt, text: add.join('') });
    else return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${add.join('')}</Relationships>`;
  }
  return applyEdits(rels.xml, edits);
}

export function applyChanges(book: XlsxBook, changes: ChangeSet): Applied {
  const zip = book.zip;
  const styles = book.styles();
  const replaced = new Map<string, string>(); // zip key → new text
  const removedParts = new Set<string>();
  const newParts: { name: string; text: string }[] = [];
  const workbookRelsPath = relsPathOf(book.workbookPart);
  let skipped: string[] = [];

  if (changes.cells && changes.cells.changes.length) {
    const info = book.sheet(changes.cells.sheet);
    if (!info || !info.part) throw new Error(`no worksheet ${changes.cells.sheet}`);
    const r = patchSheet(book.parsed(info.name), changes.cells.changes, styles);
    skipped = r.skipped;
    if (r.xml !== book.parsed(info.name).xml) replaced.set(ZipArchive.key(info.part), r.xml);
  }
  for (const s of changes.replace ?? []) {
    const info = book.sheet(s.name);
    if (!info || !info.part) throw new Error(`no sheet ${s.name}`);
    replaced.set(ZipArchive.key(info.part), ownSheetXml(s, styles));
  }

  // New sheets: parts named after the first free sheetN.xml, relationships, content types.
  const relsAdd: string[] = [];
  const relsRemove = new Set<string>();
  const ctAdd: string[] = [];
  const ctRemove = new Set<string>();
  const taken = new Set(zip.entries.map((e) => ZipArchive.key(e.name)));
  const usedIds = book.workbookRels.rels.map((r) => r.id);
  const wbEdits: WorkbookEdits = { add: [], remove: [], states: new Map(), fullCalcOnLoad: !!changes.fullCalcOnLoad };
  const added: string[] = [];
  let n = 1;
  for (const s of changes.add ?? []) {
    while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    taken.add(part);
    const id = freeRelId(usedIds);
    usedIds.push(id);
    relsAdd.push(relationshipXml(id, REL_WORKSHEET, relativeTarget(book.workbookPart, part)));
    ctAdd.push(overrideXml(part, CT_WORKSHEET));
    newParts.push({ name: part, text: ownSheetXml(s, styles) });
    wbEdits.add.push({ name: s.name, relId: id, state: s.state });
    added.push(s.name);
  }
  for (const name of changes.remove ?? []) {
    const i = book.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    if (i < 0) continue;
    const info = book.sheets[i];
    wbEdits.remove.push(i);
    relsRemove.add(info.relId);
    if (info.part) {
      removedParts.add(ZipArchive.key(info.part));
      removedParts.add(ZipArchive.key(relsPathOf(info.part)));
      ctRemove.add('/' + ZipArchive.key(info.part));
    }
  }
  for (const s of changes.replace ?? []) {
    const i = book.sheets.findIndex((x) => x.name.toLowerCase() === s.name.toLowerCase());
    const want = s.state ?? 'visible';
    if (i >= 0 && book.sheets[i].state !== want) wbEdits.states.set(i, want);
  }
  wbEdits.remove.sort((a, b) => a - b);

  // Styles: appended to, or created when the package had none.
  if (styles.changed) {
    const rel = book.workbookRels.rels.find((r) => isType(r, 'styles') && !r.external);
    if (rel && !styles.created) {
      replaced.set(ZipArchive.key(resolveTarget(book.workbookPart, rel.target)), styles.toXml());
    } else {
      let name = 'xl/styles.xml';
      for (let i = 2; taken.has(name); i++) name = `xl/styles${i}.xml`;
      const id = freeRelId(usedIds);
      usedIds.push(id);
      relsAdd.push(relationshipXml(id, REL_STYLES, relativeTarget(book.workbookPart, name)));
      ctAdd.push(overrideXml(name, CT_STYLES));
      newParts.push({ name, text: styles.toXml() });
    }
  }

  const structural = wbEdits.add.length + wbEdits.remove.length + wbEdits.states.size > 0 || wbEdits.fullCalcOnLoad;
  if (structural) replaced.set(ZipArchive.key(book.workbookPart), editWorkbookXml(book.workbookXml, wbEdits));
  if (relsAdd.length || relsRemove.size) replaced.set(ZipArchive.key(workbookRelsPath), relsEdit(book.workbookRels, relsAdd, relsRemove));
  if (ctAdd.length || ctRemove.size) {
    const ct = parseContentTypes(book.text('[Content_Types].xml') ?? '');
    const edits: Edit[] = [];
    for (const [name, tag] of ct.overrides) if (ctRemove.has(name)) edits.push({ from: tag.start, to: tag.end, text: '' });
    if (ctAdd.length && ct.closeAt < 0) throw new Error('[Content_Types].xml without a closing </Types>');
    if (ctAdd.length) edits.push({ from: ct.closeAt, to: ct.closeAt, text: ctAdd.join('') });
    replaced.set(ZipArchive.key('[Content_Types].xml'), applyEdits(ct.xml, edits));
  }
  if (wbEdits.add.length || wbEdits.remove.length) {
    const app = zip.entries.find((e) => ZipArchive.key(e.name) === 'docprops/app.xml');
    if (app) {
      const before = book.sheets.map((s) => s.name);
      const after = [...before.filter((_, i) => !wbEdits.remove.includes(i)), ...added];
      const xml = book.text(app.name) ?? '';
      const next = updateAppXml(xml, before, after);
      if (next !== xml) replaced.set('docprops/app.xml', next);
    }
  }

  const out: OutEntry[] = [];
  for (const e of zip.entries) {
    const key = ZipArchive.key(e.name);
    if (removedParts.has(key)) continue;
    const text = replaced.get(key);
    replaced.delete(key);
    out.push(text === undefined ? { kind: 'copy', entry: e } : { kind: 'new', name: e.name, data: Buffer.from(text, 'utf8'), like: e });
  }
  // A part the package lacked (its workbook relationships, say) is added with the new ones.
  for (const [name, text] of replaced) newParts.unshift({ name, text });
  for (const p of newParts) out.push({ kind: 'new', name: p.name, data: Buffer.from(p.text, 'utf8') });
  return { bytes: writeZip(zip, out, changes.now, zip.comment), skipped, added };
}
