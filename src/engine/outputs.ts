/**
 * The output cells of one calculation (spec §5): every value we want in the sheet goes through `mayWrite`, the
 * one rule for what may be written. A cell it refuses is not written; where we wanted to write it, an issue names
 * it (the user's number or grade kept, text or a merged area left alone, a formula compared or recalculated).
 */
import { a1, parseA1, rangeAddress } from './grid';
import type { CellWrite, IndicatorResult, Issue } from './types';
import type { Settings } from './settings';
import type { SheetView } from './sheetView';
import { issue } from './issues';
import { mayWrite, sameValue, type OutputSlot, type RecordCell } from './ownership';
import { readsAny } from './formulas';
import { roundHalfUp } from './rounding';
import { inTierBand, tierBand } from './scoring';
import { tierName } from './qualitative';
import { RATE_TOLERANCE, SCORE_TOLERANCE } from './tolerance';

export const SCORE_FORMAT = '0.00';
export const RATE_FORMAT = '0.00%';
const fmt2 = (x: number): string => roundHalfUp(x, 2).toFixed(2);

interface FormulaCheck {
  address: string;
  shown: string;
  computed: string;
}

/** Equal as outputs: scores within half a hundredth; rates within half a hundredth of a percent, 96.85 read as 96.85 %. */
function sameOutput(current: number, value: number, purpose: CellWrite['purpose']): boolean {
  if (purpose !== 'rate' && purpose !== 'budgetActual') return Math.abs(current - value) < SCORE_TOLERANCE;
  return Math.abs(current - value) < RATE_TOLERANCE || (Math.abs(current) > 1.5 && Math.abs(current / 100 - value) < RATE_TOLERANCE);
}

export class Outputs {
  readonly writes: CellWrite[] = [];
  private readonly checks: FormulaCheck[] = [];

  constructor(
    private readonly view: SheetView,
    private readonly record: Map<string, RecordCell>,
    private readonly accept: Set<string>,
    private readonly issues: Issue[],
  ) {}

  private get sheet(): string {
    return this.view.name;
  }

  /** A rate, the budget item's actual, a subtotal, the total or the grade. `what` names it in issues. */
  propose(slot: OutputSlot, value: string | number, numberFormat: string, purpose: CellWrite['purpose'], what: string, shown = String(value)): void {
    const { address } = slot;
    const v = mayWrite(this.view, slot, this.record);
    // Text we write keeps the cell's own format (— in a rate cell, a grade); numbers get ours.
    const format = typeof value === 'string' ? v.before.numberFormat : numberFormat;
    const write = (): void => void this.writes.push({ address, value, numberFormat: format, before: v.before, purpose });
    switch (v.kind) {
      case 'write':
        return write();
      case 'merged':
        return this.refused(address, `位于合并单元格 ${rangeAddress(v.area)} 中`, what, shown);
      case 'formula':
        if (typeof value === 'number' && typeof v.value === 'number' && sameOutput(v.value, value, purpose)) return;
        if (sameValue(v.value, value)) return;
        this.checks.push({ address, shown: String(v.value), computed: shown });
        return;
      case 'number':
        if (typeof value === 'number' && sameOutput(v.value, value, purpose)) return;
        if (typeof value === 'number' && purpose !== 'budgetActual' && this.accept.has(address)) return write();
        this.issues.push(issue('outputKept', this.sheet, address, { what, shown: String(v.value), computed: shown }));
        return;
      case 'text':
        if (sameValue(v.value, value)) return;
        if (purpose === 'grade') {
          if (this.accept.has(address)) return write();
          this.issues.push(issue('outputKept', this.sheet, address, { what, shown: v.value, computed: shown }));
          return;
        }
        return this.refused(address, `已有文字“${v.value}”`, what, shown);
    }
  }

  private refused(address: string, why: string, what: string, value: string): void {
    this.issues.push(issue('writeRefused', this.sheet, address, { why, what, value }));
  }

  /** An indicator's 得分 cell: the computed score, or the user's manual score kept (and counted). */
  score(ind: IndicatorResult, settings: Settings, headerRow: number | null): void {
    const cell = ind.cells.score;
    const done = (): void => {
      ind.lostPoints = ind.score !== null && ind.weight !== null && ind.score < ind.weight - SCORE_TOLERANCE;
    };
    if (!cell) return done();
    const at = ind.columns.score >= 0 ? { row: ind.row, col: ind.columns.score } : undefined;
    const v = mayWrite(this.view, { address: cell, headerRow }, this.record, at);
    const computed = ind.computed;
    const purpose = ind.level1 === '预算执行情况' && ind.name === '预算完成率' ? 'budgetScore' : 'score';
    const write = (): void => {
      if (computed !== null) this.writes.push({ address: cell, value: computed, numberFormat: SCORE_FORMAT, before: v.before, purpose });
    };
    if (v.kind === 'write') {
      write();
      return done();
    }
    if (v.kind === 'merged') {
      if (computed !== null) this.refused(cell, `位于合并单元格 ${rangeAddress(v.area)} 中`, '得分', fmt2(computed));
      return done();
    }
    if (v.kind === 'formula') {
      const typed = typeof v.value === 'number' ? v.value : null;
      if (typed !== null && computed !== null && Math.abs(typed - computed) >= SCORE_TOLERANCE) {
        this.checks.push({ address: cell, shown: fmt2(typed), computed: fmt2(computed) });
      }
      if (typed !== null) ind.score = roundHalfUp(typed, 2);
      return done();
    }
    if (v.kind === 'text') {
      this.issues.push(issue('scoreCellText', this.sheet, cell, { text: v.value, computed: computed === null ? '—' : fmt2(computed) }));
      return done();
    }
    const typed = v.value;
    if (computed !== null && Math.abs(typed - computed) < SCORE_TOLERANCE) return done();
    if (computed !== null && this.accept.has(cell)) {
      write();
      return done();
    }
    const value = roundHalfUp(typed, 2);
    let inBand = false;
    if (ind.method === '定性' && ind.tier && ind.weight !== null) {
      inBand = inTierBand(value, ind.weight, ind.tier, settings);
      const [lo, hi] = tierBand(ind.weight, ind.tier, settings);
      const args = { manual: fmt2(value), tier: tierName(ind.tier, settings), low: fmt2(lo), high: fmt2(hi), computed: fmt2(computed ?? 0) };
      this.issues.push(issue(inBand ? 'manualInBand' : 'manualOutOfBand', this.sheet, cell, args));
    } else {
      this.issues.push(issue('manualScore', this.sheet, cell, { manual: fmt2(value), computed: computed === null ? '—（该项无法按规则计分）' : fmt2(computed) }));
    }
    ind.manual = { value, computed, inBand };
    ind.score = value;
    return done();
  }

  /**
   * After the plan is final: formula cells that read what we write are stale until the host recalculates (one
   * 提示 naming them, no "differs" warning for them); the others that disagree with our figure are a warning each.
   * Returns the dependent formula cells, for the doors to have them recalculated.
   */
  formulas(writes: CellWrite[]): string[] {
    const written = writes.map((w) => parseA1(w.address));
    const dependent = written.length
      ? this.view.formulaCells().filter((f) => readsAny(f.formula, this.sheet, this.sheet, written)).map((f) => a1(f.row, f.col))
      : [];
    const stale = new Set(dependent);
    for (const c of this.checks) {
      if (!stale.has(c.address)) this.issues.push(issue('formulaDiffers', this.sheet, c.address, { shown: c.shown, computed: c.computed }));
    }
    if (dependent.length) {
      const shown = dependent.slice(0, 5).join('、') + (dependent.length > 5 ? ` 等 ${dependent.length} 个单元格` : '');
      this.issues.push(issue('formulasRecalculate', this.sheet, '', { cells: shown }));
    }
    return dependent;
  }
}
