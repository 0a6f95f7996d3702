/**
 * Issue 12 §4: paths. The same-file check by device and inode (symbolic links, hard links), Chinese messages for
 * what the file system refuses, no temporary file left behind; folder mode never replaces a 汇总.xlsx it did not
 * write, lists what it skipped and why, takes .xlsm and linked files, and skips a sheet over the cell limit.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { noteTempDir, removeTempFilesSync, trackTemp } from '../src/cli/files';
import { EXAMPLE, captureIo, tempDir } from './cliHelpers';

let dir: string;
beforeAll(() => (dir = tempDir('selfeval-paths-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function folder(name: string): string {
  const d = path.join(dir, name);
  fs.mkdirSync(d, { recursive: true });
  return d;
}

describe('one file', () => {
  test('-o alias/in.xlsx, alias a link to the input\'s folder: refused, the input untouched (not even its time)', async () => {
    const d = folder('alias');
    const input = path.join(d, '表.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    fs.symlinkSync(d, path.join(dir, 'alias-link'));
    const before = fs.statSync(input);
    const r = await run('score', input, '-o', path.join(dir, 'alias-link', '表.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/输出文件与输入文件相同.*--in-place/);
    expect(fs.readFileSync(input).equals(fs.readFileSync(EXAMPLE))).toBe(true);
    expect(fs.statSync(input).mtimeMs).toBe(before.mtimeMs);
    expect(fs.readdirSync(d)).toEqual(['表.xlsx']);
  });

  test('a hard link to the input as -o, and --report naming the input: refused', async () => {
    const d = folder('hard');
    const input = path.join(d, '表.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    fs.linkSync(input, path.join(d, '别名.xlsx'));
    expect((await run('score', input, '-o', path.join(d, '别名.xlsx'))).err).toMatch(/输出文件与输入文件相同/);
    fs.symlinkSync(input, path.join(d, '报告.txt'));
    expect((await run('score', input, '-o', path.join(d, '出.xlsx'), '--report', path.join(d, '报告.txt'))).err).toMatch(/--report 不能是输入的表格文件/);
    expect(fs.readFileSync(input).equals(fs.readFileSync(EXAMPLE))).toBe(true);
    expect(fs.existsSync(path.join(d, '出.xlsx'))).toBe(false);
  });

  test('--in-place through a symbolic link writes the file it points to; the link stays a link', async () => {
    const d = folder('inplace-link');
    const real = path.join(d, '真.xlsx');
    fs.copyFileSync(EXAMPLE, real);
    fs.symlinkSync(real, path.join(d, '链.xlsx'));
    expect((await run('score', path.join(d, '链.xlsx'), '--in-place')).code).toBe(0);
    expect(fs.lstatSync(path.join(d, '链.xlsx')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real).equals(fs.readFileSync(EXAMPLE))).toBe(false);
    expect(fs.readdirSync(d).sort()).toEqual(['真.xlsx', '链.xlsx']);
  });

  test('a file name too long for the file system (ENAMETOOLONG): a Chinese line, nothing left behind', async () => {
    const d = folder('long');
    const r = await run('score', EXAMPLE, '-o', path.join(d, '很'.repeat(120) + '.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^文件名或路径太长/);
    expect(r.err).not.toMatch(/内部错误|ENAMETOOLONG/);
    expect(fs.readdirSync(d)).toEqual([]);
  });

  test('a read-only file system (EROFS): a Chinese line, no temporary file left', async () => {
    const d = folder('readonly');
    const spy = jest.spyOn(fs.promises, 'rename').mockImplementation(async (_from, to) => {
      throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS', path: String(to) });
    });
    try {
      const r = await run('score', EXAMPLE, '-o', path.join(d, '出.xlsx'));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/该位置是只读的/);
      expect(r.err).not.toMatch(/内部错误|EROFS/);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(d)).toEqual([]);
  });

  test('on a signal: temporary files still open are removed, and a worker\'s not yet reported is found by its name', () => {
    const d = folder('signal');
    const tracked = path.join(d, '.出.xlsx.1-1.tmp');
    fs.writeFileSync(tracked, 'half');
    trackTemp(tracked, true);
    noteTempDir(d);
    fs.writeFileSync(path.join(d, `.乙.已评分.xlsx.${process.pid}-7.tmp`), 'half'); // a worker's, unreported
    fs.writeFileSync(path.join(d, '.甲.已评分.xlsx.99999999-7.tmp'), 'another run'); // another process's: not ours
    fs.writeFileSync(path.join(d, '甲.xlsx'), 'input');
    removeTempFilesSync();
    expect(fs.readdirSync(d).sort()).toEqual(['.甲.已评分.xlsx.99999999-7.tmp', '甲.xlsx']);
  });
});

describe('a folder', () => {
  test('a 汇总.xlsx the user made is kept (汇总 (2).xlsx instead); ours is replaced on the next run', async () => {
    const d = folder('summary');
    fs.copyFileSync(EXAMPLE, path.join(d, '甲.xlsx'));
    const mine = new ExcelJS.Workbook();
    mine.addWorksheet('我的').getCell('A1').value = '我自己的汇总';
    await mine.xlsx.writeFile(path.join(d, '汇总.xlsx'));
    const own = fs.readFileSync(path.join(d, '汇总.xlsx'));
    const r = await run('score', d);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已有不是本工具生成的“汇总\.xlsx”，未覆盖；汇总表另存为“汇总 \(2\)\.xlsx”/);
    expect(fs.readFileSync(path.join(d, '汇总.xlsx')).equals(own)).toBe(true);
    const again = await run('score', d, '--json');
    expect(JSON.parse(again.out).summary).toBe(path.join(d, '汇总 (2).xlsx'));
    expect(fs.readdirSync(d).filter((f) => f.startsWith('汇总')).sort()).toEqual(['汇总 (2).xlsx', '汇总.xlsx']);
  });

  test('.xls, .et and .csv are listed as skipped with what to do (stderr, --json, 汇总.xlsx); .xlsm and linked files are scored', async () => {
    const d = folder('mixed');
    fs.copyFileSync(EXAMPLE, path.join(d, '甲.xlsx'));
    fs.copyFileSync(path.join(path.dirname(EXAMPLE), '..', 'test', 'fixtures', 'xlsx', 'openpyxl-macro.xlsm'), path.join(d, '乙.xlsm'));
    const elsewhere = folder('elsewhere');
    fs.copyFileSync(EXAMPLE, path.join(elsewhere, '丙.xlsx'));
    fs.symlinkSync(path.join(elsewhere, '丙.xlsx'), path.join(d, '丙.xlsx'));
    for (const f of ['丁.xls', '戊.et', '名单.csv']) fs.writeFileSync(path.join(d, f), 'x');
    const out = path.join(dir, 'mixed-out');
    const r = await run('score', d, '-o', out, '--json');
    expect(r.code).toBe(3);
    for (const f of ['丁.xls', '戊.et', '名单.csv']) expect(r.err).toMatch(new RegExp(`已跳过：${f.replace('.', '\\.')}：.*请用 Excel 或 WPS 另存为 \\.xlsx`));
    const doc = JSON.parse(r.out) as { files: { file: string; scored: boolean; note: string; output: string | null }[] };
    const byName = Object.fromEntries(doc.files.map((f) => [f.file, f.scored]));
    expect(byName).toEqual({ '甲.xlsx': true, '乙.xlsm': true, '丙.xlsx': true, '丁.xls': false, '戊.et': false, '名单.csv': false });
    // The scored ones first (by total), then the ones that could not be scored.
    expect(doc.files.map((f) => f.scored)).toEqual([true, true, true, false, false, false]);
    expect(doc.files.find((f) => f.file === '乙.xlsm')!.output).toBe(path.join(out, '乙.已评分.xlsm'));
    const ws = new ExcelJS.Workbook();
    await ws.xlsx.readFile(path.join(out, '汇总.xlsx'));
    const files = (ws.worksheets[0].getColumn(10).values as unknown[]).slice(2);
    expect(files).toEqual(expect.arrayContaining(['丁.xls', '戊.et', '名单.csv', '乙.xlsm', '丙.xlsx']));
    expect(fs.readFileSync(path.join(elsewhere, '丙.xlsx')).equals(fs.readFileSync(EXAMPLE))).toBe(true);
  });

  test('a sheet over the cell limit is skipped with the reason, the others scored; the limit comes from --max-cells or the settings file', async () => {
    const d = folder('limit');
    fs.copyFileSync(EXAMPLE, path.join(d, '甲.xlsx'));
    const r = await run('score', d, '--max-cells', '100', '--json');
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { files: { file: string; scored: boolean; note: string }[] };
    expect(doc.files[0].note).toMatch(/^“甲\.xlsx”的工作表“部门整体支出绩效自评表”过大（约 270 个单元格，上限为 100 个单元格），已跳过。/);
    const settings = path.join(dir, 'limit.json');
    fs.writeFileSync(settings, JSON.stringify({ maxCells: 100 }));
    expect(JSON.parse((await run('score', d, '--settings', settings, '--json')).out).files[0].note).toMatch(/过大/);
    fs.writeFileSync(settings, JSON.stringify({ maxCells: 'many' }));
    const bad = await run('score', d, '--settings', settings, '--json');
    expect(bad.code).toBe(0);
    expect(bad.err).toMatch(/单元格上限（maxCells）应为正整数/);
  });
});
