// One file per event (as Web Awesome's src/events/): each travels only with the widget that fires it.
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
