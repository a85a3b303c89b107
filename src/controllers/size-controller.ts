import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the inline size of the host element (not the viewport: an embed sits in an article column), and
 * asks for an update when it changes. The first width is measured directly, so the first render already has
 * the right layout; later changes are applied in the next frame, because re-rendering inside the observer's
 * callback changes the element's height within the same frame and browsers report that as a
 * "ResizeObserver loop" error.
 *
 * A page whose CSS resets every element (`* { all: unset }`, as some CSS resets do) makes the host inline, and
 * an inline box has no width of its own: then the width is that of the first block rendered inside it.
 */
export class SizeController implements ReactiveController {
  #measured = 0;
  #observer?: ResizeObserver;
  #frame = 0;
  /** The first block inside the host, observed only while the host has no width of its own. */
  #inner?: Element;
  /** The first block the decision above was last made for. */
  #checked?: Element | null;

  /** The host's content width in CSS pixels (measured on first use). */
  get width(): number {
    if (!this.#measured && this.#host.isConnected) {
      // clientWidth includes the padding (the dark theme has some); the observer reports the content box.
      const style = getComputedStyle(this.#host);
      const padding = parseFloat(style.paddingInlineStart) + parseFloat(style.paddingInlineEnd);
      this.#measured = Math.round(
        (this.#host.clientWidth && this.#host.clientWidth - padding) || this.#inner?.clientWidth || 0,
      );
    }
    return this.#measured;
  }

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver((entries) => {
      let width = this.#measured;
      for (const entry of entries) {
        // The inner block counts only while the host has no width of its own (see above).
        if (entry.target === this.#host || !this.#host.clientWidth)
          width = Math.round(entry.contentBoxSize?.[0]?.inlineSize ?? entry.contentRect.width);
      }
      if (width === this.#measured) return;
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => {
        this.#measured = width;
        this.#host.requestUpdate();
      });
    });
    this.#observer.observe(this.#host);
  }

  hostUpdated(): void {
    const inner = this.#host.shadowRoot?.firstElementChild;
    if (inner === this.#checked || !this.#observer) return;
    this.#checked = inner;
    if (this.#inner) this.#observer.unobserve(this.#inner);
    // Only a host without a width of its own (see above) needs its first block watched. Watching it anyway is a
    // second target for nothing, and WebKitGTK, under load, now and then reported a "ResizeObserver loop" for
    // the pair. Read once per new first block (the first render, a change of layout), not per update.
    this.#inner = inner && !this.#host.clientWidth ? inner : undefined;
    if (this.#inner) this.#observer.observe(this.#inner);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#inner = undefined;
    this.#checked = undefined;
    cancelAnimationFrame(this.#frame);
  }
}
