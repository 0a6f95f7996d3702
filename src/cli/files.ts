/**
 * Files the command line writes: through a temporary file in the target's own folder, renamed over the target,
 * so that a failure never leaves a half-written workbook; every temporary file is removed on failure, and on
 * Ctrl-C or a kill (SIGINT, SIGTERM). The same-file check compares device and inode, never path strings.
 */
import { promises as fs } from 'fs';
import * as fsSync from 'fs';
import * as path from 'path';
import { CliError } from './io';

const live = new Set<string>();
/** Folders temporary files are written to (by this thread, or by workers for files the main thread gave them). */
const tempDirs = new Set<string>();
let listener: ((file: string, alive: boolean) => void) | null = null;
let stopping = false;
let inFlight = 0;
const stoppers = new Set<() => Promise<unknown>>();

/** In a worker thread, temporary files are reported to the main thread. */
export function onTempFile(fn: (file: string, alive: boolean) => void): void {
  listener = fn;
}

export function trackTemp(file: string, alive: boolean): void {
  if (alive) live.add(file);
  else live.delete(file);
  listener?.(file, alive);
}

/** A folder where temporary files of this process may appear (swept on a signal). */
export function noteTempDir(dir: string): void {
  tempDirs.add(path.resolve(dir));
}

/** Something to stop before temporary files are removed on a signal (a worker thread); returns its removal. */
export function onStop(stop: () => Promise<unknown>): () => void {
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

/** Our temporary files: `.<name>.<pid>-<n>.tmp`, the pid shared by every thread of the process. */
function isOurTemp(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp') && name.includes(`.${process.pid}-`);
}

export function removeTempFilesSync(): void {
  for (const f of live) fsSync.rmSync(f, { force: true });
  live.clear();
  // A worker's file whose report had not arrived yet, or was lost with the worker: found by its name.
  for (const dir of tempDirs) {
    let names: string[] = [];
    try {
      names = fsSync.readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) if (isOurTemp(n)) fsSync.rmSync(path.join(dir, n), { force: true });
  }
}

let installed = false;

/**
 * On Ctrl-C or a kill (SIGINT, SIGTERM): stop the worker threads, let writes under way finish or fail (they see
 * the stop and remove their own file), remove every temporary file, and exit. Outputs already renamed stay.
 */
export function installSignalCleanup(write: (text: string) => void): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void (async () => {
        await Promise.allSettled([...stoppers].map((stop) => stop()));
        for (let waited = 0; inFlight > 0 && waited < 2000; waited += 10) await new Promise((r) => setTimeout(r, 10));
        try {
          removeTempFilesSync();
        } catch {
          // Nothing more can be done on the way out.
        }
        write('已中断：未完成的输出已删除，已写完的文件保留。\n');
        process.exit(code);
      })();
    });
  }
}

let counter = 0;

/** Writes `data` to `file` atomically (temporary file beside it, then rename). */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}-${++counter}.tmp`);
  if (stopping) throw new CliError('已中断。');
  noteTempDir(dir);
  trackTemp(tmp, true);
  inFlight++;
  try {
    try {
      await fs.writeFile(tmp, data);
    } catch (e) {
      // The folder is made only when it is missing (one system call less on every file of a folder).
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(tmp, data);
    }
    if (stopping) throw new CliError('已中断。');
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    inFlight--;
    trackTemp(tmp, false);
  }
}

/** True when both paths name the same existing file (symbolic links and aliases followed). */
export function sameFile(a: string, b: string): boolean {
  // Synchronous: a few microseconds in the kernel, where each asynchronous call waits its turn on the event loop.
  const x = fsSync.statSync(a, { bigint: true, throwIfNoEntry: false });
  const y = x && fsSync.statSync(b, { bigint: true, throwIfNoEntry: false });
  return !!x && !!y && x.dev === y.dev && x.ino === y.ino;
}

/** One Chinese line for a file-system failure (writing unless `reading`), or null when it is not one. */
export function fileErrorMessage(e: unknown, reading = false): string | null {
  const err = e as NodeJS.ErrnoException;
  if (!err || typeof err.code !== 'string') return null;
  const where = err.path ? `“${err.path}”` : '';
  switch (err.code) {
    case 'ENOENT':
      return reading ? `找不到文件${where}，请检查路径。` : `无法写入${where}：所在文件夹不存在或已被移走。`;
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return reading
        ? `没有权限读取文件${where}。`
        : `无法写入文件${where}：文件可能正在 Excel 中打开或没有写入权限，请关闭后重试。`;
    case 'EROFS':
      return `无法写入${where}：该位置是只读的（只读文件系统或光盘、只读共享），请用 -o 指定可写的位置。`;
    case 'ENAMETOOLONG':
      return `文件名或路径太长${where ? `（${where}）` : ''}，请缩短文件名或换一个较短的文件夹。`;
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足，无法写入输出文件。';
    case 'EEXIST':
    case 'ENOTDIR':
    case 'EISDIR':
      return `无法写入输出位置${where}：该路径中有同名的文件或文件夹，请换一个输出路径。`;
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件过多，请稍后重试。';
    case 'EIO':
      return `读写${where}时发生磁盘错误，请检查磁盘或网络共享后重试。`;
  }
  return null;
}

/** Runs a file-system step, turning its failure into a CliError with the Chinese reason. */
export async function fileStep<T>(step: () => Promise<T>, reading = false): Promise<T> {
  try {
    return await step();
  } catch (e) {
    const m = fileErrorMessage(e, reading);
    if (m) throw new CliError(m);
    throw e;
  }
}
