/**
 * The old Windows web views: Internet Explorer 11 (Trident, Office 2016/2019 volume-licensed) and Edge Legacy
 * (EdgeHTML, Office 2016/2019 retail without WebView2). The pane's code is ES5 with polyfills and runs in both;
 * what they still lack is handled here: <details>/<summary> (neither has it) and the .docx writer, whose library
 * chunk is modern JavaScript and is never loaded in them.
 */

/** Trident or EdgeHTML, from the user agent (as Microsoft's guidance for add-ins does). */
export function isOldWebView(ua: string = navigator.userAgent): boolean {
  return /Trident\/|MSIE |\bEdge\/\d/.test(ua);
}

/**
 * Whether the docx chunk can run: it is left as the library ships it (ES2018+ syntax, TextEncoder, crypto), so
 * the old web views (and anything without those natives) get a message instead of a failed download.
 */
export function canWriteDocx(): boolean {
  const w = window as unknown as Record<string, unknown>;
  return !isOldWebView() && typeof w.TextEncoder === 'function' && typeof w.crypto === 'object' && w.crypto !== null;
}

function hasNativeDetails(): boolean {
  return 'open' in document.createElement('details');
}

/** Opens or closes a <details>, also where it is an unknown element (the attribute drives the CSS there). */
export function setOpen(details: HTMLElement, open: boolean): void {
  if (open) details.setAttribute('open', '');
  else details.removeAttribute('open');
  if (!hasNativeDetails()) syncExpanded(details);
}

function syncExpanded(details: HTMLElement): void {
  const summary = summaryOf(details);
  if (summary) summary.setAttribute('aria-expanded', details.hasAttribute('open') ? 'true' : 'false');
}

function summaryOf(details: HTMLElement): HTMLElement | null {
  for (let n = details.firstElementChild; n; n = n.nextElementSibling) {
    if (n.tagName.toLowerCase() === 'summary') return n as HTMLElement;
  }
  return null;
}

/**
 * Makes every <details> of the page work where the browser does not know the element: the summary becomes a
 * focusable button (click, Enter, Space) that toggles the open attribute; taskpane.css hides the content of a
 * closed one under html.no-details. Does nothing where <details> is native.
 */
export function enableDetailsFallback(): void {
  if (hasNativeDetails()) return;
  document.documentElement.className += ' no-details';
  const all = document.getElementsByTagName('details');
  for (let i = 0; i < all.length; i++) {
    const details = all[i] as HTMLElement;
    const summary = summaryOf(details);
    if (!summary) continue;
    summary.setAttribute('tabindex', '0');
    summary.setAttribute('role', 'button');
    syncExpanded(details);
    const toggle = () => setOpen(details, !details.hasAttribute('open'));
    // preventDefault: a browser that does toggle the element natively must not toggle it back.
    summary.addEventListener('click', (ev: Event) => {
      ev.preventDefault();
      toggle();
    });
    summary.addEventListener('keydown', (ev: KeyboardEvent) => {
      const key = ev.key || '';
      if (key === 'Enter' || key === ' ' || key === 'Spacebar') {
        ev.preventDefault();
        toggle();
      }
    });
  }
}
