/**
 * A production build of the pane served from localhost, the fake Office host bundled for the page, the example's
 * snapshot and a Chromium to open it in: what the pane's browser suites set up before their tests.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';
import { buildFakeHost, buildPane } from './build';
import { launchChromium } from './chromium';
import { serveDir, type StaticServer } from './serve';
import type { FakeWorkbookSnapshot } from '../fakehost/model';
import { snapshotXlsx } from '../fakehost/xlsx';
import { EXAMPLE_PATH } from '../helpers/example';

export interface ServedPane {
  work: string;
  dist: string;
  server: StaticServer;
  context: BrowserContext;
  /** The fake Office host's bundle, to add to pages before office.js would run. */
  fakeOffice: string;
  example: FakeWorkbookSnapshot;
  close(): Promise<void>;
}

/** Builds (with `buildArgs`, e.g. the intranet switch), serves and launches; `close` undoes all of it. */
export async function servedPane(prefix: string, buildArgs: string[] = [], launch: { acceptDownloads?: boolean } = {}): Promise<ServedPane> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dist = path.join(work, 'dist');
  buildPane(dist, buildArgs);
  const fakeOffice = fs.readFileSync(await buildFakeHost(path.join(work, 'fakehost')), 'utf8');
  const example = await snapshotXlsx(EXAMPLE_PATH);
  const server = await serveDir(dist);
  const context = await launchChromium(work, launch);
  return {
    work, dist, server, context, fakeOffice, example,
    async close() {
      await context.close();
      await server.close();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}
