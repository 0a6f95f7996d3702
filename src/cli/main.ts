#!/usr/bin/env node
/** selfeval: the command-line door. Parses arguments, calls the engine through src/xlsx, prints. */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Settings } from '../engine';
import { applyChanges } from '../xlsx/applyChanges';
import { DEFAULT_MAX_CELLS } from '../xlsx/readWorkbook';
import { USAGE, parseArgs, type DemoArgs, type RestoreArgs, type ScoreArgs, type TemplateArgs } from './args';
import { restoration } from './calculation';
import { fileErrorMessage, fileStep, installSignalCleanup, writeFileAtomic } from './files';
import { CliError, EXIT_ERRORS, EXIT_FAILED, EXIT_OK, processIo, type CliIo } from './io';
import { countIssues, fixed2, headlineBudget, percent, summaryLines } from './format';
import { jsonDocument } from './jsonDocument';
import { readInput, reading } from './readInput';
import { scoreFile, loadSettingsFile, realpathOr, workbookExt, type ScoreOutcome } from './scoreFile';
import { scoreFolder } from './scoreFolder';

export const EXAMPLE_FILE = '2023-海珠区人大常委会办公室-部门整体支出绩效自评表.xlsx';

function line(write: (t: string) => void, text: string): void {
  write(text.replace(/\s+$/, '') + '\n');
}

function version(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(path.join(__dirname, '..', '..', 'package.json')) as { version: string }).version;
  } catch {
    return '';
  }
}

interface SettingsOption {
  settings?: Settings;
  maxCells: number;
}

async function settingsOption(a: { settings?: string; maxCells?: number }, io: CliIo): Promise<SettingsOption> {
  if (!a.settings) return { maxCells: a.maxCells ?? DEFAULT_MAX_CELLS };
  const { settings, errors, maxCells } = await loadSettingsFile(a.settings);
  for (const m of errors) line(io.stderr, `设置文件提示：${m}`);
  return { settings, maxCells: a.maxCells ?? maxCells ?? DEFAULT_MAX_CELLS };
}

function exitFor(o: ScoreOutcome): number {
  return countIssues(o.evaluation.issues).errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** Report file name beside an output: 自评表 → 自评报告, else `<name>.自评报告`. */
export function reportFileName(input: string, ext: '.docx' | '.txt'): string {
  const base = path.basename(input).replace(/\.(xlsx|xlsm)$/i, '');
  return (base.includes('自评表') ? base.replace('自评表', '自评报告') : `${base}.自评报告`) + ext;
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function runScore(a: ScoreArgs, io: CliIo, now: Date): Promise<number> {
  const { settings, maxCells } = await settingsOption(a, io);
  if (await isDirectory(a.input)) {
    if (a.report) throw new CliError('参数错误：文件夹模式不支持 --report，每个文件的自评报告已写入其“自评报告”工作表。');
    if (a.acceptComputed.length) throw new CliError('参数错误：文件夹模式不支持 --accept-computed。');
    const r = await scoreFolder(a.input, { outDir: a.output, inPlace: a.inPlace, settings, maxCells, jobs: a.jobs, json: a.json, now }, io);
    const scored = r.rows.filter((x) => x.scored);
    const failed = r.rows.filter((x) => !x.scored);
    if (a.json) {
      io.stdout(JSON.stringify({ folder: a.input, summary: r.summaryFile, files: r.rows.map((x) => ({ ...x, output: r.outputs[x.file] ?? null })) }, null, 2) + '\n');
    } else {
      line(io.stdout, `共 ${r.rows.length} 个文件：已评分 ${scored.length} 个，未能评分 ${failed.length} 个。`);
      scored.forEach((x, i) =>
        line(io.stdout, `${i + 1}. ${x.unit || x.file}  总分 ${x.total === null ? '—' : fixed2(x.total)}  等级 ${x.grade || '—'}  预算完成率 ${percent(x.rate)}  错误 ${x.errors} 条  警告 ${x.warnings} 条`),
      );
      for (const x of failed) line(io.stdout, `未能评分：${x.file}：${x.note}`);
      if (r.summaryRenamed) line(io.stdout, `文件夹中已有不是本工具生成的“汇总.xlsx”，未覆盖；汇总表另存为“${path.basename(r.summaryFile)}”。`);
      line(io.stdout, `汇总表：${r.summaryFile}`);
    }
    if (scored.length === 0) return EXIT_FAILED;
    return failed.length > 0 || scored.some((x) => (x.errors ?? 0) > 0) ? EXIT_ERRORS : EXIT_OK;
  }
  const o = await scoreFile(a.input, { output: a.output, inPlace: a.inPlace, report: a.report, settings, maxCells, acceptComputed: a.acceptComputed, now });
  for (const m of o.settingsErrors) line(io.stderr, m);
  if (a.json) {
    const doc = jsonDocument(o.evaluation, o.report, { input: a.input, xlsx: o.output, report: o.reportFile, reportSheet: o.reportSheet });
    io.stdout(JSON.stringify(doc, null, 2) + '\n');
  } else {
    for (const l of summaryLines(o.evaluation)) line(io.stdout, l);
    if (o.skipped.length) line(io.stdout, `以下单元格含公式，未写入：${o.skipped.join('、')}`);
    line(io.stdout, `已写入：${o.output}（自评报告见工作表“${o.reportSheet}”）`);
    if (o.reportFile) line(io.stdout, `自评报告：${o.reportFile}`);
  }
  return exitFor(o);
}

async function runTemplate(a: TemplateArgs, io: CliIo, now: Date): Promise<number> {
  const year = a.year ?? now.getFullYear() - 1;
  const output = a.output ?? `部门整体支出绩效自评表（${year}年度）.xlsx`;
  if (await fs.lstat(output).then(() => true, () => false)) throw new CliError(`文件“${output}”已存在，未覆盖；请用 -o 指定其他文件名。`);
  // ExcelJS (about 100 ms to load) only here and for 汇总.xlsx: nothing of an existing workbook must be kept.
  const { buildTemplate } = await import('../xlsx/template');
  const data = Buffer.from((await buildTemplate(year).xlsx.writeBuffer()) as ArrayBuffer);
  await fileStep(() => writeFileAtomic(output, data));
  line(io.stdout, `已生成 ${year} 年度空白自评表：${output}`);
  return EXIT_OK;
}

async function runRestore(a: RestoreArgs, io: CliIo, now: Date): Promise<number> {
  if (a.output && path.extname(a.output).toLowerCase() !== workbookExt(a.input)) {
    throw new CliError(`输出文件名应以 ${workbookExt(a.input)} 结尾（与输入文件相同），收到“${a.output}”。`);
  }
  const maxCells = a.maxCells ?? DEFAULT_MAX_CELLS;
  const { book } = await readInput(a.input, maxCells);
  const r = reading(a.input, maxCells, () => restoration(book, now));
  const applied = reading(a.input, maxCells, () => applyChanges(book, r.changes));
  // Back into the input by default: through a symbolic link, into the file it points to.
  const output = a.output ?? realpathOr(a.input);
  await fileStep(() => writeFileAtomic(output, applied.bytes));
  line(io.stdout, r.message);
  if (r.changes.fullCalcOnLoad) line(io.stdout, '提示：有公式引用了恢复的单元格，已设置为在 Excel 或 WPS 中打开时重新计算。');
  line(io.stdout, `已写入：${a.output ?? a.input}`);
  return EXIT_OK;
}

async function runDemo(a: DemoArgs, io: CliIo, now: Date): Promise<number> {
  const example = path.resolve(__dirname, '..', '..', 'examples', EXAMPLE_FILE);
  const outDir = a.output ?? 'out';
  const xlsx = path.join(outDir, EXAMPLE_FILE.replace(/\.xlsx$/, '.已评分.xlsx'));
  const docx = path.join(outDir, reportFileName(EXAMPLE_FILE, '.docx'));
  const o = await scoreFile(example, { output: xlsx, report: docx, now });
  const e = o.evaluation;
  const b = headlineBudget(e);
  const c = countIssues(e.issues);
  line(io.stdout, `示例：${e.table?.unitName ?? ''} ${e.table?.year ?? ''}年度《部门整体支出绩效自评表》`);
  line(io.stdout, `总分 ${fixed2(e.results?.total ?? 0)}、等级 ${e.results?.grade ?? '—'}、预算完成率 ${percent(b?.rate)}`);
  line(io.stdout, `校验提示：错误 ${c.errors} 条，警告 ${c.warnings} 条，提示 ${c.notes} 条`);
  line(io.stdout, `已评分表格：${xlsx}（得分已写回，自评报告见工作表“${o.reportSheet}”）`);
  line(io.stdout, `自评报告（Word）：${docx}`);
  return exitFor(o);
}

/** Runs one command; returns the exit code. Never throws, never prints a stack trace (SELFEVAL_DEBUG=1 does). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const now = io.now ? io.now() : new Date();
  try {
    const a = parseArgs(argv);
    switch (a.command) {
      case 'help':
        io.stdout(USAGE);
        return EXIT_OK;
      case 'version':
        line(io.stdout, version());
        return EXIT_OK;
      case 'score':
        return await runScore(a, io, now);
      case 'template':
        return await runTemplate(a, io, now);
      case 'restore':
        return await runRestore(a, io, now);
      case 'demo':
        return await runDemo(a, io, now);
    }
  } catch (e) {
    if (e instanceof CliError) {
      line(io.stderr, e.message.replace(/\s*\n\s*/g, ' '));
      return e.code;
    }
    const fsMessage = fileErrorMessage(e);
    if (fsMessage) {
      line(io.stderr, fsMessage);
      return EXIT_FAILED;
    }
    const m = e instanceof Error ? e.message : String(e);
    line(io.stderr, `发生内部错误：${m.split('\n')[0]}。请将输入文件和本提示反馈给开发者。`);
    if (process.env.SELFEVAL_DEBUG) io.stderr(String((e as Error)?.stack ?? e) + '\n');
    return EXIT_FAILED;
  }
}

if (require.main === module) {
  installSignalCleanup((t) => process.stderr.write(t));
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
