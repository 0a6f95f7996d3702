/**
 * Generated tables of the national (财政部) kind for the nothing-lost property: a random choice among the variants
 * of domain.md §2.1 (block label over one or two columns, the header that lies, national or Sichuan money columns,
 * total row filled / empty / 0 0 0 / wrong, amounts as numbers or 元 text with thousands separators, goal rows with
 * narrative between and after the blocks, template rows, footers), with random text in every cell that is neither a
 * label, an input nor an output. `outputs` are the cells a calculation may write.
 */
import fc from 'fast-check';
import { a1, type SheetGrid } from '../../src/engine/grid';
import { grid, type TestCell } from './grid';

const W = 10; // A..J: the table uses A..I, J holds notes
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** What users type in free cells: narrative with numbers, dashes, slashes, labels out of place, anything. */
export const freeText: fc.Arbitrary<TestCell> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 3, arbitrary: pick(['本项目共完成预算资金89.97万元。其中:30万元用于预算编制;29.99万元用于设计。', '43.2', '37.24', '—', '/', '无', '100%', '≥90%', '实际完成情况', '预期目标', '其中：', '合计', '0', '#N/A', '年度总体目标完成情况良好，执行率96.85%。']) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constant('') },
);

const amount = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 500000000 }).map((c) => c / 100));
const thousands = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const source = fc.record({
  label: pick(['其中：当年财政拨款', '其中:财政拨款', '一般公共预算', '上年结转资金', '其他资金', '政府性基金预算', '其中：财政资金', '单位资金']),
  initial: fc.option(amount, { nil: null }),
  annual: fc.option(amount, { nil: null }),
  executed: fc.option(amount, { nil: null }),
});

const indicator = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      template: fc.constant(false as const),
      l1: pick(['产出指标', '产出指标（50分）', '效益指标（30分）', '满意度指标', '履职效能（60分）', '（20分）', '']),
      l2: pick(['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '']),
      name: pick(['培训人次', '验收合格率', '完成及时率', '人均成本', '群众满意度', '制度建设', '预算执行率']),
      target: pick(['≥95%', '≤5%', '=100%', '﹦100%', '＞＝９５％', '≥2次', '达到预期', '100%', '≤90万元', '≥1000人']),
      actual: fc.oneof(
        pick<TestCell>(['96%', '90%', '6%', '100%', '1次', '基本达到', '达成预期指标', '≥90%', '９６％', '85万元', '未达到']),
        fc.constant<TestCell>({ v: 0.96, f: '0%' }),
        fc.integer({ min: 0, max: 2000 }),
      ),
      weight: fc.integer({ min: 1, max: 30 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ template: fc.constant(true as const), l2: pick(['', '经济效益指标', '生态效益指标']), name: pick(['指标1', '指标2', '……', '…', '']) }) },
);

export const nationalSpec = fc.record({
  title: pick(['项目支出绩效自评表', '部门整体支出绩效自评表', '部门整体绩效自评表']),
  yearMode: pick(['inTitle', 'ownRow', 'yearCell'] as const),
  year: fc.integer({ min: 2018, max: 2025 }),
  labelWidth: pick([1, 2] as const),
  blockLabel: pick(['项目资金（万元）', '年度资金总额', '预算执行情况（万元）', '预算执行情况（万元）（10分）', '项目资金']),
  lies: fc.boolean(),
  sichuan: fc.boolean(),
  totalLabel: pick(['年度资金总额', '年度资金总额：', '年度总金额', '资金总额', '总额', '合计']),
  totalMode: pick(['filled', 'empty', 'zero', 'wrong'] as const),
  sources: fc.array(source, { minLength: 1, maxLength: 4 }),
  asText: fc.boolean(),
  goalsBetween: fc.integer({ min: 0, max: 2 }),
  goalAfter: fc.boolean(),
  indicatorColumn: pick([0, 1] as const),
  indicators: fc.array(indicator, { minLength: 1, maxLength: 8 }),
  footerTotal: fc.boolean(),
  footerGrade: fc.boolean(),
  free: fc.array(freeText, { minLength: 64, maxLength: 64 }),
});
export type NationalSpec = typeof nationalSpec extends fc.Arbitrary<infer T> ? T : never;

export interface GeneratedTable {
  grid: SheetGrid;
  /** Cells a calculation may write: rates of fund rows, the budget score, scores of real indicators, total, grade. */
  outputs: Set<string>;
}

export function buildNational(s: NationalSpec): GeneratedTable {
  const rows: TestCell[][] = [];
  const merges: string[] = [];
  const outputs = new Set<string>();
  let k = 0;
  const free = (): TestCell => s.free[k++ % s.free.length];
  const line = (cells: Record<number, TestCell>, freeCols: number[] = []): number => {
    const r: TestCell[] = Array.from({ length: W }, () => '');
    for (const [c, v] of Object.entries(cells)) r[Number(c)] = v;
    for (const c of freeCols.concat(W - 1)) if (r[c] === '') r[c] = free();
    rows.push(r);
    return rows.length - 1;
  };
  const merge = (r1: number, c1: number, r2: number, c2: number) => (r1 !== r2 || c1 !== c2) && merges.push(`${a1(r1, c1)}:${a1(r2, c2)}`);
  const yearText = s.yearMode === 'inTitle' ? `${s.year}年度${s.title}` : s.title;
  merge(line({ 0: yearText }), 0, rows.length - 1, 8);
  if (s.yearMode === 'ownRow') merge(line({ 0: `（${s.year}年度）` }), 0, rows.length - 1, 8);
  if (s.yearMode === 'yearCell') line({ 0: '年度', 1: s.year, 2: '单位名称' }, [3]);
  else line({ 0: '单位名称' }, [1]);

  // Money block: label column L after a merged block label over L columns.
  const L = s.labelWidth;
  const heads = s.sichuan ? ['年初预算', '调整后预算数', '预算执行数', '预算执行率', '执行率权重', '执行率得分'] : ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
  const [rateCol, weightCol, scoreCol] = s.sichuan ? [L + 4, L + 5, L + 6] : [L + 5, L + 4, L + 6];
  const head: Record<number, TestCell> = { 0: s.blockLabel, [L]: s.lies ? '年度预算数（万元）' : '' };
  heads.forEach((h, i) => (head[L + 1 + i] = h));
  const top = line(head, [L + 7]);
  const amt = (x: number | null): TestCell => (x === null ? '' : s.asText ? thousands(x) : x);
  const sum = (f: 'initial' | 'annual' | 'executed') => s.sources.reduce((a, x) => a + (x[f] ?? 0), 0);
  const total = { filled: [sum('initial'), sum('annual'), sum('executed')], empty: [null, null, null], zero: [0, 0, 0], wrong: [7, 7, 3] }[s.totalMode];
  const fund = (label: string, v: (number | null)[], extra: Record<number, TestCell>, freeCols: number[]) => {
    const r = line({ [L]: label, [L + 1]: amt(v[0]), [L + 2]: amt(v[1]), [L + 3]: amt(v[2]), ...extra }, freeCols);
    outputs.add(a1(r, rateCol));
    return r;
  };
  const totalRow = fund(s.totalLabel, total, { [weightCol]: 10 }, [L + 7]);
  outputs.add(a1(totalRow, scoreCol));
  for (const x of s.sources) fund(x.label, [x.initial, x.annual, x.executed], {}, [weightCol, scoreCol, L + 7]);
  merge(top, 0, rows.length - 1, L - 1);

  const goal = (label: string) => {
    const a = line({ 0: label, [L]: '预期目标', [L + 4]: '实际完成情况' });
    const b = line({ [L]: free(), [L + 4]: free() });
    merge(a, 0, b, L - 1);
    merge(a, L, a, L + 3);
    merge(a, L + 4, a, 8);
    merge(b, L, b, L + 3);
    merge(b, L + 4, b, 8);
  };
  for (let i = 0; i < s.goalsBetween; i++) goal('年度总体目标');

  // Indicator table: columns from S (column A is a merged 绩效指标 label when S = 1).
  const S = s.indicatorColumn;
  const ih = line(Object.fromEntries(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].map((h, i) => [S + i, h])));
  if (S === 1) rows[ih][0] = '绩效指标';
  for (const ind of s.indicators) {
    if (ind.template) line({ [S + 1]: ind.l2, [S + 2]: ind.name }, [S + 7]);
    else {
      const r = line({ [S]: ind.l1, [S + 1]: ind.l2, [S + 2]: ind.name, [S + 3]: ind.target, [S + 4]: ind.actual, [S + 5]: ind.weight }, [S + 7]);
      outputs.add(a1(r, S + 6));
    }
  }
  if (S === 1) merge(ih, 0, rows.length - 1, 0);
  if (s.footerTotal) {
    const r = line({ 0: '总分', [S + 5]: 100 });
    merge(r, 0, r, S + 4);
    outputs.add(a1(r, S + 6));
  }
  if (s.footerGrade) {
    const r = line({ 0: '自评等级' });
    merge(r, 0, r, S + 4);
    outputs.add(a1(r, S + 5));
  }
  if (s.goalAfter) goal('年度总体目标完成情况');
  return { grid: grid(s.title, rows, merges), outputs };
}

export const nationalTable: fc.Arbitrary<GeneratedTable> = nationalSpec.map(buildNational);
