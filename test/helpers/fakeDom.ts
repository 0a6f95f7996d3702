/**
 * A minimal DOM for unit tests of the pane's render functions (no jsdom here): elements, text nodes and the few
 * calls the pane makes. Every way of parsing a string as HTML throws, so a render function that tried would fail.
 */
export class FakeNode {
  parentNode: FakeNode | null = null;
  childNodes: FakeNode[] = [];
  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  appendChild<T extends FakeNode>(c: T): T {
    if (c.parentNode) c.parentNode.removeChild(c);
    c.parentNode = this;
    this.childNodes.push(c);
    return c;
  }
  removeChild<T extends FakeNode>(c: T): T {
    this.childNodes = this.childNodes.filter((x) => x !== c);
    c.parentNode = null;
    return c;
  }
  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(t: string) {
    this.childNodes = [];
    if (t) this.appendChild(new FakeText(String(t)));
  }
}

export class FakeText extends FakeNode {
  constructor(public data: string) {
    super();
  }
  override get textContent(): string {
    return this.data;
  }
  override set textContent(t: string) {
    this.data = t;
  }
}

const refuse = (what: string) => () => {
  throw new Error(`${what} used: cell text could be parsed as HTML`);
};

export class FakeElement extends FakeNode {
  readonly tagName: string;
  attributes = new Map<string, string>();
  listeners = new Map<string, ((ev: unknown) => void)[]>();
  className = '';
  id = '';
  hidden = false;
  disabled = false;
  value = '';
  checked = false;
  style: Record<string, string> = {};
  dataset: Record<string, string> = {};
  constructor(tag: string) {
    super();
    this.tagName = tag.toUpperCase();
  }
  setAttribute(k: string, v: string): void {
    this.attributes.set(k, String(v));
  }
  getAttribute(k: string): string | null {
    return this.attributes.get(k) ?? null;
  }
  removeAttribute(k: string): void {
    this.attributes.delete(k);
  }
  addEventListener(type: string, fn: (ev: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  removeEventListener(): void {}
  querySelector(): null {
    return null;
  }
  querySelectorAll(): FakeElement[] {
    return [];
  }
  focus(): void {}
  click(): void {}
  scrollIntoView(): void {}
  get classList() {
    const parts = () => this.className.split(/\s+/).filter(Boolean);
    return {
      add: (...c: string[]) => void (this.className = [...new Set([...parts(), ...c])].join(' ')),
      remove: (...c: string[]) => void (this.className = parts().filter((x) => !c.includes(x)).join(' ')),
      toggle: (c: string, on?: boolean) => {
        const has = parts().includes(c);
        const want = on ?? !has;
        this.className = want ? [...new Set([...parts(), c])].join(' ') : parts().filter((x) => x !== c).join(' ');
        return want;
      },
      contains: (c: string) => parts().includes(c),
    };
  }
  set innerHTML(_v: string) {
    refuse('innerHTML')();
  }
  get innerHTML(): string {
    return refuse('innerHTML')() as never;
  }
  set outerHTML(_v: string) {
    refuse('outerHTML')();
  }
  insertAdjacentHTML = refuse('insertAdjacentHTML');
  /** Every element below (and including) this one. */
  all(): FakeElement[] {
    const out: FakeElement[] = [this];
    for (const c of this.childNodes) if (c instanceof FakeElement) out.push(...c.all());
    return out;
  }
  /** Every text node below this one. */
  texts(): string[] {
    return this.childNodes.flatMap((c) => (c instanceof FakeElement ? c.texts() : [c.textContent]));
  }
}

/** Installs globalThis.document (and Node/HTMLElement for instanceof checks); returns the uninstall. */
export function installFakeDom(): { document: { body: FakeElement }; uninstall: () => void } {
  const g = globalThis as Record<string, unknown>;
  const previous = { document: g.document, Node: g.Node, HTMLElement: g.HTMLElement, Text: g.Text };
  const body = new FakeElement('body');
  const document = {
    body,
    createElement: (tag: string) => new FakeElement(tag),
    createTextNode: (t: string) => new FakeText(t),
    getElementById: () => null,
    write: refuse('document.write'),
    createRange: () => ({ createContextualFragment: refuse('createContextualFragment') }),
  };
  g.document = document;
  g.Node = FakeNode;
  g.HTMLElement = FakeElement;
  g.Text = FakeText;
  return {
    document,
    uninstall: () => {
      g.document = previous.document;
      g.Node = previous.Node;
      g.HTMLElement = previous.HTMLElement;
      g.Text = previous.Text;
    },
  };
}
