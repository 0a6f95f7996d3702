/** fast-check properties of the engine. */
import { fcParams } from '../helpers/mutations';
import { evaluateFound } from '../helpers/evaluate';
import fc from 'fast-check';
import { scoreByComparator } from '../../src/engine/scoring';
import { readActual, readTarget } from '../../src/engine/quantity';
import { roundHalfUp } from '../../src/engine/rounding';
import { type SheetGrid, type CellValue } from '../../src/engine';
import { loadExample, setCell } from '../helpers/grid';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const weight = fc.double({ min: 0.5, max: 100, noNaN: true });
const amount = fc.double({ min: 0, max: 1e6, noNaN: true });
const comparator = fc.constantFrom('>=', '>', '<=', '<', '=') as fc.Arbitrary<'>=' | '>' | '<=' | '<' | '='>;

test('a score is always within [0, 分值]', () => {
  fc.assert(
    fc.property(comparator, weight, amount, amount, (c, w, t, a) => {
      const s = roundHalfUp(scoreByComparator(c, w, t, a));
      return s >= 0 && s <= roundHalfUp(w);
    }),
    fcParams(RUNS * 10),
  );
});

test('a 正向 score never falls when the actual rises; a 反向 one never rises', () => {
  fc.assert(
    fc.property(weight, amount, amount, amount, (w, t, a, d) => {
      const up = a + d;
      return (
        scoreByComparator('>=', w, t, up) >= scoreByComparator('>=', w, t, a) - 1e-9 &&
        scoreByComparator('<=', w, t, up) <= scoreByComparator('<=', w, t, a) + 1e-9
      );
    }),
    fcParams(RUNS * 10),
  );
});

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'0123456789.%％≥≤＞＜=约万元次个-+, 　一二不低于高'.split('')) }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('#DIV/0!', '#N/A', '', '—', 'NaN', 'Infinity', '1e309', '٣٤'),
);

test('reading never throws on any cell value', () => {
  fc.assert(
    fc.property(cellValue, fc.constantFrom('General', '0%', '0.00%', '@', ''), (v, f) => {
      readTarget(v, f);
      readActual(v, f);
      return true;
    }),
    fcParams(RUNS * 10),
  );
});

describe('over mutated copies of the example', () => {
  let base: SheetGrid;
  beforeAll(async () => {
    base = (await loadExample())[0];
  });
  // Inputs a user may change: the money block's amounts and every indicator's weight, target, actual, score, reason.
  const inputCells = [
    ...['C9', 'D9', 'E9', 'C10', 'D10', 'E10', 'C11', 'D11', 'E11'],
    ...Array.from({ length: 14 }, (_, i) => ['D', 'E', 'F', 'G', 'H'].map((c) => `${c}${13 + i}`)).flat(),
  ];
  const outputCells = new Set([
    'F8', 'F9', 'F10', 'F11', 'F18', 'G27', 'D28',
    ...Array.from({ length: 14 }, (_, i) => `G${13 + i}`),
  ]);
  const mutation = fc.array(fc.tuple(fc.constantFrom(...inputCells), cellValue), { minLength: 1, maxLength: 6 });

  test('the engine never throws, and the plan never touches a cell outside the output cells', () => {
    fc.assert(
      fc.property(mutation, (muts) => {
        const g = JSON.parse(JSON.stringify(base)) as SheetGrid;
        for (const [addr, v] of muts) setCell(g, addr, v);
        const ev = evaluateFound([g]);
        if (!ev.plan) return true;
        for (const w of ev.plan.writes) if (!outputCells.has(w.address)) return false;
        // Every score lies within its weight (rounded to 2 decimals, as the score is).
        for (const i of ev.results!.indicators) if (i.computed !== null && (i.computed < 0 || i.computed > roundHalfUp(i.weight ?? 0))) return false;
        return true;
      }),
      fcParams(RUNS),
    );
  });
});
