/**
 * What the add-in keeps in the workbook itself (write record, settings, report material), so that the
 * add-in and the command line read the same thing: JSON in column A of a very hidden sheet.
 */
import type { ReportMaterial, WriteRecord } from './types';

export const STORE_SHEET = '绩效自评助手数据';
/** Excel holds at most 32,767 characters in a cell. */
const CHUNK = 30000;

export interface WorkbookStore {
  version: 1;
  record: WriteRecord | null;
  /** Raw settings; validate with validateSettings before use. */
  settings: unknown;
  material: ReportMaterial | null;
}

export function emptyStore(): WorkbookStore {
  return { version: 1, record: null, settings: null, material: null };
}

/** The cells to write in column A, from A1 down. */
export function encodeStore(store: WorkbookStore): string[] {
  const json = JSON.stringify(store);
  const out: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) out.push(json.slice(i, i + CHUNK));
  return out.length ? out : ['{}'];
}

/** Reads column A back; anything unreadable gives an empty store (the workbook is never blocked by it). */
export function decodeStore(columnA: unknown[]): WorkbookStore {
  const text = columnA.map((v) => (typeof v === 'string' ? v : '')).join('');
  if (!text) return emptyStore();
  try {
    const o = JSON.parse(text) as Partial<WorkbookStore>;
    if (!o || typeof o !== 'object') return emptyStore();
    const rec = o.record;
    const recordOk = !!rec && rec.version === 1 && typeof rec.sheet === 'string' && Array.isArray(rec.cells);
    return {
      version: 1,
      record: recordOk ? (rec as WriteRecord) : null,
      settings: o.settings ?? null,
      material: o.material && typeof o.material === 'object' ? (o.material as ReportMaterial) : null,
    };
  } catch {
    return emptyStore();
  }
}
