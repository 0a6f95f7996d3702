/** The fake Office.js host behaves like Office where our code depends on it. */
import { FakeHost, FakeWorkbook, installFakeOffice } from './fakehost';
import { loadXlsx, snapshotXlsx } from './fakehost/xlsx';
import { EXAMPLE_PATH } from './helpers/example';

const example = (): string => EXAMPLE_PATH;

function small(): FakeWorkbook {
  return FakeWorkbook.fromSnapshot({
    sheets: [
      { name: 'Data', cells: { A1: { value: 'x' }, B2: { value: 2, numberFormat: '0.00' }, C3: { value: 5, formula: '=B2+3' } }, merges: ['A5:B5'] },
      { name: 'Locked', protected: true, cells: { A1: { value: 'keep' } } },
      { name: 'Secret', visibility: 'VeryHidden', cells: { A1: { value: '{}' } } },
    ],
    activeSheet: 'Data',
  });
}

let host: FakeHost;
afterEach(() => host?.uninstall());

describe('load and sync', () => {
  test('reading a property that was not loaded throws, before and after sync', async () => {
    host = installFakeOffice(small());
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:C3');
      expect(() => r.values).toThrow(/not available.*load/);
      r.load('values');
      expect(() => r.values).toThrow(/not available/); // loaded but not synced
      await ctx.sync();
      expect(r.values).toEqual([
        ['x', '', ''],
        ['', 2, ''],
        ['', '', 5],
      ]);
      expect(() => r.numberFormat).toThrow(/not available/); // not asked for
      expect(() => r.address).toThrow(/not available/);
    });
  });

  test('formulas show the formula, values the result; number formats default to General', async () => {
    host = installFakeOffice(small());
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('B2:C3').load('values,formulas,numberFormat,address,rowCount,columnCount');
      await ctx.sync();
      expect(r.formulas).toEqual([
        [2, ''],
        ['', '=B2+3'],
      ]);
      expect(r.values[1][1]).toBe(5);
      expect(r.numberFormat).toEqual([
        ['0.00', 'General'],
        ['General', 'General'],
      ]);
      expect(r.address).toBe('Data!B2:C3');
      expect([r.rowCount, r.columnCount]).toEqual([2, 2]);
    });
  });

  test('writes are queued and apply only at sync; syncs are counted', async () => {
    const wb = small();
    host = installFakeOffice(wb);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('D4');
      r.values = [[42]];
      expect(wb.get('Data').valueAt('D4')).toBe('');
      expect(host.syncCount).toBe(0);
      await ctx.sync();
      expect(wb.get('Data').valueAt('D4')).toBe(42);
      expect(host.syncCount).toBe(1);
    });
    expect(host.runCount).toBe(1);
    expect(host.requests[0].ops.some((o) => o.includes('values='))).toBe(true);
  });

  test('the used range covers values and formats; getUsedRangeOrNullObject is null on an empty sheet', async () => {
    const wb = small();
    wb.addSheet('Empty');
    host = installFakeOffice(wb);
    await Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('Data').getUsedRange().load('address');
      const empty = ctx.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject().load('address');
      const emptyPlain = ctx.workbook.worksheets.getItem('Empty').getUsedRange().load('address');
      await ctx.sync();
      expect(used.address).toBe('Data!A1:C3');
      expect(empty.isNullObject).toBe(true);
      expect(emptyPlain.address).toBe('Empty!A1');
    });
  });

  test('collection load gives items with nested protection; very hidden sheets are listed', async () => {
    host = installFakeOffice(small());
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name,items/visibility,items/protection/protected');
      expect(() => sheets.items).toThrow(/not available/);
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility, s.protection.protected])).toEqual([
        ['Data', 'Visible', false],
        ['Locked', 'Visible', true],
        ['Secret', 'VeryHidden', false],
      ]);
    });
  });
});

describe('null objects', () => {
  test('getItemOrNullObject: isNullObject after sync only; true for a missing name, false for an existing one', async () => {
    host = installFakeOffice(small());
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope').load('name');
      const present = ctx.workbook.worksheets.getItemOrNullObject('data').load('name'); // case-insensitive
      expect(() => missing.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe('Data');
      expect(() => missing.name).toThrow(/not available/);
    });
  });

  test('an OrNullObject call on a null object gives a null object; a plain call fails the sync with ItemNotFound', async () => {
    host = installFakeOffice(small());
    await Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItemOrNullObject('Nope').getUsedRangeOrNullObject(true).load('values');
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
      ctx.workbook.worksheets.getItemOrNullObject('Nope').getRange('A1').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  test('getItem of a missing sheet fails at sync, not at the call', async () => {
    host = installFakeOffice(small());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Nope');
      ws.load('name');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });
});

describe('failures apply like Office: in order, no rollback', () => {
  test('a protected sheet rejects writes at sync; actions before stay applied, actions after do not', async () => {
    const wb = small();
    host = installFakeOffice(wb);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('E1').values = [['before']];
      ctx.workbook.worksheets.getItem('Locked').getRange('A1').values = [['changed']];
      ctx.workbook.worksheets.getItem('Data').getRange('E2').values = [['after']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(wb.get('Data').valueAt('E1')).toBe('before');
    expect(wb.get('Locked').valueAt('A1')).toBe('keep');
    expect(wb.get('Data').valueAt('E2')).toBe('');
  });

  test('failSync makes a chosen sync fail, after a chosen number of actions', async () => {
    const wb = small();
    host = installFakeOffice(wb);
    host.failSync(2, { afterOps: 1, code: 'GeneralException' });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('E1').values = [['one']];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Data').getRange('E2').values = [['two']];
      ctx.workbook.worksheets.getItem('Data').getRange('E3').values = [['three']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });
    expect(['E1', 'E2', 'E3'].map((a) => wb.get('Data').valueAt(a))).toEqual(['one', 'two', '']);
    expect(host.syncCount).toBe(2);
    expect(host.requests[1].error).toBeTruthy();
  });

  test('values must match the shape of the range; a single value fills it; null leaves a cell unchanged', async () => {
    const wb = small();
    host = installFakeOffice(wb);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange('E1:E2').values = [['only one row']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      ws.getRange('F1:F2').values = 7 as unknown as number[][];
      ws.getRange('A1:B1').values = [[null as unknown as string, 'y']];
      await ctx.sync();
    });
    expect(wb.get('Data').valueAt('E1')).toBe('');
    expect([wb.get('Data').valueAt('F1'), wb.get('Data').valueAt('F2')]).toEqual([7, 7]);
    expect([wb.get('Data').valueAt('A1'), wb.get('Data').valueAt('B1')]).toEqual(['x', 'y']);
  });

  test('strings are typed in as Excel does, unless the cell is formatted as text', async () => {
    const wb = small();
    host = installFakeOffice(wb);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange('G1:G3').values = [['=1+1'], ['123'], ['95%']];
      const t = ws.getRange('H1:H2');
      t.numberFormat = [['@'], ['@']];
      t.values = [['=1+1'], ['123']];
      await ctx.sync();
    });
    const s = wb.get('Data');
    expect(s.getCell(0, 6)?.formula).toBe('=1+1');
    expect(s.valueAt('G2')).toBe(123);
    expect(s.valueAt('G3')).toBe(0.95);
    expect(s.getCell(0, 7)?.formula).toBeUndefined();
    expect([s.valueAt('H1'), s.valueAt('H2')]).toEqual(['=1+1', '123']);
  });

  test('worksheets.add refuses a taken name (case-insensitive) and a protected workbook structure', async () => {
    const wb = small();
    host = installFakeOffice(wb);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('DATA');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    });
    wb.structureProtected = true;
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('New');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Data', 'Locked', 'Secret']);
  });
});

describe('requirement sets', () => {
  test('isSetSupported follows the configured sets; a newer call fails at sync with ApiNotFound', async () => {
    host = installFakeOffice(small(), { apiSets: { ExcelApi: '1.12' } });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.2')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A5:B5').getMergedAreasOrNullObject().load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });

  test('merged areas (ExcelApi 1.13): address of the areas in the range, null object when none', async () => {
    host = installFakeOffice(small());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      const m = ws.getRange('A1:C6').getMergedAreasOrNullObject().load('address,areaCount');
      const none = ws.getRange('A1:C3').getMergedAreasOrNullObject().load('address');
      await ctx.sync();
      expect(m.address).toBe('Data!A5:B5');
      expect(m.areaCount).toBe(1);
      expect(none.isNullObject).toBe(true);
    });
  });

  test('more than 512 merged areas make getMergedAreasOrNullObject fail, as documented', async () => {
    const wb = small();
    const s = wb.get('Data');
    for (let i = 0; i < 600; i++) s.merges.push({ top: 10 + i, left: 0, bottom: 10 + i, right: 1 });
    host = installFakeOffice(wb);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1:B700').getMergedAreasOrNullObject().load('address');
      await expect(ctx.sync()).rejects.toBeDefined();
    });
  });
});

describe('sheets, selection', () => {
  test('activate and select move the active sheet and the selection; a hidden sheet cannot be activated', async () => {
    const wb = small();
    wb.addSheet('Other');
    host = installFakeOffice(wb);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Other');
      ws.activate();
      ws.getRange('B7').select();
      await ctx.sync();
    });
    expect(wb.activeSheet).toBe('Other');
    expect(wb.selection).toEqual({ sheet: 'Other', address: 'B7' });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Secret').activate();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
  });

  test('a deleted sheet is gone for proxies made before the deletion', async () => {
    const wb = small();
    host = installFakeOffice(wb);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.load('name');
      await ctx.sync();
      wb.get('Data').deleted = true;
      wb.sheets = wb.sheets.filter((s) => s.name !== 'Data');
      ws.getRange('A1').values = [['x']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });
});

describe('xlsx loader and snapshot', () => {
  test('the example loads as Office shows it: merged non-anchor cells blank, formulas with cached results', async () => {
    const wb = await loadXlsx(example());
    const s = wb.sheets[0];
    expect(s.name).toBe('部门整体支出绩效自评表');
    expect(s.valueAt('A1')).toBe('部门整体支出绩效自评表');
    expect(s.valueAt('B1')).toBe(''); // A1:I1 is merged
    expect(s.getCell(7, 2)?.formula).toBe('=SUM(C9:C11)');
    expect(s.valueAt('C8')).toBe(3280);
    expect(s.merges.length).toBeGreaterThan(10);
    expect(wb.activeSheet).toBe('部门整体支出绩效自评表');
  });

  test('a snapshot survives JSON and rebuilds the same workbook (what the browser test loads)', async () => {
    const snap = await snapshotXlsx(example());
    const again = FakeWorkbook.fromSnapshot(JSON.parse(JSON.stringify(snap)));
    expect(again.toSnapshot()).toEqual(FakeWorkbook.fromSnapshot(snap).toSnapshot());
  });
});
