/**
 * The shared real tables (test/fixtures/real/, domain.md §2.1, issue 10): each gives exactly its expected.json
 * through the engine, the command line and the add-in (on a current Excel and on ExcelApi 1.1), with nothing the
 * user filled changed; 中江's weights adding up to 110 are flagged and a total is still written; 廊坊 under whole
 * points gives the figures its department published.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DOORS, type DoorRun } from './helpers/doors';
import { describeTableThroughDoor } from './helpers/caseSuite';
import { REAL_DIR, realCases } from './helpers/layoutCases';
import { reportedProblems, sheetProblems } from './helpers/tableAssertions';

const CASES = realCases();

test('the three shared real tables are here with their expected figures', () => {
  expect(CASES.map((c) => c.name)).toEqual(['chizhou-tangxi-weituo', 'langfang-spxx', 'zhongjiang-shuili']);
  for (const c of CASES) {
    expect(fs.existsSync(c.file)).toBe(true);
    expect(Object.keys(c.expected.rows).length).toBeGreaterThan(0);
  }
});

for (const t of CASES) for (const door of DOORS) describeTableThroughDoor(t, door);

describe('zhongjiang-shuili: weights adding up to 110 (一级 70+20+10, budget 10)', () => {
  const t = CASES.find((c) => c.name === 'zhongjiang-shuili')!;
  test.each(DOORS.map((d) => [d.name, d] as const))('through the %s: the 分值合计 issue names 110 and the total is written in H24', async (_n, door) => {
    const run = await door.run(t.file);
    const sums = run.reported.issues.filter((i) => /分值合计/.test(i.message));
    expect(sums.map((i) => i.message).join(' ')).toContain('110');
    expect(sums.every((i) => i.severity !== '错误')).toBe(true);
    const total = run.after.get(t.cells.sheet)?.get('H24');
    expect(typeof total?.value).toBe('number');
    expect(total?.value).toBeCloseTo(run.reported.total ?? NaN, 2);
  });
});

describe('langfang-spxx under the rounding setting "whole points" gives the published figures', () => {
  const t = CASES.find((c) => c.name === 'langfang-spxx')!;
  const published = JSON.parse(fs.readFileSync(path.join(REAL_DIR, 'langfang-spxx.published.json'), 'utf8')) as {
    budget: { rows: { score: number }[] };
    indicators: { row: number; score: number }[];
  };
  // The department published budget 9, row 14 score 9 and 10 for the others; the total is their sum, 98.
  const whole = {
    ...t,
    expected: {
      ...t.expected,
      byRounding: {
        whole: {
          budgetScore: published.budget.rows[0].score,
          rows: Object.fromEntries(published.indicators.map((i) => [String(i.row), i.score])),
          total: 98,
          grade: '优',
        },
      },
    },
  };
  test('the published copy says budget 9, row 14 9, the other eight rows 10', () => {
    expect(whole.expected.byRounding.whole.budgetScore).toBe(9);
    expect(whole.expected.byRounding.whole.rows['14']).toBe(9);
    expect(Object.values(whole.expected.byRounding.whole.rows).filter((s) => s === 10)).toHaveLength(8);
  });
  test.each(DOORS.map((d) => [d.name, d] as const))('through the %s', async (_n, door) => {
    const run: DoorRun = await door.run(t.file, 'whole');
    expect([...reportedProblems(run, whole, 'whole'), ...sheetProblems(run, whole, 'whole')]).toEqual([]);
  });
});
