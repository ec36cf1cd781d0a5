/**
 * Published PQRSD reports (DOMAIN.md section 5; Ley 1712 de 2014 art. 11 h, Decreto 1081 de 2015
 * art. 2.1.1.6.2, Ley 1474 de 2011 art. 76): what the entity puts on its transparency page.
 *
 * Publishing computes the report once, as of the publication instant, and stores it as data
 * (JSON) together with its CSV; nothing reads the requests again for it, so later answers,
 * transfers or corrections of the data never change a published report (the table's triggers
 * refuse any UPDATE or DELETE too). A correction is a new version for the same period that
 * names the version it replaces and says why; only the latest version of a period can be
 * replaced, so the versions of a period form one line 1, 2, 3…
 */
import { bogotaDate, bogotaHour } from '../calendar/calendar.ts';
import { calendarRules } from '../calendar/store.ts';
import { toCsv, SPREADSHEET } from '../csv.ts';
import { perDb, type Db } from '../db/index.ts';
import { ApiError } from '../errors.ts';
import type {
  InformationRequest,
  Period,
  PeriodKind,
  PublishedReport,
  PublishedSummary,
  PublishInput,
  ReportSnapshot,
} from './schemas.ts';
import { businessDayCounter, cutoffOf, pqrsReport, reportCsvRows, standing, type CohortRow, type Cutoff, type Standing } from './service.ts';

interface PublishedRow {
  id: number;
  period_kind: PeriodKind;
  period_from: string;
  period_to: string;
  version: number;
  replaces_id: number | null;
  replaces_version: number | null;
  replaced_by_id: number | null;
  replaced_by_version: number | null;
  correction_reason: string | null;
  published_at: string;
  published_by_name: string;
}

const SUMMARY = `SELECT p.id, p.period_kind, p.period_from, p.period_to, p.version, p.replaces_id, r.version AS replaces_version,
    n.id AS replaced_by_id, n.version AS replaced_by_version, p.correction_reason, p.published_at, p.published_by_name
  FROM published_reports p
  LEFT JOIN published_reports r ON r.id = p.replaces_id
  LEFT JOIN published_reports n ON n.replaces_id = p.id`;

function prepare(db: Db) {
  return {
    list: db.prepare<[], PublishedRow>(`${SUMMARY} ORDER BY p.period_to DESC, p.period_from DESC, p.version DESC`),
    one: db.prepare<[number], PublishedRow>(`${SUMMARY} WHERE p.id = ?`),
    snapshot: db.prepare<[number], string>('SELECT snapshot FROM published_reports WHERE id = ?').pluck(),
    csv: db.prepare<[number], string>('SELECT csv FROM published_reports WHERE id = ?').pluck(),
    latest: db
      .prepare<[string, string], { id: number; version: number }>(
        'SELECT id, version FROM published_reports WHERE period_from = ? AND period_to = ? ORDER BY version DESC LIMIT 1',
      ),
    insert: db.prepare<{
      kind: PeriodKind;
      from: string;
      to: string;
      version: number;
      replaces: number | null;
      reason: string | null;
      at: string;
      by: number;
      byName: string;
      snapshot: string;
      csv: string;
    }>(
      `INSERT INTO published_reports (period_kind, period_from, period_to, version, replaces_id, correction_reason,
         published_at, published_by, published_by_name, snapshot, csv)
       VALUES (@kind, @from, @to, @version, @replaces, @reason, @at, @by, @byName, @snapshot, @csv)`,
    ),
    information: db.prepare<[string, string, string], Omit<CohortRow, 'type' | 'channel'> & { radicado: string }>(
      `SELECT radicado, received_at, state, effective_receipt, due_date, paused_at, paused_days, answered_at, transferred_at,
         closed_at, denied
       FROM pqrs WHERE type = 'informacion' AND received_at >= ? AND received_at < ? AND received_at <= ?
       ORDER BY received_at, id`,
    ),
  };
}

const stmts = perDb(prepare);

/** Each request for public information of the period, as it stood at the cut-off. */
export function informationRequests(db: Db, cut: Cutoff, now: Date): InformationRequest[] {
  const days = businessDayCounter(calendarRules(db));
  return stmts(db)
    .information.all(cut.start, cut.end, now.toISOString())
    .map((r) => {
      const s = standing(r, cut, days);
      return {
        radicado: r.radicado,
        receivedOn: bogotaDate(new Date(r.received_at)),
        standing: s.standing,
        answeredOn: s.answeredOn,
        businessDays: s.businessDays,
        denied: s.businessDays !== null && r.denied === 1,
      };
    });
}

/** The figures of a report for `period` as of `now`: what publishing freezes. */
export function reportSnapshot(db: Db, period: Period, now: Date): ReportSnapshot {
  const report = pqrsReport(db, period, now);
  const cut = cutoffOf(period, now);
  const info = report.rows.find((r) => r.type === 'informacion')!;
  return {
    report,
    channels: report.channels,
    information: {
      received: info.received,
      transferred: info.transferred,
      denied: info.denied,
      requests: informationRequests(db, cut, now),
    },
  };
}

function summary(r: PublishedRow): PublishedSummary {
  return {
    id: r.id,
    kind: r.period_kind,
    from: r.period_from,
    to: r.period_to,
    version: r.version,
    publishedAt: r.published_at,
    publishedBy: r.published_by_name,
    replaces: r.replaces_id === null ? null : { id: r.replaces_id, version: r.replaces_version! },
    reason: r.correction_reason,
    replacedBy: r.replaced_by_id === null ? null : { id: r.replaced_by_id, version: r.replaced_by_version! },
  };
}

/** Every published report, newest period first, each period's versions newest first. */
export function listPublished(db: Db): PublishedSummary[] {
  return stmts(db).list.all().map(summary);
}

const NOT_FOUND = 'No existe un informe publicado con ese número.';

/** A published report with its frozen figures; 404 when there is none. */
export function getPublished(db: Db, id: number): PublishedReport {
  const row = stmts(db).one.get(id);
  if (!row) throw new ApiError(404, NOT_FOUND);
  return { ...summary(row), snapshot: JSON.parse(stmts(db).snapshot.get(id)!) as ReportSnapshot };
}

/** The CSV stored at publication, byte for byte; 404 when there is none. */
export function publishedCsv(db: Db, id: number): { csv: string; row: PublishedSummary } {
  const row = stmts(db).one.get(id);
  if (!row) throw new ApiError(404, NOT_FOUND);
  return { csv: stmts(db).csv.get(id)!, row: summary(row) };
}

/** "2026-04-05 10:30" in Bogotá. */
function bogotaDateTime(iso: string): string {
  const d = new Date(iso);
  return `${bogotaDate(d)} ${String(bogotaHour(d)).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

const STANDING_WORDS: Record<Standing, string> = {
  answeredOnTime: 'Respondida a tiempo',
  answeredLate: 'Respondida fuera de término',
  transferred: 'Trasladada a otra entidad',
  withdrawn: 'Archivada por desistimiento',
  overdue: 'Vencida sin respuesta',
  open: 'Abierta en término',
};

const KIND_WORDS: Record<PeriodKind, string> = { trimestre: 'Trimestre', semestre: 'Semestre', anio: 'Año', personalizado: 'Personalizado' };

/**
 * The published report as one CSV for a spreadsheet (`;`, BOM, decimal comma, as the staff
 * CSV): who and when, then three blocks separated by an empty row (the table by type, the
 * requests by channel, the requests for public information one by one). Every row has the same
 * number of fields, so strict CSV readers take it too.
 */
export function snapshotCsv(meta: Omit<PublishedSummary, 'id' | 'replacedBy'>, s: ReportSnapshot): string {
  const yes = (b: boolean) => (b ? 'Sí' : 'No');
  const rows: (string | number)[][] = [
    ['Informe de PQRSD publicado'],
    ['Periodo', KIND_WORDS[meta.kind]],
    ['Desde', meta.from],
    ['Hasta', meta.to],
    ['Versión', meta.version],
    ...(meta.replaces ? [['Reemplaza a la versión', meta.replaces.version], ['Motivo de la corrección', meta.reason ?? '']] : []),
    ['Publicado el (hora de Bogotá)', bogotaDateTime(meta.publishedAt)],
    ['Publicado por', meta.publishedBy],
    ['Cifras con corte a (hora de Bogotá)', bogotaDateTime(s.report.asOf)],
    [],
    ['PQRSD por tipo'],
    ...reportCsvRows(s.report),
    [],
    ['Solicitudes recibidas por canal'],
    ['Canal', 'Recibidas'],
    ...s.channels.map((c) => [c.label, c.received]),
    [],
    ['Solicitudes de acceso a la información pública (Decreto 1081 de 2015, art. 2.1.1.6.2)'],
    ['Recibidas', s.information.received],
    ['Trasladadas a otra entidad', s.information.transferred],
    ['Acceso a la información negado', s.information.denied],
    [],
    ['Radicado', 'Fecha de recibo', 'Situación al corte', 'Fecha de respuesta', 'Días hábiles de respuesta', 'Acceso negado'],
    ...s.information.requests.map((r) => [
      r.radicado,
      r.receivedOn,
      STANDING_WORDS[r.standing],
      r.answeredOn ?? '',
      r.businessDays ?? '',
      r.businessDays === null ? '' : yes(r.denied),
    ]),
  ];
  const width = Math.max(...rows.map((r) => r.length));
  return toCsv(
    rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]),
    SPREADSHEET,
  );
}

/**
 * Publishes the report for a period: version 1, or, with `replaces`, the next version of the
 * same period correcting its latest one. 409 when that version exists already. Runs inside the
 * caller's transaction (with the audit record).
 */
export function publishReport(db: Db, input: PublishInput, by: { id: number; name: string }, now: Date): PublishedSummary {
  const s = stmts(db);
  const latest = s.latest.get(input.from, input.to);
  if (input.replaces === undefined && latest) {
    throw new ApiError(
      409,
      `El informe de este periodo ya está publicado (versión ${latest.version}). Para corregirlo, publique una versión nueva que lo reemplace.`,
      undefined,
      'published',
    );
  }
  if (input.replaces !== undefined && latest?.id !== input.replaces) {
    const replaced = input.replaces !== undefined && s.one.get(input.replaces);
    throw replaced && replaced.period_from === input.from && replaced.period_to === input.to
      ? new ApiError(409, `Esa versión ya fue reemplazada por la versión ${latest!.version}; corrija la más reciente.`, undefined, 'published')
      : new ApiError(400, 'Revise los campos marcados.', { replaces: 'Reemplaza a: no es un informe publicado de este mismo periodo.' });
  }
  const version = (latest?.version ?? 0) + 1;
  const meta = {
    kind: input.kind,
    from: input.from,
    to: input.to,
    version,
    publishedAt: now.toISOString(),
    publishedBy: by.name,
    replaces: latest && input.replaces !== undefined ? { id: latest.id, version: latest.version } : null,
    reason: input.replaces !== undefined ? (input.reason ?? null) : null,
  };
  const snapshot = reportSnapshot(db, input, now);
  const id = Number(
    s.insert.run({
      kind: meta.kind,
      from: meta.from,
      to: meta.to,
      version,
      replaces: meta.replaces?.id ?? null,
      reason: meta.reason,
      at: meta.publishedAt,
      by: by.id,
      byName: by.name,
      snapshot: JSON.stringify(snapshot),
      csv: snapshotCsv(meta, snapshot),
    }).lastInsertRowid,
  );
  return { id, ...meta, replacedBy: null };
}
