import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../emit.js';
import type { TimelineEvent } from '../model/types.js';
import { DeepLinkController } from './deep-link-controller.js';

/** What the controller reads and writes of its element: the selected event's id (a reflected property). */
export interface SelectionHost extends ReactiveControllerHost, HTMLElement {
  selected: string | null;
}

export interface SelectionOptions {
  /** The event with this id in the data, if any. */
  find(id: string): TimelineEvent | undefined;
  /** Whether the element has drawn its data, so that a deep link can be followed. */
  shown(): boolean;
  /** The selection has changed, to an event or to none: say so, and bring the event into view. */
  selected(event: TimelineEvent | null): void;
}

/**
 * Which event is open, and its deep link: selecting fires the cancelable `date-line-select` first and, unless a
 * listener cancels it, opens the event and points the URL at it; a deep link in the URL opens its event once the
 * data has been drawn, and again whenever the hash changes to another of this element's events.
 */
export class SelectionController implements ReactiveController {
  readonly #deepLinks: DeepLinkController;
  #linkFollowed = false;

  readonly #host: SelectionHost;
  readonly #options: SelectionOptions;

  constructor(host: SelectionHost, options: SelectionOptions) {
    this.#host = host;
    this.#options = options;
    this.#deepLinks = new DeepLinkController(host, (id) => this.#openLinked(id));
    host.addController(this);
  }

  /** The start of the deep links to this element's events (`#<element id>/`). */
  get linkPrefix(): string {
    return this.#deepLinks.prefix;
  }

  /** Selects an event (or none, with null) after a cancelable `date-line-select`. Returns whether it changed. */
  select(id: string | null): boolean {
    const event = id === null ? null : this.#options.find(id);
    if (event === undefined || id === this.#host.selected) return false;
    if (!emit(this.#host, 'date-line-select', { id, event }, { cancelable: true })) return false;
    this.#host.selected = id;
    this.#deepLinks.write(id);
    this.#options.selected(event);
    return true;
  }

  /**
   * The event after (1) or before (-1) the selected one among `events`; with none selected, the first (1) or the
   * last (-1). Undefined past either end.
   */
  adjacent(events: readonly TimelineEvent[], direction: 1 | -1): TimelineEvent | undefined {
    const current = events.findIndex((event) => event.id === this.#host.selected);
    return events[current >= 0 ? current + direction : direction === 1 ? 0 : events.length - 1];
  }

  /** Opens the event the URL links to, the first time the element has drawn its data. */
  hostUpdated(): void {
    if (this.#linkFollowed || !this.#options.shown()) return;
    this.#linkFollowed = true;
    const linked = this.#deepLinks.linkedId();
    // After this update, not inside it: opening the event is a change of its own.
    if (linked) void this.#host.updateComplete.then(() => this.#openLinked(linked));
  }

  /** Opens the event a deep link names, and brings the timeline into view. */
  #openLinked(id: string): void {
    if (!this.#options.find(id)) return;
    if (this.#host.selected !== id) this.select(id);
    void this.#host.updateComplete.then(() => {
      const root = this.#host.shadowRoot;
      const item = root?.querySelector(`[data-id="${CSS.escape(id)}"]`) ?? this.#host;
      item.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
  }
}
