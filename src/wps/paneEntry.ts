/**
 * Task pane entry for WPS 表格: the same pane as in Excel (src/taskpane/pane.ts), started with the WPS door. Opened
 * by the ribbon's 计算得分 with ?show=last, it shows that calculation's outcome (from PluginStorage) at once.
 */
import type { CalculateOutcome } from '../taskpane/door';
import { applyStaticText, notify, showOutcome, startPane } from '../taskpane/pane';
import { S } from '../taskpane/strings';
import { wpsDoor } from './door';
import { etApplication } from './et';
import { LAST_OUTCOME_KEY } from './keys';

function start(): void {
  applyStaticText();
  const app = etApplication();
  if (!app) {
    notify(S.notInWps, 'error');
    return;
  }
  startPane(wpsDoor);
  if (/[?&]show=last\b/.test(location.search)) {
    const raw = app.PluginStorage.getItem(LAST_OUTCOME_KEY);
    if (typeof raw === 'string' && raw) showOutcome(JSON.parse(raw) as CalculateOutcome);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

document.documentElement.setAttribute('data-pane', 'loaded');
