/**
 * Whether a formula may depend on cells we write: then Excel and WPS are asked to recalculate when they open the
 * file (their cached results would be stale), and the user is told. Conservative: a formula naming a defined name,
 * INDIRECT, OFFSET, a table or a range over several sheets counts as dependent. To be replaced by the calculate
 * step's answer.
 */
import { a1, parseA1, type SheetGrid } from '../engine';
import { formulaRefs } from '../xlsx/formulaRefs';

/** Qualified addresses of the formula cells that may read one of `written` (local addresses on `sheet`). */
export function dependentFormulas(grids: SheetGrid[], sheet: string, written: string[]): string[] {
  if (!written.length) return [];
  const cells = written.map((a) => parseA1(a));
  const key = sheet.toLowerCase();
  const out: string[] = [];
  for (const g of grids) {
    const o = g.origin ?? { row: 0, col: 0 };
    (g.formulas ?? []).forEach((line, r) =>
      line.forEach((f, c) => {
        if (typeof f !== 'string' || !f.startsWith('=')) return;
        const { refs, unknown } = formulaRefs(f);
        const hit =
          unknown ||
          refs.some(
            (ref) =>
              (ref.sheet ?? g.name).toLowerCase() === key &&
              cells.some((x) => x.row >= ref.top && x.row <= ref.bottom && x.col >= ref.left && x.col <= ref.right),
          );
        if (hit) out.push(`${g.name}!${a1(o.row + r, o.col + c)}`);
      }),
    );
  }
  return out;
}

export function recalcMessage(cells: string[]): string {
  const shown = cells.slice(0, 3).join('、') + (cells.length > 3 ? ` 等 ${cells.length} 个单元格` : '');
  return (
    `提示：${shown}的公式引用了本次写入的单元格，其中保存的结果已过时。已设置为在 Excel 或 WPS 中打开时重新计算；` +
    '不重新计算的查看器（如手机预览、部分网页预览）在用 Excel 或 WPS 打开并保存之前仍显示旧结果。'
  );
}
