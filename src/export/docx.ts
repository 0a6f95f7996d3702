/**
 * The report as a .docx in 公文 style (GB/T 9704-2012), for the pane's download and the command line: A4 with the
 * 公文 margins, 22 lines of 28 characters, 方正小标宋 title broken at word boundaries, 黑体 / 楷体 headings,
 * 仿宋 text, the optional 附件N label top left, the 落款 (unit and date) after the text, and the page number
 * “— 1 —” 7 mm below the text block, odd pages right and even pages left, one character in.
 * Uses only the `docx` package and returns bytes, so it runs in Node and in the browser bundle alike.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import { printedWidth, titleLines, type Report } from '../engine';
import { stylesXml } from './docxStyles';

/** Font of each kind of text; the same name for East Asian and Latin text so that figures match the text. */
export const DOCX_FONTS = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
} as const;

/** Sizes in half-points (docx's unit): 二号 22pt, 三号 16pt, 四号 14pt. */
const SIZE = { erhao: 44, sanhao: 32, sihao: 28 } as const;

const MM = 1440 / 25.4; // twips per millimetre

/**
 * A4 with the 公文 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (text block 156 × 225 mm). The footer
 * distance puts the page number's line (四号, exactly PAGE_NUMBER_LINE high) so that the dashes of “— 1 —”, drawn
 * at the middle of the line, sit 7 mm below the text block: 35 − 7 = 28 mm above the page's lower edge, i.e. the
 * line's bottom half a line lower (checked on rendered pages, see scripts/render-docx.sh).
 */
export const PAGE_NUMBER_LINE = 280; // 14 pt
export const FOOTER_TWIPS = Math.round(28 * MM - PAGE_NUMBER_LINE / 2);
const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: {
    top: Math.round(37 * MM),
    bottom: Math.round(35 * MM),
    left: Math.round(28 * MM),
    right: Math.round(26 * MM),
    footer: FOOTER_TWIPS,
  },
} as const;

/**
 * Line pitch: GB/T 9704 sets 22 lines of 28 characters in the 225 mm × 156 mm text block; 225 mm / 22 lines =
 * 28.95 pt, i.e. 579 twips, the exact spacing 公文 templates use.
 */
export const LINE_TWIPS = 579;

/**
 * 28 characters a line: 156 mm = 442.2 pt holds 28 characters of 15.79 pt, so the 16 pt text is condensed by ¼ pt
 * (28 × 15.75 pt = 441 pt). A character grid (docGrid linesAndChars with a negative charSpace) does the same in Word,
 * but LibreOffice then puts each 16 pt character into two 15.79 pt cells (14 a line): the line grid with condensed
 * text gives 22 lines of 28 characters in both.
 */
const CONDENSED = -5; // twentieths of a point
/** One character of the text as set (16 pt − ¼ pt), in twips: the unit of indents. */
export const CHAR_TWIPS = 320 + CONDENSED;

/** 首行缩进二字: two characters as set, so that every line's characters stand in the same columns. */
const FIRST_LINE = { firstLine: 2 * CHAR_TWIPS };

const EXACT_LINE = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function font(name: string): IRunOptions['font'] {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

function run(text: string, fontName: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  const spacing = size === SIZE.sanhao ? { characterSpacing: CONDENSED } : {};
  return new TextRun({ text, font: font(fontName), size, language: { value: 'zh-CN', eastAsia: 'zh-CN' }, ...spacing, ...extra });
}

/** The title, one printed line per line of titleLines (a line break between them, one paragraph). */
function titleParagraph(lines: string[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: EXACT_LINE,
    children: lines.map((l, i) => run(l, DOCX_FONTS.title, SIZE.erhao, i ? { break: 1 } : {})),
  });
}

/** 附件2: 三号黑体, flush left on the first line (the title then starts on the third). */
function attachmentParagraph(label: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.LEFT, spacing: EXACT_LINE, children: [run(label, DOCX_FONTS.heading1, SIZE.sanhao)] });
}

function blankLine(keepNext = false): Paragraph {
  return new Paragraph({ spacing: EXACT_LINE, keepNext, children: [run('', DOCX_FONTS.body, SIZE.sanhao)] });
}

/** outlineLevel lets Word's navigation pane list the headings (0: 一、…, 1: （一）…). */
function indented(text: string, fontName: string, outlineLevel?: number, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    ...(outlineLevel === undefined ? {} : { outlineLevel }),
    spacing: EXACT_LINE,
    indent: FIRST_LINE,
    keepNext,
    children: [run(text, fontName, SIZE.sanhao)],
  });
}

/**
 * Right indents of the 落款, in characters (GB/T 9704-2012 7.3.5.3): the unit 右空二字, the date on the next line
 * starting two characters right of the unit's first character; a date longer than that allows is set 右空二字
 * and the unit moves left to keep the two-character step.
 */
export function signatureIndents(unit: string, date: string): { unit: number; date: number } {
  const u = printedWidth(unit);
  const d = printedWidth(date);
  const dateRight = Math.max(2, u - d);
  return { unit: dateRight + d + 2 - u, date: dateRight };
}

function rightAligned(text: string, indentChars: number, keepNext: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: EXACT_LINE,
    indent: { right: Math.round(indentChars * CHAR_TWIPS) },
    keepNext,
    children: [run(text, DOCX_FONTS.body, SIZE.sanhao)],
  });
}

/** 正文下空一行, then the unit and the date, kept on the page of the text's last paragraph. */
function signatureParagraphs(report: Report): Paragraph[] {
  if (!report.signature) return [];
  const { unit, date } = report.signature;
  const ind = signatureIndents(unit, date);
  return [blankLine(true), rightAligned(unit, ind.unit, true), rightAligned(date, ind.date, false)];
}

/** “— 1 —” in 4号宋体: odd pages right and even pages left, one character (of its own size) in. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const opts = { font: font(DOCX_FONTS.pageNumber), size: SIZE.sihao };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_LINE } : { left: PAGE_NUMBER_LINE },
        spacing: { line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ ...opts, text: '— ' }), new TextRun({ ...opts, children: [PageNumber.CURRENT] }), new TextRun({ ...opts, text: ' —' })],
      }),
    ],
  });
}

/** The title's printed lines: the report's own, else broken here (a Report built before titleLines existed). */
function linesOfTitle(report: Report): string[] {
  if (report.titleLines?.length && report.titleLines.join('') === report.title) return report.titleLines;
  const tail = '整体支出绩效自评报告';
  return report.title.endsWith(tail) ? titleLines(report.title.slice(0, -tail.length)) : [report.title];
}

/** 附件 label and a blank line (when given), title, blank line, each heading and its paragraphs, then the 落款. */
export function reportParagraphs(report: Report): Paragraph[] {
  const head = report.attachment ? [attachmentParagraph(report.attachment), blankLine()] : [];
  const out: Paragraph[] = [...head, titleParagraph(linesOfTitle(report)), blankLine()];
  const texts = report.sections.flatMap((s) => [
    { text: s.heading, font: s.level === 1 ? DOCX_FONTS.heading1 : DOCX_FONTS.heading2, outline: s.level - 1 },
    ...s.paragraphs.map((p) => ({ text: p, font: DOCX_FONTS.body as string, outline: undefined as number | undefined })),
  ]);
  // A heading never ends a page, and the 落款 never stands alone on one: each is kept with what follows it.
  const last = texts.length - 1;
  texts.forEach((t, i) => out.push(indented(t.text, t.font, t.outline, t.outline !== undefined || (Boolean(report.signature) && i === last))));
  return [...out, ...signatureParagraphs(report)];
}

export function reportDocument(report: Report): Document {
  return new Document({
    title: report.title,
    creator: '绩效自评助手',
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: PAGE,
          grid: { type: DocumentGridType.LINES, linePitch: LINE_TWIPS },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: reportParagraphs(report),
      },
    ],
  });
}

/** The .docx file's bytes (with the report's own styles.xml, see docxStyles.ts). */
export async function reportToDocx(report: Report): Promise<Uint8Array> {
  const styles = { path: 'word/styles.xml', data: stylesXml(DOCX_FONTS.body, SIZE.sanhao, LINE_TWIPS) };
  return Packer.pack(reportDocument(report), 'uint8array', false, [styles]);
}
