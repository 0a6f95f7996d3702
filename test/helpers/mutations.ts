/**
 * Mutated copies of the example for the property tests of the doors (add-in gateway and command line):
 * which cells a user may change, what they may type, and which cells a calculation may write.
 */
import fc from 'fast-check';
import type { TableModel } from '../../src/engine/types';
import { isBudgetIndicator } from '../../src/engine/locate';

/** Runs per property; FC_RUNS raises them (the default keeps the suite within a few minutes on 2 cores). */
export function runs(defaultRuns: number): number {
  const n = Number(process.env.FC_RUNS);
  return Number.isFinite(n) && n > 0 ? n : defaultRuns;
}

/** Seed and path of a failure are printed by fast-check; FC_SEED replays one. */
/** The seed CI runs every property with, so that a run that lands is a run anyone can replay. */
export const CI_SEED = 20261202;

/**
 * fast-check's parameters: FC_SEED replays a run; under CI (CI=true) the fixed CI_SEED, so that a landing is never
 * decided by the draw; elsewhere a new draw each run, which is how properties find what nobody thought of.
 */
export function fcParams(numRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.FC_SEED);
  if (Number.isFinite(seed) && process.env.FC_SEED) return { numRuns, seed };
  return process.env.CI ? { numRuns, seed: CI_SEED } : { numRuns };
}

/**
 * Cells of the example a user types into: the money block's amounts, every indicator's weight, target, actual,
 * score (a manual score) and reason, and the output cells themselves (a user may type over a rate or a total).
 */
export const INPUT_CELLS = [
  ...['C8', 'D8', 'E8', 'C9', 'D9', 'E9', 'C10', 'D10', 'E10', 'C11', 'D11', 'E11'],
  ...Array.from({ length: 14 }, (_, i) => ['D', 'E', 'F', 'G', 'H'].map((c) => `${c}${13 + i}`)).flat(),
  ...['F8', 'F9', 'F10', 'F11', 'G27', 'D28'],
];

/** What a user may put in a cell: a value with an optional number format, or a formula with its cached value. */
export interface Mutation {
  address: string;
  value: string | number | boolean;
  numberFormat?: string;
  formula?: string;
}

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(...'0123456789.%％≥≤＞＜=约万元次个-+, 　一二不低于高'.split('')), maxLength: 10 }),
  fc.constantFrom(
    '约100', '一百万', '100万元', '≈95%', '≥≥95%', '#DIV/0!', '#N/A', '#VALUE!', '#REF!', '', '—', '达到', '基本达到', '未达到',
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '=SUM(A1:A3)', '满分', '1e309', '-5', '0', '100%', '≥95%',
  ),
);
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, 0.96, 1, 1.2, 10, 100, 3410.44),
);

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  address: fc.constantFrom(...INPUT_CELLS),
  value: fc.oneof(text, number, fc.boolean()),
  numberFormat: fc.option(fc.constantFrom('General', '0%', '0.00%', '@', '0.00'), { nil: undefined }),
  formula: fc.option(fc.constantFrom('=1+1', '=D13*1', '=SUM(D13:D14)'), { freq: 5, nil: undefined }),
});

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

/**
 * The cells of the table sheet a calculation may write (spec §5): the money block's rates and score, each
 * indicator's 得分, the budget item's 实际完成值, subtotals, the total and the grade.
 */
export function allowedCells(t: TableModel): Set<string> {
  const s = new Set<string>();
  const add = (a: string | null | undefined) => void (a && s.add(a));
  if (t.money) {
    for (const r of t.money.rows) add(r.rateCell);
    add(t.money.total?.rateCell);
    add(t.money.scoreCell);
  }
  for (const i of t.indicators) {
    add(i.cells.score);
    if (isBudgetIndicator(i.name)) add(i.cells.actual);
  }
  for (const c of t.subtotalCells) add(c.cell);
  add(t.footer.totalScoreCell);
  add(t.footer.gradeCell);
  return s;
}

/** Labels that change the table's shape: a header, a footer, a 小计 or a second table appears or goes. */
const LABELS = [
  '合计', '总分', '小计', '自评得分', '自评等级', '等次', '得分', '分值', '权重', '一级指标', '二级指标', '三级指标', '指标名称',
  '年度指标值', '实际完成值', '预算完成率', '全年预算数', '全年执行数', '年初预算数', '财政拨款', '其中：一般公共预算',
  '部门整体支出绩效自评表', '（2023年度）', '履职效能（60分）', '存在问题', '改进措施', '',
];

/** Any cell of A1:I30 (labels included) gets a label, a value or a blank: the table's structure itself changes. */
export const structureMutations = fc.array(
  fc.record({
    address: fc.tuple(fc.constantFrom(...'ABCDEFGHI'.split('')), fc.integer({ min: 1, max: 30 })).map(([c, r]) => `${c}${r}`),
    value: fc.oneof(fc.constantFrom(...LABELS), fc.constantFrom('≥95%', '达到', 10, 0.96, '#N/A')),
    numberFormat: fc.constant(undefined),
    formula: fc.constant(undefined),
  }) as fc.Arbitrary<Mutation>,
  { minLength: 1, maxLength: 4 },
);
