/** Public surface of the engine (pure TypeScript: no Office, no Node). */
export * from './grid';
export * from './types';
export * from './settings';
export * from './store';
export * from './evaluate';
export * from './reportSheet';
export * from './report';
export { restorePlan, type RestorePlan } from './writePlan';
export { percentText, roundHalfUp } from './rounding';
export { gradeOf } from './grade';
