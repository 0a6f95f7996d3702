/**
 * The Excel gateway: the only code that calls `Excel.*`. This file is its surface, for the session; each concern
 * lives in a file named for it: capabilities (requirement sets, asked once per run), read and chunked (reading),
 * write and recovery (applying a calculation, and what a failed write left), restore, select, messages (Office
 * failures in Chinese). No rule of the domain lives in the gateway: the engine decides, the gateway reads and applies.
 */
export { probeCapabilities, type Capabilities } from './capabilities';
export { GatewayError } from './messages';
export { probeWritable, readSheetValues, readSheets, readStore, readWorkbook, type WorkbookRead } from './read';
export { writeCalculation, writeStore } from './write';
export { restore } from './restore';
export { selectCell } from './select';
