/**
 * Runs the files of a folder on every core: the main thread scores files itself while worker threads (compiled
 * code, dist-cli/cli/folderWorker.js) score others. All of them take the next file from one shared counter
 * (Atomics on a SharedArrayBuffer), so a thread never waits for a message to get work and none holds files
 * another could be scoring. Without the compiled worker (tests running the TypeScript sources) or with one job,
 * everything runs on the main thread.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { onStop, trackTemp } from './files';
import { runJob, failedRow, type FolderCommon, type FolderJob, type JobResult } from './folderJob';

/** The compiled worker beside this module, when this module is itself compiled. */
export function defaultWorkerScript(): string | null {
  const script = path.join(__dirname, 'folderWorker.js');
  return __filename.endsWith('.js') && fs.existsSync(script) ? script : null;
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/** What a worker is given: the files, the shared counter, the options. */
export interface WorkerInput {
  jobs: FolderJob[];
  next: SharedArrayBuffer;
  common: FolderCommon;
}

/** Worker messages: a file started or done, a temporary file created or gone, or no files left. */
export type WorkerMessage =
  | { type: 'started'; index: number }
  | { type: 'done'; index: number; result: JobResult }
  | { type: 'temp'; file: string; alive: boolean }
  | { type: 'idle' };

/** Takes the next file's index from the shared counter (each index is handed out once). */
export function takeIndex(counter: Int32Array): number {
  return Atomics.add(counter, 0, 1);
}

/**
 * Scores `jobs` with `parallel` threads: the main thread and parallel − 1 workers; or, with `workersOnly` (for
 * measuring one worker against several), `parallel` workers while the main thread only collects the results.
 */
export async function runPool(
  jobs: FolderJob[], common: FolderCommon, parallel: number, script: string | null, onDone: (job: FolderJob, r: JobResult) => void, workersOnly = false,
): Promise<{ results: JobResult[]; workers: number }> {
  const results: (JobResult | undefined)[] = new Array(jobs.length);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const finish = (index: number, r: JobResult) => {
    if (results[index]) return;
    results[index] = r;
    onDone(jobs[index], r);
  };
  const only = workersOnly && !!script;
  const workerCount = script ? Math.max(0, Math.min(only ? parallel : parallel - 1, only ? jobs.length : jobs.length - 1)) : 0;
  const workers = Array.from({ length: workerCount }, () => runWorker(script!, { jobs, next: counter.buffer as SharedArrayBuffer, common }, finish));
  // The main thread works too: it needs no start-up, so the first files are under way at once.
  if (!only) for (let i = takeIndex(counter); i < jobs.length; i = takeIndex(counter)) finish(i, await runJob(jobs[i], common));
  // A file a worker had started when it failed (it should not) is scored here rather than lost.
  for (const i of (await Promise.all(workers)).flat()) if (!results[i]) finish(i, await runJob(jobs[i], common));
  return {
    results: jobs.map((j, i) => results[i] ?? { row: failedRow(j.rel, '未能评分（处理被中断）。'), output: null }),
    workers: workers.length,
  };
}

/** One worker thread, until it has no files left; resolves with the index of a file it started but did not finish. */
function runWorker(script: string, input: WorkerInput, finish: (index: number, r: JobResult) => void): Promise<number[]> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: input });
    // On Ctrl-C the worker is stopped before temporary files are removed, so that it cannot make another.
    const forget = onStop(() => worker.terminate());
    let current: number | null = null;
    const end = () => {
      forget();
      resolve(current === null ? [] : [current]);
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'temp') trackTemp(m.file, m.alive);
      else if (m.type === 'started') current = m.index;
      else if (m.type === 'done') {
        finish(m.index, m.result);
        current = null;
      } else {
        void worker.terminate();
        end();
      }
    });
    worker.on('error', end);
    worker.on('exit', end);
  });
}
