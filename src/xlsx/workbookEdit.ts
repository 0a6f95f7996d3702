/**
 * Edits to workbook.xml, each a splice at the position of the element it concerns: a <sheet> added at the end of
 * <sheets> or removed (with the sheet indexes that follow it: local defined names, the active and first tab),
 * a sheet's state, and <calcPr fullCalcOnLoad="1">. Everything else in the part is left as it was.
 */
import { REL_NS } from './opc';
import { XmlScanner, applyEdits, attributes, escapeAttr, prefixFor, removeAttr, setAttr, type Edit, type Tag } from './xml';

/** Elements that follow calcPr in the schema's order: a new calcPr goes before the first of them. */
const AFTER_CALC = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

export interface WorkbookEdits {
  add: { name: string; sheetId?: number; relId: string; state?: 'visible' | 'veryHidden' }[];
  /** Indexes (in <sheets> order) of the sheets to remove. */
  remove: number[];
  /** New state of existing sheets, by index. */
  states: Map<number, 'visible' | 'hidden' | 'veryHidden'>;
  fullCalcOnLoad: boolean;
}

export function editWorkbookXml(xml: string, e: WorkbookEdits): string {
  const sc = new XmlScanner(xml);
  const edits: Edit[] = [];
  let root: Tag | null = null;
  let sheetsTag: Tag | null = null;
  let sheetsClose = -1;
  let calcPr: Tag | null = null;
  let beforeCalc = -1;
  let rootClose = -1;
  const sheetTags: Tag[] = [];
  const maxId = { v: 0 };
  const removed = new Set(e.remove);
  /** New index of an old sheet index, or -1 when it is removed. */
  const newIndex = (i: number) => (removed.has(i) ? -1 : i - e.remove.filter((r) => r < i).length);
  let depth = 0;
  for (let t = sc.next(); t; t = sc.next()) {
    if (t.kind === 'close') {
      depth--;
      if (t.local === 'sheets') sheetsClose = t.start;
      if (depth === 0) rootClose = t.start;
      continue;
    }
    if (!root) root = t;
    else if (t.local === 'sheets') {
      sheetsTag = t;
      if (t.kind === 'empty') sheetsClose = t.start;
    }
    else if (t.local === 'sheet') {
      sheetTags.push(t);
      const id = Number(attributes(xml, t).find(([k]) => k === 'sheetId')?.[1]);
      if (Number.isFinite(id) && id > maxId.v) maxId.v = id;
    } else if (t.local === 'calcPr' && depth === 1) calcPr = t;
    else if (depth === 1 && AFTER_CALC.includes(t.local) && beforeCalc < 0) beforeCalc = t.start;
    else if (t.local === 'workbookView' && e.remove.length) {
      let text = xml.slice(t.start, t.end);
      for (const name of ['activeTab', 'firstSheet']) {
        const v = Number(attributes(xml, t).find(([k]) => k === name)?.[1]);
        if (!Number.isInteger(v)) continue;
        const n = newIndex(v);
        const fixed = n >= 0 ? n : Math.max(0, v - e.remove.filter((r) => r <= v).length);
        if (fixed !== v) text = setAttr(text, { ...t, start: 0, end: text.length }, name, String(fixed));
      }
      edits.push({ from: t.start, to: t.end, text });
    } else if (t.local === 'definedName' && e.remove.length) {
      const local = Number(attributes(xml, t).find(([k]) => k === 'localSheetId')?.[1]);
      const close = sc.skipTo(t);
      if (!Number.isInteger(local)) continue;
      const n = newIndex(local);
      if (n < 0) edits.push({ from: t.start, to: close.end, text: '' });
      else if (n !== local) edits.push({ from: t.start, to: t.end, text: setAttr(xml, t, 'localSheetId', String(n)) });
      continue;
    }
    if (t.kind === 'open') depth++;
  }
  if (!root || !sheetsTag || sheetsClose < 0) throw new Error('workbook.xml without <sheets>');

  e.remove.forEach((i) => {
    const t = sheetTags[i];
    if (t) edits.push({ from: t.start, to: t.end, text: '' });
  });
  for (const [i, state] of e.states) {
    const t = sheetTags[i];
    if (!t || removed.has(i)) continue;
    edits.push({ from: t.start, to: t.end, text: state === 'visible' ? removeAttr(xml, t, 'state') : setAttr(xml, t, 'state', state) });
  }
  if (e.add.length) {
    const p = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':') + 1) : '';
    const bound = prefixFor(xml, root, REL_NS);
    const r = bound === null || bound === '' ? 'r:' : bound;
    const declare = bound === null || bound === '' ? ` xmlns:r="${REL_NS}"` : '';
    let id = maxId.v;
    const text = e.add
      .map((s) => {
        const state = s.state && s.state !== 'visible' ? ` state="${s.state}"` : '';
        return `<${p}sheet${declare} name="${escapeAttr(s.name)}" sheetId="${s.sheetId ?? ++id}"${state} ${r}id="${escapeAttr(s.relId)}"/>`;
      })
      .join('');
    if (sheetsTag.kind === 'empty') edits.push({ from: sheetsTag.start, to: sheetsTag.end, text: xml.slice(sheetsTag.start, sheetsTag.end).replace(/\s*\/>$/, '>') + text + `</${sheetsTag.name}>` });
    else edits.push({ from: sheetsClose, to: sheetsClose, text });
  }
  if (e.fullCalcOnLoad) {
    if (calcPr) edits.push({ from: calcPr.start, to: calcPr.end, text: setAttr(xml, calcPr, 'fullCalcOnLoad', '1') });
    else {
      const p = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':') + 1) : '';
      const at = beforeCalc >= 0 ? beforeCalc : rootClose;
      edits.push({ from: at, to: at, text: `<${p}calcPr fullCalcOnLoad="1"/>` });
    }
  }
  return applyEdits(xml, edits);
}
