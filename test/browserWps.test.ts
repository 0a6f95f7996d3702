/**
 * The WPS 表格 add-in in headless Debian Chromium (WPS shows add-in pages in Chromium too): the built folder opened
 * from disk, as the offline install has it (file://), with the fake WPS host in place of WPS's Application.
 * - the pane (taskpane.html, Content-Security-Policy 'self' only) starts with the WPS door and scores the example;
 * - the main page's ribbon callback 计算得分 writes the scores, shows the outcome dialog and opens no pane;
 * - the dialog (outcome.html) shows the outcome. Screenshots: test-output/wps-pane.png, test-output/wps-outcome.png.
 * No request leaves the add-in's folder. Skipped (with a message) only when /usr/bin/chromium is absent.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { buildFakeHost, buildPane, REPO } from './browser/build';
import type { FakeWorkbookSnapshot } from './fakehost/model';
import { snapshotXlsx } from './fakehost/xlsx';
import { EXAMPLE_PATH, EXAMPLE_SHEET as SHEET } from './helpers/example';
import { describeBrowser, launchChromium } from './browser/chromium';

const OUTPUT = path.join(REPO, 'test-output');

interface WpsHandle {
  cell(sheet: string, address: string): unknown;
  dialogs(): { url: string }[];
  taskPanes(): { url: string; visible: boolean }[];
  writes(): number;
}
type WpsWindow = Window & { __fakeWps: WpsHandle; __FAKE_WORKBOOK__?: FakeWorkbookSnapshot; ribbon: { OnAction(c: { Id: string }): boolean } };

describeBrowser('the WPS add-in folder in headless Chromium (file://, fake WPS host)', () => {
  jest.setTimeout(300000);
  let work: string;
  let addin: string;
  let context: BrowserContext;
  let fakeWps: string;
  let example: FakeWorkbookSnapshot;
  const requests: string[] = [];

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-wps-'));
    addin = path.join(work, 'jixiaoziping');
    buildPane(addin, ['--config', 'webpack.wps.config.js']);
    fakeWps = fs.readFileSync(await buildFakeHost(path.join(work, 'fake'), 'fake-wps.js', path.join(REPO, 'test', 'fakewps', 'browser.ts')), 'utf8');
    example = await snapshotXlsx(EXAMPLE_PATH);
    context = await launchChromium(work);
  }, 300000);

  afterAll(async () => {
    if (context) await context.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }, 60000);

  /** A page of the add-in folder from disk, with WPS's Application faked before any script of the page. */
  async function open(file: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript((s) => ((window as unknown as WpsWindow).__FAKE_WORKBOOK__ = s), example);
    await page.addInitScript({ content: fakeWps });
    await page.goto(`file://${path.join(addin, file)}`);
    return { page, errors };
  }

  test('the folder WPS loads: ribbon.xml with 计算得分 and 打开任务窗格, pages with a self-only policy and no office.js', () => {
    const ribbon = fs.readFileSync(path.join(addin, 'ribbon.xml'), 'utf8');
    expect(ribbon).toContain('label="计算得分"');
    expect(ribbon).toContain('label="打开任务窗格"');
    for (const page of ['index.html', 'taskpane.html', 'outcome.html']) {
      const html = fs.readFileSync(path.join(addin, page), 'utf8');
      expect(html).toMatch(/script-src 'self';/);
      expect(html).not.toMatch(/office\.js|appsforoffice/);
    }
  });

  test('the pane scores the example through the WPS door', async () => {
    const { page, errors } = await open('taskpane.html');
    await page.waitForSelector('#calculate:not([disabled])');
    await page.click('#calculate');
    await page.waitForFunction(() => document.querySelector('#result-total')?.textContent === '98.00');
    const w = (sheet: string, a: string) => page.evaluate(([s, x]) => (window as unknown as WpsWindow).__fakeWps.cell(s, x), [sheet, a]);
    expect(await w(SHEET, 'G27')).toBe(98);
    expect(await w('自评报告', 'A1')).toMatch(/整体支出绩效自评报告$/);
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('98.00'));
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'wps-pane.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('计算得分 from the ribbon: written, the outcome dialog shown, no pane; the dialog page says 98.00 and 优', async () => {
    const main = await open('index.html');
    await main.page.waitForFunction(() => typeof (window as unknown as WpsWindow).ribbon === 'object');
    expect(await main.page.evaluate(() => (window as unknown as WpsWindow).ribbon.OnAction({ Id: 'jixiaoCalculate' }))).toBe(true);
    const handle = await main.page.evaluate(() => {
      const f = (window as unknown as WpsWindow).__fakeWps;
      return { dialogs: f.dialogs(), panes: f.taskPanes() };
    });
    expect(handle.panes).toEqual([]);
    expect(handle.dialogs).toHaveLength(1);
    const url = handle.dialogs[0].url;
    expect(url.startsWith(`file://${addin}/outcome.html?status=done&`)).toBe(true);
    expect(main.errors).toEqual([]);

    const dialog = await open(url.slice(`file://${addin}/`.length));
    await dialog.page.waitForFunction(() => (document.querySelector('#outcome-title')?.textContent ?? '') !== '');
    const text = (await dialog.page.textContent('#outcome')) ?? '';
    expect(text).toContain('总分 98.00，等级“优”');
    expect(text).not.toContain('任务窗格中列出');
    await dialog.page.setViewportSize({ width: 460, height: 300 });
    await dialog.page.screenshot({ path: path.join(OUTPUT, 'wps-outcome.png') });
    expect(dialog.errors).toEqual([]);
    await dialog.page.close();
    await main.page.close();
  });

  test('no request left the add-in folder', () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => !u.startsWith(`file://${addin}/`))).toEqual([]);
  });
});
