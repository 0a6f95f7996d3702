/**
 * A fake WPS 表格 host for the WPS door's tests: window.Application (the JSA root) over an in-memory workbook, with
 * the add-in side WPS gives every page of an add-in (PluginStorage shared between the pages, CreateTaskPane /
 * GetTaskPane, ShowDialog) recorded for assertions. Load a workbook from .xlsx with test/fakehost/xlsx.ts.
 * No Node and no DOM imports.
 */
import type { FakeWorkbook } from '../fakehost/model';
import { FakeEtWorkbook } from './sheets';
import type { WpsState } from './state';

export { EtError, FakeEtRange } from './range';
export { FakeEtSheets, FakeEtWorkbook, FakeEtWorksheet } from './sheets';

export interface FakeTaskPane {
  readonly ID: number;
  url: string;
  Visible: boolean;
  navigations: string[];
  Navigate(url: string): void;
  Delete(): void;
}

export interface FakeWpsHost {
  state: WpsState;
  workbook: FakeWorkbook;
  taskPanes: FakeTaskPane[];
  dialogs: { url: string; title?: string; width?: number; height?: number; modal?: boolean }[];
  storage: Map<string, number | boolean | string>;
  /** Content reads (Value2, Formula, NumberFormat, MergeCells, Hidden) and writes, in order. */
  readonly log: WpsState['log'];
  uninstall(): void;
}

/** Installs globalThis.Application (and wps) over `workbook`; `null` for WPS with no workbook open. */
export function installFakeWps(workbook: FakeWorkbook | null, name = '自评表.xlsx'): FakeWpsHost {
  const state: WpsState = { workbook: workbook as FakeWorkbook, displayAlerts: true, log: [] };
  const taskPanes: FakeTaskPane[] = [];
  const dialogs: FakeWpsHost['dialogs'] = [];
  const storage = new Map<string, number | boolean | string>();
  const wb = workbook ? new FakeEtWorkbook(state, name) : null;
  const app = {
    get ActiveWorkbook() {
      return wb;
    },
    get DisplayAlerts() {
      return state.displayAlerts;
    },
    set DisplayAlerts(v: boolean) {
      state.displayAlerts = !!v;
    },
    PluginStorage: {
      setItem: (key: string, value: number | boolean | string) => void storage.set(key, value),
      getItem: (key: string) => (storage.has(key) ? storage.get(key) : null),
    },
    CreateTaskPane(url: string) {
      const pane: FakeTaskPane = {
        ID: taskPanes.length + 1,
        url,
        Visible: false,
        navigations: [],
        Navigate(next: string) {
          this.url = next;
          this.navigations.push(next);
        },
        Delete() {
          taskPanes.splice(taskPanes.indexOf(pane), 1);
        },
      };
      taskPanes.push(pane);
      return pane;
    },
    GetTaskPane(id: number) {
      const pane = taskPanes.find((p) => p.ID === id);
      if (!pane) throw new Error(`no task pane ${id}`);
      return pane;
    },
    ShowDialog(url: string, title?: string, width?: number, height?: number, modal?: boolean) {
      dialogs.push({ url, title, width, height, modal });
    },
  };
  const g = globalThis as Record<string, unknown>;
  const previous = { Application: g.Application, wps: g.wps };
  g.Application = app;
  g.wps = app;
  return {
    state,
    workbook: state.workbook,
    taskPanes,
    dialogs,
    storage,
    get log() {
      return state.log;
    },
    uninstall() {
      g.Application = previous.Application;
      g.wps = previous.wps;
    },
  };
}
