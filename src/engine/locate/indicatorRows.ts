/**
 * The indicator rows under the header, and the rows below them (spec §2, §2.1): level-1/level-2 cells merged
 * down or blank below; unused template rows (指标2, ……, empty) skipped; the header repeated per goal block read
 * as the same table; weights from the labels when there is no 分值 column (labelWeights.ts).
 */
import { a1 } from '../grid';
import type { IndicatorRow, Level1Header, TableModel } from '../types';
import type { SheetView } from '../sheetView';
import { labelKey, toHalfWidth } from '../text';
import { displayText } from '../display';
import { declaredPoints } from './columns';
import { footerKind, rightOfLabel, textRightOf } from './footer';
import { repeatedHeader, type IndicatorHeader } from './indicatorHeader';

export interface IndicatorTable {
  indicators: IndicatorRow[];
  level1Headers: Level1Header[];
  subtotalCells: TableModel['subtotalCells'];
  footer: TableModel['footer'];
  /** 0-based rows skipped as unused template rows. */
  templateRows: number[];
  /** Goal blocks with the points their label declares (年度绩效目标1（40分）) and their rows' indices. */
  blocks: { weight: number | null; label: string; rows: number[] }[];
  /** 0-based row where a second, separate table starts (not read). */
  secondTable: number | null;
}

/** Level-1 text with its weight: 履职效能（50分） → 履职效能, 50; a cell saying only （50分） keeps its text. */
export function splitLevel1(text: string): { name: string; weight: number | null } {
  const t = toHalfWidth(text).trim();
  const m = /^(.*?)\s*\(\s*(\d+(?:\.\d+)?)\s*分?\s*\)\s*$/.exec(t);
  if (m) return { name: m[1] ? m[1].trim() : text.trim(), weight: Number(m[2]) };
  return { name: text.trim(), weight: null };
}

/** Names a form's template gives its unused rows: 指标1, 指标2, ……, …, ---. */
const TEMPLATE_NAME = /^(?:指标\d*[:.、]?|[…．.。·・\-—_~～]+|其他|其它)$/;

export function isTemplateName(name: string): boolean {
  const k = labelKey(name);
  return k === '' || TEMPLATE_NAME.test(k);
}

/** A goal-block label on a header row or just above it: 年度绩效目标1（40分）. */
function blockLabel(view: SheetView, row: number): { label: string; weight: number } | null {
  if (row < view.top) return null;
  for (const { text, key } of view.rowTexts(row)) {
    const w = declaredPoints(text);
    if (w !== null && key.includes('目标')) return { label: text, weight: w };
  }
  return null;
}

export function readIndicatorTable(view: SheetView, header: IndicatorHeader): IndicatorTable {
  const indicators: IndicatorRow[] = [];
  const level1Headers: Level1Header[] = [];
  const level1Cells = new Set<string>();
  // Rows of one group share one levelCells object (large tables allocate enough already).
  let lastLevelCells: IndicatorRow['levelCells'] = { level1: '', level2: '' };
  const levelCellsOf = (level1: string, level2: string): IndicatorRow['levelCells'] => {
    if (lastLevelCells.level1 !== level1 || lastLevelCells.level2 !== level2) lastLevelCells = Object.freeze({ level1, level2 });
    return lastLevelCells;
  };
  const subtotalCells: TableModel['subtotalCells'] = [];
  const templateRows: number[] = [];
  const footer: TableModel['footer'] = { totalScoreCell: null, totalWeightCell: null, gradeCell: null, problems: '', measures: '', conclusion: '' };
  const first = blockLabel(view, header.row) ?? blockLabel(view, header.row - 1);
  const blocks: IndicatorTable['blocks'] = [{ weight: first?.weight ?? null, label: first?.label ?? '', rows: [] }];

  let cols = header.cols;
  let levelCols: number[] = [];
  let firstDataCol = 0, labelCols = 0;
  // The same for every row of a header segment: one object, not one per row (large tables allocate enough already).
  let shared: IndicatorRow['columns'] = { name: -1, weight: -1, target: -1, actual: -1, score: -1, reason: -1 };
  const useHeader = (h: IndicatorHeader): void => {
    cols = h.cols;
    levelCols = [cols.level1, cols.level2, cols.name].filter((c): c is number => c !== undefined);
    firstDataCol = Math.max(...levelCols) + 1;
    labelCols = Math.max(...levelCols);
    shared = Object.freeze({
      name: cols.name ?? -1, weight: cols.weight ?? -1, target: cols.target ?? -1,
      actual: cols.actual ?? -1, score: cols.score ?? -1, reason: cols.reason ?? -1,
    });
  };
  useHeader(header);

  let last1 = '', last2 = '';
  let cell1 = '', cell2 = '';
  /** The cell a level text comes from: its merged area's top-left, else the cell itself. */
  const anchorOf = (r: number, c: number | undefined): string => {
    if (c === undefined) return '';
    const m = view.mergeArea(r, c);
    return m ? a1(m.top, m.left) : a1(r, c);
  };
  let lastSplit = { text: '', value: splitLevel1('') };
  let inFooter = false;
  let secondTable: number | null = null;
  let footerValueCol = -1;
  const cell = (r: number, c: number | undefined): string => (c === undefined ? '' : a1(r, c));
  const txt = (r: number, c: number | undefined): string => (c === undefined ? '' : view.text(r, c));
  const shown = (r: number, c: number | undefined): string => (c === undefined ? '' : displayText(view.value(r, c), view.numberFormat(r, c)));

  for (let r = header.dataStart; r <= view.bottom; r++) {
    // The first text in the label columns says whether this is a footer row.
    let lead: { col: number; key: string } | null = null;
    for (let c = view.left; c <= labelCols; c++) {
      if (view.isCovered(r, c)) continue;
      const k = labelKey(view.raw(r, c));
      if (k) {
        lead = { col: c, key: k };
        break;
      }
    }
    const fk = lead ? footerKind(lead.key) : null;
    if (fk === 'subtotal') {
      if (cols.score !== undefined) {
        const isLevel2 = cols.level2 !== undefined && lead!.col > (cols.level1 ?? -1) && last2 !== '';
        subtotalCells.push({ level: isLevel2 ? 2 : 1, group: isLevel2 ? `${last1}/${last2}` : last1, cell: a1(r, cols.score) });
      }
      continue;
    }
    if (fk === 'notes') {
      inFooter = true;
      continue;
    }
    if (fk) {
      inFooter = true;
      const c = lead!.col;
      if (fk === 'total') {
        if (cols.score !== undefined && !footer.totalScoreCell) footer.totalScoreCell = a1(r, cols.score);
        if (cols.weight !== undefined) footer.totalWeightCell = a1(r, cols.weight);
        // Without merge information, footer labels are taken to span as far as this one: to its first value.
        for (let x = c + 1; x <= view.right && footerValueCol < 0; x++) if (!view.blank(r, x)) footerValueCol = x;
      } else if (fk === 'totalScore' || fk === 'grade') {
        const right = !view.mergesKnown && footerValueCol > c ? footerValueCol : rightOfLabel(view, r, c, firstDataCol);
        if (fk === 'grade') footer.gradeCell = a1(r, right);
        else footer.totalScoreCell = a1(r, right);
      }
      else footer[fk] = textRightOf(view, r, c, lead!.key);
      continue;
    }
    // The header again: under a goal-block label (年度绩效目标2（60分）), or in a table whose weights are in the
    // labels, the same table goes on in the new header's columns; otherwise it is a second table, not read.
    const again = repeatedHeader(view, r, cols.name);
    if (again) {
      const label = blockLabel(view, r) ?? blockLabel(view, r - 1);
      if (inFooter || (!label && cols.weight !== undefined)) {
        secondTable = r;
        break;
      }
      if (label && templateRows[templateRows.length - 1] === r - 1) templateRows.pop();
      blocks.push({ weight: label?.weight ?? null, label: label?.label ?? '', rows: [] });
      useHeader(again);
      r = again.dataStart - 1;
      last1 = last2 = cell1 = cell2 = '';
      continue;
    }
    if (inFooter) continue;
    const name = txt(r, cols.name);
    const weightText = shown(r, cols.weight);
    const targetText = shown(r, cols.target);
    const actualText = shown(r, cols.actual);
    const raw1 = txt(r, cols.level1);
    const raw2 = txt(r, cols.level2);
    if (!weightText && !targetText && !actualText && isTemplateName(name)) {
      // An unused template row (指标2, ……, a level-2 label with nothing under it, a lone ≥ or %), or an empty one:
      // told apart by the row's own cells, not by text merged down from above (known or not, it is the same row).
      if (view.rowTexts(r).length) {
        if (!blockLabel(view, r) || !repeatedHeader(view, r + 1, cols.name)) templateRows.push(r);
      }
      if (raw1) [last1, cell1] = [raw1, anchorOf(r, cols.level1)];
      if (raw2) [last2, cell2] = [raw2, anchorOf(r, cols.level2)];
      continue;
    }

    // Blank below the first row of a group means the group goes on (hosts without merge information).
    const l1 = raw1 || last1;
    const l2 = raw2 || (l1 === last1 ? last2 : '');
    if (raw1) cell1 = anchorOf(r, cols.level1);
    if (raw2) cell2 = anchorOf(r, cols.level2);
    else if (l2 === '') cell2 = '';
    const split = l1 === lastSplit.text ? lastSplit.value : splitLevel1(l1);
    lastSplit = { text: l1, value: split };
    if (l1 && cell1 && !level1Cells.has(cell1)) {
      level1Cells.add(cell1);
      level1Headers.push({ name: split.name, declaredWeight: split.weight, cell: cell1 });
    }
    last1 = l1;
    last2 = l2;
    blocks[blocks.length - 1].rows.push(indicators.length);
    indicators.push({
      row: r,
      level1: split.name,
      level2: l2,
      name: name || l2,
      labelWeight: null,
      levelCells: levelCellsOf(l1 ? cell1 : '', l2 ? cell2 : ''),
      weightText,
      targetText,
      actualText,
      unitText: txt(r, cols.unit),
      natureText: txt(r, cols.nature),
      reason: txt(r, cols.reason),
      rule: txt(r, cols.rule),
      columns: shared,
      cells: {
        name: cell(r, cols.name),
        weight: cell(r, cols.weight),
        target: cell(r, cols.target),
        actual: cell(r, cols.actual),
        score: cell(r, cols.score),
        reason: cell(r, cols.reason),
      },
    });
  }
  return { indicators, level1Headers, subtotalCells, footer, templateRows, blocks, secondTable };
}
