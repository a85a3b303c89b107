import type { ReactiveControllerHost } from 'lit';
import type { TimelineEvent } from '../model/types.js';

/** What the controller reads of its element: where its event buttons are. */
export interface RovingFocusHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Arrow keys move one event: down and up always, right and left in the reading direction. */
const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, ArrowRight: 1, ArrowLeft: -1 };

/**
 * The event list's single tab stop (a roving tabindex): which event holds it, and the keys that move it. Arrow
 * keys, Home and End move between events, bringing each into view first (a windowed list renders it, the axis
 * zooms it out of a cluster), then focusing its button.
 */
export class RovingFocusController {
  /** The event that holds the tab stop, or null for the first one. */
  focusId: string | null = null;

  /**
   * @param host - The element whose event buttons take the focus.
   * @param bringIntoView - Makes sure an event is drawn before it is focused.
   */
  constructor(
    private readonly host: RovingFocusHost,
    private readonly bringIntoView: (id: string) => void,
  ) {}

  /** Moves the tab stop to an event without focusing it. */
  set(id: string | null): void {
    if (id === this.focusId) return;
    this.focusId = id;
    this.host.requestUpdate();
  }

  /** The event the tab stop is on among `events`: the focused one, else the first. */
  tabStopIn(events: readonly TimelineEvent[]): string | null {
    return events.some((event) => event.id === this.focusId) ? this.focusId : (events[0]?.id ?? null);
  }

  /**
   * Handles a key pressed on an event button: moves the focus to the event the key points at, among `events`.
   * Returns whether it did (and so took the key).
   */
  handleKey(keyEvent: KeyboardEvent, events: readonly TimelineEvent[], rtl: boolean, scroll: boolean): boolean {
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
    keyEvent.preventDefault();
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
    this.bringIntoView(id);
    await this.host.updateComplete;
    const button = this.host.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] .event-button`);
    button?.focus({ preventScroll: true });
    if (scroll) button?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}
