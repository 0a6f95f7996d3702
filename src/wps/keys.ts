/** PluginStorage keys shared by the WPS add-in's pages (the main page's ribbon and the task pane). */
export const PANE_ID_KEY = 'jixiaoziping.taskpane';
export const LAST_OUTCOME_KEY = 'jixiaoziping.lastOutcome';
