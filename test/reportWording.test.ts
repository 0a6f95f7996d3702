/** The 自评报告 draft's wording follows what happened: every row met, 良, 中 and 差, the budget, fund sources, placeholders. */
import { buildReport, reportText } from '../src/engine/report';
import type { Evaluation } from '../src/engine/types';
import { allMetRows, FULL_MATERIAL, gradeGoodRows, HAIZHU_ROWS, makeEvaluation, type RowSpec } from './fixtures/reportFixtures';
import { REFERENCE_HEADINGS, conclusion, items, management, measures, performance, problems, rows, section } from './helpers/reportSections';

describe('the text follows what happened', () => {
  test('every indicator met: no shortfall named, standing problems each with a measure', () => {
    const r = buildReport(makeEvaluation({ rows: allMetRows(), problems: '', measures: '' }));
    expect(reportText(r)).not.toContain('未达到年度指标值');
    expect(performance(r)).toContain('均已达到100%预期实现值');
    expect(management(r)).toContain('各项指标均已达到预期实现值');
    expect(section(r, '（五）')).toContain('以上年度关键指标均已达到100%预期实现值');
    expect(problems(r)).toContain('各项绩效指标完成较好');
    expect(items(problems(r)).length).toBeGreaterThanOrEqual(2);
    expect(items(measures(r)).length).toBe(items(problems(r)).length);
    expect(section(r, '（二）年度总体工作')).toContain('年度各项重点工作任务圆满完成');
  });

  test('graded 良 with three rows losing points, one without a reason: two themes', () => {
    const r = buildReport(makeEvaluation({ rows: gradeGoodRows(), problems: '', measures: '' }), FULL_MATERIAL);
    expect(conclusion(r)).toContain('自评结果为88.76分，达到“良”等级');
    expect(conclusion(r)).toContain('仍有3项指标未达到年度指标值');
    expect(conclusion(r)).not.toContain('较为理想');
    const p = items(problems(r));
    const m = items(measures(r));
    expect(p).toHaveLength(2);
    expect(m).toHaveLength(2);
    // 产出: the two 履职效能 rows, their reasons cited by what caused them
    expect(p[0]).toContain('“代表建议按期办复率”、“人大代表履职培训班举办次数”未达到年度指标值');
    expect(p[0]).toContain('主要受跨部门协调影响');
    expect(m[0]).toContain('加强与相关单位的沟通协调');
    // 绩效监控: the row's own 改进措施 answers it; its cause is cited, its measure is not told as a cause
    expect(p[1]).toContain('“绩效监控开展情况”未达到年度指标值，主要原因是部分项目监控不及时');
    expect(p[1]).not.toContain('季度');
    expect(m[1]).toContain('建立季度监控台账');
    // the row without a reason: a placeholder where its reason goes, in 二（二）
    expect(performance(r)).toContain('“人大代表履职培训班举办次数”年度指标值为不低于2次，实际完成1次，得5分（分值10分），主要原因是【请填写：偏差原因】');
    expect(performance(r)).toContain('共设置5项三级指标，其中3项达到年度指标值，2项未达到年度指标值');
    expect(section(r, '（二）年度总体工作')).toContain('年度重点工作任务总体完成，部分指标未达到年度指标值');
  });

  test('grades 中 and 差 have their own wording', () => {
    const mid = rows((x) => (x.level1.startsWith('履职') ? { ...x, actual: '0', score: 3 } : x));
    const r1 = buildReport(makeEvaluation({ rows: mid }));
    expect(conclusion(r1)).toContain('达到“中”等级');
    expect(conclusion(r1)).toContain('完成情况一般');
    const bad = rows((x) => ({ ...x, actual: '0', score: x.weight / 2 }));
    const r2 = buildReport(makeEvaluation({ rows: bad }));
    expect(conclusion(r2)).toContain('达到“差”等级');
    expect(conclusion(r2)).toContain('未达到预期');
    // 预算完成率 scored half but its rate is 100%: met with points deducted, not one of those 未达到.
    expect(conclusion(r2)).toContain('有13项指标未达到年度指标值');
  });

  test('budget completion below 90 % is said in （四） and becomes a problem with a measure', () => {
    const ev = makeEvaluation({
      sources: [{ name: '财政拨款（一般公共预算）', initial: 3000, annual: 3000, executed: 2400 }],
      shortfallReason: '部分采购项目延至下年度实施',
    });
    const r = buildReport(ev);
    const income = section(r, '（四）');
    expect(income).toContain('收入3000.00万元，支出2400.00万元');
    expect(income).toContain('财政拨款资金预算完成率为80%，低于90%，预算执行进度有待加快，主要原因是部分采购项目延至下年度实施');
    const p = items(problems(r));
    const m = items(measures(r));
    // The sheet's own 支出进度 problem leads; the low rate and 支出进度率 are cited under it, with both causes.
    const i = p.findIndex((x) => x.includes('部门整体支出预算完成率低于90%'));
    expect(p[i]).toContain('个别项目支出进度不均衡。部门整体支出预算完成率低于90%，“支出进度率”未达到年度指标值');
    expect(p[i]).toContain('主要受政府采购流程、部分工作延期实施等因素影响');
    expect(m[i]).toContain('项目计划调整时及时调整预算和绩效目标');
  });

  test('a budget row that lost points carries the sheet’s 未能完成原因, said once', () => {
    const lost = rows((x) => (x.name === '预算完成率' ? { ...x, score: 8 } : x));
    const ev = makeEvaluation({
      rows: lost,
      sources: [{ name: '财政拨款（一般公共预算）', initial: 3000, annual: 3000, executed: 2400 }],
      shortfallReason: '部分采购项目延至下年度实施',
    });
    const r = buildReport(ev);
    const p = items(problems(r));
    const budget = p.filter((x) => x.includes('预算完成率'));
    expect(budget).toHaveLength(1);
    expect(budget[0]).toContain('“预算完成率”、“支出进度率”未达到年度指标值，主要受政府采购流程、部分工作延期实施等因素影响');
    // Without the sheet's problems, the theme is headed by what the rows show.
    const own = problems(buildReport({ ...ev, table: { ...ev.table!, footer: { ...ev.table!.footer, problems: '', measures: '' } } }));
    expect(own).toContain('也存在不足：预算执行率有待提高，年内预算支出进度不够均衡。“预算完成率”、“支出进度率”未达到年度指标值');
    expect(management(r)).toContain('“预算完成率”年度指标值为100%，实际完成80%，得8分（分值10分），主要原因是部分采购项目延至下年度实施');
    expect(reportText(r).split('年度指标值为100%，实际完成80%')).toHaveLength(2);
  });

  test('the words agree with the rate as shown: 99.999 % is 100%, 89.999 % is 90%', () => {
    const near = (executed: number) =>
      buildReport(makeEvaluation({ sources: [{ name: '财政拨款', initial: 100000, annual: 100000, executed }] }));
    expect(section(near(99999), '（四）')).toContain('预算完成率达100%，预算完成情况较好');
    const r = near(89999);
    expect(section(r, '（四）')).toContain('预算完成率达90%，预算完成情况良好');
    expect(problems(r)).not.toContain('预算执行进度有待加快');
  });

  test('several fund sources: each named with its amounts and rate', () => {
    const r = buildReport(
      makeEvaluation({
        sources: [
          { name: '财政拨款（一般公共预算）', initial: 3000, annual: 3410.44, executed: 3410.44 },
          { name: '政府性基金预算', initial: 200, annual: 200, executed: 150 },
          { name: '其他资金', initial: 0, annual: 0, executed: 0 },
        ],
      }),
    );
    const income = section(r, '（四）');
    expect(income).toContain('本年度部门整体年初预算数为3200.00万元，年内调增410.44万元（增长12.83%），全年预算数为3610.44万元。');
    expect(income).toContain('本年度部门整体收入3610.44万元，支出3560.44万元');
    expect(income).toContain('一般公共预算收入3410.44万元（年初预算数3000.00万元，年内调增410.44万元），支出3410.44万元，预算完成率达100%');
    expect(income).toContain('政府性基金预算收入200.00万元，支出150.00万元，预算完成率为75%');
    expect(income).toContain('部门整体支出预算完成率达98.62%');
    expect(income).not.toContain('其他资金');
  });

  test('基本支出 and 项目支出 rows are told as the spending’s structure, not as fund sources', () => {
    const r = buildReport(
      makeEvaluation({
        sources: [
          { name: '财政拨款（一般公共预算）', initial: 3280, annual: 3410.44, executed: 3410.44 },
          { name: '其中：基本支出', initial: 2000, annual: 2100, executed: 2100, sub: true },
          { name: '其中：项目支出', initial: 1280, annual: 1310.44, executed: 1310.44, sub: true },
        ],
      }),
    );
    const income = section(r, '（四）');
    expect(income).toContain('本年度一般公共预算收入3410.44万元，支出3410.44万元');
    expect(income).toContain('从支出结构看，基本支出全年预算数2100.00万元，支出2100.00万元，占61.58%，预算完成率达100%；项目支出全年预算数1310.44万元，支出1310.44万元，占38.42%，预算完成率达100%。');
  });

  test('a budget not changed during the year says so; no 年初预算数, no story', () => {
    const same = buildReport(makeEvaluation({ sources: [{ name: '财政拨款', initial: 3000, annual: 3000, executed: 2950 }] }));
    expect(section(same, '（四）')).toContain('本年度财政拨款年初预算数与全年预算数均为3000.00万元，年内未作调整。');
    const cut = buildReport(makeEvaluation({ sources: [{ name: '财政拨款', initial: 3000, annual: 2700, executed: 2700 }] }));
    expect(section(cut, '（四）')).toContain('年内调减300.00万元（减少10%），全年预算数为2700.00万元');
  });

  test('amounts in 元 are converted to 万元', () => {
    const r = buildReport(
      makeEvaluation({ unit: '元', sources: [{ name: '财政拨款', initial: 32800000, annual: 34104400, executed: 34104400 }] }),
    );
    expect(section(r, '（四）')).toContain('财政拨款收入3410.44万元，支出3410.44万元');
    expect(section(r, '（四）')).not.toContain('34104400');
  });

  test('lost rows with no reason and no sheet problems: themes from the rows, placeholders for the reasons', () => {
    const noReasons = gradeGoodRows().map((x) => ({ ...x, reason: '' }));
    const r = buildReport(makeEvaluation({ rows: noReasons, problems: '', measures: '' }));
    const p = items(problems(r));
    expect(p).toHaveLength(2);
    expect(problems(r)).not.toContain('主要原因');
    expect(reportText(r).split('【请填写：偏差原因】')).toHaveLength(4);
    const m = items(measures(r));
    expect(m).toHaveLength(2);
    expect(m[0]).toContain('建立任务台账和办理时限提醒机制');
    expect(m[1]).toContain('加强绩效运行全程监控');
  });

  test('scores not final (a row unscored): placeholders for total and grade, no provisional grade, no 总体完成', () => {
    const partial = rows((x) => (x.name === '代表建议按期办复率' ? { ...x, actual: '约100', score: null } : x));
    const ev = makeEvaluation({ rows: partial });
    const r = buildReport(ev);
    expect(ev.results!.complete).toBe(false);
    expect(conclusion(r)).toBe('按照《部门整体支出绩效自评表》的评价指标，2023年本部门整体支出绩效自评结果为【待表格无错误后生成：总分、等级】。');
    expect(reportText(r)).not.toMatch(/暂定|总体完成|圆满完成|“优”等级|尚无法计分|无法识别/);
    expect(performance(r)).toContain('履职效能指标分值50分，自评得分【待表格无错误后生成：得分】');
    expect(performance(r)).toContain('“代表建议按期办复率”【待表格无错误后生成：完成情况】');
  });

  test('a table with errors but every row scored: still no total and no grade', () => {
    const ev = makeEvaluation();
    ev.issues = [{ severity: '错误', kind: 'amountUnreadable', cell: '部门整体支出绩效自评表!E10', message: 'E10：全年执行数“—”无法识别为数值。' }];
    const r = buildReport(ev);
    expect(conclusion(r)).toContain('【待表格无错误后生成：总分、等级】');
    expect(reportText(r)).not.toContain('“优”等级');
  });

  test('other level-1 names are analysed under the nearest heading', () => {
    const other: RowSpec[] = [
      { level1: '产出指标', level2: '数量指标', name: '培训人次', weight: 40, target: '≥100人次', actual: '90人次', score: 36, reason: '疫情影响' },
      { level1: '效益指标', level2: '社会效益', name: '服务覆盖率', weight: 30, target: '≥90%', actual: '95%', score: 30 },
      { level1: '过程指标', level2: '资金管理', name: '资金使用合规性', weight: 30, target: '合规', actual: '合规', score: 30 },
    ];
    const r = buildReport(makeEvaluation({ rows: other }));
    expect(performance(r)).toContain('产出指标分值40分，自评得分36分');
    expect(performance(r)).not.toContain('指标指标');
    expect(performance(r)).toContain('效益指标分值30分');
    expect(performance(r)).toContain('“培训人次”年度指标值为不低于100人次，实际完成90人次');
    expect(management(r)).toContain('过程指标分值30分');
    expect(section(r, '（五）')).toContain('本年度绩效管理工作中，资金使用合规性已达到100%预期实现值');
  });

  test('texts wrapped inside their cells read as one line', () => {
    const wrapped = rows((x) =>
      x.name === '支出进度率'
        ? { ...x, level2: '预算\n执行', name: '支出\n进度率', reason: '个别项目受政府采购流程影响\n支出进度不均衡\n下一步加强支出进度跟踪管理' }
        : x,
    );
    const r = buildReport(makeEvaluation({ rows: wrapped }));
    expect(r.sections.every((s) => s.paragraphs.every((p) => !p.includes('\n')))).toBe(true);
    expect(management(r)).toContain('“支出进度率”年度指标值为不低于90%，实际完成54%');
    expect(management(r)).toContain('主要原因是个别项目受政府采购流程影响；支出进度不均衡');
    expect(items(measures(r)).some((m) => m.includes('支出进度跟踪管理'))).toBe(true);
  });

  test('weights that do not add up to 100 are an issue, not a sentence of the report', () => {
    const r = buildReport(makeEvaluation({ rows: HAIZHU_ROWS.slice(1) }));
    expect(reportText(r)).not.toMatch(/分值合计|不一致|请核实/);
  });

  test('no table found: a skeleton asking for every section', () => {
    const ev: Evaluation = { found: false, searched: [], issues: [], settings: makeEvaluation().settings };
    const r = buildReport(ev);
    expect(r.sections.map((s) => s.heading)).toEqual(REFERENCE_HEADINGS);
    expect(section(r, '（一）自评结论')).toContain('【请填写');
  });
});
