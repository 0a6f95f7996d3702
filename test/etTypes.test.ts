/**
 * The WPS door's view of the ET object model (src/wps/et.ts) against WPS's own declarations (et-jsapi-declare):
 * the declared Range and Worksheet can stand where the door expects an EtRange and an EtWorksheet, so every
 * property and method the door uses exists there with a fitting type. (Worksheets.Item is declared to return
 * Worksheet | Sheets, a union the door narrows by calling it with an index or a name; it is not checked here.)
 * This file fails to compile, and so fails, if they drift apart.
 */
/// <reference types="et-jsapi-declare" />
import type { EtRange, EtWorksheet } from '../src/wps/et';
import { XL_CENTER, XL_SHEET_VERY_HIDDEN } from '../src/wps/et';

type Fits<Door, Declared extends Door> = Declared;
export type RangeFits = Fits<EtRange, Et.Range>;
export type WorksheetFits = Fits<EtWorksheet, Et.Worksheet>;

test('the constants are those of XlSheetVisibility and XlHAlign', () => {
  const veryHidden: Et.XlSheetVisibility = XL_SHEET_VERY_HIDDEN;
  const center: number = XL_CENTER;
  expect([veryHidden, center]).toEqual([2, -4108]);
});
