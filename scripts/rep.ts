import { evaluateWorkbook, type SheetGrid } from '../src/engine';
const g: SheetGrid = JSON.parse(require('fs').readFileSync('/tmp/g.json', 'utf8')).grid;
const e = evaluateWorkbook([g]);
if (!e.found) throw new Error('nf');
console.log(e.plan.writes.map((w) => `${w.address}=${JSON.stringify(w.value)}:${w.purpose}`).join(" ")); console.log(JSON.stringify(e.table.footer), JSON.stringify(e.table.subtotalCells), e.table.indicatorHeaderRow, JSON.stringify(e.table.indicators.map(i=>[i.row,i.name,i.cells])));
const noMerge = evaluateWorkbook([{ ...g, merges: undefined }]);
if (noMerge.found) console.log('no merges:', noMerge.plan.writes.map((w) => `${w.address}=${JSON.stringify(w.value)}`).join(' '));
