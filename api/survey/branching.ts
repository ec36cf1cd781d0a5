/**
 * Simple branching, shared by the server and the widget (no imports but types, so the widget
 * bundle can import it as a value): a question with `showIf` is shown only when the answer to
 * `showIf.question` equals `showIf.equals` (for a multiple choice: includes it).
 */
import type { Answers, Question } from './schemas.ts';

/** Whether `q` is shown, given the answers to the questions before it (only shown ones count). */
export function isShown(q: Pick<Question, 'showIf'>, answers: Partial<Answers>): boolean {
  if (!q.showIf) return true;
  const given = answers[q.showIf.question];
  if (given === undefined || given === null) return false;
  return Array.isArray(given) ? given.includes(q.showIf.equals as string) : given === q.showIf.equals;
}
