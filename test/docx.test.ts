/**
 * The .docx export: a real zip whose document.xml holds the report's text in 公文 fonts and the layout of
 * GB/T 9704-2012, asserted on the XML (so that CI, without LibreOffice, checks it; scripts/render-docx.sh renders it
 * and measures the pages).
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { buildReport, reportText } from '../src/engine/report';
import { reportToDocx, signatureIndents, CHAR_TWIPS, DOCX_FONTS, FOOTER_TWIPS, LINE_TWIPS, PAGE_NUMBER_LINE } from '../src/export/docx';
import type { Report } from '../src/engine/types';
import { FULL_MATERIAL, makeEvaluation } from './fixtures/reportFixtures';
import { evaluateExample } from './fixtures/reportExample';

interface XmlParagraph {
  xml: string;
  text: string;
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The body's paragraphs with their text (all w:t joined). */
function paragraphs(documentXml: string): XmlParagraph[] {
  const body = documentXml.slice(documentXml.indexOf('<w:body>'));
  return (body.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []).map((xml) => ({
    xml,
    text: unescape((xml.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')),
  }));
}

async function unzip(report: Report): Promise<{ zip: JSZip; bytes: Uint8Array; documentXml: string }> {
  const bytes = await reportToDocx(report);
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = await zip.file('word/document.xml')!.async('string');
  return { zip, bytes, documentXml };
}

function find(ps: XmlParagraph[], text: string): XmlParagraph {
  const p = ps.find((x) => x.text === text);
  if (!p) throw new Error(`paragraph not found: ${text}`);
  return p;
}

const fontAttr = (name: string) => `w:eastAsia="${name}"`;

describe('reportToDocx', () => {
  const report = buildReport(makeEvaluation(), FULL_MATERIAL);

  test('is a .docx package that unzips', async () => {
    const { zip, bytes } = await unzip(report);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']) expect(zip.file(part)).not.toBeNull();
  });

  test('document.xml holds the same text as the pane and the report sheet: title, headings, paragraphs, 落款', async () => {
    const { documentXml } = await unzip(report);
    const texts = paragraphs(documentXml).map((p) => p.text).filter((t) => t !== '');
    expect(texts).toEqual(reportText(report).split('\n'));
    expect(texts.slice(-2)).toEqual(['广州市海珠区人民代表大会常务委员会办公室', '2024年3月15日']);
  });

  test('公文 fonts and sizes: title 方正小标宋简体 二号 centred, 黑体 / 楷体_GB2312 headings, 仿宋_GB2312 body', async () => {
    const { documentXml } = await unzip(report);
    const ps = paragraphs(documentXml);
    const title = find(ps, report.title);
    expect(title.xml).toContain(fontAttr('方正小标宋简体'));
    expect(title.xml).toContain('w:ascii="方正小标宋简体"');
    expect(title.xml).toContain('<w:sz w:val="44"/>');
    expect(title.xml).toContain('<w:jc w:val="center"/>');
    const h1 = find(ps, '一、部门基本情况');
    expect(h1.xml).toContain(fontAttr('黑体'));
    expect(h1.xml).toContain('<w:sz w:val="32"/>');
    const h2 = find(ps, '（四）部门整体收支情况（以决算数为统计口径）');
    expect(h2.xml).toContain(fontAttr('楷体_GB2312'));
    expect(h1.xml).toContain('<w:outlineLvl w:val="0"/>');
    expect(h2.xml).toContain('<w:outlineLvl w:val="1"/>');
    const body = find(ps, report.sections[10].paragraphs[0]);
    expect(body.xml).toContain(fontAttr('仿宋_GB2312'));
    expect(body.xml).toContain('<w:sz w:val="32"/>');
    expect(body.xml).toContain('<w:jc w:val="both"/>');
    // 28 characters a line: 16 pt condensed by ¼ pt; 首行缩进二字 of those characters.
    expect(body.xml).toContain('<w:spacing w:val="-5"/>');
    for (const p of [h1, h2, body]) expect(p.xml).toMatch(/<w:ind w:firstLine="630"\/>/);
    expect(CHAR_TWIPS * 28).toBeLessThanOrEqual(Math.round((156 * 1440) / 25.4));
    expect(DOCX_FONTS.body).toBe('仿宋_GB2312');
  });

  test('fixed line spacing of 28.95 pt and A4 with the 公文 margins', async () => {
    const { documentXml } = await unzip(report);
    const body = find(paragraphs(documentXml), report.sections[1].paragraphs[0]);
    expect(LINE_TWIPS).toBe(579);
    expect(body.xml).toMatch(/<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"|<w:spacing [^>]*w:lineRule="exact"[^>]*w:line="579"/);
    expect(documentXml).toMatch(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(documentXml)![1];
    expect(margin).toContain('w:top="2098"'); // 37 mm
    expect(margin).toContain('w:bottom="1984"'); // 35 mm
    expect(margin).toContain('w:left="1587"'); // 28 mm
    expect(margin).toContain('w:right="1474"'); // 26 mm
    // 22 lines: a line grid only (a character grid makes LibreOffice set 14 characters a line).
    expect(documentXml).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
  });

  test('page numbers “— N —” in 4号宋体, 7 mm below the text, odd pages right and even pages left, one character in', async () => {
    const { zip, documentXml } = await unzip(report);
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:evenAndOddHeaders/>');
    const refs = Object.fromEntries([...documentXml.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(refs).sort()).toEqual(['default', 'even']);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const footer = async (id: string) => zip.file(`word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`)!.async('string');
    const odd = await footer(refs.default);
    const even = await footer(refs.even);
    for (const f of [odd, even]) {
      expect(f).toContain('PAGE');
      expect(f).toContain(fontAttr('宋体'));
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f.match(/<w:t[^>]*>([^<]*)<\/w:t>/g)!.join('')).toMatch(/— <\/w:t>.* —</);
      expect(f).toContain(`<w:spacing w:after="0" w:before="0" w:line="${PAGE_NUMBER_LINE}" w:lineRule="exact"/>`);
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(odd).toContain(`<w:ind w:right="${PAGE_NUMBER_LINE}"/>`);
    expect(even).toContain('<w:jc w:val="left"/>');
    expect(even).toContain(`<w:ind w:left="${PAGE_NUMBER_LINE}"/>`);
    // The footer's one line, 14 pt high, ends FOOTER_TWIPS above the page's edge: its middle (where the dashes are
    // drawn) is 28 mm above the edge, i.e. 7 mm below the 35 mm bottom margin.
    const margin = /<w:pgMar ([^>]*)\/>/.exec(documentXml)![1];
    expect(margin).toContain(`w:footer="${FOOTER_TWIPS}"`);
    expect(((FOOTER_TWIPS + PAGE_NUMBER_LINE / 2) * 25.4) / 1440).toBeCloseTo(28, 1);
  });

  test('styles.xml: the body font in the Normal style; no automatic space between Chinese and figures', async () => {
    const { zip } = await unzip(report);
    const styles = await zip.file('word/styles.xml')!.async('string');
    const normal = /<w:style w:type="paragraph" w:default="1" w:styleId="Normal">([\s\S]*?)<\/w:style>/.exec(styles)![1];
    expect(normal).toContain(fontAttr('仿宋_GB2312'));
    expect(normal).toContain('<w:sz w:val="32"/>');
    expect(normal).toContain('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing');
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/>/);
  });

  test('the title broken into its lines at word boundaries, in one centred paragraph', async () => {
    const { documentXml } = await unzip(report);
    const title = find(paragraphs(documentXml), report.title);
    expect(report.titleLines).toEqual(['2023年度广州市海珠区', '人民代表大会常务委员会办公室', '整体支出绩效自评报告']);
    expect(title.xml.match(/<w:br\/>/g)).toHaveLength(2);
    const runs = [...title.xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(runs).toEqual(report.titleLines);
  });

  test('附件 label: 三号黑体, flush left, a blank line, then the title', async () => {
    const withLabel = buildReport(makeEvaluation(), { ...FULL_MATERIAL, attachmentLabel: '附件2' });
    const ps = paragraphs((await unzip(withLabel)).documentXml);
    expect(ps[0].text).toBe('附件2');
    expect(ps[0].xml).toContain(fontAttr('黑体'));
    expect(ps[0].xml).toContain('<w:jc w:val="left"/>');
    expect(ps[0].xml).not.toContain('w:firstLine');
    expect(ps[1].text).toBe('');
    expect(ps[2].text).toBe(withLabel.title);
    // Without a label the title comes first.
    expect(paragraphs((await unzip(report)).documentXml)[0].text).toBe(report.title);
  });

  test('落款: a blank line after the text, the unit 右空二字, the date two characters right of the unit’s start; kept with the text', async () => {
    const ps = paragraphs((await unzip(report)).documentXml);
    const [lastText, blank, unit, date] = ps.slice(-4);
    expect(blank.text).toBe('');
    const ind = signatureIndents(unit.text, date.text);
    expect(ind).toEqual({ unit: 2, date: 13.5 });
    expect(unit.xml).toContain('<w:jc w:val="right"/>');
    expect(unit.xml).toContain(`<w:ind w:right="${2 * CHAR_TWIPS}"/>`);
    expect(date.xml).toContain(`<w:ind w:right="${Math.round(13.5 * CHAR_TWIPS)}"/>`);
    for (const p of [lastText, blank, unit]) expect(p.xml).toContain('<w:keepNext/>');
    // A date longer than the unit allows: the date 右空二字, the unit moved left to keep the two-character step.
    expect(signatureIndents('某局', '【请填写：成文日期】')).toEqual({ unit: 12, date: 2 });
  });

  test('headings are kept with the paragraph that follows them', async () => {
    const ps = paragraphs((await unzip(report)).documentXml);
    expect(find(ps, '三、存在的主要问题').xml).toContain('<w:keepNext/>');
    expect(find(ps, '（一）部门职能').xml).toContain('<w:keepNext/>');
    expect(find(ps, report.sections[1].paragraphs[0]).xml).not.toContain('<w:keepNext/>');
  });

  test('the example, evaluated by the engine, exports with its figures', async () => {
    const { evaluation } = await evaluateExample();
    const { documentXml } = await unzip(buildReport(evaluation, FULL_MATERIAL));
    const text = paragraphs(documentXml).map((p) => p.text).join('\n');
    expect(text).toContain('3410.44万元');
    expect(text).toContain('自评结果为98分，达到“优”等级');
    expect(text).toContain('支出进度率');
  });

  test('imports nothing from Node, so the browser bundle can use it', () => {
    for (const file of ['docx.ts', 'docxStyles.ts']) {
      const src = fs.readFileSync(path.join(__dirname, '../src/export', file), 'utf8');
      const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const i of imports) expect(['docx', './docxStyles', '../engine'].includes(i)).toBe(true);
    }
  });
});
