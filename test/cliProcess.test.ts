/** The built command line as a real process (dist-cli), as users and the README run it. */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLE, ROOT, tempDir } from './cliHelpers';

const MAIN = path.join(ROOT, 'dist-cli', 'cli', 'main.js');

function node(args: string[], cwd = ROOT): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SELFEVAL_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('selfeval as a process', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json')], { cwd: ROOT });
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
