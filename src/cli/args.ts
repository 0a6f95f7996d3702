/** Command-line arguments to a command; every mistake is a CliError with one Chinese line. */
import { CliError } from './io';

export interface ScoreArgs {
  command: 'score';
  input: string;
  output?: string;
  json: boolean;
  report?: string;
  settings?: string;
  inPlace: boolean;
  /** 得分 cells whose manual score is replaced by the computed one. */
  acceptComputed: string[];
  /** A worksheet with more cells is not read (default: the settings file's maxCells, else 1,000,000). */
  maxCells?: number;
  /** Folder mode: how many files are scored at once (default: one per processor core). */
  jobs?: number;
}
export interface TemplateArgs {
  command: 'template';
  output?: string;
  year?: number;
}
export interface RestoreArgs {
  command: 'restore';
  input: string;
  output?: string;
  maxCells?: number;
}
export interface DemoArgs {
  command: 'demo';
  output?: string;
}
export type Args = ScoreArgs | TemplateArgs | RestoreArgs | DemoArgs | { command: 'help' } | { command: 'version' };

const HINT = '运行 selfeval --help 查看用法。';

function fail(message: string): never {
  throw new CliError(`参数错误：${message}${HINT}`);
}

interface OptionSpec {
  /** Canonical name, e.g. 'output'. */
  key: string;
  takesValue: boolean;
}

const OPTIONS: Record<string, Record<string, OptionSpec>> = {
  score: {
    '-o': { key: 'output', takesValue: true },
    '--output': { key: 'output', takesValue: true },
    '--json': { key: 'json', takesValue: false },
    '--report': { key: 'report', takesValue: true },
    '--settings': { key: 'settings', takesValue: true },
    '--in-place': { key: 'inPlace', takesValue: false },
    '--accept-computed': { key: 'acceptComputed', takesValue: true },
    '--max-cells': { key: 'maxCells', takesValue: true },
    '--jobs': { key: 'jobs', takesValue: true },
  },
  template: {
    '-o': { key: 'output', takesValue: true },
    '--output': { key: 'output', takesValue: true },
    '--year': { key: 'year', takesValue: true },
  },
  restore: {
    '-o': { key: 'output', takesValue: true },
    '--output': { key: 'output', takesValue: true },
    '--max-cells': { key: 'maxCells', takesValue: true },
  },
  demo: {
    '-o': { key: 'output', takesValue: true },
    '--output': { key: 'output', takesValue: true },
  },
};

function parseOptions(command: string, rest: string[]): { positional: string[]; opts: Record<string, string | boolean> } {
  const specs = OPTIONS[command];
  const positional: string[] = [];
  const opts: Record<string, string | boolean> = {};
  for (let i = 0; i < rest.length; i++) {
    let arg = rest[i];
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.includes('=')) {
      inline = arg.slice(arg.indexOf('=') + 1);
      arg = arg.slice(0, arg.indexOf('='));
    }
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const spec = specs[arg];
      if (!spec) fail(`${command} 命令不支持选项 ${arg}。`);
      if (opts[spec.key] !== undefined) fail(`选项 ${arg} 重复。`);
      if (spec.takesValue) {
        const value = inline ?? rest[++i];
        if (value === undefined || value === '' || (inline === undefined && value.startsWith('-') && value !== '-')) {
          fail(`选项 ${arg} 需要一个值。`);
        }
        opts[spec.key] = value;
      } else {
        if (inline !== undefined) fail(`选项 ${arg} 不带值。`);
        opts[spec.key] = true;
      }
    } else positional.push(arg);
  }
  return { positional, opts };
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A positive whole number option (--max-cells, --jobs), or undefined when not given. */
function count(v: string | boolean | undefined, option: string, example: string): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.replace(/[,_，]/g, '');
  if (!/^\d+$/.test(t) || Number(t) < 1 || !Number.isSafeInteger(Number(t))) fail(`${option} 应为正整数，如 ${example}，收到“${v}”。`);
  return Number(t);
}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '-v' || command === '--version' || command === 'version') return { command: 'version' };
  if (!(command in OPTIONS)) fail(`未知命令“${command}”，可用命令为 score、template、restore、demo。`);
  if (rest.includes('-h') || rest.includes('--help')) return { command: 'help' };
  const { positional, opts } = parseOptions(command, rest);

  if (command === 'score') {
    if (positional.length === 0) fail('请指定要评分的 .xlsx 文件或文件夹，如 selfeval score 自评表.xlsx。');
    if (positional.length > 1) fail(`只能指定一个文件或文件夹，收到 ${positional.length} 个：${positional.join('、')}。`);
    if (opts.inPlace && opts.output !== undefined) fail('--in-place 与 -o 不能同时使用。');
    const report = str(opts.report);
    if (report !== undefined && !/\.(docx|txt)$/i.test(report)) fail(`--report 的文件名应以 .docx 或 .txt 结尾，收到“${report}”。`);
    const settings = str(opts.settings);
    const accept = str(opts.acceptComputed);
    const acceptComputed = accept ? accept.split(/[,，\s]+/).filter(Boolean).map((a) => a.toUpperCase().replace(/\$/g, '')) : [];
    for (const a of acceptComputed) if (!/^[A-Z]{1,3}\d+$/.test(a)) fail(`--accept-computed 应为单元格地址列表，如 G14,G15，“${a}”不是单元格地址。`);
    return {
      command: 'score',
      input: positional[0],
      output: str(opts.output),
      json: opts.json === true,
      report,
      settings,
      inPlace: opts.inPlace === true,
      acceptComputed,
      maxCells: count(opts.maxCells, '--max-cells', '2000000'),
      jobs: count(opts.jobs, '--jobs', '2'),
    };
  }
  if (command === 'template') {
    if (positional.length > 0) fail(`template 命令不接受参数“${positional[0]}”，输出文件请用 -o 指定。`);
    let year: number | undefined;
    if (opts.year !== undefined) {
      const y = String(opts.year);
      if (!/^\d{4}$/.test(y) || Number(y) < 2000 || Number(y) > 2100) fail(`--year 应为四位年份，如 2024，收到“${y}”。`);
      year = Number(y);
    }
    const output = str(opts.output);
    if (output !== undefined && !/\.xlsx$/i.test(output)) fail(`输出文件名应以 .xlsx 结尾，收到“${output}”。`);
    return { command: 'template', output, year };
  }
  if (command === 'restore') {
    if (positional.length !== 1) fail('请指定一个要恢复的 .xlsx 文件，如 selfeval restore 自评表.已评分.xlsx。');
    const output = str(opts.output);
    if (output !== undefined && !/\.(xlsx|xlsm)$/i.test(output)) fail(`输出文件名应以 .xlsx（含宏的表格为 .xlsm）结尾，收到“${output}”。`);
    return { command: 'restore', input: positional[0], output, maxCells: count(opts.maxCells, '--max-cells', '2000000') };
  }
  if (positional.length > 0) fail(`demo 命令不接受参数“${positional[0]}”，输出文件夹请用 -o 指定。`);
  return { command: 'demo', output: str(opts.output) };
}

export const USAGE = `绩效自评助手 命令行 selfeval：为《部门整体支出绩效自评表》计分、校验并起草《部门整体支出绩效自评报告》。

用法：
  selfeval score 文件.xlsx [-o 输出.xlsx] [--json] [--report 报告.docx|报告.txt] [--settings 设置.json] [--in-place]
  selfeval score 文件夹 [-o 输出文件夹] [--settings 设置.json] [--json] [--jobs 个数]
  selfeval template [-o 文件.xlsx] [--year 年度]
  selfeval restore 文件.xlsx [-o 输出.xlsx]
  selfeval demo [-o 输出文件夹]

命令：
  score     计算预算完成率、各指标得分、总分和等级，写回表格并新增“自评报告”工作表。
            默认输出为原文件旁的“<文件名>.已评分.xlsx”（含宏的 .xlsm 输出为 .xlsm），原文件不变；
            指定文件夹时为其中每个表格评分并生成“汇总.xlsx”。
  template  生成空白的《部门整体支出绩效自评表》，供部门填写（默认年度为上一年）。
  restore   将已评分的表格恢复到最近一次计分之前的状态，并删除当次新增的自评报告工作表。
  demo      为随附的示例表格评分，结果写入 out/ 文件夹。

选项：
  -o, --output           输出文件（文件夹模式下为输出文件夹）
  --json                 在标准输出打印一个 JSON 文档（不打印其他内容）
  --report               另存自评报告为 Word（.docx）或纯文本（.txt）
  --settings             计分设置文件（JSON），如预算完成率计分方式、定性指标分档、等级划分
  --in-place             直接写回原文件（默认不修改原文件）
  --accept-computed      对列出的得分单元格（如 G14,G15）采用计算得分，替换手工填写的得分
  --jobs                 文件夹模式同时处理的文件数（默认等于处理器核数）
  --max-cells            单个工作表的单元格上限（默认 1,000,000），超过的表格不读取并说明原因
  -h, --help             显示本帮助
  -v, --version          显示版本

退出码：0 计分完成且无错误；3 计分完成但有“错误”级校验提示（结果仍已写出）；2 未能计分（参数错误、文件无法读取或未找到自评表）。
`;
