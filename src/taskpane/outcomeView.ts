/** Renders a one-click calculation's summary (summary.ts) into outcome.html: text nodes only. */
import { append, byId, clear, el } from './dom';
import { S } from './strings';
import type { CommandSummary } from './summary';

export function renderOutcome(summary: CommandSummary, onClose: () => void): void {
  const main = byId('outcome');
  main.className = `panel outcome outcome-${summary.kind}`;
  byId('outcome-title').textContent = summary.title;
  const list = byId('outcome-lines');
  clear(list);
  for (const line of summary.lines) append(list, el('li', {}, line));
  const close = byId<HTMLButtonElement>('outcome-close');
  close.textContent = S.cmdClose;
  close.onclick = onClose;
  close.focus();
  document.title = S.cmdDialogTitle;
}
