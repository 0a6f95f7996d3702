/** The consistency rules (src/engine/report/consistency.ts): how a row stands, and the checker of a finished draft. */
import { buildReport, checkDraft, PENDING_TOTAL, rowStanding } from '../src/engine/report';
import { scoresPending, spendingProgressLost, targetMet } from '../src/engine/report/consistency';
import type { IndicatorResult, Issue, Report } from '../src/engine/types';
import { HAIZHU_ROWS, makeEvaluation, type RowSpec } from './fixtures/reportFixtures';

function row(over: Partial<IndicatorResult>): IndicatorResult {
  const base = makeEvaluation().results!.indicators[0];
  return { ...base, ...over };
}

const numeric = (comparator: '>=' | '<=' | '=' | '>' | '<', target: number, actual: number) => ({ comparator, stated: true, target, actual, unit: '%' });

describe('how a row stands', () => {
  test('numeric rows: met by the comparator the engine read', () => {
    expect(targetMet(row({ reading: numeric('>=', 95, 96) }))).toBe(true);
    expect(targetMet(row({ reading: numeric('>=', 95, 90) }))).toBe(false);
    expect(targetMet(row({ reading: numeric('<=', 5, 5) }))).toBe(true);
    expect(targetMet(row({ reading: numeric('<=', 5, 6) }))).toBe(false);
    expect(targetMet(row({ reading: numeric('=', 0, 0) }))).toBe(true);
    expect(targetMet(row({ reading: numeric('=', 0, 1) }))).toBe(false);
    expect(targetMet(row({ reading: numeric('>', 90, 90) }))).toBe(false);
  });

  test('a manual 9 of 10 on 达成年度指标 is met with points deducted, not short', () => {
    const manual = row({ method: '定性', reading: null, tier: 'met', weight: 10, score: 9, lostPoints: true, actualText: '达成年度指标' });
    expect(rowStanding(manual)).toBe('deducted');
    expect(rowStanding({ ...manual, tier: 'partial', actualText: '部分达成年度指标并具有一定效果' })).toBe('short');
    // Without a tier (an older reading), the words decide; lower words win.
    expect(rowStanding({ ...manual, tier: null })).toBe('deducted');
    expect(rowStanding({ ...manual, tier: null, actualText: '基本达到' })).toBe('short');
  });

  test('full score is met; no score is unscored', () => {
    expect(rowStanding(row({ lostPoints: false }))).toBe('met');
    expect(rowStanding(row({ score: null, lostPoints: false }))).toBe('unscored');
  });
});

describe('what the results allow', () => {
  const error: Issue = { severity: '错误', kind: 'actualUnreadable', cell: 'S!F16', message: 'F16：…' };
  const warning: Issue = { ...error, severity: '警告' };

  test('scores are pending with an error, or with a row not scored; a warning does not', () => {
    const r = makeEvaluation().results!;
    expect(scoresPending(r, [])).toBe(false);
    expect(scoresPending(r, [warning])).toBe(false);
    expect(scoresPending(r, [error])).toBe(true);
    expect(scoresPending({ ...r, complete: false }, [])).toBe(true);
  });

  test('the spending progress is lost when 支出进度率 (or the budget rate row) lost points', () => {
    expect(spendingProgressLost(makeEvaluation().results!)).toBe(true);
    const met = HAIZHU_ROWS.map((x): RowSpec => (x.name === '支出进度率' ? { ...x, actual: '95%', score: 5 } : x));
    expect(spendingProgressLost(makeEvaluation({ rows: met }).results!)).toBe(false);
  });
});

describe('checkDraft reads a finished draft against the rules', () => {
  const ev = makeEvaluation();
  const good = buildReport(ev);
  /** The draft with one paragraph of section `i` replaced. */
  const withParagraph = (i: number, text: string): Report => ({
    ...good,
    sections: good.sections.map((s, k) => (k === i ? { ...s, paragraphs: [text] } : s)),
  });

  test('the example’s draft is sound', () => {
    expect(checkDraft(good, ev.results!, ev.issues)).toEqual([]);
  });

  test('a met row called 未达到, alone or in a list of names', () => {
    const one = withParagraph(10, '“绩效监控开展情况”未达到年度指标值。');
    expect(checkDraft(one, ev.results!, [])).toContain('“绩效监控开展情况”已达到年度指标值，却被写为未达到');
    const list = withParagraph(10, '“支出进度率”、“绩效结果应用”未达到年度指标值。');
    expect(checkDraft(list, ev.results!, [])).toContain('“绩效结果应用”已达到年度指标值，却被写为未达到');
    expect(checkDraft(list, ev.results!, []).join()).not.toContain('“支出进度率”已达到');
  });

  test('the spending progress called reasonable while 支出进度率 lost points', () => {
    const r = withParagraph(4, '本年度一般公共预算收入3410.44万元，支出3410.44万元，收支规模、支出进度处于合理水平。');
    expect(checkDraft(r, ev.results!, [])).toContain('支出进度类指标扣分，却称支出进度合理');
  });

  test('completion, a grade or a provisional grade while the table has errors; the placeholder missing', () => {
    const errors: Issue[] = [{ severity: '错误', kind: 'weightUnreadable', cell: 'S!D15', message: 'D15：…' }];
    const found = checkDraft(withParagraph(2, '年度重点工作任务总体完成。'), ev.results!, errors);
    expect(found).toContain('尚有指标未计分或表格有错误，却称工作总体完成');
    expect(found).toContain('表格有错误或尚有指标未计分，却给出等级');
    expect(found).toContain(`总分和等级未以“${PENDING_TOTAL}”留待生成`);
  });

  test('notes to the user, a sentence said twice, a space around a figure', () => {
    expect(checkDraft(withParagraph(7, '本表指标分值合计为85分，与规定的100分不一致，请核实指标分值设置。'), ev.results!, []).join()).toContain('写给填表人的提示');
    expect(checkDraft(withParagraph(5, '以上年度关键指标中，0项已达到预期实现值。'), ev.results!, []).join()).toContain('写给填表人的提示');
    const twice = withParagraph(8, '各项工作任务绩效目标均已达到预期。各项工作任务绩效目标均已达到预期。');
    expect(checkDraft(twice, ev.results!, [])).toContain('句子重复：“各项工作任务绩效目标均已达到预期”');
    expect(checkDraft(withParagraph(7, '自评结果为 98 分。'), ev.results!, []).join()).toContain('数字与汉字之间有空格');
  });
});
