/**
 * The 校验提示 list: errors first; an issue with a cell is a button that selects that cell in Excel. The engine's
 * message already starts with the cell's address (G14：…), so the address is not shown a second time.
 */
import type { Issue } from '../engine';
import { append, clear, el } from './dom';
import { S } from './strings';

const SEVERITY_CLASS: Record<string, string> = { 错误: 'error', 警告: 'warning', 提示: 'info' };

export function renderIssues(host: HTMLElement, issues: Issue[], onSelect: (cell: string) => void): void {
  clear(host);
  host.hidden = false;
  const count = (s: string) => issues.filter((i) => i.severity === s).length;
  append(host, 
    el('h2', { class: 'section-title' }, S.issuesTitle, el('span', { class: 'count' }, ` (${issues.length})`)),
    issues.length ? el('p', { class: 'muted small' }, S.issueCount(count('错误'), count('警告'), count('提示'))) : null,
  );
  if (!issues.length) {
    append(host, el('p', { class: 'muted' }, S.issuesNone));
    return;
  }
  const order = (i: Issue) => {
    const k = (S.severityOrder as readonly string[]).indexOf(i.severity);
    return k < 0 ? 9 : k;
  };
  const sorted = issues.map((issue, index) => ({ issue, index })).sort((a, b) => order(a.issue) - order(b.issue) || a.index - b.index);
  const list = el('ul', { class: 'issues' });
  for (const { issue } of sorted) append(list, el('li', {}, issueItem(issue, onSelect)));
  append(host, list);
}

function issueItem(issue: Issue, onSelect: (cell: string) => void): HTMLElement {
  const sev = SEVERITY_CLASS[issue.severity] ?? 'info';
  const content = [el('span', { class: `sev sev-${sev}` }, issue.severity), el('span', { class: 'issue-msg' }, issue.message)];
  if (!issue.cell) return el('div', { class: `issue issue-${sev}` }, ...content);
  const attrs = { type: 'button', title: S.issueGoTo(issue.cell), 'data-cell': issue.cell };
  const btn = el('button', { class: `issue issue-${sev}`, attrs, onClick: () => onSelect(issue.cell) }, ...content);
  return btn;
}
