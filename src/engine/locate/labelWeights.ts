/**
 * Weights from the labels (spec §2.1), for tables with no 分值/权重 column: a level-2 label (数量指标（10分）), a
 * level-1 label (产出指标（50分）) or a goal-block label (年度绩效目标1（40分）) declares the points of its rows, shared
 * equally among the rows that have no weight from a closer label. What no label covers keeps no weight.
 */
import type { IndicatorRow } from '../types';
import { declaredPoints } from './columns';
import type { IndicatorTable } from './indicatorRows';
import { WEIGHT_TOLERANCE } from '../tolerance';

export interface LabelWeights {
  /** Groups whose points were shared, for the 提示: 产出指标 50 分分给 5 项. */
  shared: { label: string; points: number; rows: number }[];
  /** Rows that needed a weight from the labels and found none. */
  missing: number;
}

interface Group {
  label: string;
  points: number;
  members: IndicatorRow[];
}

function groupsBy(rows: IndicatorRow[], key: (r: IndicatorRow) => string, points: (r: IndicatorRow) => number | null): Group[] {
  const out = new Map<string, Group>();
  for (const r of rows) {
    const p = points(r);
    if (p === null) continue;
    const k = key(r);
    const g = out.get(k);
    if (g) g.members.push(r);
    else out.set(k, { label: k, points: p, members: [r] });
  }
  return [...out.values()];
}

export function assignLabelWeights(table: IndicatorTable): LabelWeights {
  const needing = table.indicators.filter((r) => r.columns.weight < 0);
  const result: LabelWeights = { shared: [], missing: 0 };
  if (!needing.length) return result;
  const level1Points = new Map(table.level1Headers.map((h) => [h.name, h.declaredWeight]));
  const blockOf = new Map<IndicatorRow, IndicatorTable['blocks'][number]>();
  for (const b of table.blocks) for (const i of b.rows) blockOf.set(table.indicators[i], b);
  const levels: Group[][] = [
    groupsBy(needing, (r) => `${r.levelCells.level2}|${r.level1}/${r.level2}`, (r) => (r.level2 ? declaredPoints(r.level2) : null)),
    groupsBy(needing, (r) => `${r.levelCells.level1}|${r.level1}`, (r) => level1Points.get(r.level1) ?? null),
    groupsBy(needing, (r) => blockOf.get(r)?.label ?? '', (r) => blockOf.get(r)?.weight ?? null),
  ];
  // Innermost first: what a closer label gave is taken out of the wider label's points.
  for (const groups of levels) {
    for (const g of groups) {
      const open = g.members.filter((r) => r.labelWeight === null);
      if (!open.length) continue;
      const given = g.members.reduce((a, r) => a + (r.labelWeight ?? 0), 0);
      const left = g.points - given;
      if (left <= WEIGHT_TOLERANCE) continue;
      const each = Math.round((left / open.length) * 1e6) / 1e6;
      for (const r of open) r.labelWeight = each;
      result.shared.push({ label: g.label.replace(/^[^|]*\|/, '').split('/').pop() || g.label, points: left, rows: open.length });
    }
  }
  result.missing = needing.filter((r) => r.labelWeight === null).length;
  return result;
}
