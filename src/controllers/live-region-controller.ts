import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * The element's polite live region: one short sentence after a reader's action that changes what is shown out of
 * their sight (an event opened, a zoom, a scene, a refresh), never the content itself.
 */
export class LiveRegionController implements ReactiveController {
  #text = '';
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Says `text`, once. */
  announce(text: string): void {
    this.#text = text;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    // An element put back in the page does not say again what it said before it left.
    this.#text = '';
    this.#host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status">${this.#text}</div>`;
  }
}
