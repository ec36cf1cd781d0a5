/**
 * Survey results: per question counts and percentages, averages, NPS and matrices, from the
 * running counts of survey_tallies; text answers listed and searched; the raw CSV export.
 */
import { bogotaDayRange } from '../calendar/calendar.ts';
import { spreadsheetCsv } from '../csv.ts';
import type { Db } from '../db/index.ts';
import type { Answers, OptionResult, Question, QuestionResult, ResultsQuery, Survey } from './schemas.ts';
import { fold, responsesOf, talliesIn, textsOf } from './store.ts';

/** At most this many text answers per question are listed (newest first). */
export const MAX_TEXTS = 500;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const percent = (count: number, of: number) => (of ? round((count / of) * 100, 1) : 0);


/** `from`/`to` Bogotá days (both included) as the instants [from, to) the store filters by. */
export function rangeOf(surveyId: number, f: Pick<ResultsQuery, 'from' | 'to'>) {
  return { surveyId, ...bogotaDayRange(f.from, f.to) };
}

type Value = string | number | boolean;
/** question key -> answer (decoded) -> count; the key '' of a question holds "answered". */
type Counts = Map<string, Map<Value | '', number>>;

/** The buckets a question's answers fall in, in display order. */
function buckets(q: Question): { value: Value; label: string }[] {
  switch (q.type) {
    case 'rating':
      return [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));
    case 'nps':
      return Array.from({ length: 11 }, (_, n) => ({ value: n, label: String(n) }));
    case 'yesno':
      return [
        { value: true, label: 'Sí' },
        { value: false, label: 'No' },
      ];
    default:
      return q.options ?? [];
  }
}

function optionResults(choices: { value: Value; label: string }[], counts: Map<Value | '', number> | undefined, of: number): OptionResult[] {
  return choices.map(({ value, label }) => {
    const count = counts?.get(value) ?? 0;
    return { value, label, count, percent: percent(count, of) };
  });
}

function questionResult(q: Question, counts: Counts): QuestionResult {
  const own = counts.get(q.id);
  const answered = own?.get('') ?? 0;
  const base = { id: q.id, type: q.type, label: q.label, answered };
  switch (q.type) {
    case 'text':
    case 'textarea':
      return base;
    case 'matrix':
      return {
        ...base,
        rows: (q.rows ?? []).map((r) => {
          const row = counts.get(`${q.id}.${r.id}`);
          const of = [...(row?.values() ?? [])].reduce((a, b) => a + b, 0);
          return { id: r.id, label: r.label, options: optionResults(q.options ?? [], row, of) };
        }),
      };
    case 'rating':
    case 'nps': {
      let sum = 0;
      let promoters = 0;
      let detractors = 0;
      for (const [v, n] of own ?? []) {
        if (v === '') continue;
        sum += (v as number) * n;
        if ((v as number) >= 9) promoters += n;
        else if ((v as number) <= 6) detractors += n;
      }
      const result: QuestionResult = { ...base, options: optionResults(buckets(q), own, answered), average: answered ? round(sum / answered, 2) : null };
      if (q.type === 'nps') {
        const score = answered ? round(((promoters - detractors) / answered) * 100, 1) : 0;
        result.nps = { score, promoters, passives: answered - promoters - detractors, detractors };
      }
      return result;
    }
    default:
      return { ...base, options: optionResults(buckets(q), own, answered) };
  }
}

/**
 * The results of `survey` for the Bogotá days in `f`, from the running counts kept with each
 * response (a few thousand rows whatever the number of responses). With `staff`, the text
 * answers are listed too, newest first, filtered by `q` (ignoring case and accents).
 */
export function surveyResults(db: Db, survey: Survey, f: ResultsQuery, staff: boolean) {
  const counts: Counts = new Map();
  for (const t of talliesIn(db, { surveyId: survey.id, from: f.from ?? null, to: f.to ?? null })) {
    let byValue = counts.get(t.question);
    if (!byValue) counts.set(t.question, (byValue = new Map()));
    byValue.set(t.value === '' ? '' : (JSON.parse(t.value) as Value), t.n);
  }
  const range = rangeOf(survey.id, f);
  const needle = f.q ? fold(f.q) : null;
  const questions = survey.questions.map((q) => {
    const result = questionResult(q, counts);
    if (staff && (q.type === 'text' || q.type === 'textarea')) result.texts = textsOf(db, range, q.id, needle, MAX_TEXTS);
    return result;
  });
  return { slug: survey.slug, title: survey.title, total: counts.get('')?.get('') ?? 0, questions };
}

/** The CSV columns: one per question, one per row of a matrix. */
function csvColumns(questions: Question[]) {
  return questions.flatMap((q) =>
    q.type === 'matrix'
      ? (q.rows ?? []).map((r) => ({ header: `${q.label} — ${r.label}`, cell: (a: Answers) => (a[q.id] as Record<string, string> | undefined)?.[r.id] ?? '' }))
      : [
          {
            header: q.label,
            cell: (a: Answers) => {
              const v = a[q.id];
              if (v === undefined) return '';
              if (Array.isArray(v)) return v.join('|');
              if (typeof v === 'boolean') return v ? 'Sí' : 'No';
              return String(v);
            },
          },
        ],
  );
}

/**
 * Raw responses as CSV for a spreadsheet in Spanish (Colombia), like the PQRSD report: UTF-8
 * with a BOM, `;` between fields, CRLF. One row per response, oldest first; option values as
 * stored, several joined by `|`; yes/no as Sí/No; an unanswered question is an empty cell.
 */
export function responsesCsv(db: Db, survey: Survey, f: Pick<ResultsQuery, 'from' | 'to'>): string {
  const columns = csvColumns(survey.questions);
  const records = responsesOf(db, rangeOf(survey.id, f)).map((r) => {
    const answers = JSON.parse(r.answers) as Answers;
    return [String(r.id), r.submitted_at, ...columns.map((c) => c.cell(answers))];
  });
  const header = ['Respuesta', 'Fecha (UTC)', ...columns.map((c) => c.header)];
  return spreadsheetCsv([header, ...records]);
}
