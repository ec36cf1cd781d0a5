/**
 * The plan's model for the staff views: plain functions over the API's events (grouping by month,
 * goals against figures, the editor's draft and the body it sends). No DOM, no requests.
 *
 * The wire types come from api/events/schemas.ts.
 */
import type { AdminEvent, AdminQuestion, EventFigures, EventInput } from '../../api/events/schemas.ts';
import { GOAL_KEYS } from '../../api/events/catalog.ts';
import { fromLocalInput, toLocalInput } from './surveys-labels.ts';

export type { EventFigures };
export type EventChat = AdminEvent['chat'];
export type EventResults = AdminEvent['results'];
/** An event as the staff API sends it. */
export type PlanEvent = AdminEvent;
export type QuestionState = AdminQuestion['state'];
export type PlanQuestion = AdminQuestion;

/** The goals staff may set, in the plan's order. */
export const GOALS = GOAL_KEYS;
export type GoalKey = (typeof GOALS)[number];

/** Which figure each goal is measured against (the contract's map). */
const GOAL_FIGURE: Record<GoalKey, keyof EventFigures> = {
  registrations: 'registered',
  attendance: 'attended',
  questions: 'questionsReceived',
  surveyAnswers: 'surveyAnswers',
};

export interface GoalRow {
  key: GoalKey;
  goal: number;
  /** Null when the server does not give the figure (yet). */
  actual: number | null;
}

/** The goals staff set, each with what happened. */
export function goalRows(e: PlanEvent): GoalRow[] {
  const f = e.figures;
  return GOALS.filter((k) => typeof e.goals[k] === 'number').map((key) => {
    const actual = f[GOAL_FIGURE[key]];
    return { key, goal: e.goals[key]!, actual: typeof actual === 'number' ? actual : null };
  });
}

/** A share of a goal as a whole percentage (a goal of 0 counts as met). */
export const percentOf = (actual: number, goal: number): number => (goal > 0 ? Math.round((actual / goal) * 100) : 100);

/** The month (0–11) of an event in Bogotá. Start instants carry Bogotá's offset. */
export const monthOf = (e: Pick<AdminEvent, 'startsAt'>): number => Number(toLocalInput(e.startsAt).slice(5, 7)) - 1;

/** The year's events in twelve lists, one per month, each in order of start. */
export function byMonth<T extends Pick<AdminEvent, 'startsAt'>>(events: T[]): T[][] {
  const months: T[][] = Array.from({ length: 12 }, () => []);
  for (const e of [...events].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) months[monthOf(e)]!.push(e);
  return months;
}

/** The moderation queue's order: pending first (oldest first), then published, hidden, merged. */
export function moderationOrder<T extends { state: QuestionState; createdAt: string }>(items: T[]): T[] {
  const rank: Record<QuestionState, number> = { pending: 0, published: 1, hidden: 2, merged: 3 };
  return [...items].sort((a, b) => rank[a.state] - rank[b.state] || a.createdAt.localeCompare(b.createdAt));
}

/** The editor's fields as typed: strings and switches, so nothing typed is lost on an error. */
export interface EventDraft {
  title: string;
  kind: string;
  slug: string;
  summary: string;
  body: string;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string;
  responsibleId: string;
  registration: boolean;
  capacity: string;
  waitlist: boolean;
  closesAt: string;
  questions: boolean;
  surveySlug: string;
  chat: boolean;
  chatOfficials: number[];
  chatOpensAt: string;
  chatClosesAt: string;
  goals: Record<GoalKey, string>;
}

export function emptyDraft(): EventDraft {
  return {
    title: '',
    kind: '',
    slug: '',
    summary: '',
    body: '',
    startsAt: '',
    endsAt: '',
    place: '',
    onlineUrl: '',
    responsibleId: '',
    registration: false,
    capacity: '',
    waitlist: false,
    closesAt: '',
    questions: false,
    surveySlug: '',
    chat: false,
    chatOfficials: [],
    chatOpensAt: '',
    chatClosesAt: '',
    goals: { registrations: '', attendance: '', questions: '', surveyAnswers: '' },
  };
}

const str = (n: number | null | undefined) => (typeof n === 'number' ? String(n) : '');

/** The editor's fields for an event the server sent. */
export function draftOf(e: PlanEvent): EventDraft {
  const chat = e.chat;
  return {
    title: e.title,
    kind: e.kind,
    slug: e.slug,
    summary: e.summary,
    body: e.body,
    startsAt: toLocalInput(e.startsAt),
    endsAt: toLocalInput(e.endsAt),
    place: e.place ?? '',
    onlineUrl: e.onlineUrl ?? '',
    responsibleId: e.responsible ? String(e.responsible.id) : '',
    registration: Boolean(e.registration?.enabled),
    capacity: str(e.registration?.capacity),
    waitlist: Boolean(e.registration?.waitlist),
    closesAt: e.registration ? toLocalInput(e.registration.closesAt) : '',
    questions: e.questions,
    surveySlug: e.surveySlug ?? '',
    chat: Boolean(chat),
    chatOfficials: chat?.officials.map((o) => o.id) ?? [],
    chatOpensAt: toLocalInput(chat?.opensAt),
    chatClosesAt: toLocalInput(chat?.closesAt),
    goals: {
      registrations: str(e.goals.registrations),
      attendance: str(e.goals.attendance),
      questions: str(e.goals.questions),
      surveyAnswers: str(e.goals.surveyAnswers),
    },
  };
}

/** The contract's chat input: officials by id and the window's instants. */
export interface ChatInput {
  officials: number[];
  opensAt: string;
  closesAt: string;
}

/**
 * A typed number as the API reads it: blank is absent, digits are a number, anything else is sent
 * as typed so the server names the field in its message.
 */
function num(value: string): number | string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** The body of `POST`/`PUT /api/admin/events` for the editor's fields (dates read as Bogotá's). */
export function inputOf(d: EventDraft): EventInput & { chat: ChatInput | null } {
  const goals: Record<string, number | string> = {};
  for (const k of GOALS) {
    const n = num(d.goals[k]);
    if (n !== undefined) goals[k] = n;
  }
  const responsible = num(d.responsibleId);
  return {
    title: d.title,
    kind: d.kind as EventInput['kind'],
    slug: d.slug.trim() || undefined,
    summary: d.summary,
    body: d.body,
    // Blank dates are left out, so the server says «es obligatorio».
    startsAt: fromLocalInput(d.startsAt) ?? (undefined as unknown as string),
    endsAt: fromLocalInput(d.endsAt) ?? (undefined as unknown as string),
    place: d.place,
    onlineUrl: d.onlineUrl,
    responsibleId: (responsible ?? null) as number | null,
    registration: {
      enabled: d.registration,
      capacity: d.registration ? ((num(d.capacity) ?? null) as number | null) : null,
      waitlist: d.registration && d.waitlist,
      closesAt: d.registration ? fromLocalInput(d.closesAt) : null,
    },
    questions: d.questions,
    surveySlug: d.surveySlug || null,
    goals: goals as EventInput['goals'],
    chat: d.chat
      ? {
          officials: d.chatOfficials,
          opensAt: fromLocalInput(d.chatOpensAt) ?? (undefined as unknown as string),
          closesAt: fromLocalInput(d.chatClosesAt) ?? (undefined as unknown as string),
        }
      : null,
  };
}

/** The server's field paths that the editor shows under another field. */
const DRAFT_PATHS: Record<string, string> = {
  'registration.enabled': 'registration',
  'registration.capacity': 'capacity',
  'registration.waitlist': 'waitlist',
  'registration.closesAt': 'closesAt',
  'chat.officials': 'chatOfficials',
  'chat.opensAt': 'chatOpensAt',
  'chat.closesAt': 'chatClosesAt',
};

/** The server's field errors keyed by the editor's field names. */
export function draftErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) out[DRAFT_PATHS[path] ?? (path.startsWith('chat.officials.') ? 'chatOfficials' : path)] ??= message;
  return out;
}
