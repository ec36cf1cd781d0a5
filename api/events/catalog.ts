/**
 * The events' plain data (issue 12): kinds, states, limits. No imports, like api/pqrs/channels.ts,
 * so the staff page and the widgets can import the values without bringing zod along;
 * api/events/schemas.ts re-exports them with the wire schemas.
 */
export const EVENT_KINDS = [
  'rendicion-cuentas',
  'inscripciones',
  'foro',
  'consulta-normativa',
  'feria-servicio',
  'capacitacion',
  'otro',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATES = ['draft', 'published', 'cancelled'] as const;
export type EventState = (typeof EVENT_STATES)[number];

/** Derived from the clock: before the start, between start and end, after the end. */
export const EVENT_PHASES = ['upcoming', 'in-progress', 'held'] as const;
export type EventPhase = (typeof EVENT_PHASES)[number];

export const REGISTRATION_STATUSES = ['registered', 'waitlisted'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** What staff may set as a goal, each a count. */
export const GOAL_KEYS = ['registrations', 'attendance', 'questions', 'surveyAnswers'] as const;

export const EVENT_LIMITS = { title: 200, slug: 80, summary: 500, body: 20_000, place: 300, url: 500, name: 120 };

export const QUESTION_LIMITS = { body: 1000, bodyMin: 10, answer: 5000 };
export const QUESTION_STATES = ['pending', 'published', 'hidden', 'merged'] as const;
