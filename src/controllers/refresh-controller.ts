import type { ReactiveController } from 'lit';
import type { LoadHost, RefreshOutcome } from './load-controller.js';

/** The shortest wait between refreshes, whatever `refresh` says. */
const MIN_INTERVAL_MS = 1000;
/** After failed refreshes the wait doubles, up to this many times the interval. */
const MAX_BACKOFF = 16;

/**
 * Refreshes `src` every `refresh` seconds (loaded by LoadController only for elements that set it). Only while the
 * page is visible: an interval that ends while it is hidden refreshes as soon as it is shown again, and a hidden
 * page makes no requests. After a failure the wait doubles (up to sixteen intervals) until a refresh succeeds. The
 * timer and the visibility listener exist only while the element is on the page with `refresh` set.
 */
export class RefreshController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  /** The interval in effect, in milliseconds (0: not refreshing). */
  private interval = 0;
  private failures = 0;
  /** An interval ended while the page was hidden: refresh once it is visible again. */
  private due = false;
  private listening = false;

  /**
   * @param host - The element whose `src` is refreshed, every `refresh` seconds.
   * @param refreshNow - Fetches `src` again, conditionally, and says what it found.
   * @param minInterval - The shortest wait between refreshes, in milliseconds.
   */
  constructor(
    private readonly host: LoadHost,
    private readonly refreshNow: () => Promise<RefreshOutcome>,
    private readonly minInterval = MIN_INTERVAL_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.stop();
  }

  hostUpdated(): void {
    if (this.intervalMs() !== this.interval) this.sync();
  }

  private intervalMs(): number {
    const seconds = Number(this.host.refresh);
    if (!(seconds > 0) || !this.host.src || this.host.data !== undefined) return 0;
    return Math.max(seconds * 1000, this.minInterval);
  }

  /** Starts, restarts or stops refreshing, after `refresh` (or the source) changed. */
  private sync(): void {
    this.stop();
    this.interval = this.intervalMs();
    if (!this.interval || !this.host.isConnected) return;
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.listening = true;
    this.schedule();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.due = false;
    if (this.listening) document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.listening = false;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        if (document.visibilityState === 'visible') void this.run();
        else this.due = true;
      },
      this.interval * Math.min(2 ** this.failures, MAX_BACKOFF),
    );
  }

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState !== 'visible' || !this.due) return;
    this.due = false;
    void this.run();
  };

  private async run(): Promise<void> {
    const outcome = await this.refreshNow();
    // Stopped meanwhile (the element left the page, or `refresh` was turned off): nothing more to schedule.
    if (!this.listening) return;
    if (outcome === 'failed') this.failures++;
    else if (outcome !== 'skipped') this.failures = 0;
    this.schedule();
  }
}
