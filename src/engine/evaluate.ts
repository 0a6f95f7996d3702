/** The engine's entry point: sheets in, evaluation out. */
import type { SheetGrid } from './grid';
import type { Settings } from './settings';
import type { Evaluation, WriteRecord } from './types';

export interface EvaluateOptions {
  /** Validated settings (validateSettings); defaults when absent. */
  settings?: Settings;
  /** The record of the last calculation, read from the workbook store. */
  record?: WriteRecord | null;
  /** Name of the active sheet: preferred when several sheets qualify. */
  activeSheet?: string;
  /** 得分 cells (local addresses) whose manual score the user chose to replace by the computed one. */
  acceptComputed?: string[];
  /** ISO time stamped on the new record (the engine reads no clock). */
  now?: string;
}

export function evaluateWorkbook(sheets: SheetGrid[], options: EvaluateOptions = {}): Evaluation {
  void sheets;
  void options;
  throw new Error('not implemented yet');
}
