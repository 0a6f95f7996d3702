/**
 * The 自评报告 draft: structure of spec §7, figures from the results, formats, the 报告素材 sheet, the example through
 * the engine. The wording that follows what happened: reportWording.test.ts.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { buildReport, readMaterialSheet, materialFields, materialSheetRows, MATERIAL_SHEET, reportText, sectionText } from '../src/engine/report';
import { formatAmount, formatNumber, formatPoints, formatRate, chineseNumber, enumerate } from '../src/engine/report/format';
import { actualPhrase, splitReason, targetPhrase } from '../src/engine/report/indicatorText';
import { table } from './helpers/tables';
import { evaluateFound } from './helpers/evaluate';
import { sameTopic, splitItems } from '../src/engine/report/items';
import type { ReportMaterial } from '../src/engine/types';
import { sheetToGrid } from '../src/xlsx/readGrid';
import { grid as testGrid } from './helpers/grid';
import { FULL_MATERIAL, gradeGoodRows, makeEvaluation } from './fixtures/reportFixtures';
import { evaluateExample } from './fixtures/reportExample';
import { REFERENCE_HEADINGS, conclusion, items, management, measures, performance, problems, section } from './helpers/reportSections';

const REFERENCE_DIR = path.join(__dirname, '../../shared/reference');

describe('the reference report', () => {
  const file = fs.existsSync(REFERENCE_DIR) ? fs.readdirSync(REFERENCE_DIR).find((f) => f.endsWith('.txt')) : undefined;
  (file ? test : test.skip)('its headings are the ones the tests expect, in order', () => {
    const text = fs.readFileSync(path.join(REFERENCE_DIR, file!), 'utf8');
    const headings = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(l));
    expect(headings).toEqual(REFERENCE_HEADINGS);
  });
});

describe('formats', () => {
  test('amounts, rates, scores as the reference writes them', () => {
    expect(formatAmount(3410.44, '万元')).toBe('3410.44万元');
    expect(formatAmount(34104400, '元')).toBe('3410.44万元');
    expect(formatAmount(3280, '万元')).toBe('3280.00万元');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0.985)).toBe('98.5%');
    expect(formatRate(0.98456)).toBe('98.46%');
    expect(formatPoints(98)).toBe('98分');
    expect(formatPoints(88.76)).toBe('88.76分');
    expect(formatNumber(97.5)).toBe('97.5');
    expect(formatNumber(1.005)).toBe('1.01');
  });

  test('ordinals and enumerations', () => {
    expect([1, 2, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '二', '十', '十一', '二十', '二十三']);
    expect(enumerate(['甲。', '乙'])).toBe('一是甲；二是乙');
    expect(enumerate(['甲'])).toBe('甲');
  });

  test('targets in words, reasons split into cause and measure', () => {
    // The report words a row as the engine read it for scoring, so the two never disagree.
    const ev = evaluateFound([
      table([
        { l1: '履职效能', name: '甲', weight: 25, target: '≥95%', actual: 0.96 },
        { l1: '履职效能', name: '乙', weight: 25, target: '＜＝５％', actual: '6%', reason: '原因' },
        { l1: '履职效能', name: '丙', weight: 25, target: '制度健全', actual: '达成年度指标' },
        { l1: '履职效能', name: '丁', weight: 25, target: '≥2次', actual: '2' },
      ]),
    ]);
    const [a, b, c, d] = ev.results.indicators;
    expect(targetPhrase(a)).toBe('不低于95%');
    expect(actualPhrase(a, null)).toBe('96%');
    expect(targetPhrase(b)).toBe('不高于5%');
    expect(targetPhrase(c)).toBe('“制度健全”');
    expect(actualPhrase(c, null)).toBe('“达成年度指标”');
    expect(actualPhrase(d, null)).toBe('2次');
    expect(splitReason('个别项目受政府采购流程影响，支出进度不均衡；下一步加强支出进度跟踪管理。')).toEqual({
      cause: '个别项目受政府采购流程影响，支出进度不均衡',
      measure: '加强支出进度跟踪管理',
    });
    expect(splitReason('无')).toEqual({ cause: '', measure: '' });
  });

  test('sheet problem lists are split and matched by topic', () => {
    expect(splitItems('一是甲问题；二是乙问题。')).toEqual(['甲问题', '乙问题']);
    expect(splitItems('1.甲问题。2.乙问题。')).toEqual(['甲问题', '乙问题']);
    expect(splitItems('甲问题；乙问题；丙问题。')).toHaveLength(3);
    expect(splitItems('（1）甲问题；（2）乙问题')).toEqual(['甲问题', '乙问题']);
    expect(splitItems('甲问题\n乙问题')).toEqual(['甲问题', '乙问题']);
    expect(splitItems('预算编制不够精细，绩效目标有待细化。')).toEqual(['预算编制不够精细，绩效目标有待细化']);
    expect(splitItems('无')).toEqual([]);
    expect(sameTopic('支出进度率，个别项目受政府采购流程影响，支出进度不均衡', '个别项目支出进度不均衡')).toBe(true);
    expect(sameTopic('支出进度率，受采购影响', '绩效运行监控工作还有待进一步加强')).toBe(false);
  });
});

describe('structure and figures (the example, hand-made results)', () => {
  const report = buildReport(makeEvaluation());

  test('title and every heading of the reference, in order, with their levels', () => {
    expect(report.title).toBe('2023年度广州市海珠区人民代表大会常务委员会办公室整体支出绩效自评报告');
    expect(report.sections.map((s) => s.heading)).toEqual(REFERENCE_HEADINGS);
    expect(report.sections.map((s) => s.level)).toEqual([1, 2, 2, 2, 2, 2, 1, 2, 2, 2, 1, 1]);
  });

  test('the figures of the reference, in their sections', () => {
    const income = section(report, '（四）');
    expect(income).toContain('一般公共预算收入3410.44万元，支出3410.44万元');
    expect(income).toContain('财政拨款资金预算完成率达100%');
    expect(conclusion(report)).toContain('自评结果为98分，达到“优”等级');
    expect(conclusion(report)).toContain('履职效能指标分值50分，得分50分；管理效率指标分值50分，得分48分');
  });

  test('支出进度率 is named in the sheet’s matching problem, with its reason cited; its measure at the same position', () => {
    const p = items(problems(report));
    const m = items(measures(report));
    expect(p.length).toBe(m.length);
    const i = p.findIndex((x) => x.includes('支出进度率'));
    expect(p[i]).toContain('个别项目支出进度不均衡');
    expect(p[i]).toContain('“支出进度率”未达到年度指标值，主要受政府采购流程影响');
    // The figures are told once, in 二（三）, not again here.
    expect(p[i]).not.toContain('实际完成54%');
    expect(m[i]).toContain('支出进度跟踪管理');
  });

  test('the sheet’s own problems and measures are used, paired in order', () => {
    const p = items(problems(report));
    const m = items(measures(report));
    const j = p.findIndex((x) => x.includes('精细化程度仍有待提高'));
    expect(m[j]).toContain('进一步提高预算编制的科学性');
    const k = p.findIndex((x) => x.includes('绩效运行监控工作'));
    expect(m[k]).toContain('加强绩效运行全程监控');
    // 个别项目支出进度不均衡 speaks of 支出进度率: merged, not repeated
    expect(p.filter((x) => x.includes('支出进度'))).toHaveLength(1);
  });

  test('the lost row is analysed under 管理效率 with actual, target, score and reason', () => {
    expect(management(report)).toContain('“支出进度率”年度指标值为不低于90%，实际完成54%，得3分（分值5分），主要原因是个别项目受政府采购流程影响');
    expect(performance(report)).toContain('均已达到100%预期实现值');
  });

  test('placeholders without material; the sheet’s goal stands for （三）', () => {
    expect(section(report, '（一）部门职能')).toContain('【请填写：部门职能】');
    expect(section(report, '（二）年度总体工作')).toContain('【请填写：年度重点工作任务】');
    expect(section(report, '（三）部门整体支出绩效目标')).toContain('依法组织开展对“一府一委两院”监督工作');
  });

  test('no placeholder once the material is given, and the material is used', () => {
    const full = buildReport(makeEvaluation(), FULL_MATERIAL);
    const text = reportText(full);
    expect(text).not.toContain('【');
    expect(section(full, '（一）部门职能')).toContain('常设机关和工作机构');
    expect(section(full, '（一）部门职能')).toContain('7个工作委员会');
    expect(section(full, '（二）年度总体工作')).toContain('本年度重点工作任务：一是召开年度人民代表大会');
    expect(section(full, '（五）')).toContain('本年度按要求开展绩效运行监控和绩效自评工作');
    expect(full.signature).toEqual({ unit: '广州市海珠区人民代表大会常务委员会办公室', date: '2024年3月15日' });
  });

  test('the missing 年度总体工作目标 is asked for by that name', () => {
    expect(section(report, '（二）年度总体工作')).toContain('本年度总体工作目标：【请填写：年度总体工作目标】');
  });

  test('formal text: no English letters, no Markdown marks', () => {
    for (const r of [report, buildReport(makeEvaluation({ rows: gradeGoodRows() }), FULL_MATERIAL)]) {
      const text = reportText(r);
      expect(text).not.toMatch(/[A-Za-z*#`_>[\]]/);
    }
  });

  test('section text for the copy buttons starts with the heading', () => {
    expect(sectionText(report.sections[10]).split('\n')[0]).toBe('三、存在的主要问题');
    expect(reportText(report).split('\n')[0]).toBe(report.title);
  });
});

describe('报告素材 sheet', () => {
  test('fields and their labels, for the pane form', () => {
    expect(MATERIAL_SHEET).toBe('报告素材');
    expect(materialFields.map((f) => f.label)).toEqual([
      '部门职能',
      '机构设置',
      '年度总体工作目标',
      '年度重点工作任务',
      '部门整体支出绩效目标',
      '绩效管理情况',
      '附件标签',
      '成文日期',
    ]);
  });

  test('reads labels, aliases, continuation rows; skips a header and unknown rows', () => {
    const g = testGrid(MATERIAL_SHEET, [
      ['项目', '内容'],
      ['部门职能', '第一段职能。'],
      ['', '第二段职能。'],
      ['内设机构：', '设七个工委。'],
      ['备注', '不应读取'],
      ['本年度总体工作目标', '坚持稳中求进。'],
      ['年度重点工作任务（可分条）', '一是开会；二是监督。'],
      ['绩效目标', '依法履职。'],
      ['部门整体绩效管理情况', ''],
    ]);
    const m = readMaterialSheet(g);
    expect(m).toEqual<ReportMaterial>({
      functions: '第一段职能。\n第二段职能。',
      organisation: '设七个工委。',
      annualWork: '坚持稳中求进。',
      keyTasks: '一是开会；二是监督。',
      performanceGoal: '依法履职。',
    });
  });

  test('rows written by materialSheetRows read back the same, through an ExcelJS sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(MATERIAL_SHEET);
    for (const row of materialSheetRows(FULL_MATERIAL)) ws.addRow(row);
    const back = await wb.xlsx.writeBuffer().then(async (buf) => {
      const wb2 = new ExcelJS.Workbook();
      await wb2.xlsx.load(buf as ArrayBuffer);
      return readMaterialSheet(sheetToGrid(wb2.getWorksheet(MATERIAL_SHEET)!));
    });
    expect(back).toEqual(FULL_MATERIAL);
  });
});

describe('on the example workbook, through the engine', () => {
  test('headings unchanged; placeholders until the material is given', async () => {
    const { evaluation } = await evaluateExample();
    expect(evaluation.results!.total).toBe(98);
    const bare = buildReport(evaluation);
    expect(bare.sections.map((s) => s.heading)).toEqual(REFERENCE_HEADINGS);
    expect(reportText(bare)).toContain('【请填写：部门职能】');
    expect(reportText(bare)).toContain('【请填写：成文日期】');
    const r = buildReport(evaluation, FULL_MATERIAL);
    expect(reportText(r)).not.toContain('【');
    expect(r.title).toBe('2023年度广州市海珠区人民代表大会常务委员会办公室整体支出绩效自评报告');
    // 常委会会议议题按期审议率 is the number 1 formatted as %: the report says 100%, never 1
    expect(section(r, '（五）')).toContain('常委会会议议题按期审议率年度指标值为不低于95%，实际完成100%');
  });

  test('budget completion below 90 %, through the engine', async () => {
    const { evaluation } = await evaluateExample({ E8: 2728.35, E9: 2728.35, C6: '部分采购项目延至下年度实施' });
    expect(evaluation.results!.budget.total!.rate).toBeCloseTo(0.8, 4);
    const r = buildReport(evaluation, FULL_MATERIAL);
    expect(section(r, '（四）')).toContain('收入3410.44万元，支出2728.35万元，财政拨款资金预算完成率为80%，低于90%');
    const p = items(problems(r));
    const m = items(measures(r));
    const i = p.findIndex((x) => x.includes('预算完成率'));
    expect(p[i]).toContain('“预算完成率”');
    expect(m[i]).toContain('提前谋划政府采购项目');
    expect(m.length).toBe(p.length);
  });

  test('amounts in 元, through the engine, are reported in 万元', async () => {
    const { evaluation } = await evaluateExample({
      A7: '年度部门整体支出规模（元）',
      C8: 32800000,
      D8: 34104400,
      E8: 34104400,
      C9: 32800000,
      D9: 34104400,
      E9: 34104400,
    });
    expect(evaluation.table!.money!.unit).toBe('元');
    const r = buildReport(evaluation, FULL_MATERIAL);
    expect(section(r, '（四）')).toContain('一般公共预算收入3410.44万元，支出3410.44万元，财政拨款资金预算完成率达100%');
    expect(section(r, '（四）')).toContain('年初预算数为3280.00万元，年内调增130.44万元（增长3.98%）');
  });
});
