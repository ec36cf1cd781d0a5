/** Fired by `<ecam-pqrs>` once the entity has filed the request and assigned it a radicado. */
export class EcamSubmittedEvent extends Event {
  readonly detail: { radicado: string };

  constructor(detail: { radicado: string }) {
    super('ecam-submitted', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ecam-submitted': EcamSubmittedEvent;
  }
}

/** Fired by `<ecam-tracker>` each time it shows where a request stands. */
export class EcamTrackedEvent extends Event {
  readonly detail: { radicado: string; state: string };

  constructor(detail: { radicado: string; state: string }) {
    super('ecam-tracked', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ecam-tracked': EcamTrackedEvent;
  }
}

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
