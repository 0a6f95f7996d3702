/**
 * What a door tells the user about a calculation or a restore, in one catalogue: the add-in, the WPS add-in and
 * the command line say the same thing in the same words. Host failures (Office error codes, file system errors)
 * are the doors' own messages.
 */
import type { SheetSearch } from './types';

function searchedList(searched: SheetSearch[]): string {
  const lines = searched.map((s) => (s.missing.length ? `“${s.sheet}”缺少${s.missing.join('、')}` : `“${s.sheet}”`));
  return lines.length ? `已查看的工作表：${lines.join('；')}。` : '工作簿中没有可查看的工作表。';
}

export const MESSAGES = {
  notFound: (searched: SheetSearch[], file?: string): string =>
    `${file ? `“${file}”中` : ''}未找到《部门整体支出绩效自评表》。${searchedList(searched)}请确认自评表中有“三级指标”“分值”“年度指标值”“得分”等表头后重试。`,
  written: (sheet: string, cells: number): string =>
    cells ? `已将计算结果写入工作表“${sheet}”的 ${cells} 个单元格。` : `工作表“${sheet}”没有需要写入的单元格。`,
  sheetProtected: (sheet: string): string =>
    `工作表“${sheet}”受保护，无法写入计算结果。请在“审阅”选项卡中点击“撤消工作表保护”后重新计算。本次未对工作簿做任何修改。`,
  storeProtected: (): string => '加载项数据工作表受保护，无法保存计算记录。本次未对工作簿做任何修改。',
  structureProtected: (what: string): string =>
    `工作簿结构受保护，无法${what}。请在“审阅”选项卡中取消“保护工作簿”后重试。本次未对工作簿做任何修改。`,
  addSheet: (name: string): string => `新增工作表“${name}”`,
  saveRecord: (): string => '保存计算记录',
  saveStore: (): string => '保存加载项数据',
  nothingToRestore: (): string => '没有可恢复的内容：本工作簿尚未写入过计算结果，或已经恢复过。',
  restoreSheetMissing: (sheet: string): string => `找不到工作表“${sheet}”（可能已被重命名或删除），无法恢复。如已改名，请改回原名后重试。`,
  restoreProtected: (sheet: string): string => `工作表“${sheet}”受保护，无法恢复。请先撤消工作表保护后重试。本次未对工作簿做任何修改。`,
  restored: (o: { sheet: string; restored: number; kept: string[]; reportRemoved: string | null; reportKept: string | null }): string => {
    const parts = [`已将工作表“${o.sheet}”中 ${o.restored} 个单元格恢复为计算前的内容。`];
    if (o.kept.length) {
      const shown = o.kept.slice(0, 5).join('、') + (o.kept.length > 5 ? ' 等' : '');
      parts.push(`${o.kept.length} 个单元格（${shown}）在计算后已被修改，保留了当前内容。`);
    }
    if (o.reportRemoved) parts.push(`已删除计算时生成的工作表“${o.reportRemoved}”。`);
    if (o.reportKept) parts.push(`工作表“${o.reportKept}”在生成后已被修改，予以保留，如不需要请手动删除。`);
    return parts.join('');
  },
  unexpected: (): string =>
    '操作未能完成，出现了意外错误。工作簿如有改动，可点击“恢复计算前内容”撤销；如问题持续，请将工作簿反馈给开发人员。',
} as const;
