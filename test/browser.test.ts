/**
 * The real browser test: the production build of the task pane in headless Debian Chromium (playwright-core),
 * with office.js routed to the fake Office host (test/fakehost/browser.ts) loaded with the example workbook.
 * It clicks 计算得分 as a user would and checks the pane, the cells written in the fake workbook, the report
 * sheet, copying, the .docx download, text from cells shown as text, and that no request leaves localhost.
 * Skipped (with a message) only when /usr/bin/chromium is absent.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO } from './browser/build';
import type { StaticServer } from './browser/serve';
import type { FakeWorkbookSnapshot } from './fakehost/model';
import { describeBrowser } from './browser/chromium';
import { servedPane, type ServedPane } from './browser/servedPane';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const SHEET = '部门整体支出绩效自评表';
const XSS = '<img src=x onerror=window.__xss=1>';
const SCREENSHOT = path.join(REPO, 'test-output', 'pane.png');
const INITIAL_JS_BUDGET = 150 * 1024;


type Cell = string | number | boolean | undefined;
interface FakeHostHandle {
  cell(qualified: string): Cell;
  sheetNames(): string[];
  snapshot(): FakeWorkbookSnapshot;
  workbook: { selection: { sheet: string; address: string } | null };
}
declare global {
  interface Window {
    __fakeHost: FakeHostHandle;
    __FAKE_WORKBOOK__?: FakeWorkbookSnapshot;
    __xss?: unknown;
  }
}

interface Pane {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Errors thrown in the page. */
  errors: string[];
}

function isLocal(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url === origin;
}

describeBrowser('task pane in headless Chromium (production build, fake Office host)', () => {
  jest.setTimeout(300000);

  let work: string;
  let dist: string;
  let server: StaticServer;
  let fakeOffice: string;
  let context: BrowserContext;
  let example: FakeWorkbookSnapshot;
  const panes: Pane[] = [];

  let served: ServedPane | null = null;
  beforeAll(async () => {
    served = await servedPane('jixiao-pane-', [], { acceptDownloads: true });
    ({ work, dist, server, fakeOffice, context, example } = served);
  }, 300000);

  afterAll(async () => {
    if (served) await served.close();
  }, 60000);

  async function openPane(snapshot: FakeWorkbookSnapshot): Promise<Pane> {
    const page = await context.newPage();
    const pane: Pane = { page, requests: [], errors: [] };
    panes.push(pane);
    page.on('request', (r) => pane.requests.push(r.url()));
    page.on('pageerror', (e) => pane.errors.push(e.message));
    // office.js is served by the fake host; anything else outside localhost is refused (and recorded above).
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice });
      if (isLocal(url, server.origin)) return route.continue();
      return route.abort('blockedbyclient');
    });
    await page.addInitScript((s) => {
      window.__FAKE_WORKBOOK__ = s;
    }, snapshot);
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForSelector('#calculate:not([disabled])');
    return pane;
  }

  async function calculate(page: Page): Promise<void> {
    await page.click('#calculate');
    await page.waitForSelector('#calculate[aria-busy="false"]');
    await page.waitForSelector('#results:not([hidden]), #not-found:not([hidden])');
  }

  const cell = (page: Page, address: string) => page.evaluate((a) => window.__fakeHost.cell(a), `${SHEET}!${address}`);
  const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();

  function withCells(snapshot: FakeWorkbookSnapshot, change: Record<string, string | number>): FakeWorkbookSnapshot {
    const copy = JSON.parse(JSON.stringify(snapshot)) as FakeWorkbookSnapshot;
    const sheet = copy.sheets.find((s) => s.name === SHEET);
    if (!sheet) throw new Error(`example has no sheet ${SHEET}`);
    for (const [address, value] of Object.entries(change)) sheet.cells[address] = { ...(sheet.cells[address] ?? {}), value };
    return copy;
  }

  test('the initial JavaScript is small and the .docx writer is a separate chunk', () => {
    const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
    // The minified HTML drops attribute quotes.
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts).toContain(OFFICE_JS);
    expect(html).toMatch(/http-equiv=["']?Content-Security-Policy/);
    expect(html).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    const local = scripts.filter((s) => !s.startsWith('http'));
    expect(local.some((s) => /^taskpane\.[0-9a-f]+\.js$/.test(s))).toBe(true);
    expect(scripts.some((s) => /^taskpane\.[0-9a-f]+\.js$/.test(s))).toBe(true);
    const gzipped = local.reduce((sum, s) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, s))).length, 0);
    console.log(`首屏 JavaScript（gzip，不含 office.js）：${(gzipped / 1024).toFixed(1)} KB`);
    expect(gzipped).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
    const docxChunk = fs.readdirSync(dist).find((f) => /^docx\.[0-9a-f]+\.js$/.test(f));
    expect(docxChunk).toBeDefined();
    expect(html).not.toContain(docxChunk as string);
    expect(fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8')).toContain('https://localhost:3000/taskpane.html');
  });

  test('计算得分 on the example: 98.00 and 优 in the pane, the scores in the sheet, the report in a new sheet', async () => {
    const { page, errors } = await openPane(example);
    const before = await page.evaluate(() => window.__fakeHost.snapshot());
    await calculate(page);

    expect(await text(page, '#result-total')).toBe('98.00');
    expect(await text(page, '#result-grade')).toBe('优');
    expect(await text(page, '#result-rate')).toBe('100.00%');
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('98.00'));
    expect(await text(page, '#status')).toContain('等级“优”');
    // Subtotals per level-1 indicator and the lost points of 支出进度率 (54% of ≥90%, weight 5 → 3.00).
    const resultsText = await text(page, '#results');
    expect(resultsText).toContain('履职效能');
    expect(resultsText).toContain('管理效率');
    expect(resultsText).toContain('48.00 / 50');
    const indicatorsText = await text(page, '#indicators');
    expect(indicatorsText).toMatch(/支出进度率\s*3\.00 \/ 5/);
    expect(indicatorsText).toContain('14 项');

    // The sheet: scores in 得分 (G), the total beside 合计, the grade beside 自评等级, the budget rate.
    expect(await cell(page, 'G19')).toBe(3);
    expect(await cell(page, 'G13')).toBe(10);
    expect(await cell(page, 'G18')).toBe(10);
    expect(await cell(page, 'G27')).toBe(98);
    const row28 = await page.evaluate(
      (sheet) => Object.entries(window.__fakeHost.snapshot().sheets.find((s) => s.name === sheet)?.cells ?? {}).filter(([a]) => /^[B-Z]28$/.test(a)),
      SHEET,
    );
    expect(row28.map(([, c]) => c.value)).toContain('优');
    expect(await cell(page, 'F8')).toBe(1);

    // Only output cells changed: targets, actuals (but the empty budget actual F18), reasons and weights did not.
    const after = await page.evaluate(() => window.__fakeHost.snapshot());
    const cellsOf = (s: FakeWorkbookSnapshot) => s.sheets.find((x) => x.name === SHEET)?.cells ?? {};
    const changed = Object.keys({ ...cellsOf(before), ...cellsOf(after) }).filter(
      (a) => JSON.stringify(cellsOf(before)[a]?.value ?? '') !== JSON.stringify(cellsOf(after)[a]?.value ?? ''),
    );
    expect(changed.length).toBeGreaterThan(10);
    for (const a of changed) expect(a).toMatch(/^(G(1[3-9]|2[0-7])|F([89]|1[01])|F18|[B-Z]28)$/);

    // The report sheet, and the same draft in the pane.
    const sheets = await page.evaluate(() => window.__fakeHost.sheetNames());
    expect(sheets).toContain('自评报告');
    const reportSheet = after.sheets.find((s) => s.name === '自评报告');
    const reportCells = Object.values(reportSheet?.cells ?? {}).map((c) => String(c.value ?? ''));
    expect(String(reportSheet?.cells.A1?.value)).toMatch(/^2023年度.*整体支出绩效自评报告$/);
    expect(reportCells.join('\n')).toContain('98');
    expect(reportCells.join('\n')).toContain('“优”');
    const draft = await text(page, '#report .report-doc');
    expect(draft).toContain('二、绩效自评情况');
    expect(draft).toContain('3410.44万元');
    expect(draft).toContain('“优”');

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-top.png') });
    expect(errors).toEqual([]);
  });

  test('复制全文 reaches the clipboard; 下载 Word loads the docx chunk on demand and gives a .docx', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const { page, requests, errors } = await openPane(example);
    await calculate(page);
    await page.click('#report .toolbar button:first-child');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('已复制'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')[0]).toMatch(/^2023年度.*整体支出绩效自评报告$/);
    expect(copied).toContain('一、部门基本情况');
    expect(copied).toContain('“优”');

    // Per-section copy through the fallback (no clipboard API, as in some Office web views).
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
    await page.evaluate(() => {
      document.querySelector('#status')!.textContent = '';
    });
    await page.locator('#report .report-head button').nth(1).click();
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').length > 0);
    expect(await text(page, '#status')).toMatch(/已复制|Ctrl\+C/);

    expect(requests.some((u) => /\/docx\.[0-9a-f]+\.js$/.test(u))).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report .toolbar button:nth-child(2)')]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = path.join(work, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(2000);
    expect(requests.some((u) => /\/docx\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('text from cells is shown as text, never as HTML; an issue selects its cell from the keyboard', async () => {
    const hostile = withCells(example, {
      C17: `人大代表履职培训班举办次数${XSS}`,
      F17: XSS,
      H19: `${XSS}个别项目受政府采购流程影响，支出进度不均衡。`,
    });
    const { page, requests, errors } = await openPane(hostile);
    await calculate(page);
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain(XSS);
    expect(await page.evaluate(() => document.querySelectorAll('#app img').length)).toBe(0);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(requests.filter((u) => /\/x$/.test(u))).toEqual([]);

    // The unreadable actual F17 is an issue; Enter on it selects F17 in Excel.
    const issue = page.locator(`#issues button.issue[data-cell="${SHEET}!F17"]`).first();
    await expect(issue.count()).resolves.toBeGreaterThan(0);
    await issue.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__fakeHost.workbook.selection !== null);
    expect(await page.evaluate(() => window.__fakeHost.workbook.selection)).toEqual({ sheet: SHEET, address: 'F17' });
    expect(errors).toEqual([]);
  });

  test('a manual score is kept and shown with both values; 采用计算值 writes the computed one', async () => {
    const { page } = await openPane(withCells(example, { G19: 4 }));
    await calculate(page);
    expect(await cell(page, 'G19')).toBe(4);
    const manual = page.locator('#indicators .indicator.manual');
    await expect(manual.count()).resolves.toBe(1);
    const manualText = (await manual.textContent()) ?? '';
    expect(manualText).toContain('4.00');
    expect(manualText).toContain('3.00');
    expect(await text(page, '#result-total')).toBe('99.00');
    await manual.locator('button').click();
    await page.waitForSelector('#calculate[aria-busy="false"]');
    await page.waitForFunction(() => document.querySelector('#result-total')?.textContent === '98.00');
    expect(await cell(page, 'G19')).toBe(3);
  });

  test('settings and report material are saved in the workbook and used by the next calculation', async () => {
    const { page } = await openPane(example);
    await page.click('#settings > summary');
    await page.check('#set-budgetRule-bands');
    await page.check('#set-rounding-whole');
    const grade = page.locator('#settings input[name="grade0"]');
    await grade.fill('99');
    await page.click('#settings button[type="submit"]');
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('设置已保存'));

    await page.click('#material > summary');
    await page.fill('#material-functions', '负责区人大常委会会议的会务保障工作。');
    await page.click('#material button[type="submit"]');
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('报告素材已保存'));

    await calculate(page);
    expect(await text(page, '#result-total')).toBe('98.00');
    expect(await text(page, '#result-grade')).toBe('良');
    expect(await text(page, '#results')).toContain('分档计分');
    expect(await text(page, '#results')).toContain('每项得分四舍五入取整数分');
    const draft = await text(page, '#report .report-doc');
    expect(draft).toContain('负责区人大常委会会议的会务保障工作');
    expect(draft).not.toContain('【请填写：部门职能】');

    // An invalid number is refused with a message, and nothing is saved.
    await grade.fill('九十');
    await page.click('#settings button[type="submit"]');
    await page.waitForFunction(() => (document.querySelector('#settings .form-errors')?.textContent ?? '').includes('应填写数字'));
  });

  test('恢复计算前内容 puts the sheet back and removes the report sheet', async () => {
    const { page } = await openPane(example);
    const before = await page.evaluate(() => window.__fakeHost.snapshot());
    await calculate(page);
    expect(await cell(page, 'G27')).toBe(98);
    await page.click('#restore');
    await page.waitForSelector('#restore[aria-busy="false"]');
    await page.waitForFunction(() => document.querySelector('#status')?.getAttribute('class')?.includes('success'));
    const after = await page.evaluate(() => window.__fakeHost.snapshot());
    // A cell put back to empty equals a cell never written.
    const main = (s: FakeWorkbookSnapshot) =>
      Object.fromEntries(
        Object.entries(s.sheets.find((x) => x.name === SHEET)?.cells ?? {}).filter(
          ([, c]) => c.value !== '' || !!c.formula || (c.numberFormat ?? 'General') !== 'General',
        ),
      );
    expect(main(after)).toEqual(main(before));
    expect(after.sheets.map((s) => s.name)).not.toContain('自评报告');
    expect(await page.isHidden('#results')).toBe(true);
  });

  test('a protected sheet: the results are shown, the status says why nothing was written, no cell changes', async () => {
    const locked = JSON.parse(JSON.stringify(example)) as FakeWorkbookSnapshot;
    const sheet = locked.sheets.find((s) => s.name === SHEET);
    if (sheet) sheet.protected = true;
    const { page } = await openPane(locked);
    const before = await page.evaluate(() => window.__fakeHost.snapshot());
    await calculate(page);
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('仅供查看'));
    expect(await page.getAttribute('#status', 'class')).toContain('status-error');
    expect(await text(page, '#status')).toContain('保护');
    expect(await text(page, '#result-total')).toBe('98.00');
    const after = await page.evaluate(() => window.__fakeHost.snapshot());
    expect(after.sheets.find((s) => s.name === SHEET)?.cells).toEqual(before.sheets.find((s) => s.name === SHEET)?.cells);
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  });

  test('a workbook without a 自评表 says which sheets were looked at and what was missing', async () => {
    const { page } = await openPane({ sheets: [{ name: 'Sheet1', cells: { A1: { value: '2023年工作总结' } } }] });
    await calculate(page);
    expect(await page.isVisible('#not-found')).toBe(true);
    const notFound = await text(page, '#not-found');
    expect(notFound).toContain('未找到《部门整体支出绩效自评表》');
    expect(notFound).toContain('Sheet1');
    expect(notFound).toMatch(/缺少/);
  });

  /**
   * A page whose requests go to the served build and the fake office.js only; init runs before any script,
   * afterOffice right after office.js (before the pane's deferred bundle), script replaces a local script.
   */
  async function openBare(init?: () => void, script?: (url: string) => string | undefined, afterOffice?: () => void): Promise<Pane> {
    const page = await context.newPage();
    const pane: Pane = { page, requests: [], errors: [] };
    page.on('request', (r) => pane.requests.push(r.url()));
    page.on('pageerror', (e) => pane.errors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) {
        const body = afterOffice ? `${fakeOffice}\n;(${afterOffice.toString()})();` : fakeOffice;
        return route.fulfill({ status: 200, contentType: 'text/javascript', body });
      }
      const body = script ? script(url) : undefined;
      if (body !== undefined) return route.fulfill({ status: 200, contentType: 'text/javascript', body });
      if (isLocal(url, server.origin)) return route.continue();
      return route.abort('blockedbyclient');
    });
    await page.addInitScript((s) => {
      window.__FAKE_WORKBOOK__ = s;
    }, example);
    if (init) await page.addInitScript(init);
    await page.goto(`${server.origin}/taskpane.html`);
    return pane;
  }

  test('Internet Explorer 11 as far as this browser can pretend: ES5 built-ins only, the pane still scores 98.00', async () => {
    // Trident's user agent, no <details> (as in IE and Edge Legacy), no TextEncoder; and the built-ins IE 11 lacks
    // removed once office.js has loaded: the ES5 bundle's polyfills (core-js) must supply them.
    const { page, requests, errors } = await openBare(
      () => {
        const ie = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
        Object.defineProperty(Navigator.prototype, 'userAgent', { get: () => ie, configurable: true });
        delete (window as unknown as Record<string, unknown>).TextEncoder;
        delete (HTMLDetailsElement.prototype as unknown as Record<string, unknown>).open;
      },
      undefined,
      // After office.js (here the fake host, which itself needs them while it loads), before the pane's bundle.
      () => {
        const drop = (o: object, names: string[]) => names.forEach((n) => delete (o as Record<string, unknown>)[n]);
        drop(Object, ['fromEntries', 'entries', 'values', 'assign', 'getOwnPropertyDescriptors']);
        drop(Array, ['from', 'of']);
        drop(Array.prototype, ['flat', 'flatMap', 'includes', 'find', 'findIndex', 'fill', 'copyWithin']);
        drop(String.prototype, ['includes', 'startsWith', 'endsWith', 'padStart', 'padEnd', 'repeat', 'trimStart', 'trimEnd', 'codePointAt']);
        drop(String, ['fromCodePoint', 'raw']);
        drop(Number, ['isFinite', 'isNaN', 'isInteger', 'EPSILON', 'parseFloat']);
        drop(Math, ['imul', 'sign', 'trunc', 'log10', 'hypot']);
        drop(Promise.prototype, ['finally']);
        drop(window, ['Promise']);
      },
    );
    await page.waitForSelector('#calculate:not([disabled])');
    // Supplied by the bundle (the engine uses these; a polyfill is included only for what the code uses).
    expect(
      await page.evaluate(() => [typeof Promise, typeof [].flatMap, typeof [].flat, typeof ''.padStart, typeof Object.entries]),
    ).toEqual(['function', 'function', 'function', 'function', 'function']);
    const classes = (await page.getAttribute('html', 'class')) ?? '';
    expect(classes.split(/\s+/)).toEqual(expect.arrayContaining(['ie', 'old-webview', 'no-details']));
    expect(classes).not.toContain('legacy');
    await calculate(page);
    expect(await text(page, '#result-total')).toBe('98.00');
    expect(await text(page, '#result-grade')).toBe('优');
    expect(await text(page, '#indicators')).toMatch(/支出进度率\s*3\.00 \/ 5/);
    expect(await cell(page, 'G27')).toBe(98);
    expect(await page.isVisible('#unsupported')).toBe(false);

    // <details> without the element: the summary is a button that opens and closes its panel.
    const summary = page.locator('#settings > summary');
    expect(await summary.getAttribute('role')).toBe('button');
    expect(await summary.getAttribute('aria-expanded')).toBe('false');
    await summary.click();
    expect(await page.getAttribute('#settings', 'open')).toBe('');
    expect(await summary.getAttribute('aria-expanded')).toBe('true');
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#settings', 'open')).toBeNull();
    expect(await page.getAttribute('#report', 'open')).toBe('');

    // 下载 Word: the docx chunk is modern JavaScript, so it is not loaded; the status says what to do instead.
    await page.click('#report .toolbar button:nth-child(2)');
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('无法'));
    const status = await text(page, '#status');
    expect(status).toContain('复制全文');
    expect(status).toContain('selfeval score 表.xlsx --report 报告.docx');
    expect(requests.some((u) => /\/docx\.[0-9a-f]+\.js$/.test(u))).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-ie.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an engine older than IE 11 (a compatibility document mode) gets a Chinese message, not a dead pane', async () => {
    const { page } = await openBare(() => {
      Object.defineProperty(Document.prototype, 'documentMode', { get: () => 10, configurable: true });
    });
    await page.waitForSelector('#unsupported:not([hidden])');
    expect(await text(page, '#unsupported')).toContain('绩效自评助手无法启动');
    expect(await text(page, '#unsupported')).toContain('Internet Explorer 11');
    expect(await text(page, '#unsupported')).toContain('selfeval');
    expect(await page.isHidden('#app')).toBe(true);
    await page.close();
  });

  test('a pane script that does not start in some web view shows the message too', async () => {
    const { page } = await openBare(undefined, (url) => (/\/taskpane\.[0-9a-f]+\.js$/.test(url) ? 'var x = ;' : undefined));
    await page.waitForSelector('#unsupported:not([hidden])');
    expect(await text(page, '#unsupported')).toContain('绩效自评助手无法启动');
    expect(await page.isHidden('#app')).toBe(true);
    await page.close();
  });

  test('no request left localhost except the routed office.js', () => {
    expect(panes.length).toBeGreaterThan(3);
    for (const { requests } of panes) {
      const outside = requests.filter((u) => !isLocal(u, server.origin) && u !== OFFICE_JS);
      expect(outside).toEqual([]);
      expect(requests).toContain(OFFICE_JS);
    }
  });
});
