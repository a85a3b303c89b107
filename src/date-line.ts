import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyedList } from './view/keyed-list.js';
import { styleMap } from './view/style-map.js';
import { DeepLinkController } from './controllers/deep-link-controller.js';
import { SizeController } from './controllers/size-controller.js';
import { styles } from './date-line.styles.js';
import type { DateLineSelectDetail } from './events.js';
import { fill, type Messages } from './i18n/messages.js';
import { LocaleController } from './controllers/locale-controller.js';
import { DEFAULT_TIMEOUT, fetchTimelineText } from './load.js';
import { htmlDatetime } from './model/dates.js';
import { formatNumber, formatSpan } from './model/format.js';
import { looksLikeTimelineJS, parseSource } from './model/import/source.js';
import { parseTimeline, type ParseResult } from './model/parse.js';
import type { Timeline, TimelineError, TimelineEvent } from './model/types.js';
import type { Spacing } from './scale/coords.js';
import type { AxisHost, AxisRenderer } from './view/axis.js';
import type { ListWindow } from './view/list-window.js';
import { renderEventBody } from './view/detail.js';
import { richText } from './view/rich-text.js';

type LoadState = 'empty' | 'loading' | 'ready' | 'error';

/** The on-demand modules, shared by every instance on the page. */
let axisModule: Promise<typeof import('./view/axis.js')> | undefined;
let listWindowModule: Promise<typeof import('./view/list-window.js')> | undefined;
/** Lists longer than this render only the events near the reader's view. */
const LIST_WINDOW_MIN = 150;
export type Layout = 'auto' | 'axis' | 'list';

/** How many errors the error box lists before it says "and N more". */
const ERRORS_SHOWN = 5;
/** Below this width (CSS px of the element itself), `layout="auto"` shows the list. */
const AXIS_MIN_WIDTH = 600;
/** Zoom step of the buttons and the + and - keys. */
const ZOOM_STEP = 2;

/** Filters in force: events must be in one of the groups (if any) and carry one of the tags (if any). */
export interface DateLineFilters {
  groups: readonly string[];
  tags: readonly string[];
}

/**
 * An accessible, interactive timeline of dated events, from JSON that data/timeline.schema.json describes.
 *
 * Data comes from, in order of precedence: the `data` property, the `src` attribute, or an inline
 * `<script type="application/json">` child. Wide elements show a zoomable time axis, narrow ones a vertical
 * list (`layout`); both are an ordered list of events for assistive technology.
 *
 * @summary An embeddable, accessible timeline of dated, sourced events.
 * @tagname date-line
 *
 * @fires {DateLineSelectEvent} date-line-select - Before the selection changes (cancelable). `detail: { id, event }`.
 * @fires {DateLineLoadEvent} date-line-load - When data has been parsed and first rendered. `detail: { timeline }`.
 * @fires {DateLineErrorEvent} date-line-error - When data cannot be loaded or is invalid. `detail: { errors: [{ path, message }] }`.
 * @fires {DateLineRangeChangeEvent} date-line-range-change - After a zoom or pan. `detail: { start, end }` as ISO 8601 text.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart header - The title and description.
 * @csspart title - The timeline's title.
 * @csspart toolbar - The zoom buttons and filters.
 * @csspart axis - The time axis (axis layout).
 * @csspart events - The ordered list of events.
 * @csspart event - One event.
 * @csspart detail - The open event's date, title, summary, media and sources.
 * @csspart status - The loading and empty messages.
 * @csspart error - The box that explains invalid data or a failed load.
 *
 * @cssprop [--date-line-font-family=inherit] - Font of all text.
 * @cssprop [--date-line-font-size=1em] - Base font size; everything scales with it. The default follows the text around the element (pages that shrink the root font size, the "62.5%" habit, do not shrink it).
 * @cssprop [--date-line-color-text=#1b1b1f] - Main text colour.
 * @cssprop [--date-line-color-muted=#5b5e66] - Dates, captions and secondary text.
 * @cssprop [--date-line-color-background=transparent] - Background of the element.
 * @cssprop [--date-line-color-surface=#f4f4f2] - Background of panels, hovered and open events.
 * @cssprop [--date-line-color-rule=#d5d6d9] - Lines: the rail, ticks, separators.
 * @cssprop [--date-line-color-accent=#b42318] - Markers and the selected event.
 * @cssprop [--date-line-color-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--date-line-color-link=#1f4fbf] - Links.
 * @cssprop [--date-line-color-focus=#1f6feb] - The keyboard focus ring.
 * @cssprop [--date-line-color-era=#8a8f98] - Era bands and their labels.
 * @cssprop [--date-line-radius=6px] - Corner radius.
 * @cssprop [--date-line-spacing=1rem] - Base spacing.
 * @cssprop [--date-line-padding=0] - Space between the element's edge and its content (0.75rem when the dark theme brings its own background).
 */
export class DateLine extends LitElement implements AxisHost {
  static override styles = styles;

  /**
   * Defines `<date-line>` (or another tag name) in a registry, once. Importing `date-line` does this for you;
   * `date-line/element` gives the class alone for custom tag names or scoped registries.
   * @param tagName - The tag to define; another name than `date-line` defines a subclass.
   * @param registry - The registry to define it in: the page's, or a scoped one.
   */
  static define(tagName = 'date-line', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tagName)) registry.define(tagName, tagName === 'date-line' ? this : class extends this {});
  }

  /** URL of a timeline to load (date-line JSON, TimelineJS JSON or CSV), relative to the page. */
  @property() src?: string;

  /** A timeline object (the same shape as the JSON), or JSON text. Takes precedence over `src`. */
  @property({ attribute: false }) data?: unknown;

  /** The id of the selected event; reflects to the attribute. */
  @property({ reflect: true }) selected: string | null = null;

  /**
   * `auto` (by the element's own width), `axis` or `list`.
   * @type {'auto' | 'axis' | 'list'}
   */
  @property({ reflect: true }) layout: Layout = 'auto';

  /**
   * `time` places events in proportion to time; `even` spaces them evenly, in order (for bunched events).
   * @type {'time' | 'even'}
   */
  @property({ reflect: true }) spacing: Spacing = 'time';

  /** BCP 47 language tag for dates and interface text. Default: the `lang` of the page around the element. */
  @property() locale?: string;

  /**
   * Milliseconds to wait for `src` before giving up with an error.
   * @type {number}
   */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;

  /** `light` or `dark`; unset follows the reader's `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /**
   * The range the axis shows first, as an interval in the data's date format ("2016-11/2018-05"); default:
   * everything. Readers can always zoom out to all of it.
   */
  @property() view?: string;

  /** Gives each group its own row on the axis; without it, groups share the lanes and are told apart by colour. */
  @property({ type: Boolean, reflect: true, attribute: 'group-rows' }) groupRows = false;

  /** Which events are shown: by group ids and by tags (empty lists show everything). */
  @property({ attribute: false }) filters: DateLineFilters = { groups: [], tags: [] };

  @state() private loadState: LoadState = 'empty';
  @state() private parsed: Timeline | null = null;
  @state() private loadErrors: TimelineError[] = [];
  /** The event that holds the single tab stop of the event list (roving tabindex). @internal */
  @state() focusId: string | null = null;
  /** What the polite live region says, briefly, after a selection or a zoom. */
  @state() private announcement = '';
  /** Printing shows the plain list, whatever the layout. */
  @state() private printing = false;

  private readonly size = new SizeController(this);
  private readonly deepLinks = new DeepLinkController(this, (id) => this.openLinkedEvent(id));
  private loadController?: AbortController;
  private childObserver?: MutationObserver;
  private readonly localization = new LocaleController(this);
  private pendingLoadEvent = false;
  private dateLabels = new WeakMap<TimelineEvent, string>();
  /** What the cached date labels were made in: another locale, or its words arriving, resets them. */
  private dateLabelsFor: { locale: string; messages?: Messages } = { locale: '' };
  private linkHandled = false;

  /** The events the filters let through, and what they were computed from. */
  private shown: { key: string; for: Timeline | null; events: readonly TimelineEvent[] } = {
    key: '',
    for: null,
    events: [],
  };
  /** The axis, once its module has loaded (see loadAxis). */
  private axis?: AxisRenderer;
  /** Windowing of a long list, once its module has loaded. */
  private listWindow?: ListWindow;
  private filterChoice?: { timeline: Timeline; choice: boolean };
  /** The filter panel's renderer, once a reader has opened the filters. */
  private filterPanel?: (host: DateLine, timeline: Timeline) => TemplateResult;

  /** The parsed timeline on display, or `null` while loading, when empty or when the data is invalid. */
  get timeline(): Timeline | null {
    return this.parsed;
  }

  /** The errors of the last load, each with a JSON Pointer `path`; empty when the data is valid. */
  get errors(): readonly TimelineError[] {
    return this.loadErrors;
  }

  /** The visible range of the axis as ISO 8601 text, or `null` when no axis is shown. */
  get visibleRange(): { start: string; end: string } | null {
    return this.axis && this.parsed && this.effectiveLayout === 'axis' ? this.axis.visibleRange() : null;
  }

  /** The layout in effect: `axis` or `list`. */
  get effectiveLayout(): 'axis' | 'list' {
    if (this.printing) return 'list';
    if (this.layout === 'axis' || this.layout === 'list') return this.layout;
    return this.size.width > 0 && this.size.width < AXIS_MIN_WIDTH ? 'list' : 'axis';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // An inline <script type="application/json"> may be parsed after the element is upgraded (a classic script
    // in <head>), and a CMS may swap it later: watch the children instead of reading them once.
    this.childObserver = new MutationObserver(() => {
      if (this.data === undefined && !this.src) this.loadData();
    });
    this.childObserver.observe(this, { childList: true, subtree: true, characterData: true });
    window.addEventListener('beforeprint', this.handlePrint);
    window.addEventListener('afterprint', this.handlePrint);
    // Fetch the axis alongside the data rather than after it, whenever the page is wide enough to show it.
    if (this.layout !== 'list' && window.innerWidth >= AXIS_MIN_WIDTH) this.loadAxis();
    // A load that was cut short by a disconnect starts again; loaded data is kept when the element only moved.
    if (this.hasUpdated && this.loadState === 'loading') this.loadData();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver?.disconnect();
    this.childObserver = undefined;
    this.loadController?.abort();
    this.loadController = undefined;
    window.removeEventListener('beforeprint', this.handlePrint);
    window.removeEventListener('afterprint', this.handlePrint);
  }

  private readonly handlePrint = (event: Event) => {
    this.printing = event.type === 'beforeprint';
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('data') || changed.has('src') || changed.has('timeout')) this.loadData();
    if (changed.has('view') || changed.has('spacing')) this.axis?.resetView();
    if (changed.has('selected') && this.selected !== null && this.eventById(this.selected))
      this.focusId = this.selected;
    this.updateShown();
  }

  protected override updated(): void {
    if (this.pendingLoadEvent && this.parsed && (this.axis || this.effectiveLayout === 'list')) {
      this.pendingLoadEvent = false;
      this.emit('date-line-load', { timeline: this.parsed });
      if (!this.linkHandled) {
        this.linkHandled = true;
        const linked = this.deepLinks.linkedId();
        // After this update, not inside it: opening the event is a change of its own.
        if (linked) void this.updateComplete.then(() => this.openLinkedEvent(linked));
      }
    }
  }

  /** The locale in effect: `locale`, else the nearest `lang` around the element, else the browser's. */
  get effectiveLocale(): string {
    return this.localization.locale || this.localization.resolve();
  }

  /** @internal The interface text in effect. */
  get messages(): Messages {
    return this.localization.messages;
  }

  /** @internal Whether the element is laid out right to left (arrow keys and the axis follow it). */
  get isRtl(): boolean {
    return this.localization.isRtl;
  }

  // ---------------------------------------------------------------- data

  /** Picks the data source by precedence and loads it; a newer call cancels an older request. */
  private loadData(): void {
    this.loadController?.abort();
    this.loadController = undefined;
    if (this.data !== undefined) {
      // A TimelineJS object given as data is converted by the importer, loaded for it.
      const data = this.data;
      if (looksLikeTimelineJS(data)) this.loadAsync(() => parseSource(JSON.stringify(data)));
      else this.accept(parseTimeline(data));
    } else if (this.src) {
      const src = this.src;
      this.loadAsync(async (signal) => {
        const result = await fetchTimelineText(src, document.baseURI, { signal, timeout: this.timeout });
        // CSV and TimelineJS files are converted first (by importers fetched only then); JSON is parsed as it is.
        return result.ok
          ? parseSource(result.text, { contentType: result.contentType, name: result.url })
          : { timeline: null, errors: result.errors };
      });
    } else {
      const script = this.querySelector(':scope > script[type="application/json"]');
      const list = this.querySelector(':scope > ol');
      if (script) this.accept(parseTimeline(script.textContent ?? ''));
      // A light-DOM list (progressive enhancement): its reader is a separate chunk, like the importers.
      else if (list)
        this.loadAsync(() =>
          import('./view/light-dom.js').then(({ readLightDomList }) => parseTimeline(readLightDomList(list, this))),
        );
      else this.setEmpty();
    }
  }

  /**
   * Loads data that takes time (a fetch, an importer or reader that loads on demand). The controller marks this
   * load as the current one: a newer source aborts it and wins the race. Never throws.
   */
  private loadAsync(work: (signal: AbortSignal) => Promise<ParseResult>): void {
    const controller = new AbortController();
    this.loadController = controller;
    this.loadState = 'loading';
    void work(controller.signal)
      .catch((error: unknown): ParseResult => ({ timeline: null, errors: [{ path: '', message: String(error) }] }))
      .then((parsed) => {
        if (controller.signal.aborted || this.loadController !== controller) return;
        this.loadController = undefined;
        // An abort by a newer source is not an error to show (fetchTimelineText returns no errors for it).
        if (parsed.timeline || parsed.errors.length) this.accept(parsed);
      });
  }

  private setEmpty(): void {
    this.parsed = null;
    this.loadErrors = [];
    this.loadState = 'empty';
  }

  private accept({ timeline, errors }: { timeline: Timeline | null; errors: TimelineError[] }): void {
    this.parsed = timeline;
    this.loadErrors = errors;
    this.axis?.resetView();
    if (!timeline) {
      this.loadState = 'error';
      this.emit('date-line-error', { errors });
      return;
    }
    this.loadState = 'ready';
    this.focusId = this.eventById(this.selected)?.id ?? timeline.events[0]?.id ?? null;
    this.pendingLoadEvent = true;
  }

  private emit<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  private eventById(id: string | null): TimelineEvent | undefined {
    return id === null ? undefined : this.parsed?.events.find((event) => event.id === id);
  }

  /** The events the filters let through, in chronological order. */
  get shownEvents(): readonly TimelineEvent[] {
    return this.shown.events;
  }

  /** Applies the filters; the result keeps its identity until the data or the filters change. */
  private updateShown(): void {
    const timeline = this.parsed;
    const { groups, tags } = this.filters;
    const key = `${groups.join(' ')}|${tags.join(' ')}`;
    if (this.shown.for === timeline && this.shown.key === key) return;
    const events = (timeline?.events ?? []).filter(
      (event) =>
        (!groups.length || groups.includes(event.group?.id ?? '')) &&
        (!tags.length || event.tags.some((tag) => tags.includes(tag))),
    );
    this.shown = { key, for: timeline, events };
  }

  // ---------------------------------------------------------------- selection

  /**
   * Selects the event with this id (or clears the selection with `null`), after firing a cancelable
   * `date-line-select`. Returns whether the selection changed.
   * @param id - The id of an event in the data, or `null`.
   */
  select(id: string | null): boolean {
    const event = this.eventById(id) ?? null;
    if (id !== null && !event) return false;
    if (id === this.selected) return false;
    const detail: DateLineSelectDetail = { id, event };
    if (!this.emit('date-line-select', detail, true)) return false;
    this.selected = id;
    this.deepLinks.write(id);
    if (event) {
      this.focusId = event.id;
      this.announcement = fill(this.messages.announceSelect, { date: this.dateLabel(event), title: event.title });
      this.reveal(event);
    }
    return true;
  }

  /** Selects the next event in time (the first when none is selected). */
  next(): boolean {
    return this.step(1);
  }

  /** Selects the previous event in time (the last when none is selected). */
  previous(): boolean {
    return this.step(-1);
  }

  private step(direction: 1 | -1): boolean {
    const events = this.shownEvents;
    if (!events.length) return false;
    const current = events.findIndex((event) => event.id === this.selected);
    const index = current >= 0 ? current + direction : direction === 1 ? 0 : events.length - 1;
    if (index < 0 || index >= events.length) return false;
    const changed = this.select(events[index].id);
    if (changed && this.shadowRoot?.activeElement) void this.focusEvent(events[index].id);
    return changed;
  }

  /** Opens the event a deep link names, and brings the timeline into view. */
  private openLinkedEvent(id: string): void {
    if (!this.eventById(id)) return;
    if (this.selected !== id) this.select(id);
    void this.updateComplete.then(() => {
      const item = this.renderRoot.querySelector(`[data-id="${CSS.escape(id)}"]`) ?? this;
      item.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
  }

  /** Moves the roving tab stop to an event and focuses it, bringing it into view first. */
  private async focusEvent(id: string): Promise<void> {
    this.focusId = id;
    const event = this.eventById(id);
    if (event) this.reveal(event);
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] .event-button`);
    button?.focus({ preventScroll: true });
    // In the list, scroll to it now: WebKit scrolls to a focused element only a frame later, when a windowed
    // list may already have moved its window away from it (and dropped it, and the focus with it).
    if (this.effectiveLayout !== 'axis') button?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** @internal An event's date label, made once per event and language (it is asked for on every frame). */
  dateLabel(event: TimelineEvent): string {
    const locale = this.effectiveLocale;
    const messages = this.messages;
    if (locale !== this.dateLabelsFor.locale || messages !== this.dateLabelsFor.messages) {
      this.dateLabelsFor = { locale, messages };
      this.dateLabels = new WeakMap();
    }
    let label = this.dateLabels.get(event);
    if (label === undefined) {
      label = event.displayDate ?? formatSpan(event.date, locale, messages);
      this.dateLabels.set(event, label);
    }
    return label;
  }

  private handleEventClick(event: TimelineEvent): void {
    this.focusId = event.id;
    this.select(this.selected === event.id ? null : event.id);
  }

  /** Keys act only while focus is inside this element: the listener is on its shadow content. */
  private handleKeydown(keyEvent: KeyboardEvent): void {
    if (keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey) return;
    const onEvent = (keyEvent.target as Element).closest?.('.event-button');
    const axis = this.effectiveLayout === 'axis';
    const key = keyEvent.key;
    if (axis && (key === '+' || key === '=' || key === '-' || key === '_' || key === '0')) {
      keyEvent.preventDefault();
      if (key === '0') this.fit();
      else if (key === '-' || key === '_') this.zoomOut();
      else this.zoomIn();
      return;
    }
    if (axis && (key === 'PageUp' || key === 'PageDown')) {
      keyEvent.preventDefault();
      this.axis?.page(key === 'PageDown' ? 1 : -1);
      return;
    }
    if (key === 'Escape' && this.selected !== null) {
      keyEvent.preventDefault();
      this.select(null);
      if (this.focusId) void this.focusEvent(this.focusId);
      return;
    }
    if (!onEvent) return;
    const events = this.shownEvents;
    const current = Math.max(
      0,
      events.findIndex((event) => event.id === this.focusId),
    );
    const rtl = this.isRtl;
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
    };
    let index: number | undefined;
    if (key in moves) index = Math.min(events.length - 1, Math.max(0, current + moves[key]));
    else if (key === 'Home') index = 0;
    else if (key === 'End') index = events.length - 1;
    if (index === undefined || !events[index]) return;
    keyEvent.preventDefault();
    void this.focusEvent(events[index].id);
  }

  // ---------------------------------------------------------------- filters

  private shownAfterFilter(id: string): boolean {
    this.updateShown();
    return this.shownEvents.some((event) => event.id === id);
  }

  // ---------------------------------------------------------------- the axis

  /** @internal */
  linkTo(id: string): string {
    return this.deepLinks.hashFor(id);
  }

  /** @internal The width the axis draws in. */
  get axisWidth(): number {
    return Math.max(this.size.width || 800, 200);
  }

  /** @internal A zoom or pan has ended: tell listeners and screen readers where the view is now. */
  rangeChanged(range: { start: string; end: string }, label: string): void {
    this.emit('date-line-range-change', range);
    this.announcement = fill(this.messages.announceRange, { range: label });
  }

  /** Brings an event into the drawn part of the axis or of a windowed list. */
  private reveal(event: TimelineEvent): void {
    if (this.effectiveLayout === 'axis') this.axis?.reveal(event);
    else this.listWindow?.include(this.shownEvents.indexOf(event));
  }

  /** Loads the axis module (once per page) and shows the axis when it arrives. */
  private loadAxis(): void {
    axisModule ??= import('./view/axis.js');
    void axisModule.then(({ AxisRenderer, axisStyles }) => {
      if (this.axis) return;
      // Constructed style sheets, not a <style> element: a strict style-src CSP allows them.
      const root = this.renderRoot as ShadowRoot;
      if (axisStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, axisStyles.styleSheet];
      this.axis = new AxisRenderer(this);
      this.requestUpdate();
    });
  }

  /** Zooms the axis in around the focused event (or the middle of the view). */
  zoomIn(): void {
    this.axis?.zoomBy(ZOOM_STEP);
  }

  /** Zooms the axis out around the focused event (or the middle of the view). */
  zoomOut(): void {
    this.axis?.zoomBy(1 / ZOOM_STEP);
  }

  /** Shows every event (that the filters let through) on the axis. */
  fit(): void {
    this.axis?.fit();
  }

  /**
   * Shows the time from `start` to `end` on the axis: dates in the data's format ("2017", "2017-03-09") or
   * `Date`s. With even spacing, the window is placed between the events around those dates.
   * @param start - The first date to show.
   * @param end - The last date to show.
   */
  zoomTo(start: string | Date, end: string | Date): void {
    this.axis?.zoomTo(start, end);
  }

  // ---------------------------------------------------------------- rendering

  override render(): TemplateResult {
    switch (this.loadState) {
      case 'loading':
        return html`<p class="status" part="status" role="status">${this.messages.loading}</p>`;
      case 'error':
        return this.renderErrors();
      case 'empty':
        return html`<p class="status" part="status">${this.messages.noEvents}</p>`;
      case 'ready':
        return this.renderTimeline(this.parsed!);
    }
  }

  private renderErrors(): TemplateResult {
    const shown = this.loadErrors.slice(0, ERRORS_SHOWN);
    const more = this.loadErrors.length - shown.length;
    return html`
      <div class="error" part="error" role="alert">
        <p class="error-title">${this.messages.errorTitle}</p>
        <ul>
          ${shown.map((error) => html`<li>${error.path ? html`<code>${error.path}</code>: ` : nothing}${error.message}</li>`)}
        </ul>
        ${more > 0 ? html`<p>${fill(this.messages.moreErrors, { count: more })}</p>` : nothing}
      </div>
    `;
  }

  private renderTimeline(timeline: Timeline): TemplateResult {
    const messages = this.messages;
    const titled = Boolean(timeline.title);
    const layout = this.effectiveLayout;
    return html`
      <section
        class="base layout-${layout}"
        part="base"
        aria-labelledby=${titled ? 'title' : nothing}
        aria-label=${titled ? nothing : messages.timeline}
        lang=${timeline.locale ?? nothing}
        @keydown=${this.handleKeydown}
      >
        ${
          titled || timeline.description
            ? html`<header part="header">
                ${titled ? html`<h2 class="title" id="title" part="title">${timeline.title}</h2>` : nothing}
                ${richText(timeline.description, 'description')}
              </header>`
            : nothing
        }
        ${this.renderToolbar(timeline, layout)}
        ${
          this.shownEvents.length === 0
            ? html`<p class="status" part="status">${messages.noEvents}</p>`
            : layout === 'axis'
              ? this.renderAxis()
              : this.renderList()
        }
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
    `;
  }

  private renderToolbar(timeline: Timeline, layout: 'axis' | 'list'): TemplateResult | typeof nothing {
    const messages = this.messages;
    const filters = this.renderFilters(timeline);
    if (layout !== 'axis' && filters === nothing) return nothing;
    return html`<div class="toolbar" part="toolbar">
      ${
        layout === 'axis'
          ? html`<div class="zoom" role="group" aria-label=${messages.layoutAxis}>
              <button
                type="button"
                class="tool"
                @click=${() => this.zoomOut()}
                aria-label=${messages.zoomOut}
                title=${messages.zoomOut}
              >
                −
              </button>
              <button
                type="button"
                class="tool"
                @click=${() => this.zoomIn()}
                aria-label=${messages.zoomIn}
                title=${messages.zoomIn}
              >
                +
              </button>
              <button type="button" class="tool tool-text" @click=${() => this.fit()}>${messages.fit}</button>
            </div>`
          : nothing
      }
      ${filters} ${layout === 'axis' && !this.groupRows && this.axis ? this.axis.renderLegend(timeline) : nothing}
    </div>`;
  }

  /** The filter control: a disclosure whose panel (with its module) loads when a reader first opens it. */
  private renderFilters(timeline: Timeline): TemplateResult | typeof nothing {
    if (!this.hasFilterChoice(timeline)) return nothing;
    const active = this.filters.groups.length + this.filters.tags.length;
    return html`<details class="filters" @toggle=${this.handleFiltersToggle}>
      <summary>${this.messages.filters}${active ? html` <span class="count">(${active})</span>` : nothing}</summary>
      ${this.filterPanel ? this.filterPanel(this, timeline) : nothing}
    </details>`;
  }

  /** Whether there is anything to filter by (two groups, or two tags); worked out once per timeline. */
  private hasFilterChoice(timeline: Timeline): boolean {
    if (this.filterChoice?.timeline !== timeline) {
      const choice = timeline.groups.length > 1 || new Set(timeline.events.flatMap((event) => event.tags)).size > 1;
      this.filterChoice = { timeline, choice };
    }
    return this.filterChoice.choice;
  }

  private handleFiltersToggle(event: Event): void {
    if (!(event.target as HTMLDetailsElement).open || this.filterPanel) return;
    void import('./view/filters.js').then(({ renderFilterPanel, filterStyles }) => {
      const root = this.renderRoot as ShadowRoot;
      if (filterStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, filterStyles.styleSheet];
      this.filterPanel = renderFilterPanel;
      this.requestUpdate();
    });
  }

  /** @internal Applies a filter choice from the panel. */
  setFilter(kind: keyof DateLineFilters, value: string, on: boolean): void {
    const current = new Set(this.filters[kind]);
    if (on) current.add(value);
    else current.delete(value);
    this.filters = { ...this.filters, [kind]: [...current] };
    if (this.selected && !this.shownAfterFilter(this.selected)) this.select(null);
  }

  /** The event's visible label in a list or lane: its date over its headline. @internal */
  renderEventButton(event: TimelineEvent, controls: string, tabStop: string | null): TemplateResult {
    const isSelected = event.id === this.selected;
    return html`<button
      class="event-button"
      type="button"
      tabindex=${event.id === tabStop ? 0 : -1}
      aria-expanded=${isSelected ? 'true' : 'false'}
      aria-controls=${isSelected ? controls : nothing}
      @click=${() => this.handleEventClick(event)}
    >
      <time class="date" datetime=${htmlDatetime(event.date) ?? nothing}>${this.dateLabel(event)}</time>
      <span class="event-title"
        ><span class="headline">${event.title}</span>${
          event.context
            ? html` <span class="badge" title=${this.messages.contextHint}>${this.messages.context}</span>`
            : nothing
        }</span
      >
      ${event.group ? html`<span class="group-label">${event.group.label}</span>` : nothing}
    </button>`;
  }

  private renderAxis(): TemplateResult {
    if (this.axis) return this.axis.render();
    this.loadAxis();
    // Holds the axis's place while its module loads, so the page does not jump when it arrives.
    return html`<div class="axis-placeholder" part="axis"></div>`;
  }

  private renderList(): TemplateResult {
    const events = this.shownEvents;
    const tabStop = events.some((event) => event.id === this.focusId) ? this.focusId : (events[0]?.id ?? null);
    // Long lists render a window of events (its module loads on demand); printing renders them all.
    let first = 0;
    let last = events.length;
    let padding: { before: number; after: number } | undefined;
    if (events.length > LIST_WINDOW_MIN && !this.printing) {
      if (this.listWindow) {
        this.listWindow.setCount(events.length);
        ({ first, last } = this.listWindow);
        padding = this.listWindow.padding();
      } else {
        last = LIST_WINDOW_MIN;
        listWindowModule ??= import('./view/list-window.js');
        void listWindowModule.then(({ ListWindow }) => {
          if (this.listWindow) return;
          this.listWindow = new ListWindow(this);
          this.listWindow.setCount(this.shownEvents.length);
          const focused = this.shownEvents.findIndex((event) => event.id === this.focusId);
          if (focused >= 0) this.listWindow.include(focused);
          this.requestUpdate();
        });
      }
    }
    return html`<ol
      class="events list"
      part="events"
      aria-label=${fill(this.messages.eventList, { count: formatNumber(events.length, this.effectiveLocale) })}
      style=${styleMap(padding ? { paddingBlockStart: `${padding.before}px`, paddingBlockEnd: `${padding.after}px` } : {})}
    >
      ${keyedList(
        events.slice(first, last),
        (event) => event.id,
        (event, offset) => {
          const index = first + offset;
          const isSelected = event.id === this.selected;
          return html`<li
            class="event ${isSelected ? 'is-selected' : ''} ${event.date.isInterval ? 'is-range' : ''}"
            part="event"
            data-id=${event.id}
            data-index=${index}
            aria-setsize=${events.length}
            aria-posinset=${index + 1}
            style=${styleMap(event.group?.color ? { '--_group-color': event.group.color } : {})}
          >
            <span class="marker" aria-hidden="true"></span>
            <h3 class="event-heading">${this.renderEventButton(event, `detail-${index}`, tabStop)}</h3>
            ${
              isSelected || this.printing
                ? html`<div class="detail" part="detail" id=${`detail-${index}`}>
                    ${renderEventBody(event, this.messages, this.effectiveLocale)}
                    <a class="permalink" href=${this.linkTo(event.id)}>${this.messages.copyLink}</a>
                  </div>`
                : nothing
            }
          </li>`;
        },
      )}
    </ol>`;
  }
}
