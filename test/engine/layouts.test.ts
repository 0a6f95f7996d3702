/** Other layouts of the 自评表 (spec §2): columns in any order, synonyms, merges or blanks, 元 or 万元. */
import { evaluateFound } from '../helpers/evaluate';
import { evaluateWorkbook } from '../../src/engine';
import { grid } from '../helpers/grid';
import { natureTable } from '../helpers/tables';

describe('指标性质 and 度量单位 columns with bare numbers', () => {
  const g = natureTable('自评表');
  const ev = evaluateFound([g]);

  test('reads the columns by label and scores each rule', () => {
    const r = ev.results!;
    expect(r.indicators.map((i) => [i.level1, i.level2, i.name, i.method, i.score])).toEqual([
      ['产出指标', '数量', '覆盖率', '正向', 20],
      ['产出指标', '数量', '差错率', '反向', 16],
      ['产出指标', '质量', '服务效果', '定性', 14],
      ['效益指标', '社会效益', '新建站点', '等于', 20],
      ['效益指标', '社会效益', '办结率', '正向', 18.95],
    ]);
    expect(r.total).toBe(88.95);
    expect(r.grade).toBe('良');
  });
  test('says which reading it took for the ambiguous 0.9', () => {
    const note = ev.issues.find((i) => i.kind === 'ambiguousReading')!;
    expect(note.cell).toBe('自评表!H10');
    expect(note.message).toContain('按 90% 理解');
  });
  test('writes scores in the last column, the total beside 总分 and the grade right of 等次', () => {
    const w = Object.fromEntries(ev.plan!.writes.map((x) => [x.address, x.value]));
    expect([w.J6, w.J7, w.J8, w.J9, w.J10, w.J11]).toEqual([20, 16, 14, 20, 18.95, 88.95]);
    // No merge information: the 等次 label is taken to span as far as the 总分 label does (to its first value, F11),
    // so that a grade never lands inside a merged label; F12 is the first cell right of it.
    expect(w.F12).toBe('良');
    expect(w.F11).toBeUndefined();
    expect(w.F4).toBe(1);
  });
});

describe('调整后预算数, with the budget item scored in the money block', () => {
  const g = grid('Sheet1', [
    ['部门整体支出绩效自评表'],
    ['（2024年度）'],
    ['预算部门', '', '某某区某某局'],
    ['年度资金总额（万元）', '项目', '年初预算数', '调整后预算数', '预算执行数', '执行率', '分值', '得分'],
    ['', '年度资金总额', 1000, 1200, 1080, '', 10, ''],
    ['', '财政拨款', 800, 1000, 900, '', '', ''],
    ['', '其中：一般公共预算', 800, 1000, 900, '', '', ''],
    ['', '其他资金', 200, 200, 180, '', '', ''],
    ['一级指标', '二级指标', '指标名称', '权重', '目标值', '完成值', '自评得分', '未完成原因分析'],
    ['履职效能（60分）', '工作量', '办件数量', 60, '≥1000件', '1000件', '', ''],
    ['管理效率（30分）', '管理', '制度执行', 30, '严格执行相关制度规定', '完成', '', ''],
    ['合计', '', '', { v: 90, formula: 'SUM(D10:D11)' }, '', '', '', ''],
    ['自评等级', '', '', '', '', '', '', ''],
  ]);
  const ev = evaluateFound([g]);
  test('rates per row, the total from its own row, the item scored as 分值 × min(rate, 100%)', () => {
    const r = ev.results!;
    expect(ev.table!.money!.budgetColumn).toBe('全年预算数');
    expect(r.budget.total!.rate).toBeCloseTo(0.9, 12);
    expect(r.budget.weight).toBe(10);
    expect(r.budget.score).toBe(9);
    expect(r.total).toBe(99);
    expect(r.grade).toBe('优');
    expect(r.weightSum).toBe(100);
    expect(ev.issues.filter((i) => i.kind === 'weightSum')).toEqual([]);
  });
  test('writes the rates, the money block score and the total', () => {
    const w = Object.fromEntries(ev.plan!.writes.map((x) => [x.address, x]));
    expect(w.F5.value).toBeCloseTo(0.9, 6);
    expect(w.F6.value).toBeCloseTo(0.9, 6);
    expect(w.H5).toMatchObject({ value: 9, purpose: 'budgetScore' });
    expect(w.G10.value).toBe(60);
    expect(w.G11.value).toBe(30);
    expect(w.D12).toBeUndefined();
  });
  test('sub-rows (其中：…) are not added twice into the total', () => {
    const wrong = JSON.parse(JSON.stringify(g));
    wrong.values[4][3] = 0;
    wrong.values[4][4] = 0;
    const ev2 = evaluateFound([wrong]);
    expect(ev2.results!.budget.totalComputedFromSources).toBe(true);
    expect(ev2.results!.budget.total!.annual).toBe(1200);
    expect(ev2.issues.find((i) => i.kind === 'totalMismatch')!.message).toContain('已按各资金来源之和计算');
  });
});

describe('label and value in one cell, amounts in 元, level cells left blank below', () => {
  const g = grid('附件1', [
    ['2024年度部门整体支出绩效自评表'],
    ['单位名称：某某区档案馆', '', '', '', '', '', '', ''],
    ['年度总体目标：做好档案保管利用', '', '', '', '', '', '', ''],
    ['部门整体支出规模（元）', '资金来源', '年初预算数', '全年预算数', '全年执行数', '预算完成率', '', ''],
    ['', '合计', '', '', '', '', '', ''],
    ['', '财政拨款', '1,000,000.00', 1000000, 950000, '', '', ''],
    ['', '上年结转', 0, 0, 0, '', '', ''],
    ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
    ['管理效率', '预算执行', '预算执行率', 20, '100%', '', '', '个别项目延期'],
    ['', '', '支出进度', 20, '≥90%', '95%', '', ''],
    ['履职效能', '服务', '档案利用人次', 60, '≥5000人次', '5200人次', '', ''],
    ['合计', '', '', '', '', '', '', ''],
  ]);
  const ev = evaluateFound([g]);
  test('reads 单位名称 and the goal from their own cells, and the unit 元', () => {
    expect(ev.table!.unitName).toBe('某某区档案馆');
    expect(ev.table!.goal).toBe('做好档案保管利用');
    expect(ev.table!.money!.unit).toBe('元');
    expect(ev.table!.year).toBe(2024);
  });
  test('an empty total row is computed from the sources, and said so', () => {
    expect(ev.results!.budget.totalComputedFromSources).toBe(true);
    expect(ev.results!.budget.total!.rate).toBeCloseTo(0.95, 12);
    expect(ev.issues.some((i) => i.kind === 'totalFromSources')).toBe(true);
  });
  test('blank-below level cells carry their group; the budget item uses the rate', () => {
    const r = ev.results!;
    expect(r.indicators.map((i) => [i.level1, i.level2, i.score])).toEqual([
      ['管理效率', '预算执行', 19],
      ['管理效率', '预算执行', 20],
      ['履职效能', '服务', 60],
    ]);
    expect(r.total).toBe(99);
    expect(ev.plan!.writes.find((w) => w.address === 'F9')).toMatchObject({ value: 0.95, purpose: 'budgetActual' });
    expect(ev.plan!.writes.find((w) => w.address === 'F7')).toMatchObject({ value: '—' });
  });
});

describe('merged level cells versus blank-below cells', () => {
  const rows = [
    ['部门整体支出绩效自评表（2024年度）'],
    ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
    ['履职效能（50分）', '产出', '甲', 25, '≥2次', '2次', '', ''],
    ['', '', '乙', 25, '≥2次', '1次', '', '原因'],
    ['管理效率（50分）', '管理', '丙', 50, '按要求开展', '达成年度指标', '', ''],
    ['合计', '', '', '', '', '', '', ''],
    ['自评等级', '', '', '', '', '', '', ''],
  ];
  test('give the same groups, scores and cells', () => {
    const merged = evaluateFound([grid('表', rows, ['A3:A4', 'B3:B4', 'A6:C6', 'A7:C7', 'D7:H7'])]);
    const blank = evaluateFound([grid('表', rows)]);
    for (const ev of [merged, blank]) {
      expect(ev.results!.groups).toEqual([
        { level1: '履职效能', level2: '', weight: 50, score: 37.5 },
        { level1: '管理效率', level2: '', weight: 50, score: 50 },
      ]);
      expect(ev.results!.total).toBe(87.5);
    }
    expect(merged.table!.footer.gradeCell).toBe('D7');
    expect(blank.table!.footer.gradeCell).toBe('D7');
  });
  test('a level-1 weight in its text that disagrees with its rows is an issue', () => {
    const changed = rows.map((r) => [...r]);
    changed[2][3] = 20;
    const ev = evaluateFound([grid('表', changed)]);
    expect(ev.issues.find((i) => i.kind === 'level1WeightMismatch')!.message).toContain('标注 50 分，其下各项分值合计为 45');
  });
});

describe('a two-row header, and several sheets', () => {
  const twoRow = grid('两行表头', [
    ['部门整体支出绩效自评表（2024年度）'],
    ['绩效指标', '', '', '分值', '年度指标值', '实际完成值', '得分'],
    ['一级指标', '二级指标', '三级指标', '', '', '', ''],
    ['履职效能', '产出', '甲', 100, '≥95%', '96%', ''],
  ], ['A2:C2', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:G3']);
  test('reads the columns from both header rows', () => {
    const ev = evaluateFound([twoRow]);
    expect(ev.results!.indicators.map((i) => [i.level1, i.name, i.score])).toEqual([['履职效能', '甲', 100]]);
    expect(ev.plan!.writes.find((w) => w.purpose === 'score')!.address).toBe('G4');
  });
  test('prefers the active sheet, else the first that qualifies, and lists what others lack', () => {
    const note = grid('填报说明', [['请按要求填写']]);
    const other = { ...twoRow, name: '另一张' };
    expect(evaluateFound([note, twoRow, other]).sheet).toBe('两行表头');
    expect(evaluateFound([note, twoRow, other], { activeSheet: '另一张' }).sheet).toBe('另一张');
    const none = evaluateWorkbook([note]);
    expect(none.found).toBe(false);
    expect(none.searched[0].missing.join('')).toContain('三级指标');
    expect(none.issues[0].message).toContain('填报说明');
  });
});

describe('小计 rows, a 自评得分 row and a formula in a 得分 cell', () => {
  const g = grid('表', [
    ['部门整体支出绩效自评表（2024年度）'],
    ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
    ['履职效能', '产出', '甲', 30, '≥2次', '1次', '', '经费不足'],
    ['', '', '乙', 30, '≥2次', '2次', { v: 30, formula: 'D4' }, ''],
    ['', '小计', '', '', '', '', '', ''],
    ['管理效率', '管理', '丙', 40, '按要求开展', '达成年度指标', '', ''],
    ['', '小计', '', '', '', '', '', ''],
    ['自评得分', '', '', '', '', '', '', ''],
    ['自评等级', '', '', '', '', '', '', ''],
  ]);
  const ev = evaluateFound([g]);
  test('subtotals per level-1 group go in the 得分 column of their 小计 row', () => {
    const w = Object.fromEntries(ev.plan!.writes.map((x) => [x.address, x]));
    expect(w.G5).toMatchObject({ value: 45, purpose: 'subtotal' });
    expect(w.G7).toMatchObject({ value: 40, purpose: 'subtotal' });
  });
  test('the total goes right of 自评得分, the grade right of 自评等级', () => {
    const w = Object.fromEntries(ev.plan!.writes.map((x) => [x.address, x]));
    expect(w.D8).toMatchObject({ value: 85, purpose: 'total' });
    expect(w.D9).toMatchObject({ value: '良', purpose: 'grade' });
  });
  test('a formula in a 得分 cell is never written, and its value counts', () => {
    expect(ev.plan!.writes.find((x) => x.address === 'G4')).toBeUndefined();
    expect(ev.results!.indicators[1].score).toBe(30);
  });
});

test('the money block’s own 分值 is checked like an indicator’s: 0 or more than the table is an error, not scored', () => {
  const rows = (w: number) => [
    ['部门整体支出绩效自评表（2024年度）'],
    ['年度资金总额（万元）', '项目', '年初预算数', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
    ['', '合计', 100, 100, 90, '', w, ''],
    ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分'],
    ['履职效能', '产出', '甲', 90, '≥2次', '2次', ''],
  ];
  for (const w of [0, 1000]) {
    const ev = evaluateFound([grid('表', rows(w))]);
    const item = ev.results!.indicators[0];
    expect(item.score).toBeNull();
    expect(ev.issues.find((i) => i.cell === '表!G3')!.severity).toBe('错误');
    expect(ev.plan!.writes.find((x) => x.address === 'H3')).toBeUndefined();
  }
  expect(evaluateFound([grid('表', rows(10))]).results!.indicators[0].score).toBe(9);
});

describe('no 分值 column: weights from the labels (§2.1)', () => {
  const rows = (l1a: string, l1b: string) => [
    ['2024年度项目支出绩效自评表'],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '执行率', '得分（20分*执行率）'],
    ['年度资金总额', 100, 100, 90, '', ''],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分'],
    [l1a, '数量指标', '培训人次', '≥100人次', '100人次', ''],
    ['', '质量指标', '合格率', '≥90%', '90%', ''],
    ['', '时效指标', '完成及时率', '100%', '80%', ''],
    [l1b, '社会效益指标', '群众知晓率', '≥80%', '80%', ''],
    ['总分', '', '', '', '', ''],
  ];

  test('a level-1 label’s points are shared equally by its rows, with one 提示 saying so', () => {
    const ev = evaluateFound([grid('项目支出绩效自评表', rows('产出指标（60分）', '效益指标（20分）'))]);
    expect(ev.results.indicators.map((i) => [i.name, i.weight, i.score])).toEqual([
      ['预算完成率', 20, 18],
      ['培训人次', 20, 20],
      ['合格率', 20, 20],
      ['完成及时率', 20, 16],
      ['群众知晓率', 20, 20],
    ]);
    expect(ev.results.total).toBe(94);
    const note = ev.issues.filter((i) => i.kind === 'weightsFromLabels');
    expect(note).toHaveLength(1);
    expect(note[0].message).toContain('“产出指标”60分（3项）');
    expect(ev.issues.filter((i) => i.severity === '错误')).toEqual([]);
  });

  test('no weight anywhere: one 错误 for the table, rows unscored, but the year, money block and rates still read and written', () => {
    const ev = evaluateFound([grid('项目支出绩效自评表', rows('产出指标', '效益指标'))]);
    expect(ev.issues.filter((i) => i.severity === '错误').map((i) => i.kind)).toEqual(['noWeights']);
    expect(ev.table.year).toBe(2024);
    expect(ev.results.budget.total?.rate).toBeCloseTo(0.9, 10);
    expect(ev.results.complete).toBe(false);
    const w = Object.fromEntries(ev.plan.writes.map((x) => [x.address, x.value]));
    expect(w.E3).toBeCloseTo(0.9, 6);
    expect(w.F3).toBe(18);
    expect(w.F9).toBeUndefined();
  });
});

describe('the row above the indicator header (found by the nothing-lost property)', () => {
  test('a fund row holding 单位资金 and 实际完成情况 is not taken for the header’s upper row', () => {
    const g = grid('项目支出绩效自评表', [
      ['2018年度项目支出绩效自评表'],
      ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['', '年度资金总额', 10, 10, 10, 10, '', ''],
      ['', '单位资金', '', 0.01, '', '', '实际完成情况', ''],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '培训人次', '≥95%', '96%', 90, '', ''],
    ]);
    const ev = evaluateFound([g]);
    expect(ev.table.indicatorHeaderRow).toBe(4);
    expect(ev.table.indicators[0].cells).toMatchObject({ actual: 'E6', score: 'G6' });
    expect(ev.plan.writes.map((w) => w.address)).not.toContain('G4');
  });
});
