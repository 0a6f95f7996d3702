/**
 * Worksheets, Worksheet and Workbook of the fake WPS 表格 host (ET object model), as Excel's object model defines
 * them: Worksheets.Item takes a 1-based index or a name (case-insensitive) and raises on neither; Worksheets.Add
 * puts the new sheet before `before`, after `after`, or before the active sheet, and makes it active; a name
 * must be valid and unique; Visible is -1 / 0 / 2 (xlSheetVeryHidden) and the last visible sheet cannot be hidden
 * or deleted; a protected workbook structure refuses adding, renaming, hiding and deleting; Delete() with
 * DisplayAlerts on asks the user to confirm (here: an error, since a test cannot click), as WPS and Excel do for a
 * sheet with content.
 */
import { FakeSheet, validSheetName, type Visibility } from '../fakehost/model';
import { EtError, FakeEtRange, rectOf } from './range';
import type { WpsState } from './state';

const VISIBLE: Record<Visibility, number> = { Visible: -1, Hidden: 0, VeryHidden: 2 };
const MAX_ROW = 1048575;
const MAX_COL = 16383;

function visibilityOf(v: unknown): Visibility {
  if (v === 2) return 'VeryHidden';
  if (v === 0 || v === false) return 'Hidden';
  if (v === -1 || v === true) return 'Visible';
  throw new EtError(`无效的 Visible 值：${String(v)}`);
}

export class FakeEtWorksheet {
  constructor(
    readonly state: WpsState,
    readonly sheet: FakeSheet,
  ) {}

  private get wb() {
    return this.state.workbook;
  }

  private alive(): void {
    if (this.sheet.deleted || !this.wb.sheets.includes(this.sheet)) throw new EtError('对象已被删除。');
  }

  private structure(what: string): void {
    if (this.wb.structureProtected) throw new EtError(`工作簿受保护，无法${what}。`);
  }

  get Name(): string {
    this.alive();
    return this.sheet.name;
  }

  set Name(name: string) {
    this.alive();
    this.structure('重命名工作表');
    if (!validSheetName(name)) throw new EtError(`工作表名称“${name}”无效。`);
    const other = this.wb.sheet(name);
    if (other && other !== this.sheet) throw new EtError(`工作表名称“${name}”已被占用。`);
    if (this.wb.activeSheet.toLowerCase() === this.sheet.name.toLowerCase()) this.wb.activeSheet = name;
    this.sheet.name = name;
  }

  get Visible(): number {
    this.alive();
    return VISIBLE[this.sheet.visibility];
  }

  set Visible(v: unknown) {
    this.alive();
    this.structure('隐藏或取消隐藏工作表');
    const next = visibilityOf(v);
    const othersVisible = this.wb.sheets.some((s) => s !== this.sheet && s.visibility === 'Visible');
    if (next !== 'Visible' && !othersVisible) throw new EtError('工作簿中至少要有一张可见的工作表。');
    this.sheet.visibility = next;
    if (next !== 'Visible' && this.wb.activeSheet.toLowerCase() === this.sheet.name.toLowerCase()) {
      this.wb.activeSheet = (this.wb.sheets.find((s) => s.visibility === 'Visible') as FakeSheet).name;
    }
  }

  get ProtectContents(): boolean {
    this.alive();
    return this.sheet.protected;
  }

  /** Cells with a value, a formula or formatting, as Excel's UsedRange; A1 on an empty sheet. */
  get UsedRange(): FakeEtRange {
    this.alive();
    const r = this.sheet.usedRange(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    return new FakeEtRange(this.state, this.sheet, r);
  }

  get Cells(): FakeEtRange {
    this.alive();
    return new FakeEtRange(this.state, this.sheet, { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL });
  }

  Range(address: string): FakeEtRange {
    this.alive();
    return new FakeEtRange(this.state, this.sheet, rectOf(address));
  }

  Activate(): void {
    this.alive();
    if (this.sheet.visibility !== 'Visible') throw new EtError('无法激活隐藏的工作表。');
    this.wb.activeSheet = this.sheet.name;
  }

  Delete(): void {
    this.alive();
    this.structure('删除工作表');
    const hasContent = this.sheet.usedRange(false) !== null;
    if (this.state.displayAlerts && hasContent) throw new EtError('删除工作表需要用户确认（DisplayAlerts 为 true 时会弹出对话框）。');
    if (this.sheet.visibility === 'Visible' && !this.wb.sheets.some((s) => s !== this.sheet && s.visibility === 'Visible')) {
      throw new EtError('工作簿中至少要有一张可见的工作表。');
    }
    this.wb.sheets = this.wb.sheets.filter((s) => s !== this.sheet);
    this.sheet.deleted = true;
    if (this.wb.activeSheet.toLowerCase() === this.sheet.name.toLowerCase()) {
      this.wb.activeSheet = (this.wb.sheets.find((s) => s.visibility === 'Visible') as FakeSheet).name;
    }
  }
}

export class FakeEtSheets {
  constructor(readonly state: WpsState) {}

  private wrap(s: FakeSheet): FakeEtWorksheet {
    return new FakeEtWorksheet(this.state, s);
  }

  get Count(): number {
    return this.state.workbook.sheets.length;
  }

  Item(index: number | string): FakeEtWorksheet {
    const sheets = this.state.workbook.sheets;
    if (typeof index === 'number') {
      if (!Number.isInteger(index) || index < 1 || index > sheets.length) throw new EtError('下标越界。');
      return this.wrap(sheets[index - 1]);
    }
    const s = this.state.workbook.sheet(String(index));
    if (!s) throw new EtError('下标越界。');
    return this.wrap(s);
  }

  Add(before?: FakeEtWorksheet, after?: FakeEtWorksheet): FakeEtWorksheet {
    const wb = this.state.workbook;
    if (wb.structureProtected) throw new EtError('工作簿受保护，无法插入工作表。');
    let n = wb.sheets.length + 1;
    while (wb.sheet(`Sheet${n}`)) n++;
    const sheet = new FakeSheet(`Sheet${n}`);
    const active = wb.sheet(wb.activeSheet);
    const at = after ? wb.sheets.indexOf(after.sheet) + 1 : before ? wb.sheets.indexOf(before.sheet) : active ? wb.sheets.indexOf(active) : wb.sheets.length;
    wb.sheets.splice(at, 0, sheet);
    wb.activeSheet = sheet.name;
    return this.wrap(sheet);
  }
}

export class FakeEtWorkbook {
  readonly Worksheets: FakeEtSheets;
  constructor(
    readonly state: WpsState,
    readonly Name: string,
  ) {
    this.Worksheets = new FakeEtSheets(state);
  }

  get ActiveSheet(): FakeEtWorksheet {
    return this.Worksheets.Item(this.state.workbook.activeSheet);
  }

  get ProtectStructure(): boolean {
    return this.state.workbook.structureProtected;
  }
}
