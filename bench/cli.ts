/**
 * The command line against ExcelJS alone (the same file, loaded and saved, in the same run; rounds alternate the
 * two in both orders so that a burst of load from other processes hits both sides alike), where its time goes,
 * and a folder scored with one job and with one per core.
 */
import { execFileSync } from 'child_process';
import { promises as fsp } from 'fs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { scoreFile } from '../src/cli/scoreFile';
import type { CliIo } from '../src/cli/io';
import { median, nowMs } from './stats';

export interface CliRatio {
  name: string;
  bytes: number;
  oursMs: number;
  exceljsMs: number;
  ratio: number;
  /** Fastest of ours over fastest of ExcelJS alone: load from others only ever adds time. */
  fastestRatio: number;
  rounds: number;
}

export interface FolderFigure {
  how: string;
  files: number;
  jobs: number;
  seconds: number;
  /** CPU time of the run (every thread), over its wall time: how many cores it kept busy. */
  cores: number;
  runs: number;
}

/** ExcelJS alone, through the same I/O path as the command line (read the bytes, load, write the buffer, save). */
async function exceljsRoundTrip(input: string, output: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fsp.readFile(input)) as unknown as ExcelJS.Buffer);
  const data = await wb.xlsx.writeBuffer();
  await fsp.writeFile(output, Buffer.from(data as ArrayBuffer));
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = nowMs();
  await fn();
  return nowMs() - t0;
}

/** Ours vs ExcelJS alone on one file: `rounds` pairs, after five warm-up pairs (both sides warmed alike). */
export async function benchCliRatio(name: string, input: string, work: string, rounds: number): Promise<CliRatio> {
  const ours = () => scoreFile(input, { output: path.join(work, 'ours.xlsx'), now: new Date() }).then(() => undefined);
  const base = () => exceljsRoundTrip(input, path.join(work, 'exceljs.xlsx'));
  for (let i = 0; i < 5; i++) {
    await base();
    await ours();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2) {
      a.push(await timed(ours));
      b.push(await timed(base));
    } else {
      b.push(await timed(base));
      a.push(await timed(ours));
    }
  }
  // The ratio is the median of each round's own ratio: the two runs of a round are moments apart, so a change in
  // the machine's load between rounds cancels out.
  const ratio = median(a.map((x, i) => x / b[i]));
  return { name, bytes: fs.statSync(input).size, oursMs: median(a), exceljsMs: median(b), ratio, fastestRatio: Math.min(...a) / Math.min(...b), rounds };
}

/**
 * Where the time goes: ExcelJS alone, then scoreFile's steps replayed one by one (same functions, same order; no
 * --report), in the same loop. A diagnostic beside the ratio, not a second measure of it.
 */
export async function cliPhases(input: string, work: string, runs: number): Promise<{ phase: string; ms: number }[]> {
  const { openXlsx } = await import('../src/xlsx/readWorkbook');
  const { applyChanges } = await import('../src/xlsx/applyChanges');
  const { calculate } = await import('../src/cli/calculation');
  const { writeFileAtomic } = await import('../src/cli/files');
  const acc = new Map<string, number[]>();
  for (let i = 0; i < runs + 3; i++) {
    let t = nowMs();
    const lap = (k: string) => {
      const n = nowMs();
      if (i >= 3) acc.set(k, [...(acc.get(k) ?? []), n - t]);
      t = n;
    };
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load((await fsp.readFile(input)) as unknown as ExcelJS.Buffer);
    lap('ExcelJS alone: load');
    await fsp.writeFile(path.join(work, 'phases-exceljs.xlsx'), Buffer.from((await plain.xlsx.writeBuffer()) as ArrayBuffer));
    lap('ExcelJS alone: save');
    const book = openXlsx(fs.readFileSync(input));
    lap('ours: read the file, open the package (zip directory, workbook.xml)');
    for (const s of book.sheets) if (s.kind === 'worksheet') book.grid(s.name);
    lap('ours: read the sheets (inflate, parse, grids)');
    const calc = calculate(book, path.basename(input), { now: new Date() });
    lap('ours: calculate (engine, report draft, store; src/cli/calculation.ts)');
    const applied = applyChanges(book, calc.changes);
    lap('ours: apply (cells, report and store sheets, styles, zip)');
    await writeFileAtomic(path.join(work, 'phases.xlsx'), applied.bytes);
    lap('ours: write the file (a temporary file beside it, then renamed)');
  }
  return [...acc].map(([phase, v]) => ({ phase, ms: median(v) }));
}

const silent: CliIo = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false, columns: 80 };

/** Makes a folder of `n` copies of `source`. */
export function makeFolder(source: string, dir: string, n: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) fs.copyFileSync(source, path.join(dir, `单位${String(i + 1).padStart(3, '0')}-自评表.xlsx`));
}

/** CPU seconds of the process so far, every thread included. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * `scoreFolder` in this process with `jobs` worker threads (the compiled `workerScript`; the main thread only
 * collects, so one worker and several start alike, cold, every run), `runs` runs after one warm-up; wall time and
 * CPU time of each run (the median run shown).
 */
export async function benchFolderInProcess(dir: string, outDir: string, jobs: number, workerScript: string, runs: number): Promise<FolderFigure> {
  const { scoreFolder } = await import('../src/cli/scoreFolder');
  const files = fs.readdirSync(dir).length;
  const figures: { s: number; cores: number }[] = [];
  for (let i = 0; i <= runs; i++) {
    fs.rmSync(outDir, { recursive: true, force: true });
    const cpu0 = cpuSeconds();
    const t0 = nowMs();
    const o = await scoreFolder(dir, { outDir, jobs, json: false, now: new Date(), workerScript, workersOnly: true }, silent);
    const s = (nowMs() - t0) / 1000;
    if (o.rows.filter((r) => r.scored).length !== files) throw new Error('folder bench: a file was not scored');
    if (i > 0) figures.push({ s, cores: (cpuSeconds() - cpu0) / s });
  }
  figures.sort((x, y) => x.s - y.s);
  const mid = figures[Math.floor(figures.length / 2)];
  return { how: `in process, \`scoreFolder\`, ${jobs} worker thread${jobs > 1 ? 's' : ''}`, files, jobs, seconds: mid.s, cores: mid.cores, runs };
}

/** The built command line as a process (Node start-up included), its CPU time from the shell's `times`. */
export function benchFolderProcess(mainJs: string, dir: string, outDir: string, jobs: number, runs: number): FolderFigure {
  const files = fs.readdirSync(dir).length;
  const figures: { s: number; cores: number }[] = [];
  for (let i = 0; i < runs; i++) {
    fs.rmSync(outDir, { recursive: true, force: true });
    const t0 = nowMs();
    const out = execFileSync('bash', ['-c', `"${process.execPath}" "${mainJs}" score "${dir}" -o "${outDir}" --jobs ${jobs} >/dev/null 2>&1; times`], { encoding: 'utf8' });
    const s = (nowMs() - t0) / 1000;
    // `times`: the shell's user and system time, then its children's.
    const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(out.trim());
    const cpu = m ? Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]) : NaN;
    figures.push({ s, cores: cpu / s });
  }
  figures.sort((x, y) => x.s - y.s);
  const mid = figures[Math.floor(figures.length / 2)];
  return { how: `built CLI as a process, --jobs ${jobs} (main thread${jobs > 1 ? ` and ${jobs - 1} worker${jobs > 2 ? 's' : ''}` : ' only'})`, files, jobs, seconds: mid.s, cores: mid.cores, runs };
}

/** Compiles the command line (tsconfig.cli.json) into `outDir` inside the repository, so that it finds node_modules. */
export function buildCli(repo: string, outDir: string): string {
  const tsc = require.resolve('typescript/bin/tsc', { paths: [repo] });
  execFileSync(process.execPath, [tsc, '-p', path.join(repo, 'tsconfig.cli.json'), '--outDir', outDir, '--tsBuildInfoFile', path.join(outDir, '.tsbuildinfo')], { cwd: repo, stdio: 'pipe' });
  const main = path.join(outDir, 'cli', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`CLI build: ${main} missing`);
  return main;
}

export const CORES = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;

/**
 * The machine's own parallel speed-up at the time of the run: a fixed pure computation (no I/O, no allocation) in
 * one worker thread, then split over `threads` workers. On a quiet machine with that many cores it is near
 * `threads`; others' load on a shared machine brings it down, and with it every parallel figure measured beside it.
 */
export async function controlSpeedup(threads: number, runs: number): Promise<{ one: number; many: number; speedup: number }> {
  const { Worker } = await import('worker_threads');
  const code = 'const { parentPort, workerData } = require("worker_threads"); let x = 0; for (let i = 0; i < workerData; i++) x = (x + Math.sqrt(i)) % 1e9; parentPort.postMessage(x);';
  const total = 2e8;
  const run = (k: number) =>
    new Promise<number>((resolve) => {
      const t0 = nowMs();
      let left = k;
      for (let i = 0; i < k; i++) {
        const w = new Worker(code, { eval: true, workerData: total / k });
        w.on('message', () => {
          void w.terminate();
          if (--left === 0) resolve(nowMs() - t0);
        });
      }
    });
  const ones: number[] = [];
  const manys: number[] = [];
  for (let i = 0; i < runs; i++) {
    ones.push(await run(1));
    manys.push(await run(threads));
  }
  const one = median(ones);
  const many = median(manys);
  return { one, many, speedup: one / many };
}

/**
 * Threads already warm: each of `threads` worker threads (the compiled code in `buildDir`) scores its share of the
 * folder `passes` times (read, calculate, apply; nothing written), and the slowest thread's mean of the passes after
 * the first two is taken. Set against one thread doing it all, this is the speed-up once every thread's code is
 * loaded and optimised, the part that a thread's start-up does not blur.
 */
export async function benchWarmThreads(dir: string, buildDir: string, threads: number, passes: number): Promise<number> {
  const { Worker } = await import('worker_threads');
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  const code = `
    const { parentPort, workerData } = require('worker_threads');
    const fs = require('fs');
    const path = require('path');
    const { openXlsx } = require(path.join(workerData.build, 'xlsx', 'readWorkbook'));
    const { applyChanges } = require(path.join(workerData.build, 'xlsx', 'applyChanges'));
    const { calculate } = require(path.join(workerData.build, 'cli', 'calculation'));
    const bytes = workerData.files.map((f) => fs.readFileSync(f));
    const times = [];
    for (let p = 0; p < workerData.passes; p++) {
      const t = process.hrtime.bigint();
      for (const b of bytes) { const book = openXlsx(b); applyChanges(book, calculate(book, 'x', { now: new Date() }).changes); }
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    parentPort.postMessage(times.slice(2).reduce((a, b) => a + b, 0) / (times.length - 2));`;
  const ms = await Promise.all(
    Array.from({ length: threads }, (_, i) =>
      new Promise<number>((resolve, reject) => {
        const w = new Worker(code, { eval: true, workerData: { build: buildDir, files: files.filter((_, j) => j % threads === i), passes } });
        w.on('message', (m: number) => {
          void w.terminate();
          resolve(m);
        });
        w.on('error', reject);
      }),
    ),
  );
  return Math.max(...ms);
}
