/**
 * The report, its material and its export, from the report module (src/engine/report, src/export/docx).
 * TEMPORARY: until that module lands this file holds a stand-in, so that the door can be built and tested.
 */
import type { SheetGrid } from '../engine/grid';
import type { Evaluation, Report, ReportMaterial } from '../engine/types';

export const MATERIAL_SHEET = '报告素材';

export function readMaterialSheet(grid: SheetGrid): ReportMaterial {
  void grid;
  return {};
}

export function buildReport(evaluation: Evaluation, material: ReportMaterial | null): Report {
  void material;
  const r = evaluation.results;
  return {
    title: `${evaluation.table?.unitName ?? ''}${evaluation.table?.year ?? ''}年度部门整体支出绩效自评报告`,
    sections: [
      { heading: '二、绩效自评情况', level: 1, paragraphs: [] },
      { heading: '（一）自评结论', level: 2, paragraphs: [r ? `自评得分${r.total.toFixed(2)}分，等级为“${r.grade}”。` : ''] },
    ],
  };
}

export async function reportToDocx(report: Report): Promise<Uint8Array> {
  void report;
  throw new Error('docx export not available yet');
}
