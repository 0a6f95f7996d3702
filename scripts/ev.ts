import ExcelJS from 'exceljs';
import { sheetToGrid } from '../src/xlsx/readGrid';
import { evaluateWorkbook } from '../src/engine';
(async () => {
  const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(process.argv[2]);
  const ev = evaluateWorkbook(wb.worksheets.map(sheetToGrid), { now: 't' });
  if (!ev.found) { console.log('NOT FOUND', ev.issues); return; }
  console.log('year', ev.table.year, 'unit', ev.table.money?.unit, 'budget', JSON.stringify(ev.results.budget));
  for (const i of ev.results.indicators) console.log(i.row + 1, i.level1, '|', i.name, i.weight, i.score, i.method, i.explanation);
  console.log('total', ev.results.total, ev.results.grade);
  for (const x of ev.issues) console.log(x.severity, x.message);
  console.log(ev.plan.writes.map((w) => `${w.address}=${w.value}`).join(' '));
})();
