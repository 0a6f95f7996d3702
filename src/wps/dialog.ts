/** outcome.html in WPS: the dialog the ribbon's 计算得分 shows (Application.ShowDialog); 确定 closes it. */
import { renderOutcome } from '../taskpane/outcomeView';
import { commandSummary, factsFromQuery } from '../taskpane/summary';

function show(): void {
  renderOutcome(commandSummary(factsFromQuery(location.search), 'wps'), () => window.close());
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
else show();
