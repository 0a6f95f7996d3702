/**
 * READ (src/xlsx/readWorkbook.ts): packages as Excel, WPS, LibreOffice and openpyxl write them, read the way
 * Office.js shows them. Hand-made parts for each variant; the example compared cell by cell with the ExcelJS reader.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { openXlsx, XlsxReadError } from '../src/xlsx/readWorkbook';
import { sheetToGrid } from '../src/xlsx/readGrid';
import { EXAMPLE, SHEET } from './cliHelpers';
import { makePackage } from './xlsxHelpers';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('cell values as Office.js shows them', () => {
  test('numbers, shared and inline strings, rich text without its phonetic runs, booleans (1/true), errors, dates (t="d")', async () => {
    const rows =
      '<row r="1"><c r="A1"><v>3.5</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t xml:space="preserve"> 内联 </t></is></c>' +
      '<c r="E1" t="inlineStr"><is><r><rPr><b/></rPr><t>粗</t></r><r><t>体</t></r></is></c></row>' +
      '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>true</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#DIV/0!</v></c>' +
      '<c r="E2" t="d"><v>2024-01-31</v></c><c r="F2" t="s"><v>2</v></c><c r="G2"><v></v></c></row>';
    const pkg = await makePackage({
      sheets: [{ name: 'S', xml: rows }],
      sharedStrings: ['<si><t>共享</t></si>', '<si><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si>', '<si><t>A_x000D_B</t></si>'],
    });
    const g = openXlsx(pkg).grid('S');
    expect(g.values[0].slice(0, 5)).toEqual([3.5, '共享', '富文本', ' 内联 ', '粗体']);
    expect(g.values[1].slice(0, 7)).toEqual([true, true, false, '#DIV/0!', 45322, 'A\rB', '']);
  });

  test('1904 dates: a t="d" cell gives the 1904 serial; numbers stay the numbers stored', async () => {
    const pkg = await makePackage({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="d"><v>2024-01-31</v></c><c r="B1"><v>43860</v></c></row>' }], workbookPr: '<workbookPr date1904="true"/>' });
    const book = openXlsx(pkg);
    expect(book.date1904).toBe(true);
    expect(book.grid('S').values[0].slice(0, 2)).toEqual([45322 - 1462, 43860]);
  });

  test('cells and rows without r follow the one before; a prefixed namespace (x:) reads the same', async () => {
    const xml =
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2"><x:c><x:v>1</x:v></x:c><x:c r="C2"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row>` +
      '<x:row><x:c><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const g = openXlsx(await makePackage({ sheets: [{ name: 'S', xml }] })).grid('S');
    expect(g.values[1].slice(0, 4)).toEqual([1, '', 3, 4]);
    expect(g.values[2][0]).toBe(5);
  });

  test('shared formulas: each cell gets its own, moved; array formulas mark their whole range', async () => {
    const rows =
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2+$C$1+SUM(B1:B2)</f><v>2</v></c><c r="D1"><f t="array" ref="D1:D2">B1:B2*2</f><v>2</v></c></row>' +
      '<row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row>';
    const g = openXlsx(await makePackage({ sheets: [{ name: 'S', xml: rows }] })).grid('S');
    expect(g.formulas![0][0]).toBe('=B1*2+$C$1+SUM(B1:B2)');
    expect(g.formulas![1][0]).toBe('=B2*2+$C$1+SUM(B2:B3)');
    expect(g.formulas![2][0]).toBe('=B3*2+$C$1+SUM(B3:B4)');
    expect(g.formulas![1][3]).toBe('=B1:B2*2');
    expect(g.values[2][0]).toBe(6);
  });

  test('number formats: the cell\'s own (custom or built in), else its row\'s, else its column\'s', async () => {
    const xml =
      `<worksheet xmlns="${MAIN}"><cols><col min="3" max="3" style="2"/></cols><sheetData>` +
      '<row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="2"><v>0.5</v></c><c r="D1"><v>1</v></c></row>' +
      '<row r="2" s="1" customFormat="1"><c r="D2"><v>1</v></c></row></sheetData></worksheet>';
    const g = openXlsx(await makePackage({ sheets: [{ name: 'S', xml }] })).grid('S');
    expect(g.numberFormats![0].slice(0, 4)).toEqual(['0.0%', '0.00%', '0.00%', 'General']);
    expect(g.numberFormats![1].slice(0, 4)).toEqual(['0.0%', '0.0%', '0.0%', 'General']);
  });

  test('merged areas: only the top-left cell shows a value; hidden rows (1 or true) are listed', async () => {
    const xml =
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1"><v>9</v></c></row>` +
      '<row r="2" hidden="true"><c r="A2"><v>1</v></c></row><row r="3" hidden="1"><c r="A3"><v>1</v></c></row><row r="4" hidden="false"><c r="A4"><v>1</v></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>';
    const g = openXlsx(await makePackage({ sheets: [{ name: 'S', xml }] })).grid('S');
    expect(g.values[0].slice(0, 3)).toEqual(['标题', '', '']);
    expect(g.merges).toEqual(['A1:C1']);
    expect(g.hiddenRows).toEqual([1, 2]);
  });

  test('the grid is the used area from A1 plus two rows and two columns, as the add-in reads it', async () => {
    const g = openXlsx(await makePackage({ sheets: [{ name: 'S', xml: '<row r="3"><c r="B3"><v>1</v></c><c r="F3" s="1"/></row>' }] })).grid('S');
    expect([g.values.length, g.values[0].length]).toEqual([5, 4]);
  });
});

describe('the workbook', () => {
  test('sheet list with states and protection (sheet="1" and LibreOffice\'s sheet="true"), active tab, structure lock "true"', async () => {
    const prot = (v: string) => `<worksheet xmlns="${MAIN}"><sheetData/><sheetProtection sheet="${v}" password="CC1A"/></worksheet>`;
    const pkg = await makePackage({
      sheets: [
        { name: '甲', xml: prot('true') },
        { name: '乙', xml: prot('1'), state: 'hidden' },
        { name: '丙', xml: prot('0'), state: 'veryHidden' },
        { name: '丁', xml: `<worksheet xmlns="${MAIN}"><sheetData/><sheetProtection objects="1"/></worksheet>` },
      ],
      workbookPr: '<workbookProtection lockStructure="true"/><bookViews><workbookView activeTab="1"/></bookViews>',
    });
    const book = openXlsx(pkg);
    expect(book.sheets.map((s) => [s.name, s.state, book.isProtected(s.name)])).toEqual([
      ['甲', 'visible', true],
      ['乙', 'hidden', true],
      ['丙', 'veryHidden', false],
      ['丁', 'visible', false],
    ]);
    expect(book.activeSheet).toBe('乙');
    expect(book.structureProtected).toBe(true);
    expect(book.format).toBe('xlsx');
  });

  test('absolute part names (openpyxl writes /xl/worksheets/sheet1.xml) and case-insensitive part names', async () => {
    const pkg = await makePackage({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>7</v></c></row>' }], absoluteTargets: true });
    expect(openXlsx(pkg).grid('S').values[0][0]).toBe(7);
  });

  test('column A of a sheet, and its lines (null when another column holds something)', async () => {
    const pkg = await makePackage({
      sheets: [
        { name: 'A', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>一</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>三</t></is></c><c r="B3" s="1"/></row>' },
        { name: 'B', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>一</t></is></c><c r="C1"><v>1</v></c></row>' },
      ],
    });
    const book = openXlsx(pkg);
    expect(book.columnA('A')).toEqual(['一', '', '三']);
    expect(book.columnLines('A')).toEqual(['一', '', '三']);
    expect(book.columnLines('B')).toBeNull();
  });

  test('what cannot be read says why: not a zip, an OLE file (.xls or encrypted), damaged, Strict OOXML', async () => {
    const kind = (bytes: Uint8Array) => {
      try {
        openXlsx(bytes);
        return 'read';
      } catch (e) {
        return (e as XlsxReadError).kind;
      }
    };
    expect(kind(Buffer.from('hello'))).toBe('notZip');
    expect(kind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('ole');
    expect(kind(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(50)]))).toBe('damaged');
    const strict = await makePackage({ sheets: [{ name: 'S', xml: '' }] });
    const JSZip = (await import('jszip')).default;
    const z = await JSZip.loadAsync(strict);
    z.file('xl/workbook.xml', '<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheets/></workbook>');
    expect(kind(await z.generateAsync({ type: 'nodebuffer' }))).toBe('strict');
  });

  test('a sheet larger than the cell limit is refused from its <dimension>, before the rest of it is inflated', async () => {
    // 600,000 rows declared; the part itself is small here, but its dimension alone decides.
    const xml = `<worksheet xmlns="${MAIN}"><dimension ref="A1:I600000"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const book = openXlsx(await makePackage({ sheets: [{ name: '大表', xml }] }));
    expect(() => book.grid('大表')).toThrow(XlsxReadError);
    try {
      book.grid('大表');
    } catch (e) {
      expect([(e as XlsxReadError).kind, (e as XlsxReadError).sheet, (e as XlsxReadError).cells]).toEqual(['tooLarge', '大表', 5400000]);
    }
  });

  test('a sheet without a dimension is stopped while it is read, once it passes the limit', async () => {
    const rows = Array.from({ length: 50 }, (_, r) => `<row r="${r + 1}">${'<c><v>1</v></c>'.repeat(10)}</row>`).join('');
    const book = openXlsx(await makePackage({ sheets: [{ name: 'S', xml: rows }] }), { maxCells: 100 });
    expect(() => book.grid('S')).toThrow(/tooLarge/);
    expect(openXlsx(await makePackage({ sheets: [{ name: 'S', xml: rows }] }), { maxCells: 1000 }).grid('S').values.length).toBe(52);
  });
});

describe('the example, against the ExcelJS reader', () => {
  test('same values, number formats, formulas and merges in every cell ExcelJS reads', async () => {
    const book = openXlsx(fs.readFileSync(EXAMPLE));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE);
    const ours = book.grid(SHEET);
    const theirs = sheetToGrid(wb.getWorksheet(SHEET)!);
    expect(ours.merges!.slice().sort()).toEqual(theirs.merges!.slice().sort());
    const diffs: string[] = [];
    theirs.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '');
        if (!same(ours.values[r]?.[c], v)) diffs.push(`value ${r},${c}`);
        if (!same(ours.numberFormats![r]?.[c] ?? 'General', theirs.numberFormats![r][c])) diffs.push(`format ${r},${c}`);
        if (!same(ours.formulas![r]?.[c], theirs.formulas![r][c])) diffs.push(`formula ${r},${c}`);
      }),
    );
    expect(diffs).toEqual([]);
  });
});
