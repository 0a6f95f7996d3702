/**
 * outcome.html in Excel: the dialog the ribbon's 计算得分 opens. It reads the facts from its address and says what
 * was done; 确定 tells the function file (messageParent), which closes the dialog and completes the command.
 */
import { renderOutcome } from '../taskpane/outcomeView';
import { commandSummary, factsFromQuery } from '../taskpane/summary';

function close(): void {
  try {
    if (typeof Office !== 'undefined' && Office.context && Office.context.ui && Office.context.ui.messageParent) {
      Office.context.ui.messageParent('close');
      return;
    }
  } catch {
    // Not in an Office dialog: fall through.
  }
  window.close();
}

function show(): void {
  renderOutcome(commandSummary(factsFromQuery(window.location.search), 'excel'), close);
}

if (typeof Office !== 'undefined') Office.onReady(show);
else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
else show();
