/**
 * The WPS add-in's main page (index.html, loaded hidden when WPS starts): the ribbon callbacks that ribbon.xml names
 * (window.ribbon). 计算得分 calculates through the WPS door without the pane, shows what it did in a dialog
 * (outcome.html, the same page and facts as in Excel) and opens the task pane, showing this same outcome, only
 * when there is something to read (summary.ts). 打开任务窗格 shows the pane.
 * The last outcome goes to the pane through PluginStorage, which WPS shares between an add-in's pages.
 */
import type { CalculateOutcome } from '../taskpane/door';
import { S } from '../taskpane/strings';
import { commandFacts, factsToQuery, needsPane } from '../taskpane/summary';
import { calculateNow } from './door';
import { etApplication, type EtApplication } from './et';
import { LAST_OUTCOME_KEY, PANE_ID_KEY } from './keys';

const CALCULATE = 'jixiaoCalculate';
const TASKPANE = 'jixiaoTaskpane';

/** The add-in folder's address, from this page's (file:// offline, http:// online). */
export function addinBase(here: string = typeof location !== 'undefined' ? location.href : ''): string {
  return here.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}

/** Shows the task pane (created once per WPS session); `showLast` makes it show the last outcome. */
export function openPane(app: EtApplication, showLast: boolean): void {
  const url = addinBase() + 'taskpane.html' + (showLast ? '?show=last' : '');
  const id = Number(app.PluginStorage.getItem(PANE_ID_KEY));
  let pane = null;
  if (id) {
    try {
      pane = app.GetTaskPane(id);
    } catch {
      pane = null;
    }
  }
  if (!pane) {
    pane = app.CreateTaskPane(url, S.appTitle);
    app.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
  } else if (showLast) pane.Navigate(url);
  pane.Visible = true;
}

/** 计算得分 from the ribbon. Returns the outcome (for tests). */
export function calculateFromRibbon(app: EtApplication, now: Date = new Date()): CalculateOutcome {
  const outcome = calculateNow({}, now);
  const facts = commandFacts(outcome);
  app.PluginStorage.setItem(LAST_OUTCOME_KEY, JSON.stringify(outcome));
  app.ShowDialog(`${addinBase()}outcome.html?${factsToQuery(facts)}`, S.cmdDialogTitle, 460, 300, false);
  if (needsPane(facts)) openPane(app, true);
  return outcome;
}

function OnAddinLoad(): boolean {
  return true;
}

function OnAction(control: { Id: string }): boolean {
  const app = etApplication();
  if (!app) return false;
  if (control.Id === CALCULATE) calculateFromRibbon(app);
  else if (control.Id === TASKPANE) openPane(app, false);
  return true;
}

function GetImage(control: { Id: string }): string {
  return control.Id === CALCULATE ? 'images/calculate.png' : 'images/taskpane.png';
}

export const ribbon = { OnAddinLoad, OnAction, GetImage };
(globalThis as unknown as { ribbon: typeof ribbon }).ribbon = ribbon;
