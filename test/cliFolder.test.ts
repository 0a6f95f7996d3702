import * as fs from 'fs';
import * as path from 'path';
import { main } from '../src/cli/main';
import { isInputWorkbook } from '../src/cli/scoreFolder';
import { SUMMARY_COLUMNS } from '../src/xlsx/summaryWorkbook';
import { buildTemplate } from '../src/xlsx/template';
import { EXAMPLE, SHEET, captureIo, readBook, tempDir } from './cliHelpers';

describe('selfeval score FOLDER', () => {
  let dir: string;
  let folder: string;
  beforeAll(async () => {
    dir = tempDir();
    folder = path.join(dir, '各单位');
    fs.mkdirSync(path.join(folder, '二分局'), { recursive: true });
    fs.copyFileSync(EXAMPLE, path.join(folder, '甲单位.xlsx'));
    // A second department that lost more points: 支出进度率 27% of ≥90% → 1.50 of 5.
    const wb = await readBook(EXAMPLE);
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell('C3').value = '乙单位';
    ws.getCell('F19').value = '27%';
    await wb.xlsx.writeFile(path.join(folder, '二分局', '乙单位.xlsx'));
    fs.writeFileSync(path.join(folder, '坏文件.xlsx'), 'this is not a workbook');
    // A blank table: scored with errors, no total.
    await buildTemplate(2023).xlsx.writeFile(path.join(folder, '空白.xlsx'));
    // Our own outputs and Excel's lock files are not inputs.
    fs.copyFileSync(EXAMPLE, path.join(folder, '旧结果.已评分.xlsx'));
    fs.writeFileSync(path.join(folder, '汇总.xlsx'), 'old summary');
    fs.writeFileSync(path.join(folder, '~$甲单位.xlsx'), 'lock');
    fs.writeFileSync(path.join(folder, '说明.docx'), 'not a table');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('which files are inputs', () => {
    expect(isInputWorkbook('a.xlsx')).toBe(true);
    expect(isInputWorkbook('a.已评分.xlsx')).toBe(false);
    expect(isInputWorkbook('汇总.xlsx')).toBe(false);
    expect(isInputWorkbook('~$a.xlsx')).toBe(false);
    expect(isInputWorkbook('a.xls')).toBe(false);
  });

  test('scores every table, lists the failure with its reason, ranks 汇总.xlsx by 总分; plain lines when not a terminal', async () => {
    const out = path.join(dir, '结果');
    const io = captureIo(false);
    const code = await main(['score', folder, '-o', out], io);
    expect(code).toBe(3); // one file failed, one has errors
    const progress = io.err().trim().split('\n');
    expect(progress).toHaveLength(4);
    expect(progress.every((l) => /^\[\d\/4\] /.test(l))).toBe(true);
    expect(io.err()).toMatch(/坏文件\.xlsx：未能评分：.*不是有效的 \.xlsx 文件/);
    expect(io.out()).toMatch(/共 4 个文件：已评分 3 个，未能评分 1 个。/);

    expect(fs.existsSync(path.join(out, '甲单位.已评分.xlsx'))).toBe(true);
    expect(fs.existsSync(path.join(out, '二分局', '乙单位.已评分.xlsx'))).toBe(true);
    // The inputs are untouched.
    expect(fs.readFileSync(path.join(folder, '甲单位.xlsx'))).toEqual(fs.readFileSync(EXAMPLE));

    const ws = (await readBook(path.join(out, '汇总.xlsx'))).worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(SUMMARY_COLUMNS);
    const row = (r: number): unknown[] => (ws.getRow(r).values as unknown[]).slice(1);
    expect(row(2).slice(0, 10)).toEqual(['广州市海珠区人民代表大会常务委员会办公室', 2023, 3410.44, 3410.44, 1, 98, '优', 0, 0, '甲单位.xlsx']);
    expect(row(3).slice(0, 10)).toEqual(['乙单位', 2023, 3410.44, 3410.44, 1, 96.5, '优', 0, 0, path.join('二分局', '乙单位.xlsx')]);
    // The blank table: scored, with its errors counted, no total, and why.
    expect(row(4)[9]).toBe('空白.xlsx');
    expect([row(4)[5], row(4)[6]]).toEqual([undefined, undefined]);
    expect(row(4)[7]).toBeGreaterThan(0);
    expect(String(row(4)[10])).toMatch(/总分不完整/);
    expect(row(5)[9]).toBe('坏文件.xlsx');
    expect(String(row(5)[10])).toMatch(/不是有效的 \.xlsx 文件/);
    expect(ws.rowCount).toBe(5);
  });

  test('on a terminal the progress is one bar redrawn in place; --json gives one document for the folder', async () => {
    const out = path.join(dir, '结果2');
    const io = captureIo(true);
    const code = await main(['score', folder, '-o', out, '--json'], io);
    expect(code).toBe(3);
    expect(io.err()).toMatch(/\r/);
    expect(io.err()).toMatch(/█/);
    expect(io.err()).not.toMatch(/\n/);
    const d = JSON.parse(io.out()) as { summary: string; files: { file: string; scored: boolean; total: number | null; output: string | null }[] };
    expect(d.summary).toBe(path.join(out, '汇总.xlsx'));
    expect(d.files.map((f) => [f.file, f.scored, f.total])).toEqual([
      ['甲单位.xlsx', true, 98],
      [path.join('二分局', '乙单位.xlsx'), true, 96.5],
      ['空白.xlsx', true, null],
      ['坏文件.xlsx', false, null],
    ]);
  });

  test('without -o the outputs go beside each input and are skipped next time; nothing scorable → exit 2', async () => {
    const only = path.join(dir, 'only');
    fs.mkdirSync(only);
    fs.copyFileSync(EXAMPLE, path.join(only, '丙.xlsx'));
    const first = captureIo();
    expect(await main(['score', only], first)).toBe(0);
    expect(fs.readdirSync(only).sort()).toEqual(['丙.xlsx', '丙.已评分.xlsx', '汇总.xlsx']);
    const second = captureIo();
    expect(await main(['score', only], second)).toBe(0);
    expect(second.out()).toMatch(/共 1 个文件/);

    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'x.xlsx'), 'nope');
    const io = captureIo();
    expect(await main(['score', bad], io)).toBe(2);
  });
  test('amounts in 元 are shown in 万元 in 汇总.xlsx', async () => {
    const yuan = path.join(dir, 'yuan');
    fs.mkdirSync(yuan);
    const wb = await readBook(EXAMPLE);
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell('A7').value = '年度部门整体支出规模（元）';
    for (const col of ['C', 'D', 'E']) {
      for (const r of [9, 10, 11]) ws.getCell(`${col}${r}`).value = Math.round(Number(ws.getCell(`${col}${r}`).value) * 10000);
      ws.getCell(`${col}8`).value = Math.round(Number((ws.getCell(`${col}8`).value as { result: number }).result) * 10000);
    }
    await wb.xlsx.writeFile(path.join(yuan, '元.xlsx'));
    const io = captureIo();
    expect(await main(['score', yuan], io)).toBe(0);
    const sum = (await readBook(path.join(yuan, '汇总.xlsx'))).worksheets[0];
    expect([sum.getCell('C2').value, sum.getCell('D2').value, sum.getCell('E2').value, sum.getCell('F2').value]).toEqual([3410.44, 3410.44, 1, 98]);
  });
});
