/** `npm run bench`: measures and writes bench/results.md (machine, date, each figure beside its target). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchEngine } from './engine';

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function main(): void {
  const lines: string[] = [];
  lines.push('# Benchmark results', '', `- Date: ${new Date().toISOString()}`, `- Machine: ${machine()}`, '');
  lines.push('## Engine (evaluateWorkbook: locate, read, score, issues, write plan)', '');
  lines.push('Target: ≤ 5 ms per 1,000 indicator rows, growing linearly.', '');
  lines.push('| indicator rows | median CPU time (ms) | ms per 1,000 rows | target met |', '|---:|---:|---:|:---:|');
  const figures = benchEngine();
  for (const f of figures) {
    lines.push(`| ${f.rows.toLocaleString('en')} | ${f.medianMs.toFixed(2)} | ${f.msPer1000.toFixed(2)} | ${f.msPer1000 <= 5 ? 'yes' : 'no'} |`);
  }
  const first = figures[1], last = figures[figures.length - 1];
  lines.push('', `Growth from 1,000 to 10,000 rows: ×${(last.medianMs / first.medianMs).toFixed(1)} time for ×10 rows (linear is ×10).`, '');
  const out = path.join(__dirname, 'results.md');
  fs.writeFileSync(out, lines.join('\n'));
  process.stdout.write(lines.join('\n') + '\n');
}

main();
