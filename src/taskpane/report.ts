/**
 * The report draft in the pane: 复制全文, a copy button per section, 下载 Word. The texts come from the report
 * module (reportText, sectionText): one paragraph a line, so pasting into Word gives clean paragraphs. The pane
 * shows what the .docx and the report sheet hold: the 附件 label when given, the title, the sections, the 落款.
 */
import { reportHeadLines, reportText, sectionText, signatureLines, type Report, type ReportSection } from '../engine';
import { copyText } from './clipboard';
import { append, button, clear, el } from './dom';
import { S } from './strings';
import { canWriteDocx } from './webview';

export type Notify = (message: string, kind?: 'info' | 'error') => void;

/** A level-1 section copies with its level-2 subsections (一、部门基本情况 holds （一）…（五）). */
export function sectionWithChildren(sections: ReportSection[], index: number): string {
  const parts = [sectionText(sections[index])];
  if (sections[index].level === 1) {
    for (let i = index + 1; i < sections.length && sections[i].level === 2; i++) parts.push(sectionText(sections[i]));
  }
  return parts.join('\n');
}

export function renderReport(host: HTMLElement, report: Report | null, notify: Notify): void {
  const body = host.querySelector<HTMLElement>('.report-body') ?? host;
  clear(body);
  if (!report) {
    append(body, el('p', { class: 'muted' }, S.reportEmpty));
    return;
  }
  const copyArea = el('div', { class: 'manual-copy-host' });
  const copy = async (text: string) => {
    const how = await copyText(text, copyArea);
    notify(how === 'manual' ? S.copyFailed : S.copied, how === 'manual' ? 'error' : 'info');
  };
  const download = button(S.downloadWord, () => void downloadWord(report, download, notify), { class: 'btn' });
  append(body, 
    el('div', { class: 'toolbar' }, button(S.copyAll, () => void copy(reportText(report)), { class: 'btn btn-primary' }), download),
    copyArea,
  );
  const doc = el('article', { class: 'report-doc', attrs: { 'aria-label': report.title } });
  for (const line of reportHeadLines(report)) {
    append(doc, line === report.title ? el('h3', { class: 'report-title' }, line) : el('p', { class: 'report-p' }, line));
  }
  report.sections.forEach((s, i) => {
    const head = el(
      'div',
      { class: `report-head level-${s.level}` },
      el(s.level === 1 ? 'h4' : 'h5', {}, s.heading),
      button(S.copySection, () => void copy(sectionWithChildren(report.sections, i)), {
        class: 'btn btn-small btn-subtle',
        ariaLabel: S.copySectionLabel(s.heading),
      }),
    );
    append(doc, head);
    for (const p of s.paragraphs) append(doc, el('p', { class: placeholderClass(p) }, p));
  });
  for (const line of signatureLines(report)) append(doc, el('p', { class: `${placeholderClass(line)} report-signature` }, line));
  append(body, doc);
}

function placeholderClass(p: string): string {
  return p.includes('【请填写') ? 'report-p has-placeholder' : 'report-p';
}

async function downloadWord(report: Report, btn: HTMLButtonElement, notify: Notify): Promise<void> {
  // Internet Explorer and Edge Legacy cannot run the .docx writer: say so and what to do instead.
  if (!canWriteDocx()) {
    notify(S.wordUnavailable, 'error');
    return;
  }
  btn.disabled = true;
  const label = btn.textContent ?? S.downloadWord;
  btn.textContent = S.downloadingWord;
  try {
    // Lazy: the docx writer is a separate chunk, loaded only when asked for.
    const { reportToDocx } = await import(/* webpackChunkName: "docx" */ '../export/docx');
    const bytes = await reportToDocx(report);
    const name = S.reportFileName(report.title);
    const blob = new Blob([bytes as BlobPart], {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const url = URL.createObjectURL(blob);
    const a = el('a', { attrs: { href: url, download: name }, hidden: true });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    notify(S.downloadedWord(name));
  } catch (e) {
    notify(S.wordFailed(e instanceof Error ? e.message : String(e)), 'error');
  } finally {
    btn.disabled = false;
    btn.textContent = label;
  }
}
