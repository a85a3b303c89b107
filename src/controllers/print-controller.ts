import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the page is being printed: between `beforeprint` and `afterprint`, the element shows its plain list
 * with every event open, whatever its layout, since a zoomable axis means nothing on paper.
 */
export class PrintController implements ReactiveController {
  printing = false;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.#handlePrint);
    window.addEventListener('afterprint', this.#handlePrint);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.#handlePrint);
    window.removeEventListener('afterprint', this.#handlePrint);
  }

  readonly #handlePrint = (event: Event) => {
    this.printing = event.type === 'beforeprint';
    this.#host.requestUpdate();
  };
}
