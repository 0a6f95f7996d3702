/** The .docx export: a real zip whose document.xml holds the report's text in 公文 fonts and layout. */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { buildReport } from '../src/engine/report';
import { reportToDocx, DOCX_FONTS, LINE_TWIPS } from '../src/export/docx';
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

  test('document.xml holds the title, every heading and every paragraph, in order', async () => {
    const { documentXml } = await unzip(report);
    const texts = paragraphs(documentXml).map((p) => p.text).filter((t) => t !== '');
    const expected = [report.title, ...report.sections.flatMap((s) => [s.heading, ...s.paragraphs])];
    expect(texts).toEqual(expected);
    expect(texts.join('\n')).toContain('本年度一般公共预算收入3410.44万元，支出3410.44万元，财政拨款资金预算完成率达100%');
  });

  test('公文 fonts and sizes: title 方正小标宋简体 二号 centred, 黑体 / 楷体_GB2312 headings, 仿宋_GB2312 body', async () => {
    const { documentXml } = await unzip(report);
    const ps = paragraphs(documentXml);
    const title = find(ps, report.title);
    expect(title.xml).toContain(fontAttr('方正小标宋简体'));
    expect(title.xml).toContain('w:ascii="方正小标宋简体"');
    expect(title.xml).toContain('<w:sz w:val="44"/>');
    expect(title.xml).toContain('<w:jc w:val="center"/>');
    expect(title.xml).toMatch(/<w:snapToGrid w:val="(false|0)"\/>/);
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
    expect(body.xml).not.toContain('snapToGrid');
    for (const p of [h1, h2, body]) {
      expect(p.xml).toMatch(/w:firstLineChars="200"/);
      expect(p.xml).toMatch(/w:firstLine="640"/);
    }
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
    expect(documentXml).toMatch(/<w:docGrid [^>]*w:linePitch="579"/);
  });

  test('the page number footer and the Normal style use the 公文 fonts', async () => {
    const { zip } = await unzip(report);
    const footerName = Object.keys(zip.files).find((n) => /^word\/footer\d*\.xml$/.test(n))!;
    const footer = await zip.file(footerName)!.async('string');
    expect(footer).toContain('PAGE');
    expect(footer).toContain(fontAttr('宋体'));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain(fontAttr('仿宋_GB2312'));
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
    const src = fs.readFileSync(path.join(__dirname, '../src/export/docx.ts'), 'utf8');
    const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['../engine/types', 'docx']);
  });
});
