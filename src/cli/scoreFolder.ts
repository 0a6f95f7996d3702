/** Folder mode: score every .xlsx below a folder, rank them in 汇总.xlsx; one failure never stops the rest. */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Settings } from '../engine';
import { SUMMARY_FILE, buildSummaryWorkbook, sortSummary, type SummaryRow } from '../xlsx/summaryWorkbook';
import { saveWorkbook } from '../xlsx/workbook';
import { CliError, type CliIo } from './io';
import { roundHalfUp } from '../engine';
import { countIssues, fixed2, headlineBudget, percent } from './format';
import { createProgress } from './progress';
import { SCORED_SUFFIX, defaultOutput, scoreFile } from './scoreFile';

export interface FolderOptions {
  outDir?: string;
  inPlace?: boolean;
  settings?: Settings;
  json: boolean;
  now: Date;
}

export interface FolderOutcome {
  summaryFile: string;
  rows: SummaryRow[];
  /** Output workbook per scored file (relative path → output). */
  outputs: Record<string, string>;
}

/** Our own outputs, Excel's lock files and temporary files are not inputs. */
export function isInputWorkbook(name: string): boolean {
  if (!/\.xlsx$/i.test(name)) return false;
  if (name.startsWith('~$') || name.startsWith('.')) return false;
  if (name.toLowerCase().endsWith(SCORED_SUFFIX.toLowerCase())) return false;
  if (name === SUMMARY_FILE) return false;
  return true;
}

async function listWorkbooks(root: string, exclude: string | null, unreadable: string[] = []): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries: import('fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // The folder given cannot be listed: say so, rather than "no .xlsx file". A subfolder is noted and skipped.
      if (dir === root) throw new CliError(`无法读取文件夹“${root}”${code === 'EACCES' || code === 'EPERM' ? '：没有权限' : ''}，请检查路径和权限后重试。`);
      unreadable.push(dir);
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        if (exclude && path.resolve(full) === exclude) continue;
        await walk(full);
      } else if (e.isFile() && isInputWorkbook(e.name)) out.push(full);
    }
  }
  await walk(root);
  return out;
}

/** Message of a failure, one line: our own Chinese ones as they are, anything else marked as internal. */
function reason(e: unknown): string {
  if (e instanceof CliError) return e.message;
  const m = e instanceof Error ? e.message : String(e);
  return `处理时发生内部错误（${m.split('\n')[0]}），请将该文件反馈给开发者。`;
}

export async function scoreFolder(folder: string, opts: FolderOptions, io: CliIo): Promise<FolderOutcome> {
  const root = path.resolve(folder);
  const outRoot = opts.outDir ? path.resolve(opts.outDir) : null;
  const unreadable: string[] = [];
  const files = await listWorkbooks(root, outRoot && outRoot !== root ? outRoot : null, unreadable);
  for (const dir of unreadable) io.stderr(`无法读取子文件夹“${path.relative(root, dir) || dir}”，已跳过其中的文件。\n`);
  if (files.length === 0) throw new CliError(`文件夹“${folder}”中没有可评分的 .xlsx 文件。`);

  const progress = createProgress(files.length, io.stderr, io.stderrIsTTY, io.columns || 80);
  const rows: SummaryRow[] = [];
  const outputs: Record<string, string> = {};
  let done = 0;
  for (const file of files) {
    const rel = path.relative(root, file);
    let row: SummaryRow;
    try {
      const output = opts.inPlace ? undefined : outRoot ? path.join(outRoot, path.dirname(rel), path.basename(defaultOutput(file))) : undefined;
      const o = await scoreFile(file, { output, inPlace: opts.inPlace, settings: opts.settings, now: opts.now });
      const e = o.evaluation;
      const b = headlineBudget(e);
      const toWan = e.table?.money?.unit === '元' ? 1 / 10000 : 1;
      const c = countIssues(e.issues);
      const complete = e.results?.complete ?? false;
      row = {
        unit: e.table?.unitName ?? '',
        year: e.table?.year ?? null,
        annual: b?.annual !== null && b?.annual !== undefined ? roundHalfUp(b.annual * toWan, 2) : null,
        executed: b?.executed !== null && b?.executed !== undefined ? roundHalfUp(b.executed * toWan, 2) : null,
        rate: b?.rate ?? null,
        // A partial total would rank a file among the complete ones: it goes in the note instead.
        total: complete && e.results ? e.results.total : null,
        grade: complete ? e.results?.grade ?? '' : '',
        errors: c.errors,
        warnings: c.warnings,
        file: rel,
        note: complete
          ? ''
          : `有指标未能计分，总分不完整（已计分指标合计 ${fixed2(e.results?.total ?? 0)} 分），请查看该文件的校验提示。`,
        scored: true,
      };
      outputs[rel] = o.output;
      progress.step(++done, rel, `总分 ${row.total === null ? '—' : fixed2(row.total)}，等级 ${row.grade || '—'}，预算完成率 ${percent(row.rate)}，错误 ${c.errors} 条，警告 ${c.warnings} 条`);
    } catch (e) {
      row = { unit: '', year: null, annual: null, executed: null, rate: null, total: null, grade: '', errors: null, warnings: null, file: rel, note: reason(e), scored: false };
      progress.step(++done, rel, `未能评分：${row.note}`);
    }
    rows.push(row);
  }
  progress.finish();

  const summaryFile = path.join(outRoot ?? root, SUMMARY_FILE);
  await saveWorkbook(buildSummaryWorkbook(rows), summaryFile);
  return { summaryFile, rows: sortSummary(rows), outputs };
}
