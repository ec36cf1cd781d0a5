/**
 * The review before answering (visto bueno) on a request's page: the proposed answer waiting for
 * approval, what its author and the reviewers are told, and the earlier decisions. The approve
 * and return forms are the page's own action forms (request.ts); this decides who gets them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { StaffUserWire } from '../../api/admin/schemas.ts';
import { canReview } from '../../api/auth/roles.ts';
import type { PqrsDetail } from '../../api/pqrs/workflow-schemas.ts';
import { formatBytes, formatDateTime } from '../shared/format.ts';
import type { Lang } from '../shared/i18n.ts';
import type { reviewMessages } from './messages-review.ts';

type Texts = (typeof reviewMessages)['es'];

/** Whether `user` may approve the answer waiting (not their own, unless they are the only reviewer). */
export function mayApprove(user: StaffUserWire, d: PqrsDetail): boolean {
  const p = d.review.pending;
  return !!p && canReview(user) && (p.author.id !== user.id || p.authorIsSoleReviewer);
}

/** Whether `user` may return the answer waiting (any reviewer, its author included: a withdrawal). */
export function mayReturn(user: StaffUserWire, d: PqrsDetail): boolean {
  return !!d.review.pending && canReview(user);
}

/** The proposed answer and the review history; nothing when the request has neither. */
export function renderReview(
  d: PqrsDetail,
  user: StaffUserWire,
  t: Texts,
  lang: Lang,
  fileUrl: (index: number) => string,
): TemplateResult | typeof nothing {
  const p = d.review.pending;
  const history = d.review.history;
  if (!p && !history.length) return d.review.required && d.answer === null ? html`<p class="hint">${t.needsReview}</p>` : nothing;
  const own = p && p.author.id === user.id;
  const whoFor = !p
    ? nothing
    : own && !mayApprove(user, d)
      ? html`<p class="status">${t.yourAnswerWaits}</p>`
      : own
        ? html`<p class="hint">${t.soleReviewer}</p>`
        : canReview(user)
          ? nothing
          : html`<p class="status">${t.waitsForReviewer}</p>`;
  return html`<section aria-labelledby="h-review" class="review">
    ${p
      ? html`<h2 id="h-review">${t.pendingTitle}</h2>
          <p>${t.pendingBy(p.author.name, formatDateTime(p.submittedAt, lang))} ${t.termRuns}</p>
          ${whoFor}
          <blockquote class="text panel" aria-label=${t.pendingTitle}>${p.text}</blockquote>
          ${p.input.denied === true ? html`<p>${t.deniesAccess}</p>` : nothing}
          ${p.attachments.length
            ? html`<h3>${t.proposedFiles}</h3>
                <ul>
                  ${p.attachments.map(
                    (f) => html`<li>
                      <a href=${fileUrl(f.index)} download=${f.name}>${f.name}</a>
                      <span class="hint">(${formatBytes(f.size, lang)})</span>
                    </li>`,
                  )}
                </ul>`
            : nothing}`
      : html`<h2 id="h-review">${t.historyTitle}</h2>`}
    ${history.length
      ? html`${p ? html`<h3>${t.historyTitle}</h3>` : nothing}
          <ul>
            ${history.map(
              (r) => html`<li>
                ${(r.decision === 'approved' ? t.approvedBy : t.returnedBy)(r.reviewer, formatDateTime(r.decidedAt, lang))}
                (${t.writtenBy(r.author)})${r.comment ? html`: <span class="text">${r.comment}</span>` : nothing}
              </li>`,
            )}
          </ul>`
      : nothing}
  </section>`;
}
