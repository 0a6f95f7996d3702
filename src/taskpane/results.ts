/** Renders the scores: summary (总分, 等级, 预算完成率), level-1 subtotals, budget rows and each indicator. */
import { describeSettings, type Settings } from '../engine/settings';
import type { FoundEvaluation as Evaluation, IndicatorResult, Results } from '../engine/types';
import { append, button, clear, el } from './dom';
import { fmtNumber, fmtRate, fmtScore } from './format';
import { S } from './strings';

export interface ResultsHandlers {
  /** Take the computed score for a manual 得分 cell (local address). */
  onAcceptComputed: (scoreCell: string) => void;
}

/** host: the summary panel; detailsHost: the <details> holding one card per indicator. */
export function renderResults(host: HTMLElement, detailsHost: HTMLElement, evaluation: Evaluation, handlers: ResultsHandlers): void {
  clear(host);
  const results = evaluation.results;
  if (!results) {
    host.hidden = true;
    detailsHost.hidden = true;
    return;
  }
  host.hidden = false;
  append(
    host,
    el('h2', { class: 'section-title' }, S.resultsTitle),
    summary(results),
    weightNote(results, evaluation.settings.weightTotal),
    subtotals(results),
    budgetRows(results),
    settingsUsed(evaluation.settings),
  );
  const lost = results.indicators.filter((r) => r.lostPoints || r.score === null).length;
  const summaryEl = detailsHost.querySelector('summary');
  if (summaryEl) summaryEl.textContent = S.indicatorsSummary(results.indicators.length, lost);
  const body = detailsHost.querySelector<HTMLElement>('.indicators-body') ?? detailsHost;
  clear(body);
  append(body, indicators(results, handlers));
  detailsHost.hidden = false;
}

function summary(results: Results): HTMLElement {
  const rate = results.budget.total ? results.budget.total.rate : null;
  const card = (label: string, value: string, id: string, extra = '') =>
    el('div', { class: `stat ${extra}`.trim() }, el('div', { class: 'stat-label' }, label), el('div', { class: 'stat-value', id }, value));
  return el(
    'div',
    { class: 'stats' },
    card(S.total, results.complete ? fmtScore(results.total) : '—', 'result-total', 'stat-main'),
    card(S.grade, results.complete ? results.grade : '—', 'result-grade', `grade grade-${gradeClass(results.grade)}`),
    card(S.budgetRate, rate === null ? S.noRate : fmtRate(rate), 'result-rate'),
  );
}

function gradeClass(grade: string): string {
  return ({ 优: 'a', 良: 'b', 中: 'c', 差: 'd' } as Record<string, string>)[grade] ?? 'x';
}

function weightNote(results: Results, expected: number): HTMLElement | null {
  if (Math.abs(results.weightSum - expected) < 0.005) return null;
  return el('p', { class: 'note warn' }, S.weightSum(fmtNumber(results.weightSum), fmtNumber(expected)));
}

function subtotals(results: Results): HTMLElement | null {
  if (!results.groups.length) return null;
  const list = el('dl', { class: 'kv' });
  for (const g of results.groups) {
    append(list, el('dt', {}, g.level1), el('dd', {}, S.subtotalLine(fmtScore(g.score), fmtNumber(g.weight))));
  }
  return el('div', { class: 'block' }, el('h3', {}, S.subtotalsTitle), list);
}

function budgetRows(results: Results): HTMLElement | null {
  const rows = results.budget.rows;
  if (rows.length < 2 && !results.budget.totalComputedFromSources) return null;
  const list = el('dl', { class: 'kv' });
  for (const r of rows) append(list, el('dt', { class: r.sub ? 'sub' : '' }, r.name), el('dd', {}, fmtRate(r.rate)));
  return el(
    'div',
    { class: 'block' },
    el('h3', {}, S.budgetRowsTitle),
    list,
    results.budget.totalComputedFromSources ? el('p', { class: 'note' }, S.totalFromSources) : null,
  );
}

function indicators(results: Results, handlers: ResultsHandlers): HTMLElement {
  const list = el('ol', { class: 'indicators', attrs: { 'aria-label': S.indicatorsTitle } });
  const budgetRate = results.budget.total ? fmtRate(results.budget.total.rate) : '';
  let level1 = '';
  for (const r of results.indicators) {
    if (r.level1 && r.level1 !== level1) {
      level1 = r.level1;
      append(list, el('li', { class: 'group-label', attrs: { role: 'presentation' } }, level1));
    }
    append(list, indicator(r, handlers, budgetRate));
  }
  return list;
}

function indicator(r: IndicatorResult, handlers: ResultsHandlers, budgetRate: string): HTMLElement {
  const lost = r.lostPoints || r.score === null;
  const item = el('li', { class: `indicator${lost ? ' lost' : ''}${r.manual ? ' manual' : ''}` });
  const path = [r.level2, r.name].filter(Boolean).join(' › ');
  append(item, 
    el(
      'div',
      { class: 'ind-head' },
      el('span', { class: 'ind-name' }, path || r.name),
      el('span', { class: 'ind-score' }, r.score === null ? S.notScored : `${fmtScore(r.score)} / ${fmtNumber(r.weight)}`),
    ),
    el(
      'div',
      { class: 'ind-facts small' },
      fact(S.targetLabel, r.targetText),
      fact(S.actualLabel, r.actualText || (r.method === '预算完成率' ? budgetRate : '')),
      fact(S.weightLabel, fmtNumber(r.weight)),
      r.lostPoints ? el('span', { class: 'badge badge-warn' }, S.lostPoints) : null,
    ),
    r.explanation ? el('div', { class: 'ind-expl small muted' }, r.explanation) : null,
  );
  if (r.manual) {
    append(item, 
      el(
        'div',
        { class: 'manual-box small' },
        el('span', { class: 'badge badge-info' }, S.manualBadge),
        ' ',
        S.manualDetail(fmtScore(r.manual.value), fmtScore(r.manual.computed)),
        // Bands exist only for 定性 rows (spec §4): a typed score outside its tier's band.
        r.method === '定性' && !r.manual.inBand ? el('div', { class: 'warn-text' }, S.manualOutOfBand) : null,
      ),
    );
    if (r.manual.computed !== null && r.cells.score) {
      const scoreCell = r.cells.score;
      append(item, 
        button(S.acceptComputed, () => handlers.onAcceptComputed(scoreCell), {
          class: 'btn btn-small',
          ariaLabel: S.acceptComputedLabel(r.name),
        }),
      );
    }
  }
  return item;
}

function fact(label: string, value: string): HTMLElement {
  return el('span', { class: 'fact' }, el('span', { class: 'fact-label' }, `${label} `), value || '—');
}

/** The settings the results were computed with, shown beside them (the engine words them for every door). */
function settingsUsed(settings: Settings): HTMLElement {
  return el('p', { class: 'muted small' }, describeSettings(settings));
}
