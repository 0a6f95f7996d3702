/**
 * The catalogue of issues (spec §6): every kind, its severity and its Chinese message, in one place.
 * Cell issues start with the local address (G14：…) as the spec's examples do.
 */
import type { Issue, Severity } from './types';
import { qualified } from './grid';

type Args = Record<string, string | number>;

interface Kind {
  severity: Severity;
  text: (a: Args) => string;
}

const CATALOGUE = {
  noTable: { severity: '错误', text: (a) => `未找到《部门整体支出绩效自评表》。已查看：${a.searched}。请打开自评表所在的工作表后重试。` },
  titleMissing: { severity: '提示', text: () => '未找到标题“部门整体支出绩效自评表”，已按指标表识别。' },
  yearMissing: { severity: '提示', text: () => '未能识别年度，请在标题中注明，如“（2023年度）”。' },
  unitNameMissing: { severity: '提示', text: () => '未找到“单位名称”，报告中将留待填写。' },
  moneyBlockMissing: { severity: '警告', text: () => '未找到资金表（需含“全年预算数”和“全年执行数”列），未计算预算完成率。' },
  amountUnreadable: { severity: '错误', text: (a) => `${a.label}“${a.text}”无法识别为数值，请填写数字，如 3410.44。` },
  amountUnitMismatch: { severity: '错误', text: (a) => `${a.label}“${a.text}”的单位与表头单位（${a.unit}）不一致，请按${a.unit}填写数字。` },
  budgetZero: { severity: '提示', text: (a) => `${a.name}全年预算数为 0，无法计算预算完成率，完成率显示为“—”。` },
  budgetZeroExecuted: { severity: '警告', text: (a) => `${a.name}全年预算数为 0 而执行数为 ${a.executed}，无法计算预算完成率，请核实预算数。` },
  amountNegative: { severity: '错误', text: (a) => `${a.name}的预算数或执行数为负数（预算数 ${a.annual}、执行数 ${a.executed}），无法计算预算完成率，请核对。` },
  executedBlank: { severity: '警告', text: (a) => `${a.name}全年执行数为空，无法计算预算完成率，请填写。` },
  overExecution: { severity: '警告', text: (a) => `${a.name}全年执行数 ${a.executed} 超过全年预算数 ${a.annual}（完成率 ${a.rate}），请核实。` },
  totalMismatch: {
    severity: '警告',
    text: (a) => `合计行（预算数 ${a.annual}、执行数 ${a.executed}）与各资金来源之和（${a.sumAnnual}、${a.sumExecuted}）不一致，已按各资金来源之和计算，请核对合计行。`,
  },
  totalFromSources: { severity: '提示', text: (a) => `资金表合计行为空或为 0，已按各资金来源之和计算（预算数 ${a.sumAnnual}、执行数 ${a.sumExecuted}）。` },
  partsUnfilled: {
    severity: '警告',
    text: (a) => `各资金来源均为空或为 0，与合计行（预算数 ${a.annual}、执行数 ${a.executed}）不符，已按合计行计算预算完成率，请补填各资金来源。`,
  },
  moneyBreakdown: { severity: '提示', text: (a) => `${a.rows}按${a.parents}的细项理解，未重复计入合计，这样各来源之和与合计一致。` },
  moneyLabelColumn: { severity: '提示', text: (a) => `此列表头为“${a.header}”，但列中是资金来源名称，已按资金来源列读取。` },
  moneyUnitGuessed: { severity: '提示', text: (a) => `资金表未注明金额单位，按金额大小判断为${a.unit}；如有不同，请在表头注明“（万元）”或“（元）”。` },
  budgetInitialUsed: { severity: '提示', text: (a) => `${a.name}全年预算数为 0，已按年初预算数 ${a.initial} 计算预算完成率，请核实。` },
  formulasRecalculate: {
    severity: '提示',
    text: (a) => `${a.cells} 为公式，引用了本次写入的单元格，已保留公式，其结果将由 Excel 或 WPS 重新计算后更新。`,
  },
  formulaDiffers: { severity: '警告', text: (a) => `该单元格为公式，未改写；公式结果 ${a.shown} 与计算值 ${a.computed} 不一致，请核对公式。` },
  weightUnreadable: { severity: '错误', text: (a) => `分值“${a.text}”无法识别为数值，请填写数字，如 10。该项未计分。` },
  weightNotPositive: { severity: '错误', text: (a) => `分值为 ${a.text}，应为正数，请核对。该项未计分。` },
  weightTooLarge: { severity: '错误', text: (a) => `分值为 ${a.text}，超过全表分值合计 ${a.total}，请核对是否填错。该项未计分。` },
  weightSum: { severity: '警告', text: (a) => `分值合计为 ${a.sum}，应为 ${a.expected}。` },
  level1WeightMismatch: { severity: '警告', text: (a) => `一级指标“${a.name}”标注 ${a.declared} 分，其下各项分值合计为 ${a.sum}，请核对。` },
  targetBlank: { severity: '错误', text: () => '年度指标值为空，无法计分，请填写，如 ≥95%。' },
  targetError: { severity: '错误', text: (a) => `年度指标值为错误值“${a.text}”，请修正。` },
  targetNoNumber: { severity: '错误', text: (a) => `指标性质为“${a.nature}”，但年度指标值“${a.text}”中没有数值，请填写，如 ≥95%。` },
  unknownSign: { severity: '错误', text: (a) => `年度指标值“${a.text}”中的比较符号无法识别，请使用 ≥、≤、= 或“不低于”“不高于”等写法。该项未计分。` },
  actualBlank: { severity: '错误', text: () => '实际完成值为空，无法计分，请填写。' },
  actualError: { severity: '错误', text: (a) => `实际完成值为错误值“${a.text}”，请修正公式或改填数值。` },
  actualUnreadable: { severity: '错误', text: (a) => `实际完成值“${a.text}”无法识别为数值，请填写数字，如 100 或 100%。` },
  actualNotNumeric: {
    severity: '错误',
    text: (a) => `实际完成值“${a.text}”不是数值，而年度指标值“${a.target}”为定量指标，请填写数值，如 ${a.example}。`,
  },
  tierUnknown: {
    severity: '错误',
    text: (a) => `实际完成值“${a.text}”无法判断完成程度，请填写“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”。`,
  },
  ambiguousReading: { severity: '提示', text: (a) => `${a.note}，如有不同请改写为带 % 的数值。` },
  unitMismatch: { severity: '警告', text: (a) => `年度指标值单位“${a.targetUnit}”与实际完成值单位“${a.actualUnit}”不一致，已按数值直接比较，请核对。` },
  overAchievement: {
    severity: '提示',
    text: (a) => `实际完成值 ${a.actual} 达到年度指标值 ${a.target} 的 ${a.ratio} 以上，超额部分不加分，请核实指标值设定是否合理。`,
  },
  reasonMissing: { severity: '警告', text: (a) => `该项得分 ${a.score} 低于分值 ${a.weight}，请填写偏差原因。` },
  manualScore: {
    severity: '警告',
    text: (a) => `得分为人工填写的 ${a.manual}，按规则计算为 ${a.computed}；已保留人工得分，如需采用计算值，请在任务窗格中点击“采用计算值”。`,
  },
  manualInBand: { severity: '提示', text: (a) => `得分为人工填写的 ${a.manual}，在“${a.tier}”档（${a.low}–${a.high}）内，已保留。` },
  manualOutOfBand: {
    severity: '警告',
    text: (a) => `得分为人工填写的 ${a.manual}，不在“${a.tier}”档的分值区间（${a.low}–${a.high}）内，请核对；按默认比例计算为 ${a.computed}。`,
  },
  scoreCellText: { severity: '警告', text: (a) => `得分单元格内容“${a.text}”不是数值，未改写；按计算值 ${a.computed} 计入总分。` },
  outputKept: { severity: '警告', text: (a) => `${a.what}已填写“${a.shown}”，与计算结果“${a.computed}”不一致，未改写；如需采用计算值，请在任务窗格中点击“采用计算值”。` },
  budgetActualDiffers: { severity: '警告', text: (a) => `实际完成值“${a.text}”与按资金表计算的预算完成率 ${a.rate} 不一致，已按计算值计分。` },
  budgetRateMissing: { severity: '错误', text: () => '无法计算预算完成率（资金表缺失或预算数为 0），该项未计分。请检查资金表。' },
  noScoreColumn: { severity: '警告', text: () => '指标表中没有“得分”列，得分未写入表格，仅在结果中列出。' },
  duplicateName: { severity: '警告', text: (a) => `三级指标“${a.name}”与第 ${a.other} 行重复，请核对是否重复填报。` },
  hiddenRow: { severity: '提示', text: (a) => `第 ${a.row} 行为隐藏行，其中的指标已计入得分。` },
  secondTable: { severity: '提示', text: (a) => `第 ${a.row} 行起还有一个指标表，本次只计算第一个表格。` },
  templateRows: { severity: '提示', text: (a) => `第 ${a.rows} 行为未填写的模板行（如“指标2”“……”），已跳过。` },
  signedActual: { severity: '提示', text: (a) => `实际完成值“${a.text}”带有比较符号，已按 ${a.value} 计分。` },
  weightsFromLabels: { severity: '提示', text: (a) => `指标表没有分值列，已按标签中的分值确定各项指标的分值（同一标签下的指标平均分配）：${a.groups}。` },
  noWeights: {
    severity: '错误',
    text: () => '指标表没有“分值”列，标签中也没有分值（如“产出指标（50分）”），指标未能计分。请增加“分值”列后重试。',
  },
  structureKept: { severity: '提示', text: (a) => `工作簿结构受保护（“保护工作簿”），已新增工作表${a.sheets}，保护设置未改变。` },
  writeRefused: { severity: '提示', text: (a) => `该单元格${a.why}，未写入${a.what}（${a.value}），请核对。` },
  incomplete: { severity: '警告', text: (a) => `有 ${a.count} 项指标未能计分，总分和等级暂不写入表格，请先处理标为“错误”的问题。` },
  noIndicators: { severity: '错误', text: () => '指标表中没有可计分的指标行，请填写三级指标及其分值。' },
  settingsInvalid: { severity: '警告', text: (a) => `${a.text}` },
  gradeMissingCell: { severity: '提示', text: () => '表中没有“自评等级”行，等级只在结果和报告中列出。' },
} satisfies Record<string, Kind>;

export type IssueKind = keyof typeof CATALOGUE;

/** Builds an issue. `cell` is a local address on `sheet` ('' for sheet-wide issues). */
export function issue(kind: IssueKind, sheet: string, cell: string, args: Args = {}): Issue {
  const k: Kind = CATALOGUE[kind];
  const text = k.text(args);
  return {
    severity: k.severity,
    kind,
    cell: cell ? qualified(sheet, cell) : '',
    message: cell ? `${cell}：${text}` : text,
  };
}

/** 错误 first, then 警告, then 提示; stable within a severity. */
export function sortIssues(issues: Issue[]): Issue[] {
  const order: Record<Severity, number> = { 错误: 0, 警告: 1, 提示: 2 };
  return issues.map((x, i) => ({ x, i })).sort((a, b) => order[a.x.severity] - order[b.x.severity] || a.i - b.i).map((p) => p.x);
}
