/**
 * The title and the year (spec §2.1): 部门整体支出绩效自评表, 部门整体绩效自评表, 项目支出绩效自评表 …, and the year
 * from the title (（2024年度）, 2024年度, 2024年), the rows under it, or a 年度 cell.
 */
import type { SheetView } from '../sheetView';
import { TITLE_PATTERN } from '../labels';
import { toHalfWidth } from '../text';

export interface TitleFound {
  row: number;
  col: number;
  title: string;
}

const YEAR = /((?:19|20)\d{2})\s*年/;
const BARE_YEAR = /^(?:19|20)\d{2}$/;
/** 年度, 评价年度, 预算年度 …, alone or with the year in the same cell (年度：2024年). */
const YEAR_LABEL = /^(?:评价|预算|项目|所属|绩效)?年度[:：]?(?:(?:19|20)\d{2}年?度?)?$/;

/** The first short cell above the indicator table that names a self-evaluation table. */
export function findTitle(view: SheetView, to: number): TitleFound | null {
  for (let r = view.top; r <= to; r++) {
    for (const { col, text, key } of view.rowTexts(r)) {
      if (key.length <= 60 && TITLE_PATTERN.test(key)) return { row: r, col, title: text };
    }
  }
  return null;
}

function yearIn(text: string): number | null {
  const m = YEAR.exec(toHalfWidth(text));
  return m ? Number(m[1]) : null;
}

/** The year of the evaluation: in the title, a short cell in the two rows under it, or beside a 年度 label. */
export function findYear(view: SheetView, title: TitleFound | null, to: number): { year: number; cell: string } | null {
  if (title) {
    const y = yearIn(title.title);
    if (y !== null) return { year: y, cell: view.address(title.row, title.col) };
    for (let r = title.row + 1; r <= Math.min(title.row + 2, to); r++) {
      for (const t of view.rowTexts(r)) {
        const yy = t.text.length <= 20 ? yearIn(t.text) : null;
        if (yy !== null) return { year: yy, cell: view.address(r, t.col) };
      }
    }
  }
  // A 年度 label with the year beside it (年度 | 2024), or in the same cell (年度：2024年).
  for (let r = view.top; r <= to; r++) {
    const cells = view.rowTexts(r);
    for (let i = 0; i < cells.length; i++) {
      const key = cells[i].key;
      if (!YEAR_LABEL.test(key)) continue;
      const own = /((?:19|20)\d{2})/.exec(key);
      if (own) return { year: Number(own[1]), cell: view.address(r, cells[i].col) };
      const next = cells[i + 1];
      if (next && (BARE_YEAR.test(next.key) || (next.key.length <= 10 && yearIn(next.text) !== null))) {
        return { year: Number(/(?:19|20)\d{2}/.exec(next.key)![0]), cell: view.address(r, next.col) };
      }
    }
  }
  return null;
}
