import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';

/** A file sent with a message: text content (an iCalendar file, say), stored in the outbox row. */
export interface MailAttachment {
  filename: string;
  /** MIME type, e.g. `text/calendar; charset=utf-8; method=PUBLISH`. */
  contentType: string;
  content: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  attachments?: MailAttachment[];
}

const RETRY_EVERY_MS = 60_000;
const MAX_ATTEMPTS = 10;

/**
 * E-mail goes through the `outbox` table: a message is queued in the same transaction as the
 * record it speaks of, then delivered by SMTP when `SMTP_URL` is set (retried on failure);
 * without SMTP it waits in the outbox.
 */
export class Mailer {
  private readonly transport: Transporter | null;
  private readonly insert;
  private readonly pending;
  private readonly markSent;
  private readonly markFailed;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    db: Db,
    private readonly config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
    private readonly log: FastifyBaseLogger,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
    this.insert = db.prepare(
      'INSERT INTO outbox (created_at, to_address, subject, body, attachments) VALUES (@createdAt, @to, @subject, @body, @attachments)',
    );
    this.pending = db.prepare<[number], { id: number; to_address: string; subject: string; body: string; attachments: string | null }>(
      'SELECT id, to_address, subject, body, attachments FROM outbox WHERE sent_at IS NULL AND attempts < ? ORDER BY id LIMIT 50',
    );
    this.markSent = db.prepare('UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?');
    this.markFailed = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?');
  }

  /** Queues a message; call inside the transaction that writes the record it belongs to. */
  enqueue({ attachments, ...mail }: OutgoingMail): void {
    this.insert.run({ createdAt: new Date().toISOString(), ...mail, attachments: attachments?.length ? JSON.stringify(attachments) : null });
  }

  /** Starts periodic delivery, or says once that mail is not configured. */
  start(): void {
    if (!this.transport) {
      this.log.warn('SMTP_URL no está configurado: los correos quedan en la tabla outbox sin enviarse');
      return;
    }
    this.timer = setInterval(() => void this.flush(), RETRY_EVERY_MS);
    this.timer.unref();
    void this.flush();
  }

  /** Delivers what is pending; a call during a run asks for one more pass. Resolves when done. */
  flush(): Promise<void> {
    if (!this.transport) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.deliver();
      } while (this.again);
    })().finally(() => (this.running = null));
    return this.running;
  }

  private async deliver(): Promise<void> {
    for (const m of this.pending.all(MAX_ATTEMPTS)) {
      try {
        const attachments = m.attachments ? (JSON.parse(m.attachments) as MailAttachment[]) : undefined;
        await this.transport!.sendMail({ from: this.config.mailFrom, to: m.to_address, subject: m.subject, text: m.body, attachments });
        this.markSent.run(new Date().toISOString(), m.id);
      } catch (err) {
        this.markFailed.run(String((err as Error).message).slice(0, 500), m.id);
        this.log.warn({ outboxId: m.id }, 'no se pudo enviar un correo; se reintentará');
      }
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }
}
