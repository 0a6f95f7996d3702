/**
 * The one calculation every door runs (spec §5, §7): from what the door read, everything it must write — the
 * cells, the report sheet (replacing our untouched draft in place, or added beside an edited one), the record
 * and the store — or why nothing may be written. Doors only read, call this, and apply what it returns.
 */
import type { SheetGrid } from './grid';
import { dependentFormulas } from './formulas';
import { issue, sortIssues } from './issues';
import { evaluateWorkbook } from './evaluate';
import { MESSAGES } from './messages';
import { MATERIAL_SHEET, buildReport, readMaterialSheet } from './report';
import { REPORT_SHEET, isOurUntouchedDraft, reportDigest, reportSheetRows, uniqueSheetName, type ReportSheetRow } from './reportSheet';
import { validateSettings, type Settings } from './settings';
import { STORE_SHEET, encodeStore, type WorkbookStore } from './store';
import type { CellWrite, FoundEvaluation, NotFoundEvaluation, Report, ReportMaterial, SheetSearch, WriteRecord } from './types';

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** A sheet of the workbook as the door sees it, in tab order. */
export interface DoorSheet {
  name: string;
  visibility: SheetVisibility;
  /** Sheet protection; null when the host cannot tell (ExcelApi 1.1): the door must then find out by trying. */
  protected: boolean | null;
}

export interface CalculateInput {
  sheets: DoorSheet[];
  activeSheet?: string;
  /** The sheets read so far (the active one, or more after a notFound); the store sheet is ignored. */
  grids: SheetGrid[];
  store: WorkbookStore;
  /**
   * Column A of the sheet that the store's record names as our last draft (draftLines), when that sheet exists;
   * undefined when it does not or the door did not read it (then it is never replaced).
   */
  previousDraft?: string[] | null;
  /** Workbook structure protection (no sheet may be added); null when the host cannot tell. */
  structureProtected: boolean | null;
  /**
   * The door can add our sheets to a structure-locked workbook and keep the lock (a file: the command line). Excel
   * and WPS cannot: there a locked structure refuses the calculation.
   */
  addsSheetsUnderLock?: boolean;
  /** Settings given to this run (command line --settings): used and kept in the store. Else the store's. */
  settings?: Settings;
  /** Output cells whose user value the user chose to replace by the computed one ("采用计算值"). */
  acceptComputed?: string[];
  /** ISO time of the calculation (the engine reads no clock). */
  now: string;
  /** File name, for messages of the command line. */
  file?: string;
}

/** What becomes of the report sheet. */
export interface DraftAction {
  /** 'replace': our untouched draft of that name, rewritten in place (same tab); 'add': a new sheet. */
  kind: 'replace' | 'add';
  name: string;
  rows: ReportSheetRow[];
  digest: string;
}

interface Common {
  report: Report;
  /** Problems with the settings kept in the workbook (defaults were used for those fields). */
  settingsErrors: string[];
  message: string;
}

export type Calculation =
  | { kind: 'notFound'; evaluation: NotFoundEvaluation; settingsErrors: string[]; message: string; searchNext: string[] }
  | ({ kind: 'refused'; reason: 'sheetProtected' | 'storeProtected' | 'structureProtected'; evaluation: FoundEvaluation } & Common)
  | ({
      kind: 'ready';
      evaluation: FoundEvaluation;
      /** The 自评表 sheet and its cell writes (value and number format each). */
      sheet: string;
      writes: CellWrite[];
      draft: DraftAction;
      /** The store to keep (record, settings, material) and its column-A cells. */
      store: WorkbookStore;
      storeCells: string[];
      storeExists: boolean;
      /** Formula cells that read written cells: the host must recalculate them (a file: on opening). */
      recalculate: string[];
    } & Common);

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Sheets worth reading when the ones read hold no table: not ours (store, 报告素材), not very hidden (add-ins'
 * data), not read already.
 */
export function sheetsToSearch(sheets: DoorSheet[], read: string[]): string[] {
  const skip = new Set([STORE_SHEET, MATERIAL_SHEET, ...read].map((n) => n.toLowerCase()));
  return sheets.filter((s) => s.visibility !== 'VeryHidden' && !skip.has(s.name.toLowerCase())).map((s) => s.name);
}

/** The store's material, with what the 报告素材 sheet says over it. */
function materialOf(stored: ReportMaterial | null, sheet: SheetGrid | undefined): ReportMaterial | null {
  const fromSheet = sheet ? readMaterialSheet(sheet) : null;
  if (!fromSheet) return stored;
  const out: ReportMaterial = { ...(stored ?? {}) };
  for (const [k, v] of Object.entries(fromSheet)) if (typeof v === 'string' && v.trim()) (out as Record<string, string>)[k] = v;
  return out;
}

function draftAction(input: CalculateInput, report: Report): DraftAction {
  const rows = reportSheetRows(report);
  const digest = reportDigest(rows.map((r) => r.text));
  const previous = input.store.record?.reportSheet;
  const existing = previous ? input.sheets.find((s) => same(s.name, previous)) : undefined;
  if (existing && !existing.protected && input.previousDraft !== undefined && isOurUntouchedDraft(input.store.record, input.previousDraft)) {
    return { kind: 'replace', name: existing.name, rows, digest };
  }
  return { kind: 'add', name: uniqueSheetName(REPORT_SHEET, input.sheets.map((s) => s.name)), rows, digest };
}

/**
 * The formula cells to recalculate: those of the table sheet (the evaluation's) and those of other sheets that read
 * it (a cover sheet's ='自评表'!G27), named together in one 提示.
 */
function withOtherSheets(evaluation: FoundEvaluation, grids: SheetGrid[], written: string[]): string[] {
  const others = dependentFormulas(grids.filter((g) => !same(g.name, evaluation.sheet)), evaluation.sheet, written);
  if (!others.length) return evaluation.plan.recalculate;
  const all = [...evaluation.plan.recalculate, ...others];
  const shown = all.slice(0, 5).join('、') + (all.length > 5 ? ` 等 ${all.length} 个单元格` : '');
  const at = evaluation.issues.findIndex((i) => i.kind === 'formulasRecalculate');
  const note = issue('formulasRecalculate', evaluation.sheet, '', { cells: shown });
  if (at >= 0) evaluation.issues[at] = note;
  else evaluation.issues = sortIssues([...evaluation.issues, note]);
  return all;
}

export function calculate(input: CalculateInput): Calculation {
  const validated = input.settings ? { settings: input.settings, errors: [] } : validateSettings(input.store.settings);
  const settingsErrors = validated.errors;
  const materialSheet = input.grids.find((g) => same(g.name, MATERIAL_SHEET));
  const grids = input.grids.filter((g) => !same(g.name, MATERIAL_SHEET) && !same(g.name, STORE_SHEET));
  const evaluation = evaluateWorkbook(grids, {
    settings: validated.settings,
    record: input.store.record,
    activeSheet: input.activeSheet,
    acceptComputed: input.acceptComputed,
    now: input.now,
  });
  if (!evaluation.found) {
    const searchNext = sheetsToSearch(input.sheets, input.grids.map((g) => g.name));
    return { kind: 'notFound', evaluation, settingsErrors, message: MESSAGES.notFound(evaluation.searched, input.file), searchNext };
  }
  const material = materialOf(input.store.material, materialSheet);
  const report = buildReport(evaluation, material);
  const { plan, sheet } = evaluation;
  const common = { evaluation, report, settingsErrors };

  const target = input.sheets.find((s) => same(s.name, sheet));
  const storeSheet = input.sheets.find((s) => same(s.name, STORE_SHEET));
  const draft = draftAction(input, report);
  if (target?.protected && plan.writes.length) return { kind: 'refused', reason: 'sheetProtected', ...common, message: MESSAGES.sheetProtected(sheet) };
  if (storeSheet?.protected) return { kind: 'refused', reason: 'storeProtected', ...common, message: MESSAGES.storeProtected() };
  const adds = [...(draft.kind === 'add' ? [draft.name] : []), ...(storeSheet ? [] : [STORE_SHEET])];
  if (input.structureProtected && adds.length) {
    if (!input.addsSheetsUnderLock) {
      const what = draft.kind === 'add' ? MESSAGES.addSheet(draft.name) : MESSAGES.saveRecord();
      return { kind: 'refused', reason: 'structureProtected', ...common, message: MESSAGES.structureProtected(what) };
    }
    evaluation.issues = sortIssues([...evaluation.issues, issue('structureKept', sheet, '', { sheets: adds.map((n) => `“${n}”`).join('、') })]);
  }

  const recalculate = withOtherSheets(evaluation, grids, plan.writes.map((w) => w.address));
  const record: WriteRecord = { ...plan.record, reportSheet: draft.name, reportDigest: draft.digest };
  const store: WorkbookStore = {
    version: 1,
    record,
    settings: input.settings ?? input.store.settings,
    material,
  };
  return {
    kind: 'ready',
    ...common,
    sheet,
    writes: plan.writes,
    draft,
    store,
    storeCells: encodeStore(store),
    storeExists: !!storeSheet,
    recalculate,
    message: MESSAGES.written(sheet, plan.writes.length),
  };
}

/** What a door reports after a calculation: shown in the pane, summarised by the ribbon's one-click command. */
export interface CalculateOutcome {
  ok: boolean;
  message: string;
  /** The table found and scored; null when none was found or the read failed. */
  evaluation: FoundEvaluation | null;
  report: Report | null;
  /** The report sheet written; null when nothing was written. */
  reportSheet: string | null;
  searched: SheetSearch[];
}

/**
 * The outcome of a calculation a door has dealt with: `applied` names the report sheet it wrote, `failure` is the
 * door's message when reading or writing failed (what was calculated is still shown).
 */
export function calculateOutcome(calc: Calculation | null, done: { applied: string } | { failure: string }): CalculateOutcome {
  const found = calc && calc.kind !== 'notFound' ? calc : null;
  const searched = calc ? calc.evaluation.searched : [];
  const base = { evaluation: found ? found.evaluation : null, report: found ? found.report : null, searched };
  if ('failure' in done) return { ok: false, message: done.failure, reportSheet: null, ...base };
  if (!calc || calc.kind !== 'ready') return { ok: false, message: calc ? calc.message : '', reportSheet: null, ...base };
  return { ok: true, message: calc.message, reportSheet: done.applied, ...base };
}
