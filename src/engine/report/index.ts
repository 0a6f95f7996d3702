/** The 自评报告 draft (pure: no Office, no Node, no DOM). */
export { buildReport, reportTitle, reportText, sectionText, REPORT_HEADINGS } from './buildReport';
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
