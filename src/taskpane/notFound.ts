/** When no 自评表 is found: which sheets were looked at and what each one lacked. */
import type { SheetSearch } from '../engine';
import { append, clear, el } from './dom';
import { S } from './strings';

/** The outcome's message is shown in the status line; this panel lists the sheets. */
export function renderNotFound(host: HTMLElement, searched: SheetSearch[]): void {
  clear(host);
  host.hidden = false;
  const list = el('ul', { class: 'searched' });
  for (const s of searched) {
    append(list, 
      el(
        'li',
        {},
        el('span', { class: 'sheet-name' }, s.sheet),
        s.missing.length
          ? el('span', { class: 'missing' }, S.missingLabel, s.missing.join('、'))
          : el('span', { class: 'ok-text' }, S.sheetQualified),
      ),
    );
  }
  append(host, 
    el('h2', { class: 'section-title' }, S.notFoundTitle),
    searched.length ? el('p', { class: 'muted small' }, S.notFoundHint) : null,
    searched.length ? list : null,
  );
}
