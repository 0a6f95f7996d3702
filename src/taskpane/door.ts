/**
 * What the task pane needs from a host: the door it talks to. The pane never touches Excel.* or WPS's
 * Application; each host's entry hands it a door (src/excel/session.ts for Excel, src/wps/door.ts for WPS 表格).
 * Every message a door returns is Chinese and says what to do.
 */
import type { CalculateOutcome, ReportMaterial, Settings } from '../engine';

/** What one 计算得分 did (the engine's outcome type): shown in the pane, summarised by the ribbon's one-click command. */
export type { CalculateOutcome };

export interface RestoreResult {
  ok: boolean;
  message: string;
}

export interface StoredForms {
  settings: Settings;
  settingsErrors: string[];
  material: ReportMaterial;
}

export interface PaneDoor {
  /** 计算得分: read the workbook once, score, write once. Never throws: failures come back as a message. */
  calculate(options?: { acceptComputed?: string[] }): Promise<CalculateOutcome>;
  /** 恢复计算前内容. Never throws. */
  restoreLast(): Promise<RestoreResult>;
  /** Selects '部门整体支出绩效自评表!G14'; throws an Error with a Chinese message on failure. */
  selectCell(qualifiedAddress: string): Promise<void>;
  /** Settings and report material kept in the workbook (defaults when none). */
  loadStored(): Promise<StoredForms>;
  saveSettings(settings: Settings): Promise<void>;
  saveMaterial(material: ReportMaterial): Promise<void>;
}
