/**
 * The bad-input catalogue (issue 6): every odd value users type, paste from PDFs or receive from other offices.
 * Each case names the issue it must raise (cell, severity, wording) and proves that the good rows still scored,
 * in the results and in the write plan. docs/reliability.md lists the cases in a table.
 */
import { grid, setCell } from './helpers/grid';
import { table, type Row } from './helpers/tables';
import {
  SHEET, at, evaluate, expectIssue, expectScored, expectUnscored, goodRows, othersScored, spoil, standard,
} from './helpers/badInput';
import { FakeWorkbook, installFakeOffice, type FakeHost } from './fakehost';
import { sheetSnapshotFromGrid } from './fakehost/fromGrid';
import * as session from '../src/excel/session';

const W = (ev: ReturnType<typeof evaluate>) => new Map(ev.plan!.writes.map((w) => [w.address, w]));

describe('text in number cells', () => {
  test('1. 实际完成值 “约100”: 错误 on F8, never guessed; the other rows scored', () => {
    const ev = standard(spoil(0, { actual: '约100' }));
    expectIssue(ev, { kind: 'actualUnreadable', cell: 'F8', severity: '错误', phrase: '实际完成值“约100”无法识别为数值，请填写数字' });
    expectUnscored(ev, 'G8');
    othersScored(ev, 0);
  });

  test('2. 实际完成值 “一百万” (Chinese numerals) against a numeric target: 错误 on F8', () => {
    const ev = standard(spoil(0, { actual: '一百万' }));
    expectIssue(ev, { kind: 'actualNotNumeric', cell: 'F8', severity: '错误', phrase: '“一百万”不是数值，而年度指标值“≥100件”为定量指标，请填写数值，如 100件' });
    expectUnscored(ev, 'G8');
    othersScored(ev, 0);
  });

  test('3. “100万元” in a money block kept in 元: 错误 on the amount, the budget item unscored, the rest scored', () => {
    const g = table(goodRows(), { budget: { annual: 1000000, executed: '100万元' } });
    g.values[3][0] = '年度部门整体支出规模（元）';
    const ev = evaluate(g);
    expectIssue(ev, { kind: 'amountUnitMismatch', cell: 'E6', severity: '错误', phrase: '全年执行数“100万元”的单位与表头单位（元）不一致，请按元填写数字' });
    expectIssue(ev, { kind: 'budgetRateMissing', cell: 'F11', severity: '错误', phrase: '无法计算预算完成率' });
    expectUnscored(ev, 'G11');
    othersScored(ev, 3);
  });

  test('4. 分值 “十” (Chinese numeral): 错误 on D8, weight sum short, the rest scored', () => {
    const ev = standard(spoil(0, { weight: '十' }));
    expectIssue(ev, { kind: 'weightUnreadable', cell: 'D8', severity: '错误', phrase: '分值“十”无法识别为数值，请填写数字，如 10' });
    expectUnscored(ev, 'G8');
    othersScored(ev, 0);
  });

  test('5. an amount “约3410” in the money block: 错误 on the amount, the budget item unscored', () => {
    const ev = standard(goodRows(), { sources: [{ name: '财政拨款', annual: '约3410', executed: 100 }], total: null });
    expectIssue(ev, { kind: 'amountUnreadable', cell: 'D5', severity: '错误', phrase: '全年预算数“约3410”无法识别为数值' });
    expectUnscored(ev, at('G', 3, { total: null }));
    othersScored(ev, 3, { total: null });
  });

  test('6. a TRUE in an actual cell: 错误 showing TRUE as Excel does, not read as 1 (fixed)', () => {
    const ev = standard(spoil(0, { actual: true }));
    expectIssue(ev, { kind: 'actualNotNumeric', cell: 'F8', severity: '错误', phrase: '“TRUE”不是数值' });
    expectUnscored(ev, 'G8');
    othersScored(ev, 0);
  });

  test('7. an actual in another unit (万元 against 件): 警告, compared as numbers, every row scored', () => {
    const ev = standard(spoil(0, { actual: '120万元' }));
    expectIssue(ev, { kind: 'unitMismatch', cell: 'F8', severity: '警告', phrase: '年度指标值单位“件”与实际完成值单位“万元”不一致' });
    othersScored(ev, []);
    expect(W(ev).get('G12')?.value).toBe(98.42);
  });

  test('8. an actual a 定性 row cannot place (“待定”): 错误 naming the three tiers', () => {
    const ev = standard(spoil(2, { actual: '待定' }));
    expectIssue(ev, { kind: 'tierUnknown', cell: 'F10', severity: '错误', phrase: '“待定”无法判断完成程度，请填写“达成年度指标”' });
    expectUnscored(ev, 'G10');
    othersScored(ev, 2);
  });
});

describe('error values', () => {
  test('9. #DIV/0! in an actual: 错误 on F9', () => {
    const ev = standard(spoil(1, { actual: '#DIV/0!' }));
    expectIssue(ev, { kind: 'actualError', cell: 'F9', severity: '错误', phrase: '实际完成值为错误值“#DIV/0!”，请修正公式或改填数值' });
    expectUnscored(ev, 'G9');
    othersScored(ev, 1);
  });

  test('10. #N/A in a target: 错误 on E9', () => {
    const ev = standard(spoil(1, { target: '#N/A' }));
    expectIssue(ev, { kind: 'targetError', cell: 'E9', severity: '错误', phrase: '年度指标值为错误值“#N/A”' });
    expectUnscored(ev, 'G9');
    othersScored(ev, 1);
  });

  test('11. #VALUE! in a weight: 错误 on D9, and the weight sum says 70', () => {
    const ev = standard(spoil(1, { weight: '#VALUE!' }));
    expectIssue(ev, { kind: 'weightUnreadable', cell: 'D9', severity: '错误', phrase: '分值“#VALUE!”无法识别为数值' });
    expectIssue(ev, { kind: 'weightSum', cell: 'D12', severity: '警告', phrase: '分值合计为 70，应为 100' });
    expectUnscored(ev, 'G9');
    othersScored(ev, 1);
  });

  test('12. #REF! in the money block’s 全年执行数: 错误 on the amount; the budget item unscored', () => {
    const ev = standard(goodRows(), { sources: [{ name: '财政拨款', annual: 100, executed: '#REF!' }], total: null });
    expectIssue(ev, { kind: 'amountUnreadable', cell: 'E5', severity: '错误', phrase: '全年执行数“#REF!”' });
    expectUnscored(ev, at('G', 3, { total: null }));
    othersScored(ev, 3, { total: null });
  });
});

describe('blanks', () => {
  test('13. a blank weight: 错误 on D9 saying it is empty', () => {
    const ev = standard(spoil(1, { weight: '' }));
    expectIssue(ev, { kind: 'weightUnreadable', cell: 'D9', severity: '错误', phrase: '分值“（空）”' });
    expectUnscored(ev, 'G9');
    othersScored(ev, 1);
  });

  test('14. a blank target: 错误 on E9 with an example', () => {
    const ev = standard(spoil(1, { target: '' }));
    expectIssue(ev, { kind: 'targetBlank', cell: 'E9', severity: '错误', phrase: '年度指标值为空，无法计分，请填写，如 ≥95%' });
    expectUnscored(ev, 'G9');
    othersScored(ev, 1);
  });

  test('15. a blank actual: 错误 on F9', () => {
    const ev = standard(spoil(1, { actual: '' }));
    expectIssue(ev, { kind: 'actualBlank', cell: 'F9', severity: '错误', phrase: '实际完成值为空，无法计分，请填写' });
    expectUnscored(ev, 'G9');
    othersScored(ev, 1);
  });

  test('16. a blank 全年执行数: 警告 on the 全年执行数 cell itself (E5); the budget item unscored', () => {
    const ev = standard(goodRows(), { sources: [{ name: '财政拨款', annual: 100, executed: '' }], total: null });
    expectIssue(ev, { kind: 'executedBlank', cell: 'E5', severity: '警告', phrase: '财政拨款全年执行数为空' });
    expectUnscored(ev, at('G', 3, { total: null }));
    othersScored(ev, 3, { total: null });
  });
});

describe('weights', () => {
  test('17. a negative weight: 错误 on D9 “应为正数”', () => {
    const ev = standard(spoil(1, { weight: -5 }));
    expectIssue(ev, { kind: 'weightNotPositive', cell: 'D9', severity: '错误', phrase: '分值为 -5，应为正数' });
    expectUnscored(ev, 'G9');
    othersScored(ev, 1);
  });

  test('18. a zero weight: 错误 on D9', () => {
    const ev = standard(spoil(1, { weight: 0 }));
    expectIssue(ev, { kind: 'weightNotPositive', cell: 'D9', severity: '错误', phrase: '分值为 0，应为正数' });
    expectUnscored(ev, 'G9');
    othersScored(ev, 1);
  });

  test('19. weights adding up to 95: 警告 with the sum, every row scored and the total still written', () => {
    const ev = standard(spoil(1, { weight: 25 }));
    expectIssue(ev, { kind: 'weightSum', cell: 'D12', severity: '警告', phrase: '分值合计为 95，应为 100' });
    expectScored(ev, { G8: 30, G9: 23.68, G10: 30, G11: 10 });
    expect(W(ev).get('G12')?.value).toBe(93.68);
  });

  test('20. one weight larger than the whole table (1000 typed for 10): 错误, not scored as if right (fixed)', () => {
    const ev = standard(spoil(1, { weight: 1000 }));
    expectIssue(ev, { kind: 'weightTooLarge', cell: 'D9', severity: '错误', phrase: '分值为 1000，超过全表分值合计 100' });
    expectUnscored(ev, 'G9');
    othersScored(ev, 1);
  });

  test('21. an absurd weight (1e308): no Infinity anywhere, a readable message (fixed)', () => {
    const ev = standard(spoil(1, { weight: 1e308 }));
    expectIssue(ev, { kind: 'weightTooLarge', cell: 'D9', severity: '错误', phrase: '超过全表分值合计 100' });
    expect(JSON.stringify(ev.issues)).not.toContain('Infinity');
    for (const w of ev.plan!.writes) expect(typeof w.value === 'number' ? Number.isFinite(w.value) : true).toBe(true);
    othersScored(ev, 1);
  });
});

describe('the money block', () => {
  test('22. a budget of 0 with nothing executed: 提示 on the rate, “—” written, the budget item unscored', () => {
    const ev = standard(goodRows(), { budget: { annual: 0, executed: 0 } });
    expectIssue(ev, { kind: 'budgetZero', cell: 'F6', severity: '提示', phrase: '财政拨款全年预算数为 0，无法计算预算完成率，完成率显示为“—”' });
    expect(W(ev).get('F6')?.value).toBe('—');
    expect(W(ev).get('F5')?.value).toBe('—');
    expectUnscored(ev, 'G11');
    othersScored(ev, 3);
  });

  test('23. a budget of 0 with execution: 警告 asking to check the budget, no division by zero', () => {
    const ev = standard(goodRows(), { budget: { annual: 0, executed: 50 } });
    expectIssue(ev, { kind: 'budgetZeroExecuted', cell: 'F6', severity: '警告', phrase: '财政拨款全年预算数为 0 而执行数为 50，无法计算预算完成率，请核实预算数' });
    expect(ev.plan!.writes.every((w) => typeof w.value !== 'number' || Number.isFinite(w.value))).toBe(true);
    expectUnscored(ev, 'G11');
    othersScored(ev, 3);
  });

  test('24. execution above budget (120/100): 警告 with the rate, the item capped at its weight', () => {
    const ev = standard(goodRows(), { budget: { annual: 100, executed: 120 } });
    expectIssue(ev, { kind: 'overExecution', cell: 'F6', severity: '警告', phrase: '全年执行数 120 超过全年预算数 100（完成率 120.00%），请核实' });
    expect(W(ev).get('F6')?.value).toBeCloseTo(1.2, 6);
    othersScored(ev, []);
    expect(W(ev).get('G12')?.value).toBe(98.42);
  });

  test('24a. a negative budget (−100): 错误 on the budget cell (D6), no negative rate written (fixed)', () => {
    const ev = standard(goodRows(), { budget: { annual: -100, executed: 50 } });
    expectIssue(ev, { kind: 'amountNegative', cell: 'D6', severity: '错误', phrase: '财政拨款的预算数或执行数为负数（预算数 -100、执行数 50），无法计算预算完成率，请核对' });
    expect(W(ev).get('F6')?.value).toBe('—');
    expectUnscored(ev, 'G11');
    othersScored(ev, 3);
    // A negative execution is named on its own cell.
    const ev2 = standard(goodRows(), { budget: { annual: 100, executed: -50 } });
    expectIssue(ev2, { kind: 'amountNegative', cell: 'E6', severity: '错误', phrase: '执行数 -50' });
  });

  test('24b. a budget so small the rate overflows (1e-320): treated as 0, never Infinity in a cell (fixed)', () => {
    const ev = standard(goodRows(), { budget: { annual: 1e-320, executed: 50 } });
    expectIssue(ev, { kind: 'budgetZeroExecuted', cell: 'F6', severity: '警告', phrase: '全年预算数为 0 而执行数为 50' });
    expect(ev.plan!.writes.every((w) => typeof w.value !== 'number' || Number.isFinite(w.value))).toBe(true);
    expect(JSON.stringify(ev.issues)).not.toContain('Infinity');
    expectUnscored(ev, 'G11');
    othersScored(ev, 3);
  });

  test('25. a total row of 0 0 beside non-zero sources (as a real table showed): 提示, computed from the sources', () => {
    const o = { sources: [{ name: '财政拨款', annual: 80, executed: 80 }, { name: '其他资金', annual: 20, executed: 10 }], total: { annual: 0, executed: 0 } };
    const ev = standard(goodRows(), o);
    expectIssue(ev, { kind: 'totalFromSources', cell: 'C5', severity: '提示', phrase: '合计行为空或为 0，已按各资金来源之和计算（预算数 100、执行数 90）' });
    expect(W(ev).get('F5')?.value).toBeCloseTo(0.9, 6);
    expectScored(ev, { [at('G', 0, o)]: 30, [at('G', 1, o)]: 28.42, [at('G', 2, o)]: 30, [at('G', 3, o)]: 9 });
  });

  test('26. an empty total row: 提示 that it was computed from the sources', () => {
    const o = { sources: [{ name: '财政拨款', annual: 80, executed: 80 }, { name: '其他资金', annual: 20, executed: 20 }], total: { annual: '', executed: '' } };
    const ev = standard(goodRows(), o);
    expectIssue(ev, { kind: 'totalFromSources', cell: 'C5', severity: '提示', phrase: '资金表合计行为空或为 0，已按各资金来源之和计算（预算数 100、执行数 100）' });
    expectScored(ev, { [at('G', 0, o)]: 30, [at('G', 1, o)]: 28.42, [at('G', 2, o)]: 30, [at('G', 3, o)]: 10 });
  });
});

describe('targets', () => {
  /** A table with a 指标性质 column: A 一级 B 二级 C 三级 D 指标性质 E 分值 F 年度指标值 G 实际完成值 H 得分. */
  const natureTable = (target: string) =>
    grid(SHEET, [
      ['部门整体支出绩效自评表（2024年度）'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '分值', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
      ['履职效能', '产出', '办结率', '≥', 50, target, '96%', '', ''],
      ['', '', '差错率', '≤', 50, '5%', '4%', '', ''],
      ['合计', '', '', '', '', '', '', '', ''],
    ]);

  test('27. a target with no number while 指标性质 says ≥ (“较高”): 错误 on F3 asking for a number', () => {
    const ev = evaluate(natureTable('较高'));
    expectIssue(ev, { kind: 'targetNoNumber', cell: 'F3', severity: '错误', phrase: '指标性质为“≥”，但年度指标值“较高”中没有数值，请填写，如 ≥95%' });
    expectUnscored(ev, 'H3');
    expectScored(ev, { H4: 50 });
  });

  test('28. an unknown comparison sign (≈95%): 错误 on E9 listing the signs to use', () => {
    const ev = standard(spoil(1, { target: '≈95%' }));
    expectIssue(ev, { kind: 'unknownSign', cell: 'E9', severity: '错误', phrase: '年度指标值“≈95%”中的比较符号无法识别，请使用 ≥、≤、= 或“不低于”“不高于”等写法' });
    expectUnscored(ev, 'G9');
    othersScored(ev, 1);
  });

  test('29. a doubled sign (≥≥95%): the same 错误 on the target, not a puzzling one on the actual (fixed)', () => {
    const ev = standard(spoil(1, { target: '≥≥95%' }));
    expectIssue(ev, { kind: 'unknownSign', cell: 'E9', severity: '错误', phrase: '“≥≥95%”中的比较符号无法识别' });
    expect(ev.issues.filter((i) => i.kind === 'tierUnknown')).toEqual([]);
    expectUnscored(ev, 'G9');
    othersScored(ev, 1);
  });

  test('30. a hedged target (约95%): 错误, never guessed', () => {
    const ev = standard(spoil(1, { target: '约95%' }));
    expectIssue(ev, { kind: 'unknownSign', cell: 'E9', severity: '错误', phrase: '“约95%”中的比较符号无法识别' });
    othersScored(ev, 1);
  });
});

describe('table shape', () => {
  test('31. duplicate indicator names: 警告 on the second naming the first row; both scored', () => {
    const rows: Row[] = [...goodRows().slice(0, 2), { name: '覆盖率', weight: 5, target: '≥95%', actual: '96%' }, ...goodRows().slice(2)];
    rows[3] = { ...rows[3], weight: 25 };
    const ev = standard(rows);
    expectIssue(ev, { kind: 'duplicateName', cell: 'C10', severity: '警告', phrase: '三级指标“覆盖率”与第 9 行重复，请核对是否重复填报' });
    expectScored(ev, { G8: 30, G9: 28.42, G10: 5, G11: 25, G12: 10 });
  });

  test('32. no 得分 column: 警告 that scores are only listed; every row scored in the results, the rates still written', () => {
    const g = grid(SHEET, [
      ['部门整体支出绩效自评表（2024年度）'],
      ['年度部门整体支出规模（万元）', '资金来源', '年初预算数', '全年预算数', '全年执行数', '预算完成率'],
      ['', '合计', 100, 100, 100, ''],
      ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '偏差原因分析及改进措施'],
      ['履职效能', '数量', '办件数量', 30, '≥100件', '120件', ''],
      ['', '', '覆盖率', 30, '≥95%', '90%', '人手不足'],
      ['管理效率', '管理', '制度执行', 30, '严格执行相关制度规定', '达到', ''],
      ['', '', '预算完成率', 10, '100%', '', ''],
    ]);
    const ev = evaluate(g);
    expectIssue(ev, { kind: 'noScoreColumn', cell: '', severity: '警告', phrase: '指标表中没有“得分”列，得分未写入表格，仅在结果中列出' });
    expectScored(ev, { C5: 30, C6: 28.42, C7: 30, C8: 10 });
    expect(ev.results!.total).toBe(98.42);
    expect(ev.plan!.writes.filter((w) => w.purpose === 'score')).toEqual([]);
    expect(W(ev).get('F3')?.value).toBe(1);
  });

  test('33. a two-row header (merged 绩效指标 over 一级/二级/三级): a bad row is named on the right cell, the other scored', () => {
    const g = grid(SHEET, [
      ['部门整体支出绩效自评表（2024年度）'],
      ['绩效指标', '', '', '分值', '年度指标值', '实际完成值', '得分'],
      ['一级指标', '二级指标', '三级指标', '', '', '', ''],
      ['履职效能', '产出', '甲', 50, '≥95%', '96%', ''],
      ['', '', '乙', 50, '≥95%', '约96%', ''],
    ], ['A2:C2', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:G3']);
    const ev = evaluate(g);
    expectIssue(ev, { kind: 'actualUnreadable', cell: 'F5', severity: '错误', phrase: '“约96%”无法识别为数值' });
    expectScored(ev, { G4: 50 });
    expectUnscored(ev, 'G5');
  });

  test('34. a hidden row: 提示 that its indicator counted; every row scored', () => {
    const g = table(goodRows());
    g.hiddenRows = [8];
    const ev = evaluate(g);
    expectIssue(ev, { kind: 'hiddenRow', cell: 'C9', severity: '提示', phrase: '第 9 行为隐藏行，其中的指标已计入得分' });
    othersScored(ev, []);
    expect(W(ev).get('G12')?.value).toBe(98.42);
  });

  test('35. a second table below the first: 提示 naming its row; only the first is scored, nothing written below', () => {
    const g = table(goodRows());
    const start = g.values.length;
    g.values.push(
      ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
      ['履职效能', '数量', '另一个指标', 100, '≥1次', '1次', '', ''],
    );
    g.formulas!.push([...g.values[start]], [...g.values[start + 1]]);
    g.numberFormats!.push(g.values[start].map(() => 'General'), g.values[start + 1].map(() => 'General'));
    const ev = evaluate(g);
    expectIssue(ev, { kind: 'secondTable', cell: `A${start + 1}`, severity: '提示', phrase: `第 ${start + 1} 行起还有一个指标表，本次只计算第一个表格` });
    expect(ev.results!.indicators.map((i) => i.name)).not.toContain('另一个指标');
    othersScored(ev, []);
    for (const w of ev.plan!.writes) expect(Number(w.address.replace(/\D/g, ''))).toBeLessThanOrEqual(start);
  });

  test('36. a formula in a 得分 cell that differs from the rule: 警告, never overwritten, its value counts', () => {
    const ev = standard(spoil(0, { score: { v: 25, formula: 'D8*5/6' } }));
    expectIssue(ev, { kind: 'formulaDiffers', cell: 'G8', severity: '警告', phrase: '该单元格为公式，未改写；公式结果 25.00 与计算值 30.00 不一致' });
    expect(W(ev).has('G8')).toBe(false);
    othersScored(ev, 0);
    expect(W(ev).get('G12')?.value).toBe(93.42);
  });

  test('37. text in a 得分 cell (“满分”): 警告, kept, the computed score counts', () => {
    const ev = standard(spoil(0, { score: '满分' }));
    expectIssue(ev, { kind: 'scoreCellText', cell: 'G8', severity: '警告', phrase: '得分单元格内容“满分”不是数值，未改写；按计算值 30.00 计入总分' });
    expect(W(ev).has('G8')).toBe(false);
    othersScored(ev, 0);
  });

  test('38. a score the user typed (27): 警告 with both values, kept', () => {
    const ev = standard(spoil(0, { score: 27 }));
    expectIssue(ev, { kind: 'manualScore', cell: 'G8', severity: '警告', phrase: '得分为人工填写的 27.00，按规则计算为 30.00' });
    expect(W(ev).has('G8')).toBe(false);
    othersScored(ev, 0);
  });

  test('39. a row that lost points with no reason: 警告 on the reason cell', () => {
    const ev = standard(spoil(1, { reason: '' }));
    expectIssue(ev, { kind: 'reasonMissing', cell: 'H9', severity: '警告', phrase: '该项得分 28.42 低于分值 30，请填写偏差原因' });
    othersScored(ev, []);
  });
});

describe('size', () => {
  test('40. 100,000 indicator rows with one bad row: the bad cell named, the other 99,999 scored and planned', () => {
    const n = 100000;
    const rows: Row[] = Array.from({ length: n }, (_, i) => ({
      l1: i === 0 ? '履职效能' : '', l2: i === 0 ? '产出' : '', name: `指标${i + 1}`, weight: 0.01, target: '≥90%', actual: '95%',
    }));
    const g = table(rows);
    const bad = 54321;
    setCell(g, at('F', bad), '九十五');
    const ev = evaluate(g);
    expectIssue(ev, { kind: 'actualNotNumeric', cell: at('F', bad), severity: '错误', phrase: '“九十五”不是数值' });
    const scores = ev.plan!.writes.filter((w) => w.purpose === 'score');
    expect(scores).toHaveLength(n - 1);
    expect(scores.every((w) => w.value === 0.01)).toBe(true);
    expectScored(ev, { [at('G', 0)]: 0.01, [at('G', bad + 1)]: 0.01, [at('G', n - 1)]: 0.01 });
    expectUnscored(ev, at('G', bad));
  });

  describe('through the add-in, a sheet too large for one Excel request', () => {
    let host: FakeHost | null = null;
    afterEach(() => host?.uninstall());

    test('41. the one-sync read fails (ResponsePayloadSizeLimitExceeded, as Excel on the web past 5 MB): read in parts, the bad cell named, the rest written', async () => {
      const n = 3000;
      const rows: Row[] = Array.from({ length: n }, (_, i) => ({
        l1: i === 0 ? '履职效能' : '', l2: i === 0 ? '产出' : '', name: `指标${i + 1}`, weight: 100 / n, target: '≥90%', actual: '95%',
      }));
      rows[1234] = { ...rows[1234], actual: '#N/A' };
      const g = table(rows);
      const wb = FakeWorkbook.fromSnapshot({ sheets: [sheetSnapshotFromGrid(g)], activeSheet: g.name });
      host = installFakeOffice(wb);
      host.failSync(1, { code: 'ResponsePayloadSizeLimitExceeded', message: 'The response payload size has exceeded the limit.' });
      const out = await session.calculate();
      expect(out.ok).toBe(true);
      expect(host.syncCount).toBeGreaterThan(2); // the failed read, then the parts, then the write
      const ev = out.evaluation!;
      expectIssue(ev, { kind: 'actualError', cell: at('F', 1234), severity: '错误', phrase: '错误值“#N/A”' });
      const sheet = wb.get(SHEET);
      expect(sheet.valueAt(at('G', 0))).toBeCloseTo(100 / n, 2);
      expect(sheet.valueAt(at('G', n - 1))).toBeCloseTo(100 / n, 2);
      expect(sheet.valueAt(at('G', 1234))).toBe('');
      const written = ev.plan!.writes.filter((w) => w.purpose === 'score');
      expect(written).toHaveLength(n - 1);
      for (const w of written) expect(sheet.valueAt(w.address)).toBe(w.value);
    });
  });
});
