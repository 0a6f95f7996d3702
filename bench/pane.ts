/**
 * The production task pane: the JavaScript it loads at start (gzipped, office.js excluded) and the time from
 * navigation to ready in headless Chromium, with office.js routed to the fake Office host as in the browser test.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { Browser } from 'playwright-core';
import { buildFakeHost, buildPane } from '../test/browser/build';
import { serveDir } from '../test/browser/serve';
import type { FakeWorkbookSnapshot } from '../test/fakehost/model';
import { median, nowMs } from './stats';

export const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface JsFile {
  file: string;
  bytes: number;
  gzipped: number;
}

export interface PaneSize {
  initial: JsFile[];
  initialGzipped: number;
  lazy: JsFile[];
}

export interface PaneTiming {
  runs: number;
  readyMs: number;
  readyMsMin: number;
  domContentLoadedMs: number;
  /** JavaScript the page actually fetched before ready (office.js excluded), gzipped. */
  fetchedJs: string[];
  fetchedGzipped: number;
}

function jsFile(dist: string, file: string): JsFile {
  const buf = fs.readFileSync(path.join(dist, file));
  return { file, bytes: buf.length, gzipped: zlib.gzipSync(buf, { level: 9 }).length };
}

/** Builds the pane as `npm run build` does (same webpack config, production mode) into `outDir`. */
export function buildProductionPane(outDir: string): void {
  buildPane(outDir);
}

/** Initial JavaScript: the local <script src> of taskpane.html (office.js is from the CDN); every other .js is lazy. */
export function paneSize(dist: string): PaneSize {
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]).filter((s) => !/^https?:/.test(s));
  const initial = scripts.map((s) => jsFile(dist, s.replace(/^\.?\//, '')));
  const lazy = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js') && !initial.some((i) => i.file === f))
    .map((f) => jsFile(dist, f));
  return { initial, initialGzipped: initial.reduce((s, f) => s + f.gzipped, 0), lazy };
}

/** Navigation → #calculate enabled, in a fresh browser context (empty cache) per run. */
export async function paneReady(dist: string, work: string, workbook: FakeWorkbookSnapshot, runs: number): Promise<PaneTiming> {
  const fakeOffice = fs.readFileSync(await buildFakeHost(path.join(work, 'fakehost')), 'utf8');
  const server = await serveDir(dist);
  const { chromium } = await import('playwright-core');
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    const ready: number[] = [];
    const dcl: number[] = [];
    let fetched = new Set<string>();
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 340, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const js = new Set<string>();
      page.on('request', (r) => {
        const url = r.url();
        if (url !== OFFICE_JS && /\.js(\?|$)/.test(url)) js.add(url.slice(server.origin.length + 1));
      });
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice });
        if (url.startsWith(`${server.origin}/`)) return route.continue();
        return route.abort('blockedbyclient');
      });
      await page.addInitScript((s) => {
        (window as unknown as { __FAKE_WORKBOOK__: unknown }).__FAKE_WORKBOOK__ = s;
      }, workbook);
      const t0 = nowMs();
      await page.goto(`${server.origin}/taskpane.html`, { waitUntil: 'commit' });
      await page.waitForSelector('#calculate:not([disabled])', { timeout: 30000 });
      const t1 = nowMs();
      const nav = await page.evaluate(() => {
        const e = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return e ? e.domContentLoadedEventEnd : NaN;
      });
      await context.close();
      if (i === 0) continue; // the first run warms Chromium itself (process start-up, code caches of the binary)
      ready.push(t1 - t0);
      dcl.push(nav);
      fetched = js;
    }
    const files = [...fetched].sort();
    return {
      runs,
      readyMs: median(ready),
      readyMsMin: Math.min(...ready),
      domContentLoadedMs: median(dcl),
      fetchedJs: files,
      fetchedGzipped: files.reduce((s, f) => (fs.existsSync(path.join(dist, f)) ? s + jsFile(dist, f).gzipped : s), 0),
    };
  } finally {
    if (browser) await browser.close();
    await server.close();
  }
}
