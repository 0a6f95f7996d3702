/**
 * Task pane entry for Excel: once Office is ready in Excel, the pane (./pane.ts) is started with the Excel door
 * (src/excel/session.ts, which alone reaches the gateway and Excel.*).
 */
import * as session from '../excel/session';
import type { PaneDoor } from './door';
import { applyStaticText, notify, startPane } from './pane';
import { S } from './strings';

const excelDoor: PaneDoor = session;

function notInExcel(): void {
  notify(S.notInExcel, 'error');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', applyStaticText);
else applyStaticText();

if (typeof Office === 'undefined') {
  document.addEventListener('DOMContentLoaded', notInExcel);
} else {
  Office.onReady((info) => {
    const excel = Office.HostType ? Office.HostType.Excel : 'Excel';
    if (info && info.host === excel) startPane(excelDoor);
    else notInExcel();
  });
}

// The pane's code ran (unsupported.js shows its message at window load when this mark is missing).
document.documentElement.setAttribute('data-pane', 'loaded');
