/**
 * Public surface of the engine (pure TypeScript: no Office, no Node). Doors import only this file: lint says so.
 */
export * from './grid';
export * from './types';
export * from './settings';
export * from './store';
export * from './evaluate';
export * from './calculate';
export * from './restore';
export * from './reportSheet';
export * from './report';
export { MESSAGES } from './messages';
export { dependentFormulas } from './formulas';
export { formulaRefs, shiftFormula, type FormulaRef } from './formulaRefs';
export { restorePlan } from './writePlan';
export { percentText, roundHalfUp } from './rounding';
export type { IssueKind } from './issues';
