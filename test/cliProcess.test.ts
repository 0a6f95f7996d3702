/** The built command line as a real process (dist-cli), as users and the README run it. */
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { openXlsx } from '../src/xlsx/readWorkbook';
import { EXAMPLE, ROOT, tempDir } from './cliHelpers';

const MAIN = path.join(ROOT, 'dist-cli', 'cli', 'main.js');

function node(args: string[], cwd = ROOT): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SELFEVAL_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** As `npm run build:cli` does: from a clean folder, so that no file of an older build is left to be loaded. */
function buildCli(): void {
  fs.rmSync(path.join(ROOT, 'dist-cli'), { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json')], { cwd: ROOT });
}

describe('selfeval as a process', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    buildCli();
  }, 120000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('score --json: exit 0, stdout is one JSON document, stderr empty; --report writes a .docx', () => {
    const docx = path.join(dir, 'r.docx');
    const r = node(['score', EXAMPLE, '-o', path.join(dir, 'a.xlsx'), '--json', '--report', docx]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect([d.total, d.grade, d.budget.total.rate]).toEqual([98, '优', 1]);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  test('bad input: exit 2, one line on stderr, no stack trace', () => {
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, 'nope');
    for (const args of [['score', bad], ['score'], ['score', path.join(dir, 'missing.xlsx')], ['nonsense']]) {
      const r = node(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  test('the bin file starts with a node shebang', () => {
    expect(fs.readFileSync(MAIN, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(path.resolve(ROOT, pkg.bin.selfeval)).toBe(MAIN);
  });

  test('demo scores the bundled example and prints the summary and where the outputs went', () => {
    const out = path.join(dir, 'demo');
    const r = node(['demo', '-o', out], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('总分 98.00、等级 优、预算完成率 100.00%');
    expect(r.out).toContain(out);
    expect(fs.readdirSync(out).sort()).toEqual([
      '2023-海珠区人大常委会办公室-部门整体支出绩效自评报告.docx',
      '2023-海珠区人大常委会办公室-部门整体支出绩效自评表.已评分.xlsx',
    ]);
  });

  test('npm run --silent selfeval -- score … prints only the command output', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['run', '--silent', 'selfeval', '--', 'score', EXAMPLE, '-o', path.join(dir, 'npm.xlsx'), '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).total).toBe(98);
  }, 60000);
});

describe('folder mode on every core (worker threads run the compiled dist-cli code)', () => {
  let dir: string;
  let folder: string;
  beforeAll(() => {
    dir = tempDir();
    folder = path.join(dir, '各单位');
    fs.mkdirSync(folder);
    for (let i = 1; i <= 12; i++) fs.copyFileSync(EXAMPLE, path.join(folder, `单位${String(i).padStart(2, '0')}.xlsx`));
    fs.writeFileSync(path.join(folder, '坏.xlsx'), 'not a workbook');
    buildCli();
  }, 120000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--jobs 2 scores with a worker beside the main thread (or two workers, for measuring) and gives exactly what --jobs 1 gives', async () => {
    const { scoreFolder } = await import('../src/cli/scoreFolder');
    const io = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false };
    const now = new Date('2024-03-01T08:00:00Z');
    const script = path.join(ROOT, 'dist-cli', 'cli', 'folderWorker.js');
    const one = await scoreFolder(folder, { outDir: path.join(dir, 'one'), jobs: 1, json: true, now, workerScript: script }, io);
    const two = await scoreFolder(folder, { outDir: path.join(dir, 'two'), jobs: 2, json: true, now, workerScript: script }, io);
    const only = await scoreFolder(folder, { outDir: path.join(dir, 'only'), jobs: 2, json: true, now, workerScript: script, workersOnly: true }, io);
    expect([one.workers, two.workers, only.workers]).toEqual([0, 1, 2]);
    expect(two.rows).toEqual(one.rows);
    expect(only.rows).toEqual(one.rows);
    expect(two.rows.filter((r) => r.scored)).toHaveLength(12);
    expect(two.rows.find((r) => !r.scored)!.note).toMatch(/不是有效的 \.xlsx 文件/);
    for (const f of fs.readdirSync(path.join(dir, 'one'))) {
      if (f === '汇总.xlsx') continue;
      const a = openXlsx(fs.readFileSync(path.join(dir, 'one', f))).grid('部门整体支出绩效自评表');
      const b = openXlsx(fs.readFileSync(path.join(dir, 'two', f))).grid('部门整体支出绩效自评表');
      expect([f, b.values]).toEqual([f, a.values]);
    }
  }, 60000);

  test('the built CLI on a folder, then stopped (SIGTERM): exit 143, said in Chinese, no temporary file left', async () => {
    // Enough files that the run is still going when the signal comes.
    const many = path.join(dir, 'many');
    fs.mkdirSync(many);
    for (let i = 1; i <= 80; i++) fs.copyFileSync(EXAMPLE, path.join(many, `单位${String(i).padStart(2, '0')}.xlsx`));
    const out = path.join(dir, 'stopped');
    const child = spawn(process.execPath, [MAIN, 'score', many, '-o', out, '--jobs', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (/\[1\/80\]/.test(err)) resolve();
    }));
    child.kill('SIGTERM');
    const code = await exited;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    expect(code).toBe(143);
    expect(err).toMatch(/已中断：未完成的输出已删除/);
    const left = fs.existsSync(out) ? fs.readdirSync(out) : [];
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(left.length).toBeLessThan(80); // stopped part-way: not every output was written
  }, 60000);
});
