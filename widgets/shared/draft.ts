/**
 * Drafts in localStorage, one per widget and page, so a reload or a closed tab loses nothing
 * the citizen typed. Storage can be full or disabled (private mode): then drafts just don't persist.
 */

/** The storage key of a widget's draft on the current page. */
export const draftKey = (widget: string): string => `ecam-${widget}-draft:${location.pathname}`;

/** What `<ecam-survey>` keeps per survey; the tracker reads `done` to know it was answered here. */
export const surveyKey = (what: 'token' | 'done' | 'draft', slug: string): string => `ecam-survey-${what}:${slug}`;

export function loadDraft(key: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, value: object): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled storage: the form keeps its values in memory.
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // See saveDraft.
  }
}
