/** Shared state of the fake WPS host: the workbook, the application's switches, and what happened (for tests). */
import type { FakeWorkbook } from '../fakehost/model';

export interface WpsState {
  workbook: FakeWorkbook;
  displayAlerts: boolean;
  /** Content reads and writes, in order. */
  log: { op: string; write: boolean }[];
}
