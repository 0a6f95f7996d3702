/**
 * Copy text inside Office's web views. navigator.clipboard is missing or refused in some of them (older
 * Windows web views, Mac, iframes without clipboard-write), so a hidden textarea + execCommand('copy') follows.
 * When both fail, the text is left selected in a visible textarea so the user can press Ctrl+C.
 */
export type CopyResult = 'clipboard' | 'execCommand' | 'manual';

export async function copyText(text: string, manualHost?: HTMLElement): Promise<CopyResult> {
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function' && window.isSecureContext !== false) {
      await navigator.clipboard.writeText(text);
      return 'clipboard';
    }
  } catch {
    // Refused (permissions policy, no user activation): try the older way.
  }
  if (execCommandCopy(text)) return 'execCommand';
  if (manualHost) showForManualCopy(text, manualHost);
  return 'manual';
}

function execCommandCopy(text: string): boolean {
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.setAttribute('aria-hidden', 'true');
  ta.style.position = 'fixed';
  ta.style.top = '0';
  ta.style.left = '-9999px';
  ta.style.opacity = '0';
  const active = document.activeElement as HTMLElement | null;
  document.body.appendChild(ta);
  ta.select();
  ta.setSelectionRange(0, text.length);
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  document.body.removeChild(ta);
  if (active && typeof active.focus === 'function') active.focus();
  return ok;
}

function showForManualCopy(text: string, host: HTMLElement): void {
  let ta = host.querySelector<HTMLTextAreaElement>('textarea.manual-copy');
  if (!ta) {
    ta = document.createElement('textarea');
    ta.className = 'manual-copy';
    ta.setAttribute('readonly', '');
    ta.setAttribute('aria-label', '待复制的文字');
    host.appendChild(ta);
  }
  ta.value = text;
  ta.focus();
  ta.select();
}
