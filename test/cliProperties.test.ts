/**
 * Properties of `selfeval score` and `selfeval restore` over mutated copies of the example, in-process (scoreFile
 * and main): never an unhandled exception, no write outside the allowed cells, scoring the output again changes
 * nothing, and restore gives back exactly the original cells. Run counts: FC_RUNS (see docs/reliability.md).
 */
import { evaluateFound } from './helpers/evaluate';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { main } from '../src/cli/main';
import { scoreFile } from '../src/cli/scoreFile';
import { CliError } from '../src/cli/io';
import { REPORT_SHEET } from '../src/engine/reportSheet';
import { STORE_SHEET } from '../src/engine/store';
import { EXAMPLE, SHEET, captureIo, differences, readBook, readStore, snapshot, tempDir, workbookGrids } from './cliHelpers';
import { allowedCells, fcParams, mutations, runs, structureMutations, type Mutation } from './helpers/mutations';

const RUNS = runs(10);
// Raised run counts need more than the default timeout.
jest.setTimeout(Math.max(60000, RUNS * 1000));
const NOW = new Date('2025-03-01T08:00:00.000Z');
let dir: string;
let allowed: Set<string>;
let n = 0;

beforeAll(async () => {
  dir = tempDir('selfeval-prop-');
  const ev = evaluateFound(workbookGrids(await readBook(EXAMPLE)));
  allowed = allowedCells(ev.table!);
  expect(allowed.size).toBe(21);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A mutated copy of the example on disk. */
async function mutatedFile(muts: Mutation[]): Promise<string> {
  const wb = await readBook(EXAMPLE);
  const ws = wb.getWorksheet(SHEET)!;
  for (const m of muts) {
    const cell = ws.getCell(m.address);
    cell.value = m.formula ? { formula: m.formula.slice(1), result: m.value as never } : m.value === '' ? null : m.value;
    if (m.numberFormat !== undefined) cell.numFmt = m.numberFormat;
  }
  const file = path.join(dir, `in-${++n}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Scores in-process; a CliError (a message for the user) is an outcome, anything else an unhandled exception. */
async function score(input: string, output: string) {
  try {
    return await scoreFile(input, { output, now: NOW });
  } catch (e) {
    if (e instanceof CliError) {
      expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
      return null;
    }
    throw e;
  }
}

test('score never throws, and changes only the allowed cells, adding only the report and store sheets', async () => {
  await fc.assert(
    fc.asyncProperty(mutations, async (muts) => {
      const input = await mutatedFile(muts);
      const output = input.replace(/\.xlsx$/, '.out.xlsx');
      const o = await score(input, output);
      if (!o) return;
      const before = snapshot(await readBook(input));
      const after = snapshot(await readBook(output));
      const diffs = differences(before, after, { sheets: [STORE_SHEET, o.reportSheet], cells: allowed, cellSheet: SHEET });
      expect(diffs).toEqual([]);
      expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual([o.reportSheet, STORE_SHEET].sort());
      expect(o.reportSheet).toBe(REPORT_SHEET);
      expect(o.skipped).toEqual([]);
      // Formulas in allowed cells are kept too.
      for (const a of allowed) expect(after.get(SHEET)!.cells.get(a)?.formula ?? null).toBe(before.get(SHEET)!.cells.get(a)?.formula ?? null);
    }),
    fcParams(RUNS),
  );
});

test('scoring the scored file again leaves it exactly as it was', async () => {
  await fc.assert(
    fc.asyncProperty(mutations, async (muts) => {
      const input = await mutatedFile(muts);
      const once = input.replace(/\.xlsx$/, '.once.xlsx');
      const twice = input.replace(/\.xlsx$/, '.twice.xlsx');
      if (!(await score(input, once))) return;
      const o2 = await score(once, twice);
      expect(o2).not.toBeNull();
      const a = snapshot(await readBook(once));
      const b = snapshot(await readBook(twice));
      expect(differences(a, b, { sheets: [], cells: new Set(), cellSheet: '' })).toEqual([]);
      expect(readStore(await readBook(twice))).toEqual(readStore(await readBook(once)));
    }),
    fcParams(RUNS),
  );
});

test('restore after scoring gives back exactly the original cells and sheets', async () => {
  await fc.assert(
    fc.asyncProperty(mutations, async (muts) => {
      const input = await mutatedFile(muts);
      const scored = input.replace(/\.xlsx$/, '.scored.xlsx');
      const restored = input.replace(/\.xlsx$/, '.restored.xlsx');
      if (!(await score(input, scored))) return;
      const io = captureIo();
      const code = await main(['restore', scored, '-o', restored], io);
      expect([code, io.err()]).toEqual([0, '']);
      const before = snapshot(await readBook(input));
      const after = snapshot(await readBook(restored));
      expect(differences(before, after, { sheets: [STORE_SHEET], cells: new Set(), cellSheet: '' })).toEqual([]);
      expect(readStore(await readBook(restored)).record).toBeNull();
    }),
    fcParams(RUNS),
  );
});

test('labels changed anywhere (the shape of the table changes): writes only in the output cells of that table, exact restore', async () => {
  await fc.assert(
    fc.asyncProperty(structureMutations, async (muts) => {
      const input = await mutatedFile(muts);
      const scored = input.replace(/\.xlsx$/, '.scored.xlsx');
      const restored = input.replace(/\.xlsx$/, '.restored.xlsx');
      const o = await score(input, scored);
      if (!o) return;
      const before = snapshot(await readBook(input));
      const mine = allowedCells(o.evaluation.table!);
      const after = snapshot(await readBook(scored));
      expect(differences(before, after, { sheets: [STORE_SHEET, o.reportSheet], cells: mine, cellSheet: o.evaluation.sheet })).toEqual([]);
      const io = captureIo();
      expect(await main(['restore', scored, '-o', restored], io)).toBe(0);
      expect(differences(before, snapshot(await readBook(restored)), { sheets: [STORE_SHEET], cells: new Set(), cellSheet: '' })).toEqual([]);
    }),
    fcParams(RUNS),
  );
});
