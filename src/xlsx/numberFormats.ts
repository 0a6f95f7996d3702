/**
 * Built-in number formats (ECMA-376 §18.8.30): a cell's numFmtId below 164 names a format the file does not
 * spell out. Read: the format code as Excel (zh-CN) shows it, as Office.js `numberFormat` gives it. Write: the id
 * of a code that is the same in every locale, so that putting a format back restores the cell's own id.
 */

const SHARED: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Locale-dependent ids, as a Chinese (zh-CN) Excel shows them: read only, never written by id. */
const ZH_CN: Record<number, string> = {
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const BY_CODE = new Map<string, number>(Object.entries(SHARED).map(([id, code]) => [code, Number(id)]));

/** The code of a built-in id; 'General' for an id no table knows. */
export function builtinFormat(id: number): string {
  return SHARED[id] ?? ZH_CN[id] ?? 'General';
}

/** The built-in id of a code, when there is one that means the same in every locale. */
export function builtinId(code: string): number | undefined {
  return BY_CODE.get(code === '' ? 'General' : code);
}

/** First id free for a custom format. */
export const FIRST_CUSTOM_FORMAT = 164;
