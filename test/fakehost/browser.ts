/**
 * Entry for the browser test: bundle this file in place of office.js. It reads the workbook snapshot placed in
 * `window.__FAKE_WORKBOOK__` (JSON from snapshotXlsx in ./xlsx.ts), installs Office and Excel on window, and
 * exposes `window.__fakeHost` for assertions: the live workbook, its snapshot, the sync count and the requests.
 */
import { FakeWorkbook, FakeWorkbookSnapshot } from './model';
import { FakeHostOptions, installFakeOffice } from './office';

interface FakeWindow {
  __FAKE_WORKBOOK__?: FakeWorkbookSnapshot;
  __FAKE_OPTIONS__?: FakeHostOptions;
  __fakeHost?: unknown;
}

const w = globalThis as unknown as FakeWindow;
const snapshot: FakeWorkbookSnapshot = w.__FAKE_WORKBOOK__ ?? { sheets: [{ name: 'Sheet1', cells: {} }] };
const workbook = FakeWorkbook.fromSnapshot(snapshot);
const host = installFakeOffice(workbook, w.__FAKE_OPTIONS__ ?? {});

w.__fakeHost = {
  workbook,
  host,
  /** JSON of the workbook now (cells keyed by A1 address, per sheet). */
  snapshot: () => JSON.parse(JSON.stringify(workbook.toSnapshot())) as FakeWorkbookSnapshot,
  /** Value of one cell: '部门整体支出绩效自评表!G14'. */
  cell: (qualified: string) => {
    const i = qualified.lastIndexOf('!');
    const sheet = workbook.sheet(qualified.slice(0, i).replace(/^'|'$/g, ''));
    return sheet ? sheet.valueAt(qualified.slice(i + 1)) : undefined;
  },
  sheetNames: () => workbook.sheets.map((s) => s.name),
  get syncCount() {
    return host.syncCount;
  },
  get runCount() {
    return host.runCount;
  },
  get requests() {
    return host.requests;
  },
  failSync: (n?: number) => host.failSync(n),
  /** Clicks a ExecuteFunction ribbon button of this (function file) page; resolves at event.completed(). */
  invoke: (name: string) => host.commands.invoke(name).done,
  dialogs: () => host.commands.dialogs.map((d) => ({ url: d.url, closed: d.closed })),
  /** The open dialog's 确定 (its page's messageParent), seen from this page. */
  messageFromDialog: (message: string) => host.commands.openDialog?.messageFromChild(message),
  /** What this page sent with messageParent (when it is itself a dialog). */
  sentToParent: () => host.commands.sentToParent.slice(),
};
