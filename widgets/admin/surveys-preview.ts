import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PublicSurvey, Survey } from '../../api/survey/schemas.ts';
import { surveyStyles, surveyTabs } from './surveys-labels.ts';
import { surveyMessages } from './messages-surveys.ts';
import { AdminView, errorMessage } from './view.ts';

/** What the citizen's widget would receive from `GET /api/surveys/:slug` once the survey is open. */
export function asPublic(s: Survey): PublicSurvey {
  const { slug, title, description, opensAt, closesAt, anonymous, resultsPublic, thankYou, questions } = s;
  return { status: 'open', slug, title, description, opensAt, closesAt, anonymous, resultsPublic, thankYou, questions };
}

/**
 * The survey as a citizen will see it: the real `<ecam-survey>` element (fetched the first time a
 * preview opens), given the definition directly, so nothing is read from or sent to the public
 * API, nor kept in the browser.
 *
 * @summary Vista previa de una encuesta.
 */
export class EcamAdminSurveyPreview extends AdminView {
  static override styles = [
    ...AdminView.styles,
    surveyStyles,
    css`
      .frame {
        padding: 1rem;
        border: 2px dashed var(--ecam-border);
        border-radius: var(--ecam-radius);
        max-width: 48rem;
      }
    `,
  ];

  @state() private survey?: Survey;
  /** Made once per load: a new object would make the element start over, losing the answers. */
  @state() private definition?: PublicSurvey;
  @state() private loadError = '';
  @state() private layout: 'page' | 'steps' = 'page';

  /** The survey's id, from the page address. */
  @property({ type: Number }) surveyId = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('surveyId') && this.surveyId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [survey] = await Promise.all([this.api.get<Survey>(`/surveys/${this.surveyId}`), import('../survey/survey.ts')]);
      this.survey = survey;
      this.definition = asPublic(survey);
      this.loadError = '';
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  override render(): TemplateResult {
    const s = this.survey;
    const t = surveyMessages[this.words.lang];
    return html`<h1 tabindex="-1">${t.previewTitle(s?.title ?? '')}</h1>
      ${s ? surveyTabs(s.id, s.state, 'vista-previa') : nothing}
      <div class="alert" role="alert">${this.loadError}</div>
      ${s && this.definition
        ? html`<p>${t.previewIntro}</p>
            <fieldset>
              <legend>${t.layout}</legend>
              <div class="check">
                <input type="radio" id="layout-page" name="layout" .checked=${this.layout === 'page'} @change=${() => (this.layout = 'page')} />
                <label for="layout-page">${t.layoutPage}</label>
              </div>
              <div class="check">
                <input type="radio" id="layout-steps" name="layout" .checked=${this.layout === 'steps'} @change=${() => (this.layout = 'steps')} />
                <label for="layout-steps">${t.layoutSteps}</label>
              </div>
            </fieldset>
            <h2>${t.asCitizen}</h2>
            <div class="frame">
              <ecam-survey .definition=${this.definition} layout=${this.layout}></ecam-survey>
            </div>`
        : this.loadError
          ? nothing
          : html`<p>${this.words.t.loading}</p>`}`;
  }
}

if (!customElements.get('ecam-admin-survey-preview')) customElements.define('ecam-admin-survey-preview', EcamAdminSurveyPreview);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-survey-preview': EcamAdminSurveyPreview;
  }
}
