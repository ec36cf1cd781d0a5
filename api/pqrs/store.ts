import { perDb, type Db } from '../db/index.ts';
import type { StoredFile } from './attachments.ts';
import type { PqrsChannel } from './channels.ts';
import type { PqrsData } from './schemas.ts';
import type { PqrsState } from './states.ts';

export interface NewPqrs {
  prefix: string;
  year: number;
  data: PqrsData;
  /** Where it came in (PQRS_CHANNELS). */
  channel: PqrsChannel;
  receivedAt: string;
  effectiveReceipt: string;
  businessDays: number;
  dueDate: string;
  consentIp: string;
  consentPolicy: string;
  files: StoredFile[];
  /** Computes the tracking hash once the radicado is known (it salts the hash). */
  trackingHash: (radicado: string) => string;
  /** Runs inside the same transaction, e.g. to queue the acknowledgement e-mail. */
  alsoInTransaction?: (radicado: string, id: number) => void;
}

/** Prepared statements for PQRSD records, made once per database. */
export function pqrsStore(db: Db) {
  const nextNumber = db.prepare<[string, number], { last: number }>(`
    INSERT INTO radicado_sequences (prefix, year, last) VALUES (?, ?, 1)
    ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1
    RETURNING last`);
  const insertPqrs = db.prepare(`
    INSERT INTO pqrs (radicado, tracking_hash, type, subject, description, response_channel,
      requester_kind, document_type, document_number, name, email, phone, address, city,
      received_at, effective_receipt, business_days, due_date, original_due_date, consent_at, consent_policy, consent_ip, channel)
    VALUES (@radicado, @trackingHash, @type, @subject, @description, @responseChannel,
      @kind, @documentType, @documentNumber, @name, @email, @phone, @address, @city,
      @receivedAt, @effectiveReceipt, @businessDays, @dueDate, @dueDate, @receivedAt, @consentPolicy, @consentIp, @channel)`);
  const insertAttachment = db.prepare(`
    INSERT INTO pqrs_attachments (pqrs_id, original_name, stored_name, mime, size, sha256)
    VALUES (@pqrsId, @originalName, @storedName, @mime, @size, @sha256)`);

  /**
   * Records a request, its attachments and first event. Runs inside the caller's transaction
   * (`app.commit`, which shares one commit among the filings of an event-loop turn and retries
   * each alone if one fails), so the radicado's number, taken here, is never reused nor skipped.
   */
  const create = (p: NewPqrs): { id: number; radicado: string } => {
    if (!db.inTransaction) throw new Error('pqrsStore.create runs inside a transaction (app.commit)');
    const n = nextNumber.get(p.prefix, p.year)!.last;
    const radicado = `${p.prefix}-${p.year}-${String(n).padStart(6, '0')}`;
    const r = p.data.requester;
    const personal: Partial<Record<Exclude<keyof typeof r, 'kind'>, string>> = r.kind === 'anonimo' ? {} : r;
    const id = Number(
      insertPqrs.run({
        radicado,
        trackingHash: p.trackingHash(radicado),
        type: p.data.type,
        subject: p.data.subject,
        description: p.data.description,
        responseChannel: p.data.responseChannel,
        kind: r.kind,
        documentType: personal.documentType ?? null,
        documentNumber: personal.documentNumber ?? null,
        name: personal.name ?? null,
        email: personal.email ?? null,
        phone: personal.phone ?? null,
        address: personal.address ?? null,
        city: personal.city ?? null,
        receivedAt: p.receivedAt,
        effectiveReceipt: p.effectiveReceipt,
        businessDays: p.businessDays,
        dueDate: p.dueDate,
        consentPolicy: p.consentPolicy,
        consentIp: p.consentIp,
        channel: p.channel,
      }).lastInsertRowid,
    );
    for (const f of p.files) insertAttachment.run({ pqrsId: id, ...f });
    recordEvent(db, {
      pqrsId: id,
      at: p.receivedAt,
      state: 'radicada',
      actor: null,
      actorId: null,
      publicNote: 'Solicitud radicada y recibida por la entidad.',
    });
    p.alsoInTransaction?.(radicado, id);
    return { id, radicado };
  };

  return { create };
}

/** One entry of a request's public history: the tracker shows `publicNote` with the state. */
export interface PqrsEvent {
  pqrsId: number;
  at: string;
  state: PqrsState;
  /** The staff member's username, or null for the system. */
  actor: string | null;
  actorId: number | null;
  publicNote: string | null;
}

const eventStatement = perDb((db: Db) =>
  db.prepare<PqrsEvent>(
    `INSERT INTO pqrs_events (pqrs_id, at, state, actor, actor_id, public_note)
     VALUES (@pqrsId, @at, @state, @actor, @actorId, @publicNote)`,
  ),
);

/** Adds an entry to a request's history (the workflow, notices and holiday recomputation write here). */
export function recordEvent(db: Db, event: PqrsEvent): void {
  eventStatement(db).run(event);
}
