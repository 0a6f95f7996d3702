/**
 * What the ribbon's one-click 计算得分 reports, in both hosts: the facts of a calculation (numbers and codes only,
 * never text from cells, so that they can travel in a dialog's address) and the Chinese lines a dialog shows.
 * The pane is opened (WPS) or offered (Excel) only when there is something to read: an error or a warning, an
 * indicator that could not be scored, or a calculation that was not written. Notes (提示) alone are counted in
 * the dialog and do not call for the pane.
 */
import type { CalculateOutcome } from './door';
import { fmtScore } from './format';
import { S } from './strings';

export type CommandStatus = 'done' | 'incomplete' | 'notFound' | 'notWritten' | 'failed';
export type CommandHost = 'excel' | 'wps';

export interface CommandFacts {
  status: CommandStatus;
  /** Total score and grade, when every indicator was scored. */
  total: number | null;
  grade: string | null;
  errors: number;
  warnings: number;
  notes: number;
  /** Cells written into the table. */
  cells: number;
  /** A report sheet was written. */
  report: boolean;
}

export function commandFacts(outcome: CalculateOutcome): CommandFacts {
  const ev = outcome.evaluation && outcome.evaluation.found ? outcome.evaluation : null;
  const issues = ev ? ev.issues : [];
  const count = (severity: string) => issues.filter((i) => i.severity === severity).length;
  const r = ev ? ev.results : null;
  let status: CommandStatus;
  // As the pane reads it: no table but sheets searched is "not found"; nothing at all is a failure.
  if (!ev) status = outcome.searched.length ? 'notFound' : 'failed';
  else if (!outcome.ok) status = 'notWritten';
  else status = r && r.complete ? 'done' : 'incomplete';
  const complete = !!r && r.complete;
  const written = status === 'done' || status === 'incomplete';
  return {
    status,
    total: complete && r ? r.total : null,
    grade: complete && r ? r.grade : null,
    errors: count('错误'),
    warnings: count('警告'),
    notes: count('提示'),
    cells: written && ev ? ev.plan.writes.length : 0,
    report: !!outcome.reportSheet,
  };
}

/** True when the pane has something the user should read. */
export function needsPane(f: CommandFacts): boolean {
  return f.status !== 'done' || f.errors > 0 || f.warnings > 0;
}

export interface CommandSummary {
  kind: 'success' | 'info' | 'error';
  title: string;
  lines: string[];
  openPane: boolean;
}

export function commandSummary(f: CommandFacts, host: CommandHost): CommandSummary {
  const lines: string[] = [];
  let title: string;
  let kind: CommandSummary['kind'];
  switch (f.status) {
    case 'done':
    case 'incomplete':
      title = f.status === 'done' ? S.cmdDoneTitle : S.cmdIncompleteTitle;
      kind = f.status === 'done' && !f.errors && !f.warnings ? 'success' : 'info';
      if (f.total !== null && f.grade) lines.push(S.cmdTotal(fmtScore(f.total), f.grade));
      else lines.push(S.incompleteSummary);
      lines.push(f.cells ? S.cmdCells(f.cells) : S.cmdNoCells);
      if (f.report) lines.push(S.cmdReport);
      break;
    case 'notFound':
      title = S.notFoundTitle;
      kind = 'error';
      lines.push(S.cmdNotFound);
      break;
    case 'notWritten':
      title = S.cmdNotWrittenTitle;
      kind = 'error';
      lines.push(S.cmdNotWritten);
      break;
    default:
      title = S.cmdFailedTitle;
      kind = 'error';
      lines.push(S.cmdFailed);
  }
  if (f.errors || f.warnings || f.notes) lines.push(S.issueCount(f.errors, f.warnings, f.notes));
  const openPane = needsPane(f);
  if (openPane) lines.push(host === 'wps' ? S.cmdPaneOpened : S.cmdOpenPane);
  else if (f.notes) lines.push(S.cmdNotesInPane);
  return { kind, title, lines, openPane };
}

// ----------------------------------------------------------------------------------- facts in an address

const STATUSES: CommandStatus[] = ['done', 'incomplete', 'notFound', 'notWritten', 'failed'];
const GRADES = ['优', '良', '中', '差'];

/** 'status=done&total=98&grade=%E4%BC%98&e=0&w=0&n=2&cells=21&report=1' */
export function factsToQuery(f: CommandFacts): string {
  const parts: [string, string][] = [
    ['status', f.status],
    ['e', String(f.errors)],
    ['w', String(f.warnings)],
    ['n', String(f.notes)],
    ['cells', String(f.cells)],
    ['report', f.report ? '1' : '0'],
  ];
  if (f.total !== null) parts.push(['total', String(f.total)]);
  if (f.grade) parts.push(['grade', f.grade]);
  return parts.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/** Reads facts back from `location.search`; anything unexpected is dropped (the address is not trusted). */
export function factsFromQuery(search: string): CommandFacts {
  const q: Record<string, string> = {};
  search
    .replace(/^\?/, '')
    .split('&')
    .forEach((pair) => {
      const i = pair.indexOf('=');
      if (i <= 0) return;
      try {
        q[pair.slice(0, i)] = decodeURIComponent(pair.slice(i + 1));
      } catch {
        // A malformed escape: ignored.
      }
    });
  const int = (k: string) => (/^\d{1,6}$/.test(q[k] || '') ? Number(q[k]) : 0);
  const status = STATUSES.indexOf(q.status as CommandStatus) >= 0 ? (q.status as CommandStatus) : 'failed';
  const total = /^\d{1,4}(\.\d+)?$/.test(q.total || '') ? Number(q.total) : null;
  const grade = GRADES.indexOf(q.grade) >= 0 ? q.grade : null;
  return { status, total, grade, errors: int('e'), warnings: int('w'), notes: int('n'), cells: int('cells'), report: q.report === '1' };
}
