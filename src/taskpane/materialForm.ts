/** The 报告素材 form: what the table lacks (部门职能, 机构设置 …), kept in the workbook for next year. */
import { materialFields } from '../engine';
import type { ReportMaterial } from '../engine';
import { append, clear, el } from './dom';
import { S } from './strings';

export interface MaterialHandlers {
  save: (material: ReportMaterial) => Promise<void>;
  notify: (message: string, kind?: 'info' | 'error') => void;
}

export function renderMaterial(host: HTMLElement, material: ReportMaterial, handlers: MaterialHandlers): void {
  const body = host.querySelector<HTMLElement>('.material-body') ?? host;
  clear(body);
  const form = el('form', { class: 'material-form', attrs: { novalidate: '' } });
  append(form, el('p', { class: 'muted small' }, S.materialIntro));
  for (const f of materialFields) {
    const id = `material-${String(f.key)}`;
    const ta = el('textarea', { id, attrs: { name: String(f.key), rows: '3' } });
    ta.value = material[f.key] ?? '';
    const hintId = `${id}-hint`;
    if (f.hint) ta.setAttribute('aria-describedby', hintId);
    append(form, 
      el(
        'div',
        { class: 'field wide' },
        el('label', { attrs: { for: id } }, f.label),
        f.hint ? el('div', { id: hintId, class: 'hint small muted' }, f.hint) : null,
        ta,
      ),
    );
  }
  const saveBtn = el('button', { class: 'btn btn-primary', attrs: { type: 'submit' } }, S.saveMaterial);
  append(form, el('div', { class: 'toolbar' }, saveBtn));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next: ReportMaterial = {};
    for (const f of materialFields) {
      const v = (form.elements.namedItem(String(f.key)) as HTMLTextAreaElement).value.trim();
      if (v) next[f.key] = v;
    }
    saveBtn.disabled = true;
    handlers
      .save(next)
      .then(() => handlers.notify(S.materialSaved))
      .catch((e: unknown) => handlers.notify(S.unexpected(e instanceof Error ? e.message : String(e)), 'error'))
      .finally(() => {
        saveBtn.disabled = false;
      });
  });
  append(body, form);
}
