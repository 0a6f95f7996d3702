/**
 * Faults the add-in and the command line must survive (issue 6 §3), beyond those test/gateway.test.ts and
 * test/gatewayRestore.test.ts already cover (a protected table sheet or workbook structure, the sheet renamed or
 * deleted between read and write, a write sync cut off at every action, restore refusing a protected or renamed
 * sheet): a failed read, a damaged or foreign store, a protected store sheet, a failed restore; for the command line
 * a corrupt file, a path that cannot be written, a missing or unreadable folder. Each time the user is told in Chinese what happened and
 * nothing is left half-written that the record cannot undo.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FakeWorkbook, installFakeOffice, type FakeHost } from './fakehost';
import { changedCells, workbookDump } from './fakehost/compare';
import { loadXlsx } from './fakehost/xlsx';
import * as session from '../src/excel/session';
import { STORE_SHEET, decodeStore, encodeStore, type WorkbookStore } from '../src/engine/store';
import { REPORT_SHEET } from '../src/engine/reportSheet';
import { main } from '../src/cli/main';
import { EXAMPLE, SHEET, captureIo, tempDir } from './cliHelpers';

let pristine: FakeWorkbook;
let host: FakeHost | null = null;
let consoleError: jest.SpyInstance;

beforeAll(async () => {
  pristine = await loadXlsx(EXAMPLE);
});
beforeEach(() => {
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  host?.uninstall();
  host = null;
  // No fault here may surface as an unexpected (programming) error.
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

function withStore(wb: FakeWorkbook, column: string[]): void {
  const s = wb.addSheet(STORE_SHEET, 'VeryHidden');
  column.forEach((text, i) => s.set(`A${i + 1}`, text));
}

function storeOf(wb: FakeWorkbook): WorkbookStore | null {
  const s = wb.sheet(STORE_SHEET);
  if (!s) return null;
  const col: unknown[] = [];
  for (let r = 0; s.getCell(r, 0); r++) col.push(s.getCell(r, 0)?.value);
  return decodeStore(col);
}

const CHINESE_ONLY = (m: string) => expect(m.replace(/（错误代码：\w+）/, '')).not.toMatch(/[A-Za-z]{3,}/);

describe('add-in: reading fails', () => {
  test('the read sync and its chunked fallback both fail: a Chinese message, nothing written', async () => {
    const wb = pristine.clone();
    const before = workbookDump(wb);
    host = installFakeOffice(wb);
    host.failSync(1, { code: 'GeneralException' });
    host.failSync(2, { code: 'GeneralException' });
    host.failSync(3, { code: 'GeneralException' });
    const out = await session.calculate();
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/读取工作簿失败/);
    expect(out.message).toMatch(/未作任何修改/);
    CHINESE_ONLY(out.message);
    expect(workbookDump(wb)).toEqual(before);
    expect(host.requests.every((r) => !r.ops.some((o) => /\.values\s*=|add\(/.test(o)))).toBe(true);
  });

  test('only the first read fails (a busy host): the fallback read scores 98.00 and writes as usual', async () => {
    const wb = pristine.clone();
    host = installFakeOffice(wb);
    host.failSync(1, { code: 'GeneralException' });
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
    expect(wb.get(SHEET).valueAt('G27')).toBe(98);
  });

  test('restore whose read fails: a Chinese message, nothing changed, the record kept for another try', async () => {
    const wb = pristine.clone();
    host = installFakeOffice(wb);
    await session.calculate();
    const before = workbookDump(wb);
    host.resetCounts();
    host.failSync(1, { code: 'GeneralException' });
    host.failSync(2, { code: 'GeneralException' });
    const r = await session.restoreLast();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/失败/);
    CHINESE_ONLY(r.message);
    expect(workbookDump(wb)).toEqual(before);
    expect(storeOf(wb)?.record).not.toBeNull();
    host.resetCounts();
    const again = await session.restoreLast();
    expect(again.ok).toBe(true);
    expect(changedCells(pristine.get(SHEET), wb.get(SHEET))).toEqual([]);
  });
});

describe('add-in: the store sheet', () => {
  test('garbage that is not JSON: ignored, the sheet scored, the store rewritten, restore works', async () => {
    const wb = pristine.clone();
    withStore(wb, ['{"version":1,"record":{"cells":[', '这不是数据']);
    host = installFakeOffice(wb);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
    expect(storeOf(wb)?.record?.sheet).toBe(SHEET);
    const r = await session.restoreLast();
    expect(r.ok).toBe(true);
    expect(changedCells(pristine.get(SHEET), wb.get(SHEET))).toEqual([]);
  });

  test('a damaged record (a null cell, a bad address): dropped whole, no unexpected error (fixed)', async () => {
    for (const cells of [[null], [{ address: 'ZZZZ99', written: 1, numberFormat: 'General', before: { value: '', numberFormat: 'General' } }], [{ address: 'G13', written: 10 }]]) {
      const wb = pristine.clone();
      withStore(wb, [JSON.stringify({ version: 1, record: { version: 1, sheet: SHEET, at: '', cells }, settings: null, material: null })]);
      host = installFakeOffice(wb);
      const out = await session.calculate();
      expect([JSON.stringify(cells), out.ok, out.message]).toEqual([JSON.stringify(cells), true, expect.stringMatching(/已将计算结果写入/)]);
      expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
      const r = await session.restoreLast();
      expect(r.ok).toBe(true);
      expect(changedCells(pristine.get(SHEET), wb.get(SHEET))).toEqual([]);
      host.uninstall();
      host = null;
    }
  });

  test('a damaged record before a restore: “nothing to restore”, nothing changed', async () => {
    const wb = pristine.clone();
    withStore(wb, [JSON.stringify({ version: 1, record: { version: 1, sheet: SHEET, at: '', cells: [null] } })]);
    const before = workbookDump(wb);
    host = installFakeOffice(wb);
    const r = await session.restoreLast();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/没有可恢复的内容/);
    expect(workbookDump(wb)).toEqual(before);
  });

  test('a record from another sheet name: restore names that sheet and changes nothing; calculate ignores it', async () => {
    const wb = pristine.clone();
    const foreign = {
      version: 1 as const, at: '', sheet: '别的表',
      cells: [{ address: 'G13', written: 10, numberFormat: '0.00', before: { value: '', numberFormat: 'General' } }],
    };
    withStore(wb, encodeStore({ version: 1, record: foreign, settings: null, material: null }));
    const before = workbookDump(wb);
    host = installFakeOffice(wb);
    const r = await session.restoreLast();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/找不到工作表“别的表”/);
    expect(workbookDump(wb)).toEqual(before);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
    expect(storeOf(wb)?.record?.sheet).toBe(SHEET);
    expect((await session.restoreLast()).ok).toBe(true);
    expect(changedCells(pristine.get(SHEET), wb.get(SHEET))).toEqual([]);
  });

  test('a protected store sheet: a Chinese message before anything is written, the workbook unchanged', async () => {
    const wb = pristine.clone();
    withStore(wb, encodeStore({ version: 1, record: null, settings: null, material: { functions: '部门职能文字' } }));
    wb.get(STORE_SHEET).protected = true;
    const before = workbookDump(wb);
    host = installFakeOffice(wb);
    const out = await session.calculate();
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/受保护/);
    expect(out.message).toMatch(/未对工作簿做任何修改/);
    expect(workbookDump(wb)).toEqual(before);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6); // the results are still shown
  });

  test('the report sheet the record names was deleted by the user: calculate and restore still work', async () => {
    const wb = pristine.clone();
    host = installFakeOffice(wb);
    await session.calculate();
    wb.sheets = wb.sheets.filter((s) => s.name !== REPORT_SHEET);
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.reportSheet).toBe(REPORT_SHEET);
    const r = await session.restoreLast();
    expect(r.ok).toBe(true);
    expect(changedCells(pristine.get(SHEET), wb.get(SHEET))).toEqual([]);
    expect(wb.sheet(REPORT_SHEET)).toBeUndefined();
  });
});

describe('add-in on ExcelApi 1.1 (Excel 2016 without updates: the store sheet cannot be hidden)', () => {
  const OLD = { apiSets: { ExcelApi: '1.1' } };

  test('a protected store sheet: a Chinese message, the workbook unchanged', async () => {
    const wb = pristine.clone();
    withStore(wb, encodeStore({ version: 1, record: null, settings: null, material: { functions: '部门职能文字' } }));
    wb.get(STORE_SHEET).protected = true;
    const before = workbookDump(wb);
    host = installFakeOffice(wb, OLD);
    const out = await session.calculate();
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/受保护/);
    expect(out.message).toMatch(/未作修改|未对工作簿做任何修改/);
    CHINESE_ONLY(out.message);
    expect(workbookDump(wb)).toEqual(before);
  });

  test('a damaged record and a failed read: handled as on newer Excel', async () => {
    const wb = pristine.clone();
    withStore(wb, [JSON.stringify({ version: 1, record: { version: 1, sheet: SHEET, at: '', cells: [null] } })]);
    host = installFakeOffice(wb, OLD);
    host.failSync(1, { code: 'GeneralException' });
    const failed = await session.calculate();
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/读取工作簿失败/);
    host.resetCounts();
    const out = await session.calculate();
    expect(out.ok).toBe(true);
    expect(out.evaluation?.results?.total).toBeCloseTo(98, 6);
    expect((await session.restoreLast()).ok).toBe(true);
    expect(changedCells(pristine.get(SHEET), wb.get(SHEET))).toEqual([]);
  });
});

describe('add-in: a restore that fails half-way', () => {
  test('cut at every action of the restore write: the message is Chinese, and a second restore finishes the job', async () => {
    const probe = pristine.clone();
    host = installFakeOffice(probe);
    await session.calculate();
    host.resetCounts();
    await session.restoreLast();
    const writeSync = host.requests.length; // the last sync of a restore is its write
    const total = host.requests[writeSync - 1].ops.length;
    host.uninstall();
    host = null;
    expect(total).toBeGreaterThan(5);
    for (let k = 0; k < total; k += 2) {
      const wb = pristine.clone();
      host = installFakeOffice(wb);
      await session.calculate();
      host.resetCounts();
      host.beforeSync = (n) => {
        if (n === writeSync) host!.failSync(0, { afterOps: k, code: 'GeneralException' });
      };
      const r = await session.restoreLast();
      host.beforeSync = null;
      expect(r.ok).toBe(false);
      CHINESE_ONLY(r.message);
      const again = await session.restoreLast();
      if (again.ok) expect(changedCells(pristine.get(SHEET), wb.get(SHEET))).toEqual([]);
      else expect(again.message).toMatch(/没有可恢复的内容/);
      expect(changedCells(pristine.get(SHEET), wb.get(SHEET))).toEqual([]);
      host.uninstall();
      host = null;
    }
  });
});

describe('command line', () => {
  let dir: string;
  beforeAll(() => (dir = tempDir('selfeval-faults-')));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(...argv: string[]) {
    const io = captureIo();
    const code = await main(argv, io);
    return { code, out: io.out(), err: io.err() };
  }
  const files = (d: string) => fs.readdirSync(d).sort();

  test.each([
    ['zip header, garbage after', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), /已损坏或不是有效的 \.xlsx 文件/],
    ['a truncated copy of the example', null, /已损坏或不是有效的 \.xlsx 文件/],
    ['an empty file', Buffer.alloc(0), /不是有效的 \.xlsx 文件/],
    ['a text file named .xlsx', Buffer.from('单位,得分\n测试局,98\n'), /不是有效的 \.xlsx 文件/],
    ['an old .xls (OLE) renamed .xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]), /旧版 \.xls 格式或已加密/],
  ])('a corrupt input (%s): exit 2, one Chinese line, no output written', async (_name, bytes, message) => {
    const sub = fs.mkdtempSync(path.join(dir, 'corrupt-'));
    const input = path.join(sub, '自评表.xlsx');
    const data = bytes ?? fs.readFileSync(EXAMPLE).subarray(0, 4000);
    fs.writeFileSync(input, data);
    const r = await run('score', input);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(files(sub)).toEqual(['自评表.xlsx']);
    expect(fs.readFileSync(input).equals(data)).toBe(true);
  });

  test('a nonexistent input file or folder: exit 2, “找不到”', async () => {
    for (const p of [path.join(dir, '没有这个文件.xlsx'), path.join(dir, '没有这个文件夹', '表.xlsx')]) {
      const r = await run('score', p);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/找不到文件/);
    }
  });

  test('an output path under a file (not a folder): exit 2, a Chinese message, the input untouched', async () => {
    const blocker = path.join(dir, '不是文件夹');
    fs.writeFileSync(blocker, 'x');
    const before = fs.readFileSync(EXAMPLE);
    const r = await run('score', EXAMPLE, '-o', path.join(blocker, '输出.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.err).not.toMatch(/\bat \w|\.ts:\d/); // no stack trace
    expect(fs.readFileSync(EXAMPLE).equals(before)).toBe(true);
  });

  // Known CLI bugs (src/cli is not ours to change; reported to the lead). test.failing documents today's output and
  // turns red once fixed, so that the fix flips it into a plain test.
  test('an output path under a file gives a Chinese reason, not an internal error (EEXIST, mkdir)', async () => {
    const blocker = path.join(dir, '也不是文件夹');
    fs.writeFileSync(blocker, 'x');
    const r = await run('score', EXAMPLE, '-o', path.join(blocker, '输出.xlsx'));
    expect(r.err).not.toMatch(/内部错误|EEXIST|ENOTDIR|mkdir/);
  });

  test('an output the system refuses to write (EACCES, a read-only file or folder): a Chinese message, no temporary file left', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'readonly-'));
    const output = path.join(sub, '输出.xlsx');
    // Tests run as root here, where file modes do not stop writes: refuse the write as a read-only folder would.
    const spy = jest.spyOn(fs.promises, 'writeFile').mockImplementation(async (p) => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${String(p)}'`), { code: 'EACCES', path: String(p) });
    });
    try {
      const r = await run('score', EXAMPLE, '-o', output);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/无法写入文件/);
      expect(r.err).toMatch(/没有写入权限|正在 Excel 中打开/);
    } finally {
      spy.mockRestore();
    }
    expect(files(sub)).toEqual([]);
  });

  test('--in-place when the final rename fails (file open in Excel, EBUSY): the original file is intact', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'inplace-'));
    const input = path.join(sub, '自评表.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    const before = fs.readFileSync(input);
    const spy = jest.spyOn(fs.promises, 'rename').mockImplementation(async () => {
      throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY', path: input });
    });
    try {
      const r = await run('score', input, '--in-place');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/正在 Excel 中打开/);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(files(sub)).toEqual(['自评表.xlsx']);
  });

  test('a folder that cannot be read (EACCES on the listing): said as unreadable in Chinese, exit 2, nothing written', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'locked-'));
    fs.copyFileSync(EXAMPLE, path.join(sub, '自评表.xlsx'));
    const real = fs.promises.readdir;
    const spy = jest.spyOn(fs.promises, 'readdir').mockImplementation((async (p: fs.PathLike, o?: unknown) => {
      if (path.resolve(String(p)) === path.resolve(sub)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: String(p) });
      return (real as (p: fs.PathLike, o?: unknown) => Promise<unknown>)(p, o);
    }) as never);
    try {
      const r = await run('score', sub, '-o', path.join(sub, 'out'));
      expect(r.code).toBe(2);
      // Said as unreadable, not as a folder holding no .xlsx file.
      expect(r.err).toMatch(/无法读取|没有权限/);
    } finally {
      spy.mockRestore();
    }
    expect(files(sub)).toEqual(['自评表.xlsx']);
  });

});
