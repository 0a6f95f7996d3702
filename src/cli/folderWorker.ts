/**
 * A worker thread of folder mode (run from the compiled dist-cli code): takes files from the shared counter and
 * scores them one at a time, reporting each row and every temporary file it creates (the main thread removes
 * those on Ctrl-C), until no file is left.
 */
import { parentPort, workerData } from 'worker_threads';
import { onTempFile } from './files';
import { runJob } from './folderJob';
import { takeIndex, type WorkerInput, type WorkerMessage } from './folderPool';

const port = parentPort;
if (port) {
  const { jobs, next, common } = workerData as WorkerInput;
  const counter = new Int32Array(next);
  const post = (m: WorkerMessage) => port.postMessage(m);
  onTempFile((file, alive) => post({ type: 'temp', file, alive }));
  void (async () => {
    for (let i = takeIndex(counter); i < jobs.length; i = takeIndex(counter)) {
      post({ type: 'started', index: i });
      post({ type: 'done', index: i, result: await runJob(jobs[i], common) });
    }
    post({ type: 'idle' });
  })();
}
