/** Spec §3: reading targets and actuals. */
import { evaluateFound } from '../helpers/evaluate';
import { readActual, readTarget, alignQuantities, readNumber } from '../../src/engine/quantity';
import { selectTier } from '../../src/engine/qualitative';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import { table } from '../helpers/tables';

const t = (s: string | number, f = 'General') => readTarget(s, f);

describe('targets', () => {
  test.each([
    ['≥95%', '>=', 95, '%'],
    ['>=95%', '>=', 95, '%'],
    ['不低于95%', '>=', 95, '%'],
    ['＞＝９５％', '>=', 95, '%'],
    ['95%以上', '>=', 95, '%'],
    ['≤5%', '<=', 5, '%'],
    ['不高于5%', '<=', 5, '%'],
    ['=100%', '=', 100, '%'],
    ['100%', '>=', 100, '%'],
    ['≥2次', '>=', 2, '次'],
    ['≤90万元', '<=', 90, '万元'],
    ['10个', '>=', 10, '个'],
    ['≥ 95 %', '>=', 95, '%'],
  ])('%s', (text, comparator, value, unit) => {
    const r = t(text);
    expect(r.kind).toBe('numeric');
    if (r.kind !== 'numeric') return;
    expect(r.comparator).toBe(comparator);
    expect(r.quantity.value).toBeCloseTo(value as number, 10);
    expect(r.quantity.unit).toBe(unit);
  });
  test('no sign means ≥ and says so', () => {
    const r = t('100%');
    expect(r.kind === 'numeric' && r.signWritten).toBe(false);
  });
  test('a percent-formatted number target', () => {
    const r = t(0.95, '0%');
    expect(r.kind === 'numeric' && r.quantity).toEqual({ value: 95, unit: '%' });
  });
  test('qualitative, blank, error and unknown sign', () => {
    expect(t('达到预期').kind).toBe('qualitative');
    expect(t('12月底前完成').kind).toBe('qualitative');
    expect(t('').kind).toBe('blank');
    expect(t('#N/A').kind).toBe('error');
    expect(t('≈95%').kind).toBe('unknownSign');
    expect(t('约100').kind).toBe('unknownSign');
  });
});

describe('actuals', () => {
  test('95%, 95％, 95 % and 0.95 formatted as % all read 95 points', () => {
    for (const [v, f] of [['95%', 'General'], ['95％', 'General'], ['95 %', 'General'], [0.95, '0.00%']] as [string | number, string][]) {
      const a = readActual(v, f);
      expect(a.kind === 'numeric' && a.quantity.value).toBeCloseTo(95, 10);
    }
  });
  test('bare numbers in a % row: 96 and 0.96 both give 96 %, the ambiguous one with a note', () => {
    const target = { quantity: { value: 95, unit: '%' }, form: 'text' };
    const a96 = alignQuantities(target, { quantity: { value: 96, unit: '' }, form: 'bare' }, '');
    expect(a96.actual).toBe(96);
    expect(a96.notes).toEqual([]);
    const a096 = alignQuantities(target, { quantity: { value: 0.96, unit: '' }, form: 'bare' }, '');
    expect(a096.actual).toBeCloseTo(96, 10);
    expect(a096.notes[0]).toContain('按 96% 理解');
  });
  test('text that holds digits but is not a number is never guessed', () => {
    expect(readActual('约100', 'General').kind).toBe('unreadable');
    expect(readActual('100万元左右', 'General').kind).toBe('unreadable');
    expect(readActual('#DIV/0!', 'General').kind).toBe('error');
    expect(readActual('', 'General').kind).toBe('blank');
    expect(readActual('一百万', 'General').kind).toBe('qualitative');
    expect(readActual('96%%', 'General').kind).toBe('unreadable');
    expect(readNumber('3,410.44', 'General')).toMatchObject({ ok: true, quantity: { value: 3410.44 } });
  });
  test('约100 becomes an issue on its cell with the spec message, and the other rows still score', () => {
    const ev = evaluateFound([
      table([
        { l1: '履职效能', name: '甲', weight: 50, target: '100', actual: '约100' },
        { l1: '履职效能', name: '乙', weight: 50, target: '≥2次', actual: '2次' },
      ]),
    ]);
    const i = ev.issues.find((x) => x.kind === 'actualUnreadable')!;
    expect(i.severity).toBe('错误');
    expect(i.cell).toBe('部门整体支出绩效自评表!F8');
    expect(i.message).toBe('F8：实际完成值“约100”无法识别为数值，请填写数字，如 100 或 100%。');
    expect(ev.results!.indicators[1].score).toBe(50);
    expect(ev.results!.complete).toBe(false);
    expect(ev.plan!.writes.some((w) => w.purpose === 'total' || w.purpose === 'grade')).toBe(false);
  });
});

describe('qualitative words', () => {
  test.each([
    ['达成年度指标', 'met'],
    ['部分达成年度指标并具有一定效果', 'partial'],
    ['未达成年度指标且效果较差', 'unmet'],
    ['已完成', 'met'],
    ['基本完成', 'partial'],
    ['未达到', 'unmet'],
    ['效果明显', 'met'],
    ['说不清', null],
  ])('%s → %s', (text, tier) => {
    expect(selectTier(text, DEFAULT_SETTINGS)).toBe(tier);
  });
});

describe('texts quoted in the pane and the report are shown as Excel shows them', () => {
  test('a percent-formatted 1 reads 100%, decimals follow the format', async () => {
    const { displayText } = await import('../../src/engine/display');
    expect(displayText(1, '0%')).toBe('100%');
    expect(displayText(0.9547, '0.00%')).toBe('95.47%');
    expect(displayText(3410.44, '0.00')).toBe('3410.44');
    expect(displayText('≥95%', 'General')).toBe('≥95%');
    const ev = evaluateFound([table([{ l1: '履职效能', name: '甲', weight: 100, target: '≥95%', actual: { v: 1, f: '0%' } }])]);
    expect(ev.results!.indicators[0].actualText).toBe('100%');
  });
});
