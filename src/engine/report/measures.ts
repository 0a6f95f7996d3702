/** Standard measures for problems the sheet gives no measure for, chosen by what the problem is about. */

const MEASURES: [RegExp, string][] = [
  [/支出进度|预算执行|预算完成|执行率|资金使用|结转|结余/, '进一步加强预算执行管理和支出进度跟踪，对可能影响预算执行的因素及时研究解决，确保资金按计划支出'],
  [/监控/, '进一步加强绩效运行全程监控，及时发现和纠正绩效目标执行中的偏差'],
  [/绩效目标|绩效指标|指标设定|目标设定|预算编制/, '进一步提高预算编制和绩效目标设定的科学性，科学细化预算支出项目和绩效指标'],
  [/评价|结果应用/, '进一步规范绩效评价工作，强化评价结果应用，将评价结果作为安排预算的重要依据'],
  [/制度/, '进一步健全内部管理和绩效管理制度，规范工作流程，确保制度有效执行'],
  [/满意度|投诉/, '进一步改进工作方式，提升服务质量和服务对象满意度'],
  [/培训|学习/, '进一步完善培训计划，确保培训按计划组织实施'],
  [/采购/, '进一步优化政府采购工作安排，提前谋划采购项目，确保按时序推进'],
];

const FALLBACK = '进一步加强相关工作的跟踪管理，认真分析未达标原因，确保下一年度完成年度指标值';

/** A measure for a problem, by its words; `name` makes it specific to one indicator. */
export function genericMeasure(topic: string, name?: string): string {
  const found = MEASURES.find(([re]) => re.test(topic));
  const measure = found ? found[1] : FALLBACK;
  return name ? `针对“${name}”未达到年度指标值的情况，${measure}` : measure;
}

/** When nothing lost points and the sheet names no problem: the reference's own two standing problems. */
export const DEFAULT_FINDINGS: { problem: string; measure: string }[] = [
  {
    problem: '编制部门预算时，绩效目标、指标设定的精细化程度仍有待提高',
    measure: '进一步提高预算编制的科学性。全面准确了解单位工作职能和部门年度工作计划，科学细化预算支出项目和绩效指标',
  },
  {
    problem: '绩效运行监控工作还有待进一步加强',
    measure: '进一步加强绩效运行全程监控。对可能影响预算执行和绩效目标实现的因素，及时研究解决，进一步提升经费使用效率',
  },
];
