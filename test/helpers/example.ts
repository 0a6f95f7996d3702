/** The project's own example workbook (examples/, the 2023 海珠 figures): one path for every test. */
import * as path from 'path';

export const EXAMPLE_FILE = '2023-海珠区人大常委会办公室-部门整体支出绩效自评表.xlsx';
export const EXAMPLE_PATH = path.join(__dirname, '..', '..', 'examples', EXAMPLE_FILE);
export const EXAMPLE_SHEET = '部门整体支出绩效自评表';
