/**
 * Debian's Chromium for the browser tests: where it is, the suite skipped (with why) when it is not, and one launch
 * with the flags a closed network needs (no background requests, a fresh profile).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`跳过浏览器测试：未找到 ${CHROMIUM}。请安装 Debian 软件包 chromium（apt-get install chromium）后重试。`);
export const describeBrowser = hasChromium ? describe : describe.skip;

/** A headless Chromium with a new profile under `work`, a task pane's width and Chinese as the locale. */
export async function launchChromium(work: string, options: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 340, height: 900 },
    locale: 'zh-CN',
    ...options,
  });
}
