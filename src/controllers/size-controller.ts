import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the inline size of the host element (not the viewport: an embed sits in an article column), and
 * asks for an update when it changes. The first width is measured directly, so the first render already has
 * the right layout; later changes are applied in the next frame, because re-rendering inside the observer's
 * callback changes the element's height within the same frame and browsers report that as a
 * "ResizeObserver loop" error.
 */
export class SizeController implements ReactiveController {
  private measured = 0;
  private observer?: ResizeObserver;
  private frame = 0;

  /** The host's content width in CSS pixels (measured on first use). */
  get width(): number {
    if (!this.measured && this.host.isConnected) this.measured = Math.round(this.host.clientWidth);
    return this.measured;
  }

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentBoxSize?.[0]?.inlineSize ?? entry.contentRect.width);
      if (width === this.measured) return;
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        this.measured = width;
        this.host.requestUpdate();
      });
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
  }
}
