/** The command line, like the add-in, does not write into a protected sheet. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { EXAMPLE, SHEET, captureIo, tempDir } from './cliHelpers';

test('a protected 自评表 gives exit 2, one Chinese line, and no output file', async () => {
  const dir = tempDir();
  const input = path.join(dir, '受保护.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  await wb.getWorksheet(SHEET)!.protect('', {});
  await wb.xlsx.writeFile(input);
  const io = captureIo();
  const code = await main(['score', input], io);
  expect(code).toBe(2);
  expect(io.err().trim().split('\n')).toHaveLength(1);
  expect(io.err()).toContain('受保护');
  expect(fs.readdirSync(dir)).toEqual(['受保护.xlsx']);
});
