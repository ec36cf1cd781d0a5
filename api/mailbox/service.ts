/**
 * The contact mailbox (DOMAIN.md section 6): what citizens write when the chat is closed or the
 * wait is long. Staff answer by e-mail or file it as a PQRSD.
 */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../admin/audit.ts';
import { bogotaMinute, type StaffActor } from '../chat/service.ts';
import { ApiError } from '../errors.ts';
import type { PqrsType } from '../pqrs/catalog.ts';
import { fileOnce } from '../pqrs/service.ts';
import { getSettings } from '../settings/store.ts';
import type { MailboxDetail, MailboxListItem, MailboxState } from './schemas.ts';
import { mailboxStore, type MailboxRow } from './store.ts';

const PAGE_SIZE = 25;

function listItem(r: MailboxRow): MailboxListItem {
  return { id: r.id, name: r.name, email: r.email, subject: r.subject, state: r.state, createdAt: r.created_at, radicado: r.radicado };
}

export function mailboxService(app: FastifyInstance) {
  const { db, config, mailer } = app;
  const store = mailboxStore(db);
  const entity = () => getSettings(db, config).entityName;
  const converting = new Set<number>();

  function load(id: number): MailboxRow {
    const row = store.get(id);
    if (!row) throw new ApiError(404, `No existe el mensaje ${id} del buzón.`);
    return row;
  }

  function audit(staff: StaffActor, action: string, id: number, details?: Record<string, unknown>) {
    recordAudit(db, { staffId: staff.id, username: staff.username, action, target: `mailbox:${id}`, ip: staff.ip, details, at: app.now() });
  }

  return {
    /** Stores the message and queues the acknowledgement in the same commit. */
    async receive(input: { name: string; email: string; subject: string; message: string }, ip: string): Promise<{ id: number }> {
      const now = app.now();
      const at = now.toISOString();
      const id = await app.commit(() => {
        const id = store.insert({ ...input, at, consentPolicy: config.policyVersion, consentIp: ip });
        mailer.enqueue({
          to: input.email,
          subject: `Recibimos su mensaje: ${input.subject}`,
          body: [
            `Cordial saludo, ${input.name}:`,
            '',
            `${entity()} recibió su mensaje del buzón de contacto el ${bogotaMinute(at)} (hora de Colombia).`,
            '',
            `Asunto: ${input.subject}`,
            '',
            'Le responderemos a este correo. Si su mensaje es una petición, queja, reclamo, sugerencia o',
            'denuncia, puede radicarlo como PQRSD para obtener un radicado y el plazo legal de respuesta.',
            '',
            'Este es un mensaje automático; por favor no lo responda.',
          ].join('\n'),
        });
        return id;
      });
      void mailer.flush();
      return { id };
    },

    list(f: { state?: MailboxState; q?: string; page?: number }) {
      const page = f.page ?? 1;
      const { items, total } = store.list({ state: f.state, q: f.q || undefined, page, pageSize: PAGE_SIZE });
      return { items: items.map(listItem), total, page, pageSize: PAGE_SIZE };
    },

    detail(id: number): MailboxDetail {
      const row = load(id);
      return {
        ...listItem(row),
        message: row.message,
        consent: { at: row.consent_at, policyVersion: row.consent_policy, ip: row.consent_ip },
        replies: store.replies(id),
      };
    },

    /** Answers by e-mail (through the outbox, in the commit that records the reply). */
    async reply(id: number, staff: StaffActor, body: string): Promise<void> {
      const at = app.now().toISOString();
      await app.commit(() => {
        const row = load(id);
        store.insertReply({ messageId: id, staffId: staff.id, body, at });
        store.answered(id);
        mailer.enqueue({
          to: row.email,
          subject: `Re: ${row.subject}`,
          body: [
            `Cordial saludo, ${row.name}:`,
            '',
            body,
            '',
            `${staff.name}`,
            entity(),
            '',
            `Su mensaje del ${bogotaMinute(row.created_at)} (hora de Colombia):`,
            ...row.message.split(/\r?\n/).map((l) => `> ${l}`),
          ].join('\n'),
        });
        audit(staff, 'mailbox.reply', id);
      });
      void mailer.flush();
    },

    /**
     * Files the message as a PQRSD: the citizen gave name and e-mail, so a natural person
     * answered by e-mail; the PQRSD acknowledgement e-mail carries the radicado.
     */
    async convert(id: number, staff: StaffActor, type: PqrsType): Promise<{ radicado: string; dueDate: string }> {
      const row = load(id);
      const { created } = await fileOnce(
        app,
        { id, radicado: row.radicado, consentIp: row.consent_ip, from: 'mailbox' },
        converting,
        () => ({
          type,
          subject: `Buzón de contacto: ${row.subject}`.slice(0, 200),
          description: `Mensaje recibido por el buzón de contacto el ${bogotaMinute(row.created_at)} (hora de Colombia):\n\n${row.message}`,
          responseChannel: 'email',
          consent: true,
          requester: { kind: 'natural', name: row.name, email: row.email },
        }),
        (created) => {
          store.converted(id, created.radicado);
          audit(staff, 'mailbox.convert', id, { radicado: created.radicado, type });
        },
      );
      return { radicado: created.radicado, dueDate: created.dueDate };
    },
  };
}
