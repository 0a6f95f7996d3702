/**
 * The Excel gateway and the session on the fake host, when a write fails: failures half-way, a write cut off at every
 * action, restore, and what restore refuses.
 */
import { FakeHost, installFakeOffice } from './fakehost';
import { changedCells, workbookDump } from './fakehost/compare';
import { cutAtEveryAction, example, SHEET, storeOf } from './helpers/gateway';
import * as session from '../src/excel/session';
import { STORE_SHEET } from '../src/engine/store';
import { REPORT_SHEET } from '../src/engine/reportSheet';

let host: FakeHost;
afterEach(() => host?.uninstall());

describe('a write that fails half-way leaves nothing the record cannot undo', () => {
  test('the sheet deleted between read and write: a clear message, nothing added', async () => {
    const wb = await example();
    wb.addSheet('封面').set('A1', '封面');
    host = installFakeOffice(wb);
    host.beforeSync = (n) => {
      if (n === 2) {
        const s = wb.get(SHEET);
        s.deleted = true;
        wb.sheets = wb.sheets.filter((x) => x !== s);
      }
    };
    const out = await session.calculate();
    host.beforeSync = null;
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/已不存在/);
    expect(wb.sheets.map((s) => s.name)).toEqual(['封面']);
  });

  test('failure after the record and some cells: the message says so, and restore gives back the original', async () => {
    const wb = await example();
    const original = wb.clone();
    host = installFakeOffice(wb);
    // Sync 2 is the write: let every action but the last few run, then fail.
    host.beforeSync = (n) => {
      if (n === 2) host.failSync(0, { afterOps: host.requests[1].ops.length - 5, code: 'GeneralException' });
    };
    const out = await session.calculate();
    host.beforeSync = null;
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/恢复计算前内容/);
    expect(changedCells(original.get(SHEET), wb.get(SHEET)).length).toBeGreaterThan(0);

    const r = await session.restoreLast();
    expect(r.ok).toBe(true);
    expect(changedCells(original.get(SHEET), wb.get(SHEET))).toEqual([]);
    expect(wb.sheet(REPORT_SHEET)).toBeUndefined();
  });

  test('failure before the record: our new report sheet is removed and the workbook is as before', async () => {
    const wb = await example();
    const before = workbookDump(wb);
    host = installFakeOffice(wb);
    host.beforeSync = (n) => {
      // Target read + report sheet added and filled, then fail before the store.
      if (n === 2) host.failSync(0, { afterOps: 4, code: 'GeneralException' });
    };
    const out = await session.calculate();
    host.beforeSync = null;
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/未作修改/);
    expect(workbookDump(wb)).toEqual(before);
  });
});

describe('a write cut off at any action', () => {
  test('at every cut point: either nothing changed, or restore gives back the original workbook', async () => {
    const total = await cutAtEveryAction(await example(), 2, {}, (wb) => expect(wb.get(STORE_SHEET).visibility).toBe('VeryHidden'));
    expect(total).toBeGreaterThan(40);
  });

  test('with a store already there (settings, material), a cut never loses them', async () => {
    const pristine = await example();
    host = installFakeOffice(pristine);
    await session.saveMaterial({ functions: '部门职能文字' });
    host.uninstall();
    for (let k = 0; k < 60; k += 3) {
      const wb = pristine.clone();
      host = installFakeOffice(wb);
      host.beforeSync = (n) => {
        if (n === 2) host.failSync(0, { afterOps: k, code: 'GeneralException' });
      };
      await session.calculate();
      host.beforeSync = null;
      expect(storeOf(wb)?.material?.functions).toBe('部门职能文字');
      host.uninstall();
    }
  });
});

describe('restore', () => {
  test('gives back the original cells, removes our unchanged report sheet, clears the record', async () => {
    const wb = await example();
    const original = wb.clone();
    host = installFakeOffice(wb);
    await session.calculate();
    host.resetCounts();
    const r = await session.restoreLast();
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/恢复为计算前的内容/);
    expect(changedCells(original.get(SHEET), wb.get(SHEET))).toEqual([]);
    expect(wb.sheet(REPORT_SHEET)).toBeUndefined();
    expect(storeOf(wb)?.record).toBeNull();
    expect(host.syncCount).toBeLessThanOrEqual(3);
    const again = await session.restoreLast();
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/没有可恢复的内容/);
  });

  test('a cell the user changed after the calculation, and an edited report, are kept', async () => {
    const wb = await example();
    const original = wb.clone();
    host = installFakeOffice(wb);
    const out = await session.calculate();
    const score = out.evaluation!.plan!.writes.find((w) => w.purpose === 'score')!;
    wb.get(SHEET).set(score.address, 7.5);
    wb.get(REPORT_SHEET).set('A3', '我改过的段落');
    const r = await session.restoreLast();
    expect(r.ok).toBe(true);
    expect(r.message).toContain(score.address);
    expect(r.message).toMatch(/予以保留/);
    expect(wb.get(SHEET).valueAt(score.address)).toBe(7.5);
    expect(changedCells(original.get(SHEET), wb.get(SHEET))).toEqual([score.address]);
    expect(wb.get(REPORT_SHEET).valueAt('A3')).toBe('我改过的段落');
  });
});

describe('restore refuses what it cannot do, without writing', () => {
  test('a protected table sheet: a message, nothing changed, the record kept for later', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    await session.calculate();
    wb.get(SHEET).protected = true;
    const before = workbookDump(wb);
    const r = await session.restoreLast();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/受保护/);
    expect(workbookDump(wb)).toEqual(before);
    expect(storeOf(wb)?.record).not.toBeNull();
  });

  test('the table sheet renamed since: a message naming it, nothing changed', async () => {
    const wb = await example();
    host = installFakeOffice(wb);
    await session.calculate();
    wb.get(SHEET).name = '新名字';
    const before = workbookDump(wb);
    const r = await session.restoreLast();
    expect(r.ok).toBe(false);
    expect(r.message).toContain(`找不到工作表“${SHEET}”`);
    expect(workbookDump(wb)).toEqual(before);
  });
});
