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
export { restorePlan, type RestorePlan } from './writePlan';
export { percentText, roundHalfUp, sum2 } from './rounding';
export { gradeOf } from './grade';
export { severityOf, type IssueKind } from './issues';
