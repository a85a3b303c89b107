import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the inline size of the host element (not the viewport: an embed sits in an article column), and
 * asks for an update when it changes.
 */
export class SizeController implements ReactiveController {
  /** The host's content width in CSS pixels; 0 until measured. */
  width = 0;
  private observer?: ResizeObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentBoxSize?.[0]?.inlineSize ?? entry.contentRect.width);
      if (width !== this.width) {
        this.width = width;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
