/**
 * Rounding is a setting (domain.md §4, issue 10 point 5): half-up to 2 decimals (default), truncated to 2 decimals
 * (10 × 96.8517 % → 9.68), or whole points (86 % of 10 → 9); subtotals and the total are sums of the rounded
 * scores; the settings used are carried with the results. The setting's name lives in helpers/rounding.ts.
 */
import { found } from './helpers/evaluate';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, describeSettings, evaluateWorkbook, validateSettings } from '../src/engine';
import { main } from '../src/cli/main';
import { EXAMPLE, captureIo, tempDir } from './cliHelpers';
import { DOORS } from './helpers/doors';
import { layoutCases } from './helpers/layoutCases';
import { DEFAULT_ROUNDING, ROUNDING_MODES, ROUNDING_SETTING, roundingJson, roundingOf, roundingSettings, type RoundingMode } from './helpers/rounding';
import { reportedProblems, sheetProblems } from './helpers/tableAssertions';
import { table } from './helpers/tables';

describe('the rounding setting', () => {
  test(`defaults to ${DEFAULT_ROUNDING} (half-up to 2 decimals)`, () => {
    expect(roundingOf(DEFAULT_SETTINGS)).toBe(DEFAULT_ROUNDING);
    expect(roundingOf(validateSettings(undefined).settings)).toBe(DEFAULT_ROUNDING);
  });
  test.each(ROUNDING_MODES.map((m) => [m]))('%s is accepted as it is, with no error', (mode) => {
    const { settings, errors } = validateSettings(roundingJson(mode));
    expect(errors).toEqual([]);
    expect(roundingOf(settings)).toBe(mode);
    expect(roundingOf(validateSettings(JSON.parse(JSON.stringify(settings))).settings)).toBe(mode);
  });
  test('an unknown value falls back to the default with a Chinese message naming the setting', () => {
    const { settings, errors } = validateSettings({ [ROUNDING_SETTING]: 'ceiling' });
    expect(roundingOf(settings)).toBe(DEFAULT_ROUNDING);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(ROUNDING_SETTING);
    expect(errors[0]).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('the spec examples: budget 96.8517 %, an indicator at 86 % of 10, one at full 80', () => {
  const g = table(
    [
      { l1: '管理效率', l2: '预算管理', name: '预算完成率', weight: 10, target: '100%', actual: '' },
      { l1: '履职效能', l2: '产出数量', name: '办件数量', weight: 10, target: '≥100件', actual: '86件', reason: '人手不足' },
      { l1: '履职效能', l2: '产出质量', name: '办结率', weight: 80, target: '≥95%', actual: '96%' },
    ],
    { budget: { annual: 100, executed: 96.8517 } },
  );
  const cases: [RoundingMode, number, number, number][] = [
    ['halfUp2', 9.69, 8.6, 98.29],
    ['truncate2', 9.68, 8.6, 98.28],
    ['whole', 10, 9, 99],
  ];
  test.each(cases)('%s: budget item %d, 86 %% of 10 gives %d, total %d (the sum of the rounded scores)', (mode, budget, row, total) => {
    const ev = found(evaluateWorkbook([g], { settings: roundingSettings(mode) }));
    const r = ev.results;
    expect(r.indicators.map((i) => [i.name, i.score])).toEqual([['预算完成率', budget], ['办件数量', row], ['办结率', 80]]);
    expect(r.total).toBeCloseTo(total, 10);
    expect(r.grade).toBe('优');
    expect(roundingOf(ev.settings)).toBe(mode);
    const written = Object.fromEntries(ev.plan.writes.filter((w) => w.purpose !== 'rate' && w.purpose !== 'budgetActual').map((w) => [w.address, w.value]));
    expect(Object.values(written)).toEqual(expect.arrayContaining([budget, row, 80, total]));
  });
});

describe('our layouts under the other rounding settings', () => {
  const runs = layoutCases().flatMap((t) =>
    (Object.keys(t.expected.byRounding ?? {}) as RoundingMode[]).flatMap((mode) => DOORS.map((door) => ({ t, mode, door }))),
  );
  test('some layouts carry figures for truncated and whole points', () => {
    expect(new Set(runs.map((r) => r.mode))).toEqual(new Set(['truncate2', 'whole']));
  });
  test.each(runs.map((r) => [r.t.name, r.mode, r.door.name, r] as const))('%s under %s through the %s', async (_n, _m, _d, { t, mode, door }) => {
    const run = await door.run(t.file, mode);
    expect([...reportedProblems(run, t, mode), ...sheetProblems(run, t, mode)]).toEqual([]);
  });
});

describe('the settings line shown with the results names the rounding', () => {
  test.each([
    ['halfUp2', '每项得分四舍五入保留两位小数'],
    ['truncate2', '每项得分截尾保留两位小数'],
    ['whole', '每项得分四舍五入取整数分'],
  ] as [RoundingMode, string][])('%s: “%s” in the engine’s line, which the pane and the command line print', (mode, words) => {
    const line = describeSettings(roundingSettings(mode));
    expect(line.startsWith('计分设置：')).toBe(true);
    expect(line).toContain(words);
  });

  test('the command line prints it under the total', async () => {
    const dir = tempDir('selfeval-rounding-');
    try {
      const settings = path.join(dir, 's.json');
      fs.writeFileSync(settings, JSON.stringify(roundingJson('whole')));
      const io = captureIo();
      const code = await main(['score', EXAMPLE, '-o', path.join(dir, 'o.xlsx'), '--settings', settings], io);
      expect(code).toBe(0);
      expect(io.out()).toContain('每项得分四舍五入取整数分');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
