/**
 * The 计分设置 panel (spec §4): budget rule and bands, over-achievement threshold, weight total, grade bands,
 * qualitative tier defaults and words. Checked with the engine's validateSettings before it is saved.
 */
import { DEFAULT_SETTINGS, validateSettings, type Settings } from '../engine/settings';
import { append, button, clear, el } from './dom';
import { fromPercentField, toPercentField } from './format';
import { S } from './strings';

export interface SettingsHandlers {
  save: (settings: Settings) => Promise<void>;
  notify: (message: string, kind?: 'info' | 'error') => void;
}

let uid = 0;
function field(label: string, value: string, opts: { name: string; wide?: boolean; multiline?: boolean }): HTMLElement {
  const id = `set-${opts.name}-${++uid}`;
  const input = opts.multiline
    ? el('textarea', { id, attrs: { name: opts.name, rows: '2', spellcheck: 'false' } })
    : el('input', { id, attrs: { type: 'text', name: opts.name, inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false' } });
  input.value = value;
  return el('div', { class: `field${opts.wide ? ' wide' : ''}` }, el('label', { attrs: { for: id } }, label), input);
}

function radio(name: string, value: string, label: string, checked: boolean): HTMLElement {
  const id = `set-${name}-${value}`;
  const input = el('input', { id, attrs: { type: 'radio', name, value } });
  input.checked = checked;
  return el('div', { class: 'radio' }, input, el('label', { attrs: { for: id } }, label));
}

export function renderSettings(host: HTMLElement, settings: Settings, storedErrors: string[], handlers: SettingsHandlers): void {
  const body = host.querySelector<HTMLElement>('.settings-body') ?? host;
  clear(body);
  const form = el('form', { class: 'settings-form', attrs: { novalidate: '' } });
  const errorsBox = el('div', { class: 'form-errors', attrs: { role: 'alert' } });
  append(form, el('p', { class: 'muted small' }, S.settingsIntro));
  if (storedErrors.length) {
    append(form, el('div', { class: 'note warn' }, S.settingsStoredErrors, el('ul', {}, ...storedErrors.map((e) => el('li', {}, e)))));
  }

  const bands = el('div', { class: 'bands', hidden: settings.budgetRule !== 'bands' });
  settings.budgetBands.forEach((b, i) => {
    append(bands, 
      el(
        'div',
        { class: 'field-row' },
        field(S.bandMin(i + 1), toPercentField(b.min), { name: `bandMin${i}` }),
        field(S.bandRatio(i + 1), toPercentField(b.ratio), { name: `bandRatio${i}` }),
      ),
    );
  });
  append(form, 
    el(
      'fieldset',
      {},
      el('legend', {}, S.budgetRuleLegend),
      radio('budgetRule', 'linear', S.budgetRuleLinear, settings.budgetRule === 'linear'),
      radio('budgetRule', 'bands', S.budgetRuleBands, settings.budgetRule === 'bands'),
      bands,
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, S.roundingLegend),
      radio('rounding', 'halfUp2', S.roundingHalfUp2, settings.rounding === 'halfUp2'),
      radio('rounding', 'truncate2', S.roundingTruncate2, settings.rounding === 'truncate2'),
      radio('rounding', 'whole', S.roundingWhole, settings.rounding === 'whole'),
    ),
    el(
      'div',
      { class: 'field-row' },
      field(S.overAchievement, toPercentField(settings.overAchievement), { name: 'overAchievement', wide: true }),
    ),
    el('div', { class: 'field-row' }, field(S.weightTotal, String(settings.weightTotal), { name: 'weightTotal' })),
  );

  // The bands matter only for the 分档 rule: shown when it is chosen.
  form.addEventListener('change', (ev) => {
    const t = ev.target as HTMLInputElement;
    if (t.name === 'budgetRule') bands.hidden = t.value !== 'bands';
  });

  const grades = el('fieldset', {}, el('legend', {}, S.gradesLegend));
  const gradeRow = el('div', { class: 'field-row' });
  settings.grades.forEach((g, i) => append(gradeRow, field(S.gradeMin(g.grade), String(g.min), { name: `grade${i}` })));
  append(grades, gradeRow);
  append(form, grades);

  const tiers = el('fieldset', {}, el('legend', {}, S.tiersLegend));
  settings.tiers.forEach((t, i) => {
    append(tiers, 
      field(S.tierDefault(t.name, toPercentField(t.band[0]), toPercentField(t.band[1])), toPercentField(t.default), {
        name: `tierDefault${i}`,
        wide: true,
      }),
      field(S.tierWords(t.name), t.words.join('、'), { name: `tierWords${i}`, wide: true, multiline: true }),
    );
  });
  append(form, tiers);

  const saveBtn = el('button', { class: 'btn btn-primary', attrs: { type: 'submit' } }, S.saveSettings);
  append(form, 
    errorsBox,
    el(
      'div',
      { class: 'toolbar' },
      saveBtn,
      button(S.resetSettings, () => {
        renderSettings(host, validateSettings(DEFAULT_SETTINGS).settings, [], handlers);
        handlers.notify(S.settingsReset);
      }),
    ),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clear(errorsBox);
    const { settings: next, errors } = readForm(form, settings);
    if (errors.length) {
      append(errorsBox, S.settingsInvalid, el('ul', {}, ...errors.map((e) => el('li', {}, e))));
      handlers.notify(S.settingsInvalid + errors[0], 'error');
      return;
    }
    saveBtn.disabled = true;
    handlers
      .save(next)
      .then(() => handlers.notify(S.settingsSaved))
      .catch((e: unknown) => handlers.notify(S.unexpected(e instanceof Error ? e.message : String(e)), 'error'))
      .finally(() => {
        saveBtn.disabled = false;
      });
  });
  append(body, form);
}

/** Reads the form into a settings object; errors in Chinese (from the form, then from validateSettings). */
export function readForm(form: HTMLFormElement, base: Settings): { settings: Settings; errors: string[] } {
  const errors: string[] = [];
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';
  const labelOf = (name: string) => {
    const input = form.elements.namedItem(name) as HTMLInputElement | null;
    return input?.labels?.[0]?.textContent ?? name;
  };
  const percent = (name: string): number => {
    const n = fromPercentField(value(name));
    if (n === null) errors.push(S.numberRequired(labelOf(name)));
    return n ?? NaN;
  };
  const plain = (name: string): number => {
    const t = value(name).trim();
    const n = t ? Number(t) : NaN;
    if (!Number.isFinite(n)) errors.push(S.numberRequired(labelOf(name)));
    return n;
  };
  const rule = (form.querySelector('input[name="budgetRule"]:checked') as HTMLInputElement | null)?.value ?? base.budgetRule;
  const rounding = (form.querySelector('input[name="rounding"]:checked') as HTMLInputElement | null)?.value ?? base.rounding;
  const raw = {
    version: 1,
    budgetRule: rule,
    rounding,
    budgetBands: base.budgetBands.map((_, i) => ({ min: percent(`bandMin${i}`), ratio: percent(`bandRatio${i}`) })),
    overAchievement: percent('overAchievement'),
    weightTotal: plain('weightTotal'),
    grades: base.grades.map((g, i) => ({ grade: g.grade, min: plain(`grade${i}`) })),
    tiers: base.tiers.map((t, i) => ({
      ...t,
      default: percent(`tierDefault${i}`),
      words: value(`tierWords${i}`)
        .split(/[、，,；;\s]+/)
        .map((w) => w.trim())
        .filter(Boolean),
    })),
  };
  if (errors.length) return { settings: base, errors };
  const checked = validateSettings(raw);
  return { settings: checked.settings, errors: checked.errors };
}
