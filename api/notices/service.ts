/**
 * Notices (avisos) bound to an app: eligibility and proposal for a request, the personal-data
 * check, publication, delivery failures, and the public and staff lists. The rules are in
 * rules.ts, the finding of personal data in personal-data.ts; this module reads and writes.
 */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../admin/audit.ts';
import { bogotaDate } from '../calendar/calendar.ts';
import { calendarRules } from '../calendar/store.ts';
import { perDb, type Db } from '../db/index.ts';
import { ApiError } from '../errors.ts';
import { PQRS_TYPES, type PqrsType, type RequesterKind, type ResponseChannel } from '../pqrs/catalog.ts';
import type { PqrsState } from '../pqrs/states.ts';
import { recordEvent } from '../pqrs/store.ts';
import { getSettings } from '../settings/store.ts';
import { FLAG_LABELS, findPersonalData, type KnownData, type PersonalDataFlag } from './personal-data.ts';
import {
  DELIVERY_CHANNELS,
  NOTICE_KINDS,
  eligibility,
  failureChannels,
  isCurrent,
  noticeDates,
  type NoticeKind,
} from './rules.ts';
import type {
  FailureInput,
  PublicNotice,
  PublishInput,
  RequestNotice,
  StaffNotice,
  StaffNotices,
  NoticesList,
  TrackNotice,
} from './schemas.ts';

/** Who acts: a signed-in staff member, from where. */
export interface NoticeActor {
  id: number;
  username: string;
  ip: string;
}

interface NoticeRow {
  id: number;
  pqrs_id: number;
  radicado: string;
  type: PqrsType;
  kind: NoticeKind;
  text: string;
  published_at: string;
  published_on: string;
  removal_on: string;
  notified_on: string;
  published_by: string | null;
  confirmed: string;
}

/** The request's columns a notice needs, with a verbal petition's representative (`representative_*`). */
type RequestRow = {
  id: number;
  radicado: string;
  type: PqrsType;
  state: PqrsState;
  requester_kind: RequesterKind;
  response_channel: ResponseChannel;
  email: string | null;
  address: string | null;
  answer: string | null;
} & Record<string, unknown>;

const NOTICE_SELECT = `SELECT n.id, n.pqrs_id, p.radicado, p.type, n.kind, n.text, n.published_at, n.published_on,
  n.removal_on, n.notified_on, s.username AS published_by, n.confirmed
  FROM notices n JOIN pqrs p ON p.id = n.pqrs_id LEFT JOIN staff s ON s.id = n.staff_id`;

function prepare(db: Db) {
  return {
    // A verbal petition's representative (migration 008) is known data too.
    request: db.prepare<[string], RequestRow>(
      `SELECT p.*, v.representative_name, v.representative_document_number
       FROM pqrs p LEFT JOIN pqrs_verbal v ON v.pqrs_id = p.id WHERE p.radicado = ?`,
    ),
    current: db.prepare<{ today: string }, NoticeRow>(
      `${NOTICE_SELECT} WHERE n.published_on <= @today AND n.removal_on >= @today ORDER BY n.published_at DESC, n.id DESC`,
    ),
    currentOf: db.prepare<{ today: string; radicado: string }, NoticeRow>(
      `${NOTICE_SELECT} WHERE n.published_on <= @today AND n.removal_on >= @today AND p.radicado = @radicado`,
    ),
    all: db.prepare<[], NoticeRow>(`${NOTICE_SELECT} ORDER BY n.published_at DESC, n.id DESC LIMIT 1000`),
    ofRequest: db.prepare<[number], NoticeRow>(`${NOTICE_SELECT} WHERE n.pqrs_id = ?`),
    failures: db.prepare<[number], { at: string; channel: keyof typeof DELIVERY_CHANNELS; reason: string; by: string | null }>(
      `SELECT f.at, f.channel, f.reason, s.username AS by FROM delivery_failures f
       LEFT JOIN staff s ON s.id = f.staff_id WHERE f.pqrs_id = ? ORDER BY f.at, f.id`,
    ),
    insertNotice: db.prepare(
      `INSERT INTO notices (pqrs_id, kind, text, published_at, published_on, removal_on, notified_on, staff_id, confirmed)
       VALUES (@pqrsId, @kind, @text, @publishedAt, @publishedOn, @removalOn, @notifiedOn, @staffId, @confirmed)`,
    ),
    insertFailure: db.prepare(
      'INSERT INTO delivery_failures (pqrs_id, at, channel, reason, staff_id) VALUES (@pqrsId, @at, @channel, @reason, @staffId)',
    ),
  };
}

const stmts = perDb(prepare);

const longDate = new Intl.DateTimeFormat('es-CO', { dateStyle: 'full', timeZone: 'UTC' });
const formatDate = (date: string) => longDate.format(new Date(`${date}T00:00:00Z`));

function toPublic(r: NoticeRow): PublicNotice {
  return {
    radicado: r.radicado,
    type: r.type,
    typeLabel: PQRS_TYPES[r.type].label,
    kind: r.kind,
    kindLabel: NOTICE_KINDS[r.kind],
    publishedOn: r.published_on,
    removalOn: r.removal_on,
    notifiedOn: r.notified_on,
    text: r.text,
  };
}

function toStaff(r: NoticeRow, today: string): StaffNotice {
  return {
    ...toPublic(r),
    id: r.id,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    current: isCurrent({ publishedOn: r.published_on, removalOn: r.removal_on }, today),
    confirmed: JSON.parse(r.confirmed) as string[],
  };
}

/**
 * What the record knows about the people in a request: the requester's name, document, e-mail
 * and phone, and those of a representative (the `representative_*` columns of a verbal petition).
 */
export function knownData(row: Record<string, unknown>): KnownData {
  const known: KnownData = { names: [], documents: [], emails: [], phones: [] };
  for (const [key, value] of Object.entries(row)) {
    if (typeof value !== 'string' || !value.trim()) continue;
    const person = key.replace(/^representative_/, '');
    if (person === 'name') known.names.push(value);
    else if (person === 'document_number') known.documents.push(value);
    else if (person === 'email') known.emails.push(value);
    else if (person === 'phone') known.phones.push(value);
  }
  return known;
}

/** The notice of a request for the tracker, if it has one. */
export function trackNotice(db: Db, pqrsId: number, today: string): TrackNotice | undefined {
  const r = stmts(db).ofRequest.get(pqrsId);
  if (!r) return undefined;
  return {
    kind: r.kind,
    kindLabel: NOTICE_KINDS[r.kind],
    publishedOn: r.published_on,
    removalOn: r.removal_on,
    notifiedOn: r.notified_on,
    current: isCurrent({ publishedOn: r.published_on, removalOn: r.removal_on }, today),
  };
}

/** Notices bound to an app's database, clock and settings. */
export function noticesService(app: FastifyInstance) {
  const { db } = app;
  const s = stmts(db);
  const today = () => bogotaDate(app.now());

  function load(radicado: string): RequestRow {
    const row = s.request.get(radicado);
    if (!row) throw new ApiError(404, `No existe la solicitud con radicado ${radicado}.`);
    return row;
  }

  function eligibilityOf(row: RequestRow) {
    const input = {
      state: row.state,
      hasAnswer: row.answer !== null,
      requesterKind: row.requester_kind,
      responseChannel: row.response_channel,
      email: row.email,
      address: row.address,
      failures: s.failures.all(row.id).length,
    };
    return { ...eligibility(input), channels: failureChannels(input) };
  }

  /** Personal data in `text`, with what the record of `row` knows and the entity's own name left out. */
  function check(row: RequestRow, text: string): PersonalDataFlag[] {
    return findPersonalData(text, knownData(row), [getSettings(db, app.config).entityName]);
  }

  function state(radicado: string): RequestNotice {
    const row = load(radicado);
    const e = eligibilityOf(row);
    const notice = s.ofRequest.get(row.id);
    const proposal = e.kind && !notice && row.answer !== null ? { text: row.answer, flags: check(row, row.answer) } : null;
    return {
      radicado: row.radicado,
      kind: notice ? notice.kind : e.kind,
      reason: notice ? `Publicado el ${formatDate(notice.published_on)}.` : e.reason,
      proposal,
      notice: notice ? toStaff(notice, today()) : null,
      failures: s.failures.all(row.id),
      failureChannels: e.channels,
      datesIfPublishedToday: noticeDates(app.now(), calendarRules(db)),
    };
  }

  const publish = db.transaction((radicado: string, input: PublishInput, actor: NoticeActor): void => {
    const row = load(radicado);
    const existing = s.ofRequest.get(row.id);
    if (existing) {
      throw new ApiError(409, `La respuesta de esta solicitud ya se publicó como aviso el ${formatDate(existing.published_on)}.`, undefined, 'published');
    }
    const e = eligibilityOf(row);
    if (!e.kind) throw new ApiError(409, `No se puede publicar un aviso de esta solicitud. ${e.reason}`, undefined, 'not-eligible');
    const confirmed = new Set(input.confirmed);
    const flags = check(row, input.text);
    const pending = flags.filter((f) => !confirmed.has(f.id));
    if (pending.length) {
      const list = pending.map((f) => `«${f.text}» (${FLAG_LABELS[f.kind]})`).join(', ');
      throw new ApiError(
        409,
        `El texto tiene datos personales sin confirmar: ${list}. Suprímalos del texto o confirme cada uno antes de publicar.`,
        { text: `Texto del aviso: tiene ${pending.length} ${pending.length === 1 ? 'dato personal' : 'datos personales'} sin confirmar.` },
        'personal-data',
      );
    }
    const now = app.now();
    const dates = noticeDates(now, calendarRules(db));
    // Only confirmations of flags still in the text are kept: the record says what was published knowingly.
    const kept = flags.map((f) => f.id);
    s.insertNotice.run({
      pqrsId: row.id,
      kind: e.kind,
      text: input.text,
      publishedAt: now.toISOString(),
      ...dates,
      staffId: actor.id,
      confirmed: JSON.stringify(kept),
    });
    recordEvent(db, {
      pqrsId: row.id,
      at: now.toISOString(),
      state: row.state,
      actor: actor.username,
      actorId: actor.id,
      publicNote:
        `La respuesta se publicó como ${e.kind === 'anonima' ? 'respuesta a solicitud anónima' : 'aviso'} en el sitio web de la entidad ` +
        `del ${formatDate(dates.publishedOn)} al ${formatDate(dates.removalOn)}` +
        (e.kind === 'aviso'
          ? ` (CPACA, art. 69). La notificación se entiende surtida al finalizar el ${formatDate(dates.notifiedOn)}.`
          : ' (Resolución 1519 de 2020).'),
    });
    recordAudit(db, {
      staffId: actor.id,
      username: actor.username,
      action: 'notice.publish',
      target: row.radicado,
      ip: actor.ip,
      details: { kind: e.kind, ...dates, length: input.text.length, confirmedFlags: kept.length },
      at: now,
    });
  });

  const recordFailure = db.transaction((radicado: string, input: FailureInput, actor: NoticeActor): void => {
    const row = load(radicado);
    const e = eligibilityOf(row);
    if (s.ofRequest.get(row.id)) throw new ApiError(409, 'La respuesta de esta solicitud ya se publicó como aviso.', undefined, 'published');
    if (!e.channels.includes(input.channel)) {
      const why =
        row.requester_kind === 'anonimo'
          ? 'Una solicitud anónima no tiene dirección de entrega: su respuesta se publica directamente.'
          : row.answer === null || (row.state !== 'respondida' && row.state !== 'cerrada')
            ? 'La solicitud aún no tiene una respuesta enviada.'
            : `La solicitud no tiene ${input.channel === 'email' ? 'correo electrónico registrado' : 'dirección postal registrada'}.`;
      throw new ApiError(409, `No se puede registrar la entrega fallida. ${why}`, undefined, 'transition');
    }
    const now = app.now();
    s.insertFailure.run({ pqrsId: row.id, at: now.toISOString(), channel: input.channel, reason: input.reason, staffId: actor.id });
    // The citizen sees that the answer could not be delivered and what comes next; the reason
    // stays internal, as it may quote the address.
    recordEvent(db, {
      pqrsId: row.id,
      at: now.toISOString(),
      state: row.state,
      actor: actor.username,
      actorId: actor.id,
      publicNote: `No fue posible entregar la respuesta por ${input.channel === 'email' ? 'correo electrónico' : 'correo postal'}. La entidad la publicará por aviso en su sitio web (CPACA, art. 69).`,
    });
    recordAudit(db, {
      staffId: actor.id,
      username: actor.username,
      action: 'notice.delivery-failure',
      target: row.radicado,
      ip: actor.ip,
      details: { channel: input.channel, reasonLength: input.reason.length },
      at: now,
    });
  });

  return {
    state,
    check: (radicado: string, text: string) => ({ flags: check(load(radicado), text) }),
    publish(radicado: string, input: PublishInput, actor: NoticeActor): RequestNotice {
      publish(radicado, input, actor);
      return state(radicado);
    },
    recordFailure(radicado: string, input: FailureInput, actor: NoticeActor): RequestNotice {
      recordFailure(radicado, input, actor);
      return state(radicado);
    },
    /** The notices on the website today, or the one of `radicado` (none when it has none: nothing else is said). */
    current(radicado?: string): NoticesList {
      const day = today();
      const rows = radicado ? s.currentOf.all({ today: day, radicado }) : s.current.all({ today: day });
      return { items: rows.map(toPublic), today: day };
    },
    /** Every notice, current and past, for staff. */
    all(): StaffNotices {
      const day = today();
      return { items: s.all.all().map((r) => toStaff(r, day)), today: day };
    },
  };
}
