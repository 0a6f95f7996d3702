/**
 * APPLY (src/xlsx/applyChanges.ts and its parts): cells written in place with nothing else of the sheet part
 * changed, styles only appended, our sheets added, replaced and removed with the workbook's plumbing; and the
 * two ExcelJS-written files (template, 汇总.xlsx).
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { REPORT_COLUMN_WIDTH, REPORT_SHEET, STORE_SHEET, decodeStore, emptyStore, encodeStore, reportDigest } from '../src/engine';
import { MATERIAL_SHEET, readMaterialSheet } from '../src/engine/report';
import { applyChanges, type ChangeSet } from '../src/xlsx/applyChanges';
import { updateAppXml } from '../src/xlsx/appProps';
import { patchSheet } from '../src/xlsx/patchSheet';
import { openXlsx, type XlsxBook } from '../src/xlsx/readWorkbook';
import { sheetToGrid } from '../src/xlsx/readGrid';
import { reportSheet, storeSheet } from '../src/xlsx/reportSheet';
import { parseSheet } from '../src/xlsx/sheetXml';
import { Styles } from '../src/xlsx/styles';
import { buildSummaryWorkbook, SUMMARY_COLUMNS, type SummaryRow } from '../src/xlsx/summaryWorkbook';
import { buildTemplate, TEMPLATE_SHEET } from '../src/xlsx/template';
import { editWorkbookXml } from '../src/xlsx/workbookEdit';
import { EXAMPLE, SHEET, differences, snapshot, tempDir } from './cliHelpers';
import { entryText, makePackage, zipEntries } from './xlsxHelpers';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NOW = new Date('2024-03-01T08:00:00Z');

async function exceljs(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

function sheetOf(xml: string) {
  return parseSheet(xml, { sharedStrings: [], date1904: false, maxCells: 1e6 });
}

describe('cells written in the sheet part', () => {
  const styles = () => Styles.parse(`<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="0" borderId="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>`);

  test('an existing cell is replaced, its other attributes kept; nothing else of the part changes', () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1" spans="1:3" ht="20"><c r="A1" s="1" ph="1"/><c r="B1"><f>A1*2</f><v>0</v></c></row></sheetData><pageSetup orientation="landscape"/></worksheet>`;
    const r = patchSheet(sheetOf(xml), [{ address: 'A1', value: 7.5, numberFormat: '0.00' }, { address: 'B1', value: 1, numberFormat: 'General' }], styles());
    expect(r.skipped).toEqual(['B1']);
    expect(r.xml).toBe(xml.replace('<c r="A1" s="1" ph="1"/>', '<c r="A1" s="2" ph="1"><v>7.5</v></c>'));
  });

  test('absent cells and rows are created in order; an empty row element is opened; spans widened', () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="2" spans="2:2"><c r="B2"><v>1</v></c></row><row r="4"/><row r="9"><c r="A9"><v>1</v></c></row></sheetData></worksheet>`;
    const r = patchSheet(sheetOf(xml), [
      { address: 'D2', value: '优', numberFormat: 'General' },
      { address: 'A2', value: ' 前后空格 ', numberFormat: 'General' },
      { address: 'C4', value: true, numberFormat: 'General' },
      { address: 'B6', value: 1, numberFormat: 'General' },
      { address: 'A6', value: 2, numberFormat: 'General' },
      { address: 'A12', value: 3, numberFormat: 'General' },
    ], styles());
    expect(r.xml).toBe(
      `<worksheet xmlns="${MAIN}"><sheetData>` +
        '<row r="2" spans="1:4"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> 前后空格 </t></is></c><c r="B2"><v>1</v></c><c r="D2" t="inlineStr"><is><t>优</t></is></c></row>' +
        '<row r="4"><c r="C4" t="b"><v>1</v></c></row>' +
        '<row r="6"><c r="A6"><v>2</v></c><c r="B6"><v>1</v></c></row>' +
        '<row r="9"><c r="A9"><v>1</v></c></row><row r="12"><c r="A12"><v>3</v></c></row></sheetData></worksheet>',
    );
  });

  test('a prefixed part gets prefixed elements; an empty sheetData is opened; text is escaped', () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData/></x:worksheet>`;
    const r = patchSheet(sheetOf(xml), [{ address: 'B3', value: 'a<b & _x0041_', numberFormat: 'General' }], styles());
    expect(r.xml).toBe(`<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>a&lt;b &amp; _x005F_x0041_</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`);
  });

  test('clearing a cell leaves it empty with its style; cells inside an array formula are never written', () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="1" t="inlineStr"><is><t>x</t></is></c><c r="B1"><f t="array" ref="B1:B2">1</f><v>1</v></c></row><row r="2"><c r="B2"><v>1</v></c></row></sheetData></worksheet>`;
    const r = patchSheet(sheetOf(xml), [{ address: 'A1', value: '', numberFormat: 'General' }, { address: 'B2', value: 5, numberFormat: 'General' }], styles());
    expect(r.skipped).toEqual(['B2']);
    expect(r.xml).toContain('<c r="A1" s="1"/>');
  });
});

describe('styles: only appended, equal formats reused', () => {
  const xml = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><cellXfs count="2"><xf numFmtId="0" fontId="0" borderId="1"/><xf numFmtId="2" fontId="0" borderId="1" applyNumberFormat="1"/></cellXfs><cellStyles count="1"/></styleSheet>`;

  test('a new format is a clone of the cell\'s xf; its own xf comes back when the format is put back', () => {
    const s = Styles.parse(xml);
    expect(s.withFormat(0, '0.00')).toBe(1); // an equal xf already in the file
    expect(s.withFormat(1, 'General')).toBe(0); // back to the cell's very own xf
    const custom = s.withFormat(0, '0.0"分"');
    expect(custom).toBe(2);
    expect(s.withFormat(0, '0.0"分"')).toBe(2);
    const out = s.toXml();
    expect(out).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;分&quot;"/></numFmts><fonts');
    expect(out).toContain('<cellXfs count="3"><xf numFmtId="0" fontId="0" borderId="1"/><xf numFmtId="2" fontId="0" borderId="1" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" borderId="1" applyNumberFormat="1"/></cellXfs>');
    expect(Styles.parse(out).formatOf(2)).toBe('0.0"分"');
  });

  test('our own styles: fonts and xfs appended once, then found again', () => {
    const s = Styles.parse(xml);
    const style = { numberFormat: '@', font: { name: '宋体', size: 16, bold: true }, alignment: { horizontal: 'center' as const, wrapText: true } };
    const i = s.own(style);
    const again = Styles.parse(s.toXml());
    expect(again.own(style)).toBe(i);
    expect(again.changed).toBe(false);
    expect(again.formatOf(i)).toBe('@');
  });

  test('a package without a styles part gets one', () => {
    const s = Styles.parse(null);
    expect(s.created).toBe(true);
    expect(s.formatOf(s.withFormat(0, '0.00%'))).toBe('0.00%');
  });
});

describe('workbook.xml and docProps/app.xml', () => {
  test('a sheet added at the end (its own r: when the root has none), one removed with the indexes after it', () => {
    const xml =
      `<workbook xmlns="${MAIN}"><bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews><sheets>` +
      '<sheet xmlns:r="R" name="A" sheetId="1" r:id="rId1"/><sheet xmlns:r="R" name="B" sheetId="5" r:id="rId2"/><sheet xmlns:r="R" name="C" sheetId="3" r:id="rId3"/></sheets>' +
      '<definedNames><definedName name="x" localSheetId="1">B!A1</definedName><definedName name="_xlnm.Print_Area" localSheetId="2">C!A1</definedName><definedName name="g">A!A1</definedName></definedNames>' +
      '<calcPr calcId="1"/><extLst/></workbook>';
    const out = editWorkbookXml(xml, { add: [{ name: '自评报告', relId: 'rId9' }], remove: [1], states: new Map(), fullCalcOnLoad: true });
    expect(out).toBe(
      `<workbook xmlns="${MAIN}"><bookViews><workbookView activeTab="1" firstSheet="0"/></bookViews><sheets>` +
        '<sheet xmlns:r="R" name="A" sheetId="1" r:id="rId1"/><sheet xmlns:r="R" name="C" sheetId="3" r:id="rId3"/>' +
        `<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="自评报告" sheetId="6" r:id="rId9"/></sheets>` +
        '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">C!A1</definedName><definedName name="g">A!A1</definedName></definedNames>' +
        '<calcPr calcId="1" fullCalcOnLoad="1"/><extLst/></workbook>',
    );
  });

  test('calcPr is added before the elements that follow it when there is none', () => {
    const out = editWorkbookXml(`<workbook xmlns="${MAIN}" xmlns:r="R"><sheets/><extLst/></workbook>`, { add: [], remove: [], states: new Map(), fullCalcOnLoad: true });
    expect(out).toBe(`<workbook xmlns="${MAIN}" xmlns:r="R"><sheets/><calcPr fullCalcOnLoad="1"/><extLst/></workbook>`);
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const added = editWorkbookXml(`<workbook xmlns="${MAIN}" xmlns:rel="${REL}"><sheets/></workbook>`, { add: [{ name: 'S', relId: 'rId1' }], remove: [], states: new Map(), fullCalcOnLoad: false });
    expect(added).toBe(`<workbook xmlns="${MAIN}" xmlns:rel="${REL}"><sheets><sheet name="S" sheetId="1" rel:id="rId1"/></sheets></workbook>`);
  });

  test('app.xml: the sheet list is brought up to date when it lists the sheets, left alone otherwise', () => {
    const app = (titles: string[], count: number) =>
      '<Properties xmlns:vt="V"><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>' +
      count +
      '</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
      `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`;
    expect(updateAppXml(app(['表', '分值'], 1), ['表'], ['表', '自评报告'])).toBe(app(['表', '自评报告', '分值'], 2));
    const other = app(['别的', '分值'], 1);
    expect(updateAppXml(other, ['表'], ['表', '自评报告'])).toBe(other);
  });
});

describe('the change set on the example', () => {
  let book: XlsxBook;
  beforeEach(() => (book = openXlsx(fs.readFileSync(EXAMPLE))));
  const rows = [
    { text: '某单位2023年度部门整体支出绩效自评报告', style: 'title' as const, numberFormat: '@' },
    { text: '一、部门基本情况', style: 'heading1' as const, numberFormat: '@' },
    { text: '第一段。'.repeat(40), style: 'body' as const, numberFormat: '@' },
    { text: '第二段。', style: 'body' as const, numberFormat: '@' },
  ];

  test('cells, the report and the store: ExcelJS reads them back; every other cell, style, merge and width unchanged', async () => {
    const changes: ChangeSet = {
      cells: { sheet: SHEET, changes: [{ address: 'F8', value: 1, numberFormat: '0.00%' }, { address: 'G13', value: 10, numberFormat: '0.00' }, { address: 'D28', value: '优', numberFormat: 'General' }] },
      add: [reportSheet(REPORT_SHEET, rows), storeSheet(STORE_SHEET, encodeStore({ ...emptyStore(), material: { functions: '职能'.repeat(40000) } }))],
      now: NOW,
    };
    const out = applyChanges(book, changes);
    expect(out.added).toEqual([REPORT_SHEET, STORE_SHEET]);
    const before = await exceljs(fs.readFileSync(EXAMPLE));
    const after = await exceljs(out.bytes);
    expect(differences(snapshot(before), snapshot(after), { sheets: [REPORT_SHEET, STORE_SHEET], cells: new Set(['F8', 'G13', 'D28']), cellSheet: SHEET })).toEqual([]);
    const ws = after.getWorksheet(SHEET)!;
    expect([ws.getCell('F8').value, ws.getCell('F8').numFmt, ws.getCell('G13').value, ws.getCell('G13').numFmt, ws.getCell('D28').value]).toEqual([1, '0.00%', 10, '0.00', '优']);
    expect(ws.getCell('G13').font).toEqual(ws.getCell('G12').font); // the rest of the style kept
    const r = after.getWorksheet(REPORT_SHEET)!;
    expect(r.getColumn(1).width).toBe(REPORT_COLUMN_WIDTH);
    expect([r.getCell('A1').font.bold, r.getCell('A1').font.size, r.getCell('A1').alignment.horizontal]).toEqual([true, 16, 'center']);
    expect([!!r.getCell('A3').font.bold, r.getCell('A3').alignment.wrapText, r.getCell('A3').numFmt]).toEqual([false, true, '@']);
    expect(r.getRow(3).height).toBeGreaterThan(r.getRow(4).height);
    const store = after.getWorksheet(STORE_SHEET)!;
    expect(store.state).toBe('veryHidden');
    expect(store.rowCount).toBeGreaterThan(1);
    const again = openXlsx(out.bytes);
    expect(decodeStore(again.columnA(STORE_SHEET)).material?.functions).toBe('职能'.repeat(40000));
    // The digest of what we wrote is the digest of the sheet as read back (both doors recognise the draft so).
    expect(reportDigest(again.columnLines(REPORT_SHEET)!)).toBe(reportDigest(rows.map((x) => x.text)));
  });

  test('replacing and removing our sheets: same place, plumbing back as it was; entries we do not own untouched', () => {
    const once = applyChanges(book, { add: [reportSheet(REPORT_SHEET, rows), storeSheet(STORE_SHEET, ['{}'])], now: NOW });
    const b2 = openXlsx(once.bytes);
    const twice = applyChanges(b2, { replace: [reportSheet(REPORT_SHEET, rows.slice(0, 2)), storeSheet(STORE_SHEET, ['{"a":1}'])], now: NOW });
    const b3 = openXlsx(twice.bytes);
    expect(b3.sheets.map((s) => s.name)).toEqual([SHEET, REPORT_SHEET, STORE_SHEET]);
    expect(b3.columnLines(REPORT_SHEET)).toEqual(rows.slice(0, 2).map((r) => r.text));
    const removed = applyChanges(b3, { remove: [REPORT_SHEET, STORE_SHEET], now: NOW });
    const a = zipEntries(fs.readFileSync(EXAMPLE));
    const b = zipEntries(removed.bytes);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const name of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'docProps/app.xml']) {
      expect([name, b.get(name)!.data.toString()]).toEqual([name, a.get(name)!.data.toString()]);
    }
    for (const [name, e] of a) if (!['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'docProps/app.xml', 'xl/styles.xml'].includes(name)) expect([name, b.get(name)!.raw.equals(e.raw)]).toEqual([name, true]);
  });

  test('a store sheet left visible (Excel 2016 on ExcelApi 1.1) is very hidden again when rewritten', async () => {
    const pkg = await makePackage({ sheets: [{ name: 'S', xml: '' }, { name: STORE_SHEET, xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>{}</t></is></c></row>' }] });
    const out = applyChanges(openXlsx(pkg), { replace: [storeSheet(STORE_SHEET, ['{}'])], now: NOW });
    expect(openXlsx(out.bytes).sheet(STORE_SHEET)!.state).toBe('veryHidden');
    expect(entryText(out.bytes, 'xl/workbook.xml')).toContain(`name="${STORE_SHEET}" sheetId="2" r:id="rId2" state="veryHidden"`);
  });

  test('no styles part in the package: one is added with its relationship and content type', async () => {
    const pkg = await makePackage({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }], styles: null });
    const out = applyChanges(openXlsx(pkg), { cells: { sheet: 'S', changes: [{ address: 'A1', value: 0.5, numberFormat: '0.00%' }] }, now: NOW });
    expect(openXlsx(out.bytes).grid('S').numberFormats![0][0]).toBe('0.00%');
    expect(entryText(out.bytes, '[Content_Types].xml')).toContain('/xl/styles.xml');
  });
});

describe('the two files written with ExcelJS (nothing of an existing workbook to keep)', () => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the template has the example layout: same labels in the same cells, no figures', async () => {
    const t = (await exceljs(Buffer.from((await buildTemplate(2024).xlsx.writeBuffer()) as ArrayBuffer))).getWorksheet(TEMPLATE_SHEET)!;
    const e = (await exceljs(fs.readFileSync(EXAMPLE))).getWorksheet(SHEET)!;
    expect(t.getCell('A2').value).toBe('（2024年度）');
    const labels = ['A1', 'A3', 'A4', 'A5', 'A6', 'A7', 'B7', 'C7', 'D7', 'E7', 'F7', 'B8', 'A12', 'B12', 'C12', 'D12', 'E12', 'F12', 'G12', 'H12', 'C18', 'C19', 'C26', 'A27', 'A28', 'A29', 'A30'];
    for (const a of labels) expect([a, t.getCell(a).value]).toEqual([a, e.getCell(a).value]);
    const grid = sheetToGrid(t);
    // No number is filled in: only formulas (sums) and text.
    expect(grid.values.flat().filter((v) => typeof v === 'number')).toEqual([]);
    expect(t.getCell('D8').formula).toBe('SUM(D9:D11)');
    expect(t.getCell('D27').formula).toBe('SUM(D13:D26)');
    // The 报告素材 sheet lists the material fields, empty, and reads back as no material.
    const m = t.workbook.getWorksheet(MATERIAL_SHEET)!;
    expect(m.getCell('A2').value).toBe('部门职能');
    expect(readMaterialSheet(sheetToGrid(m))).toEqual({});
  });

  test('汇总.xlsx lists scored files by total, highest first, then the failures with their reason; it says it is ours', async () => {
    const row = (file: string, total: number | null, scored = true, note = ''): SummaryRow => ({
      unit: file, year: 2023, annual: 100, executed: 90, rate: 0.9, total, grade: total === null ? '' : '优', errors: 0, warnings: 1, file, note, scored,
    });
    const bytes = Buffer.from((await buildSummaryWorkbook([row('b', 91.5), row('bad', null, false, '不是有效的 .xlsx 文件'), row('a', 98), row('c', 60)]).xlsx.writeBuffer()) as ArrayBuffer);
    const ws = (await exceljs(bytes)).worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(SUMMARY_COLUMNS);
    expect([2, 3, 4, 5].map((r) => ws.getCell(r, 10).value)).toEqual(['a', 'b', 'c', 'bad']);
    expect(ws.getCell(5, 11).value).toBe('不是有效的 .xlsx 文件');
    expect(ws.getCell(2, 5).numFmt).toBe('0.00%');
    expect(entryText(bytes, 'docProps/core.xml')).toMatch(/<dc:creator>绩效自评助手<\/dc:creator>[\s\S]*<cp:lastModifiedBy>绩效自评助手<\/cp:lastModifiedBy>/);
  });
});

