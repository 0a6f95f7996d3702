/** Folder mode: score every workbook below a folder on every core, rank them in 汇总.xlsx; one failure never stops the rest. */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Settings } from '../engine';
import { SUMMARY_AUTHOR, SUMMARY_FILE, SUMMARY_NAME, SUMMARY_TITLE, sortSummary, type SummaryRow } from '../xlsx/summaryRows';
import { ZipArchive } from '../xlsx/zip';
import { fileStep, noteTempDir, writeFileAtomic } from './files';
import { failedRow, type FolderJob } from './folderJob';
import { defaultJobs, defaultWorkerScript, runPool } from './folderPool';
import { CliError, type CliIo } from './io';
import { fixed2, percent } from './format';
import { createProgress } from './progress';
import { OTHER_SPREADSHEET_EXT, WORKBOOK_EXT, otherFormatReason } from './readInput';
import { SCORED_MARK, defaultOutput, realpathOr } from './scoreFile';

export interface FolderOptions {
  outDir?: string;
  inPlace?: boolean;
  settings?: Settings;
  maxCells?: number;
  /** Files scored at once (default: one per core). */
  jobs?: number;
  json: boolean;
  now: Date;
  /** The compiled worker script (default: dist-cli's, when running compiled). */
  workerScript?: string | null;
  /** Only worker threads score (the main thread collects): to measure one worker against several. */
  workersOnly?: boolean;
}

export interface FolderOutcome {
  summaryFile: string;
  /** True when a 汇总.xlsx we did not write was in the way, and the summary went to 汇总 (2).xlsx or later. */
  summaryRenamed: boolean;
  rows: SummaryRow[];
  /** Output workbook per scored file (relative path → output). */
  outputs: Record<string, string>;
  /** Worker threads that scored files beside the main thread. */
  workers: number;
}

/** Our own outputs, summaries, Excel's lock files and hidden files are not inputs. */
export function isInputWorkbook(name: string): boolean {
  if (!WORKBOOK_EXT.test(name)) return false;
  if (name.startsWith('~$') || name.startsWith('.')) return false;
  if (name.replace(/\.(xlsx|xlsm)$/i, '').endsWith(SCORED_MARK)) return false;
  return !SUMMARY_NAME.test(name);
}

interface Listing {
  inputs: string[];
  /** Spreadsheets of another format: listed with what to do. */
  others: string[];
  unreadable: string[];
}

/** Walks the folder; symbolic links to files and folders are followed (each folder once). */
async function listFolder(root: string, exclude: string | null): Promise<Listing> {
  const out: Listing = { inputs: [], others: [], unreadable: [] };
  const seen = new Set<string>();
  async function walk(dir: string): Promise<void> {
    let entries: import('fs').Dirent[];
    try {
      const real = await fs.realpath(dir);
      if (seen.has(real)) return;
      seen.add(real);
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // The folder given cannot be listed: say so, rather than "no .xlsx file". A subfolder is noted and skipped.
      if (dir === root) throw new CliError(`无法读取文件夹“${root}”${code === 'EACCES' || code === 'EPERM' ? '：没有权限' : ''}，请检查路径和权限后重试。`);
      out.unreadable.push(dir);
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const target = await fs.stat(full).catch(() => null);
        isDir = !!target?.isDirectory();
        isFile = !!target?.isFile();
      }
      if (isDir) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        if (exclude && path.resolve(full) === exclude) continue;
        await walk(full);
      } else if (isFile && isInputWorkbook(e.name)) out.inputs.push(full);
      else if (isFile && OTHER_SPREADSHEET_EXT.test(e.name) && !e.name.startsWith('~$') && !e.name.startsWith('.')) out.others.push(full);
    }
  }
  await walk(root);
  return out;
}

/** True when the file is a summary this tool wrote and nobody has saved since (its properties say so). */
async function isOurSummary(file: string): Promise<boolean> {
  try {
    const core = new ZipArchive(await fs.readFile(file)).text('docProps/core.xml') ?? '';
    const field = (name: string) => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(core)?.[1] ?? null;
    return field('dc:creator') === SUMMARY_AUTHOR && field('dc:title') === SUMMARY_TITLE && [null, SUMMARY_AUTHOR].includes(field('cp:lastModifiedBy'));
  } catch {
    return false;
  }
}

/** 汇总.xlsx, unless a file of that name is not ours: then 汇总 (2).xlsx, (3)… (never a file we did not write). */
async function summaryTarget(dir: string): Promise<{ file: string; renamed: boolean }> {
  for (let i = 1; ; i++) {
    const file = path.join(dir, i === 1 ? SUMMARY_FILE : SUMMARY_FILE.replace('.xlsx', ` (${i}).xlsx`));
    const exists = await fs.lstat(file).then(() => true, () => false);
    if (!exists || (await isOurSummary(file))) return { file, renamed: i > 1 };
  }
}

export async function scoreFolder(folder: string, opts: FolderOptions, io: CliIo): Promise<FolderOutcome> {
  const root = path.resolve(folder);
  const outRoot = opts.outDir ? path.resolve(opts.outDir) : null;
  const listing = await listFolder(root, outRoot && outRoot !== root ? outRoot : null);
  for (const dir of listing.unreadable) io.stderr(`无法读取子文件夹“${path.relative(root, dir) || dir}”，已跳过其中的文件。\n`);
  const others = listing.others.map((f) => failedRow(path.relative(root, f), otherFormatReason(f)));
  for (const r of others) io.stderr(`已跳过：${r.file}：${r.note}\n`);
  if (listing.inputs.length === 0) {
    const hint = others.length ? `（另有 ${others.length} 个其他格式的表格，${others.length === 1 ? '见上' : '均见上'}）` : '';
    throw new CliError(`文件夹“${folder}”中没有可评分的 .xlsx 文件${hint}。`);
  }

  const jobs: FolderJob[] = listing.inputs.map((file, index) => {
    const rel = path.relative(root, file);
    const output = opts.inPlace || !outRoot ? undefined : path.join(outRoot, path.dirname(rel), path.basename(defaultOutput(file)));
    // Where this file's temporary output may appear, for the sweep on Ctrl-C (workers' files included).
    noteTempDir(path.dirname(output ?? (opts.inPlace ? realpathOr(file) : file)));
    return { index, file, rel, output };
  });
  const progress = createProgress(jobs.length, io.stderr, io.stderrIsTTY, io.columns || 80);
  let done = 0;
  const common = { inPlace: opts.inPlace, settings: opts.settings, maxCells: opts.maxCells, now: opts.now };
  const script = opts.workerScript === undefined ? defaultWorkerScript() : opts.workerScript;
  const { results, workers } = await runPool(jobs, common, opts.jobs ?? defaultJobs(), script, (job, r) => {
    const x = r.row;
    progress.step(
      ++done,
      job.rel,
      x.scored ? `总分 ${x.total === null ? '—' : fixed2(x.total)}，等级 ${x.grade || '—'}，预算完成率 ${percent(x.rate)}，错误 ${x.errors} 条，警告 ${x.warnings} 条` : `未能评分：${x.note}`,
    );
  }, opts.workersOnly);
  progress.finish();

  const rows = [...results.map((r) => r.row), ...others];
  const outputs: Record<string, string> = {};
  results.forEach((r) => r.output && (outputs[r.row.file] = r.output));
  const target = await summaryTarget(outRoot ?? root);
  const { buildSummaryWorkbook } = await import('../xlsx/summaryWorkbook');
  const data = Buffer.from((await buildSummaryWorkbook(rows).xlsx.writeBuffer()) as ArrayBuffer);
  await fileStep(() => writeFileAtomic(target.file, data));
  return { summaryFile: target.file, summaryRenamed: target.renamed, rows: sortSummary(rows), outputs, workers };
}
