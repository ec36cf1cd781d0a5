/** Fired by `<ecam-event>` once the citizen is registered or on the waiting list. */
export class EcamRegisteredEvent extends Event {
  readonly detail: { event: string; status: 'registered' | 'waitlisted' };

  constructor(detail: { event: string; status: 'registered' | 'waitlisted' }) {
    super('ecam-registered', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ecam-registered': EcamRegisteredEvent;
  }
}
