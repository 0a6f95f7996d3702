/**
 * Issue 12: workbooks as openpyxl and LibreOffice write them (test/fixtures/xlsx, made by
 * scripts/make-xlsx-fixtures.py) come out of `score -o`, `score --in-place` and `restore` with nothing lost:
 * every entry of the input is in the output, the entries we do not own are byte-identical (content and raw
 * compressed bytes), and in the 自评表's part only the written cells differ. A protected 自评表 is refused.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../src/cli/main';
import { REPORT_SHEET, STORE_SHEET, decodeStore } from '../src/engine';
import { openXlsx } from '../src/xlsx/readWorkbook';
import { ROOT, SHEET, captureIo, tempDir } from './cliHelpers';
import { entryText, nothingLost, zipEntries } from './xlsxHelpers';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'xlsx');
const OURS = [REPORT_SHEET, STORE_SHEET];

/** Each fixture and what it holds beyond the 自评表 (the part that must survive byte for byte). */
const SCORED: [string, string, string][] = [
  ['openpyxl-rich.xlsx', 'a chart, an image, comments, page setup and manual breaks, fit to page, centred', 'xl/charts/chart1.xml'],
  ['openpyxl-protection.xlsx', 'the workbook structure locked, a legacy sheet password, 1904 dates, a defined name', 'xl/worksheets/sheet2.xml'],
  ['openpyxl-external-link.xlsx', 'an external link, a formula that reads the total we write', 'xl/externalLinks/externalLink1.xml'],
  ['openpyxl-macro.xlsm', 'a macro project (vbaProject.bin)', 'xl/vbaProject.bin'],
  ['libreoffice-rich.xlsx', 'chart, image, comments, page setup and breaks, custom properties (密级=内部), rich text', 'docProps/custom.xml'],
  ['libreoffice-protection.xlsx', 'a legacy sheet password (sheet="true"), 1904 dates, a defined name', 'xl/worksheets/sheet2.xml'],
  ['libreoffice-external-link.xlsx', 'an external link', 'xl/externalLinks/externalLink1.xml'],
];

let dir: string;
beforeAll(() => (dir = tempDir('selfeval-fixtures-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function written(bytes: Buffer): Set<string> {
  const record = decodeStore(openXlsx(bytes).columnA(STORE_SHEET)).record!;
  return new Set(record.cells.map((c) => c.address));
}

describe.each(SCORED)('%s (%s)', (name, _holds, keep) => {
  const input = path.join(FIXTURES, name);
  const ext = path.extname(name);

  test('score -o: nothing lost, the scores written', async () => {
    const out = path.join(dir, `o-${name}`);
    const r = await run('score', input, '-o', out);
    expect([r.code, r.err]).toEqual([0, '']);
    const before = fs.readFileSync(input);
    const after = fs.readFileSync(out);
    expect(zipEntries(after).get(keep)!.data.equals(zipEntries(before).get(keep)!.data)).toBe(true);
    expect(nothingLost(before, after, SHEET, written(after), OURS)).toEqual([]);
    const g = openXlsx(after).grid(SHEET);
    expect([g.values[26][6], g.values[27][3]]).toEqual([98, '优']);
    expect(openXlsx(after).sheets.map((s) => s.name).slice(-2)).toEqual(OURS);
  });

  test('score --in-place: the same, in the only copy', async () => {
    const copy = path.join(dir, `in-place-${name}`);
    fs.copyFileSync(input, copy);
    const r = await run('score', copy, '--in-place');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(nothingLost(fs.readFileSync(input), fs.readFileSync(copy), SHEET, written(fs.readFileSync(copy)), OURS)).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('restore: back to the input, cell for cell, nothing of it lost', async () => {
    const copy = path.join(dir, `restore-${name}`);
    await run('score', input, '-o', copy);
    const cells = written(fs.readFileSync(copy));
    const r = await run('restore', copy);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(new RegExp(`中 ${cells.size} 个单元格恢复为计算前的内容.*已删除计算时生成的工作表“自评报告”`));
    const before = fs.readFileSync(input);
    const after = fs.readFileSync(copy);
    expect(nothingLost(before, after, SHEET, cells, OURS)).toEqual([]);
    const a = openXlsx(before).grid(SHEET);
    const b = openXlsx(after).grid(SHEET);
    expect([b.values, b.numberFormats, b.formulas]).toEqual([a.values, a.numberFormats, a.formulas]);
    expect(openXlsx(after).sheet(REPORT_SHEET)).toBeUndefined();
  });

  if (ext === '.xlsm') {
    test('a macro workbook stays one: <name>.已评分.xlsm by default, its content type kept; -o x.xlsx is refused', async () => {
      const copy = path.join(dir, name);
      fs.copyFileSync(input, copy);
      expect((await run('score', copy)).code).toBe(0);
      const out = copy.replace(/\.xlsm$/, '.已评分.xlsm');
      expect(entryText(fs.readFileSync(out), '[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
      expect(openXlsx(fs.readFileSync(out)).format).toBe('xlsm');
      const r = await run('score', copy, '-o', path.join(dir, 'macro.xlsx'));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/含宏的表格（\.xlsm）只能输出为 \.xlsm/);
      expect(fs.existsSync(path.join(dir, 'macro.xlsx'))).toBe(false);
    });
  }
});

test('the structure lock is kept and said; scoring again (our sheets now there) adds nothing and says nothing', async () => {
  const once = path.join(dir, 'locked-once.xlsx');
  const r = await run('score', path.join(FIXTURES, 'openpyxl-protection.xlsx'), '-o', once);
  expect(r.out).toMatch(/\[提示\] 工作簿结构受保护（“保护工作簿”），已新增工作表“自评报告”、“绩效自评助手数据”，保护设置未改变/);
  expect(entryText(fs.readFileSync(once), 'xl/workbook.xml')).toMatch(/<workbookProtection workbookPassword="DD8D" lockStructure="1"\/>/);
  const twice = path.join(dir, 'locked-twice.xlsx');
  const again = await run('score', once, '-o', twice);
  expect(again.out).not.toMatch(/结构受保护/);
  expect(openXlsx(fs.readFileSync(twice)).sheets.map((s) => s.name)).toEqual(openXlsx(fs.readFileSync(once)).sheets.map((s) => s.name));
});

test('a formula reading a written cell (引用!B2 reads G27): recalculation asked on open, with a 提示', async () => {
  const out = path.join(dir, 'recalc.xlsx');
  const r = await run('score', path.join(FIXTURES, 'libreoffice-external-link.xlsx'), '-o', out, '--json');
  const d = JSON.parse(r.out) as { issues: { kind: string; severity: string; message: string }[] };
  const notes = d.issues.filter((i) => i.kind === 'formulasRecalculate');
  expect(notes).toHaveLength(1);
  expect(notes[0].severity).toBe('提示');
  expect(notes[0].message).toMatch(/^引用!B2 为公式，引用了本次写入的单元格/); // B1 reads another workbook only
  expect(entryText(fs.readFileSync(out), 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
});

test('a 自评表 protected by LibreOffice (sheet="true") is refused like any protected sheet: exit 2, the input unchanged', async () => {
  const copy = path.join(dir, 'protected.xlsx');
  fs.copyFileSync(path.join(FIXTURES, 'libreoffice-protected-table.xlsx'), copy);
  expect(entryText(fs.readFileSync(copy), 'xl/worksheets/sheet1.xml')).toContain('<sheetProtection sheet="true"/>');
  const before = fs.readFileSync(copy);
  for (const args of [['score', copy], ['score', copy, '--in-place']]) {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/工作表“部门整体支出绩效自评表”受保护，无法写入计算结果.*本次未对工作簿做任何修改/);
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
  }
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('protected'))).toEqual(['protected.xlsx']);
});

test('the check itself notices a lost entry, an entry re-compressed, a change outside the written cells, a renumbered style', async () => {
  const input = fs.readFileSync(path.join(FIXTURES, 'openpyxl-rich.xlsx'));
  const out = path.join(dir, 'tampered.xlsx');
  await run('score', path.join(FIXTURES, 'openpyxl-rich.xlsx'), '-o', out);
  const JSZip = (await import('jszip')).default;
  const z = await JSZip.loadAsync(fs.readFileSync(out));
  z.remove('xl/media/image1.png');
  const sheet = await z.file('xl/worksheets/sheet1.xml')!.async('string');
  z.file('xl/worksheets/sheet1.xml', sheet.replace('orientation="landscape"', 'orientation="portrait"'));
  const styles = await z.file('xl/styles.xml')!.async('string');
  z.file('xl/styles.xml', styles.replace(/<cellXfs count="(\d+)">(<xf [^>]*\/>)/, '<cellXfs count="$1">'));
  // Written again by JSZip (its own deflate, level 1): the same content, other compressed bytes.
  z.file('xl/charts/chart1.xml', await z.file('xl/charts/chart1.xml')!.async('nodebuffer'));
  const tampered = await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
  const problems = nothingLost(input, tampered, SHEET, written(fs.readFileSync(out)), OURS);
  expect(problems).toEqual(expect.arrayContaining([
    'xl/media/image1.png: missing',
    'xl/charts/chart1.xml: not copied raw',
    'xl/worksheets/sheet1.xml: differs outside the written cells',
    'xl/styles.xml: cellXfs renumbered or changed',
  ]));
});
