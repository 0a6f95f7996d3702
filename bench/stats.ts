/** Small helpers shared by the benchmarks: medians, timing, load average, machine description. */
import { execFileSync } from 'child_process';
import * as os from 'os';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs `fn` `runs` times after `warmup` untimed runs; the median in ms. */
export async function medianMs(fn: () => Promise<unknown> | unknown, runs: number, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    await fn();
    times.push(nowMs() - t0);
  }
  return median(times);
}

/** 1-, 5- and 15-minute load averages, as printed beside each section. */
export function loadAverage(): string {
  return os.loadavg().map((x) => x.toFixed(2)).join(' / ');
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function thousands(n: number): string {
  return n.toLocaleString('en');
}

export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * The code measured: the commit, and the files others had changed but not committed (the benchmark builds and
 * runs the working tree, as `npm run build` would).
 */
export function treeState(repo: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'webpack.config.js', 'package.json', 'tsconfig*.json'], { cwd: repo, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.slice(3).trim())
      .filter(Boolean);
    return changed.length ? `commit ${head} plus uncommitted changes in ${changed.map((f) => `\`${f}\``).join(', ')}` : `commit ${head}, no uncommitted changes to the code measured`;
  } catch {
    return 'unknown (git not available)';
  }
}
