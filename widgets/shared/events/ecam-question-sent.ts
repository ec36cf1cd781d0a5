/** Fired by `<ecam-event>` once the entity received a citizen's question (it is published after review). */
export class EcamQuestionSentEvent extends Event {
  readonly detail: { event: string };

  constructor(detail: { event: string }) {
    super('ecam-question-sent', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ecam-question-sent': EcamQuestionSentEvent;
  }
}
