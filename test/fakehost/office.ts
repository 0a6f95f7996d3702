/**
 * A fake Office.js host for Excel, faithful where our code depends on it:
 * - reading a property that was not load()ed and synced throws, as Office.js does (PropertyNotLoaded);
 * - writes are queued and apply at sync(), in order; when an action fails, the earlier ones stay applied and the
 *   later ones do not (Office has no rollback);
 * - syncs are counted and can be made to fail on demand;
 * - *OrNullObject gives isNullObject true; a plain method on a null object fails at sync (ItemNotFound);
 * - a protected sheet rejects writes at sync (AccessDenied); setting values must match the range's shape;
 * - a call newer than the host's requirement sets fails at sync (ApiNotFound), as on an old Office. Guarded, with
 *   the sets of the Office.js reference: 1.2 worksheet protection, getUsedRange(valuesOnly), getResizedRange,
 *   rowHidden, setting visibility, columnWidth, autofitRows; 1.4 getItemOrNullObject, getUsedRangeOrNullObject,
 *   getCount; 1.7 workbook protection, getRangeByIndexes; 1.13 getMergedAreasOrNullObject. The rest is 1.1.
 * Stricter than Office in one respect: a property set on a proxy is not readable until loaded and synced
 * (Office.js would echo the value set).
 * Add-in commands (./commands.ts): Office.actions.associate and a function command's event.completed(), and the
 * dialog API (displayDialogAsync, the dialog's events, messageParent) with DialogApi 1.1/1.2 and AddinCommands 1.1
 * among the requirement sets.
 * No Node and no DOM imports: bundled for Chromium by the browser test.
 *
 * This module is the public entry; the host is split by concern:
 * - ./host.ts: the host state, counts, failures on demand, requirement sets, FakeOfficeError;
 * - ./context.ts: the request context, its queue and sync();
 * - ./proxy.ts: the base of every proxy (load, unloaded properties, null objects, queued writes);
 * - ./workbook.ts, ./worksheets.ts, ./worksheet.ts: the workbook, the worksheet collection, a worksheet, with their
 *   protection;
 * - ./range.ts, ./rangeParts.ts: a range, its merged areas, format and font; ./sheetRules.ts: the guards and cell
 *   coercion they share;
 * - ./install.ts: installFakeOffice, the Office and Excel globals.
 */
export { FakeOfficeError } from './host';
export type { FakeHost, FakeHostOptions, FakeRequest, SyncFailure } from './host';
export { installFakeOffice } from './install';
