/** The fake WPS 表格 host behaves as the ET object model is documented (so that the door's tests mean something). */
import { FakeWorkbook } from './fakehost/model';
import { installFakeWps, type FakeEtWorkbook, type FakeWpsHost } from './fakewps';

let host: FakeWpsHost;
afterEach(() => host?.uninstall());

function book(): FakeEtWorkbook {
  const wb = FakeWorkbook.fromSnapshot({
    sheets: [
      { name: '表', cells: { A1: { value: '标题' }, B2: { value: 0.96, numberFormat: '0%' }, C2: { value: 3, formula: '=1+2' } }, merges: ['A1:C1'] },
      { name: '锁定', cells: { A1: { value: 1 } }, protected: true },
    ],
  });
  host = installFakeWps(wb);
  return (globalThis as unknown as { Application: { ActiveWorkbook: FakeEtWorkbook } }).Application.ActiveWorkbook;
}

test('Value2: one cell is the value, several an array of rows; empty is undefined; Formula gives the formula text', () => {
  const ws = book().Worksheets.Item(1);
  expect(ws.Range('B2').Value2).toBe(0.96);
  expect(ws.Range('A1:C2').Value2).toEqual([['标题', undefined, undefined], [undefined, 0.96, 3]]);
  expect(ws.Range('B2:C2').Formula).toEqual([['0.96', '=1+2']]);
  expect(ws.UsedRange.Address()).toBe('$A$1:$C$2');
  expect(ws.UsedRange.Address(false, false)).toBe('A1:C2');
});

test('NumberFormat of differing cells is null; MergeCells true/false/null; MergeArea of a merged cell', () => {
  const ws = book().Worksheets.Item('表');
  expect(ws.Range('B2').NumberFormat).toBe('0%');
  expect(ws.Range('A2:B2').NumberFormat).toBeNull();
  expect(ws.Range('A1:C1').MergeCells).toBe(true);
  expect(ws.Range('A2:C2').MergeCells).toBe(false);
  expect(ws.Range('A1:A2').MergeCells).toBeNull();
  expect(ws.Range('B1').MergeArea.Address(false, false)).toBe('A1:C1');
});

test('a protected sheet refuses every change; an array must fit the range; "=…" becomes a formula unless text-formatted', () => {
  const wb = book();
  expect(() => (wb.Worksheets.Item('锁定').Range('A1').Value2 = 2)).toThrow('受保护');
  expect(() => (wb.Worksheets.Item('锁定').Range('A1').NumberFormat = '@')).toThrow('受保护');
  const ws = wb.Worksheets.Item('表');
  expect(() => (ws.Range('A5:A6').Value2 = [['x']])).toThrow('数组大小');
  ws.Range('D1').Value2 = '=A1';
  expect(ws.Range('D1').Formula).toBe('=A1');
  ws.Range('D2').NumberFormat = '@';
  ws.Range('D2').Value2 = '=A1';
  expect(ws.Range('D2').Formula).toBe('=A1');
  expect(host.workbook.get('表').read(1, 3).formula).toBeUndefined();
});

test('Worksheets: 1-based Item, Add activates the new sheet, very hidden is 2, Delete asks first unless DisplayAlerts is off', () => {
  const wb = book();
  expect(() => wb.Worksheets.Item(0)).toThrow('下标越界');
  expect(() => wb.Worksheets.Item('无')).toThrow('下标越界');
  const added = wb.Worksheets.Add(undefined, wb.Worksheets.Item(2));
  expect(wb.Worksheets.Count).toBe(3);
  expect(wb.ActiveSheet.Name).toBe(added.Name);
  added.Range('A1').Value2 = 'x';
  added.Visible = 2;
  expect(added.Visible).toBe(2);
  expect(wb.ActiveSheet.Name).toBe('表');
  expect(() => added.Delete()).toThrow('确认');
  host.state.displayAlerts = false;
  added.Delete();
  expect(wb.Worksheets.Count).toBe(2);
  expect(() => added.Name).toThrow('已被删除');
});

test('a protected workbook structure refuses adding and deleting sheets', () => {
  const wb = book();
  host.workbook.structureProtected = true;
  expect(() => wb.Worksheets.Add()).toThrow('工作簿受保护');
  expect(wb.ProtectStructure).toBe(true);
});
