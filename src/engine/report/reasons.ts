/**
 * The factors a deviation reason names (政府采购流程, 跨部门协调, 天气, 资金下达 …): a theme cites its rows' reasons by
 * these factors (the reason itself is given once, in 二（二）/（三）), and its measure answers each factor.
 */
import { clause } from './format';

export interface Factor {
  /** Words of a reason that name the factor. */
  words: RegExp;
  /** The factor as cited in 受…影响 (受政府采购流程影响); '' when the reason's own words say it better. */
  noun: string;
  /** What answers it, as a measure clause. */
  measure: string;
}

export const FACTORS: Factor[] = [
  {
    words: /采购|招标|招投标|比选/,
    noun: '政府采购流程',
    measure: '提前谋划政府采购项目，合理安排采购时序，避免采购环节影响项目实施和资金支付',
  },
  {
    words: /协调|多个部门|跨部门|多部门|会签|会商/,
    noun: '跨部门协调',
    measure: '加强与相关单位的沟通协调，对涉及多个部门的事项明确牵头单位和办理时限，实行清单化跟踪督办',
  },
  { words: /疫情/, noun: '疫情', measure: '完善应急情况下的工作预案，统筹安排线上线下工作方式，减少突发情况对工作进度的影响' },
  {
    words: /天气|台风|暴雨|降雨|汛期|雨季|高温/,
    noun: '天气',
    measure: '科学编排工作进度，为天气等客观因素预留调整时间，确保关键节点按期完成',
  },
  {
    words: /尾款|结算|审计|验收|质保金/,
    noun: '项目验收结算进度',
    measure: '督促项目及时验收、结算，按合同约定及时支付款项',
  },
  {
    words: /资金下达|资金未到位|资金到位|下达较晚|拨付较晚|指标下达/,
    noun: '资金下达时间',
    measure: '加强与财政部门的沟通衔接，推动资金及时下达，资金到位后尽快拨付使用',
  },
  {
    words: /人员不足|人手|人力|人员变动|人员调整|岗位调整|编制不足/,
    noun: '人员力量',
    measure: '合理调配人员力量，明确岗位职责，保障重点工作按计划推进',
  },
  {
    words: /政策调整|政策变化|上级|文件要求|安排调整/,
    noun: '政策和上级工作安排调整',
    measure: '密切跟踪政策和上级工作安排的变化，及时调整年度工作计划、预算安排和绩效目标',
  },
  {
    words: /延期|推迟|延至|延后|未能开工|暂缓|取消/,
    noun: '部分工作延期实施',
    measure: '加强项目前期论证和储备，细化实施计划，项目计划调整时及时调整预算和绩效目标',
  },
  {
    words: /测算|预算偏高|预算偏低|预估|高估|低估|最高限价|限价|节约|结余/,
    noun: '',
    measure: '细化预算测算依据，参考历年支出和市场价格科学测算项目预算，提高预算编制的精准度',
  },
  {
    words: /监控不及时|监控不到位|未按季度|监控滞后/,
    noun: '',
    measure: '建立绩效运行定期监控机制，按季度跟踪绩效目标完成情况，发现偏差及时纠正',
  },
  {
    words: /宣传|知晓/,
    noun: '',
    measure: '加大政策宣传和解读力度，提高服务对象的知晓度和参与度',
  },
  {
    words: /需求变化|需求减少|申报数量|报名人数|参与人数|服务对象减少/,
    noun: '服务需求变化',
    measure: '加强需求调研，根据服务对象需求变化合理确定年度任务量',
  },
];

/** The factors a reason names, in catalogue order. */
export function factorsOf(cause: string): Factor[] {
  return FACTORS.filter((f) => f.words.test(cause));
}

/** The first clause of a reason, cited when it names no known factor: 部分建议办理难度较大，… → 部分建议办理难度较大. */
function firstClause(cause: string): string {
  return clause(cause.split(/[，,；;。]/)[0] ?? '');
}

/**
 * The reasons of a theme's rows cited in one clause: 主要受政府采购流程、跨部门协调等因素影响; reasons naming no
 * known factor by their first clause. '' when no row gave a reason.
 */
export function causeCitation(causes: string[]): string {
  const nouns: string[] = [];
  const others: string[] = [];
  for (const c of causes) {
    const found = factorsOf(c).filter((f) => f.noun);
    for (const f of found) if (!nouns.includes(f.noun)) nouns.push(f.noun);
    if (!found.length) {
      const first = firstClause(c);
      if (first && !others.includes(first)) others.push(first);
    }
  }
  const known = nouns.length === 0 ? '' : nouns.length === 1 ? `受${nouns[0]}影响` : `受${nouns.join('、')}等因素影响`;
  if (known && !others.length) return `主要${known}`;
  const all = [known, ...others].filter((s) => s.length > 0);
  return all.length ? `主要原因是${all.join('；')}` : '';
}

/** Measures answering the factors of the causes (each once). */
export function factorMeasures(causes: string[]): string[] {
  const out: string[] = [];
  for (const c of causes) for (const f of factorsOf(c)) if (!out.includes(f.measure)) out.push(f.measure);
  return out;
}
