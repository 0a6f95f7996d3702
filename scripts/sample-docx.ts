/**
 * Writes sample drafts as .docx for scripts/render-docx.sh: the project's example (98分, 优) with 附件 label and
 * 成文日期, and the 中 table of the report tests (nine rows lose points), without material (placeholders).
 * Usage: npx ts-node --transpile-only scripts/sample-docx.ts OUT_DIR
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildReport } from '../src/engine/report';
import type { ReportMaterial } from '../src/engine/types';
import { reportToDocx } from '../src/export/docx';
import { evaluateTable } from '../test/fixtures/reportTables';

const MATERIAL: ReportMaterial = {
  functions: [
    '广州市海珠区人大常委会是本级人民代表大会的常设机关和工作机构，在大会闭会期间，依法行使本级地方国家权力，是本行政区的地方国家权力机关。',
    '1.在本区范围内，保证宪法、法律、行政法规和上级人民代表大会及其常务委员会决议的遵守和执行。',
    '2.领导或者主持本级人民代表大会代表的选举。',
    '3.讨论、决定本区的政治、经济、教育、科学、文化、卫生、环境和资源保护、民政、民族等工作的重大事项。',
  ].join('\n'),
  organisation: '广州市海珠区人大常委会共设置7个工作委员会和1个综合办事机构，办公室下设秘书、综合、人事、信访、代表联络5个职能科。',
  annualWork: '坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神，认真履行宪法法律赋予的各项职责。',
  keyTasks: '一是召开年度人民代表大会；二是开展人大监督工作；三是组织人大代表活动。',
  attachmentLabel: '附件2',
  reportDate: '2024年3月15日',
};

(async () => {
  const out = process.argv[2] ?? 'test-output/render';
  fs.mkdirSync(out, { recursive: true });
  const samples: [string, Uint8Array][] = [
    ['example.docx', await reportToDocx(buildReport(await evaluateTable('example'), MATERIAL))],
    ['mid.docx', await reportToDocx(buildReport(await evaluateTable('mid')))],
  ];
  for (const [name, bytes] of samples) {
    fs.writeFileSync(path.join(out, name), bytes);
    console.log(path.join(out, name));
  }
})();
