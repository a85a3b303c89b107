import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fetchTimelineText } from '../load.js';
import { looksLikeTimelineJS, parseSource } from '../model/import/source.js';
import { parseTimeline, type ParseResult } from '../model/parse.js';
import type { Timeline, TimelineError } from '../model/types.js';

/** Where loading stands: nothing to show, waiting for data, data shown, or only errors to show. */
export type LoadState = 'empty' | 'loading' | 'ready' | 'error';

/** What the controller reads of its element: the sources of data, in order of precedence. */
export interface LoadHost extends ReactiveControllerHost, HTMLElement {
  /** A timeline object, or JSON text. */
  readonly data?: unknown;
  /** The URL of a timeline file. */
  readonly src?: string;
  /** Milliseconds to wait for `src`. */
  readonly timeout: number;
}

/**
 * Loads the element's data from the first source it has: the `data` property, `src`, an inline
 * `<script type="application/json">` child, or a light-DOM `<ol>` of events. A newer source (or the same one
 * again) aborts an older request and wins any race; leaving the page aborts, and coming back starts over what was
 * cut short. Children are watched, not read once: an inline script may be parsed after the element upgrades (a
 * classic script in `<head>`), and a CMS may swap it later. Never throws; every outcome ends in `onLoad`.
 */
export class LoadController implements ReactiveController {
  state: LoadState = 'empty';
  /** The timeline on display, or null. */
  timeline: Timeline | null = null;
  /** The errors of the last load, each with a JSON Pointer `path`. */
  errors: TimelineError[] = [];
  private request?: AbortController;
  private childObserver?: MutationObserver;
  private started = false;

  /**
   * @param host - The element whose sources are loaded; it updates whenever the state changes.
   * @param onLoad - Called with each load's outcome (a timeline, or errors), when it replaces what was shown.
   */
  constructor(
    private readonly host: LoadHost,
    private readonly onLoad: (result: ParseResult) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.childObserver = new MutationObserver(() => {
      if (this.host.data === undefined && !this.host.src) this.load();
    });
    this.childObserver.observe(this.host, { childList: true, subtree: true, characterData: true });
    // A load that a disconnect cut short starts again; loaded data is kept when the element only moved.
    if (this.started && this.state === 'loading') this.load();
  }

  hostDisconnected(): void {
    this.childObserver?.disconnect();
    this.childObserver = undefined;
    this.request?.abort();
    this.request = undefined;
  }

  /** Picks the data source by precedence and loads it; a newer call cancels an older request. */
  load(): void {
    this.started = true;
    this.request?.abort();
    this.request = undefined;
    const { data, src, timeout } = this.host;
    if (data !== undefined) {
      // A TimelineJS object given as data is converted by the importer, loaded for it.
      if (looksLikeTimelineJS(data)) this.loadAsync(() => parseSource(JSON.stringify(data)));
      else this.settle(parseTimeline(data));
    } else if (src) {
      this.loadAsync(async (signal) => {
        const result = await fetchTimelineText(src, document.baseURI, { signal, timeout });
        // CSV and TimelineJS files are converted first (by importers fetched only then); JSON is parsed as it is.
        return result.ok
          ? parseSource(result.text, { contentType: result.contentType, name: result.url })
          : { timeline: null, errors: result.errors };
      });
    } else {
      const script = this.host.querySelector(':scope > script[type="application/json"]');
      const list = this.host.querySelector(':scope > ol');
      if (script) this.settle(parseTimeline(script.textContent ?? ''));
      // A light-DOM list (progressive enhancement): its reader is a separate chunk, like the importers.
      else if (list)
        this.loadAsync(() =>
          import('../view/light-dom.js').then(({ readLightDomList }) =>
            parseTimeline(readLightDomList(list, this.host)),
          ),
        );
      else this.show('empty', null, []);
    }
  }

  /**
   * Loads data that takes time (a fetch, an importer or reader that loads on demand). The request marks this load
   * as the current one: a newer source aborts it and wins the race.
   */
  private loadAsync(work: (signal: AbortSignal) => Promise<ParseResult>): void {
    const request = new AbortController();
    this.request = request;
    this.state = 'loading';
    this.host.requestUpdate();
    void work(request.signal)
      .catch((error: unknown): ParseResult => ({ timeline: null, errors: [{ path: '', message: String(error) }] }))
      .then((result) => {
        if (request.signal.aborted || this.request !== request) return;
        this.request = undefined;
        // An abort by a newer source is not an error to show (fetchTimelineText returns no errors for it).
        if (result.timeline || result.errors.length) this.settle(result);
      });
  }

  private settle(result: ParseResult): void {
    this.show(result.timeline ? 'ready' : 'error', result.timeline, result.errors);
    this.onLoad(result);
  }

  private show(state: LoadState, timeline: Timeline | null, errors: TimelineError[]): void {
    this.state = state;
    this.timeline = timeline;
    this.errors = errors;
    this.host.requestUpdate();
  }
}
