/**
 * 二（一）自评结论: total, grade, subtotals. While the table has errors or rows are not scored, the total and the
 * grade are a placeholder (never a provisional grade); why they are pending is for the pane and the command line.
 */
import type { ReportContext } from './context';
import { rowsStanding } from './context';
import { PENDING_TOTAL } from './consistency';
import { groupTitle } from './groups';
import { formatPoints, gradePhrase, points } from './format';

const BASIS = '按照《部门整体支出绩效自评表》的评价指标';

/** What the grade says about the year, by the grade's first character (优/良/中/差). */
function gradeComment(ctx: ReportContext): string {
  const y = ctx.year;
  const n = rowsStanding(ctx, 'short').length;
  const shortfall = n ? `，但仍有${n}项指标未达到年度指标值` : '';
  switch (ctx.results.grade.charAt(0)) {
    case '优':
      return `较好完成了${y}年履行职能职责和各项重点工作任务，整体支出和项目（政策）绩效情况较为理想。`;
    case '良':
      return `基本完成了${y}年履行职能职责和重点工作任务，整体支出绩效情况总体良好${shortfall}，绩效管理水平有待进一步提升。`;
    case '中':
      return `${y}年履行职能职责和重点工作任务完成情况一般${n ? `，有${n}项指标未达到年度指标值` : ''}，整体支出绩效有待进一步提升。`;
    case '差':
      return `${y}年整体支出绩效未达到预期${n ? `，有${n}项指标未达到年度指标值` : ''}，需认真分析原因，切实加以整改。`;
    default:
      return '';
  }
}

function subtotalSentence(ctx: ReportContext): string {
  if (!ctx.groups.length) return '';
  const parts = ctx.groups.map((g) => `${groupTitle(g)}分值${points(g.weight)}，得分${points(g.score)}`);
  return `其中，${parts.join('；')}。`;
}

export function conclusionParagraphs(ctx: ReportContext): string[] {
  const lead = `${BASIS}，${ctx.year}年本部门整体支出绩效自评结果为`;
  if (ctx.pending) return [`${lead}${PENDING_TOTAL}。`];
  const r = ctx.results;
  return [`${lead}${formatPoints(r.total)}，达到${gradePhrase(r.grade)}。${gradeComment(ctx)}${subtotalSentence(ctx)}`];
}
