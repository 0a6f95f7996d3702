/**
 * The report as a .docx in 公文 style (GB/T 9704-2012 layout), for the pane's download and the command line.
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
import type { Report } from '../engine';

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

/** A4 with the 公文 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (text block 156 × 225 mm). */
const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
} as const;

/**
 * Line pitch: GB/T 9704 sets 22 lines of 28 characters in the 225 mm × 156 mm text block; 225 mm / 22 lines =
 * 28.95 pt, i.e. 579 twips, the exact spacing 公文 templates use. (A 28-line page would need 22.8 pt lines, less
 * than 1.5 × the 16 pt font, which no 公文 template uses: the "28" of the brief is the characters per line.)
 */
export const LINE_TWIPS = 579;

/**
 * Character grid: 156 mm = 442.2 pt holds 28 characters of 15.79 pt; Word adds charSpace / 4096 pt to the
 * 16 pt of the Normal font: (15.79 − 16) × 4096 ≈ −849.
 */
const CHAR_SPACE = -849;

/** Two characters of 三号 (2 × 16 pt = 640 twips); firstLineChars makes Word follow the character grid. */
const FIRST_LINE = { firstLine: 640, firstLineChars: 200 };

const EXACT_LINE = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function font(name: string): IRunOptions['font'] {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

function run(text: string, fontName: string, size: number, snapToGrid = true): TextRun {
  return new TextRun({
    text,
    font: font(fontName),
    size,
    language: { value: 'zh-CN', eastAsia: 'zh-CN' },
    ...(snapToGrid ? {} : { snapToGrid: false }),
  });
}

function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: EXACT_LINE,
    // Off the character grid: a 22 pt character would take two 15.8 pt cells and the title would look spaced out.
    children: [run(text, DOCX_FONTS.title, SIZE.erhao, false)],
  });
}

function blankLine(): Paragraph {
  return new Paragraph({ spacing: EXACT_LINE, children: [run('', DOCX_FONTS.body, SIZE.sanhao)] });
}

/** outlineLevel lets Word's navigation pane list the headings (0: 一、…, 1: （一）…). */
function indented(text: string, fontName: string, outlineLevel?: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    ...(outlineLevel === undefined ? {} : { outlineLevel }),
    spacing: EXACT_LINE,
    indent: FIRST_LINE,
    children: [run(text, fontName, SIZE.sanhao)],
  });
}

/** 公文 page number: “— 1 —” in 宋体 四号, centred. */
function pageNumberFooter(): Footer {
  const opts = { font: font(DOCX_FONTS.pageNumber), size: SIZE.sihao };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ ...opts, text: '— ' }), new TextRun({ ...opts, children: [PageNumber.CURRENT] }), new TextRun({ ...opts, text: ' —' })],
      }),
    ],
  });
}

/** Title, blank line, then each heading and its paragraphs, in the order of the report. */
function reportParagraphs(report: Report): Paragraph[] {
  const out: Paragraph[] = [titleParagraph(report.title), blankLine()];
  for (const s of report.sections) {
    out.push(indented(s.heading, s.level === 1 ? DOCX_FONTS.heading1 : DOCX_FONTS.heading2, s.level - 1));
    for (const p of s.paragraphs) out.push(indented(p, DOCX_FONTS.body));
  }
  return out;
}

function reportDocument(report: Report): Document {
  return new Document({
    title: report.title,
    creator: '绩效自评助手',
    styles: {
      default: {
        // The Normal font sets the character grid's base pitch (16 pt) and the text of empty paragraphs.
        document: { run: { font: font(DOCX_FONTS.body), size: SIZE.sanhao }, paragraph: { spacing: EXACT_LINE } },
      },
    },
    sections: [
      {
        properties: {
          page: PAGE,
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_TWIPS, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter() },
        children: reportParagraphs(report),
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function reportToDocx(report: Report): Promise<Uint8Array> {
  return Packer.pack(reportDocument(report), 'uint8array');
}
