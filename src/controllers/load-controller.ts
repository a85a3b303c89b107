import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fetchTimelineText } from '../sources/fetch.js';
import { looksLikeTimelineJS, parseSource } from '../model/import/source.js';
import { parseTimeline, type ParseResult } from '../model/parse.js';
import type { Timeline, TimelineError } from '../model/types.js';

/** Where loading stands: nothing to show, waiting for data, data shown, or only errors to show. */
export type LoadState = 'empty' | 'loading' | 'ready' | 'error';

/**
 * What a load did to what the element shows:
 * - `new`: data from another source than the one shown (a first load, another `src`, new `data` or children):
 *   shown from its start;
 * - `update`: a newer version of the story on show (`src` arriving after the children that stood in for it, the
 *   same `src` loaded again): the reader keeps their place;
 * - `refresh`: a refresh found the file changed: the reader keeps their place, and is told;
 * - `kept`: the load failed, and what was shown stays (the last good data);
 * - `failed`: the load failed with nothing to show in its place.
 */
export type LoadChange = 'new' | 'update' | 'refresh' | 'kept' | 'failed';

/** One load's outcome, as `onLoad` hears it. */
export interface LoadOutcome {
  change: LoadChange;
  /** The timeline on show after it (`null` after `failed`). */
  timeline: Timeline | null;
  /** The load's problems: why it failed, or the events it left out; empty when all went well. */
  errors: TimelineError[];
  /** The timeline on show before it, to tell what is new. */
  previous: Timeline | null;
}

/** What a refresh found: the same file, a changed one, a failure, or no refresh to do (another load is running). */
export type RefreshOutcome = 'unchanged' | 'changed' | 'failed' | 'skipped';

/** What the controller reads of its element: the sources of data, in order of precedence. */
export interface LoadHost extends ReactiveControllerHost, HTMLElement {
  /** A timeline object, or JSON text. */
  readonly data?: unknown;
  /** The URL of a timeline file. */
  readonly src?: string;
  /** Milliseconds to wait for `src`. */
  readonly timeout: number;
  /** Seconds between refreshes of `src`; off unless a positive number. */
  readonly refresh?: number;
}

/** The file of `src` as last shown: its text and validators, to tell a refresh whether it changed. */
interface Copy {
  key: string;
  text: string;
  etag?: string;
  lastModified?: string;
}

/** Keys of what is on show, besides a `src` (shown by its absolute URL). */
const DATA = ' data';
const CHILDREN = ' children';
/** Data is shown with its valid events: one bad event does not blank the rest. */
const PARTIAL = { partial: true } as const;

/**
 * Loads the element's data from the first source it has: the `data` property, `src`, an inline
 * `<script type="application/json">` child, or a light-DOM `<ol>` of events. A newer source (or the same one
 * again) aborts an older request and wins any race; leaving the page aborts, and coming back starts over what was
 * cut short. Children are watched, not read once: an inline script may be parsed after the element upgrades (a
 * classic script in `<head>`), and a CMS may swap it later. Never throws; every outcome ends in `onLoad`.
 *
 * Data that fails never blanks good data: with `src`, the children (when they are data) are shown while it loads
 * and in its place if it fails, and a failed reload or refresh of `src` keeps what it loaded before (a file with
 * no events at all counts as failed when events are on show). Every source is read with its valid events
 * (parseTimeline's `partial`), the others reported. `refresh` re-fetches `src` (see RefreshController, loaded only
 * for elements that ask for it).
 */
export class LoadController implements ReactiveController {
  state: LoadState = 'empty';
  /** The errors of the last load (why it failed, or the events it left out), each with a JSON Pointer `path`. */
  errors: TimelineError[] = [];
  /** What is on show: the timeline, with the problems of the events it left out and how many they are. */
  shown: ParseResult | null = null;
  /**
   * Whether the element has a light-DOM list of events (an html embed): the page shows it, in its own type, until
   * what replaces it is drawn. Read once per update, before rendering.
   */
  listChild = false;
  /** Which source `shown` came from: DATA, CHILDREN or the absolute URL of a `src`. */
  #shownFrom = '';
  #copy?: Copy;
  #request?: AbortController;
  /** A request was cut short by leaving the page: coming back starts it over. */
  #interrupted = false;
  #childObserver?: MutationObserver;
  #started = false;
  #refreshing = false;

  readonly #host: LoadHost;
  readonly #onLoad: (outcome: LoadOutcome) => void;

  /**
   * @param host - The element whose sources are loaded; it updates whenever the state changes.
   * @param onLoad - Called with each load's outcome: a timeline shown (new, or newer), or a failure.
   */
  constructor(host: LoadHost, onLoad: (outcome: LoadOutcome) => void) {
    this.#host = host;
    this.#onLoad = onLoad;
    host.addController(this);
  }

  /** The timeline on show, or null. */
  get timeline(): Timeline | null {
    return this.shown?.timeline ?? null;
  }

  hostConnected(): void {
    this.#childObserver = new MutationObserver(() => {
      if (this.#host.data === undefined && !this.#host.src) this.load();
    });
    this.#childObserver.observe(this.#host, { childList: true, subtree: true, characterData: true });
    // A load that a disconnect cut short starts again; loaded data is kept when the element only moved.
    if (this.#started && (this.#interrupted || this.state === 'loading')) this.load();
    this.#interrupted = false;
  }

  hostDisconnected(): void {
    this.#childObserver?.disconnect();
    this.#childObserver = undefined;
    this.#interrupted = this.#request !== undefined;
    this.#cancel();
  }

  hostUpdate(): void {
    this.listChild = this.#host.querySelector(':scope > ol') !== null;
    // Refreshing is for the pages that ask for it: its controller loads then, once per element.
    if (!this.#refreshing && Number(this.#host.refresh) > 0) {
      this.#refreshing = true;
      void import('./refresh-controller.js').then(
        ({ RefreshController }) => new RefreshController(this.#host, () => this.refresh()),
        // Its file could not be fetched (offline, a CDN hiccup): the next update tries again.
        () => (this.#refreshing = false),
      );
    }
  }

  /** Picks the data source by precedence and loads it; a newer call cancels an older request. */
  load(): void {
    this.#started = true;
    this.#cancel();
    const { data, src } = this.#host;
    if (data !== undefined) {
      // An object that React or Vue set as the attribute, rendering the element before it was defined: explained by
      // the error box's part, which its failure needs anyway.
      if (data === '[object Object]')
        this.#await(
          DATA,
          import('../view/errors.js').then((errors) => errors.objectAsText(this.#host)),
        );
      // A TimelineJS object given as data is converted by the importer, loaded for it.
      else if (looksLikeTimelineJS(data)) this.#await(DATA, parseSource(JSON.stringify(data), {}, PARTIAL));
      else this.#settle(DATA, parseTimeline(data, PARTIAL));
    } else if (src) {
      void this.#loadSrc(src);
    } else {
      const children = this.#readChildren();
      if (children) this.#await(CHILDREN, children);
      else this.#show('empty', null, '');
    }
  }

  /**
   * Fetches `src` again, if it is the source and no other load is running: conditionally (an unchanged file
   * costs a 304, or the same text, and changes nothing), and keeping what is shown if it fails.
   */
  refresh(): Promise<RefreshOutcome> {
    const { data, src } = this.#host;
    return data !== undefined || !src || this.#request || !this.#host.isConnected
      ? Promise.resolve('skipped')
      : this.#loadSrc(src, true);
  }

  /**
   * Loads `src`. Its children, when they are data, stand in while it loads and in its place if it fails; a refresh
   * asks whether the file changed since it was shown.
   */
  async #loadSrc(src: string, refreshing = false): Promise<RefreshOutcome> {
    const key = absolute(src);
    const request = this.#begin();
    const current = () => this.#request === request;
    const showing = () => this.#shownFrom === key || this.#shownFrom === CHILDREN;
    const standIn = refreshing || showing() ? undefined : this.#readChildren();
    let answered = false;
    if (standIn instanceof Promise) void standIn.then((result) => !answered && current() && this.#standIn(result));
    else if (standIn) this.#standIn(standIn);
    if (!refreshing && !showing()) this.#wait();
    const copy = this.#copy?.key === key && this.#shownFrom === key ? this.#copy : {};
    const result = await this.#fetchSrc(src, key, request.signal, refreshing ? copy : undefined);
    answered = true;
    // The children may have arrived since (parsed after the element upgraded): read them now if need be.
    if (current() && result !== 'unchanged' && !result.timeline && !refreshing && !showing())
      this.#standIn(await (standIn ?? this.#readChildren()));
    if (!current()) return 'skipped';
    this.#request = undefined;
    if (result === 'unchanged') return result;
    if (result.timeline) this.#settle(key, result, refreshing);
    else this.#fail(result.errors, showing());
    return result.timeline ? 'changed' : 'failed';
  }

  /** Shows the children's data in place of a `src` that has not answered, or failed. */
  #standIn(result?: ParseResult): void {
    if (result?.timeline) this.#settle(CHILDREN, result);
  }

  /**
   * Fetches and reads `src` (a Google Sheet by its CSV form). With `copy` (what is shown of it), asks whether it
   * changed: 'unchanged' when it did not.
   */
  async #fetchSrc(
    src: string,
    key: string,
    signal: AbortSignal,
    copy?: Partial<Copy>,
  ): Promise<ParseResult | 'unchanged'> {
    const sheet = src.includes('docs.google.com/spreadsheets')
      ? await import('../sources/sheets.js').then(
          ({ sheetSource }) => sheetSource(src, document.baseURI),
          (error: unknown) => ({ error: String(error) }),
        )
      : { url: src };
    if ('error' in sheet) return { timeline: null, errors: [{ path: '', message: sheet.error }] };
    const { timeout } = this.#host;
    const fetched = await fetchTimelineText(sheet.url, document.baseURI, { signal, timeout, revalidate: copy });
    if (!fetched.ok) return { timeline: null, errors: fetched.errors };
    if (fetched.unchanged || fetched.text === copy?.text) return 'unchanged';
    // CSV and TimelineJS files are converted first (by importers fetched only then); JSON is parsed as it is.
    const result = await parseSource(fetched.text, { contentType: fetched.contentType, name: fetched.url }, PARTIAL);
    // A file emptied of its events (a sheet cleared by mistake, an export caught halfway) is no newer version of
    // the story on show: it fails, and the events stay.
    const replacing = this.#shownFrom === key || this.#shownFrom === CHILDREN;
    if (result.timeline?.events.length === 0 && this.timeline?.events.length && replacing)
      return { timeline: null, errors: [{ path: '/events', message: 'The file has no events.' }] };
    if (result.timeline && !signal.aborted)
      this.#copy = { key, text: fetched.text, etag: fetched.etag, lastModified: fetched.lastModified };
    return result;
  }

  /** The data of the element's children: an inline JSON script (read at once) or a light-DOM list (read on demand). */
  #readChildren(): ParseResult | Promise<ParseResult> | undefined {
    const script = this.#host.querySelector(':scope > script[type="application/json"]');
    if (script) return parseTimeline(script.textContent ?? '', PARTIAL);
    const list = this.#host.querySelector(':scope > ol');
    // A light-DOM list (progressive enhancement): its reader is a separate chunk, like the importers.
    return list
      ? import('../sources/light-dom.js').then(
          ({ readLightDomList }) => parseTimeline(readLightDomList(list, this.#host), PARTIAL),
          (error: unknown): ParseResult => ({ timeline: null, errors: [{ path: '', message: String(error) }] }),
        )
      : undefined;
  }

  /** Shows a source's data once it is there: at once for a result, after the promise for one. */
  #await(from: string, work: ParseResult | Promise<ParseResult>): void {
    if (!(work instanceof Promise)) return this.#settle(from, work);
    const request = this.#begin();
    this.#wait();
    void work
      .catch((error: unknown): ParseResult => ({ timeline: null, errors: [{ path: '', message: String(error) }] }))
      .then((result) => {
        if (this.#request !== request) return;
        this.#request = undefined;
        this.#settle(from, result);
      });
  }

  /** Shows a source's data, or its errors when it has none to show (see LoadChange). */
  #settle(from: string, result: ParseResult, refreshed = false): void {
    if (!result.timeline) return this.#fail(result.errors, false);
    const previous = this.timeline;
    // A src after what was shown of it before, or after the children that stood in for it, is the same story.
    const change: LoadChange = !previous
      ? 'new'
      : refreshed
        ? 'refresh'
        : from !== DATA && (from === this.#shownFrom ? from !== CHILDREN : this.#shownFrom === CHILDREN)
          ? 'update'
          : 'new';
    this.errors = result.errors;
    this.#show('ready', result, from);
    this.#onLoad({ change, timeline: result.timeline, errors: result.errors, previous });
  }

  /** Reports a failed load: what is shown stays when `keep` allows and there is something, else its errors are. */
  #fail(errors: TimelineError[], keep: boolean): void {
    this.errors = errors;
    const previous = this.timeline;
    if (keep && previous) this.#host.requestUpdate();
    else this.#show('error', null, '');
    this.#onLoad({ change: keep && previous ? 'kept' : 'failed', timeline: this.timeline, errors, previous });
  }

  #show(state: LoadState, shown: ParseResult | null, from: string): void {
    this.state = state;
    this.shown = shown;
    this.#shownFrom = from;
    if (state === 'empty') this.errors = [];
    this.#host.requestUpdate();
  }

  /** Says "loading" while nothing of the source is shown. */
  #wait(): void {
    this.state = 'loading';
    this.#host.requestUpdate();
  }

  /** Marks a new request as the current one: a newer source aborts it and wins the race. */
  #begin(): AbortController {
    this.#cancel();
    return (this.#request = new AbortController());
  }

  #cancel(): void {
    this.#request?.abort();
    this.#request = undefined;
  }
}

/** The absolute URL of `src`, its key among the sources shown (the text itself when it is no URL). */
function absolute(src: string): string {
  try {
    return new URL(src, document.baseURI).href;
  } catch {
    return src;
  }
}
