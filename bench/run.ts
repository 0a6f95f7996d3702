/**
 * `npm run bench`: measures and writes bench/results.md (machine, date, load average, each figure beside its
 * target). Sections: round trips on the fake Office host, engine, command line, production pane.
 * Benchmarks, not tests: nothing here fails on a slow figure. Options: `--skip-pane` (no webpack build, no
 * Chromium), `--quick` (fewer repetitions; figures noisier), `--only=roundtrips,engine,cli,pane` (some sections).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchEngine } from './engine';
import { benchRoundTrips, type RoundTripFigure } from './roundtrips';
import { CORES, benchCliRatio, benchFolderInProcess, benchFolderProcess, benchWarmThreads, buildCli, cliPhases, controlSpeedup, makeFolder } from './cli';
import { CHROMIUM, buildProductionPane, paneReady, paneSize } from './pane';
import { writeBigWorkbook } from './workbooks';
import { benchReport } from './report';
import { bigSheet } from './tables';
import { REPORT_SHEET } from '../src/engine/reportSheet';
import { STORE_SHEET } from '../src/engine/store';
import { kb, loadAverage, machine, median, nowMs, thousands, treeState } from './stats';

const REPO = path.resolve(__dirname, '..');
const EXAMPLE = path.join(REPO, 'examples', '2023-海珠区人大常委会办公室-部门整体支出绩效自评表.xlsx');
const TABLE_SHEET = bigSheet(1).name;
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const ONLY = [...args].find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? null;
const SKIP_PANE = args.has('--skip-pane');
const wanted = (name: string) => !ONLY || ONLY.includes(name);

interface Summary {
  figure: string;
  target: string;
  measured: string;
  met: boolean | null;
}

const summary: Summary[] = [];
const body: string[] = [];

function yes(met: boolean | null): string {
  return met === null ? '—' : met ? 'yes' : '**no**';
}

function section(title: string): void {
  body.push(`## ${title}`, '', `Load average (1 / 5 / 15 min) at start: ${loadAverage()}`, '');
  process.stderr.write(`bench: ${title}…\n`);
}

function endSection(): void {
  body.push('', `Load average at end: ${loadAverage()}`, '');
}

async function roundTrips(): Promise<void> {
  section('1. Round trips per 计算得分 (fake Office host)');
  const figures = await benchRoundTrips();
  body.push(
    'Target: 2 syncs (3 with the report sheet) whatever the size; a protected table sheet refused in at most 3 syncs',
    'with nothing written.',
    '',
    'Each row: a fresh workbook of that many indicator rows (bench/tables.ts `bigSheet`, sheet active), then',
    '计算得分 twice through `src/excel/session.ts` `calculate()`: the first click adds the report sheet 自评报告',
    'and the store sheet; the second rewrites our untouched draft in place. Then, on a fresh workbook whose table',
    'sheet is protected, one click that must be refused. ExcelApi 1.17 is a current Excel; ExcelApi 1.2 has no',
    'null-object chains (1.2–1.3); ExcelApi 1.1 is the minimum (Excel 2016 without updates: no valuesOnly used',
    'range and no worksheet protection, so the read takes sizes then data and probes the protection).',
    '',
    '**Bytes sent** (per 计算得分, summed over its syncs): UTF-8 length, over every action queued before a sync, of',
    'the object path (the fake host\'s label, e.g. `Worksheet[自评表].getRange(G14)`) plus, for a property write,',
    '`.prop=` and the JSON of the value (values, number formats, formats, names…); for a load, `.load(props)`; for',
    'any other method, its name and arguments. **Bytes received**: the JSON length of every property value the',
    'loads returned. The fake host records operations only as truncated descriptions, so the benchmark measures',
    'from outside without changing test/fakehost: it wraps, on the prototypes reached through a live context,',
    '`enqueue`, `sync`, `queueSet` and `fill`. Office.js\'s real protocol adds object ids and action types per',
    'action; read these as the payload, comparable between sizes and versions.',
    '',
    '| ExcelApi | rows | click | syncs | actions per sync | bytes sent | bytes received | target met |',
    '|---|---:|---|---:|---|---:|---:|:---:|',
  );
  const met = (f: RoundTripFigure) => (f.expect === 'written' ? f.ok : !f.ok) && f.syncs <= 3;
  for (const f of figures) {
    body.push(
      `| ${f.apiSet} | ${thousands(f.rows)} | ${f.scenario} | ${f.syncs} | ${f.perSync.map((s) => thousands(s.ops)).join(' + ')} | ${kb(f.sent)} | ${kb(f.received)} | ${yes(met(f))}${f.ok || f.expect === 'refused' ? '' : ` (failed: ${f.message})`} |`,
    );
  }
  const big = figures.filter((f) => f.apiSet === '1.17' && f.rows === 5000);
  const range = (fs: RoundTripFigure[]) => {
    const s = [...new Set(fs.map((f) => f.syncs))].sort();
    return s.join('–');
  };
  const per1000 = figures.find((f) => f.apiSet === '1.17' && f.rows === 1000);
  for (const api of [...new Set(figures.map((f) => f.apiSet))]) {
    const written = figures.filter((f) => f.apiSet === api && f.expect === 'written');
    const refused = figures.filter((f) => f.apiSet === api && f.expect === 'refused');
    summary.push({
      figure: `Syncs per 计算得分, 10–5,000 rows (ExcelApi ${api})`,
      target: '2 (3 with the report sheet)',
      measured: `${range(written)}${api === '1.17' ? ' (report sheet included)' : ''}`,
      met: written.every(met),
    });
    if (refused.length) {
      summary.push({
        figure: `Syncs to refuse a protected table sheet (ExcelApi ${api})`,
        target: '≤ 3, nothing written',
        measured: range(refused),
        met: refused.every(met),
      });
    }
  }
  if (per1000 && big.length) {
    summary.push({
      figure: 'Bytes sent per 计算得分 at 1,000 / 5,000 rows',
      target: '— (no target; see section 1)',
      measured: `${kb(per1000.sent)} / ${kb(big[0].sent)}`,
      met: null,
    });
  }
  body.push(
    '',
    'Syncs do not grow with the size: one sync reads (sheet list, active sheet, store, previous draft, 报告素材), one',
    'writes (report sheet, store, cells). On ExcelApi 1.2 the second click takes one more sync, to read the store and',
    'the previous draft (no null-object chains there), which is the "3 with the report sheet" case. On ExcelApi 1.1',
    'the read is two syncs (sizes, then data with the store and the draft), so three in all; its first sync also',
    'writes null into A1 of the table sheet, which Office refuses on a protected sheet: that sync is repeated',
    'without the probe and the engine refuses the calculation, three syncs and nothing written.',
    '',
  );
  body.push(...writeBreakdown(figures));
  endSection();
}

/** What the bytes sent are made of, per sheet (first click, ExcelApi 1.17), and what would cut them. */
function writeBreakdown(figures: RoundTripFigure[]): string[] {
  const rows = figures.filter((f) => f.apiSet === '1.17' && f.scenario.startsWith('first'));
  const sum = (f: RoundTripFigure, pick: (sheet: string) => boolean) =>
    f.perSync.reduce((t, s) => t + Object.entries(s.sentBySheet).filter(([k]) => pick(k)).reduce((u, [, v]) => u + v, 0), 0);
  const out = [
    'Bytes sent by destination (first click, ExcelApi 1.17):',
    '',
    '| rows | the table\'s cells | report sheet 自评报告 | store sheet (write record) | other | per indicator row |',
    '|---:|---:|---:|---:|---:|---:|',
  ];
  for (const f of rows) {
    const table = sum(f, (k) => k === TABLE_SHEET);
    const report = sum(f, (k) => k === REPORT_SHEET);
    const store = sum(f, (k) => k === STORE_SHEET);
    out.push(`| ${thousands(f.rows)} | ${kb(table)} | ${kb(report)} | ${kb(store)} | ${kb(f.sent - table - report - store)} | ${(f.sent / f.rows / 1024).toFixed(2)} KB |`);
  }
  const big = rows[rows.length - 1];
  out.push(
    '',
    `Bytes sent grow linearly with the rows; at ${thousands(big.rows)} rows the write sync carries ${kb(big.perSync[big.perSync.length - 1].sent)}.`,
    'Excel on the web limits a request (and a response) to 5 MB, so near 10,000 rows the single write sync would fail',
    '(the gateway has a chunked fallback for reads only). Where the bytes go: the report sheet (its analysis',
    'names every indicator that lost points, so it grows with the table), the write record in the store sheet',
    '(each written cell\'s value and format before and after, for 恢复计算前内容), and the cells themselves, written',
    'one range per cell with two property writes (number format, value). What would cut them (src/excel, the',
    'report and the store format; not bench code): write the 得分 column as one range per run of adjacent rows;',
    'cap the report\'s per-indicator list (e.g. the ten largest losses, then a count); store `before` only for',
    'cells that were not empty.',
  );
  return out;
}

function engine(): void {
  section('2. Engine (evaluateWorkbook: locate, read, score, issues, write plan)');
  const sizes = QUICK ? [60, 100, 1000, 10000] : [60, 100, 1000, 2000, 5000, 10000];
  // Three rounds over every size, the median of the rounds' medians: a burst of load from others hits one
  // round of one size, not the figure.
  const rounds = QUICK ? 1 : 3;
  const all = Array.from({ length: rounds }, () => benchEngine(sizes));
  const figures = sizes.map((rows, i) => {
    const m = median(all.map((r) => r[i].medianMs));
    return { rows, medianMs: m, msPer1000: (m / rows) * 1000 };
  });
  body.push(
    'Target: ≤ 5 ms per 1,000 indicator rows, growing linearly. `bench/engine.ts`: bigSheet(rows), 3 warm-up',
    `runs, then the median of 21 runs (7 at 10,000 rows); the whole repeated ${rounds} time(s), the median of those`,
    'medians shown. Below 1,000 rows the fixed cost dominates and the per-1,000 figure is not judged; a table of 60',
    'rows, the size of a large real 自评表, must take under 1 ms (issue 10).',
    '',
    '| indicator rows | median time (ms) | ms per 1,000 rows | target met |',
    '|---:|---:|---:|:---:|',
  );
  for (const f of figures) {
    body.push(`| ${thousands(f.rows)} | ${f.medianMs.toFixed(2)} | ${f.msPer1000.toFixed(2)} | ${f.rows < 1000 ? '—' : yes(f.msPer1000 <= 5)} |`);
  }
  const sixty = figures.find((f) => f.rows === 60)!;
  summary.push({ figure: 'Engine, a 60-row table (a large real 自评表)', target: '< 1 ms', measured: `${sixty.medianMs.toFixed(2)} ms`, met: sixty.medianMs < 1 });
  const a = figures.find((f) => f.rows === 1000)!;
  const z = figures[figures.length - 1];
  const growth = z.medianMs / a.medianMs;
  const factor = z.rows / a.rows;
  const linear = growth <= factor * 1.3;
  body.push(
    '',
    `Growth from 1,000 to ${thousands(z.rows)} rows: ×${growth.toFixed(1)} time for ×${factor} rows (linear is ×${factor};`,
    'judged linear within 30%, as larger heaps cost some garbage collection).',
  );
  const worst = Math.max(...figures.filter((f) => f.rows >= 1000).map((f) => f.msPer1000));
  summary.push({ figure: 'Engine, ms per 1,000 rows (1,000 / worst of 1,000–10,000)', target: '≤ 5 ms', measured: `${a.msPer1000.toFixed(2)} / ${worst.toFixed(2)} ms`, met: worst <= 5 });
  summary.push({ figure: `Engine growth 1,000 → ${thousands(z.rows)} rows`, target: `linear (×${factor})`, measured: `×${growth.toFixed(1)}`, met: linear });
  const b = figures.find((f) => f.rows === 2000);
  if (b) body.push('', `From 2,000 to ${thousands(z.rows)} rows: ×${(z.medianMs / b.medianMs).toFixed(1)} for ×${z.rows / b.rows} rows.`);
  if (worst > 5 || !linear) {
    body.push(
      '',
      'Missed above 1,000 rows, and why. Up to 1,000 rows the engine meets the target. From 2,000 rows on, what each',
      'row keeps (its table row, result, planned write, record and inverse entries, address and explanation strings)',
      'no longer fits in V8\'s young generation, so garbage collection copies and promotes it: the time per 1,000',
      'rows rises to about 6–7.5 ms and then stays flat (no step grows faster than the rows; profiled 2026-11-27).',
      'Evidence: the same 10,000-row run with a larger young generation (`node --max-semi-space-size=64`) takes',
      'about 5.1 ms per 1,000. Already done: no header rescan per row, label keys and comparators without regex work',
      'on plain text, one shared column map and empty before-value, one pass for the record and inverse. What would',
      'meet it at 10,000 rows: keep less per row (addresses and explanations computed on demand, the inverse derived',
      'from the record) — a change to the result and plan types that the doors use. Real 自评表 have 15–60',
      'indicator rows (well under 1 ms), so this is left as it is.',
    );
  }
  endSection();
}

async function commandLine(work: string): Promise<void> {
  section('3. Command line (surgical .xlsx writing)');
  const big = path.join(work, '自评表-1000行.xlsx');
  await writeBigWorkbook(1000, big);
  body.push(
    'Target (issue 12): scoring the 1,000-row file takes at most 0.5 × what ExcelJS alone takes to load and save it.',
    '"Ours" is the in-process `scoreFile` (src/cli/scoreFile.ts: read the package, calculate, write the cells, the',
    'report sheet and the store into the zip, copying every other entry raw; save to a new file; no --report).',
    '"ExcelJS alone" reads the same bytes, `xlsx.load`, `writeBuffer` and writes the file. Five warm-up rounds,',
    'then rounds (41 for the example, 21 at 1,000 rows) alternating which goes first; the times are medians, the',
    'ratio is the median of the rounds\' own ratios; "fastest ratio" divides the fastest runs (other processes only',
    'ever add time, so it is the least disturbed estimate).',
    '',
    '| workbook | size | ours (ms) | ExcelJS alone (ms) | ratio | fastest ratio | target met |',
    '|---|---:|---:|---:|---:|---:|:---:|',
  );
  const ratios: { ratio: number }[] = [];
  for (const [name, file, target] of [
    ['the example (14 indicators)', EXAMPLE, null],
    ['generated, 1,000 indicator rows', big, 0.5],
  ] as const) {
    const r = await benchCliRatio(name, file, work, QUICK ? 5 : file === EXAMPLE ? 41 : 21);
    ratios.push(r);
    const met = target === null ? null : r.ratio <= target;
    body.push(`| ${name} | ${kb(r.bytes)} | ${r.oursMs.toFixed(1)} | ${r.exceljsMs.toFixed(1)} | ${r.ratio.toFixed(2)}× | ${r.fastestRatio.toFixed(2)}× | ${yes(met)} |`);
    summary.push({ figure: `CLI / ExcelJS alone: ${name}`, target: target === null ? '— (reported)' : `≤ ${target}×`, measured: `${r.ratio.toFixed(2)}× (fastest runs: ${r.fastestRatio.toFixed(2)}×)`, met });
  }
  body.push('', 'Where the time goes: ExcelJS alone, then scoreFile\'s steps replayed one by one, in the same loop (medians in ms; the', 'sums differ a little from the table above, measured separately):', '');
  const phases: { phase: string; ms: number }[][] = [];
  for (const file of [EXAMPLE, big]) phases.push(await cliPhases(file, work, QUICK ? 5 : 15));
  body.push('| step | the example | 1,000 rows |', '|---|---:|---:|');
  phases[0].forEach((p, i) => body.push(`| ${p.phase} | ${p.ms.toFixed(1)} | ${phases[1][i].ms.toFixed(1)} |`));
  const at = (prefix: string) => phases[1].filter((p) => p.phase.startsWith(prefix)).reduce((n, p) => n + p.ms, 0);
  const exceljs = at('ExcelJS alone');
  const calc = at('ours: calculate');
  const write = at('ours: write');
  const door = at('ours:') - calc - write;
  body.push(
    '',
    `At 1,000 rows, against ExcelJS alone (${exceljs.toFixed(1)} ms here): the calculation (the engine's evaluateWorkbook and buildReport,`,
    `the report and store texts) takes ${calc.toFixed(1)} ms, ${(calc / exceljs).toFixed(2)} ×; reading the package and the sheets and applying the`,
    `changes (the door's own work) ${door.toFixed(1)} ms, ${(door / exceljs).toFixed(2)} ×; writing the file through a temporary file and a rename,`,
    `so that a failure never leaves half a workbook (ExcelJS alone writes in place), ${write.toFixed(1)} ms, ${(write / exceljs).toFixed(2)} ×. Garbage`,
    'collection falls into whichever step runs when it happens.',
  );
  if (ratios[1].ratio > 0.5) {
    body.push(
      '',
      `Why 1,000 rows miss 0.5 ×: the calculation alone takes ${(calc / exceljs).toFixed(2)} ×, leaving ${(0.5 - calc / exceljs).toFixed(2)} × for everything else, and the`,
      `door needs ${((door + write) / exceljs).toFixed(2)} × (reading 8,000 cells into grids, deflating the rewritten sheet, the report and`,
      'the store, about 480 KB of XML, and the safe write). The calculation is the engine\'s, the same for every door:',
      'its report names every indicator that lost points (hundreds in this generated table) and its write',
      'record keeps each written cell\'s value and format before and after. What would meet 0.5 ×: a shorter report',
      'draft for such tables and a lighter record, or a door cheaper still (deflating our parts on the thread pool while',
      `the sheet is patched). The example (14 indicators, as real tables have 15–60) measured ${ratios[0].ratio.toFixed(2)} ×.`,
    );
  }

  const folder = path.join(work, 'folder');
  makeFolder(EXAMPLE, folder, 100);
  const runs = QUICK ? 1 : 5;
  const outDir = path.join(REPO, '.tmp', `bench-cli-${process.pid}`);
  try {
    const main = buildCli(REPO, outDir);
    const worker = path.join(path.dirname(main), 'folderWorker.js');
    const figures = [];
    for (const jobs of [1, CORES]) figures.push(await benchFolderInProcess(folder, path.join(work, 'folder-out'), jobs, worker, runs));
    for (const jobs of [1, CORES]) figures.push(benchFolderProcess(main, folder, path.join(work, 'folder-out'), jobs, QUICK ? 1 : 3));
    const speedIn = figures[0].seconds / figures[1].seconds;
    const speedProc = figures[2].seconds / figures[3].seconds;
    // A larger folder: the files' work grows, each thread's start-up does not.
    const larger = path.join(work, 'folder-400');
    makeFolder(EXAMPLE, larger, 400);
    for (const jobs of [1, CORES]) figures.push(await benchFolderInProcess(larger, path.join(work, 'folder-400-out'), jobs, worker, QUICK ? 1 : 3));
    const speedLarger = figures[4].seconds / figures[5].seconds;
    const warmOne = await benchWarmThreads(folder, path.dirname(path.dirname(main)), 1, QUICK ? 3 : 6);
    const warmMany = await benchWarmThreads(folder, path.dirname(path.dirname(main)), CORES, QUICK ? 3 : 6);
    const control = await controlSpeedup(CORES, QUICK ? 1 : 3);
    body.push(
      '',
      `A folder of 100 tables (copies of the example), \`score DIR -o OUT\` with one job and with one per core (${CORES} here):`,
      'each file read, scored and written, then 汇总.xlsx. "Cores used" is the CPU time of the run (every thread) over',
      'its wall time. In process: one worker thread against one per core, the main thread only collecting, so that',
      'both start alike (new threads running the compiled code, as in dist-cli); median of 5 runs after a warm-up.',
      'As a process: the built CLI as users run it (the main thread scores too, beside --jobs − 1 workers), Node',
      'start-up and module loading included; median of 3.',
      '',
      '| how | files | seconds | files per second | cores used | speed-up over one job |',
      '|---|---:|---:|---:|---:|---:|',
      ...figures.map((f, i) => `| ${f.how} | ${f.files} | ${f.seconds.toFixed(2)} | ${(f.files / f.seconds).toFixed(0)} | ${f.cores.toFixed(2)} | ${i % 2 ? `${[speedIn, speedProc, speedLarger][(i - 1) / 2].toFixed(2)}×` : '—'} |`),
      `| threads already warm: 100 tables, ${CORES} threads vs 1 (a pass after two, nothing written) | 100 | ${(warmMany / 1000).toFixed(2)} | ${(100000 / warmMany).toFixed(0)} | — | ${(warmOne / warmMany).toFixed(2)}× |`,
      `| control: a fixed pure computation, ${CORES} worker threads vs 1 | — | ${(control.many / 1000).toFixed(2)} | — | — | ${control.speedup.toFixed(2)}× |`,
      '',
      `The control row is what this machine gave any parallel work at the time: ${control.speedup.toFixed(2)}× for ${CORES} threads on a`,
      `computation with nothing shared (${(control.one / 1000).toFixed(2)} s in one thread). A folder cannot do better than that.`,
    );
    body.push(
      '',
      `The process figures carry costs no job count changes: Node's start-up and module loading, ExcelJS loaded for`,
      '汇总.xlsx, the summary itself; and with more than one job the start of each worker thread (it loads the compiled',
      `modules; the main thread scores meanwhile). Load average during these runs: ${loadAverage()} on ${CORES} cores.`,
    );
    if (speedIn < 1.8) {
      const bound = figures[1].cores / figures[0].cores;
      body.push(
        '',
        `Why the folder misses 1.8 ×: one scoring thread already keeps ${figures[0].cores.toFixed(2)} cores busy. V8 compiles and optimises code`,
        'and collects garbage on helper threads of its own, and on a two-core machine those run on the second core (the',
        '"cores used" of the one-thread rows). A second scoring thread can only have what is left, so the speed-up is',
        `bounded by about the ratio of the cores used, ${figures[1].cores.toFixed(2)} / ${figures[0].cores.toFixed(2)} = ${bound.toFixed(2)} here, however well the files are shared out. Measured once`,
        '(2026-12-02, not by this benchmark) with those helpers turned off (`node --single-threaded`), two warm threads',
        'scored the 100 tables 1.83 × as fast as one, but one thread was then about a third slower than with its helpers,',
        'so that is no way to go faster. Each new thread\'s start-up (its modules loaded, its code optimised again) adds to',
        `the 100-table figure; ${speedLarger.toFixed(2)} × for 400 tables and ${(warmOne / warmMany).toFixed(2)} × for threads already warm show what remains without it.`,
        'The machine itself gave the control computation (one small loop, nothing to compile or collect) the full',
        `${control.speedup.toFixed(2)} ×.${speedProc > 1 && speedIn > 1 ? ' One job per core is still the faster way through a folder here (seconds above).' : ''}`,
      );
    }
    summary.push({ figure: `CLI folder of 100 tables, ${CORES} worker threads vs 1 (in process)`, target: '≥ 1.8×, both cores used', measured: `${speedIn.toFixed(2)}× (${figures[1].cores.toFixed(2)} cores used; the machine's control: ${control.speedup.toFixed(2)}×)`, met: speedIn >= 1.8 });
    summary.push({ figure: `CLI folder of 100 tables, ${CORES} jobs vs 1 (built CLI, a process)`, target: '— (reported)', measured: `${speedProc.toFixed(2)}× (${figures[3].cores.toFixed(2)} cores used)`, met: null });
    summary.push({ figure: `CLI folder of 400 tables, ${CORES} worker threads vs 1 (in process)`, target: '— (reported)', measured: `${speedLarger.toFixed(2)}× (${figures[5].cores.toFixed(2)} cores used)`, met: null });
    summary.push({ figure: `CLI, 100 tables in threads already warm, ${CORES} vs 1`, target: '— (reported)', measured: `${(warmOne / warmMany).toFixed(2)}×`, met: null });
  } catch (e) {
    body.push('', `The folder could not be measured: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  const reports = benchReport(QUICK ? [1000, 2000] : [100, 1000, 2000, 4000], QUICK ? 3 : 5);
  body.push(
    '',
    'The report draft alone (`buildReport`, src/engine/report; medians of 5 runs), with bigSheet as it is (no budget',
    'indicator row: every indicator is an ordinary one) and with a 预算执行率 row first, as real tables have:',
    '',
    '| indicator rows | without a budget row (ms) | with a budget row (ms) | report text (characters) |',
    '|---:|---:|---:|---:|',
    ...reports.map((r) => `| ${thousands(r.rows)} | ${r.withoutBudgetRowMs.toFixed(1)} | ${r.withBudgetRowMs.toFixed(1)} | ${thousands(r.chars)} |`),
  );
  endSection();
}

async function pane(work: string): Promise<void> {
  section('4. Production task pane');
  const dist = path.join(work, 'dist');
  const t0 = nowMs();
  buildProductionPane(dist);
  const buildS = (nowMs() - t0) / 1000;
  const size = paneSize(dist);
  body.push(
    'Target: the JavaScript the pane loads at start, gzipped, office.js excluded, ≤ 150 KB.',
    '',
    `Built with the same webpack configuration and mode as \`npm run build\` (production), into a temporary folder`,
    `instead of dist/ so that a benchmark never replaces someone's build (${buildS.toFixed(0)} s). "At start" = the`,
    'local `<script src>` of taskpane.html (office.js comes from the CDN and is excluded); every other .js is',
    'loaded later, on demand. gzip level 9 (`zlib.gzipSync`).',
    '',
    '| file | when | bytes | gzipped |',
    '|---|---|---:|---:|',
  );
  for (const f of size.initial) body.push(`| ${f.file.replace(/\.[0-9a-f]{8}\.js$/, '.[hash].js')} | at start | ${kb(f.bytes)} | ${kb(f.gzipped)} |`);
  for (const f of size.lazy) body.push(`| ${f.file.replace(/\.[0-9a-f]{8}\.js$/, '.[hash].js')} | lazy (下载 Word) | ${kb(f.bytes)} | ${kb(f.gzipped)} |`);
  body.push(`| **total at start** | | | **${kb(size.initialGzipped)}** |`);
  if (/babel-loader/.test(fs.readFileSync(path.join(REPO, 'webpack.config.js'), 'utf8'))) {
    body.push(
      '',
      'This build lowers the pane\'s code to ES5 for Internet Explorer 11 / EdgeHTML web views (babel-loader with',
      'core-js polyfills, webpack.config.js); the polyfills and helpers account for the growth from 38.6 KB, what the',
      'entry chunk measured without that step (2026-11-27, commit 6ecb55b). Still well within the target.',
    );
  }
  summary.push({ figure: 'Pane JavaScript at start, gzipped (office.js excluded)', target: '≤ 150 KB', measured: kb(size.initialGzipped), met: size.initialGzipped <= 150 * 1024 });
  const lazyTotal = size.lazy.reduce((s, f) => s + f.gzipped, 0);
  summary.push({ figure: 'Pane lazy chunks (docx), gzipped', target: '— (not loaded at start)', measured: kb(lazyTotal), met: null });

  if (!fs.existsSync(CHROMIUM)) {
    body.push('', `Time to ready not measured: ${CHROMIUM} is absent (apt-get install chromium).`);
  } else {
    const { snapshotXlsx } = await import('../test/fakehost/xlsx');
    const runs = QUICK ? 3 : 9;
    let t: Awaited<ReturnType<typeof paneReady>>;
    try {
      t = await paneReady(dist, work, await snapshotXlsx(EXAMPLE), runs);
    } catch (e) {
      const reason = (e as Error).message.split('\n').filter((l) => l.trim()).slice(0, 3).join(' ').replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
      body.push('', `Time to ready not measured: the pane did not become ready (${reason}).`);
      summary.push({ figure: 'Pane: navigation → 计算得分 enabled (headless Chromium, fake office.js)', target: '— (reported)', measured: 'not measured (pane not ready, see section 4)', met: null });
      endSection();
      return;
    }
    body.push(
      '',
      'Time from navigation to ready: headless Debian Chromium through playwright-core with the browser test\'s flags',
      '(`--no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync',
      '--no-first-run`), the build served from 127.0.0.1, office.js routed to the fake Office host bundle (the',
      'example workbook). **Ready** = the 计算得分 button (`#calculate`) is enabled, which the pane does in',
      '`Office.onReady` once its handlers are attached. Measured from `page.goto` to that moment, a fresh browser',
      `context (empty cache) per run, ${runs} runs after one warm-up; median. The fake host stands in for office.js, so`,
      'the download of the real office.js from the CDN and its start-up are not in the figure.',
      '',
      '| figure | value |',
      '|---|---:|',
      `| navigation → 计算得分 enabled, median | ${t.readyMs.toFixed(0)} ms |`,
      `| navigation → 计算得分 enabled, fastest | ${t.readyMsMin.toFixed(0)} ms |`,
      `| DOMContentLoaded (page clock), median | ${t.domContentLoadedMs.toFixed(0)} ms |`,
      `| JavaScript fetched before ready (office.js excluded) | ${t.fetchedJs.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, '.[hash].js')).join(', ')}: ${kb(t.fetchedGzipped)} gzipped |`,
    );
    summary.push({ figure: 'Pane: navigation → 计算得分 enabled (headless Chromium, fake office.js)', target: '— (reported)', measured: `${t.readyMs.toFixed(0)} ms median`, met: null });
  }
  endSection();
}

async function main(): Promise<void> {
  const started = nowMs();
  const date = new Date().toISOString();
  const load0 = loadAverage();
  const tree = treeState(REPO);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
  try {
    if (wanted('roundtrips')) await roundTrips();
    if (wanted('engine')) engine();
    if (wanted('cli')) await commandLine(work);
    if (wanted('pane') && !SKIP_PANE) await pane(work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const minutes = (nowMs() - started) / 60000;
  const head = [
    '# Benchmark results',
    '',
    `- Date: ${date}`,
    `- Machine: ${machine()}`,
    `- Code: ${tree}`,
    `- Load average (1 / 5 / 15 min) at start: ${load0}; at end: ${loadAverage()}. The machine is shared (other`,
    '  people run tests at the same time), so every timing is a median over repeated runs and each section prints',
    '  the load average beside its figures; compare timings only between runs at similar load.',
    `- Command: \`npm run bench${args.size ? ` -- ${[...args].join(' ')}` : ''}\` (${minutes.toFixed(1)} min). How to read it: docs/benchmarks.md.`,
    '',
    '## Summary',
    '',
    '| figure | target | measured | met |',
    '|---|---|---|:---:|',
    ...summary.map((s) => `| ${s.figure} | ${s.target} | ${s.measured} | ${yes(s.met)} |`),
    '',
  ];
  const text = [...head, ...body].join('\n').replace(/\n{3,}/g, '\n\n');
  fs.writeFileSync(path.join(__dirname, 'results.md'), text);
  process.stdout.write(text);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
