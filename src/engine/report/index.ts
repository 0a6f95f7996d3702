/** The 自评报告 draft (pure: no Office, no Node, no DOM). */
export {
  buildReport,
  draftReport,
  reportTitle,
  reportText,
  reportHeadLines,
  signatureLines,
  sectionText,
  REPORT_HEADINGS,
  type ReportInput,
} from './buildReport';
export type { ReportOptions } from './context';
export { checkDraft, rowStanding, type RowStanding, PENDING_TOTAL } from './consistency';
export { titleLines, printedWidth, TITLE_TAIL } from './title';
export {
  MATERIAL_SHEET,
  materialFields,
  readMaterialSheet,
  materialSheetRows,
  fieldOfLabel,
  hasMaterial,
  type MaterialField,
  type MaterialKey,
} from './materialSheet';
export { formatAmount, formatRate, formatPoints, gradePhrase, formatNumber } from './format';
