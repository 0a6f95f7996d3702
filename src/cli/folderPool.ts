/**
 * Runs the files of a folder on every core: the main thread scores files itself while worker threads (compiled
 * code, dist-cli/cli/folderWorker.js) score others, each given a file as soon as it is free. Without the compiled
 * worker (tests running the TypeScript sources) or with one job, everything runs on the main thread.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { trackTemp } from './files';
import { runJob, failedRow, type FolderCommon, type FolderJob, type JobResult } from './folderJob';

/** The compiled worker beside this module, when this module is itself compiled. */
export function defaultWorkerScript(): string | null {
  const script = path.join(__dirname, 'folderWorker.js');
  return __filename.endsWith('.js') && fs.existsSync(script) ? script : null;
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/** Worker messages: a row done, or a temporary file created or gone. */
type Message = { type: 'done'; index: number; result: JobResult } | { type: 'temp'; file: string; alive: boolean };

export async function runPool(
  jobs: FolderJob[], common: FolderCommon, parallel: number, script: string | null, onDone: (job: FolderJob, r: JobResult) => void,
): Promise<{ results: JobResult[]; workers: number }> {
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  const take = (): FolderJob | undefined => (next < jobs.length ? jobs[next++] : undefined);
  const finish = (job: FolderJob, r: JobResult) => {
    results[job.index] = r;
    onDone(job, r);
  };
  const workerCount = script ? Math.min(parallel - 1, jobs.length - 1) : 0;
  const workers = Array.from({ length: Math.max(0, workerCount) }, () => runWorker(script!, common, take, finish));
  // The main thread works too: it needs no start-up, so the first files are under way at once.
  for (let job = take(); job; job = take()) finish(job, await runJob(job, common));
  const lost = (await Promise.all(workers)).flat();
  // Files a worker had when it failed (it should not) are scored here rather than lost.
  for (const job of lost) finish(job, results[job.index] ?? (await runJob(job, common)));
  return { results: jobs.map((j) => results[j.index] ?? { row: failedRow(j.rel, '未能评分（处理被中断）。'), output: null }), workers: workers.length };
}

/** One worker: two files in hand at a time (so it never waits on the busy main thread); resolves with any it could not finish. */
function runWorker(script: string, common: FolderCommon, take: () => FolderJob | undefined, finish: (job: FolderJob, r: JobResult) => void): Promise<FolderJob[]> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: common });
    const inHand = new Map<number, FolderJob>();
    const give = () => {
      const job = take();
      if (!job) return false;
      inHand.set(job.index, job);
      worker.postMessage(job);
      return true;
    };
    const done = () => {
      void worker.terminate();
      resolve([...inHand.values()]);
    };
    worker.on('message', (m: Message) => {
      if (m.type === 'temp') return trackTemp(m.file, m.alive);
      const job = inHand.get(m.index);
      inHand.delete(m.index);
      if (job) finish(job, m.result);
      give();
      if (inHand.size === 0) done();
    });
    worker.on('error', done);
    worker.on('exit', () => resolve([...inHand.values()]));
    if (!give()) done();
    else give();
  });
}
