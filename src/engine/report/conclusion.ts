/** 二（一）自评结论: total, grade, subtotals; provisional when some rows could not be scored. */
import type { ReportContext } from './context';
import { lostRows, unscoredRows, whyUnscored } from './context';
import { groupTitle } from './groups';
import { formatPoints, gradePhrase, points, quotedList } from './format';
import { SCORE_TOLERANCE } from '../tolerance';

const BASIS = '按照《部门整体支出绩效自评表》的评价指标';

/** What the grade says about the year, by the grade's first character (优/良/中/差). */
function gradeComment(ctx: ReportContext): string {
  const y = ctx.year;
  const n = lostRows(ctx).length;
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

function finalConclusion(ctx: ReportContext): string {
  const r = ctx.results;
  return `${BASIS}，${ctx.year}年本部门整体支出绩效自评结果为 ${formatPoints(r.total)}，达到${gradePhrase(r.grade)}。${gradeComment(ctx)}`;
}

/** Said plainly: the score is provisional, and which rows are missing from it. */
function provisionalConclusion(ctx: ReportContext): string {
  const r = ctx.results;
  const missing = unscoredRows(ctx);
  const grade = r.grade ? `，暂定为${gradePhrase(r.grade)}` : '';
  const names = missing.map((m) => {
    const why = whyUnscored(ctx, m);
    return `${quotedList([m.name])}${why ? `（${why}）` : ''}`;
  });
  return (
    `${BASIS}，${ctx.year}年本部门整体支出绩效自评已计分指标合计得分为 ${formatPoints(r.total)}${grade}。` +
    `由于${names.join('、')}${missing.length > 1 ? `共${missing.length}项指标` : ''}尚无法计分，上述得分和等级为暂定结果，` +
    '待补充完善相关数据并重新计算后确定。'
  );
}

function subtotalSentence(ctx: ReportContext): string | null {
  if (!ctx.groups.length) return null;
  const parts = ctx.groups.map((g) => `${groupTitle(g)}分值${points(g.weight)}，得分${points(g.score)}`);
  return `其中，${parts.join('；')}。`;
}

function weightNote(ctx: ReportContext): string | null {
  const sum = ctx.results.weightSum;
  if (Math.abs(sum - ctx.weightTotal) < SCORE_TOLERANCE) return null;
  return `本表指标分值合计为${points(sum)}，与规定的${points(ctx.weightTotal)}不一致，请核实指标分值设置。`;
}

export function conclusionParagraphs(ctx: ReportContext): string[] {
  const first = ctx.results.complete && unscoredRows(ctx).length === 0 ? finalConclusion(ctx) : provisionalConclusion(ctx);
  return [first + (subtotalSentence(ctx) ?? ''), weightNote(ctx)].filter((p): p is string => Boolean(p));
}
