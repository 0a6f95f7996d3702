/** What a header cell means, for the indicator table and the money block (spec §2, §2.1). */
import type { SheetView } from '../sheetView';
import { MONEY_COLUMNS, matchColumn, type MoneyColumn } from '../labels';
import { toHalfWidth } from '../text';

export type Columns<K extends string> = Partial<Record<K, number>>;

/** Column kinds found in one row. First column wins when a kind repeats. */
export function rowColumns<K extends string>(view: SheetView, row: number, table: Record<K, readonly string[]>): Columns<K> {
  const cols: Columns<K> = {};
  for (const { col, key } of view.rowTexts(row)) {
    if (key.length > 16) continue; // a header is short; long text is content
    const kind = matchColumn(stripNotes(key), table);
    if (kind !== null && cols[kind] === undefined) cols[kind] = col;
  }
  return cols;
}

/** A header without its parenthesised notes: 全年预算数(A) → 全年预算数, 得分(20分*执行率) → 得分. */
export function stripNotes(key: string): string {
  const t = key.replace(/\([^()]*\)/g, '').replace(/\[[^[\]]*\]/g, '');
  return t || key;
}

/**
 * A money header's kind. Chinese puts the head noun last, so the synonym a header ends with decides: 执行率权重 is
 * a weight, 执行率得分 a score, 预算执行率 a rate; a block label such as 项目资金(万元) or 预算执行情况(20分) is none.
 */
export function moneyColumnKind(key: string): MoneyColumn | null {
  const k = stripNotes(key);
  if (!k || k.length > 12) return null;
  let best: MoneyColumn | null = null;
  let len = 0;
  for (const kind of Object.keys(MONEY_COLUMNS) as MoneyColumn[]) {
    for (const syn of MONEY_COLUMNS[kind]) {
      if ((k === syn || k.endsWith(syn)) && syn.length > len) {
        best = kind;
        len = syn.length;
      }
    }
  }
  return best;
}

/** Points written in a label: 产出指标（50分） → 50, 得分（20分*执行率） → 20; null when none. */
export function declaredPoints(text: string): number | null {
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : null;
}
