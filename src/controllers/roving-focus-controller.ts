import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimelineEvent } from '../model/types.js';

/** What the controller reads of its element: where its event buttons are, and which event is open. */
export interface RovingFocusHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly selected: string | null;
}

/** Arrow keys move one event: down and up always, right and left in the reading direction. */
const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, ArrowRight: 1, ArrowLeft: -1 };

/** Where the keys act: the events in order, the reading direction, and whether a focused event is scrolled to. */
export interface KeyContext {
  readonly events: readonly TimelineEvent[];
  readonly rtl: boolean;
  /** Scroll to the focused event at once (the list; the axis brings it into view itself). */
  readonly scroll: boolean;
}

/**
 * The events' single tab stop (a roving tabindex) and the keys that move it. Arrow keys, Home and End move
 * between events, bringing each into view first (a windowed list renders it, the axis zooms it out of a cluster),
 * then focusing its button; Escape closes the open event and keeps the focus on it. The tab stop follows the open
 * event. Keys act only while focus is inside the element: the element listens on its shadow content, so the page's
 * own shortcuts keep working.
 */
export class RovingFocusController implements ReactiveController {
  #focusId: string | null = null;
  /** The open event the tab stop last followed. */
  #followed: string | null = null;

  readonly #host: RovingFocusHost;
  readonly #bringIntoView: (id: string) => void;
  readonly #close: () => boolean;

  /**
   * @param host - The element whose event buttons take the focus.
   * @param bringIntoView - Makes sure an event is drawn before it is focused.
   * @param close - Closes the open event, if any; returns whether one was open.
   */
  constructor(host: RovingFocusHost, bringIntoView: (id: string) => void, close: () => boolean) {
    this.#host = host;
    this.#bringIntoView = bringIntoView;
    this.#close = close;
    host.addController(this);
  }

  /** The event that holds the tab stop, or null for the first one. */
  get focusId(): string | null {
    // The tab stop follows the open event, however it was opened (a press, a key, select(), a deep link), from
    // the moment it opens.
    const { selected } = this.#host;
    if (selected !== this.#followed) {
      this.#followed = selected;
      if (selected !== null) this.#focusId = selected;
    }
    return this.#focusId;
  }

  hostUpdate(): void {
    void this.focusId; // an open event set as a property is followed before the update renders
  }

  /** Handles a key pressed inside the element; takes (prevents the default of) the keys it acts on. */
  handleKeydown(keyEvent: KeyboardEvent, { events, rtl, scroll }: KeyContext): void {
    if (keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey) return;
    if (keyEvent.key === 'Escape') {
      if (!this.#close()) return;
      if (this.focusId) void this.focus(this.focusId, scroll);
    } else if (!this.#handleMove(keyEvent, events, rtl, scroll)) {
      return;
    }
    keyEvent.preventDefault();
  }

  /** Moves the tab stop to an event without focusing it. */
  set(id: string | null): void {
    if (id === this.focusId) return;
    this.#focusId = id;
    this.#host.requestUpdate();
  }

  /**
   * Handles a key pressed on an event button: moves the focus to the event the key points at, among `events`.
   * Returns whether it did.
   */
  #handleMove(keyEvent: KeyboardEvent, events: readonly TimelineEvent[], rtl: boolean, scroll: boolean): boolean {
    if (!(keyEvent.target as Element).closest?.('.event-button') || !events.length) return false;
    const { key } = keyEvent;
    const current = Math.max(
      0,
      events.findIndex((event) => event.id === this.focusId),
    );
    let index: number | undefined;
    if (key in STEPS) {
      const step = rtl && (key === 'ArrowRight' || key === 'ArrowLeft') ? -STEPS[key] : STEPS[key];
      index = Math.min(events.length - 1, Math.max(0, current + step));
    } else if (key === 'Home') index = 0;
    else if (key === 'End') index = events.length - 1;
    if (index === undefined) return false;
    void this.focus(events[index].id, scroll);
    return true;
  }

  /**
   * Moves the tab stop to an event and focuses its button, bringing it into view first. With `scroll` (the list),
   * scrolls to it at once: WebKit scrolls to a focused element only a frame later, when a windowed list may
   * already have moved its window away from it (and dropped it, and the focus with it).
   */
  async focus(id: string, scroll: boolean): Promise<void> {
    this.set(id);
    this.#bringIntoView(id);
    await this.#host.updateComplete;
    const button = this.#host.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] .event-button`);
    button?.focus({ preventScroll: true });
    if (scroll) button?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}
