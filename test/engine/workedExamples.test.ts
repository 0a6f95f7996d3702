/** Spec §4's worked examples, by name, through the pure rules and through the whole engine. */
import { evaluateFound } from '../helpers/evaluate';
import { scorePositive, scoreNegative, scoreBudget, scoreEqual } from '../../src/engine/scoring';
import { roundHalfUp } from '../../src/engine/rounding';
import { DEFAULT_SETTINGS, validateSettings } from '../../src/engine/settings';
import { table } from '../helpers/tables';

const score = (name: string, target: string, actual: string, weight = 10, l1 = '履职效能'): number | null => {
  const ev = evaluateFound([table([{ l1, l2: '产出', name, weight, target, actual, reason: '原因' }])]);
  return ev.results!.indicators.find((i) => i.name === name)!.score;
};

describe('spec §4 worked examples (分值 10)', () => {
  test('≥95%, actual 90% → 10 × 90/95 = 9.47', () => {
    expect(roundHalfUp(scorePositive(10, 95, 90))).toBe(9.47);
    expect(score('按期办结率', '≥95%', '90%')).toBe(9.47);
  });
  test('≤5%, actual 6% → 10 × (1 − 1/5) = 8.00', () => {
    expect(roundHalfUp(scoreNegative(10, 5, 6))).toBe(8);
    expect(score('差错率', '≤5%', '6%')).toBe(8);
  });
  test('≤5%, actual 12% → 0', () => {
    expect(scoreNegative(10, 5, 12)).toBe(0);
    expect(score('差错率', '≤5%', '12%')).toBe(0);
  });
  test('≥2次, actual 1次 → 5.00', () => {
    expect(score('培训次数', '≥2次', '1次')).toBe(5);
  });
  test('达到预期, actual 基本达到 → 7.00', () => {
    expect(score('服务效果', '达到预期', '基本达到')).toBe(7);
  });
  test('budget 3410.44 / 3410.44 → 100.00 %, score 10.00', () => {
    const ev = evaluateFound([
      table([{ l1: '管理效率', l2: '预算执行', name: '预算完成率', weight: 10, target: '100%', actual: '' }, { l1: '履职效能', l2: '产出', name: '其他', weight: 90, target: '≥1次', actual: '1次' }], {
        budget: { annual: 3410.44, executed: 3410.44 },
      }),
    ]);
    const r = ev.results!;
    expect(r.budget.total!.rate).toBe(1);
    expect(r.indicators[0].score).toBe(10);
    expect(r.total).toBe(100);
    const actualWrite = ev.plan!.writes.find((w) => w.purpose === 'budgetActual')!;
    expect(actualWrite.value).toBe(1);
    expect(actualWrite.numberFormat).toBe('0.00%');
  });
});

describe('the other rules of §4', () => {
  test('反向 between target and twice the target, and a target of 0', () => {
    expect(roundHalfUp(scoreNegative(10, 5, 7.5))).toBe(5);
    expect(scoreNegative(10, 0, 0)).toBe(10);
    expect(scoreNegative(10, 0, 1)).toBe(0);
    expect(score('安全事故', '≤0起', '0起')).toBe(10);
    expect(score('安全事故', '≤0起', '1起')).toBe(0);
  });
  test('等于: as 正向 above 0; exactly equal at 0', () => {
    expect(roundHalfUp(scoreEqual(10, 100, 80))).toBe(8);
    expect(scoreEqual(10, 0, 0)).toBe(10);
    expect(scoreEqual(10, 0, 1)).toBe(0);
    expect(score('覆盖率', '=100%', '80%')).toBe(8);
  });
  test('over-achievement gives no bonus and is flagged at 130 %', () => {
    const ev = evaluateFound([table([{ l1: '履职效能', name: '办件量', weight: 100, target: '≥100件', actual: '150件' }])]);
    expect(ev.results!.indicators[0].score).toBe(100);
    expect(ev.issues.some((i) => i.kind === 'overAchievement' && i.cell.endsWith('!F8'))).toBe(true);
  });
  test('qualitative tiers: full names first, then the lower tier wins among words', () => {
    expect(score('效果', '效果明显', '部分达成年度指标并具有一定效果')).toBe(7);
    expect(score('效果', '效果明显', '未达到')).toBe(3);
    expect(score('效果', '效果明显', '基本完成')).toBe(7);
    expect(score('效果', '效果明显', '达成年度指标')).toBe(10);
    expect(score('效果', '效果明显', '未达成年度指标且效果较差')).toBe(3);
  });
  test('budget bands setting: 100% full, [80,100) 70 %, [60,80) 50 %, below 60 % 0', () => {
    const bands = validateSettings({ budgetRule: 'bands' }).settings;
    expect(scoreBudget(10, 1, bands)).toBe(10);
    expect(scoreBudget(10, 0.85, bands)).toBe(7);
    expect(scoreBudget(10, 0.6, bands)).toBe(5);
    expect(scoreBudget(10, 0.59, bands)).toBe(0);
    expect(scoreBudget(10, 0.85, DEFAULT_SETTINGS)).toBeCloseTo(8.5, 10);
  });
  test('rounding half-up to 2 decimals; totals are sums of rounded scores', () => {
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(roundHalfUp(9.4736842)).toBe(9.47);
    expect(roundHalfUp(2.675)).toBe(2.68);
    // 3 × 10 × 2/3 = 6.67 each; the total is 20.01, not round(20.0)
    const ev = evaluateFound([
      table(['甲', '乙', '丙'].map((n) => ({ l1: '履职效能', name: n, weight: 10, target: '≥3次', actual: '2次', reason: '原因' }))),
    ]);
    expect(ev.results!.indicators.map((i) => i.score)).toEqual([6.67, 6.67, 6.67]);
    expect(ev.results!.total).toBe(20.01);
  });
  test('grades: 90 优, 89.99 良, 80 良, 79.99 中, 60 中, 59.99 差', () => {
    const g = (s: number): string => {
      const ev = evaluateFound([table([{ l1: '履职效能', name: '甲', weight: 100, target: '≥100', actual: s, reason: 'r' }])]);
      return ev.results!.grade;
    };
    expect([g(90), g(89.99), g(80), g(79.99), g(60), g(59.99)]).toEqual(['优', '良', '良', '中', '中', '差']);
  });
  test('weights that do not add up to 100 are scored anyway, with the sum shown', () => {
    const ev = evaluateFound([table([{ l1: '履职效能', name: '甲', weight: 95, target: '≥1次', actual: '1次' }])]);
    expect(ev.results!.total).toBe(95);
    expect(ev.issues.find((i) => i.kind === 'weightSum')!.message).toContain('分值合计为 95，应为 100。');
  });
  test('a row that loses points with no deviation reason asks for one', () => {
    const ev = evaluateFound([table([{ l1: '履职效能', name: '甲', weight: 100, target: '≥95%', actual: '90%' }])]);
    expect(ev.issues.find((i) => i.kind === 'reasonMissing')!.message).toContain('请填写偏差原因');
  });
});
