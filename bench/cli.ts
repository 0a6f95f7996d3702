/**
 * The command line against ExcelJS alone: the same file, loaded and saved, in the same run. Rounds alternate
 * the two (in both orders) so that a burst of load from other processes hits both sides alike.
 */
import { evaluateFound } from '../test/helpers/evaluate';
import { execFileSync } from 'child_process';
import { promises as fsp } from 'fs';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { scoreFile } from '../src/cli/scoreFile';
import { scoreFolder } from '../src/cli/scoreFolder';
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
  seconds: number;
  filesPerSecond: number;
  runs: number;
}

/** ExcelJS alone, through the same I/O path as the command line (read the bytes, load, write the buffer, save). */
async function exceljsRoundTrip(input: string, output: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fsp.readFile(input)) as unknown as ExcelJS.Buffer);
  const data = await wb.xlsx.writeBuffer();
  await fsp.writeFile(output, Buffer.from(data as ArrayBuffer));
}

async function ourScore(input: string, output: string): Promise<void> {
  await scoreFile(input, { output, now: new Date() });
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = nowMs();
  await fn();
  return nowMs() - t0;
}

/** Ours vs ExcelJS alone on one file: `rounds` pairs, after two warm-up pairs. */
export async function benchCliRatio(name: string, input: string, work: string, rounds: number): Promise<CliRatio> {
  const outOurs = path.join(work, 'ours.xlsx');
  const outBase = path.join(work, 'exceljs.xlsx');
  const ours = () => ourScore(input, outOurs);
  const base = () => exceljsRoundTrip(input, outBase);
  for (let i = 0; i < 2; i++) {
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
  // The ratio is the median of each round's own ratio: the two runs of a round are seconds apart at most, so a
  // change in the machine's load between rounds cancels out.
  const ratio = median(a.map((x, i) => x / b[i]));
  return { name, bytes: fs.statSync(input).size, oursMs: median(a), exceljsMs: median(b), ratio, fastestRatio: Math.min(...a) / Math.min(...b), rounds };
}

const silent: CliIo = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false, columns: 80 };

/** Makes a folder of `n` copies of `source`. */
export function makeFolder(source: string, dir: string, n: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) fs.copyFileSync(source, path.join(dir, `单位${String(i + 1).padStart(3, '0')}-自评表.xlsx`));
}

export async function benchFolderInProcess(dir: string, outDir: string, runs: number): Promise<FolderFigure> {
  const files = fs.readdirSync(dir).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    fs.rmSync(outDir, { recursive: true, force: true });
    times.push(await timed(async () => {
      const o = await scoreFolder(dir, { outDir, json: false, now: new Date() }, silent);
      if (o.rows.filter((r) => r.scored).length !== files) throw new Error('folder bench: a file was not scored');
    }));
  }
  const seconds = median(times) / 1000;
  return { how: 'in-process `scoreFolder`', files, seconds, filesPerSecond: files / seconds, runs };
}

/** The built command line as a process (Node start-up included): `node main.js score DIR -o OUT`. */
export function benchFolderProcess(mainJs: string, dir: string, outDir: string, runs: number, how?: string): FolderFigure {
  const files = fs.readdirSync(dir).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    fs.rmSync(outDir, { recursive: true, force: true });
    const t0 = nowMs();
    execFileSync(process.execPath, [mainJs, 'score', dir, '-o', outDir], { stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
    times.push(nowMs() - t0);
  }
  const seconds = median(times) / 1000;
  return { how: how ?? 'built CLI as a process (`node dist-cli/cli/main.js score DIR -o OUT`)', files, seconds, filesPerSecond: files / seconds, runs };
}

/** Compiles the command line (tsconfig.cli.json) into `outDir` inside the repository, so that it finds node_modules. */
export function buildCli(repo: string, outDir: string): string {
  const tsc = require.resolve('typescript/bin/tsc', { paths: [repo] });
  execFileSync(process.execPath, [tsc, '-p', path.join(repo, 'tsconfig.cli.json'), '--outDir', outDir, '--tsBuildInfoFile', path.join(outDir, '.tsbuildinfo')], { cwd: repo, stdio: 'pipe' });
  const main = path.join(outDir, 'cli', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`CLI build: ${main} missing`);
  return main;
}

/**
 * Where the command line's time goes: ExcelJS alone, then scoreFile's steps replayed one by one (same functions,
 * same order; no --report), in the same loop. A diagnostic beside the ratio, not a second measure of it.
 */
export async function cliPhases(input: string, work: string, runs: number): Promise<{ phase: string; ms: number }[]> {
  const { evaluateWorkbook } = await import('../src/engine/evaluate');
  const { validateSettings } = await import('../src/engine/settings');
  const { buildReport, MATERIAL_SHEET } = await import('../src/cli/reportSource');
  const { addReportSheet } = await import('../src/xlsx/reportSheet');
  const { readStore, writeStore } = await import('../src/xlsx/store');
  const { activeSheetName, findSheet, loadWorkbook, workbookGrids } = await import('../src/xlsx/workbook');
  const { applyWrites } = await import('../src/xlsx/writePlan');
  const acc = new Map<string, number[]>();
  for (let i = 0; i < runs + 2; i++) {
    let t = nowMs();
    const lap = (k: string) => {
      const n = nowMs();
      if (i >= 2) acc.set(k, [...(acc.get(k) ?? []), n - t]);
      t = n;
    };
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load((await fsp.readFile(input)) as unknown as ExcelJS.Buffer);
    lap('ExcelJS alone: load');
    const plainData = await plain.xlsx.writeBuffer();
    await fsp.writeFile(path.join(work, 'phases-exceljs.xlsx'), Buffer.from(plainData as ArrayBuffer));
    lap('ExcelJS alone: save');
    const wb = await loadWorkbook(input);
    lap('ours: load (read file, ExcelJS load)');
    const store = readStore(wb);
    const { settings } = validateSettings(store.settings);
    const grids = workbookGrids(wb, [MATERIAL_SHEET]);
    lap('ours: read store and grids (src/xlsx)');
    const ev = evaluateFound(grids, { settings, record: store.record, activeSheet: activeSheetName(wb), now: new Date().toISOString() });
    lap('ours: engine, evaluateWorkbook');
    const report = buildReport(ev, store.material);
    lap('ours: engine, buildReport (report draft)');
    if (ev.plan) applyWrites(findSheet(wb, ev.sheet)!, ev.plan.writes);
    const added = addReportSheet(wb, report);
    writeStore(wb, { version: 1, record: ev.plan ? { ...ev.plan.record, reportSheet: added.name, reportDigest: added.digest } : store.record, settings: store.settings, material: store.material });
    lap('ours: write cells, report sheet, store (src/xlsx)');
    const data = await wb.xlsx.writeBuffer();
    await fsp.writeFile(path.join(work, 'phases.xlsx'), Buffer.from(data as ArrayBuffer));
    lap('ours: save (ExcelJS write, write file)');
  }
  return [...acc].map(([phase, v]) => ({ phase, ms: median(v) }));
}
