/**
 * One draft, one text: the report sheet, the pane (its article and 复制全文) and the .docx all show the Report that
 * buildReport made — 附件 label, title, headings, paragraphs and 落款, in the same order.
 */
import JSZip from 'jszip';
import { buildReport, reportText } from '../src/engine/report';
import { reportSheetRows } from '../src/engine/reportSheet';
import { reportToDocx } from '../src/export/docx';
import { renderReport } from '../src/taskpane/report';
import { FakeElement, installFakeDom } from './helpers/fakeDom';
import { FULL_MATERIAL, makeEvaluation } from './fixtures/reportFixtures';

const report = buildReport(makeEvaluation(), { ...FULL_MATERIAL, attachmentLabel: '附件2' });
const lines = reportText(report).split('\n');

test('the text has the 附件 label first and the 落款 last', () => {
  expect(lines[0]).toBe('附件2');
  expect(lines[1]).toBe(report.title);
  expect(lines.slice(-2)).toEqual([report.signature!.unit, report.signature!.date]);
});

test('the report sheet: one row a line, the title in the title style', () => {
  const rows = reportSheetRows(report);
  expect(rows.map((r) => r.text)).toEqual(lines);
  expect(rows.filter((r) => r.style === 'title').map((r) => r.text)).toEqual([report.title]);
});

test('the pane shows the same lines (buttons aside)', () => {
  const dom = installFakeDom();
  try {
    const host = new FakeElement('div');
    renderReport(host as unknown as HTMLElement, report, () => undefined);
    const article = host.all().find((e) => e.tagName === 'ARTICLE')!;
    const shown = article
      .all()
      .filter((e) => ['H3', 'H4', 'H5', 'P'].includes(e.tagName))
      .map((e) => e.texts().join(''));
    expect(shown).toEqual(lines);
  } finally {
    dom.uninstall();
  }
});

test('the .docx holds the same paragraphs', async () => {
  const zip = await JSZip.loadAsync(await reportToDocx(report));
  const xml = await zip.file('word/document.xml')!.async('string');
  const texts = (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
    .map((p) => (p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''))
    .filter((t) => t !== '')
    .map((t) => t.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  expect(texts).toEqual(lines);
});
