/**
 * The request context of the fake host: actions are queued and run in order at sync(); a failing action stops the
 * batch with the earlier ones applied (Office has no rollback); syncs are counted and recorded. No Node and no DOM
 * imports.
 */
import { FakeOfficeError, type FakeRequest, type HostState, type Op } from './host';
import { WorkbookProxy } from './workbook';

export class FakeContext {
  readonly host: HostState;
  private queue: Op[] = [];
  readonly workbook: WorkbookProxy;

  constructor(host: HostState) {
    this.host = host;
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(desc: string, run: () => void): void {
    this.queue.push({ desc, run });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync<T>(passThrough?: T): Promise<T | undefined> {
    const host = this.host;
    host.syncCount++;
    const n = host.syncCount;
    const ops = this.queue;
    this.queue = [];
    const request: FakeRequest = { sync: n, ops: ops.map((o) => o.desc) };
    host.requests.push(request);
    await Promise.resolve();
    host.beforeSync?.(n);
    const failure = host.takeFailure(n);
    const limit = failure ? Math.min(failure.afterOps ?? 0, ops.length) : ops.length;
    for (let i = 0; i < limit; i++) {
      try {
        ops[i].run();
      } catch (e) {
        request.error = e instanceof Error ? e.message : String(e);
        if (e instanceof FakeOfficeError) throw e;
        throw new FakeOfficeError('GeneralException', request.error, ops[i].desc);
      }
    }
    if (failure) {
      const err = new FakeOfficeError(failure.code ?? 'GeneralException', failure.message ?? 'An internal error has occurred.');
      request.error = err.message;
      throw err;
    }
    return passThrough;
  }
}
