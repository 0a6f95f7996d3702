/** Engine CPU time for 60 / 100 / 1,000 / 10,000 indicator rows (a benchmark, not a test). */
import { evaluateFound } from '../test/helpers/evaluate';
import { bigSheet } from './tables';

export interface EngineFigure {
  rows: number;
  medianMs: number;
  msPer1000: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function benchEngine(sizes = [100, 1000, 10000]): EngineFigure[] {
  const out: EngineFigure[] = [];
  for (const rows of sizes) {
    const sheet = bigSheet(rows);
    // Warm-up (JIT): more for small tables, whose runs are too short to warm the code up themselves.
    for (let i = 0; i < (rows < 1000 ? 50 : 3); i++) evaluateFound([sheet]);
    const runs = rows >= 10000 ? 7 : 21;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      // CPU time of this process, not wall time: other jobs on a shared 2-core machine do not inflate it.
      const c0 = process.cpuUsage();
      const ev = evaluateFound([sheet]);
      const c1 = process.cpuUsage(c0);
      if (ev.results.indicators.length !== rows) throw new Error('bench sheet misread');
      times.push((c1.user + c1.system) / 1000);
    }
    const m = median(times);
    out.push({ rows, medianMs: m, msPer1000: (m / rows) * 1000 });
  }
  return out;
}
