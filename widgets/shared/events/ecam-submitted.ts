// One file per event (as Web Awesome's src/events/): each travels only with the widget that fires it.
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
