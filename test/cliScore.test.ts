import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip'; // exceljs's own zip library
import { main } from '../src/cli/main';
import type { JsonDocument } from '../src/cli/jsonDocument';
import { REPORT_SHEET } from '../src/engine/reportSheet';
import { STORE_SHEET } from '../src/engine/store';
import { EXAMPLE, SHEET, captureIo, differences, readBook, readStore, snapshot, tempDir } from './cliHelpers';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** A copy of the example with some cells changed. */
async function variant(file: string, edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = await readBook(EXAMPLE);
  edit(wb.getWorksheet(SHEET)!, wb);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('selfeval score', () => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--json prints exactly one JSON document with the documented fields (the example: 98.00, 优, 100%)', async () => {
    const out = path.join(dir, 'json.xlsx');
    const r = await run('score', EXAMPLE, '-o', out, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const d = JSON.parse(r.out) as JsonDocument;
    for (const k of ['sheet', 'unit', 'year', 'budget', 'indicators', 'groups', 'total', 'grade', 'settings', 'issues', 'report']) expect(d).toHaveProperty(k);
    expect(d.sheet).toBe(SHEET);
    expect(d.unit).toBe('广州市海珠区人民代表大会常务委员会办公室');
    expect(d.year).toBe(2023);
    expect(d.budget.total).toEqual({
      name: '合计', initial: 3280, annual: 3410.44, executed: 3410.44, rate: 1, cell: `${SHEET}!C8`, rateCell: `${SHEET}!F8`,
    });
    expect(d.budget.rows.map((x) => x.name)).toEqual(['财政拨款（一般公共预算）', '政府性基金预算', '其他资金']);
    expect(d.budget.rows[1].rate).toBeNull();
    expect(d.budget.weight).toBe(10);
    expect(d.budget.score).toBe(10);
    expect(d.indicators).toHaveLength(14);
    for (const i of d.indicators) {
      expect(Object.keys(i)).toEqual(expect.arrayContaining(['level1', 'level2', 'name', 'weight', 'target', 'actual', 'method', 'score', 'manual', 'cell']));
    }
    const progress = d.indicators.find((i) => i.name === '支出进度率')!;
    expect(progress).toMatchObject({ level1: '管理效率', level2: '预算执行', weight: 5, target: '≥90%', actual: '54%', method: '正向', score: 3, manual: false, cell: `${SHEET}!G19` });
    expect(d.groups).toEqual([
      { level1: '履职效能', weight: 50, score: 50 },
      { level1: '管理效率', weight: 50, score: 48 },
    ]);
    expect(d.total).toBe(98);
    expect(d.grade).toBe('优');
    expect(d.settings.budgetRule).toBe('linear');
    for (const i of d.issues) {
      expect(['错误', '警告', '提示']).toContain(i.severity);
      expect(typeof i.message).toBe('string');
      expect(typeof i.cell).toBe('string');
    }
    expect(d.issues.filter((i) => i.severity === '错误')).toEqual([]);
    expect(typeof d.report!.title).toBe('string');
    expect(d.report!.sections.length).toBeGreaterThan(0);
    for (const s of d.report!.sections) {
      expect(typeof s.heading).toBe('string');
      expect(Array.isArray(s.paragraphs)).toBe(true);
    }
  });

  test('the output keeps every other cell, style, merge, width and sheet; writes the planned cells, the report and the store', async () => {
    const out = path.join(dir, 'roundtrip.xlsx');
    const r = await run('score', EXAMPLE, '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/总分：98\.00，等级：优/);
    const before = await readBook(EXAMPLE);
    const after = await readBook(out);
    const record = readStore(after).record!;
    expect(record.sheet).toBe(SHEET);
    expect(record.reportSheet).toBe(REPORT_SHEET);
    const planned = new Set(record.cells.map((c) => c.address));
    // Only output cells: rates in F, scores in G, the grade right of 自评等级.
    for (const a of planned) expect(a).toMatch(/^(F(8|9|10|11|18)|G(1[3-9]|2[0-7])|D28)$/);
    const diffs = differences(snapshot(before), snapshot(after), { sheets: [REPORT_SHEET, STORE_SHEET], cells: planned, cellSheet: SHEET });
    expect(diffs).toEqual([]);

    const ws = after.getWorksheet(SHEET)!;
    expect(ws.getCell('F8').value).toBe(1);
    expect(ws.getCell('F8').numFmt).toMatch(/%/);
    expect(ws.getCell('G19').value).toBe(3);
    expect(ws.getCell('G27').value).toBe(98);
    expect(ws.getCell('D28').value).toBe('优');
    expect(ws.getCell('D8').formula).toBe('SUM(D9:D11)'); // formulas survive
    expect(ws.getCell('D27').formula).toBe('SUM(D13:D26)');
    for (const c of record.cells) expect(ws.getCell(c.address).value).toEqual(c.written);
    expect(after.getWorksheet(STORE_SHEET)!.state).toBe('veryHidden');
    const rs = after.getWorksheet(REPORT_SHEET)!;
    expect(rs.getCell('A1').font.bold).toBe(true);
    expect(rs.getCell('A1').alignment.horizontal).toBe('center');
    // Sheet order: the table first, as before.
    expect(after.worksheets[0].name).toBe(SHEET);
  });

  test('scoring the output again leaves every cell, sheet and the store exactly as scoring once', async () => {
    const once = path.join(dir, 'once.xlsx');
    const twice = path.join(dir, 'twice.xlsx');
    expect((await run('score', EXAMPLE, '-o', once)).code).toBe(0);
    expect((await run('score', once, '-o', twice)).code).toBe(0);
    const a = await readBook(once);
    const b = await readBook(twice);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    expect(differences(snapshot(a), snapshot(b), { sheets: [], cells: new Set(), cellSheet: SHEET })).toEqual([]);
  });

  test('a score the user typed over ours is kept as a manual score on the next run (the record travels in the workbook)', async () => {
    const once = path.join(dir, 'm1.xlsx');
    await run('score', EXAMPLE, '-o', once);
    const wb = await readBook(once);
    wb.getWorksheet(SHEET)!.getCell('G24').value = 4.5; // 定性 row, inside the 达成 band [4, 5]
    await wb.xlsx.writeFile(once);
    const r = await run('score', once, '-o', path.join(dir, 'm2.xlsx'), '--json');
    const d = JSON.parse(r.out) as JsonDocument;
    const row = d.indicators.find((i) => i.cell === `${SHEET}!G24`)!;
    expect(row.manual).toBe(true);
    expect(row.score).toBe(4.5);
    expect(row.computed).toBe(5);
    expect(d.total).toBe(97.5);
    const m2 = (await readBook(path.join(dir, 'm2.xlsx'))).getWorksheet(SHEET)!;
    expect(m2.getCell('G24').value).toBe(4.5);
    // --accept-computed puts the computed score back.
    const r3 = await run('score', once, '-o', path.join(dir, 'm3.xlsx'), '--json', '--accept-computed', 'G24');
    const d3 = JSON.parse(r3.out) as JsonDocument;
    expect(d3.indicators.find((i) => i.cell === `${SHEET}!G24`)!.score).toBe(5);
    expect(d3.total).toBe(98);
  });

  test('restore puts the scored file back as the original (and drops the report sheet)', async () => {
    const out = path.join(dir, 'restore.xlsx');
    await run('score', EXAMPLE, '-o', out);
    const r = await run('restore', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/中 \d+ 个单元格恢复为计算前的内容/);
    const back = await readBook(out);
    expect(back.getWorksheet(REPORT_SHEET)).toBeUndefined();
    expect(readStore(back).record).toBeNull();
    expect(differences(snapshot(await readBook(EXAMPLE)), snapshot(back), { sheets: [STORE_SHEET], cells: new Set(), cellSheet: SHEET })).toEqual([]);
    const again = await run('restore', out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/没有可恢复的内容/);
  });

  test('错误-level issues: exit 3, the issue names its cell, and the outputs are still written', async () => {
    const input = await variant(path.join(dir, 'bad-actual.xlsx'), (ws) => (ws.getCell('F13').value = '约100'));
    const report = path.join(dir, 'bad-actual.txt');
    const r = await run('score', input, '--report', report);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/\[错误\] 部门整体支出绩效自评表!F13：/);
    expect(fs.existsSync(path.join(dir, 'bad-actual.已评分.xlsx'))).toBe(true);
    expect(fs.readFileSync(report, 'utf8')).toMatch(/自评报告/);
    const j = await run('score', input, '--json', '-o', path.join(dir, 'bad2.xlsx'));
    expect(j.code).toBe(3);
    const d = JSON.parse(j.out) as JsonDocument;
    expect(d.issues.some((i) => i.severity === '错误' && i.cell === `${SHEET}!F13`)).toBe(true);
  });

  test('a workbook without a 自评表: exit 2, one line naming what was looked at', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '会议纪要';
    const file = path.join(dir, 'other.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run('score', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/未找到《部门整体支出绩效自评表》/);
    expect(fs.existsSync(path.join(dir, 'other.已评分.xlsx'))).toBe(false);
  });

  test('--in-place writes the input itself; --settings is used and kept in the workbook', async () => {
    const input = path.join(dir, 'inplace.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    const settings = path.join(dir, 'settings.json');
    fs.writeFileSync(settings, JSON.stringify({ budgetRule: 'bands' }));
    const r = await run('score', input, '--in-place', '--settings', settings, '--json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as JsonDocument;
    expect(d.settings.budgetRule).toBe('bands');
    expect(fs.existsSync(path.join(dir, 'inplace.已评分.xlsx'))).toBe(false);
    const wb = await readBook(input);
    expect(wb.getWorksheet(SHEET)!.getCell('G27').value).toBe(98);
    expect((readStore(wb).settings as { budgetRule: string }).budgetRule).toBe('bands');
    // Next time without --settings, the workbook's settings apply.
    const again = JSON.parse((await run('score', input, '-o', path.join(dir, 'inplace2.xlsx'), '--json')).out) as JsonDocument;
    expect(again.settings.budgetRule).toBe('bands');
  });

  test('-o may name a folder: the output goes there under the default name', async () => {
    const outDir = path.join(dir, 'outdir') + path.sep;
    const r = await run('score', EXAMPLE, '-o', outDir);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(outDir)).toEqual(['2023-海珠区人大常委会办公室-部门整体支出绩效自评表.已评分.xlsx']);
  });

  test('the blank template can be scored: issues, no crash', async () => {
    const file = path.join(dir, 'blank.xlsx');
    expect((await run('template', '-o', file, '--year', '2024')).code).toBe(0);
    const r = await run('score', file, '--json');
    expect([0, 3]).toContain(r.code);
    expect(r.err).toBe('');
    const d = JSON.parse(r.out) as JsonDocument;
    expect(d.sheet).toBe(SHEET);
    expect(d.year).toBe(2024);
    expect(d.issues.length).toBeGreaterThan(0);
    expect(d.complete).toBe(false);
    expect(d.grade).toBeNull();
  });
  test('material from a 报告素材 sheet fills the report and is kept in the store for next year', async () => {
    const input = await variant(path.join(dir, 'material.xlsx'), (_ws, wb) => {
      const m = wb.addWorksheet('报告素材');
      m.addRow(['项目', '内容']);
      m.addRow(['部门职能', '负责区人民代表大会及其常务委员会的会务工作。']);
    });
    const out = path.join(dir, 'material.out.xlsx');
    const d = JSON.parse((await run('score', input, '-o', out, '--json')).out) as JsonDocument;
    const text = JSON.stringify(d.report);
    expect(text).toContain('负责区人民代表大会及其常务委员会的会务工作。');
    expect(text).not.toContain('【请填写：部门职能】');
    const wb = await readBook(out);
    expect(readStore(wb).material?.functions).toBe('负责区人民代表大会及其常务委员会的会务工作。');
    // Next year's file without the sheet still has the material, from the store.
    wb.removeWorksheet(wb.getWorksheet('报告素材')!.id);
    await wb.xlsx.writeFile(out);
    const again = JSON.parse((await run('score', out, '-o', path.join(dir, 'material.2.xlsx'), '--json')).out) as JsonDocument;
    expect(JSON.stringify(again.report)).toContain('负责区人民代表大会及其常务委员会的会务工作。');
  });

  test('--report OUT.txt holds the report text: title, headings and paragraphs, one per line', async () => {
    const txt = path.join(dir, 'report.txt');
    const r = await run('score', EXAMPLE, '-o', path.join(dir, 'report.xlsx'), '--report', txt);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`自评报告：${txt}`);
    const text = fs.readFileSync(txt, 'utf8').replace(/^\ufeff/, '');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/整体支出绩效自评报告$/);
    for (const h of ['一、部门基本情况', '二、绩效自评情况', '三、存在的主要问题', '四、下一步改进措施']) expect(lines).toContain(h);
    expect(text).toContain('3410.44万元');
  });
  test('what else a real workbook holds survives: validation, notes, conditional formats, panes, hidden rows, names, other sheets', async () => {
    const input = await variant(path.join(dir, 'rich.xlsx'), (ws, wb) => {
      ws.getCell('E13').dataValidation = { type: 'list', allowBlank: true, formulae: ['"100%,≥95%"'] };
      ws.getCell('C13').note = '会议按计划召开';
      ws.fillFormula('J13:J16', 'D13*2', [20, 20, 20, 20]); // shared formulas, as Excel writes a filled-down column
      ws.views = [{ state: 'frozen', ySplit: 12, xSplit: 0 }];
      ws.addConditionalFormatting({
        ref: 'G13:G26',
        rules: [{ type: 'cellIs', operator: 'lessThan', formulae: [5], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
      });
      ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', paperSize: 9 };
      wb.definedNames.add("'部门整体支出绩效自评表'!$D$13:$D$26", '分值');
      const o = wb.addWorksheet('其他');
      // Reads the total we write (G27): its cached result goes stale, so Excel must recalculate on open.
      o.getCell('A1').value = { formula: "'部门整体支出绩效自评表'!G27", result: 0 } as ExcelJS.CellFormulaValue;
      o.getRow(2).hidden = true;
      o.getCell('B2').value = new Date(Date.UTC(2024, 0, 31));
      o.getCell('B2').numFmt = 'yyyy-mm-dd';
      o.getCell('C3').value = { richText: [{ text: '粗', font: { bold: true } }, { text: '体' }] };
      o.getCell('D4').value = { text: '链接', hyperlink: 'https://example.org/' };
      o.state = 'hidden';
    });
    const out = path.join(dir, 'rich.out.xlsx');
    const r = await run('score', input, '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\[提示\] 其他!A1 为公式，引用了本次写入的单元格，已保留公式，其结果将由 Excel 或 WPS 重新计算后更新/);
    const before = await readBook(input);
    const after = await readBook(out);
    const planned = new Set(readStore(after).record!.cells.map((c) => c.address));
    expect(differences(snapshot(before), snapshot(after), { sheets: [REPORT_SHEET, STORE_SHEET], cells: planned, cellSheet: SHEET })).toEqual([]);
    const ws = after.getWorksheet(SHEET)!;
    expect(ws.getCell('E13').dataValidation).toMatchObject({ type: 'list', formulae: ['"100%,≥95%"'] });
    expect(ws.getCell('C13').note).toBe('会议按计划召开');
    expect(ws.getCell('J16').formula).toBe('D16*2');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 12 });
    expect(JSON.stringify((ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings)).toContain('G13:G26');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    expect(after.definedNames.getRanges('分值').ranges).toEqual(["'部门整体支出绩效自评表'!$D$13:$D$26"]);
    const o = after.getWorksheet('其他')!;
    expect(o.state).toBe('hidden');
    expect(o.getRow(2).hidden).toBe(true);
    expect((o.getCell('B2').value as Date).toISOString()).toBe('2024-01-31T00:00:00.000Z');
    expect(o.getCell('D4').value).toEqual({ text: '链接', hyperlink: 'https://example.org/' });
    // Excel recalculates formulas that depend on the written cells when it opens the file (issue 12: only then).
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect((o.getCell('A1').value as ExcelJS.CellFormulaValue).formula).toBe("'部门整体支出绩效自评表'!G27");
  });

  test('no formula reads a written cell (the example: sums of inputs only): no recalculation asked, no 提示', async () => {
    const out = path.join(dir, 'norecalc.xlsx');
    const r = await run('score', EXAMPLE, '-o', out, '--json');
    const d = JSON.parse(r.out) as JsonDocument;
    expect(d.issues.filter((i) => i.kind === 'formulasRecalculate')).toEqual([]);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await zip.file('xl/workbook.xml')!.async('string')).not.toMatch(/fullCalcOnLoad/);
  });
  test('the report sheet: our untouched draft is replaced in place, an edited one is kept and never overwritten', async () => {
    const once = path.join(dir, 'rep1.xlsx');
    await run('score', EXAMPLE, '-o', once);
    // The figures change: the draft is redone in the same sheet, no 自评报告 (2).
    const wb = await readBook(once);
    wb.getWorksheet(SHEET)!.getCell('F19').value = '27%';
    await wb.xlsx.writeFile(once);
    const twice = path.join(dir, 'rep2.xlsx');
    await run('score', once, '-o', twice);
    const b = await readBook(twice);
    expect(b.worksheets.map((w) => w.name)).toEqual([SHEET, REPORT_SHEET, STORE_SHEET]);
    expect(b.getWorksheet(SHEET)!.getCell('G27').value).toBe(96.5);
    // Someone edits the draft: the next run keeps it and writes 自评报告 (2); restore then removes only (2).
    b.getWorksheet(REPORT_SHEET)!.getCell('A3').value = '（一）部门职能（已修改）';
    await b.xlsx.writeFile(twice);
    const third = path.join(dir, 'rep3.xlsx');
    await run('score', twice, '-o', third);
    const c = await readBook(third);
    expect(c.getWorksheet(REPORT_SHEET)!.getCell('A3').value).toBe('（一）部门职能（已修改）');
    expect(c.getWorksheet(`${REPORT_SHEET} (2)`)).toBeDefined();
    const r = await run('restore', third);
    expect(r.code).toBe(0);
    const d = await readBook(third);
    expect(d.worksheets.map((w) => w.name)).toEqual([SHEET, REPORT_SHEET, STORE_SHEET]);
  });
});
