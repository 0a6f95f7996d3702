/**
 * Add-in commands and the dialog API of the fake Office host, as Office documents them:
 * - Office.actions.associate(id, fn) maps a manifest FunctionName to a function; Excel 2016 looks the name up on
 *   the function file's window instead, so invoke() falls back to a global of that name;
 * - a function command gets an event whose completed() must be called once; invoke() resolves when it is;
 * - Office.context.ui.displayDialogAsync(url, options, callback) needs DialogApi 1.1 (calling it where the host does
 *   not support that fails), an absolute HTTPS address (12003; http only for localhost/127.0.0.1 here, as the test
 *   server is), and one dialog at a time (12007); the callback gets { status, value: dialog } or { status, error };
 * - the dialog's 确定 is messageParent (DialogMessageReceived: { message, origin }); its X is DialogEventReceived
 *   with error 12006; dialog.close() closes it without an event.
 * No Node and no DOM imports: bundled for Chromium by the browser test.
 */
type Handler = (arg: unknown) => void;

export class FakeDialog {
  readonly url: string;
  readonly options: Record<string, unknown>;
  closed = false;
  private handlers = new Map<string, Handler[]>();
  private readonly onClose: () => void;

  constructor(url: string, options: Record<string, unknown>, onClose: () => void) {
    this.url = url;
    this.options = options;
    this.onClose = onClose;
  }

  addEventHandler(type: string, handler: Handler, callback?: (r: { status: string }) => void): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler);
    this.handlers.set(type, list);
    callback?.({ status: 'succeeded' });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }

  /** The dialog page called messageParent(message). */
  messageFromChild(message: string, origin = ''): void {
    if (this.closed) throw new Error('messageParent from a closed dialog');
    for (const h of this.handlers.get('dialogMessageReceived') ?? []) h({ type: 'dialogMessageReceived', message, origin });
  }

  /** The user closed the dialog with its X: Office raises DialogEventReceived with 12006 and the dialog is gone. */
  closeByUser(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    for (const h of this.handlers.get('dialogEventReceived') ?? []) h({ type: 'dialogEventReceived', error: 12006 });
  }
}

export interface Invocation {
  /** Resolves when event.completed() is called. */
  done: Promise<void>;
  readonly completedCalls: number;
}

function allowedAddress(url: string): boolean {
  return /^https:\/\//i.test(url) || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//i.test(url);
}

export class FakeCommands {
  readonly functions = new Map<string, (event: unknown) => unknown>();
  readonly dialogs: FakeDialog[] = [];
  /** Messages the current page sent with messageParent (when this page is itself a dialog). */
  readonly sentToParent: string[] = [];
  readonly actions: { associate: (id: string, fn: (event?: unknown) => unknown) => void };
  readonly ui: {
    displayDialogAsync: (url: string, a?: unknown, b?: unknown) => void;
    messageParent: (message: string) => void;
  };
  private readonly supports: (name: string, version?: string) => boolean;

  constructor(supports: (name: string, version?: string) => boolean) {
    this.supports = supports;
    this.actions = {
      associate: (id, fn) => {
        if (typeof fn !== 'function') throw new Error(`Office.actions.associate('${id}'): not a function`);
        this.functions.set(id, fn);
      },
    };
    this.ui = {
      displayDialogAsync: (url, a, b) => this.displayDialogAsync(url, a, b),
      messageParent: (message) => {
        if (!this.supports('DialogApi', '1.1')) throw new Error('messageParent needs DialogApi 1.1');
        this.sentToParent.push(String(message));
      },
    };
  }

  get openDialog(): FakeDialog | undefined {
    return this.dialogs.find((d) => !d.closed);
  }

  private displayDialogAsync(url: string, a?: unknown, b?: unknown): void {
    if (!this.supports('DialogApi', '1.1')) throw new TypeError('Office.context.ui.displayDialogAsync is not supported (DialogApi 1.1)');
    const options = (typeof a === 'object' && a ? a : {}) as Record<string, unknown>;
    const callback = (typeof a === 'function' ? a : b) as ((r: unknown) => void) | undefined;
    const fail = (code: number, message: string) => callback?.({ status: 'failed', error: { code, message } });
    // Office answers asynchronously.
    void Promise.resolve().then(() => {
      if (!allowedAddress(url)) return fail(12003, 'The dialog box must use HTTPS.');
      if (this.openDialog) return fail(12007, 'A dialog box is already opened from this host window.');
      const dialog = new FakeDialog(url, options, () => undefined);
      this.dialogs.push(dialog);
      callback?.({ status: 'succeeded', value: dialog });
    });
  }

  /** Clicks a ribbon button whose action is ExecuteFunction(name): the associated function, else the global one. */
  invoke(name: string, globals: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): Invocation {
    const fn = this.functions.get(name) ?? (typeof globals[name] === 'function' ? (globals[name] as (e: unknown) => unknown) : null);
    if (!fn) throw new Error(`No function '${name}' associated or global in the function file`);
    let completedCalls = 0;
    let resolve: () => void = () => undefined;
    const done = new Promise<void>((r) => (resolve = r));
    const event = {
      source: { id: name },
      completed: () => {
        completedCalls++;
        if (completedCalls > 1) throw new Error('event.completed() called twice');
        resolve();
      },
    };
    fn(event);
    return {
      done,
      get completedCalls() {
        return completedCalls;
      },
    };
  }
}
