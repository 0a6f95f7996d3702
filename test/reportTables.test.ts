/**
 * The draft for five tables run through the real engine (spec §7, "What a careful finance officer expects"):
 * the example (98分, 优), 良 with three rows lost, 中 with nine rows lost over both level-1 indicators and two
 * reasons missing, everything met, and a table with errors; and a manual score that keeps a met row met.
 * Each: the number of themes, no sentence twice, each lost row in detail once, placeholders, no notes to the user,
 * figures equal to the results.
 */
import { buildReport, PENDING_TOTAL, reportText } from '../src/engine/report';
import type { FoundEvaluation as Evaluation, Report } from '../src/engine/types';
import { FULL_MATERIAL } from './fixtures/reportFixtures';
import { draftProblems, lostRows, measuresOf, namesStanding, problemsOf, sectionOf } from './fixtures/reportChecks';
import { evaluateTable, type TableName } from './fixtures/reportTables';

const REASON = '【请填写：偏差原因】';

async function draft(name: TableName): Promise<{ ev: Evaluation; report: Report; text: string }> {
  const ev = await evaluateTable(name);
  const report = buildReport(ev, FULL_MATERIAL);
  return { ev, report, text: reportText(report) };
}

const rateOf = (ev: Evaluation) => ev.results!.budget.total?.rate ?? null;
const count = (text: string, piece: string) => text.split(piece).length - 1;

describe.each<[TableName, number]>([
  ['example', 3],
  ['good', 2],
  ['mid', 3],
  ['allMet', 2],
  ['errors', 3],
  ['manual', 3],
])('%s', (name, themes) => {
  test(`${themes} themes in 三, each answered by a measure in 四 at the same place`, async () => {
    const { report } = await draft(name);
    expect(problemsOf(report)).toHaveLength(themes);
    expect(measuresOf(report)).toHaveLength(themes);
  });

  test('sound: no contradiction, no sentence twice, each lost row in detail once, figures from the results, formal text', async () => {
    const { ev, report } = await draft(name);
    expect(draftProblems(report, ev, rateOf(ev))).toEqual([]);
  });
});

describe('the example (98分, 优)', () => {
  test('the reference’s figures, with no space around them', async () => {
    const { report } = await draft('example');
    expect(sectionOf(report, '（一）自评结论')).toContain('2023年本部门整体支出绩效自评结果为98分，达到“优”等级');
    const money = sectionOf(report, '（四）');
    expect(money).toContain('本年度一般公共预算收入3410.44万元，支出3410.44万元，财政拨款资金预算完成率达100%');
    // The money story: 年初 → 全年预算数, the adjustment and its size.
    expect(money).toContain('本年度一般公共预算年初预算数为3280.00万元，年内调增130.44万元（增长3.98%），全年预算数为3410.44万元。');
  });

  test('支出进度率 lost points: the spending progress is not called reasonable', async () => {
    const { report, text } = await draft('example');
    expect(text).not.toContain('支出进度处于合理水平');
    expect(sectionOf(report, '（四）')).toContain('收支规模处于合理水平，但年内支出进度不够均衡');
  });

  test('the sheet’s 存在问题 lead, in its order; 支出进度率 joins the matching one; the sheet’s 改进措施 answer them', async () => {
    const { report } = await draft('example');
    const p = problemsOf(report);
    const m = measuresOf(report);
    expect(p[0]).toContain('编制部门预算时，绩效目标、指标设定的精细化程度仍有待提高');
    expect(p[1]).toContain('个别项目支出进度不均衡。“支出进度率”未达到年度指标值，主要受政府采购流程影响');
    expect(p[2]).toContain('绩效运行监控工作还有待进一步加强');
    expect(m[0]).toContain('进一步提高预算编制的科学性');
    // The sheet's measure, then one answering the row's reason (政府采购流程); the row's own “加强支出进度跟踪管理”
    // says the same as the sheet's and is not repeated.
    expect(m[1]).toContain('加强项目支出进度跟踪管理，对可能影响预算执行的因素及时研究解决');
    expect(m[1]).toContain('提前谋划政府采购项目');
    expect(m[1]).not.toContain('；加强支出进度跟踪管理');
    expect(m[2]).toContain('加强绩效运行全程监控');
  });
});

describe('良: three rows lost', () => {
  test('grouped as 产出 (two rows) and 绩效监控 (one row), the missing reasons as placeholders', async () => {
    const { ev, report, text } = await draft('good');
    expect(ev.results!.grade).toBe('良');
    expect(sectionOf(report, '（一）自评结论')).toContain('自评结果为88.76分，达到“良”等级');
    const [output, goals] = problemsOf(report);
    expect(output).toContain('部分工作任务的数量和时效未达到预期');
    // One of the two gave a reason: it is not lent to the other.
    expect(output).toContain('“代表建议按期办复率”、“人大代表履职培训班举办次数”未达到年度指标值，其中“代表建议按期办复率”主要受跨部门协调影响');
    expect(goals).toContain('“绩效监控开展情况”');
    expect(count(text, REASON)).toBe(2);
    const [m1, m2] = measuresOf(report);
    expect(m1).toContain('加强与相关单位的沟通协调');
    expect(m2).toContain('加强绩效运行全程监控');
  });
});

describe('中: nine rows lost over both level-1 indicators, two reasons missing', () => {
  test('three themes (产出, 绩效目标设置与监控, 支出进度), not nine items', async () => {
    const { ev, report, text } = await draft('mid');
    expect(ev.results!.grade).toBe('中');
    const lost = lostRows(ev.results!);
    expect(lost).toHaveLength(9);
    expect(new Set(lost.map((r) => r.level1)).size).toBe(2);
    const p = problemsOf(report);
    expect(p[0]).toContain('部分工作任务');
    expect(p[1]).toContain('绩效运行监控');
    expect(p[2]).toContain('年内预算支出进度不够均衡');
    for (const r of lost) expect(p.filter((x) => x.includes(`“${r.name}”`))).toHaveLength(1);
    // The row without a reason is not lent the others' reasons.
    expect(p[0]).toContain('除“人大代表履职培训班举办次数”外，其余指标主要受政策和上级工作安排调整、部分工作延期实施、跨部门协调等因素影响');
    expect(count(text, REASON)).toBe(2);
    expect(sectionOf(report, '（二）年度总体工作')).toContain('年度重点工作任务完成情况有待提升');
  });

  test('each measure answers its theme: no standard sentence repeated for each row', async () => {
    const { report } = await draft('mid');
    const [output, goals, progress] = measuresOf(report);
    expect(output).toContain('建立任务台账和办理时限提醒机制');
    expect(goals).toContain('强化绩效评价结果应用');
    expect(progress).toContain('加强支出进度跟踪管理');
    expect(reportText(report)).not.toContain('确保下一年度完成年度指标值');
  });
});

describe('everything met', () => {
  test('nothing is 未达到; the year’s work is 圆满完成; the reference’s standing problems', async () => {
    const { report, text } = await draft('allMet');
    expect(text).not.toContain('未达到');
    expect(sectionOf(report, '（二）年度总体工作')).toContain('年度各项重点工作任务圆满完成');
    expect(sectionOf(report, '（一）自评结论')).toContain('自评结果为100分，达到“优”等级');
    expect(problemsOf(report)[0]).toContain('精细化程度');
  });
});

describe('a table with errors', () => {
  test('total and grade are placeholders; no grade, no provisional grade, no 总体完成; the data problems are not told', async () => {
    const { ev, report, text } = await draft('errors');
    expect(ev.issues.filter((i) => i.severity === '错误')).toHaveLength(2);
    expect(sectionOf(report, '（一）自评结论')).toBe(`按照《部门整体支出绩效自评表》的评价指标，2023年本部门整体支出绩效自评结果为${PENDING_TOTAL}。`);
    expect(text).not.toMatch(/“[优良中差]”等级|暂定|总体完成|圆满完成/);
    expect(text).not.toMatch(/约100|无法识别|未计分|分值合计/);
    // The rows that could not be scored are named with a placeholder where their outcome will go.
    expect(sectionOf(report, '（二）履职效能分析')).toContain('“专题审议、专题调研、专项监督计划完成率”、“代表建议按期办复率”【待表格无错误后生成：完成情况】');
    expect(namesStanding(ev.results!, 'unscored')).toHaveLength(2);
  });
});

describe('a manual score inside the 达成 tier', () => {
  test('the row met its target: told as met with points deducted, never 未达到', async () => {
    const { ev, report } = await draft('manual');
    expect(namesStanding(ev.results!, 'deducted')).toEqual(['绩效监控开展情况']);
    expect(sectionOf(report, '（三）管理效率分析')).toContain('“绩效监控开展情况”年度指标值为“按要求开展”，实际完成情况为“达成年度指标”，达到年度指标值，按评分标准得4.5分（分值5分）');
    expect(problemsOf(report)[2]).toContain('“绩效监控开展情况”达到年度指标值但按评分标准有所扣分');
  });
});
