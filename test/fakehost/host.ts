/**
 * The fake Office.js host's state: the workbook, the sync and run counts, the requests, failures on demand and the
 * requirement sets (ExcelApi, DialogApi, AddinCommands), with the errors Office.js throws. No Node and no DOM imports.
 */
import { FakeCommands } from './commands';
import type { FakeWorkbook } from './model';

export class FakeOfficeError extends Error {
  code: string;
  debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export function notLoaded(prop: string): Error {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export interface FakeHostOptions {
  /**
   * Supported requirement sets: { ExcelApi: '1.13' }. Default ExcelApi 1.17 with DialogApi 1.2 and AddinCommands
   * 1.1 (Microsoft 365); a caller that names the sets names all of them.
   */
  apiSets?: Record<string, string>;
  /**
   * What a *OrNullObject method does when called on a null object: 'propagate' (default) gives another null
   * object; 'fail' makes the sync fail, for testing a caller's fallback.
   */
  nullChaining?: 'propagate' | 'fail';
}

export interface SyncFailure {
  /** Actions that still apply before the failure (default 0: none). */
  afterOps?: number;
  code?: string;
  message?: string;
}

export interface FakeRequest {
  /** 1-based sync number. */
  sync: number;
  ops: string[];
  error?: string;
}

export interface FakeHost {
  workbook: FakeWorkbook;
  readonly syncCount: number;
  readonly runCount: number;
  requests: FakeRequest[];
  /** Makes the n-th sync from now (1 = the next one) fail. */
  failSync(n?: number, failure?: SyncFailure): void;
  /** Called before each sync executes (1-based number): lets a test change the workbook between two syncs. */
  beforeSync: ((sync: number) => void) | null;
  resetCounts(): void;
  isSetSupported(name: string, version?: string): boolean;
  /** Function commands and dialogs (Office.actions, Office.context.ui). */
  commands: FakeCommands;
  uninstall(): void;
}

export interface Op {
  desc: string;
  run: () => void;
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export class HostState implements FakeHost {
  workbook: FakeWorkbook;
  syncCount = 0;
  runCount = 0;
  requests: FakeRequest[] = [];
  beforeSync: ((sync: number) => void) | null = null;
  private failures = new Map<number, SyncFailure>();
  apiSets: Record<string, string>;
  nullChaining: 'propagate' | 'fail';
  uninstall: () => void = () => undefined;
  commands = new FakeCommands((name, version) => this.isSetSupported(name, version));

  constructor(workbook: FakeWorkbook, options: FakeHostOptions) {
    this.workbook = workbook;
    this.apiSets = options.apiSets ?? { ExcelApi: '1.17', DialogApi: '1.2', AddinCommands: '1.1' };
    this.nullChaining = options.nullChaining ?? 'propagate';
  }

  failSync(n = 1, failure: SyncFailure = {}): void {
    this.failures.set(this.syncCount + n, failure);
  }

  takeFailure(sync: number): SyncFailure | undefined {
    const f = this.failures.get(sync);
    this.failures.delete(sync);
    return f;
  }

  resetCounts(): void {
    this.syncCount = 0;
    this.runCount = 0;
    this.requests = [];
    this.failures.clear();
  }

  isSetSupported(name: string, version?: string): boolean {
    const have = this.apiSets[name];
    if (have === undefined) return false;
    return version === undefined || versionAtLeast(have, version);
  }

  require(version: string, what: string): void {
    if (!this.isSetSupported('ExcelApi', version)) {
      throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${what} needs ExcelApi ${version}).`, what);
    }
  }
}
