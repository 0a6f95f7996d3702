/** Settings (spec §4): one validated, serialisable object; every result carries the settings it used. */
import { evaluateFound } from '../helpers/evaluate';
import { DEFAULT_SETTINGS, validateSettings } from '../../src/engine';
import { table } from '../helpers/tables';

test('defaults are the national practice', () => {
  expect(DEFAULT_SETTINGS.budgetRule).toBe('linear');
  expect(DEFAULT_SETTINGS.grades.map((g) => [g.grade, g.min])).toEqual([['优', 90], ['良', 80], ['中', 60], ['差', 0]]);
  expect(DEFAULT_SETTINGS.tiers.map((t) => [t.key, t.band, t.default])).toEqual([
    ['met', [0.8, 1], 1], ['partial', [0.6, 0.8], 0.7], ['unmet', [0, 0.6], 0.3],
  ]);
  expect(DEFAULT_SETTINGS.overAchievement).toBe(1.3);
});

test('invalid fields fall back to defaults with a Chinese message each; valid ones are kept', () => {
  const { settings, errors } = validateSettings({ budgetRule: 'steps', overAchievement: 0.5, grades: [{ grade: 'A', min: 85 }, { grade: 'B', min: 0 }] });
  expect(settings.budgetRule).toBe('linear');
  expect(settings.overAchievement).toBe(1.3);
  expect(settings.grades).toEqual([{ grade: 'A', min: 85 }, { grade: 'B', min: 0 }]);
  expect(errors).toHaveLength(2);
  expect(errors[0]).toMatch(/[\u4e00-\u9fa5]/);
  expect(validateSettings('nonsense').errors).toHaveLength(1);
  const tiers = JSON.parse(JSON.stringify(DEFAULT_SETTINGS.tiers));
  tiers[1].default = 0.9; // outside its band [0.6, 0.8]
  expect(validateSettings({ tiers }).errors[0]).toContain('tiers');
});

test('settings survive JSON and every result carries the ones it used', () => {
  const s = validateSettings(JSON.parse(JSON.stringify({ ...DEFAULT_SETTINGS, grades: [{ grade: '合格', min: 60 }, { grade: '不合格', min: 0 }] }))).settings;
  const ev = evaluateFound([table([{ l1: '履职效能', name: '甲', weight: 100, target: '≥100', actual: 70, reason: 'r' }])], { settings: s });
  expect(ev.settings).toBe(s);
  expect(ev.results!.grade).toBe('合格');
});

test('changing the tier default changes the qualitative score inside its band', () => {
  const tiers = JSON.parse(JSON.stringify(DEFAULT_SETTINGS.tiers));
  tiers[1].default = 0.75;
  const s = validateSettings({ tiers }).settings;
  const ev = evaluateFound([table([{ l1: '履职效能', name: '甲', weight: 100, target: '达到预期', actual: '基本达到', reason: 'r' }])], { settings: s });
  expect(ev.results!.indicators[0].score).toBe(75);
});
