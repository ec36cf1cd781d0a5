/** Words and pieces the survey views of the staff page share (list, builder, preview, results). */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { SurveyState } from '../../api/survey/schemas.ts';
import { pageLang } from './messages.ts';
import { surveyMessages } from './messages-surveys.ts';

/** Styles of the survey views, on top of the admin page's. */
export const surveyStyles = css`
  nav.tabs {
    margin-bottom: 1rem;
  }
  nav.tabs a[aria-current='page'] {
    color: var(--ecam-heading);
    font-weight: 700;
    text-decoration-thickness: 3px;
  }
`;

/** The pages of one survey, as links; the current one marked. Drafts have no results yet. */
export function surveyTabs(
  id: number,
  state: SurveyState,
  current: 'editar' | 'vista-previa' | 'resultados',
  t = surveyMessages[pageLang()],
): TemplateResult {
  const pages: ['editar' | 'vista-previa' | 'resultados', string][] = [
    ['editar', state === 'draft' ? t.edit : t.definition],
    ['vista-previa', t.preview],
    ['resultados', t.results],
  ];
  return html`<nav class="pager tabs" aria-label=${t.surveyPages}>
    <ul>
      <li><a href="#/encuestas">${t.allSurveys}</a></li>
      ${pages.map(
        ([page, label]) =>
          html`<li><a href="#/encuesta/${id}/${page}" aria-current=${page === current ? 'page' : nothing}>${label}</a></li>`,
      )}
    </ul>
  </nav>`;
}

/** An instant as the value of `<input type="datetime-local">`, in Bogotá time (UTC-5, no DST). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t - 5 * 3_600_000).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as Bogotá time, with its offset, as the API asks; blank: null. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  return `${value.length === 16 ? `${value}:00` : value}-05:00`;
}

/** A slug from a title: «Satisfacción del servicio» -> `satisfaccion-del-servicio`. */
export function slugify(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
