/** The engine's evaluation narrowed to a found table: tests of scoring need the table, not the not-found branch. */
import { evaluateWorkbook, type EvaluateOptions } from '../../src/engine/evaluate';
import type { SheetGrid } from '../../src/engine/grid';
import type { Evaluation, FoundEvaluation } from '../../src/engine/types';

export function found(e: Evaluation): FoundEvaluation {
  if (!e.found) throw new Error(`No 自评表 found: ${e.issues.map((i) => i.message).join('; ')}`);
  return e;
}

export function evaluateFound(sheets: SheetGrid[], options?: EvaluateOptions): FoundEvaluation {
  return found(evaluateWorkbook(sheets, options));
}
