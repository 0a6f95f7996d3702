/** Test helpers to compare workbooks cell by cell. No Node imports. */
import { FakeSheet, FakeWorkbook, cellA1 } from './model';

/** Every non-blank cell of a sheet, keyed by address: value, format, formula and cell formats. */
export function cellMap(sheet: FakeSheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, c] of sheet.cells) {
    const blank = c.value === '' && !c.formula && c.numberFormat === 'General' && !c.bold && !c.horizontalAlignment && !c.wrapText;
    if (blank) continue;
    const [r, col] = key.split(',').map(Number);
    out.set(cellA1(r, col), JSON.stringify([c.value, c.numberFormat, c.formula ?? null, !!c.bold, c.horizontalAlignment ?? null, !!c.wrapText]));
  }
  return out;
}

/** Addresses whose content differs between two versions of a sheet. */
export function changedCells(before: FakeSheet, after: FakeSheet): string[] {
  const a = cellMap(before);
  const b = cellMap(after);
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** A comparable dump of the whole workbook: sheets in order with visibility, protection, cells, merges. */
export function workbookDump(wb: FakeWorkbook): unknown {
  return wb.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    protected: s.protected,
    cells: [...cellMap(s).entries()].sort(),
    merges: s.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`),
    widths: [...s.columnWidths.entries()].sort(),
  }));
}
