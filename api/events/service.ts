/**
 * Events of the participation plan (issue 12, DOMAIN.md section 7): staff write and publish
 * them; citizens list them, subscribe to them as iCalendar and register. Registrations go
 * through the group commit, so capacity and waiting list hold under concurrent requests.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../admin/audit.ts';
import { bogotaDate, bogotaDayRange, bogotaMidnight } from '../calendar/calendar.ts';
import { spreadsheetCsv } from '../csv.ts';
import { hashToken, type StaffActor } from '../chat/service.ts';
import { ApiError } from '../errors.ts';
import type { MailAttachment } from '../mail/outbox.ts';
import { pqrsService } from '../pqrs/service.ts';
import type { SseStream } from '../sse.ts';
import { getSettings } from '../settings/store.ts';
import { eventsIcs, type IcsOptions } from './ics.ts';
import { eventsLive, type LiveChange } from './live.ts';
import { bogotaIso, bogotaLong } from './time.ts';
import type {
  AdminEvent,
  AdminQuestion,
  AdminRegistration,
  PublicQuestion,
  EventData,
  EventKind,
  EventPhase,
  EventState,
  PublicEvent,
  PublicEventDetail,
  PublicResults,
  RegistrationCreated,
  RegistrationStatus,
} from './schemas.ts';
import {
  eventStore,
  type EventFields,
  type EventRow,
  type PublishedQuestionRow,
  type QuestionRow,
  type RegistrationListRow,
  type RegistrationRow,
} from './store.ts';

function adminQuestionOf(q: QuestionRow): AdminQuestion {
  return {
    id: q.id,
    question: q.body,
    name: q.name,
    email: q.email,
    state: q.state,
    answer: q.answer,
    answeredAt: q.answered_at,
    createdAt: q.created_at,
    publishedAt: q.published_at,
    mergedInto: q.merged_into,
    radicado: q.radicado,
  };
}

function publicQuestionOf(q: PublishedQuestionRow): PublicQuestion {
  return { id: q.id, question: q.body, answer: q.answer, answeredAt: q.answered_at, publishedAt: q.published_at!, merged: q.merged };
}

const STATUS_LABEL = { registered: 'Inscrito', waitlisted: 'En lista de espera', cancelled: 'Cancelada' } as const;

/** A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`) is kept as text. */
const cell = (v: string | null) => (v && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? ''));

function registrationOf(r: RegistrationListRow): AdminRegistration {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    status: r.status,
    createdAt: r.created_at,
    promotedAt: r.promoted_at,
    cancelledAt: r.cancelled_at,
    attendedAt: r.attended_at,
  };
}

/** Reminders go out from 24 hours before the start. */
export const REMIND_BEFORE_MS = 24 * 3_600_000;
/** Survey invitations go to events that ended within this window (no mail about old events). */
export const INVITE_WITHIN_MS = 7 * 24 * 3_600_000;
const NOT_FOUND = 'No existe ese evento.';
const INVALID = 'Revise los campos marcados.';

/** Where it was first exported from: other modules may still import it from here. */
export { bogotaIso } from './time.ts';

/** «ya hay 1 persona inscrita o en espera», «ya hay 3 personas inscritas o en espera». */
const registeredOrWaiting = (n: number) => (n === 1 ? 'ya hay 1 persona inscrita o en espera' : `ya hay ${n} personas inscritas o en espera`);

/** A slug from a title: lower case, no accents, words joined by hyphens. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/, '');
  return slug || 'evento';
}

export function phaseOf(row: Pick<EventRow, 'starts_at' | 'ends_at'>, now: Date): EventPhase {
  const t = now.toISOString();
  if (t < row.starts_at) return 'upcoming';
  return t < row.ends_at ? 'in-progress' : 'held';
}

/** When registration closes: the staff's time, or the start. */
const closesAt = (row: EventRow) => row.reg_closes_at ?? row.starts_at;

function goalsOf(row: EventRow): AdminEvent['goals'] {
  return JSON.parse(row.goals) as AdminEvent['goals'];
}

export function eventsService(app: FastifyInstance) {
  const { db, config, mailer } = app;
  const store = eventStore(db);
  const entity = () => getSettings(db, config).entityName;
  const live = eventsLive(
    db,
    {
      state: (eventId) => {
        const row = store.get(eventId);
        if (!row || row.state === 'draft') return null;
        return { state: row.state, phase: phaseOf(row, app.now()) };
      },
      changesSince: (eventId, seq) =>
        store.liveChanges(eventId, seq).map((q): LiveChange => (q.state === 'published' ? { seq: q.live_seq, question: publicQuestionOf(q) } : { seq: q.live_seq, removed: q.id })),
      lastSeq: store.liveSeq,
      results: (eventId) => {
        const row = store.get(eventId);
        return !row || row.state === 'draft' ? null : publicResults(row);
      },
    },
    (err) => app.log.error({ err }, 'transmisión en vivo de eventos'),
  );

  function load(id: number): EventRow {
    const row = store.get(id);
    if (!row) throw new ApiError(404, `No existe el evento ${id}.`);
    return row;
  }

  function loadQuestion(eventId: number, id: number): QuestionRow {
    const q = store.question(eventId, id);
    if (!q) throw new ApiError(404, `No existe la pregunta ${id} en este evento.`);
    return q;
  }

  /** A published or cancelled event; drafts answer exactly as unknown slugs do. */
  function loadPublic(slug: string): EventRow {
    const row = store.bySlug(slug);
    if (!row || row.state === 'draft') throw new ApiError(404, NOT_FOUND);
    return row;
  }

  function audit(staff: StaffActor, action: string, row: Pick<EventRow, 'id' | 'slug'>, details?: Record<string, unknown>) {
    recordAudit(db, { staffId: staff.id, username: staff.username, action, target: `event:${row.id}`, ip: staff.ip, details: { slug: row.slug, ...details }, at: app.now() });
  }

  /**
   * Queues one e-mail per due registration, each marked in the transaction that queues it (`mark`
   * is false when it was already marked), so a crash or a restart never sends one twice.
   * Returns how many were queued.
   */
  function mailOnce(
    due: RegistrationRow[],
    mark: (id: number, at: string) => boolean,
    compose: (r: RegistrationRow, row: EventRow) => { subject: string; lines: string[] },
  ): number {
    const at = app.now().toISOString();
    const sent = db.transaction(() => {
      let n = 0;
      for (const r of due) {
        if (!mark(r.id, at)) continue;
        const { subject, lines } = compose(r, store.get(r.event_id)!);
        mailer.enqueue({ to: r.email, subject, body: lines.join('\n') });
        n++;
      }
      return n;
    })();
    if (sent) void mailer.flush();
    return sent;
  }

  function toAdmin(row: EventRow): AdminEvent {
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      kind: row.kind,
      summary: row.summary,
      body: row.body,
      startsAt: bogotaIso(row.starts_at),
      endsAt: bogotaIso(row.ends_at),
      place: row.place,
      onlineUrl: row.online_url,
      responsible: row.responsible_id && row.responsible_name ? { id: row.responsible_id, name: row.responsible_name } : null,
      state: row.state,
      phase: phaseOf(row, app.now()),
      registration: row.registration
        ? { enabled: true, capacity: row.capacity, waitlist: row.waitlist === 1, closesAt: bogotaIso(closesAt(row)) }
        : null,
      questions: row.questions === 1,
      surveySlug: row.survey_slug,
      goals: goalsOf(row),
      counts: { registered: row.registered, waitlisted: row.waitlisted },
      chat:
        row.chat_opens_at && row.chat_closes_at
          ? { officials: store.chatOfficials(row.id), opensAt: bogotaIso(row.chat_opens_at), closesAt: bogotaIso(row.chat_closes_at) }
          : null,
      figures: store.figures(row.id),
      results: row.results_text === null ? null : { text: row.results_text, publishedAt: row.results_published_at },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
      cancelledAt: row.cancelled_at,
    };
  }

  /** Whether the event takes a registration now (into the waiting list if full). */
  function registrationOpen(row: EventRow, now: Date): boolean {
    if (row.state !== 'published' || !row.registration || now.toISOString() >= closesAt(row)) return false;
    return row.capacity === null || row.registered < row.capacity || row.waitlist === 1;
  }

  function toPublic(row: EventRow): PublicEvent {
    const now = app.now();
    return {
      slug: row.slug,
      title: row.title,
      kind: row.kind,
      startsAt: bogotaIso(row.starts_at),
      endsAt: bogotaIso(row.ends_at),
      state: row.state === 'cancelled' ? 'cancelled' : 'published',
      phase: phaseOf(row, now),
      place: row.place,
      onlineUrl: row.online_url,
      summary: row.summary,
      registration: row.registration
        ? {
            open: registrationOpen(row, now),
            capacity: row.capacity,
            remaining: row.capacity === null ? null : Math.max(0, row.capacity - row.registered),
            waitlist: row.waitlist === 1,
            closesAt: bogotaIso(closesAt(row)),
          }
        : null,
      questions: row.questions === 1,
      survey: row.survey_slug,
      chat: row.chat_opens_at && row.chat_closes_at ? { opensAt: bogotaIso(row.chat_opens_at), closesAt: bogotaIso(row.chat_closes_at) } : null,
    };
  }

  /** The memoria as citizens see it, once published. */
  function publicResults(row: EventRow): PublicResults | null {
    if (row.results_text === null || row.results_published_at === null) return null;
    const title = row.survey_slug ? store.surveyTitle(row.survey_slug) : undefined;
    return {
      text: row.results_text,
      publishedAt: row.results_published_at,
      figures: store.figures(row.id),
      survey: row.survey_slug && title !== undefined ? { slug: row.survey_slug, title } : null,
    };
  }

  /**
   * Called after every commit that changes what citizens see of an event (its state, its
   * published questions and answers, its results): tells the live feed. After the commit, so
   * viewers never see a change that could still roll back.
   */
  function afterPublicChange(eventId: number): void {
    live.changed(eventId);
  }

  function publicDetailOf(row: EventRow): PublicEventDetail {
    // Read together: the questions and the live position they reflect.
    return {
      ...toPublic(row),
      body: row.body,
      publishedQuestions: store.publishedQuestions(row.id).map(publicQuestionOf),
      results: publicResults(row),
      liveSeq: store.liveSeq(row.id),
    };
  }

  /** The form's checks that need the database; throws a 400 naming the fields. */
  function checkReferences(data: EventData, current?: EventRow): void {
    const fields: Record<string, string> = {};
    if (data.surveySlug && !store.surveyExists(data.surveySlug))
      fields.surveySlug = `Encuesta: no existe una encuesta con el identificador «${data.surveySlug}».`;
    if (data.responsibleId != null && !store.staffExists(data.responsibleId))
      fields.responsibleId = 'Responsable: no existe un funcionario activo con ese identificador.';
    const capacity = data.registration?.enabled ? data.registration.capacity : null;
    if (current && capacity != null && capacity < current.registered)
      fields['registration.capacity'] = `Cupo: ya hay ${current.registered} personas inscritas; no puede ser menor.`;
    if (current && !data.registration?.enabled && current.registered + current.waitlisted > 0)
      fields['registration.enabled'] = `Inscripción: ${registeredOrWaiting(current.registered + current.waitlisted)}; no se puede quitar.`;
    const missing = (data.chat?.officials ?? []).filter((id) => !store.staffExists(id));
    if (missing.length) fields['chat.officials'] = `Funcionarios del chat: no hay un funcionario activo con el identificador ${missing.join(', ')}.`;
    if (!data.place && !data.onlineUrl) fields.place = 'Lugar: indique un lugar, un enlace en línea o ambos.';
    if (Object.keys(fields).length) throw new ApiError(400, INVALID, fields);
  }

  function fieldsOf(data: EventData, slug: string, at: string): EventFields {
    const reg = data.registration?.enabled ? data.registration : null;
    return {
      slug,
      title: data.title,
      kind: data.kind as EventKind,
      summary: data.summary ?? '',
      body: data.body ?? '',
      startsAt: data.startsAt,
      endsAt: data.endsAt,
      place: data.place ?? null,
      onlineUrl: data.onlineUrl ?? null,
      responsibleId: data.responsibleId ?? null,
      registration: reg ? 1 : 0,
      capacity: reg?.capacity ?? null,
      waitlist: reg?.waitlist ? 1 : 0,
      regClosesAt: reg?.closesAt ?? null,
      questions: data.questions ? 1 : 0,
      surveySlug: data.surveySlug ?? null,
      goals: JSON.stringify(data.goals ?? {}),
      chatOpensAt: data.chat?.opensAt ?? null,
      chatClosesAt: data.chat?.closesAt ?? null,
      at,
    };
  }

  /** The given slug (409 if another event has it), or one derived from the title, made unique. */
  function slugFor(data: EventData, exceptId = 0): string {
    if (data.slug) {
      if (store.slugTaken(data.slug, exceptId))
        throw new ApiError(409, `Ya existe otro evento con el identificador «${data.slug}».`, { slug: 'Identificador: ya lo usa otro evento.' });
      return data.slug;
    }
    const base = slugify(data.title);
    let slug = base;
    for (let n = 2; store.slugTaken(slug, exceptId); n++) slug = `${base}-${n}`;
    return slug;
  }

  function icsOptions(base: string): IcsOptions {
    const host = config.publicUrl ? new URL(config.publicUrl).hostname : 'ecam-participa';
    return {
      name: `Participación · ${entity()}`,
      uidHost: host,
      eventUrl: (r) => `${base}/participe/evento.html?evento=${encodeURIComponent(r.slug)}`,
    };
  }

  // --- e-mail -------------------------------------------------------------------------------

  /** The event as `evento.ics`, for the confirmation and the promotion e-mails. */
  function icsAttachment(row: EventRow, base: string): MailAttachment[] {
    return [{ filename: 'evento.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: eventsIcs([row], icsOptions(base)) }];
  }

  function eventLines(row: EventRow): string[] {
    return [
      `Evento: ${row.title}`,
      `Fecha: ${bogotaLong(row.starts_at)} a ${bogotaIso(row.ends_at).slice(11, 16)} (hora de Colombia)`,
      ...(row.place ? [`Lugar: ${row.place}`] : []),
      ...(row.online_url ? [`En línea: ${row.online_url}`] : []),
    ];
  }

  function confirmation(row: EventRow, r: { name: string; email: string }, status: RegistrationStatus, token: string, base: string) {
    const waiting = status === 'waitlisted';
    mailer.enqueue({
      to: r.email,
      subject: waiting ? `Lista de espera: ${row.title}` : `Inscripción confirmada: ${row.title}`,
      body: [
        `Cordial saludo, ${r.name}:`,
        '',
        waiting
          ? `${entity()} recibió su inscripción, pero el cupo está completo: quedó en la lista de espera. Si alguien cancela, le escribiremos para confirmarle su cupo.`
          : `${entity()} confirma su inscripción.`,
        '',
        ...eventLines(row),
        '',
        `Agregue el evento a su calendario: ${base}/api/events/${row.slug}.ics`,
        '',
        'Si no puede asistir, cancele su inscripción en este enlace, para que otra persona aproveche el cupo:',
        `${base}/participe/evento.html?evento=${encodeURIComponent(row.slug)}#cancelar=${token}`,
        '',
        'Sus datos se tratan según la política de tratamiento de datos personales (Ley 1581 de 2012).',
        'Este es un mensaje automático; por favor no lo responda.',
      ].join('\n'),
      attachments: icsAttachment(row, base),
    });
  }

  function promotionMail(row: EventRow, r: RegistrationRow, base: string) {
    mailer.enqueue({
      to: r.email,
      subject: `Tiene cupo: ${row.title}`,
      body: [
        `Cordial saludo, ${r.name}:`,
        '',
        `Se liberó un cupo y su inscripción pasó de la lista de espera a confirmada.`,
        '',
        ...eventLines(row),
        '',
        `Agregue el evento a su calendario: ${base}/api/events/${row.slug}.ics`,
        'Si ya no puede asistir, cancele con el enlace del correo en que recibió su inscripción.',
        '',
        'Este es un mensaje automático; por favor no lo responda.',
      ].join('\n'),
      attachments: icsAttachment(row, base),
    });
  }

  /** Moves people from the waiting list into freed places, in order of arrival; inside a commit. */
  function promote(eventId: number, base: string): void {
    for (;;) {
      const row = store.get(eventId)!;
      if (row.state !== 'published' || app.now().toISOString() >= row.starts_at) return;
      if (row.capacity !== null && row.registered >= row.capacity) return;
      const next = store.firstWaiting(eventId);
      if (!next) return;
      store.promote(next.id, app.now().toISOString());
      promotionMail(row, next, base);
    }
  }

  return {
    // --- staff ------------------------------------------------------------------------------

    list(f: { year?: number; state?: EventState }): { items: AdminEvent[] } {
      const range = f.year ? bogotaDayRange(`${f.year}-01-01`, `${f.year}-12-31`) : { from: null, to: null };
      return { items: store.list({ ...range, state: f.state, publicOnly: false }).map(toAdmin) };
    },

    detail: (id: number): AdminEvent => toAdmin(load(id)),

    create(data: EventData, staff: StaffActor): AdminEvent {
      checkReferences(data);
      const at = app.now().toISOString();
      const id = db.transaction(() => {
        const slug = slugFor(data);
        const id = store.insert(fieldsOf(data, slug, at));
        store.setChatOfficials(id, data.chat?.officials ?? []);
        audit(staff, 'event.create', { id, slug }, { title: data.title, kind: data.kind });
        return id;
      })();
      return toAdmin(load(id));
    },

    update(id: number, data: EventData, staff: StaffActor, base: string): AdminEvent {
      db.transaction(() => {
        const current = load(id);
        if (current.state === 'cancelled') throw new ApiError(409, 'El evento está cancelado: ya no se puede modificar.');
        checkReferences(data, current);
        const slug = data.slug ? slugFor(data, id) : current.slug;
        store.update(id, fieldsOf(data, slug, app.now().toISOString()));
        store.setChatOfficials(id, data.chat?.officials ?? []);
        // A larger capacity (or none) gives places to the waiting list.
        promote(id, base);
        audit(staff, 'event.update', { id, slug }, { title: data.title });
      })();
      void mailer.flush();
      // New dates may change the phase.
      afterPublicChange(id);
      return toAdmin(load(id));
    },

    publish(id: number, staff: StaffActor): AdminEvent {
      db.transaction(() => {
        const row = load(id);
        if (row.state === 'published') throw new ApiError(409, 'El evento ya está publicado.');
        if (row.state === 'cancelled') throw new ApiError(409, 'El evento está cancelado: no se puede publicar.');
        store.setState(id, 'published', app.now().toISOString());
        audit(staff, 'event.publish', row);
      })();
      afterPublicChange(id);
      return toAdmin(load(id));
    },

    /** Cancels the event and tells every registrant (and everyone waiting) by e-mail. */
    cancel(id: number, staff: StaffActor): AdminEvent {
      db.transaction(() => {
        const row = load(id);
        if (row.state === 'cancelled') throw new ApiError(409, 'El evento ya está cancelado.');
        if (phaseOf(row, app.now()) === 'held') throw new ApiError(409, 'El evento ya se realizó: no se puede cancelar.');
        store.setState(id, 'cancelled', app.now().toISOString());
        const people = store.active(id);
        for (const r of people) {
          mailer.enqueue({
            to: r.email,
            subject: `Evento cancelado: ${row.title}`,
            body: [
              `Cordial saludo, ${r.name}:`,
              '',
              `${entity()} canceló el evento en el que usted estaba inscrito. Lamentamos las molestias.`,
              '',
              ...eventLines(row),
              '',
              'Este es un mensaje automático; por favor no lo responda.',
            ].join('\n'),
          });
        }
        audit(staff, 'event.cancel', row, { notified: people.length });
      })();
      void mailer.flush();
      afterPublicChange(id);
      return toAdmin(load(id));
    },

    registrations(id: number): { items: AdminRegistration[] } {
      load(id);
      return { items: store.registrations(id).map(registrationOf) };
    },

    /** The list as CSV for a spreadsheet: Bogotá times, statuses in Spanish. */
    registrationsCsv(id: number): { filename: string; csv: string } {
      const row = load(id);
      const minute = (iso: string | null) => (iso ? bogotaIso(iso).slice(0, 16).replace('T', ' ') : '');
      const rows = store.registrations(id).map((r) => [
        r.id,
        cell(r.name),
        cell(r.email),
        STATUS_LABEL[r.status],
        minute(r.created_at),
        minute(r.promoted_at),
        minute(r.cancelled_at),
        r.attended_at ? 'Sí' : 'No',
      ]);
      const header = ['N.º', 'Nombre', 'Correo electrónico', 'Estado', 'Inscrito el', 'Pasó de la lista de espera el', 'Canceló el', 'Asistió'];
      return { filename: `inscripciones-${row.slug}.csv`, csv: spreadsheetCsv([header, ...rows]) };
    },

    /** Marks (or unmarks) a registered person present, from the day of the event on. Audited. */
    attendance(id: number, registrationId: number, attended: boolean, staff: StaffActor): AdminRegistration {
      return db.transaction(() => {
        const row = load(id);
        const reg = store.registration(id, registrationId);
        if (!reg) throw new ApiError(404, `No existe la inscripción ${registrationId} en este evento.`);
        if (reg.status !== 'registered') throw new ApiError(409, 'Solo se registra la asistencia de personas inscritas (no en espera ni canceladas).');
        const now = app.now();
        if (now.toISOString() < bogotaMidnight(bogotaDate(new Date(row.starts_at))))
          throw new ApiError(409, 'La asistencia se registra desde el día del evento.');
        store.attendance(reg.id, attended ? now.toISOString() : null, attended ? staff.id : null);
        audit(staff, 'event.attendance', row, { registration: reg.id, attended });
        return registrationOf(store.registration(id, registrationId)!);
      })();
    },

    questions(id: number): { items: AdminQuestion[] } {
      load(id);
      return { items: store.questions(id).map(adminQuestionOf) };
    },

    /** Publishes, hides or holds a question, with its public answer (or none). Audited. */
    moderate(id: number, questionId: number, m: { state: 'pending' | 'published' | 'hidden'; answer?: string | null }, staff: StaffActor): AdminQuestion {
      const question = db.transaction(() => {
        const row = load(id);
        const q = loadQuestion(id, questionId);
        // Moderating a merged question takes it out of the merge (staff undo it this way).
        store.moderate({ id: questionId, state: m.state, answer: m.answer ?? null, at: app.now().toISOString(), staffId: staff.id });
        audit(staff, 'event.question', row, { question: questionId, state: m.state, answered: Boolean(m.answer), ...(q.merged_into ? { unmerged: q.merged_into } : {}) });
        return adminQuestionOf(store.question(id, questionId)!);
      })();
      afterPublicChange(id);
      return question;
    },

    /**
     * Folds a question into a similar one of the same event: it becomes `merged` (never public
     * on its own) and the target counts it. What had been merged into it moves to the target.
     * 409 into itself, into a merged or hidden question, or into another event's. Audited.
     */
    merge(id: number, questionId: number, into: number, staff: StaffActor): AdminQuestion {
      const target = db.transaction(() => {
        const row = load(id);
        const q = loadQuestion(id, questionId);
        if (into === questionId) throw new ApiError(409, 'Una pregunta no se puede fusionar consigo misma.', { into: 'Fusionar con: elija otra pregunta.' });
        const target = store.question(id, into);
        if (!target) {
          if (store.questionAnywhere(into)) throw new ApiError(409, 'Solo se fusionan preguntas del mismo evento.', { into: 'Fusionar con: la pregunta es de otro evento.' });
          throw new ApiError(404, `No existe la pregunta ${into}.`);
        }
        if (target.state === 'merged') throw new ApiError(409, `La pregunta ${into} ya está fusionada con la ${target.merged_into}: fusione con esa.`, { into: 'Fusionar con: elija una pregunta que no esté fusionada.' });
        if (target.state === 'hidden') throw new ApiError(409, `La pregunta ${into} está oculta: no se puede fusionar con ella.`, { into: 'Fusionar con: elija una pregunta que no esté oculta.' });
        if (q.state === 'merged') throw new ApiError(409, `La pregunta ${questionId} ya está fusionada con la ${q.merged_into}.`);
        if (q.radicado) throw new ApiError(409, `La pregunta ${questionId} ya se radicó como ${q.radicado}: no se fusiona.`);
        store.merge(questionId, into);
        audit(staff, 'event.question.merge', row, { question: questionId, into });
        return adminQuestionOf(store.question(id, into)!);
      })();
      afterPublicChange(id);
      return target;
    },

    /**
     * Files a question left unanswered as a PQRSD petición (channel `evento`) through the common
     * filing path: same radicado sequence, legal term from the filing day, and the citizen's
     * acknowledgement e-mail (with the tracking code, which they never saw) when they left an
     * address. With a name or an e-mail the requester is a natural person (answered by e-mail
     * when there is one, else online); with neither, anonymous (answered online, published as
     * the answers to anonymous requests are). Only after the event ended; 409 if the question
     * was answered, merged, hidden or already filed. The radicado is stored on the question in
     * the filing's own transaction (or neither is written). Audited.
     */
    async fileQuestion(id: number, questionId: number, staff: StaffActor): Promise<{ radicado: string; dueDate: string }> {
      const refuse = (row: EventRow, q: QuestionRow) => {
        if (phaseOf(row, app.now()) !== 'held') throw new ApiError(409, 'Una pregunta se radica como petición cuando el evento ya terminó.');
        if (q.radicado) throw new ApiError(409, `Esta pregunta ya se radicó como ${q.radicado}.`, undefined, 'converted');
        if (q.state === 'merged') throw new ApiError(409, `Esta pregunta está fusionada con la ${q.merged_into}: radique esa.`);
        if (q.state === 'hidden') throw new ApiError(409, 'Esta pregunta está oculta: no se radica.');
        if (q.answer !== null) throw new ApiError(409, 'Esta pregunta ya tiene respuesta pública.');
      };
      const row = load(id);
      const q = loadQuestion(id, questionId);
      refuse(row, q);
      const person = q.name !== null || q.email !== null;
      const created = await pqrsService(app).file(
        {
          type: 'peticion',
          subject: `Pregunta en el evento: ${row.title}`.slice(0, 200),
          description: [
            `Pregunta recibida el ${bogotaLong(q.created_at)} (hora de Colombia) para el evento «${row.title}»`,
            `(${bogotaLong(row.starts_at)}), que quedó sin respuesta al terminar el evento.`,
            '',
            q.body,
          ].join('\n'),
          responseChannel: q.email ? 'email' : 'online',
          consent: true,
          requester: person ? { kind: 'natural', name: q.name ?? undefined, email: q.email ?? undefined } : { kind: 'anonimo' },
        },
        [],
        q.consent_ip,
        app.now(),
        'event',
        {
          alsoInTransaction: ({ radicado }) => {
            // Checked again in the transaction: two clicks, or an answer given meanwhile.
            refuse(load(id), loadQuestion(id, questionId));
            store.questionFiled(questionId, radicado);
            audit(staff, 'event.question.pqrs', row, { question: questionId, radicado });
          },
        },
      );
      return { radicado: created.radicado, dueDate: created.dueDate };
    },

    /**
     * Saves the memoria and publishes it (only once the event ended; not for drafts or
     * cancelled events) or takes it back (`publish: false`). Republishing keeps the first date.
     */
    results(id: number, input: { text: string; publish: boolean }, staff: StaffActor): AdminEvent {
      db.transaction(() => {
        const row = load(id);
        const now = app.now();
        if (input.publish) {
          if (row.state === 'draft') throw new ApiError(409, 'Publique primero el evento: los resultados de un borrador no se publican.');
          if (row.state === 'cancelled') throw new ApiError(409, 'El evento fue cancelado: no tiene resultados que publicar.');
          if (phaseOf(row, now) !== 'held') throw new ApiError(409, 'Los resultados se publican cuando el evento ya terminó.');
        }
        store.setResults({ id, text: input.text, publishedAt: input.publish ? now.toISOString() : null, at: now.toISOString() });
        audit(staff, 'event.results', row, { published: input.publish });
      })();
      afterPublicChange(id);
      return toAdmin(load(id));
    },

    /**
     * Queues the reminder of every registered person whose event starts within the next 24
     * hours. Each reminder is marked in the transaction that queues it, so a crash or a restart
     * never sends one twice, and a server that was down catches up when it starts.
     */
    remind(base: string): number {
      const now = app.now();
      const due = store.dueReminders(now.toISOString(), new Date(now.getTime() + REMIND_BEFORE_MS).toISOString());
      return mailOnce(due, store.reminded, (r, row) => ({
        subject: `Recordatorio: ${row.title}`,
        lines: [
          `Cordial saludo, ${r.name}:`,
          '',
          `Le recordamos que está inscrito en este evento de ${entity()}:`,
          '',
          ...eventLines(row),
          '',
          `Agregue el evento a su calendario: ${base}/api/events/${row.slug}.ics`,
          'Si ya no puede asistir, cancele con el enlace del correo en que recibió su inscripción, para que otra persona aproveche el cupo.',
          '',
          'Este es un mensaje automático; por favor no lo responda.',
        ],
      }));
    },

    /**
     * Queues the survey invitation of every registered person of an event with a linked survey
     * once it has ended (within a week of the end), marked in the same transaction: once each.
     */
    inviteToSurvey(base: string): number {
      const now = app.now();
      const due = store.dueInvitations(now.toISOString(), new Date(now.getTime() - INVITE_WITHIN_MS).toISOString());
      return mailOnce(due, store.invited, (r, row) => ({
        subject: `Cuéntenos cómo le fue: ${row.title}`,
        lines: [
          `Cordial saludo, ${r.name}:`,
          '',
          `Gracias por inscribirse en «${row.title}». Su opinión nos ayuda a mejorar: responda la encuesta`,
          'del evento en la página del evento (toma pocos minutos):',
          `${base}/participe/evento.html?evento=${encodeURIComponent(row.slug)}#encuesta`,
          '',
          'Este es un mensaje automático; por favor no lo responda.',
        ],
      }));
    },

    /**
     * Copies a year's plan (every event not cancelled) into drafts of a later year: each date
     * moves by whole weeks to the same weekday nearest the same day, the year in titles is
     * updated, tools and goals are kept; staff then adjust and publish. Audited.
     */
    copyYear(from: number, to: number, staff: StaffActor): { items: AdminEvent[] } {
      const range = bogotaDayRange(`${from}-01-01`, `${from}-12-31`);
      const source = store.list({ ...range, publicOnly: false }).filter((r) => r.state !== 'cancelled' && r.starts_at >= range.from!);
      if (!source.length) throw new ApiError(400, INVALID, { from: `Año de origen: no hay eventos en ${from} para copiar.` });
      const weeks = Math.round((to - from) * 365.2425 / 7);
      const shift = (iso: string | null) => (iso ? new Date(Date.parse(iso) + weeks * 7 * 86_400_000).toISOString() : null);
      const at = app.now().toISOString();
      const ids = db.transaction(() => {
        const ids = source.map((r) => {
          const title = r.title.replaceAll(String(from), String(to));
          const base = slugify(title);
          let slug = base;
          for (let n = 2; store.slugTaken(slug); n++) slug = `${base}-${n}`;
          return store.insert({
            slug,
            title,
            kind: r.kind,
            summary: r.summary.replaceAll(String(from), String(to)),
            body: r.body,
            startsAt: shift(r.starts_at)!,
            endsAt: shift(r.ends_at)!,
            place: r.place,
            onlineUrl: r.online_url,
            responsibleId: r.responsible_id,
            registration: r.registration,
            capacity: r.capacity,
            waitlist: r.waitlist,
            regClosesAt: shift(r.reg_closes_at),
            questions: r.questions,
            surveySlug: r.survey_slug,
            goals: r.goals,
            chatOpensAt: shift(r.chat_opens_at),
            chatClosesAt: shift(r.chat_closes_at),
            at,
          });
        });
        ids.forEach((id, i) => store.setChatOfficials(id, store.chatOfficials(source[i]!.id).map((o) => o.id)));
        recordAudit(db, { staffId: staff.id, username: staff.username, action: 'event.copy-year', target: `events:${from}`, ip: staff.ip, details: { from, to, copied: ids.length }, at: app.now() });
        return ids;
      })();
      return { items: ids.map((id) => toAdmin(load(id))) };
    },

    // --- public -----------------------------------------------------------------------------

    publicList(f: { from?: string; to?: string; kind?: EventKind }): PublicEvent[] {
      const range = bogotaDayRange(f.from, f.to);
      return store.list({ ...range, kind: f.kind, publicOnly: true }).map(toPublic);
    },

    publicDetail: (slug: string): PublicEventDetail => publicDetailOf(loadPublic(slug)),

    /**
     * Opens an event's live feed (404 for unknown and draft events, before `open` takes the
     * reply): the state, then the question changes after `lastEventId` (none without it).
     */
    watch(slug: string, open: () => SseStream, lastEventId: number | null): void {
      const row = loadPublic(slug);
      live.watch(row.id, open(), lastEventId);
    },

    /**
     * Tells the live feed that an event may have changed; call it after the commit of anything
     * that touches an event, its questions or its results (merging, publishing results...).
     */
    notifyLive: (eventId: number): void => live.changed(eventId),

    /** Ends the live streams (server shutdown). */
    closeLive: (): void => live.close(),

    /** All published and cancelled events (`slug` given: that one only), as iCalendar. */
    ics(base: string, slug?: string): string {
      const rows = slug ? [loadPublic(slug)] : store.list({ publicOnly: true });
      return eventsIcs(rows, icsOptions(base));
    },

    /**
     * Registers a citizen: `registered` while there are places, `waitlisted` after when the
     * event keeps a waiting list. Runs inside the group commit, so concurrent requests are
     * counted one after another. The token is returned once and stored hashed.
     */
    async register(slug: string, input: { name: string; email: string }, ip: string, base: string): Promise<RegistrationCreated> {
      const token = randomBytes(24).toString('base64url');
      const status = await app.commit(() => {
        const row = loadPublic(slug);
        const now = app.now();
        if (row.state === 'cancelled') throw new ApiError(400, 'El evento fue cancelado: no recibe inscripciones.');
        if (!row.registration) throw new ApiError(400, 'Este evento no tiene inscripción.');
        if (now.toISOString() >= row.starts_at) throw new ApiError(400, 'El evento ya comenzó o ya se realizó: no recibe inscripciones.');
        if (now.toISOString() >= closesAt(row)) throw new ApiError(400, 'Las inscripciones a este evento ya cerraron.');
        if (store.activeByEmail(row.id, input.email))
          throw new ApiError(409, 'Ya hay una inscripción a este evento con ese correo electrónico.', {
            email: 'Correo electrónico: ya está inscrito en este evento.',
          });
        const full = row.capacity !== null && row.registered >= row.capacity;
        if (full && !row.waitlist) throw new ApiError(409, 'El cupo de este evento está completo y no tiene lista de espera.');
        const status: RegistrationStatus = full ? 'waitlisted' : 'registered';
        store.insertRegistration({
          eventId: row.id,
          name: input.name,
          email: input.email,
          status,
          tokenHash: hashToken(token),
          at: now.toISOString(),
          consentPolicy: config.policyVersion,
          consentIp: ip,
        });
        confirmation(row, input, status, token, base);
        return status;
      });
      void mailer.flush();
      return { status, cancelToken: token };
    },

    /** A citizen's question, before or during the event; it waits for moderation. */
    async ask(slug: string, input: { question: string; name?: string; email?: string }, ip: string): Promise<{ id: number; state: 'pending' }> {
      const id = await app.commit(() => {
        const row = loadPublic(slug);
        if (row.state === 'cancelled') throw new ApiError(400, 'El evento fue cancelado: no recibe preguntas.');
        if (!row.questions) throw new ApiError(400, 'Este evento no recibe preguntas.');
        if (phaseOf(row, app.now()) === 'held') throw new ApiError(400, 'El evento ya terminó: no recibe preguntas. Puede radicar una petición.');
        return store.insertQuestion({
          eventId: row.id,
          body: input.question,
          name: input.name ?? null,
          email: input.email ?? null,
          at: app.now().toISOString(),
          consentPolicy: config.policyVersion,
          consentIp: ip,
        });
      });
      return { id, state: 'pending' };
    },

    /** Cancels the registration the token belongs to; a freed place goes to the first waiting. */
    async cancelRegistration(slug: string, token: string, base: string): Promise<void> {
      await app.commit(() => {
        const row = loadPublic(slug);
        const reg = store.byToken(row.id, hashToken(token));
        if (!reg) throw new ApiError(404, 'No hay una inscripción activa a este evento con esa ficha de cancelación.');
        store.cancel(reg.id, app.now().toISOString());
        if (reg.status === 'registered') promote(row.id, base);
      });
      void mailer.flush();
    },
  };
}
