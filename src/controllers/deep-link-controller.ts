import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { eventLink } from '../view/snapshot.js';

/**
 * Deep links to events: `#<key>/<event id>`, where the key is the element's `id` (or "date-line" when it has
 * none), so several timelines on one page keep separate links. The controller only ever replaces a hash that
 * is empty or its own, so a host page that uses the hash for itself is left alone, and it uses replaceState,
 * so opening events does not fill the reader's history.
 */
export class DeepLinkController implements ReactiveController {
  #retry?: ReturnType<typeof setTimeout>;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onLink: (eventId: string) => void;

  constructor(host: ReactiveControllerHost & HTMLElement, onLink: (eventId: string) => void) {
    this.#host = host;
    this.#onLink = onLink;
    host.addController(this);
  }

  /** The start of this timeline's deep links: `#<element id>/`, or `#date-line/` for an element without an id. */
  get prefix(): string {
    return `#${encodeURIComponent(this.#host.id || 'date-line')}/`;
  }

  readonly #handleHashChange = () => {
    const id = this.linkedId();
    if (id) this.#onLink(id);
  };

  hostConnected(): void {
    window.addEventListener('hashchange', this.#handleHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#handleHashChange);
    clearTimeout(this.#retry);
  }

  /** The hash that links to an event of this timeline. */
  hashFor(eventId: string): string {
    return eventLink(this.prefix, eventId);
  }

  /** The event id the current URL links to in this timeline, if any. */
  linkedId(): string | null {
    const { prefix } = this;
    const hash = location.hash;
    if (!hash.startsWith(prefix)) return null;
    try {
      return decodeURIComponent(hash.slice(prefix.length));
    } catch {
      return null;
    }
  }

  /** Points the URL at an event (or at none), when the hash is free or already this timeline's. */
  write(eventId: string | null): void {
    const hash = location.hash;
    const ours = hash.startsWith(this.prefix);
    if (hash && hash !== '#' && !ours) return;
    const next = eventId === null ? '' : this.hashFor(eventId);
    if (next === hash || (!next && !hash)) return;
    clearTimeout(this.#retry);
    try {
      history.replaceState(history.state, '', `${location.pathname}${location.search}${next}`);
    } catch (error) {
      // Browsers may cap how often a page changes its URL: WebKit throws after 100 changes in 10 seconds
      // (Chromium and Firefox took 1000 here). The link is a convenience: the selection stands, and the URL
      // follows once it may change again.
      if (!(error instanceof DOMException && error.name === 'SecurityError')) throw error;
      this.#retry = setTimeout(() => this.write(eventId), 1000);
    }
  }
}
