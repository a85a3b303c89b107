/**
 * Windowing for long lists: only the events in and near the reader's view are in the DOM, so a timeline of
 * thousands of events renders and scrolls like a short one. Loaded on demand, only for long lists.
 *
 * The list stays in the page's flow (the page scrolls), unless the page gives the element a height: then the list
 * scrolls inside it (see fill.styles.ts), and the window follows that scrolling too. Events above and below the window
 * are stood in for by padding on the list, sized from measured heights where known and an average otherwise.
 * Each rendered item keeps its position in the whole list (aria-posinset/aria-setsize), and keyboard and
 * deep-link navigation move the window to their target, so every event stays reachable.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rendered beyond the viewport on each side, in pixels. */
const OVERSCAN_PX = 800;
/** The height assumed for an event not yet measured. */
const ESTIMATE_PX = 76;

export interface ListWindowHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class ListWindow implements ReactiveController {
  /** The first event rendered and the one after the last, as indexes into the shown events. */
  first = 0;
  last = 0;
  private heights = new Float64Array(0);
  private count = 0;
  private frame = 0;
  /**
   * Set by include(): where the list's top was then. The window stays where it was put until the list moves,
   * that is until the page scrolls; a scroll event alone is not enough, as one caused by an earlier scroll (a
   * focus() bringing a button into view) can arrive after include(), and would undo it (seen in WebKit).
   */
  private heldAt?: number;

  constructor(private readonly host: ListWindowHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // Capture catches scrolling of any scrolling ancestor, not only the page; the list's own scrolling (in an
    // element given a height) does not leave the shadow root, and is caught there.
    document.addEventListener('scroll', this.handleScroll, { capture: true, passive: true });
    this.host.renderRoot.addEventListener('scroll', this.handleScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.handleScroll, { passive: true });
  }

  hostDisconnected(): void {
    document.removeEventListener('scroll', this.handleScroll, { capture: true });
    this.host.renderRoot.removeEventListener('scroll', this.handleScroll, { capture: true });
    window.removeEventListener('resize', this.handleScroll);
    cancelAnimationFrame(this.frame);
  }

  private readonly handleScroll = (): void => {
    this.schedule();
  };

  /** Measures what was rendered (reads only), then checks whether the window must move. */
  hostUpdated(): void {
    for (const item of this.host.renderRoot.querySelectorAll<HTMLElement>('.list > li[data-index]')) {
      this.heights[Number(item.dataset.index)] = item.offsetHeight;
    }
    this.schedule();
  }

  /** Sets how many events the list has (a new list starts at its top). */
  setCount(count: number): void {
    if (count === this.count) return;
    this.count = count;
    this.heights = new Float64Array(count);
    this.first = 0;
    this.last = Math.min(count, Math.ceil((window.innerHeight + OVERSCAN_PX) / ESTIMATE_PX));
  }

  /** Makes sure an event is rendered (before focusing it or scrolling to it). */
  include(index: number): void {
    if (index < 0 || (index >= this.first && index < this.last)) return;
    this.heldAt = this.listTop();
    const span = Math.max(this.last - this.first, 20);
    this.first = Math.max(0, index - Math.floor(span / 2));
    this.last = Math.min(this.count, this.first + span);
    this.host.requestUpdate();
  }

  private height(index: number): number {
    return this.heights[index] || ESTIMATE_PX;
  }

  /** The padding that stands in for the events above and below the window. */
  padding(): { before: number; after: number } {
    let before = 0;
    let after = 0;
    for (let i = 0; i < this.first; i++) before += this.height(i);
    for (let i = this.last; i < this.count; i++) after += this.height(i);
    return { before, after };
  }

  private readonly schedule = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(this.update);
  };

  /** Where the top of the list is in the viewport (it moves as the page, or its own box, scrolls). */
  private listTop(): number | undefined {
    return this.host.renderRoot.querySelector('.list')?.getBoundingClientRect().top;
  }

  /** Moves the window to what the viewport shows, if it has moved. Reads layout once, writes nothing. */
  private readonly update = (): void => {
    const listTop = this.listTop();
    if (listTop === undefined || !this.count) return;
    if (this.heldAt !== undefined) {
      if (listTop === this.heldAt) return;
      this.heldAt = undefined;
    }
    const top = -listTop - OVERSCAN_PX;
    const bottom = top + window.innerHeight + 2 * OVERSCAN_PX;
    let first = 0;
    let y = 0;
    while (first < this.count - 1 && y + this.height(first) < top) y += this.height(first++);
    let last = first;
    while (last < this.count && y < bottom) y += this.height(last++);
    if (first !== this.first || last !== this.last) {
      this.first = first;
      this.last = last;
      this.host.requestUpdate();
    }
  };
}
