/** Generated self-evaluation sheets of any size, for benchmarks (a mix of every rule). */
import type { CellValue, SheetGrid } from '../src/engine/grid';

const KINDS: [string, CellValue, CellValue][] = [
  ['按期办结率', '≥95%', '96%'],
  ['差错率', '≤5%', '6%'],
  ['培训次数', '≥2次', '1次'],
  ['服务效果', '达到预期', '基本达到'],
  ['覆盖率', '=100%', 0.98],
];

export function bigSheet(rows: number, name = '部门整体支出绩效自评表'): SheetGrid {
  const values: CellValue[][] = [
    ['部门整体支出绩效自评表（2024年度）', '', '', '', '', '', '', ''],
    ['单位名称', '', '测试局', '', '', '', '', ''],
    ['年度部门整体支出规模（万元）', '资金来源', '年初预算数', '全年预算数', '全年执行数', '预算完成率', '', ''],
    ['', '合计', 1000, 1000, 990, '', '', ''],
    ['', '财政拨款', 1000, 1000, 990, '', '', ''],
    ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
  ];
  const formats: string[][] = values.map((r) => r.map(() => 'General'));
  const w = Math.round((100 / rows) * 10000) / 10000;
  for (let i = 0; i < rows; i++) {
    const [n, t, a] = KINDS[i % KINDS.length];
    values.push([i === 0 ? '履职效能' : '', i % 10 === 0 ? `二级${i / 10}` : '', `${n}${i + 1}`, w, t, a, '', '原因']);
    formats.push(['General', 'General', 'General', 'General', 'General', typeof a === 'number' ? '0%' : 'General', 'General', 'General']);
  }
  values.push(['合计', '', '', '', '', '', '', '']);
  values.push(['自评等级', '', '', '', '', '', '', '']);
  formats.push(values[0].map(() => 'General'), values[0].map(() => 'General'));
  return { name, values, numberFormats: formats, formulas: values.map((r) => r.slice()), origin: { row: 0, col: 0 } };
}

/** bigSheet whose first indicator is the budget row (预算执行率, scored by the budget completion rule), as real tables have. */
export function bigSheetWithBudgetRow(rows: number): SheetGrid {
  const g = bigSheet(rows);
  const first = g.values[6];
  first[2] = '预算执行率';
  first[4] = '≥95%';
  first[5] = '99%';
  return g;
}
