#!/usr/bin/env node
/**
 * Measures a rendered report against GB/T 9704-2012 (used by scripts/render-docx.sh):
 *   node scripts/measure-pages.js FILE.pdf PAGE_PREFIX
 * reads FILE.bbox.html (pdftotext -bbox-layout) for the text lines, and PAGE_PREFIX-N.pgm (pdftoppm -gray, 150 dpi)
 * for the ink of the page numbers. Prints, per page: lines of text, the most characters in a line, where the page
 * number's dashes sit below the text block and how far in from its side; on the last page, the 落款's right indents.
 * Exits 1 when a measure is outside its tolerance.
 */
'use strict';
const fs = require('fs');

const PT_PER_MM = 72 / 25.4;
const TEXT = { top: 37, bottom: 297 - 35, left: 28, right: 210 - 26 }; // text block, mm
const CHAR_MM = 156 / 28; // one character of 三号 text in the 28-character line
const PAGE_NUMBER_CHAR_MM = 14 / PT_PER_MM; // one character of 四号 (the page number's own size)

const [pdf, prefix] = process.argv.slice(2);
if (!pdf || !prefix) {
  console.error('usage: measure-pages.js FILE.pdf PAGE_PREFIX');
  process.exit(2);
}

/** Pages of pdftotext -bbox-layout: each line with its box (mm) and text. */
function readLines(file) {
  const html = fs.readFileSync(file, 'utf8');
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
      xMin: +m[1] / PT_PER_MM,
      yMin: +m[2] / PT_PER_MM,
      xMax: +m[3] / PT_PER_MM,
      yMax: +m[4] / PT_PER_MM,
      text: [...m[5].matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
    })),
  );
}

/** A binary PGM (P5): width, height, pixels. */
function readPgm(file) {
  const buf = fs.readFileSync(file);
  const header = buf.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  const [width, height] = [+header[1], +header[2]];
  return { width, height, px: buf.subarray(header[0].length) };
}

/** The page number's dashes: the rows below the text block holding a dark run at least 3.5 mm long (longer than a digit). */
function pageNumberInk(img) {
  const perMm = img.width / 210;
  const dashRows = [];
  let left = Infinity;
  let right = -Infinity;
  for (let y = Math.ceil((TEXT.bottom + 0.5) * perMm); y < img.height; y++) {
    let run = 0;
    let longest = 0;
    for (let x = 0; x < img.width; x++) {
      const dark = img.px[y * img.width + x] < 128;
      run = dark ? run + 1 : 0;
      longest = Math.max(longest, run);
      if (dark) [left, right] = [Math.min(left, x), Math.max(right, x)];
    }
    if (longest >= 3.5 * perMm) dashRows.push(y);
  }
  if (!dashRows.length) return null;
  const mid = (dashRows[0] + dashRows[dashRows.length - 1]) / 2 / perMm;
  return { belowText: mid - TEXT.bottom, leftIn: left / perMm - TEXT.left, rightIn: TEXT.right - (right + 1) / perMm };
}

/** Printed width in characters: Chinese 1, digits and Latin ½. */
const width = (text) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x100 ? 0.5 : 1), 0);
/** Word and LibreOffice let a closing punctuation mark hang past the right margin (标点溢出边界). */
const HANGING = /[，。、；：！？”）》]$/;

const pages = readLines(pdf.replace(/\.pdf$/, '.bbox.html'));
const problems = [];
const near = (value, want, tol) => Math.abs(value - want) <= tol;
console.log(`${pdf}: ${pages.length} pages`);
pages.forEach((lines, i) => {
  const n = i + 1;
  const body = lines.filter((l) => l.yMin >= TEXT.top - 1 && l.yMax <= TEXT.bottom + 1);
  const widest = Math.max(0, ...body.map((l) => width(l.text.replace(HANGING, ''))));
  const right = (l) => TEXT.right + 0.5 + (HANGING.test(l.text) ? CHAR_MM : 0);
  const outside = lines.filter((l) => l.xMin < TEXT.left - 0.5 || (l.xMax > right(l) && l.yMax <= TEXT.bottom + 1));
  const ink = pageNumberInk(readPgm(`${prefix}-${n}.pgm`));
  const side = n % 2 ? 'right' : 'left';
  const inset = ink ? (side === 'right' ? ink.rightIn : ink.leftIn) : NaN;
  console.log(
    `  page ${n}: ${body.length} lines, widest ${widest} characters; page number ` +
      (ink ? `${ink.belowText.toFixed(1)} mm below the text, ${side}, ${inset.toFixed(1)} mm in` : 'not found'),
  );
  if (body.length > 22) problems.push(`page ${n}: ${body.length} lines (at most 22)`);
  if (widest > 28) problems.push(`page ${n}: a line of ${widest} characters (at most 28)`);
  if (outside.length) problems.push(`page ${n}: text outside the text block: ${outside[0].text}`);
  if (!ink) problems.push(`page ${n}: no page number`);
  else {
    if (!near(ink.belowText, 7, 1)) problems.push(`page ${n}: page number ${ink.belowText.toFixed(1)} mm below the text (7 mm)`);
    if (!near(inset, PAGE_NUMBER_CHAR_MM, 1.5)) problems.push(`page ${n}: page number ${inset.toFixed(1)} mm in from the ${side} (one character)`);
  }
});

// The 落款: the last two lines of the last page, right-aligned; indents in characters of the text.
const last = pages[pages.length - 1].filter((l) => l.yMax <= TEXT.bottom + 1);
const [unit, date] = last.slice(-2);
if (unit && date) {
  const ind = (l) => (TEXT.right - l.xMax) / CHAR_MM;
  const step = (date.xMin - unit.xMin) / CHAR_MM;
  console.log(`  落款: “${unit.text}” ${ind(unit).toFixed(1)} characters from the right; “${date.text}” ${ind(date).toFixed(1)}; the date starts ${step.toFixed(1)} characters right of the unit`);
  // The step is not checked: LibreOffice adds space between Chinese and figures (autoSpaceDE/DN, which the .docx
  // turns off for Word), so a date with figures prints wider there than in Word.
  if (Math.min(ind(unit), ind(date)) < 1.5) problems.push('落款 closer than two characters to the right edge');
}
for (const p of problems) console.log(`  ✗ ${p}`);
process.exit(problems.length ? 1 : 0);
