/** Chinese text the command prints: the summary of a scored file. */
import type { BudgetRate, FoundEvaluation as Evaluation, Issue } from '../engine';
import { describeSettings, percentText, roundHalfUp } from '../engine';

/** Scores and amounts with 2 decimals, rounded as the engine rounds (half-up). */
export function fixed2(x: number): string {
  return roundHalfUp(x, 2).toFixed(2);
}

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : percentText(rate);
}

export function countIssues(issues: Issue[]): { errors: number; warnings: number; notes: number } {
  return {
    errors: issues.filter((i) => i.severity === '错误').length,
    warnings: issues.filter((i) => i.severity === '警告').length,
    notes: issues.filter((i) => i.severity === '提示').length,
  };
}

/** The budget row that stands for the department: the total, else the only source row. */
export function headlineBudget(e: Evaluation): BudgetRate | null {
  const b = e.results?.budget;
  if (!b) return null;
  return b.total ?? (b.rows.length === 1 ? b.rows[0] : null);
}

export function summaryLines(e: Evaluation): string[] {
  const t = e.table;
  const r = e.results;

  const lines: string[] = [];
  const who = [t?.unitName, t?.year ? `${t.year}年度` : ''].filter(Boolean).join('，');
  lines.push(`工作表：${e.sheet}${who ? `（${who}）` : ''}`);
  const b = headlineBudget(e);
  const unit = t?.money?.unit ?? '万元';
  if (b) {
    const amounts = b.annual !== null && b.executed !== null ? `（全年执行数 ${fixed2(b.executed)}${unit}，全年预算数 ${fixed2(b.annual)}${unit}）` : '';
    lines.push(`预算完成率：${percent(b.rate)}${amounts}`);
  }
  if (r) {
    lines.push(
      r.complete
        ? `总分：${fixed2(r.total)}，等级：${r.grade}`
        : `总分：—（有指标未能计分，总分和等级未写入表格；已计分指标合计 ${fixed2(r.total)} 分）`,
    );
  }
  lines.push(describeSettings(e.settings));
  const c = countIssues(e.issues);
  lines.push(`校验提示：错误 ${c.errors} 条，警告 ${c.warnings} 条，提示 ${c.notes} 条`);
  const order = { 错误: 0, 警告: 1, 提示: 2 } as const;
  const sorted = e.issues.slice().sort((x, y) => order[x.severity] - order[y.severity]);
  for (const i of sorted) lines.push(`  [${i.severity}] ${issueText(i)}`);
  return lines;
}

/** `Sheet!G14：message`, without repeating the address when the message already starts with it. */
export function issueText(i: Issue): string {
  if (!i.cell) return i.message;
  const local = i.cell.slice(i.cell.lastIndexOf('!') + 1);
  const message = i.message.startsWith(`${local}：`) ? i.message.slice(local.length + 1) : i.message;
  return `${i.cell}：${message}`;
}
