/**
 * The 报告素材 sheet: the material the table does not hold, two columns (label, text), entered once and kept
 * in the workbook for next year. The command line reads it; the pane's form uses the same fields.
 */
import type { CellValue, SheetGrid } from '../grid';
import type { ReportMaterial } from '../types';

export const MATERIAL_SHEET = '报告素材';

export type MaterialKey = keyof ReportMaterial;

export interface MaterialField {
  key: MaterialKey;
  /** The label written in the sheet and shown in the pane. */
  label: string;
  /** Other labels accepted when reading. */
  aliases: string[];
  /** What to write, for the pane's form. */
  hint: string;
}

export const materialFields: MaterialField[] = [
  { key: 'functions', label: '部门职能', aliases: ['主要职能', '职能职责', '部门主要职能'], hint: '部门的法定职责，可分条填写。' },
  { key: 'organisation', label: '机构设置', aliases: ['内设机构', '机构情况', '机构设置情况'], hint: '内设机构、下属单位及人员编制情况。' },
  {
    key: 'annualWork',
    label: '年度总体工作目标',
    aliases: ['年度总体工作', '本年度总体工作目标', '总体工作', '总体工作目标'],
    hint: '本年度总体工作目标。',
  },
  { key: 'keyTasks', label: '年度重点工作任务', aliases: ['重点工作任务', '本年度重点工作任务', '重点工作'], hint: '本年度重点工作任务，可按“一是…二是…”填写。' },
  {
    key: 'performanceGoal',
    label: '部门整体支出绩效目标',
    aliases: ['整体支出绩效目标', '绩效目标', '部门整体绩效目标'],
    hint: '不填写时采用自评表中的“年度整体绩效目标”。',
  },
  {
    key: 'managementNotes',
    label: '绩效管理情况',
    aliases: ['部门整体绩效管理情况', '绩效管理', '绩效管理工作情况'],
    hint: '绩效管理工作的补充说明，附在自动生成的内容之后。',
  },
  {
    key: 'attachmentLabel',
    label: '附件标签',
    aliases: ['附件', '附件序号', '附件编号'],
    hint: '报告作为附件报送时填写，如“附件2”，排在报告左上角；不作为附件时不填。',
  },
  {
    key: 'reportDate',
    label: '成文日期',
    aliases: ['落款日期', '报告日期', '日期'],
    hint: '落款日期，如“2024年3月15日”；须为自评年度的次年，否则报告中留待填写。',
  },
];

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined || typeof v === 'boolean') return '';
  return String(v).trim();
}

/** Label as compared: no spaces, no colon, no trailing note in brackets, no leading numbering. */
function labelKey(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/^[一二三四五六七八九十\d]+[、.．]/, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/[:：]$/, '');
}

export function fieldOfLabel(label: string): MaterialField | null {
  const k = labelKey(label);
  if (!k) return null;
  return materialFields.find((f) => f.label === k || f.aliases.includes(k)) ?? null;
}

/**
 * Reads the sheet: a row whose first filled cell is a known label gives that field the texts to its right;
 * a row with an empty label continues the field above (a further paragraph). Unknown rows (a header such as
 * 项目 / 内容) are skipped.
 */
export function readMaterialSheet(grid: SheetGrid): ReportMaterial {
  const out: Partial<Record<MaterialKey, string[]>> = {};
  let current: MaterialKey | null = null;
  for (const row of grid.values) {
    const cells = row.map(text);
    const first = cells.findIndex((c) => c !== '');
    if (first < 0) continue;
    const field = fieldOfLabel(cells[first]);
    if (field) current = field.key;
    else if (first === 0) {
      current = null;
      continue;
    }
    const texts = cells.slice(field ? first + 1 : first).filter((c) => c !== '');
    if (!current || !texts.length) continue;
    (out[current] ??= []).push(...texts);
  }
  const material: ReportMaterial = {};
  for (const f of materialFields) {
    const paras = out[f.key];
    if (paras && paras.length) material[f.key] = paras.join('\n');
  }
  return material;
}

/** The sheet's rows for the material (header first), so that a door can write it and read it back. */
export function materialSheetRows(material: ReportMaterial): string[][] {
  return [['项目', '内容'], ...materialFields.map((f) => [f.label, material[f.key] ?? ''])];
}

/** True when the user has given at least one field. */
export function hasMaterial(material: ReportMaterial | null | undefined): boolean {
  return Boolean(material && materialFields.some((f) => (material[f.key] ?? '').trim() !== ''));
}
