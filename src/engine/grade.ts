/** Grade bands (财政部 unified): 90–100 优, 80–89.99 良, 60–79.99 中, below 60 差 by default. */
import type { Settings } from './settings';
import { FLOAT_TOLERANCE } from './tolerance';

export function gradeOf(total: number, settings: Settings): string {
  const grades = [...settings.grades].sort((a, b) => b.min - a.min);
  for (const g of grades) if (total >= g.min - FLOAT_TOLERANCE) return g.grade;
  return grades[grades.length - 1]?.grade ?? '';
}
