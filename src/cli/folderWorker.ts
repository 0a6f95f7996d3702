/**
 * A worker thread of folder mode (run from the compiled dist-cli code): scores the files the main thread sends,
 * one at a time, and reports each row and every temporary file it creates (removed by the main thread on Ctrl-C).
 */
import { parentPort, workerData } from 'worker_threads';
import { onTempFile } from './files';
import { runJob, type FolderCommon, type FolderJob } from './folderJob';

const port = parentPort;
if (port) {
  const common = workerData as FolderCommon;
  onTempFile((file, alive) => port.postMessage({ type: 'temp', file, alive }));
  let chain = Promise.resolve();
  port.on('message', (job: FolderJob) => {
    chain = chain.then(async () => port.postMessage({ type: 'done', index: job.index, result: await runJob(job, common) }));
  });
}
