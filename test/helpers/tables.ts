/** Small self-evaluation tables for tests, in the usual layout unless a test changes it. */
import type { SheetGrid } from '../../src/engine/grid';
import { grid, type TestCell } from './grid';

export interface Row {
  l1?: string;
  l2?: string;
  name: string;
  weight: TestCell;
  target: TestCell;
  actual: TestCell;
  score?: TestCell;
  reason?: string;
}

export interface TableOptions {
  year?: number;
  budget?: { annual: TestCell; executed: TestCell; initial?: TestCell };
  sources?: { name: string; annual: TestCell; executed: TestCell }[];
  total?: { annual: TestCell; executed: TestCell } | null;
  name?: string;
}

/** Columns: A 一级 B 二级 C 三级 D 分值 E 年度指标值 F 实际完成值 G 得分 H 偏差原因. */
export function table(rows: Row[], o: TableOptions = {}): SheetGrid {
  const year = o.year ?? 2024;
  const sources = o.sources ?? [{ name: '财政拨款', annual: o.budget?.annual ?? 100, executed: o.budget?.executed ?? 100 }];
  const total = o.total === undefined ? { annual: o.budget?.annual ?? 100, executed: o.budget?.executed ?? 100 } : o.total;
  const out: TestCell[][] = [
    [`部门整体支出绩效自评表（${year}年度）`],
    ['单位名称', '', '测试局'],
    ['年度整体绩效目标', '', '完成年度工作任务'],
    ['年度部门整体支出规模（万元）', '资金来源', '年初预算数', '全年预算数', '全年执行数', '预算完成率'],
  ];
  if (total) out.push(['', '合计', total.annual, total.annual, total.executed, '']);
  for (const s of sources) out.push(['', s.name, s.annual, s.annual, s.executed, '']);
  out.push(['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施']);
  for (const r of rows) out.push([r.l1 ?? '', r.l2 ?? '', r.name, r.weight, r.target, r.actual, r.score ?? '', r.reason ?? '']);
  out.push(['合计', '', '', '', '', '', '', '']);
  out.push(['自评等级', '', '', '', '', '', '', '']);
  return grid(o.name ?? '部门整体支出绩效自评表', out);
}

/** Row index (0-based) of the first indicator in table(). */
export function firstIndicatorRow(o: TableOptions = {}): number {
  const sources = o.sources ?? [1];
  return 4 + (o.total === null ? 0 : 1) + sources.length + 1;
}

/**
 * Another layout: 指标性质 and 度量单位 columns, bare numbers, a 定性 row, 偏差说明 before 得分, a SUM formula under
 * the weights and an 等次 footer. Scores 20, 16, 14, 20, 18.95 (88.95, 良).
 */
export function natureTable(name: string, executed = 100): SheetGrid {
  return grid(name, [
    ['2024年度部门整体支出绩效自评表'],
    ['部门名称', '测试局'],
    ['预算执行情况（万元）', '', '年初预算', '全年预算数', '全年执行数', '执行率'],
    ['', '合计', 100, 100, executed, ''],
    ['一级指标', '二级指标', '三级指标', '指标性质', '度量单位', '分值', '年度指标值', '实际完成值', '偏差说明', '得分'],
    ['产出指标', '数量', '覆盖率', '≥', '%', 20, 95, 96, '', ''],
    ['', '', '差错率', '≤', '%', 20, 5, 6, '复核不足', ''],
    ['', '质量', '服务效果', '定性', '', 20, '效果明显', '基本达到', '宣传不够', ''],
    ['效益指标', '社会效益', '新建站点', '=', '个', 20, 10, 10, '', ''],
    ['', '', '办结率', '≥', '%', 20, 95, 0.9, '人手不足', ''],
    ['总分', '', '', '', '', { v: 100, formula: 'SUM(F6:F10)' }, '', '', '', ''],
    ['等次', '', '', '', '', '', '', '', '', ''],
  ]);
}
