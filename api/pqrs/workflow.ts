/**
 * The PQRSD workflow: the state machine of states.ts plus the legal rules of DOMAIN.md section 1
 * (Ley 1755 de 2015), every action recorded as a public event and in the audit log.
 *
 * Deadline rules implemented here, all in business days of api/calendar (closure days included)
 * and Bogotá dates:
 * - Request completion (art. 17): allowed while today <= receipt + 10 business days. The clock
 *   stops on the day of the request R (that day still counts as elapsed). The citizen has until
 *   R + 1 calendar month (clamped to the month's last day, moved to the next business day when it
 *   falls on a non-business day); one extension to R + 2 months, asked before the deadline.
 * - Completion on day C (R <= C <= today, C <= deadline): the days R < d <= C were paused;
 *   P = businessDaysBetween(R, C) and the due date moves P business days:
 *   due' = addBusinessDays(due, P). Equivalently the business days left at R are counted again
 *   from the day after C ("se reactivará el término", art. 17). P adds to `paused_days`.
 * - Desistimiento: once today > deadline without completion, staff archive it (`desist`): the law
 *   asks for a reasoned act, so it is an action, not a silent sweep.
 * - Extension (art. 14 parágrafo): once, while today <= due date, to a business day after the
 *   current due date and not after receipt + 2 × term + paused days (the double term, counted
 *   from receipt, not counting the days the clock was stopped). The reason is public.
 * - Transfer (art. 21): allowed while the request is open; after receipt + 5 business days it
 *   still goes through (the citizen is better served late than never) but is flagged as late.
 * - Review before answering (issue 11): for the types in the setting `reviewTypes` a reply waits
 *   in en_revision (clock running) until approved or returned; rules in review.ts. `answer` is
 *   the one code path that sends and publishes an answer, with or without review.
 */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../admin/audit.ts';
import {
  addBusinessDays,
  bogotaDate,
  businessDaysBetween,
  isBusinessDay,
  nextBusinessDay,
  type CalendarRules,
} from '../calendar/calendar.ts';
import { calendarRules } from '../calendar/store.ts';
import { ApiError } from '../errors.ts';
import { trackNotice } from '../notices/service.ts';
import { getSettings } from '../settings/store.ts';
import { surveyStatus } from '../survey/service.ts';
import { getSurveyBySlug } from '../survey/store.ts';
import { recordEvent } from './store.ts';
import type { OutgoingMail } from '../mail/outbox.ts';
import type { StoredFile } from './attachments.ts';
import { PQRS_TYPES, type DocumentType, type PqrsType, type RequesterKind, type ResponseChannel } from './catalog.ts';
import type { PqrsChannel } from './channels.ts';
import {
  PQRS_ACTION_VALUES,
  PQRS_ACTIONS,
  PQRS_STATES,
  type DeadlineLight,
  type PqrsAction,
  type PqrsState,
} from './states.ts';
import { reviewRequired, reviews, type ReplyWithFiles } from './review.ts';
import type { ApproveInput, ReturnInput } from './review-schemas.ts';
import { TrackCache } from './track-cache.ts';
import { trackingCodeMatches } from './tracking-code.ts';
import type {
  AssignInput,
  CloseInput,
  CompleteInput,
  DesistInput,
  ExtendCompletionInput,
  ExtendInput,
  Inbox,
  InboxQuery,
  PqrsDetail,
  RequestCompletionInput,
  TrackResult,
  TransferInput,
} from './workflow-schemas.ts';

export {
  PQRS_ACTION_VALUES,
  PQRS_ACTIONS,
  PQRS_STATE_VALUES,
  PQRS_STATES,
  type DeadlineLight,
  type PqrsAction,
  type PqrsState,
} from './states.ts';

/** Art. 17: completion may be requested within this many business days of receipt. */
export const COMPLETION_REQUEST_DAYS = 10;
/** Art. 21: transfer within this many business days of receipt. */
export const TRANSFER_DAYS = 5;
/** Traffic light: amber from this many business days left down to the due date. */
export const AMBER_DAYS = 5;

/** The same answer for an unknown radicado and a wrong code. */
export const TRACK_NOT_FOUND = 'No encontramos una solicitud con ese radicado y código.';
/** Compared against when the radicado does not exist, so both cases cost the same. */
const DUMMY_HASH = '0'.repeat(64);

/** Who acts: a signed-in staff member, from where. */
export interface Actor {
  id: number;
  username: string;
  ip: string;
}

interface PqrsRow {
  id: number;
  radicado: string;
  tracking_hash: string;
  type: PqrsType;
  subject: string;
  description: string;
  response_channel: ResponseChannel;
  channel: PqrsChannel;
  requester_kind: RequesterKind;
  document_type: DocumentType | null;
  document_number: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
  state: PqrsState;
  received_at: string;
  effective_receipt: string;
  business_days: number;
  due_date: string;
  original_due_date: string;
  consent_at: string;
  consent_policy: string;
  assignee_id: number | null;
  extended_at: string | null;
  extension_reason: string | null;
  paused_at: string | null;
  completion_deadline: string | null;
  completion_extended: number;
  paused_days: number;
  transferred_to: string | null;
  transferred_at: string | null;
  answer: string | null;
  answered_at: string | null;
  answered_by: number | null;
  denied: number;
  closed_at: string | null;
}

/** What a public lookup reads: the status and the answer, never the citizen's data or text. */
const PUBLIC_COLUMNS = [
  'id', 'radicado', 'tracking_hash', 'type', 'state', 'received_at', 'effective_receipt', 'due_date',
  'original_due_date', 'extended_at', 'extension_reason', 'paused_at', 'completion_deadline',
  'completion_extended', 'transferred_to', 'transferred_at', 'answer', 'answered_at',
] as const satisfies readonly (keyof PqrsRow)[];
type PublicRow = Pick<PqrsRow, (typeof PUBLIC_COLUMNS)[number]>;

/** Columns an action may change (never anything the citizen filed). */
type Changes = Partial<
  Pick<
    PqrsRow,
    | 'assignee_id'
    | 'due_date'
    | 'extended_at'
    | 'extension_reason'
    | 'paused_at'
    | 'completion_deadline'
    | 'completion_extended'
    | 'paused_days'
    | 'transferred_to'
    | 'transferred_at'
    | 'answer'
    | 'answered_at'
    | 'answered_by'
    | 'denied'
    | 'closed_at'
  >
>;

/** What an action does besides moving the state. */
interface Effect {
  changes: Changes;
  /** Shown to the citizen in the tracker's timeline. */
  publicNote: string | null;
  /** Sent when the citizen chose e-mail and gave an address. */
  mail?: { subject: string; lines: string[] };
  /** Kept in the audit log. */
  details?: Record<string, unknown>;
  /** Answer attachments to record. */
  files?: StoredFile[];
  /** Told to staff, not refused. */
  warnings?: string[];
  /** The state to move to, when it is not the state machine's usual one (review, api/pqrs/review.ts). */
  to?: PqrsState;
  /** Kept as an internal note (staff only). */
  note?: string;
}

interface Context {
  today: string;
  now: Date;
  rules: CalendarRules;
  entityName: string;
  actor: Actor;
}

const longDate = new Intl.DateTimeFormat('es-CO', { dateStyle: 'full', timeZone: 'UTC' });

/** `2026-12-29` as «martes, 29 de diciembre de 2026». */
export function formatDate(date: string): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
}

/** `date` plus `months` calendar months; the 31st becomes the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** The last day to complete: `months` after the request, moved to a business day. */
export function completionDeadline(requestDate: string, months: number, rules: CalendarRules): string {
  const d = addMonths(requestDate, months);
  return isBusinessDay(d, rules) ? d : nextBusinessDay(d, rules);
}

/** The legal limits that depend on the receipt date (see the header). */
function limits(row: PqrsRow, rules: CalendarRules) {
  return {
    completionRequestUntil: addBusinessDays(row.effective_receipt, COMPLETION_REQUEST_DAYS, rules),
    transferUntil: addBusinessDays(row.effective_receipt, TRANSFER_DAYS, rules),
    maxExtendedDueDate: addBusinessDays(row.effective_receipt, 2 * row.business_days + row.paused_days, rules),
  };
}

/**
 * Where a request stands against its due date today. While the clock is stopped the count is
 * frozen at the day it stopped. Overdue means today is after the due date (so on the weekend
 * right after a Friday due date it is overdue with 0 business days left).
 */
function clock(
  row: Pick<PqrsRow, 'state' | 'due_date' | 'paused_at'>,
  today: string,
  rules: CalendarRules,
) {
  const phase = PQRS_STATES[row.state].clock;
  if (phase === 'done') {
    return { dueDate: row.due_date, businessDaysLeft: null, overdue: false, light: null, clockStopped: false };
  }
  const stopped = phase === 'stopped';
  const from = stopped && row.paused_at ? bogotaDate(new Date(row.paused_at)) : today;
  const left = businessDaysBetween(from, row.due_date, rules);
  const overdue = from > row.due_date;
  const light: DeadlineLight = overdue ? 'red' : left <= AMBER_DAYS ? 'amber' : 'green';
  return { dueDate: row.due_date, businessDaysLeft: left, overdue, light, clockStopped: stopped };
}

/** Why `action` is not possible now, or null when it is (input-dependent checks come later). */
function refusal(action: PqrsAction, row: PqrsRow, today: string, rules: CalendarRules): string | null {
  const def = PQRS_ACTIONS[action];
  if (!def.from[row.state]) {
    return `La acción «${def.label}» no es posible en una solicitud en estado «${PQRS_STATES[row.state].label}».`;
  }
  switch (action) {
    case 'request-completion': {
      const until = limits(row, rules).completionRequestUntil;
      return today > until
        ? `Solo se puede pedir que complete la solicitud dentro de los ${COMPLETION_REQUEST_DAYS} días hábiles siguientes a la radicación (hasta el ${formatDate(until)}; Ley 1755 de 2015, art. 17).`
        : null;
    }
    case 'extend': {
      if (row.extended_at) return 'El plazo de esta solicitud ya se prorrogó; la ley permite una sola prórroga.';
      if (today > row.due_date) {
        return `El plazo venció el ${formatDate(row.due_date)}: la prórroga solo es posible antes del vencimiento (Ley 1755 de 2015, art. 14, parágrafo).`;
      }
      return row.due_date >= limits(row, rules).maxExtendedDueDate
        ? 'La fecha límite ya es la máxima que permite la ley (el doble del término inicial).'
        : null;
    }
    case 'extend-completion': {
      if (row.completion_extended) return 'El plazo para completar ya se amplió una vez; la ley permite una sola ampliación.';
      return today > row.completion_deadline!
        ? `El plazo para completar venció el ${formatDate(row.completion_deadline!)}; ya no se puede ampliar.`
        : null;
    }
    case 'desist':
      return today <= row.completion_deadline!
        ? `El ciudadano tiene plazo para completar hasta el ${formatDate(row.completion_deadline!)}; antes de esa fecha no procede el desistimiento.`
        : null;
    default:
      return null;
  }
}

const RUNNING_STATES = (Object.keys(PQRS_STATES) as PqrsState[]).filter((s) => PQRS_STATES[s].clock === 'running');
const RUNNING_SQL = RUNNING_STATES.map((s) => `'${s}'`).join(', ');

/** The workflow bound to an app: its database, clock, mailer and configuration. */
export function workflow(app: FastifyInstance) {
  const { db, config, mailer } = app;

  const s = {
    byRadicado: db.prepare<[string], PqrsRow>('SELECT * FROM pqrs WHERE radicado = ?'),
    publicByRadicado: db.prepare<[string], PublicRow>(`SELECT ${PUBLIC_COLUMNS.join(', ')} FROM pqrs WHERE radicado = ?`),
    staff: db.prepare<[number], { id: number; username: string; name: string; active: number }>(
      'SELECT id, username, name, active FROM staff WHERE id = ?',
    ),
    assignees: db.prepare<[], { id: number; username: string; name: string }>(
      'SELECT id, username, name FROM staff WHERE active = 1 ORDER BY name, username',
    ),
    attachments: db.prepare<[number, 'intake' | 'answer'], { id: number; name: string; size: number; mime: string }>(
      'SELECT id, original_name AS name, size, mime FROM pqrs_attachments WHERE pqrs_id = ? AND kind = ? ORDER BY id',
    ),
    file: db.prepare<[number, number], StoredAttachment>(
      `SELECT id, original_name AS name, stored_name AS storedName, size, mime
       FROM pqrs_attachments WHERE id = ? AND pqrs_id = ?`,
    ),
    answerFile: db.prepare<[number, number], StoredAttachment>(
      `SELECT id, original_name AS name, stored_name AS storedName, size, mime
       FROM pqrs_attachments WHERE id = ? AND pqrs_id = ? AND kind = 'answer'`,
    ),
    events: db.prepare<[number], { at: string; state: PqrsState; actor: string | null; public_note: string | null }>(
      'SELECT at, state, actor, public_note FROM pqrs_events WHERE pqrs_id = ? ORDER BY at, id',
    ),
    notes: db.prepare<[number], { id: number; at: string; author: string; text: string }>(
      'SELECT id, at, author, text FROM pqrs_notes WHERE pqrs_id = ? ORDER BY at, id',
    ),
    insertNote: db.prepare('INSERT INTO pqrs_notes (pqrs_id, at, staff_id, author, text) VALUES (?, ?, ?, ?, ?)'),
    insertFile: db.prepare(
      `INSERT INTO pqrs_attachments (pqrs_id, original_name, stored_name, mime, size, sha256, kind)
       VALUES (@pqrsId, @originalName, @storedName, @mime, @size, @sha256, 'answer')`,
    ),
  };
  const review = reviews(db);
  const updates = new Map<string, ReturnType<typeof db.prepare>>();
  const listings = new Map<string, { page: ReturnType<typeof db.prepare>; count: ReturnType<typeof db.prepare> }>();

  /** Today and the calendar; the cut-off hour plays no part here (no receipt is computed). */
  const trackCache = new TrackCache<TrackResult>(db);

  const clockNow = () => {
    const now = app.now();
    return { now, today: bogotaDate(now), rules: calendarRules(db) };
  };

  /** The satisfaction survey the tracker offers for an answered request, if one is set and answerable now. */
  function satisfactionSurvey(row: Pick<PqrsRow, 'state' | 'answer'>, now: Date): { slug: string; title: string } | undefined {
    // A request closed after a transfer was never answered here: nothing to rate.
    if ((row.state !== 'respondida' && row.state !== 'cerrada') || row.answer === null) return undefined;
    const slug = getSettings(db, app.config).pqrsSurvey;
    const survey = slug === null ? undefined : getSurveyBySlug(db, slug);
    return survey && surveyStatus(survey, now) === 'open' ? { slug: survey.slug, title: survey.title } : undefined;
  }

  function load(radicado: string): PqrsRow {
    const row = s.byRadicado.get(radicado);
    if (!row) throw new ApiError(404, `No existe la solicitud con radicado ${radicado}.`);
    return row;
  }

  function staffRef(id: number | null) {
    const st = id === null ? undefined : s.staff.get(id);
    return st ? { id: st.id, username: st.username, name: st.name } : null;
  }

  function update(id: number, changes: Changes & { state: PqrsState }): void {
    const keys = Object.keys(changes).sort();
    const sql = `UPDATE pqrs SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`;
    let stmt = updates.get(sql);
    if (!stmt) updates.set(sql, (stmt = db.prepare(sql)));
    stmt.run({ ...changes, id });
  }

  /** An e-mail to the citizen, when they chose that channel and gave an address. */
  function mailFor(row: PqrsRow, m: { subject: string; lines: string[] }, entityName: string): OutgoingMail | null {
    if (row.response_channel !== 'email' || !row.email) return null;
    return {
      to: row.email,
      subject: `Radicado ${row.radicado}: ${m.subject}`,
      body: [
        `Cordial saludo${row.name ? `, ${row.name}` : ''}:`,
        '',
        ...m.lines,
        '',
        `Radicado: ${row.radicado}`,
        `Asunto: ${row.subject}`,
        '',
        'Puede consultar el estado de su solicitud en línea con el radicado y el código de seguimiento que recibió al radicar.',
        '',
        entityName,
        'Este es un mensaje automático; por favor no lo responda.',
      ].join('\n'),
    };
  }

  // ---- Actions ----------------------------------------------------------------------------

  /** Sends and publishes an answer: the one path for a reply without review and an approved one. */
  function answer(row: PqrsRow, input: ReplyWithFiles, ctx: Context): Effect {
    const names = input.files.map((f) => `- ${f.originalName}`);
    return {
      changes: { answer: input.text, answered_at: ctx.now.toISOString(), answered_by: ctx.actor.id, denied: Number(input.denied) },
      publicNote: 'La entidad respondió su solicitud.',
      files: input.files,
      details: { denied: input.denied, attachments: input.files.length, late: ctx.today > row.due_date },
      mail: {
        subject: 'respuesta a su solicitud',
        lines: [
          `${ctx.entityName} respondió su ${PQRS_TYPES[row.type].label.toLowerCase()}:`,
          '',
          input.text,
          ...(names.length
            ? ['', 'La respuesta tiene estos archivos adjuntos, que puede descargar en la consulta en línea:', ...names]
            : []),
        ],
      },
    };
  }

  const handlers: { [A in PqrsAction]: (row: PqrsRow, input: never, ctx: Context) => Effect } = {
    assign(row, input: AssignInput) {
      const st = s.staff.get(input.staffId);
      if (!st || !st.active) {
        const message = 'Funcionario: no existe o su cuenta está desactivada.';
        throw new ApiError(400, 'Revise los campos marcados.', { staffId: message });
      }
      if (row.assignee_id === st.id) throw new ApiError(409, `La solicitud ya está asignada a ${st.name}.`);
      return {
        changes: { assignee_id: st.id },
        publicNote:
          row.assignee_id === null
            ? 'Su solicitud fue asignada a un funcionario de la entidad.'
            : 'Su solicitud quedó a cargo de otro funcionario de la entidad.',
        details: { previousAssignee: staffRef(row.assignee_id)?.username ?? null, assignee: st.username },
      };
    },

    start() {
      return { changes: {}, publicNote: 'El funcionario a cargo está estudiando su solicitud.' };
    },

    reply(row, input: ReplyWithFiles, ctx) {
      // Denied access is what Ley 1712 counts for requests for public information (arts. 18-19).
      if (input.denied && row.type !== 'informacion') {
        throw new ApiError(400, 'Revise los campos marcados.', { denied: 'Acceso negado: solo aplica a solicitudes de información.' });
      }
      return reviewRequired(getSettings(db, config), row.type) ? review.submit(row, input, ctx) : answer(row, input, ctx);
    },

    approve(row, input: ApproveInput, ctx) {
      return review.approve(row, input, ctx, (kept, author) => answer(row, kept, { ...ctx, actor: author }));
    },

    return(row, input: ReturnInput, ctx) {
      return review.return(row, input, ctx);
    },

    'request-completion'(_row, input: RequestCompletionInput, ctx) {
      const deadline = completionDeadline(ctx.today, 1, ctx.rules);
      const lines = [
        'Para poder responder su solicitud necesitamos que la complete:',
        '',
        input.message,
        '',
        `Tiene plazo hasta el ${formatDate(deadline)}. Puede pedir una ampliación de un mes antes de esa fecha. ` +
          'Mientras tanto el plazo de respuesta está suspendido; si no recibimos la información a tiempo, ' +
          'la solicitud se archivará por desistimiento (Ley 1755 de 2015, art. 17).',
      ];
      return {
        changes: { paused_at: ctx.now.toISOString(), completion_deadline: deadline, completion_extended: 0 },
        publicNote: lines.join('\n'),
        details: { deadline },
        mail: { subject: 'necesitamos que complete su solicitud', lines },
      };
    },

    'extend-completion'(row, input: ExtendCompletionInput, ctx) {
      const deadline = completionDeadline(bogotaDate(new Date(row.paused_at!)), 2, ctx.rules);
      const text = `A petición suya, el plazo para completar la solicitud se amplió hasta el ${formatDate(deadline)}.`;
      const lines = input.note ? [text, '', input.note] : [text];
      return {
        changes: { completion_deadline: deadline, completion_extended: 1 },
        publicNote: lines.join('\n'),
        details: { previousDeadline: row.completion_deadline, deadline },
        mail: { subject: 'se amplió el plazo para completar su solicitud', lines },
      };
    },

    complete(row, input: CompleteInput, ctx) {
      const requestDay = bogotaDate(new Date(row.paused_at!));
      const on = input.completedOn ?? ctx.today;
      const field = (message: string) => new ApiError(400, 'Revise los campos marcados.', { completedOn: message });
      if (on > ctx.today) throw field('Fecha de recibo: no puede ser una fecha futura.');
      if (on < requestDay) throw field(`Fecha de recibo: no puede ser anterior al requerimiento (${requestDay}).`);
      if (on > row.completion_deadline!) {
        throw new ApiError(
          409,
          `La información llegó después del plazo para completar (vencía el ${formatDate(row.completion_deadline!)}): corresponde archivar por desistimiento.`,
        );
      }
      const paused = businessDaysBetween(requestDay, on, ctx.rules);
      const due = addBusinessDays(row.due_date, paused, ctx.rules);
      return {
        changes: { paused_at: null, completion_deadline: null, paused_days: row.paused_days + paused, due_date: due },
        publicNote: `Recibimos la información que faltaba. El plazo de respuesta se reanudó: la nueva fecha límite es el ${formatDate(due)}.`,
        details: { completedOn: on, pausedDays: paused, previousDueDate: row.due_date, dueDate: due },
      };
    },

    extend(row, input: ExtendInput, ctx) {
      const field = (status: number, message: string) =>
        new ApiError(status, status === 400 ? 'Revise los campos marcados.' : message, { newDueDate: message });
      const max = limits(row, ctx.rules).maxExtendedDueDate;
      if (!isBusinessDay(input.newDueDate, ctx.rules)) throw field(400, 'Nueva fecha límite: debe ser un día hábil.');
      if (input.newDueDate <= row.due_date) {
        throw field(400, `Nueva fecha límite: debe ser posterior a la fecha límite actual (${row.due_date}).`);
      }
      if (input.newDueDate > max) {
        throw field(
          409,
          `Nueva fecha límite: no puede pasar del ${formatDate(max)}, el doble del término inicial contado desde la radicación (Ley 1755 de 2015, art. 14, parágrafo).`,
        );
      }
      const lines = [
        `La entidad prorrogó el plazo para responder su solicitud hasta el ${formatDate(input.newDueDate)} (Ley 1755 de 2015, art. 14, parágrafo).`,
        `Motivo: ${input.reason}`,
      ];
      return {
        changes: { due_date: input.newDueDate, extended_at: ctx.now.toISOString(), extension_reason: input.reason },
        publicNote: lines.join('\n'),
        details: { previousDueDate: row.due_date, dueDate: input.newDueDate },
        mail: { subject: 'prórroga del plazo de respuesta', lines },
      };
    },

    transfer(row, input: TransferInput, ctx) {
      const until = limits(row, ctx.rules).transferUntil;
      const late = ctx.today > until;
      const lines = [
        `Su solicitud es competencia de ${input.entity}; por eso se la trasladamos para que le responda directamente (Ley 1755 de 2015, art. 21).`,
        ...(input.note ? ['', input.note] : []),
      ];
      return {
        changes: { transferred_to: input.entity, transferred_at: ctx.now.toISOString() },
        publicNote: lines.join('\n'),
        details: { entity: input.entity, late },
        mail: { subject: 'su solicitud fue trasladada a otra entidad', lines },
        warnings: late
          ? [`Traslado tardío: la ley pide trasladar dentro de los ${TRANSFER_DAYS} días hábiles siguientes a la radicación (hasta el ${until}).`]
          : [],
      };
    },

    desist(row, input: DesistInput, ctx) {
      const lines = [
        `Su solicitud se archivó por desistimiento: el plazo para completarla venció el ${formatDate(row.completion_deadline!)} sin que recibiéramos la información pedida (Ley 1755 de 2015, art. 17).`,
        'Puede presentarla de nuevo cuando quiera, con la información completa.',
        ...(input.note ? ['', input.note] : []),
      ];
      return {
        // paused_at stays: the report needs to know the clock was stopped until the archive.
        changes: { closed_at: ctx.now.toISOString() },
        publicNote: lines.join('\n'),
        mail: { subject: 'su solicitud se archivó por desistimiento', lines },
      };
    },

    close(_row, input: CloseInput, ctx) {
      return { changes: { closed_at: ctx.now.toISOString() }, publicNote: input.note ?? 'El trámite de su solicitud terminó.' };
    },
  };

  /** Checks and applies an action in one transaction: state, event, audit, e-mail, files. */
  const apply = db.transaction((action: PqrsAction, radicado: string, actor: Actor, input: unknown): string[] => {
    const ctx: Context = { ...clockNow(), entityName: getSettings(db, config).entityName, actor };
    const row = load(radicado);
    const reason = refusal(action, row, ctx.today, ctx.rules);
    if (reason) throw new ApiError(409, reason, undefined, 'transition');
    const effect = (handlers[action] as (row: PqrsRow, input: unknown, ctx: Context) => Effect)(row, input, ctx);
    const to = effect.to ?? PQRS_ACTIONS[action].from[row.state]!;
    const at = ctx.now.toISOString();
    update(row.id, { ...effect.changes, state: to });
    recordEvent(db, { pqrsId: row.id, at, state: to, actor: actor.username, actorId: actor.id, publicNote: effect.publicNote });
    if (effect.note) s.insertNote.run(row.id, at, actor.id, actor.username, effect.note);
    for (const f of effect.files ?? []) s.insertFile.run({ pqrsId: row.id, ...f });
    const mail = effect.mail && mailFor(row, effect.mail, ctx.entityName);
    if (mail) mailer.enqueue(mail);
    recordAudit(db, {
      staffId: actor.id,
      username: actor.username,
      action: `pqrs.${action}`,
      target: row.radicado,
      ip: actor.ip,
      details: { ...effect.details, from: row.state, to, ...(mail ? { mailed: true } : {}) },
      at: ctx.now,
    });
    return effect.warnings ?? [];
  });

  // ---- Reading ----------------------------------------------------------------------------

  function detail(radicado: string, warnings?: string[]): PqrsDetail {
    const { today, rules } = clockNow();
    const row = load(radicado);
    const answerFiles = s.attachments.all(row.id, 'answer');
    return {
      ...status(row, today, rules),
      subject: row.subject,
      description: row.description,
      responseChannel: row.response_channel,
      channel: row.channel,
      requester: {
        kind: row.requester_kind,
        documentType: row.document_type,
        documentNumber: row.document_number,
        name: row.name,
        email: row.email,
        phone: row.phone,
        address: row.address,
        city: row.city,
      },
      consent: { at: row.consent_at, policy: row.consent_policy },
      businessDays: row.business_days,
      pausedDays: row.paused_days,
      limits: limits(row, rules),
      assignee: staffRef(row.assignee_id),
      answer:
        row.answer !== null
          ? {
              text: row.answer,
              at: row.answered_at ?? '',
              denied: row.denied === 1,
              by: staffRef(row.answered_by),
              attachments: answerFiles,
            }
          : null,
      closedAt: row.closed_at,
      attachments: s.attachments.all(row.id, 'intake'),
      events: s.events.all(row.id).map((e) => ({
        at: e.at,
        state: e.state,
        label: PQRS_STATES[e.state].label,
        actor: e.actor,
        publicNote: e.public_note,
      })),
      notes: s.notes.all(row.id),
      actions: PQRS_ACTION_VALUES.filter((a) => refusal(a, row, today, rules) === null),
      review: review.info(row, getSettings(db, config)),
      ...(warnings?.length ? { warnings } : {}),
    };
  }

  /** What staff and the citizen both see of a request's status and term. */
  function status(row: PublicRow, today: string, rules: CalendarRules) {
    return {
      radicado: row.radicado,
      type: row.type,
      typeLabel: PQRS_TYPES[row.type].label,
      state: row.state,
      stateLabel: PQRS_STATES[row.state].label,
      stateDescription: PQRS_STATES[row.state].description,
      receivedAt: row.received_at,
      effectiveReceipt: row.effective_receipt,
      originalDueDate: row.original_due_date,
      ...clock(row, today, rules),
      extension: row.extended_at ? { at: row.extended_at, reason: row.extension_reason ?? '' } : null,
      transfer: row.transferred_to ? { entity: row.transferred_to, at: row.transferred_at ?? '' } : null,
      completion: completionOf(row, today),
    };
  }

  function completionOf(row: PublicRow, today: string) {
    if (row.state !== 'pendiente_ciudadano' || !row.paused_at || !row.completion_deadline) return null;
    return {
      requestedAt: row.paused_at,
      deadline: row.completion_deadline,
      extended: row.completion_extended === 1,
      expired: today > row.completion_deadline,
    };
  }

  function inbox(q: InboxQuery, me: number): Inbox {
    const { today, rules } = clockNow();
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    const oneOf = (column: string, name: string, values: string[]) => {
      values.forEach((v, i) => (params[`${name}${i}`] = v));
      where.push(`${column} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`);
    };
    if (q.type) oneOf('p.type', 'type', q.type);
    if (q.state) oneOf('p.state', 'state', q.state);
    if (q.assignee === 'none') where.push('p.assignee_id IS NULL');
    else if (q.assignee !== undefined) {
      where.push('p.assignee_id = @assignee');
      params.assignee = q.assignee === 'me' ? me : q.assignee;
    }
    if (q.review === 'mine') {
      // "Esperan mi revisión": answers in review I may decide (not my own, unless I am the only reviewer).
      where.push(review.isReviewer(me) ? review.awaitingSql : '0');
      params.me = me;
    }
    if (q.overdue !== undefined) {
      const overdue = `(p.state IN (${RUNNING_SQL}) AND p.due_date < @today)`;
      where.push(q.overdue ? overdue : `NOT ${overdue}`);
      params.today = today;
    }
    if (q.q) {
      where.push(`(p.radicado LIKE @q ESCAPE '\\' OR p.subject LIKE @q ESCAPE '\\' OR p.name LIKE @q ESCAPE '\\')`);
      params.q = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    let stmts = listings.get(filter);
    if (!stmts) {
      stmts = {
        page: db.prepare(
          `SELECT p.radicado, p.type, p.state, p.subject, p.name, p.received_at, p.channel, p.due_date, p.paused_at,
             p.completion_deadline, p.assignee_id, s.username AS assignee_username, s.name AS assignee_name
           FROM pqrs p LEFT JOIN staff s ON s.id = p.assignee_id ${filter}
           ORDER BY p.due_date, p.id LIMIT @limit OFFSET @offset`,
        ),
        count: db.prepare(`SELECT count(*) FROM pqrs p ${filter}`).pluck(),
      };
      listings.set(filter, stmts);
    }
    type InboxRow = Pick<
      PqrsRow,
      'radicado' | 'type' | 'state' | 'subject' | 'name' | 'received_at' | 'due_date' | 'paused_at' | 'completion_deadline' | 'assignee_id'
      | 'channel'
    > & { assignee_username: string | null; assignee_name: string | null };
    const rows = stmts.page.all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as InboxRow[];
    return {
      items: rows.map((r) => ({
        radicado: r.radicado,
        type: r.type,
        typeLabel: PQRS_TYPES[r.type].label,
        state: r.state,
        stateLabel: PQRS_STATES[r.state].label,
        subject: r.subject,
        requesterName: r.name,
        receivedAt: r.received_at,
        channel: r.channel,
        ...clock(r, today, rules),
        completionExpired: r.state === 'pendiente_ciudadano' && r.completion_deadline !== null && today > r.completion_deadline,
        assignee:
          r.assignee_id !== null ? { id: r.assignee_id, username: r.assignee_username ?? '', name: r.assignee_name ?? '' } : null,
      })),
      total: stmts.count.get(params) as number,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The request behind a radicado and tracking code, or the one 404 for any mismatch. */
  function authorise(radicado: string, code: string): PublicRow {
    const row = s.publicByRadicado.get(radicado);
    // The hash is computed and compared even for an unknown radicado, so both take the same time.
    const matches = trackingCodeMatches(radicado, code, row?.tracking_hash ?? DUMMY_HASH);
    if (!row || !matches) throw new ApiError(404, TRACK_NOT_FOUND);
    return row;
  }

  return {
    /** Applies a state-machine action and returns the updated detail (with any warnings). */
    act(action: PqrsAction, radicado: string, actor: Actor, input: unknown): PqrsDetail {
      const warnings = apply(action, radicado, actor, input);
      void mailer.flush();
      return detail(radicado, warnings);
    },

    /** Adds an internal note: staff only, never in the tracker, not a public event. */
    addNote(radicado: string, actor: Actor, text: string): PqrsDetail {
      db.transaction(() => {
        const now = app.now();
        const row = load(radicado);
        s.insertNote.run(row.id, now.toISOString(), actor.id, actor.username, text);
        recordAudit(db, {
          staffId: actor.id,
          username: actor.username,
          action: 'pqrs.note',
          target: row.radicado,
          ip: actor.ip,
          details: { length: text.length },
          at: now,
        });
      })();
      return detail(radicado);
    },

    detail,
    inbox,

    /** Active staff, for the assign control. */
    assignees(): { id: number; username: string; name: string }[] {
      return s.assignees.all();
    },

    /** A proposed attachment of the answer waiting for review, for staff. */
    reviewAttachment(radicado: string, index: number): StoredAttachment {
      return review.pendingFile(load(radicado).id, index);
    },

    /** A request's attachment (the citizen's or the answer's), for staff. */
    attachment(radicado: string, id: number): StoredAttachment {
      const file = s.file.get(id, load(radicado).id);
      if (!file) throw new ApiError(404, 'No existe ese adjunto en esta solicitud.');
      return file;
    },

    /** What the citizen sees with the right radicado and code. */
    track(radicado: string, code: string): TrackResult {
      const now = app.now();
      const version = trackCache.version();
      const cached = trackCache.get(radicado, version, now);
      if (cached) {
        if (!trackingCodeMatches(radicado, code, cached.hash)) throw new ApiError(404, TRACK_NOT_FOUND);
        return cached.answer;
      }
      const row = authorise(radicado, code);
      const { id } = row;
      const today = bogotaDate(now);
      const rules = calendarRules(db);
      const survey = satisfactionSurvey(row, now);
      const notice = trackNotice(db, id, today);
      const answer: TrackResult = {
        ...status(row, today, rules),
        events: s.events.all(id).map((e) => ({
          at: e.at,
          state: e.state,
          label: PQRS_STATES[e.state].label,
          publicNote: e.public_note,
        })),
        ...(row.answer !== null
          ? { answer: { text: row.answer, at: row.answered_at ?? '', attachments: s.attachments.all(id, 'answer') } }
          : {}),
        ...(survey ? { satisfactionSurvey: survey } : {}),
        ...(notice ? { notice } : {}),
      };
      trackCache.set(radicado, row.tracking_hash, answer, version, now, today);
      return answer;
    },

    /** An answer attachment for the citizen; anything else (including intake files) is the same 404. */
    trackedAttachment(radicado: string, code: string, fileId: number): StoredAttachment {
      const file = s.answerFile.get(fileId, authorise(radicado, code).id);
      if (!file) throw new ApiError(404, TRACK_NOT_FOUND);
      return file;
    },
  };
}

/** An attachment as stored: its display name and the random file name in the uploads dir. */
export interface StoredAttachment {
  id: number;
  name: string;
  storedName: string;
  size: number;
  mime: string;
}

export type Workflow = ReturnType<typeof workflow>;
