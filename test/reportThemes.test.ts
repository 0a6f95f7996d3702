/**
 * 三 as themes, 四 answering them (themes.ts, reasons.ts, measures.ts); the printed title's lines (title.ts) and the
 * 落款 and 附件 label (signature.ts).
 */
import { buildReport, reportText, titleLines } from '../src/engine/report';
import { rowTheme, textTheme, MAX_THEMES } from '../src/engine/report/themes';
import { causeCitation, factorMeasures } from '../src/engine/report/reasons';
import { attachmentLabel, reportDate, signatureOf } from '../src/engine/report/signature';
import { printedWidth, TITLE_LINE_WIDTH } from '../src/engine/report/title';
import type { IndicatorResult } from '../src/engine/types';
import { HAIZHU_ROWS, makeEvaluation, type RowSpec } from './fixtures/reportFixtures';
import { measuresOf, problemsOf, sectionOf } from './fixtures/reportChecks';

const r = (level1: string, level2: string, name: string) => ({ level1, level2, name }) as IndicatorResult;

describe('themes', () => {
  test('a row’s theme comes from its name, else its level-2, else its level-1 indicator', () => {
    expect(rowTheme(r('管理效率', '预算执行', '支出进度率'))).toBe('progress');
    expect(rowTheme(r('管理效率', '预算执行', '预算完成率'))).toBe('progress');
    expect(rowTheme(r('管理效率', '预算管理', '预算调整率'))).toBe('budget');
    expect(rowTheme(r('管理效率', '绩效管理', '绩效目标合理性'))).toBe('goals');
    expect(rowTheme(r('管理效率', '绩效管理', '绩效监控开展情况'))).toBe('goals');
    expect(rowTheme(r('管理效率', '资产管理', '资产管理制度健全性'))).toBe('internal');
    expect(rowTheme(r('效益指标', '满意度指标', '服务对象满意度'))).toBe('satisfaction');
    expect(rowTheme(r('效益指标', '社会效益指标', '对维护市场公平的作用'))).toBe('effect');
    expect(rowTheme(r('产出指标', '数量指标', '基建工程委托业务项目'))).toBe('output');
    expect(rowTheme(r('履职效能', '代表工作', '人大代表履职培训班举办次数'))).toBe('output');
    expect(textTheme('个别项目支出进度不均衡')).toBe('progress');
    expect(textTheme('编制部门预算时，绩效目标、指标设定的精细化程度仍有待提高')).toBe('budget');
    expect(textTheme('绩效运行监控工作还有待进一步加强')).toBe('goals');
  });

  test('rows of six kinds are merged within their family down to four themes', () => {
    const rows: RowSpec[] = [
      { level1: '产出指标', level2: '数量指标', name: '培训人次', weight: 20, target: '≥100人次', actual: '80人次', score: 16, reason: '受天气影响，部分培训延期' },
      { level1: '产出指标', level2: '时效指标', name: '按时完成率', weight: 10, target: '100%', actual: '90%', score: 9, reason: '部分建议涉及多个部门' },
      { level1: '效益指标', level2: '社会效益指标', name: '社会影响', weight: 10, target: '效果明显', actual: '部分达成', score: 7, method: '定性', reason: '宣传不够' },
      { level1: '满意度指标', level2: '服务对象满意度', name: '群众满意度', weight: 10, target: '≥90%', actual: '85%', score: 9.44, reason: '服务流程有待优化' },
      { level1: '管理效率', level2: '预算执行', name: '支出进度率', weight: 10, target: '≥90%', actual: '60%', score: 6.67, reason: '受政府采购流程影响' },
      { level1: '管理效率', level2: '预算管理', name: '预算调整率', weight: 10, target: '≤10%', actual: '15%', score: 5, reason: '年初预算测算不够精准' },
      { level1: '管理效率', level2: '绩效管理', name: '绩效目标合理性', weight: 10, target: '目标合理', actual: '基本合理', score: 7, method: '定性', reason: '指标不够细化' },
      { level1: '管理效率', level2: '资产管理', name: '资产管理制度健全性', weight: 20, target: '健全', actual: '基本健全', score: 14, method: '定性', reason: '制度修订滞后' },
    ];
    const report = buildReport(makeEvaluation({ rows, problems: '', measures: '' }));
    const p = problemsOf(report);
    expect(p.length).toBeLessThanOrEqual(MAX_THEMES);
    expect(p.length).toBeGreaterThanOrEqual(2);
    expect(measuresOf(report)).toHaveLength(p.length);
    // Every row is named in exactly one theme.
    for (const x of rows) expect(p.filter((item) => item.includes(`“${x.name}”`))).toHaveLength(1);
  });

  test('a sheet’s 改进措施 that do not pair by position go to the problem they speak of', () => {
    const rows = HAIZHU_ROWS.map((x): RowSpec => (x.name === '绩效目标完成率' ? { ...x, actual: '60%', score: 3.33, reason: '部分项目延期实施' } : x));
    const report = buildReport(
      makeEvaluation({
        rows,
        problems: '个别项目支出进度不均衡；绩效目标完成情况不够理想',
        measures: '加强绩效目标执行跟踪，确保目标按期实现；加强项目支出进度跟踪管理；进一步提高预算编制的科学性',
      }),
    );
    const p = problemsOf(report);
    const m = measuresOf(report);
    const goals = p.findIndex((x) => x.includes('“绩效目标完成率”'));
    expect(p[goals]).toContain('绩效目标完成情况不够理想');
    expect(m[goals]).toContain('加强绩效目标执行跟踪');
    expect(m[goals]).not.toContain('进一步提高预算编制的科学性');
    // The measure no problem speaks of (预算编制) goes to the theme of its family (money: 支出进度).
    const progress = p.findIndex((x) => x.includes('支出进度不均衡'));
    expect(m[progress]).toContain('加强项目支出进度跟踪管理；进一步提高预算编制的科学性');
  });

  test('the 改进措施 in the sheet and in the reason cells lead; a clause is never used twice in the draft', () => {
    const report = buildReport(makeEvaluation({ problems: '', measures: '' }));
    const m = measuresOf(report);
    expect(m).toHaveLength(1);
    expect(m[0]).toContain('加强支出进度跟踪管理');
    const clauses = sectionOf(report, '四、').split(/[。；：]/).filter((c) => c.length > 6);
    expect(new Set(clauses).size).toBe(clauses.length);
  });

  test('measures can ask for the responsible office and the deadline', () => {
    const report = buildReport(makeEvaluation(), null, { measureOwners: true });
    const m = measuresOf(report);
    for (const x of m) expect(x).toContain('【请填写：责任科室、完成时限】');
    expect(reportText(buildReport(makeEvaluation()))).not.toContain('责任科室');
  });
});

describe('reasons cited by their factors', () => {
  test('known factors in 受…影响, others by their first clause', () => {
    expect(causeCitation(['个别项目受政府采购流程影响，支出进度不均衡'])).toBe('主要受政府采购流程影响');
    expect(causeCitation(['受政府采购流程影响', '部分建议涉及多个部门，协调办理时间较长'])).toBe('主要受政府采购流程、跨部门协调等因素影响');
    expect(causeCitation(['评价结果尚未与预算安排挂钩，影响应用'])).toBe('主要原因是评价结果尚未与预算安排挂钩');
    expect(causeCitation([])).toBe('');
  });

  test('each factor has its own measure, once', () => {
    const m = factorMeasures(['受政府采购流程影响', '政府采购延迟', '台风天气影响施工']);
    expect(m).toHaveLength(2);
    expect(m[0]).toContain('提前谋划政府采购项目');
    expect(m[1]).toContain('天气');
  });
});

describe('the printed title', () => {
  test('year and unit first, 整体支出绩效自评报告 on the last line', () => {
    expect(titleLines('2023年度中江县水利局')).toEqual(['2023年度中江县水利局', '整体支出绩效自评报告']);
  });

  test('a unit too long for a line is broken between the words of its name, as evenly as it can', () => {
    expect(titleLines('2023年度广州市海珠区人民代表大会常务委员会办公室')).toEqual([
      '2023年度广州市海珠区',
      '人民代表大会常务委员会办公室',
      '整体支出绩效自评报告',
    ]);
    expect(titleLines('2023年度广州市海珠区南华西街道办事处社区服务中心')).toEqual([
      '2023年度广州市海珠区',
      '南华西街道办事处社区服务中心',
      '整体支出绩效自评报告',
    ]);
    // 市 of 市场 ends no word.
    const market = titleLines('2024年度池州市市场监督管理局综合行政执法支队');
    expect(market.some((l) => l.startsWith('场'))).toBe(false);
    for (const l of market) expect(printedWidth(l)).toBeLessThanOrEqual(TITLE_LINE_WIDTH);
  });

  test('the draft carries the lines; joined, they are the title', () => {
    const report = buildReport(makeEvaluation());
    expect(report.titleLines!.join('')).toBe(report.title);
    expect(report.titleLines![report.titleLines!.length - 1]).toBe('整体支出绩效自评报告');
  });
});

describe('the 落款 and the 附件 label', () => {
  test('the unit from the table; the date from the material, when it is of the year after the evaluated year', () => {
    expect(signatureOf('广州市海珠区人大常委会办公室', 2023, { reportDate: '2024年3月15日' })).toEqual({ unit: '广州市海珠区人大常委会办公室', date: '2024年3月15日' });
    expect(reportDate('2024-03-05', 2023)).toBe('2024年3月5日');
    expect(reportDate('２０２４．３．１５', 2023)).toBe('2024年3月15日');
    // Last year's date, kept in the workbook, is not used for this year's table.
    expect(reportDate('2024年3月15日', 2024)).toBeNull();
    expect(reportDate('三月', 2023)).toBeNull();
    expect(signatureOf('', null, {})).toEqual({ unit: '【请填写：单位名称】', date: '【请填写：成文日期】' });
  });

  test('附件 label as written in 公文: 附件2; none unless given', () => {
    expect(attachmentLabel({ attachmentLabel: '附件 2' })).toBe('附件2');
    expect(attachmentLabel({ attachmentLabel: '２' })).toBe('附件2');
    expect(attachmentLabel({})).toBe('');
    const report = buildReport(makeEvaluation(), { attachmentLabel: '附件2', reportDate: '2024年3月15日' });
    const lines = reportText(report).split('\n');
    expect(lines.slice(0, 2)).toEqual(['附件2', report.title]);
    expect(lines.slice(-2)).toEqual(['广州市海珠区人民代表大会常务委员会办公室', '2024年3月15日']);
  });
});
