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
    const recordOk = !!rec && rec.version === 1 && typeof rec.sheet === 'string' && Array.isArray(rec.cells) && rec.cells.every(validCell);
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

const ADDRESS = /^[A-Z]{1,3}[1-9]\d{0,6}$/;
const isScalar = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * A record cell as we write it. A record edited by hand or damaged is dropped whole: a record we cannot trust
 * could make a user's value look like ours, while no record only makes ours look like the user's (kept).
 */
function validCell(c: unknown): boolean {
  if (!c || typeof c !== 'object') return false;
  const x = c as Record<string, unknown>;
  const before = x.before as Record<string, unknown> | null | undefined;
  return (
    typeof x.address === 'string' && ADDRESS.test(x.address) && isScalar(x.written) && typeof x.numberFormat === 'string' &&
    !!before && typeof before === 'object' && isScalar(before.value) && typeof before.numberFormat === 'string'
  );
}
