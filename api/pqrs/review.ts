/**
 * Review before answering, "visto bueno" (issue 11 item 6). For the PQRSD types listed in the
 * setting `reviewTypes`, a funcionario's answer (the `reply` action) is not sent: the whole reply
 * input and its stored attachments wait in `pqrs_reviews` and the request moves to en_revision.
 * A reviewer then approves it, and the very code that sends and publishes any answer runs with
 * what was kept (workflow.ts `answer`), or returns it with a comment, which goes back to the
 * state the answer was written in and stays as an internal note.
 *
 * Rules chosen here:
 * - Who reviews: staff with the `reviewer` flag, and every admin (admins manage the workflow
 *   anyway, and an entity with a single admin can switch review on without more setup).
 * - Nobody approves their own answer, unless they are the only active reviewer (otherwise a
 *   one-person office could never answer a type under review); the audit records `selfApproved`.
 *   Returning one's own answer is allowed: it is a withdrawal, and sends nothing.
 * - The legal term keeps running (en_revision has clock 'running'); the citizen sees the state
 *   "En revisión" and never the unapproved text or files. The answer's date is the approval's.
 * - Types are read from the settings when the answer is submitted: switching review off later
 *   does not release answers already waiting; they are still approved or returned.
 */
import { canReview } from '../auth/roles.ts';
import { perDb, type Db } from '../db/index.ts';
import { ApiError } from '../errors.ts';
import type { Settings } from '../settings/schemas.ts';
import type { StoredFile } from './attachments.ts';
import type { PqrsType } from './catalog.ts';
import type { ApproveInput, ReturnInput, ReviewInfo } from './review-schemas.ts';
import type { PqrsState } from './states.ts';
import type { ReplyInput } from './workflow-schemas.ts';

/** What the citizen reads in the timeline when the answer goes to review. */
export const REVIEW_PUBLIC_NOTE = 'La respuesta a su solicitud está preparada y la está revisando un funcionario de la entidad.';
/** What the citizen reads when the answer comes back to its author. */
export const RETURN_PUBLIC_NOTE = 'La entidad sigue preparando la respuesta a su solicitud.';

/** The parts of a request and of the acting official review needs. */
interface Row {
  id: number;
  type: PqrsType;
  state: PqrsState;
}
interface Who {
  id: number;
  username: string;
  ip: string;
}
interface Ctx {
  now: Date;
  actor: Who;
}

/** The reply input as the workflow hands it over: what the API validated, plus the stored files. */
export type ReplyWithFiles = ReplyInput & { files: StoredFile[] };

interface ReviewRow {
  id: number;
  submitted_at: string;
  author_id: number;
  author: string;
  input: string;
  files: string;
  previous_state: PqrsState;
  decision: 'approved' | 'returned' | null;
  decided_at: string | null;
  reviewer: string | null;
  comment: string | null;
}

function prepare(db: Db) {
  return {
    pending: db.prepare<[number], ReviewRow>('SELECT * FROM pqrs_reviews WHERE pqrs_id = ? AND decision IS NULL'),
    decided: db.prepare<[number], ReviewRow>(
      'SELECT * FROM pqrs_reviews WHERE pqrs_id = ? AND decision IS NOT NULL ORDER BY id',
    ),
    insert: db.prepare(
      `INSERT INTO pqrs_reviews (pqrs_id, submitted_at, author_id, author, input, files, previous_state)
       VALUES (@pqrsId, @at, @authorId, @author, @input, @files, @previousState)`,
    ),
    decide: db.prepare(
      `UPDATE pqrs_reviews SET decision = @decision, decided_at = @at, reviewer_id = @reviewerId, reviewer = @reviewer,
         comment = @comment WHERE id = @id AND decision IS NULL`,
    ),
    staff: db.prepare<[number], { id: number; username: string; name: string; role: 'admin' | 'funcionario'; reviewer: number; active: number }>(
      'SELECT id, username, name, role, reviewer, active FROM staff WHERE id = ?',
    ),
    reviewers: db.prepare<[], number>(
      "SELECT id FROM staff WHERE active = 1 AND (role = 'admin' OR reviewer = 1) ORDER BY id",
    ).pluck(),
  };
}

const stmts = perDb(prepare);

/** Whether answers to requests of `type` wait for review. */
export function reviewRequired(settings: Pick<Settings, 'reviewTypes'>, type: PqrsType): boolean {
  return settings.reviewTypes.includes(type);
}

/** The review rules over one database; the workflow calls these inside its transactions. */
export function reviews(db: Db) {
  const s = stmts(db);

  /** Whether staff member `id` is active and may review. */
  function isReviewer(id: number): boolean {
    const st = s.staff.get(id);
    return !!st && st.active === 1 && canReview({ role: st.role, reviewer: st.reviewer === 1 });
  }

  /** The only active reviewer is `id`. */
  function soleReviewer(id: number): boolean {
    const all = s.reviewers.all();
    return all.length === 1 && all[0] === id;
  }

  function pendingOf(row: Row): ReviewRow {
    const p = s.pending.get(row.id);
    // The state machine only lets approve/return through in en_revision, which always has one.
    if (!p) throw new ApiError(409, 'Esta solicitud no tiene una respuesta esperando revisión.', undefined, 'transition');
    return p;
  }

  function mayDecide(p: ReviewRow, actor: Who, action: 'approve' | 'return'): { self: boolean } {
    if (!isReviewer(actor.id)) {
      throw new ApiError(
        403,
        'Solo un revisor o un administrador puede aprobar o devolver una respuesta en revisión.',
        undefined,
        'forbidden',
      );
    }
    const self = p.author_id === actor.id;
    if (self && action === 'approve' && !soleReviewer(actor.id)) {
      throw new ApiError(403, 'No puede aprobar su propia respuesta: debe aprobarla otro revisor.', undefined, 'own-answer');
    }
    return { self };
  }

  function decide(p: ReviewRow, decision: 'approved' | 'returned', ctx: Ctx, comment: string | null): void {
    const done = s.decide.run({
      id: p.id,
      decision,
      at: ctx.now.toISOString(),
      reviewerId: ctx.actor.id,
      reviewer: ctx.actor.username,
      comment,
    });
    if (done.changes !== 1) throw new ApiError(409, 'Otro revisor ya decidió sobre esta respuesta.', undefined, 'transition');
  }

  return {
    isReviewer,

    /**
     * The inbox condition (over `pqrs p`, with `@me`) for "Esperan mi revisión": in review, and
     * not written by me unless I am the only reviewer. Callers check isReviewer(me) first.
     */
    awaitingSql: `(p.state = 'en_revision' AND EXISTS (SELECT 1 FROM pqrs_reviews r WHERE r.pqrs_id = p.id AND r.decision IS NULL
      AND (r.author_id <> @me OR (SELECT count(*) FROM staff WHERE active = 1 AND (role = 'admin' OR reviewer = 1)) = 1)))`,

    /**
     * A reply to a type under review: keeps the whole input and its files, moves to en_revision.
     * Returns the workflow effect (nothing changes on the request itself yet).
     */
    submit(row: Row, input: ReplyWithFiles, ctx: Ctx) {
      const { files, ...rest } = input;
      const id = Number(
        s.insert.run({
          pqrsId: row.id,
          at: ctx.now.toISOString(),
          authorId: ctx.actor.id,
          author: ctx.actor.username,
          input: JSON.stringify(rest),
          files: JSON.stringify(files),
          previousState: row.state,
        }).lastInsertRowid,
      );
      return {
        to: 'en_revision' as const,
        changes: {},
        publicNote: REVIEW_PUBLIC_NOTE,
        details: { review: id, attachments: files.length },
      };
    },

    /**
     * Approval: records the decision, then `answer` (the workflow's one way to send and publish
     * an answer) runs with the kept input, its author as the one who answered.
     */
    approve<E extends { details?: Record<string, unknown> }>(
      row: Row,
      input: ApproveInput,
      ctx: Ctx,
      answer: (input: ReplyWithFiles, author: Who) => E,
    ): E {
      const p = pendingOf(row);
      const { self } = mayDecide(p, ctx.actor, 'approve');
      decide(p, 'approved', ctx, input.comment ?? null);
      const kept = { ...(JSON.parse(p.input) as ReplyInput), files: JSON.parse(p.files) as StoredFile[] };
      const effect = answer(kept, { id: p.author_id, username: p.author, ip: ctx.actor.ip });
      return {
        ...effect,
        // Like internal notes, comments are kept with the request, not copied into the audit log.
        details: { ...effect.details, review: p.id, author: p.author, selfApproved: self, commentLength: input.comment?.length ?? 0 },
      };
    },

    /** Return: back to the state the answer was written in; the comment becomes an internal note. */
    return(row: Row, input: ReturnInput, ctx: Ctx) {
      const p = pendingOf(row);
      mayDecide(p, ctx.actor, 'return');
      decide(p, 'returned', ctx, input.comment);
      return {
        to: p.previous_state,
        changes: {},
        publicNote: RETURN_PUBLIC_NOTE,
        note: `Respuesta devuelta en revisión a ${p.author}: ${input.comment}`,
        details: { review: p.id, author: p.author, commentLength: input.comment.length },
      };
    },

    /** The answer waiting (if any) and the earlier decisions, as staff see them. */
    info(row: Row, settings: Pick<Settings, 'reviewTypes'>): ReviewInfo {
      const p = s.pending.get(row.id);
      const author = p && s.staff.get(p.author_id);
      const files = p ? (JSON.parse(p.files) as StoredFile[]) : [];
      const input = p ? (JSON.parse(p.input) as Record<string, unknown>) : {};
      return {
        required: reviewRequired(settings, row.type),
        pending: p
          ? {
              id: p.id,
              submittedAt: p.submitted_at,
              author: { id: p.author_id, username: p.author, name: author?.name ?? p.author },
              text: typeof input.text === 'string' ? input.text : '',
              input,
              attachments: files.map((f, index) => ({ index, name: f.originalName, size: f.size, mime: f.mime })),
              previousState: p.previous_state,
              authorIsSoleReviewer: soleReviewer(p.author_id),
            }
          : null,
        history: s.decided.all(row.id).map((r) => ({
          id: r.id,
          submittedAt: r.submitted_at,
          author: r.author,
          decision: r.decision!,
          decidedAt: r.decided_at!,
          reviewer: r.reviewer!,
          comment: r.comment,
        })),
      };
    },

    /** A proposed attachment of the answer waiting for review, for staff. */
    pendingFile(pqrsId: number, index: number): { id: number; name: string; storedName: string; size: number; mime: string } {
      const p = s.pending.get(pqrsId);
      const f = p ? (JSON.parse(p.files) as StoredFile[])[index] : undefined;
      if (!f) throw new ApiError(404, 'No existe ese adjunto en la respuesta en revisión.');
      return { id: index, name: f.originalName, storedName: f.storedName, size: f.size, mime: f.mime };
    },
  };
}
