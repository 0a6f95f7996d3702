/**
 * Entry for the WPS browser test: bundled and run before the add-in's pages, it installs the fake WPS host over
 * the snapshot in window.__FAKE_WORKBOOK__ and exposes window.__fakeWps for assertions. The pages of one test share
 * PluginStorage through window.__WPS_STORAGE__ (WPS shares it between an add-in's pages).
 */
import { FakeWorkbook, type FakeWorkbookSnapshot } from '../fakehost/model';
import { installFakeWps } from './index';

const w = globalThis as unknown as { __FAKE_WORKBOOK__?: FakeWorkbookSnapshot; __fakeWps?: unknown };
const workbook = FakeWorkbook.fromSnapshot(w.__FAKE_WORKBOOK__ ?? { sheets: [{ name: 'Sheet1', cells: {} }] });
const host = installFakeWps(workbook);

w.__fakeWps = {
  cell: (sheet: string, address: string) => workbook.get(sheet).valueAt(address),
  sheetNames: () => workbook.sheets.map((s) => s.name),
  dialogs: () => host.dialogs.slice(),
  taskPanes: () => host.taskPanes.map((p) => ({ url: p.url, visible: p.Visible })),
  storage: () => Object.fromEntries(host.storage),
  writes: () => host.log.filter((e) => e.write).length,
};
