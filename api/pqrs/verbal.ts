/**
 * Verbal petitions (Decreto 1166 de 2016; DOMAIN.md section 1): the official types what the
 * citizen says in person, on the phone or by another voice means, and files it at once through
 * the common filing path (radicado, tracking code, due date by the calendar, first event), so
 * the request then follows the normal workflow. In the same transaction: the constancia's own
 * fields (`pqrs_verbal`), the audit entry and, when the citizen gave an e-mail, the constancia
 * with the tracking code in the outbox.
 */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../admin/audit.ts';
import type { StaffUser } from '../auth/users.ts';
import { perDb, type Db } from '../db/index.ts';
import type { StoredFile } from './attachments.ts';
import type { VerbalChannel } from './channels.ts';
import { constanciaMail, readConstancia } from './constancia.ts';
import type { PqrsData } from './schemas.ts';
import { pqrsService } from './service.ts';
import type { VerbalData, VerbalFiled } from './verbal-schemas.ts';

const LEGAL_BASIS = 'conforme al Decreto 1166 de 2016 (Decreto 1069 de 2015, artículos 2.2.3.12.1 y siguientes)';

const HOW: Record<VerbalChannel, string> = {
  presencial: 'en forma presencial',
  telefonica: 'por vía telefónica',
  otro_verbal: 'por un medio que transmite la voz',
};

/** The explicit statement the constancia carries, frozen in the record at filing. */
export function verbalStatement(channel: VerbalChannel): string {
  return (
    `Se deja constancia expresa de que esta petición fue presentada verbalmente, ${HOW[channel]}, ` +
    `ante el funcionario que la recibió y radicó, ${LEGAL_BASIS}.`
  );
}

/** The request's subject: the object's first line, cut at a word near 120 characters. */
export function subjectOf(object: string): string {
  const line = object.split('\n')[0]!.trim();
  if (line.length <= 120) return line;
  const cut = line.slice(0, 120);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The common filing's data: the object and reasons are the description the workflow shows. */
function asPqrsData(v: VerbalData): PqrsData {
  const r = v.requester;
  return {
    type: v.type,
    subject: subjectOf(v.object),
    description: `Objeto de la petición:\n${v.object}\n\nRazones:\n${v.reasons}`,
    responseChannel: r.email ? 'email' : 'postal',
    consent: true,
    requester: {
      kind: r.kind,
      name: r.name,
      documentType: r.documentType,
      documentNumber: r.documentNumber,
      email: r.email,
      phone: r.phone,
      address: r.address,
      city: r.city,
    },
  };
}

const stmts = perDb((db: Db) => ({
  insert: db.prepare(
    `INSERT INTO pqrs_verbal (pqrs_id, object, reasons, representative_name, representative_document_type,
       representative_document_number, paper_annexes, official_id, official_name, official_username, statement)
     VALUES (@pqrsId, @object, @reasons, @representativeName, @representativeDocumentType,
       @representativeDocumentNumber, @paperAnnexes, @officialId, @officialName, @officialUsername, @statement)`,
  ),
}));

/** Files verbal petitions and reads their constancia. */
export function verbalService(app: FastifyInstance) {
  const { db, config } = app;
  const filing = pqrsService(app);

  return {
    /** Files `v` as received now by `official`; the answer carries the tracking code this once. */
    async file(v: VerbalData, files: StoredFile[], official: StaffUser, ip: string): Promise<VerbalFiled> {
      const now = app.now();
      const mailed = Boolean(v.requester.email);
      const created = await filing.file(asPqrsData(v), files, ip, now, 'verbal', {
        channel: v.channel,
        alsoInTransaction: ({ id, radicado }) => {
          stmts(db).insert.run({
            pqrsId: id,
            object: v.object,
            reasons: v.reasons,
            representativeName: v.representative?.name ?? null,
            representativeDocumentType: v.representative?.documentType ?? null,
            representativeDocumentNumber: v.representative?.documentNumber ?? null,
            paperAnnexes: JSON.stringify(v.paperAnnexes),
            officialId: official.id,
            officialName: official.name,
            officialUsername: official.username,
            statement: verbalStatement(v.channel),
          });
          recordAudit(db, {
            staffId: official.id,
            username: official.username,
            action: 'pqrs.verbal',
            target: radicado,
            ip,
            details: {
              channel: v.channel,
              type: v.type,
              files: files.length,
              paperAnnexes: v.paperAnnexes.length,
              representative: Boolean(v.representative),
              mailed,
            },
            at: now,
          });
        },
        acknowledgement: (c) => constanciaMail(readConstancia(db, config, c.radicado)!, c.trackingCode),
      });
      return { ...created, constancia: readConstancia(db, config, created.radicado)!, mailed };
    },

    constancia: (radicado: string) => readConstancia(db, config, radicado),
  };
}
