/**
 * Tiny DOM builder. Text (strings, numbers) always becomes a text node: text read from cells can never be
 * parsed as HTML, whatever it holds.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  /** Attributes set with setAttribute (aria-*, role, type, for, …). */
  attrs?: Record<string, string>;
  onClick?: (ev: Event) => void;
  hidden?: boolean;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.id) node.id = props.id;
  if (props.hidden) node.hidden = true;
  if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) node.setAttribute(k, v);
  if (props.onClick) node.addEventListener('click', props.onClick);
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node as T;
}

/** A real <button type="button">: Enter and Space work, focus is visible. */
export function button(label: string, onClick: () => void, opts: { class?: string; ariaLabel?: string } = {}): HTMLButtonElement {
  const attrs: Record<string, string> = { type: 'button' };
  if (opts.ariaLabel) attrs['aria-label'] = opts.ariaLabel;
  return el('button', { class: opts.class ?? 'btn', attrs, onClick: () => onClick() }, label);
}
