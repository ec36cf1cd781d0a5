/**
 * Survey questions for the tests, a line each: option lists and matrix questions. Plain data and
 * no Node modules, so both the API tests (Node) and the browser tests (test/widgets) import it.
 */
import type { Question, SurveyOption } from '../api/survey/schemas.ts';

/** Options from `[value, label]` pairs. */
export const choices = (...pairs: [string, string][]): SurveyOption[] => pairs.map(([value, label]) => ({ value, label }));

/** A matrix question, its rows from `[id, label]` pairs. */
export function matrix(id: string, label: string, required: boolean, rows: [string, string][], options: SurveyOption[]): Question {
  return { id, type: 'matrix', label, required, rows: rows.map(([rowId, rowLabel]) => ({ id: rowId, label: rowLabel })), options };
}
