/** Installs the fake host: globalThis.Office and globalThis.Excel over a workbook. No Node and no DOM imports. */
import { FakeContext } from './context';
import { FakeOfficeError, HostState, type FakeHost, type FakeHostOptions } from './host';
import type { FakeWorkbook } from './model';

/** Office.context.document.settings, in memory. */
function documentSettings(): Record<string, unknown> {
  const store = new Map<string, unknown>();
  return {
    get: (name: string) => (store.has(name) ? store.get(name) : null),
    set: (name: string, value: unknown) => void store.set(name, JSON.parse(JSON.stringify(value))),
    remove: (name: string) => void store.delete(name),
    saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: 'succeeded' }),
  };
}

/**
 * Defines globalThis.Office and globalThis.Excel over `workbook`. Returns the host, for assertions:
 * sync count, the requests, failures on demand.
 */
export function installFakeOffice(workbook: FakeWorkbook, options: FakeHostOptions = {}): FakeHost {
  const host = new HostState(workbook, options);
  const g = globalThis as Record<string, unknown>;
  const previous = { Office: g.Office, Excel: g.Excel, OfficeExtension: g.OfficeExtension };

  const office: Record<string, unknown> = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    actions: host.commands.actions,
    context: {
      requirements: { isSetSupported: (name: string, version?: string) => host.isSetSupported(name, version) },
      ui: host.commands.ui,
      document: { settings: documentSettings() },
      displayLanguage: 'zh-CN',
      contentLanguage: 'zh-CN',
    },
    initialize: undefined,
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      const init = office.initialize as ((reason?: string) => void) | undefined;
      if (typeof init === 'function') init('inserted');
      cb?.(info);
      return Promise.resolve(info);
    },
  };

  const excel = {
    async run<T>(a: unknown, b?: unknown): Promise<T> {
      const batch = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<T>;
      host.runCount++;
      const ctx = new FakeContext(host);
      const result = await batch(ctx);
      if (ctx.pending) await ctx.sync();
      return result;
    },
    RequestContext: FakeContext,
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      apiNotFound: 'ApiNotFound',
      generalException: 'GeneralException',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
    },
  };

  g.Office = office;
  g.Excel = excel;
  g.OfficeExtension = { Error: FakeOfficeError };
  host.uninstall = () => {
    g.Office = previous.Office;
    g.Excel = previous.Excel;
    g.OfficeExtension = previous.OfficeExtension;
  };
  return host;
}
