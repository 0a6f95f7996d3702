/** The fake Office.js host (no Node imports): the in-memory workbook and the Office/Excel globals over it. */
export * from './model';
export * from './office';
export * from './commands';
