/**
 * Browser tests of the ways in beyond the pane, in headless Debian Chromium (playwright-core):
 * - the intranet build (npm run build -- --env officejs=local): office.js and its files come from the add-in's own
 *   origin, the pages allow scripts from that origin only, and no request leaves it — with Microsoft's real
 *   office.js (outside Office it finds no host, and the pane says so) and with the fake host in its place;
 * - the ribbon's 计算得分 in Excel: the function file (commands.html) calculates without the pane and opens the
 *   outcome dialog (outcome.html), whose 确定 goes back with messageParent. Screenshot: test-output/outcome.png.
 * Skipped (with a message) only when /usr/bin/chromium is absent.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO } from './browser/build';
import type { StaticServer } from './browser/serve';
import type { FakeWorkbookSnapshot } from './fakehost/model';
import { EXAMPLE_SHEET as SHEET } from './helpers/example';
import { describeBrowser } from './browser/chromium';
import { servedPane, type ServedPane } from './browser/servedPane';

const OUTPUT = path.join(REPO, 'test-output');

interface Handle {
  cell(q: string): unknown;
  invoke(name: string): Promise<void>;
  dialogs(): { url: string; closed: boolean }[];
  messageFromDialog(message: string): void;
  sentToParent(): string[];
}
/** The page's window as the fake host leaves it (not a global declaration: browser.test.ts has its own). */
type FakeWindow = Window & { __fakeHost: Handle; __FAKE_WORKBOOK__?: FakeWorkbookSnapshot };

describeBrowser('intranet build and the ribbon command in headless Chromium', () => {
  jest.setTimeout(300000);
  let work: string;
  let server: StaticServer;
  let context: BrowserContext;
  let fakeOffice: string;
  let example: FakeWorkbookSnapshot;
  /** Every request of every page opened here, with the page's purpose. */
  const seen: { page: string; url: string }[] = [];

  let served: ServedPane | null = null;
  beforeAll(async () => {
    served = await servedPane('jixiao-reach-', ['--env', 'officejs=local']);
    ({ work, server, fakeOffice, context, example } = served);
  }, 300000);

  afterAll(async () => {
    if (served) await served.close();
  }, 60000);

  /**
   * A page of the intranet build: everything outside our origin is refused (and recorded); with `fake`, our own
   * office-js/office.js is answered with the fake host instead of Microsoft's file.
   */
  async function open(file: string, purpose: string, fake: boolean): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('request', (r) => seen.push({ page: purpose, url: r.url() }));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (!url.startsWith(`${server.origin}/`)) return route.abort('blockedbyclient');
      if (fake && url === `${server.origin}/office-js/office.js`) {
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice });
      }
      return route.continue();
    });
    if (fake) await page.addInitScript((s) => ((window as unknown as FakeWindow).__FAKE_WORKBOOK__ = s), example);
    await page.goto(`${server.origin}/${file}`);
    return { page, errors };
  }

  test('the intranet build loads office.js from its own origin and allows no other script source', () => {
    const dist = path.join(work, 'dist');
    for (const page of ['taskpane.html', 'commands.html', 'outcome.html']) {
      const html = fs.readFileSync(path.join(dist, page), 'utf8');
      expect(html).toMatch(/<script src=["']?office-js\/office\.js/);
      expect(html).not.toContain('appsforoffice');
      expect(html).toMatch(/script-src 'self';/);
      expect(html).toMatch(/connect-src 'self';/);
    }
    // Microsoft's files unchanged, with the Excel host scripts and the Chinese strings.
    const pkg = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
    for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'zh-cn/office_strings.js']) {
      expect(fs.readFileSync(path.join(dist, 'office-js', f)).equals(fs.readFileSync(path.join(pkg, f)))).toBe(true);
    }
    expect(fs.existsSync(path.join(dist, 'office-js', 'outlook-15.js'))).toBe(false);
    expect(fs.readdirSync(path.join(dist, 'office-js')).some((f) => f.endsWith('.debug.js'))).toBe(false);
  });

  test("Microsoft's office.js from our origin, outside Office: the pane says to open it in Excel; no request leaves", async () => {
    const { page } = await open('taskpane.html', 'real office.js', false);
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('Excel'), undefined, { timeout: 60000 });
    expect(await page.textContent('#status')).toContain('请在 Excel 中打开本加载项');
    await page.waitForTimeout(1000);
    const mine = seen.filter((s) => s.page === 'real office.js').map((s) => s.url);
    expect(mine).toContain(`${server.origin}/office-js/office.js`);
    expect(mine.filter((u) => !u.startsWith(`${server.origin}/`))).toEqual([]);
    await page.close();
  });

  test('the pane of the intranet build scores the example with office.js served by its own origin', async () => {
    const { page, errors } = await open('taskpane.html', 'pane', true);
    await page.waitForSelector('#calculate:not([disabled])');
    await page.click('#calculate');
    await page.waitForFunction(() => document.querySelector('#result-total')?.textContent === '98.00');
    expect(await page.evaluate((q) => (window as unknown as FakeWindow).__fakeHost.cell(q), `${SHEET}!G27`)).toBe(98);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('计算得分 from the ribbon: written without the pane, the outcome dialog shows 98.00 and 优, 确定 closes it', async () => {
    const { page, errors } = await open('commands.html', 'function file', true);
    const completed = page.evaluate(() => (window as unknown as FakeWindow).__fakeHost.invoke('calculateScores'));
    await page.waitForFunction(() => (window as unknown as FakeWindow).__fakeHost.dialogs().length === 1);
    expect(await page.evaluate((q) => (window as unknown as FakeWindow).__fakeHost.cell(q), `${SHEET}!G27`)).toBe(98);
    const [dialog] = await page.evaluate(() => (window as unknown as FakeWindow).__fakeHost.dialogs());
    expect(dialog.url.startsWith(`${server.origin}/outcome.html?status=done&`)).toBe(true);

    // The dialog page, as Office would open it (its own runtime, office.js from our origin).
    const shown = await open(dialog.url.slice(server.origin.length + 1), 'dialog', true);
    await shown.page.waitForFunction(() => (document.querySelector('#outcome-title')?.textContent ?? '') !== '');
    const text = (await shown.page.textContent('#outcome')) ?? '';
    expect(text).toContain('计算完成');
    expect(text).toContain('总分 98.00，等级“优”');
    expect(text).toContain('21 个单元格');
    expect(text).toContain('提示 2 项');
    expect(text).not.toContain('打开任务窗格');
    fs.mkdirSync(OUTPUT, { recursive: true });
    await shown.page.setViewportSize({ width: 480, height: 360 });
    await shown.page.screenshot({ path: path.join(OUTPUT, 'outcome.png') });
    await shown.page.click('#outcome-close');
    expect(await shown.page.evaluate(() => (window as unknown as FakeWindow).__fakeHost.sentToParent())).toEqual(['close']);

    // Office hands that message to the function file: it closes the dialog and completes the command.
    await page.evaluate(() => (window as unknown as FakeWindow).__fakeHost.messageFromDialog('close'));
    await completed;
    expect((await page.evaluate(() => (window as unknown as FakeWindow).__fakeHost.dialogs()))[0].closed).toBe(true);
    expect(errors).toEqual([]);
    expect(shown.errors).toEqual([]);
    await shown.page.close();
    await page.close();
  });

  test('no page of the intranet build requested anything outside its own origin', () => {
    expect(new Set(seen.map((s) => s.page)).size).toBe(4);
    expect(seen.filter((s) => !s.url.startsWith(`${server.origin}/`))).toEqual([]);
  });
});
