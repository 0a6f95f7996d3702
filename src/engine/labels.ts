/**
 * The label vocabulary of the 自评表 (spec §2). Labels are matched on labelKey() text (half-width, no spaces).
 * Within one header cell the longest matching synonym decides the meaning.
 */
export const TITLE = '部门整体支出绩效自评表';
/** A title names a self-evaluation table: 部门整体支出绩效自评表, 部门整体绩效自评表, 项目支出绩效自评表, 绩效目标自评表 … */
export const TITLE_PATTERN = /绩效.{0,8}自评表|自评表/;

export const HEADER_LABELS = {
  unitName: ['单位名称', '部门名称', '预算部门', '单位(部门)名称', '部门(单位)名称', '实施单位', '主管部门'],
  goal: ['年度整体绩效目标', '年度总体目标', '预期目标', '年度绩效目标', '整体绩效目标'],
  achievement: ['实际完成情况', '年度总体目标完成情况', '目标完成情况'],
  shortfall: ['未能完成原因', '未完成原因'],
} as const;

export type MoneyColumn = 'initial' | 'annual' | 'executed' | 'rate' | 'weight' | 'score' | 'source';

export const MONEY_COLUMNS: Record<MoneyColumn, string[]> = {
  initial: ['年初预算数', '年初预算'],
  annual: ['全年预算数', '调整后预算数', '调整后预算', '预算数', '全年预算'],
  executed: ['全年执行数', '预算执行数', '执行数', '决算数', '实际支出', '全年执行'],
  rate: ['预算完成率', '预算执行率', '执行率', '完成率'],
  weight: ['分值', '权重'],
  score: ['得分'],
  source: ['资金来源', '资金性质', '项目'],
};

export const MONEY_TOTAL_ROWS = ['合计', '年度资金总额', '年度总金额', '资金总额', '资金总计', '总额', '总计', '总金额'];
export const MONEY_SOURCE_ROWS = [
  '财政拨款', '财政资金', '一般公共预算', '政府性基金', '国有资本经营', '上年结转', '结转', '其他资金', '其中', '专户', '事业收入', '自有资金',
  '基本支出', '项目支出', '其他',
];
/** Parts of 财政拨款 that a table may list under it as a breakdown (§2.1). */
export const FISCAL_SUBCATEGORIES = ['一般公共预算', '政府性基金', '国有资本经营'];
export const FISCAL_PARENTS = ['财政拨款', '财政资金', '财政'];
/** Rows that end the money block: goal and indicator rows are never fund rows (§2.1). */
export const NON_FUND_ROWS = [
  '年度总体目标', '总体目标', '年度绩效目标', '绩效目标', '预期目标', '年初设定目标', '实际完成情况', '目标完成情况', '完成情况',
  '绩效指标', '一级指标', '二级指标', '三级指标', '指标名称', '年度目标', '未能完成原因', '未完成原因',
];

export type IndicatorColumn =
  | 'level1'
  | 'level2'
  | 'name'
  | 'nature'
  | 'weight'
  | 'target'
  | 'unit'
  | 'actual'
  | 'score'
  | 'reason'
  | 'rule';

export const INDICATOR_COLUMNS: Record<IndicatorColumn, string[]> = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称', '三级指标名称'],
  nature: ['指标性质', '指标方向'],
  weight: ['分值', '权重', '指标分值', '分值(权重)', '权重(分值)'],
  target: ['年度指标值', '指标值', '目标值', '年度目标值', '年度目标', '预期指标值'],
  unit: ['度量单位', '计量单位', '单位'],
  actual: ['实际完成值', '完成值', '实际值', '全年实际完成值', '实际完成情况'],
  score: ['得分', '自评得分', '评分'],
  reason: ['偏差原因分析及改进措施', '未完成原因分析', '偏差说明', '偏差原因', '未完成原因'],
  rule: ['评分标准', '指标解释', '评分规则', '评分方法'],
};

/** Rows below the indicators. */
export const FOOTER_LABELS = {
  total: ['合计', '总分', '总计'],
  totalScore: ['自评得分', '自评总分'],
  grade: ['自评等级', '等次', '评价等级', '自评等次', '等级'],
  conclusion: ['评价结论', '自评结论'],
  problems: ['存在问题', '存在的问题', '存在的主要问题', '主要问题'],
  measures: ['改进措施', '改进意见', '下一步改进措施', '整改措施'],
  subtotal: ['小计'],
} as const;

/** Names of the budget-completion indicator (its actual is the computed rate). */
export const BUDGET_INDICATOR_NAMES = ['预算完成率', '预算执行率'];

/** The meaning of a header cell: the column kind whose synonym is the longest match, or null. */
export function matchColumn<K extends string>(key: string, table: Record<K, readonly string[]>): K | null {
  if (!key) return null;
  let best: K | null = null;
  let bestLen = 0;
  let bestExact = false;
  for (const kind of Object.keys(table) as K[]) {
    for (const syn of table[kind]) {
      const exact = key === syn;
      if (!exact && !key.includes(syn)) continue;
      if ((exact && !bestExact) || (exact === bestExact && syn.length > bestLen)) {
        best = kind;
        bestLen = syn.length;
        bestExact = exact;
      }
    }
  }
  return best;
}

/** True when the key starts with, equals or (for short keys) contains one of the labels. */
export function isLabel(key: string, labels: readonly string[]): boolean {
  if (!key) return false;
  return labels.some((l) => key === l || key.startsWith(l) || (key.length <= l.length + 6 && key.includes(l)));
}
