// One file per event (as Web Awesome's src/events/): each travels only with the widget that fires it.
/** Fired by `<ecam-survey>` once the server has recorded the answers. */
export class EcamSurveySubmittedEvent extends Event {
  readonly detail: { survey: string };

  constructor(detail: { survey: string }) {
    super('ecam-survey-submitted', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ecam-survey-submitted': EcamSurveySubmittedEvent;
  }
}
