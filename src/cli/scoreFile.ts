/** Scores one workbook: READ the package, calculate, APPLY the changes surgically, write atomically. */
import { promises as fs } from 'fs';
import * as fsSync from 'fs';
import * as path from 'path';
import { validateSettings, type FoundEvaluation, type Report, type Settings } from '../engine';
import { applyChanges } from '../xlsx/applyChanges';
import { DEFAULT_MAX_CELLS } from '../xlsx/readWorkbook';
import { calculate } from './calculation';
import { fileStep, sameFile, writeFileAtomic } from './files';
import { CliError } from './io';
import { formatOfName, readInput, reading } from './readInput';
import { reportTextFile, reportToDocx } from './reportSource';

export const SCORED_SUFFIX = '.已评分.xlsx';
export const SCORED_MARK = '.已评分';

export interface ScoreOptions {
  /** Output workbook; default `<name>.已评分.xlsx` (or .xlsm) beside the input. */
  output?: string;
  inPlace?: boolean;
  /** --report file (.docx or .txt). */
  report?: string;
  /** Settings given on the command line (already validated); else the workbook's, else the defaults. */
  settings?: Settings;
  acceptComputed?: string[];
  /** A worksheet larger than this many cells is not read (default 1,000,000). */
  maxCells?: number;
  now: Date;
}

export interface ScoreOutcome {
  input: string;
  evaluation: FoundEvaluation;
  report: Report;
  output: string;
  reportFile: string | null;
  reportSheet: string;
  /** Problems with the workbook's stored settings, for the user. */
  settingsErrors: string[];
  /** Planned cells not written because they hold a formula (the door's own guard; normally empty). */
  skipped: string[];
}

/** The extension the output keeps: an .xlsm stays an .xlsm (its macros), everything else is .xlsx. */
export function workbookExt(input: string): '.xlsx' | '.xlsm' {
  return /\.xlsm$/i.test(input) ? '.xlsm' : '.xlsx';
}

/** The file a path leads to through symbolic links (the path itself when it cannot be resolved). */
export function realpathOr(file: string): string {
  try {
    return fsSync.realpathSync(file);
  } catch {
    return file;
  }
}

/** `x.xlsx` → `x.已评分.xlsx` (`x.xlsm` → `x.已评分.xlsm`) in the same folder. */
export function defaultOutput(input: string): string {
  const base = path.basename(input).replace(/\.(xlsx|xlsm)$/i, '');
  return path.join(path.dirname(input), base + SCORED_MARK + workbookExt(input));
}

/** Where the output goes: -o FILE, or -o DIR (existing folder or ending with a separator), or beside the input. */
async function resolveOutput(input: string, opts: ScoreOptions): Promise<string> {
  // --in-place through a symbolic link writes the file it points to, not a new file in the link's place.
  if (opts.inPlace) return realpathOr(input);
  if (!opts.output) return defaultOutput(input);
  const o = opts.output;
  let isDir = /[\\/]$/.test(o);
  if (!isDir) isDir = !!fsSync.statSync(o, { throwIfNoEntry: false })?.isDirectory();
  if (isDir) return path.join(o, path.basename(defaultOutput(input)));
  const ext = workbookExt(input);
  if (path.extname(o).toLowerCase() !== ext) {
    throw new CliError(
      ext === '.xlsm'
        ? `含宏的表格（.xlsm）只能输出为 .xlsm 文件（.xlsx 不能保存宏），收到“${o}”。`
        : `输出文件名应以 .xlsx 结尾，收到“${o}”。`,
    );
  }
  return o;
}

/** Refuses an output that is the input itself (device and inode, through links and aliases) and a report that is either. */
export async function checkTargets(input: string, output: string, report: string | undefined, inPlace: boolean): Promise<void> {
  if (!inPlace && (path.resolve(output) === path.resolve(input) || sameFile(output, input))) {
    throw new CliError('输出文件与输入文件相同；如确需直接写回原文件，请使用 --in-place。');
  }
  if (report) {
    if (path.resolve(report) === path.resolve(output) || sameFile(report, output)) throw new CliError('--report 与输出表格不能是同一个文件。');
    if (path.resolve(report) === path.resolve(input) || sameFile(report, input)) throw new CliError('--report 不能是输入的表格文件。');
  }
}

/** Scores one file and writes its outputs. Throws CliError (one Chinese line) when nothing can be scored. */
export async function scoreFile(input: string, opts: ScoreOptions): Promise<ScoreOutcome> {
  const nameError = formatOfName(input);
  if (nameError) throw nameError;
  const output = await resolveOutput(input, opts);
  await checkTargets(input, output, opts.report, !!opts.inPlace);
  const maxCells = opts.maxCells ?? DEFAULT_MAX_CELLS;
  const { book } = await readInput(input, maxCells);
  const name = path.basename(input);
  const calc = reading(input, maxCells, () => calculate(book, name, opts));
  const applied = reading(input, maxCells, () => applyChanges(book, calc.changes));
  await fileStep(() => writeFileAtomic(output, applied.bytes));

  let reportFile: string | null = null;
  if (opts.report) {
    reportFile = opts.report;
    const data = /\.docx$/i.test(reportFile) ? await reportToDocx(calc.report) : reportTextFile(calc.report);
    await fileStep(() => writeFileAtomic(reportFile!, data));
  }
  return {
    input,
    evaluation: calc.evaluation,
    report: calc.report,
    output,
    reportFile,
    reportSheet: calc.reportSheet,
    settingsErrors: calc.settingsErrors,
    skipped: applied.skipped,
  };
}

/** Reads and validates a --settings file; unreadable or invalid JSON is a CliError. `maxCells` is the door's own. */
export async function loadSettingsFile(file: string): Promise<{ settings: Settings; errors: string[]; maxCells?: number }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new CliError(`无法读取设置文件“${file}”，请检查路径。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new CliError(`设置文件“${path.basename(file)}”不是有效的 JSON，请检查格式。`);
  }
  const v = validateSettings(json);
  const raw = json && typeof json === 'object' ? (json as Record<string, unknown>).maxCells : undefined;
  if (raw === undefined) return v;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0) return { ...v, maxCells: raw };
  return { ...v, errors: [...v.errors, `单元格上限（maxCells）应为正整数，已采用默认值 ${DEFAULT_MAX_CELLS.toLocaleString('en-US')}。`] };
}
