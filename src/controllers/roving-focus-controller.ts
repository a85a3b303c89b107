import type { ReactiveControllerHost } from 'lit';
import type { TimelineEvent } from '../model/types.js';

/** What the controller reads of its element: where its event buttons are. */
export interface RovingFocusHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Arrow keys move one event: down and up always, right and left in the reading direction. */
const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, ArrowRight: 1, ArrowLeft: -1 };
/** Zoom step of the + and - keys (as of the zoom buttons). */
export const ZOOM_STEP = 2;
/** Keys that zoom the axis, and by how much (0 shows everything). */
const ZOOM_KEYS: Record<string, number> = {
  '+': ZOOM_STEP,
  '=': ZOOM_STEP,
  '-': 1 / ZOOM_STEP,
  _: 1 / ZOOM_STEP,
  '0': 0,
};

/** What the keys do besides moving the focus, carried out by the element. */
export interface KeyActions {
  /** Zooms the axis by a factor (> 1 zooms in). */
  zoom(factor: number): void;
  /** Shows every event on the axis. */
  fit(): void;
  /** Pans the axis by most of a window: forward (1) or back (-1). */
  page(direction: 1 | -1): void;
  /** Closes the open event, if any; returns whether one was open. */
  close(): boolean;
}

/** Where the keys act: the events in order, the reading direction, and whether the axis is shown. */
export interface KeyContext {
  readonly events: readonly TimelineEvent[];
  readonly rtl: boolean;
  readonly axis: boolean;
}

/**
 * The event list's single tab stop (a roving tabindex) and the element's keys. Arrow keys, Home and End move
 * between events, bringing each into view first (a windowed list renders it, the axis zooms it out of a cluster),
 * then focusing its button; on the axis, + and - zoom, 0 shows everything, Page Up and Page Down move through
 * time; Escape closes the open event. Keys act only while focus is inside the element: the element listens on its
 * shadow content, so the page's own shortcuts keep working.
 */
export class RovingFocusController {
  /** The event that holds the tab stop, or null for the first one. */
  focusId: string | null = null;

  readonly #host: RovingFocusHost;
  readonly #bringIntoView: (id: string) => void;
  readonly #actions: KeyActions;

  /**
   * @param host - The element whose event buttons take the focus.
   * @param bringIntoView - Makes sure an event is drawn before it is focused.
   * @param actions - What the other keys do.
   */
  constructor(host: RovingFocusHost, bringIntoView: (id: string) => void, actions: KeyActions) {
    this.#host = host;
    this.#bringIntoView = bringIntoView;
    this.#actions = actions;
  }

  /** Handles a key pressed inside the element; takes (prevents the default of) the keys it acts on. */
  handleKeydown(keyEvent: KeyboardEvent, { events, rtl, axis }: KeyContext): void {
    if (keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey) return;
    const { key } = keyEvent;
    if (axis && key in ZOOM_KEYS) {
      if (ZOOM_KEYS[key]) this.#actions.zoom(ZOOM_KEYS[key]);
      else this.#actions.fit();
    } else if (axis && (key === 'PageUp' || key === 'PageDown')) {
      this.#actions.page(key === 'PageDown' ? 1 : -1);
    } else if (key === 'Escape') {
      if (!this.#actions.close()) return;
      if (this.focusId) void this.focus(this.focusId, !axis);
    } else if (!this.#handleMove(keyEvent, events, rtl, !axis)) {
      return;
    }
    keyEvent.preventDefault();
  }

  /** Moves the tab stop to an event without focusing it. */
  set(id: string | null): void {
    if (id === this.focusId) return;
    this.focusId = id;
    this.#host.requestUpdate();
  }

  /** The event the tab stop is on among `events`: the focused one, else the first. */
  tabStopIn(events: readonly TimelineEvent[]): string | null {
    return events.some((event) => event.id === this.focusId) ? this.focusId : (events[0]?.id ?? null);
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
