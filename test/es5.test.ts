/**
 * The pane for the old Windows web views (Internet Explorer 11 in Office 2016/2019 volume-licensed, Edge Legacy in
 * older retail builds): on the production build, every script the page loads first must be ES5 syntax (acorn at
 * ecmaVersion 5 also rejects ES2015+ regular-expression flags and syntax), and every CSS declaration that uses
 * var() must follow a static one for the same property, which IE 11 uses instead. The source CSS must give IE a
 * layout for each grid and Edge Legacy/IE a spacing for each flex gap. Real IE 11 and EdgeHTML do not run here.
 */
import * as acorn from 'acorn';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import postcss, { type Declaration, type Rule } from 'postcss';
import { buildPane, REPO } from './browser/build';
import { isOldWebView } from '../src/taskpane/webview';

jest.setTimeout(300000);

let work: string;
let dist: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-es5-'));
  dist = path.join(work, 'dist');
  buildPane(dist);
}, 300000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** The local scripts taskpane.html loads (the minified HTML may drop attribute quotes). */
function initialScripts(): string[] {
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
}

function es5Error(file: string): string | null {
  try {
    acorn.parse(fs.readFileSync(path.join(dist, file), 'utf8'), { ecmaVersion: 5, sourceType: 'script' });
    return null;
  } catch (e) {
    return `${file}: ${(e as Error).message}`;
  }
}

describe('production build for Internet Explorer 11 and Edge Legacy', () => {
  test('every initial script is ES5 syntax', () => {
    const scripts = initialScripts();
    expect(scripts).toContain('unsupported.js');
    expect(scripts.some((s) => /^taskpane\.[0-9a-f]+\.js$/.test(s))).toBe(true);
    expect(scripts.map(es5Error).filter((e) => e !== null)).toEqual([]);
  });

  test('the check would catch modern syntax (the .docx chunk is left modern and fails it)', () => {
    const docx = fs.readdirSync(dist).find((f) => /^docx\.[0-9a-f]+\.js$/.test(f));
    expect(docx).toBeDefined();
    expect(es5Error(docx as string)).not.toBeNull();
    expect(initialScripts()).not.toContain(docx);
  });

  test('every var() in the built CSS follows a static declaration of the same property', () => {
    const root = postcss.parse(fs.readFileSync(path.join(dist, 'taskpane.css'), 'utf8'));
    const missing: string[] = [];
    let uses = 0;
    root.walkDecls((decl: Declaration) => {
      if (decl.prop.startsWith('--') || !decl.value.includes('var(')) return;
      uses++;
      const prev = decl.prev();
      const ok = prev && prev.type === 'decl' && prev.prop === decl.prop && !prev.value.includes('var(');
      if (!ok) missing.push(`${(decl.parent as Rule).selector} { ${decl.prop}: ${decl.value} }`);
    });
    expect(uses).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  test('the static values are those of :root', () => {
    const css = fs.readFileSync(path.join(dist, 'taskpane.css'), 'utf8');
    const body = postcss.parse(css).nodes.find((n) => n.type === 'rule' && (n as Rule).selector === 'body') as Rule;
    const colors = body.nodes.filter((n) => n.type === 'decl' && (n as Declaration).prop === 'color').map((n) => (n as Declaration).value);
    expect(colors).toEqual(['#242424', 'var(--fg)']);
  });
});

describe('taskpane.css layout for the old web views', () => {
  const root = postcss.parse(fs.readFileSync(path.join(REPO, 'src', 'taskpane', 'taskpane.css'), 'utf8'));
  const rules: Rule[] = [];
  root.walkRules((r) => {
    rules.push(r);
  });
  const decl = (r: Rule, prop: string) => r.nodes.find((n) => n.type === 'decl' && (n as Declaration).prop === prop) as Declaration | undefined;
  const selectorsWith = (prefix: string) => rules.flatMap((r) => r.selectors).filter((s) => s.startsWith(`${prefix} `));

  test('each flex layout with gap has a margin for Edge Legacy and IE (html.old-webview)', () => {
    const old = selectorsWith('.old-webview');
    const flexWithGap = rules.filter((r) => /flex/.test(decl(r, 'display')?.value ?? '') && decl(r, 'gap'));
    expect(flexWithGap.length).toBeGreaterThan(5);
    // The button's gap is between its spinner and label: the spinner gets the margin.
    const fallbackFor = (sel: string) => (sel === '.btn' ? '.old-webview .spinner' : `.old-webview ${sel} >`);
    const missing = flexWithGap.flatMap((r) => r.selectors).filter((sel) => !old.some((o) => o.startsWith(fallbackFor(sel))));
    expect(missing).toEqual([]);
  });

  test('each grid has a layout for IE (html.ie) and grid-gap for Edge Legacy', () => {
    const ie = selectorsWith('.ie');
    const grids = rules.filter((r) => decl(r, 'display')?.value === 'grid');
    expect(grids.length).toBeGreaterThan(1);
    for (const r of grids) {
      expect(decl(r, 'grid-gap')?.value).toBe(decl(r, 'gap')?.value);
      for (const sel of r.selectors) expect(ie.some((s) => s.startsWith(`.ie ${sel}`))).toBe(true);
    }
  });
});

describe('which web view is old', () => {
  test.each([
    ['Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko', true],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041', true],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91', false],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)', false],
  ])('%s → %s', (ua, old) => {
    expect(isOldWebView(ua)).toBe(old);
  });
});
