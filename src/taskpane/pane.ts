/**
 * The task pane's behaviour, the same in every host: the buttons, the outcome renderers, settings and material.
 * It talks only to a PaneDoor (./door.ts); each host's entry (index.ts for Excel, src/wps/paneEntry.ts for WPS 表格)
 * hands it one.
 */
import type { CalculateOutcome, PaneDoor } from './door';
import { append, byId, clear, el } from './dom';
import { fmtScore } from './format';
import { renderIssues } from './issues';
import { renderMaterial } from './materialForm';
import { renderNotFound } from './notFound';
import { renderReport } from './report';
import { renderResults } from './results';
import { renderSettings } from './settingsPanel';
import { S } from './strings';
import { enableDetailsFallback, setOpen } from './webview';

let current: PaneDoor | null = null;

function door(): PaneDoor {
  if (!current) throw new Error('The pane was not started with a door.');
  return current;
}

type Kind = 'info' | 'error' | 'success';

export function notify(message: string, kind: Kind = 'info'): void {
  // The live region stays in the page (never hidden) so that screen readers announce every change; the text is
  // re-set after a pause so that a repeated message is announced too.
  const status = byId('status');
  status.className = `status status-${kind}`;
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = message;
  }, 30);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Busy state without `disabled`: a disabled button loses the keyboard focus, so the button stays focusable,
 * says aria-disabled, and the `working` flag ignores further clicks.
 */
function setBusy(btn: HTMLButtonElement, busy: boolean, busyLabel: string, label: string): void {
  btn.setAttribute('aria-disabled', busy ? 'true' : 'false');
  btn.setAttribute('aria-busy', busy ? 'true' : 'false');
  clear(btn);
  if (busy) append(btn, el('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), busyLabel);
  else append(btn, label);
  byId('app').setAttribute('aria-busy', busy ? 'true' : 'false');
}

let working = false;

async function runCalculate(acceptComputed?: string[]): Promise<void> {
  if (working) return;
  working = true;
  const btn = byId<HTMLButtonElement>('calculate');
  setBusy(btn, true, S.calculating, S.calculate);
  notify(S.calculating);
  try {
    const outcome = await door().calculate(acceptComputed ? { acceptComputed } : undefined);
    showOutcome(outcome);
    // The 采用计算值 button that had the focus is gone with the re-render: keep the focus near the news.
    if (acceptComputed) byId('status').focus();
  } catch (e) {
    notify(S.unexpected(errorText(e)), 'error');
  } finally {
    setBusy(btn, false, S.calculating, S.calculate);
    working = false;
  }
}

export function showOutcome(outcome: CalculateOutcome): void {
  const ev = outcome.evaluation;
  const notFound = byId('not-found');
  const results = byId('results');
  const issues = byId('issues');
  byId('intro').hidden = true;
  if (!ev || !ev.found) {
    renderNotFound(notFound, outcome.searched ?? ev?.searched ?? []);
    results.hidden = true;
    issues.hidden = true;
    byId('indicators').hidden = true;
    renderReport(byId('report'), null, notify);
    notify(outcome.message || S.notFoundTitle, 'error');
    return;
  }
  notFound.hidden = true;
  renderResults(results, byId('indicators'), ev, { onAcceptComputed: (cell) => void runCalculate([cell]) });
  renderIssues(issues, ev.issues, (cell) => void goToCell(cell));
  renderReport(byId('report'), outcome.report, notify);
  if (outcome.report) setOpen(byId('report'), true);
  byId<HTMLButtonElement>('restore').disabled = false;

  const parts: string[] = [];
  const r = ev.results;
  if (!outcome.ok) {
    // The write did not complete (protected sheet, a failed sync …): the session's message says why and what to do.
    if (outcome.message) parts.push(outcome.message);
    if (r) parts.push(S.notWritten);
  } else {
    if (r && r.complete) parts.push(S.calculatedSummary(fmtScore(r.total), r.grade));
    else if (r) parts.push(S.incompleteSummary);
    if (outcome.message) parts.push(outcome.message);
    if (outcome.reportSheet) parts.push(S.reportWritten(outcome.reportSheet));
  }
  notify(parts.join(''), outcome.ok ? (r && r.complete ? 'success' : 'info') : 'error');
}

async function goToCell(cell: string): Promise<void> {
  try {
    await door().selectCell(cell);
  } catch (e) {
    // The gateway's errors are already in Chinese.
    notify(e instanceof Error && e.message ? e.message : S.selectFailed(cell), 'error');
  }
}

async function runRestore(): Promise<void> {
  if (working) return;
  working = true;
  const btn = byId<HTMLButtonElement>('restore');
  setBusy(btn, true, S.restoring, S.restore);
  try {
    const res = await door().restoreLast();
    notify(res.message, res.ok ? 'success' : 'error');
    if (res.ok) {
      byId('results').hidden = true;
      byId('issues').hidden = true;
      byId('indicators').hidden = true;
      renderReport(byId('report'), null, notify);
    }
  } catch (e) {
    notify(S.unexpected(errorText(e)), 'error');
  } finally {
    setBusy(btn, false, S.restoring, S.restore);
    working = false;
  }
}

async function loadForms(): Promise<void> {
  try {
    const stored = await door().loadStored();
    renderSettings(byId('settings'), stored.settings, stored.settingsErrors, {
      save: (s) => door().saveSettings(s),
      notify,
    });
    renderMaterial(byId('material'), stored.material ?? {}, { save: (m) => door().saveMaterial(m), notify });
  } catch (e) {
    notify(S.loadFailed(errorText(e)), 'error');
  }
}

/** Static texts of taskpane.html come from strings.ts too ([data-s] text, [data-s-label] aria-label). */
export function applyStaticText(): void {
  enableDetailsFallback();
  const texts = S as unknown as Record<string, unknown>;
  document.querySelectorAll<HTMLElement>('[data-s]').forEach((node) => {
    const t = texts[node.dataset.s ?? ''];
    if (typeof t === 'string') node.textContent = t;
  });
  document.querySelectorAll<HTMLElement>('[data-s-label]').forEach((node) => {
    const t = texts[node.dataset.sLabel ?? ''];
    if (typeof t === 'string') node.setAttribute('aria-label', t);
  });
}

/** Wires the buttons to the door and loads the stored settings and material. */
export function startPane(paneDoor: PaneDoor): void {
  current = paneDoor;
  byId('calculate').addEventListener('click', () => void runCalculate());
  byId('restore').addEventListener('click', () => void runRestore());
  renderReport(byId('report'), null, notify);
  byId<HTMLButtonElement>('calculate').disabled = false;
  byId<HTMLButtonElement>('restore').disabled = false;
  void loadForms();
}
