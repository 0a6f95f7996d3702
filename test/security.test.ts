/**
 * Security of the task pane (issue 6 §4): cell text is only ever text (no HTML sink in the pane's code, and the
 * render functions, fed HTML and script from cells, make text nodes only), and the Content-Security-Policy lets
 * scripts come only from the add-in itself and the office.js CDN. The browser test checks the same in Chromium.
 */
import { evaluateFound } from './helpers/evaluate';
import * as fs from 'fs';
import * as path from 'path';
import { buildReport } from '../src/engine/report';
import { table } from './helpers/tables';
import { FakeElement, installFakeDom } from './helpers/fakeDom';
import { renderIssues } from '../src/taskpane/issues';
import { renderResults } from '../src/taskpane/results';
import { renderReport } from '../src/taskpane/report';
import { renderNotFound } from '../src/taskpane/notFound';
import { renderMaterial } from '../src/taskpane/materialForm';

const ROOT = path.join(__dirname, '..');
const PANE = path.join(ROOT, 'src/taskpane');
const CDN = 'https://appsforoffice.microsoft.com';

describe('no HTML sink in the pane’s code', () => {
  const sources = fs
    .readdirSync(PANE)
    .filter((f) => /\.(ts|js)$/.test(f))
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(PANE, f), 'utf8') }));

  test('the pane has source files to check', () => {
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining(['dom.ts', 'issues.ts', 'results.ts', 'report.ts']));
  });

  /** A string literal with no interpolation: constant markup, never cell text. */
  const constant = (rhs: string) => /^\s*(['"])(?:(?!\1)[^\\]|\\.)*\1\s*;?\s*$/.test(rhs) || /^\s*`[^`$]*`\s*;?\s*$/.test(rhs);

  test('innerHTML / outerHTML are assigned only constant strings', () => {
    const bad: string[] = [];
    for (const { file, text } of sources) {
      text.split('\n').forEach((line, i) => {
        const m = /\.(innerHTML|outerHTML)\s*\+?=(?!=)\s*(.*)$/.exec(line);
        if (m && !constant(m[2])) bad.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(bad).toEqual([]);
  });

  test('no other way to parse a string as HTML or code', () => {
    const sinks = /insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|srcdoc|\beval\s*\(|new\s+Function\s*\(|set(?:Timeout|Interval)\s*\(\s*['"`]/;
    const bad = sources.flatMap(({ file, text }) => text.split('\n').flatMap((line, i) => (sinks.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
    expect(bad).toEqual([]);
  });

  test('the only link the pane makes points at a blob it created (the Word download)', () => {
    const hrefs = sources.flatMap(({ file, text }) => text.split('\n').flatMap((line, i) => (/\bhref\b|\.src\s*=/.test(line) ? [`${file}:${i + 1}`] : [])));
    expect(hrefs).toHaveLength(1);
    const report = fs.readFileSync(path.join(PANE, 'report.ts'), 'utf8');
    expect(report).toMatch(/const url = URL\.createObjectURL\(blob\);\s*\n\s*const a = el\('a', \{ attrs: \{ href: url,/);
  });
});

describe('cell text holding HTML or script is rendered as text by every render function', () => {
  const XSS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', 'javascript:alert(1)'];
  const SAFE_TAGS = new Set([
    'BODY', 'DIV', 'SPAN', 'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'BUTTON',
    'DETAILS', 'SUMMARY', 'STRONG', 'EM', 'SMALL', 'CODE', 'LABEL', 'INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'FORM', 'FIELDSET',
    'LEGEND', 'ARTICLE', 'ASIDE', 'NAV', 'FOOTER', 'MAIN', 'HR', 'DL', 'DT', 'DD', 'SECTION', 'HEADER', 'BR', 'A', 'PRE', 'B', 'I', 'CAPTION', 'COL', 'COLGROUP', 'OUTPUT', 'METER', 'PROGRESS',
  ]);
  let dom: ReturnType<typeof installFakeDom>;
  beforeEach(() => (dom = installFakeDom()));
  afterEach(() => dom.uninstall());

  const g = table(
    [
      { l1: XSS[0], l2: XSS[1], name: XSS[2], weight: 50, target: '≥95%', actual: '90%', reason: XSS[3] },
      { name: XSS[1], weight: 30, target: XSS[0], actual: XSS[2] },
      { name: '<b>粗体</b>', weight: 20, target: '≥1次', actual: '约<i>1</i>次', score: '<u>手填</u>' },
    ],
    { name: '<i>表</i>' },
  );
  g.values[1][2] = XSS[0];
  const evaluation = evaluateFound([g]);
  const report = buildReport(evaluation, { functions: XSS[0], organisation: XSS[1], keyTasks: XSS[2] });

  function check(host: FakeElement, expectTexts: string[]): void {
    const elements = host.all();
    for (const e of elements) {
      expect([e.tagName, SAFE_TAGS.has(e.tagName)]).toEqual([e.tagName, true]);
      for (const [k, v] of e.attributes) {
        expect(k.toLowerCase().startsWith('on')).toBe(false);
        expect(/^\s*javascript:/i.test(v)).toBe(false);
      }
    }
    const text = host.texts().join('\n');
    for (const t of expectTexts) expect(text).toContain(t);
  }

  test('the evaluation really carries the payloads (so the checks below mean something)', () => {
    expect(evaluation.found).toBe(true);
    expect(evaluation.sheet).toBe('<i>表</i>');
    expect(evaluation.table!.unitName).toBe(XSS[0]);
    expect(evaluation.results!.indicators.map((i) => i.name)).toContain(XSS[2]);
  });

  test('校验提示 (renderIssues)', () => {
    const host = new FakeElement('div');
    renderIssues(host as unknown as HTMLElement, evaluation.issues, () => undefined);
    check(host, [XSS[2], '约<i>1</i>次', '<u>手填</u>']);
  });

  test('计算结果 (renderResults)', () => {
    const host = new FakeElement('div');
    const details = new FakeElement('details');
    renderResults(host as unknown as HTMLElement, details as unknown as HTMLElement, evaluation, { onAcceptComputed: () => undefined });
    check(host, []);
    check(details, [XSS[2], XSS[1], XSS[0]]);
  });

  test('自评报告 (renderReport)', () => {
    const host = new FakeElement('div');
    renderReport(host as unknown as HTMLElement, report, () => undefined);
    check(host, [XSS[0], XSS[1]]);
  });

  test('未找到 (renderNotFound) with sheet names holding markup', () => {
    const host = new FakeElement('div');
    renderNotFound(host as unknown as HTMLElement, [{ sheet: XSS[1], missing: ['三级指标'] }, { sheet: XSS[0], missing: [] }]);
    check(host, [XSS[1], XSS[0]]);
  });

  test('报告素材 (renderMaterial) with stored material holding markup', () => {
    const host = new FakeElement('div');
    renderMaterial(host as unknown as HTMLElement, { functions: XSS[0], organisation: XSS[1] }, { onSave: () => undefined } as never);
    for (const e of host.all()) expect(SAFE_TAGS.has(e.tagName)).toBe(true);
    const values = host.all().map((e) => e.value).join('\n') + host.texts().join('\n');
    expect(values).toContain(XSS[0]);
  });
});

describe('Content-Security-Policy of the pane', () => {
  function policyOf(html: string): Map<string, string[]> {
    const meta = /<meta[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*content=("([^"]*)"|'([^']*)')/i.exec(html);
    expect(meta).not.toBeNull();
    const content = meta![2] ?? meta![3];
    const map = new Map<string, string[]>();
    for (const part of content.split(';')) {
      const [name, ...values] = part.trim().split(/\s+/);
      if (name) map.set(name.toLowerCase(), values);
    }
    return map;
  }
  // The pages as the build renders them (html-webpack-plugin's lodash template with webpack.config.js's parameters):
  // office.js from the CDN (default) and from the add-in's own origin (--env officejs=local).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { officeJsSetup } = require('../scripts/office-js-setup.js') as { officeJsSetup: (local: boolean) => { officeJs: string; csp: string } };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const template = require('lodash/template') as (t: string) => (p: object) => string;
  const render = (file: string, local: boolean): string => template(fs.readFileSync(path.join(ROOT, file), 'utf8'))(officeJsSetup(local));
  const templates = ['src/taskpane/taskpane.html', 'src/commands/commands.html', 'src/taskpane/outcome.html'];
  const pages: [string, string][] = templates.flatMap((t): [string, string][] => [
    [`${t} (CDN)`, render(t, false)],
    [`${t} (officejs=local)`, render(t, true)],
  ]);
  const dist = path.join(ROOT, 'dist/taskpane.html');
  // The built page too, when a build newer than the template is there (webpack keeps the meta tag as written).
  if (fs.existsSync(dist) && fs.statSync(dist).mtimeMs >= fs.statSync(path.join(PANE, 'taskpane.html')).mtimeMs) {
    pages.push(['dist/taskpane.html', fs.readFileSync(dist, 'utf8')]);
  }

  test('the intranet pages allow scripts and connections from their own origin only', () => {
    for (const [name, page] of pages.filter(([n]) => n.endsWith('(officejs=local)'))) {
      const p = policyOf(page);
      expect([name, p.get('script-src')]).toEqual([name, ["'self'"]]);
      expect([name, p.get('connect-src')]).toEqual([name, ["'self'"]]);
      expect(page).not.toContain(CDN);
    }
  });

  test.each(pages)('%s: scripts only from itself and the office.js CDN, nothing inline or eval', (_name, page) => {
    const p = policyOf(page);
    expect(p.get('default-src')).toEqual(["'self'"]);
    const scripts = p.get('script-src')!;
    expect(scripts).toBeDefined();
    for (const s of scripts) expect(["'self'", CDN]).toContain(s);
    expect(scripts).toContain("'self'");
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(["'self'", "'none'"]).toContain(p.get('base-uri')?.[0]);
    // No other host anywhere: data has nowhere to go.
    for (const [, values] of p) for (const v of values) if (/^https?:/i.test(v)) expect(v).toBe(CDN);
  });

  test.each(pages)('%s: every <script> is an external file from the add-in or the CDN, none inline', (_name, page) => {
    const tags = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(tags.length).toBeGreaterThan(0);
    for (const [, attrs, body] of tags) {
      expect(body.trim()).toBe('');
      const src = /src=["']?([^"'\s>]+)/i.exec(attrs)?.[1] ?? '';
      expect(src).not.toBe('');
      if (/^https?:/i.test(src)) expect(src.startsWith(CDN + '/')).toBe(true);
      else expect(src).not.toMatch(/^\/\/|^data:|^javascript:/i);
    }
    expect(page).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers
  });

  test('the help page runs no script at all', () => {
    const p = policyOf(fs.readFileSync(path.join(PANE, 'help.html'), 'utf8'));
    expect(p.get('script-src')).toEqual(["'none'"]);
  });
});
