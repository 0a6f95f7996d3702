/**
 * The function file of the ribbon's 计算得分 (an ExecuteFunction command, AddinCommands 1.1): it calculates through
 * the same door as the pane (src/excel/session.ts), without opening the pane, then shows what it did in a dialog.
 *
 * Why a dialog: a function command has no UI of its own, and Excel offers add-ins no notification API
 * (notificationMessages is Outlook's); Office.context.ui.displayDialogAsync (DialogApi 1.1) works in Excel 2016
 * and later on Windows and Mac and in Excel on the web. The facts it shows (status, total, grade, counts) travel
 * in the dialog's address, the way documented for DialogApi 1.1, and hold no text from cells. Without DialogApi
 * the calculation still runs and the scores are in the sheet. The pane cannot be opened from a function file
 * without a shared runtime, so when there is something to read the dialog says to click 打开任务窗格.
 *
 * Where commands are not supported at all, Office shows the add-in through the manifest's task pane (the pane has
 * the same 计算得分).
 */
import * as session from '../excel/session';
import { commandFacts, factsToQuery, type CommandFacts } from '../taskpane/summary';

const FUNCTION_NAME = 'calculateScores';
let running = false;

function dialogApi(): boolean {
  try {
    return !!Office.context.requirements.isSetSupported('DialogApi', '1.1') && !!Office.context.ui;
  } catch {
    return false;
  }
}

/** outcome.html beside this function file (IE 11 has no URL constructor). */
export function outcomeUrl(facts: CommandFacts, here: string = typeof location !== 'undefined' ? location.href : ''): string {
  return here.replace(/[?#].*$/, '').replace(/[^/]*$/, '') + 'outcome.html?' + factsToQuery(facts);
}

/** Opens the outcome dialog; resolves once it is closed (or could not be opened). */
export function showOutcome(facts: CommandFacts): Promise<void> {
  if (!dialogApi()) return Promise.resolve();
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(outcomeUrl(facts), { height: 45, width: 32, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = result.value;
      // 确定 in the dialog sends a message; closing it with its own X is an event (12006).
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

/** 计算得分 from the ribbon. A second click while one runs does nothing. event.completed() always follows. */
export async function calculateScores(event: Office.AddinCommands.Event): Promise<void> {
  if (running) {
    event.completed();
    return;
  }
  running = true;
  try {
    const outcome = await session.calculate();
    await showOutcome(commandFacts(outcome));
  } catch (e) {
    // session.calculate returns its failures; this is a programming error, for the console only.
    console.error(e);
  } finally {
    running = false;
    event.completed();
  }
}

// Older Excel (2016) finds the function by its global name; newer ones through Office.actions.associate.
(globalThis as unknown as Record<string, unknown>)[FUNCTION_NAME] = calculateScores;
if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    if (Office.actions && typeof Office.actions.associate === 'function') Office.actions.associate(FUNCTION_NAME, calculateScores);
  });
}
