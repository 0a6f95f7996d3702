import * as fs from 'fs';
import * as path from 'path';
import { main } from '../src/cli/main';
import { parseArgs } from '../src/cli/args';
import { captureIo, tempDir } from './cliHelpers';

/** Runs the CLI in-process; returns exit code, stdout and stderr. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function oneLine(err: string): string {
  const lines = err.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(err).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  return lines[0];
}

describe('selfeval arguments', () => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    [['frobnicate'], /未知命令“frobnicate”/],
    [['score'], /请指定要评分的 \.xlsx 文件或文件夹/],
    [['score', 'a.xlsx', 'b.xlsx'], /只能指定一个文件或文件夹/],
    [['score', 'a.xlsx', '--bogus'], /score 命令不支持选项 --bogus/],
    [['score', 'a.xlsx', '-o'], /选项 -o 需要一个值/],
    [['score', 'a.xlsx', '--report', 'r.pdf'], /--report 的文件名应以 \.docx 或 \.txt 结尾/],
    [['score', 'a.xlsx', '-o', 'x.xlsx', '--in-place'], /--in-place 与 -o 不能同时使用/],
    [['score', 'a.xlsx', '--json', '--json'], /选项 --json 重复/],
    [['score', 'a.xlsx', '--accept-computed', 'G14,第三行'], /不是单元格地址/],
    [['template', '--year', '23'], /--year 应为四位年份/],
    [['template', '-o', 'blank.xls'], /应以 \.xlsx 结尾/],
    [['restore'], /请指定一个要恢复的 \.xlsx 文件/],
  ])('%j → exit 2 and one Chinese line on stderr', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(oneLine(r.err)).toMatch(message);
    expect(r.err).toMatch(/^参数错误：/);
  });

  test('files that cannot be scored: exit 2, one line naming the problem, nothing written', async () => {
    const cases: [string, RegExp][] = [
      [path.join(dir, 'missing.xlsx'), /找不到文件/],
      [path.join(dir, 'plain.xlsx'), /不是有效的 \.xlsx 文件/],
      // Issue 12: the reason names both programs that can convert it.
      [path.join(dir, 'old.xls'), /\.xls 格式，.*请用 Excel 或 WPS 另存为 \.xlsx/],
      [path.join(dir, 'notes.txt'), /不是 \.xlsx 文件/],
    ];
    fs.writeFileSync(path.join(dir, 'plain.xlsx'), 'hello');
    fs.writeFileSync(path.join(dir, 'old.xls'), 'x');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
    for (const [file, message] of cases) {
      const r = await run('score', file);
      expect([file, r.code]).toEqual([file, 2]);
      expect(oneLine(r.err)).toMatch(message);
    }
    expect(fs.readdirSync(dir).filter((f) => f.includes('已评分'))).toEqual([]);
  });

  test('-o naming the input itself needs --in-place', async () => {
    const r = await run('score', path.join(dir, 'same.xlsx'), '-o', path.join(dir, '.', 'same.xlsx'));
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/请使用 --in-place/);
  });

  test('an unreadable settings file and invalid settings JSON are clear errors', async () => {
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ budgetRule: ');
    expect(oneLine((await run('score', 'a.xlsx', '--settings', path.join(dir, 'nope.json'))).err)).toMatch(/无法读取设置文件/);
    expect(oneLine((await run('score', 'a.xlsx', '--settings', path.join(dir, 'bad.json'))).err)).toMatch(/不是有效的 JSON/);
  });

  test('a folder without workbooks: exit 2', async () => {
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    const r = await run('score', empty);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/没有可评分的 \.xlsx 文件/);
  });

  test('help prints the usage with the exit codes; no arguments too', async () => {
    for (const argv of [['--help'], [], ['score', '-h']]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/selfeval score 文件\.xlsx/);
      expect(r.out).toMatch(/退出码/);
      expect(r.err).toBe('');
    }
  });

  test('options parse with values inline or separate', () => {
    expect(parseArgs(['score', 'x.xlsx', '--report=r.docx', '-o', 'y.xlsx', '--json', '--accept-computed', 'g14，$G$15'])).toEqual({
      command: 'score',
      input: 'x.xlsx',
      output: 'y.xlsx',
      json: true,
      report: 'r.docx',
      settings: undefined,
      inPlace: false,
      acceptComputed: ['G14', 'G15'],
    });
    expect(parseArgs(['template', '--year', '2024'])).toEqual({ command: 'template', output: undefined, year: 2024 });
  });

  test('template writes a blank table for last year by default and never overwrites a file', async () => {
    const file = path.join(dir, 'blank.xlsx');
    const r = await run('template', '-o', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2023 年度空白自评表/); // the injected clock says 2024
    expect(fs.existsSync(file)).toBe(true);
    const again = await run('template', '-o', file);
    expect(again.code).toBe(2);
    expect(oneLine(again.err)).toMatch(/已存在，未覆盖/);
  });
});
