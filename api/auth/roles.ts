/**
 * What a staff member may do beyond their role, as plain functions with no imports, so the staff
 * page can ask the same question as the server.
 */

/** Whether a staff member may approve or return an answer in review: reviewers and every admin. */
export function canReview(u: { role: 'admin' | 'funcionario'; reviewer: boolean }): boolean {
  return u.role === 'admin' || u.reviewer;
}
