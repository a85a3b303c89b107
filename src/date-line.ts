import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LiveRegionController } from './controllers/live-region-controller.js';
import { LocaleController } from './controllers/locale-controller.js';
import { LoadController, type LoadOutcome } from './controllers/load-controller.js';
import { PartsController } from './controllers/parts-controller.js';
import { PrintController } from './controllers/print-controller.js';
import { RovingFocusController } from './controllers/roving-focus-controller.js';
import { SelectionController } from './controllers/selection-controller.js';
import { SizeController } from './controllers/size-controller.js';
import { styles } from './date-line.styles.js';
import { emit } from './emit.js';
import { fill } from './i18n/messages.js';
import { FilteredEvents, type DateLineFilters } from './model/filters.js';
import type { Timeline, TimelineError, TimelineEvent } from './model/types.js';
import type { Breaks } from './scale/axis-data.js';
import type { Spacing } from './scale/coords.js';
import { chooseLayout, type Layout, type ShownLayout } from './scale/layout-choice.js';
import { earlyParts, partLoaders, type Parts } from './parts.js';
import { DEFAULT_TIMEOUT } from './sources/fetch.js';
import { liveWords, renderErrorBox, renderHeader, renderToolbar } from './view/frame.js';
import type { LayoutIntent, LayoutRenderer, LayoutSnapshot } from './view/snapshot.js';

export type { DateLineFilters } from './model/filters.js';
export type { Layout } from './scale/layout-choice.js';

/** How much `zoomIn()` and `zoomOut()` zoom (as the zoom buttons do). */
const ZOOM_STEP = 2;

/**
 * An accessible, interactive timeline of dated events, from JSON that data/timeline.schema.json describes.
 *
 * Data comes from, in order of precedence: the `data` property, the `src` attribute, or an inline
 * `<script type="application/json">` child (or a light-DOM `<ol>`), which with `src` is shown while it loads and
 * in its place if it fails. Wide elements show a zoomable time axis, narrow ones a vertical list (`layout`); both
 * are an ordered list of events for assistive technology.
 *
 * @summary An embeddable, accessible timeline of dated, sourced events.
 * @tagname date-line
 *
 * @fires {DateLineSelectEvent} date-line-select - Before the selection changes (cancelable). `detail: { id, event }`.
 * @fires {DateLineLoadEvent} date-line-load - When data has been parsed and first rendered, and again for each newer version (`refresh`). `detail: { timeline }`.
 * @fires {DateLineErrorEvent} date-line-error - When data cannot be loaded or is invalid (what was shown stays), or some of its events are left out. `detail: { errors: [{ path, message }] }`.
 * @fires {DateLineRangeChangeEvent} date-line-range-change - After a zoom or pan. `detail: { start, end }` as ISO 8601 text.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart header - The title and description.
 * @csspart title - The timeline's title.
 * @csspart toolbar - The zoom buttons and filters.
 * @csspart axis - The time axis (axis layout).
 * @csspart story - The story view: its scenes, their controls and the time strip (story layout).
 * @csspart events - The ordered list of events.
 * @csspart event - One event.
 * @csspart detail - The open event's date, title, summary, media and sources.
 * @csspart status - The loading and empty messages.
 * @csspart error - The box that explains invalid data or a failed load.
 * @csspart notice - The collapsed notice of events left out for their problems.
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
export class DateLine extends LitElement {
  static override styles = styles;

  // Declared here rather than with decorators: the script-tag file then carries neither Lit's decorators nor the
  // helper that applies them. Each property's documentation is on its field below.
  static override properties = {
    src: {},
    data: {},
    selected: { reflect: true },
    layout: { reflect: true },
    spacing: { reflect: true },
    locale: {},
    timeout: { type: Number },
    theme: { reflect: true },
    view: {},
    groupRows: { type: Boolean, reflect: true, attribute: 'group-rows' },
    filters: { attribute: false },
    breaks: { reflect: true },
    maxLanes: { type: Number, attribute: 'max-lanes' },
    refresh: { type: Number },
  };

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
  declare src?: string;

  /**
   * A timeline object (the same shape as the JSON), or JSON text (as the attribute). Takes precedence over `src`.
   */
  declare data?: unknown;

  /** The id of the selected event; reflects to the attribute. */
  selected: string | null = null;

  /**
   * `auto` (the axis where the element is wide enough for its first view to show every event on its own, else
   * the list; a timeline of more than 150 events keeps its axis, its clusters the overview), `axis`, `list`, or
   * `story`: one event at a time, its media large, a time strip beneath (after a title scene).
   * @type {'auto' | 'axis' | 'list' | 'story'}
   */
  layout: Layout = 'auto';

  /**
   * `time` places events in proportion to time; `even` spaces them evenly, in order (for bunched events).
   * @type {'time' | 'even'}
   */
  spacing: Spacing = 'time';

  /**
   * `auto` folds long stretches without events into a marked break, so that one event decades away does not
   * squash the rest; `none` keeps the whole axis in proportion to time.
   * @type {'auto' | 'none'}
   */
  breaks: Breaks = 'auto';

  /** BCP 47 language tag for dates and interface text. Default: the `lang` of the page around the element. */
  declare locale?: string;

  /**
   * Milliseconds to wait for `src` before giving up with an error.
   * @type {number}
   */
  timeout = DEFAULT_TIMEOUT;

  /**
   * Seconds between refreshes of `src` while the page is visible; off when unset or 0 (at least one second).
   * Each is a conditional request: an unchanged file costs a 304 and changes nothing, a changed one keeps the
   * reader's place, is announced and fires `date-line-load` again, and a failed one keeps what is shown and
   * doubles the wait before the next (up to sixteen intervals).
   * @type {number | undefined}
   */
  declare refresh?: number;

  /** `light` or `dark`; unset follows the reader's `prefers-color-scheme`. */
  declare theme?: 'light' | 'dark';

  /**
   * The range the axis shows first, as an interval in the data's date format ("2016-11/2018-05"); default:
   * everything. Readers can always zoom out to all of it.
   */
  declare view?: string;

  /**
   * The most lanes the axis grows to so that its first view shows every event on its own; where that is not
   * enough, events gather into clusters that zoom in when pressed (and a timeline of more than 150 events keeps to
   * five lanes, or fewer as set here). The element is as tall as the lanes its story needs.
   * @type {number}
   */
  maxLanes = 10;

  /** Gives each group its own row on the axis; without it, groups share the lanes and are told apart by colour. */
  groupRows = false;

  /** Which events are shown: by group ids and by tags (empty lists show everything). */
  filters: DateLineFilters = { groups: [], tags: [] };

  readonly #size = new SizeController(this);
  readonly #localization = new LocaleController(this);
  readonly #print = new PrintController(this);
  readonly #live = new LiveRegionController(this);
  readonly #loader = new LoadController(this, (outcome) => this.#handleLoad(outcome));
  readonly #selection = new SelectionController(this, {
    find: (id) => this.#eventById(id),
    // Rendered by now: the selection's hostUpdated runs after render.
    shown: () => this.timeline !== null && this.#renderer !== undefined,
    selected: (event) => {
      const renderer = this.#renderer;
      const text = renderer?.announcement(event);
      if (text) this.#live.announce(text);
      if (event) renderer?.reveal(event.id);
    },
  });
  readonly #roving = new RovingFocusController(
    this,
    (id) => this.#renderer?.reveal(id),
    () => this.selected !== null && this.select(null),
  );
  readonly #parts = new PartsController<Parts>(
    this,
    partLoaders(this, (intent) => this.#handleIntent(intent)),
    () => earlyParts(this.layout, this.refresh),
  );
  #pendingLoadEvent = false;
  /** After an update of the data on show: puts the reader's event back where it was in the viewport. */
  #restorePlace?: () => void;
  /** The events the filters let through. */
  readonly #shown = new FilteredEvents<TimelineEvent>();
  /** The layout shown at this update. */
  #layout: ShownLayout = 'axis';
  /** The parts this update cannot be drawn without; `updateComplete` waits for them. */
  #needed: (ShownLayout | 'detail' | 'errors' | 'live')[] = [];

  /** The parsed timeline on display, or `null` while loading, when empty or when there is only an error to show. */
  get timeline(): Timeline | null {
    return this.#loader.timeline;
  }

  /**
   * The problems of the last load, each with a JSON Pointer `path`: why it failed (the data shown before stays), or
   * the events it left out; empty when all went well.
   */
  get errors(): readonly TimelineError[] {
    return this.#loader.errors;
  }

  /** The visible range of the axis as ISO 8601 text, or `null` when no axis is shown. */
  get visibleRange(): { start: string; end: string } | null {
    return this.timeline && this.#layout === 'axis' ? (this.#axis?.visibleRange() ?? null) : null;
  }

  /** The layout in effect: `axis`, `list` or `story`. */
  get effectiveLayout(): ShownLayout {
    return this.#layout;
  }

  /** The locale in effect: `locale`, else the nearest `lang` around the element, else the browser's. */
  get effectiveLocale(): string {
    return this.#localization.locale || this.#localization.resolve();
  }

  /** The events the filters let through, in chronological order. */
  get shownEvents(): readonly TimelineEvent[] {
    return this.#shown.events;
  }

  get #messages() {
    return this.#localization.messages;
  }

  /** The axis, once its part has arrived. */
  get #axis() {
    return this.#parts.get('axis')?.renderer;
  }

  /** The layout shown, once its part has arrived. */
  get #renderer(): LayoutRenderer | undefined {
    return this.#parts.get(this.#layout)?.renderer;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('data') || changed.has('src') || changed.has('timeout')) this.#loader.load();
    if (changed.has('view') || changed.has('spacing') || changed.has('breaks')) this.#axis?.resetView();
    this.#shown.of(this.timeline?.events ?? [], this.filters);
  }

  /**
   * The one snapshot of this update, the layout it is drawn in and the parts that needs. Here rather than in
   * willUpdate: the controllers have settled this update's language and tab stop (their hostUpdate runs between the
   * two), and render only draws.
   */
  protected override update(changed: PropertyValues<this>): void {
    const { timeline } = this;
    const snapshot = timeline && this.#snapshotOf(timeline);
    const axis = this.#parts.get('axis');
    this.#layout = chooseLayout({
      requested: this.layout,
      printing: this.#print.printing,
      widthPx: this.#size.width,
      eventCount: this.shownEvents.length,
      // Unknown until the axis's part has arrived: the axis is wanted meanwhile.
      fits: () => (snapshot && axis ? axis.firstViewFits(snapshot) : undefined),
    });
    const state = this.#loader.state;
    const skipped = Boolean(this.#loader.shown?.skipped);
    this.#needed = [
      ...(timeline ? [this.#layout] : []),
      ...(this.selected !== null || this.#print.printing ? (['detail'] as const) : []),
      ...(state === 'error' || skipped ? (['errors'] as const) : []),
      ...(skipped ? (['live'] as const) : []),
    ];
    this.#parts.want(...this.#needed);
    if (snapshot) this.#renderer?.update(snapshot);
    super.update(changed);
  }

  #snapshotOf(timeline: Timeline): LayoutSnapshot {
    const { events, positions } = this.#shown;
    const focus = this.#roving.focusId;
    const labels = this.#localization.labels;
    const renderBody = this.#parts.get('detail');
    const selected = this.selected === null ? undefined : events[positions.get(this.selected) ?? -1];
    const open = this.#print.printing ? events : selected ? [selected] : [];
    return {
      timeline,
      events,
      selected: this.selected,
      focusId: focus !== null && positions.has(focus) ? focus : null,
      locale: this.effectiveLocale,
      messages: this.#messages,
      rtl: this.#localization.isRtl,
      labels,
      linkPrefix: this.#selection.linkPrefix,
      bodies: new Map(
        renderBody
          ? open.map((event) => [event.id, renderBody(event, this.#messages, (span) => labels.span(span))])
          : [],
      ),
      printing: this.#print.printing,
      font: this.#localization.font,
      widthPx: Math.max(this.#size.width || 800, 200),
      maxLanes: Math.max(1, Math.floor(this.maxLanes) || 1),
      spacing: this.spacing,
      breaks: this.breaks,
      groupRows: this.groupRows,
      view: this.view,
    };
  }

  /**
   * Resolves once the element has settled, including the parts it is drawn with, which are loaded on demand: after
   * `select(id)`, `await el.updateComplete` finds the event's content there.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let settled = await super.getUpdateComplete();
    while (this.#needed.some((name) => !this.#parts.get(name))) {
      await this.#parts.arrival(this.#needed);
      settled = await super.getUpdateComplete();
    }
    return settled;
  }

  protected override updated(): void {
    this.#restorePlace?.();
    this.#restorePlace = undefined;
    const timeline = this.timeline;
    if (this.#pendingLoadEvent && timeline && this.#renderer) {
      this.#pendingLoadEvent = false;
      emit(this, 'date-line-load', { timeline });
      // An open event's content is a part of its own; fetched when the page is idle, it is there when a reader
      // opens an event, or prints, which opens every event at once in the list and cannot wait.
      this.#parts.prefetch('detail', 'list');
    }
  }

  // ---------------------------------------------------------------- data

  #handleLoad({ change, timeline, errors, previous }: LoadOutcome): void {
    if (errors.length) {
      emit(this, 'date-line-error', { errors });
      // Readers see the story (the data kept, the valid events); the author hears of the rest here too.
      if (timeline)
        console.warn(`<date-line>: ${change === 'kept' ? 'kept the data shown' : 'left out events'}`, errors);
    }
    if (!timeline || change === 'kept') return;
    if (change === 'new') {
      this.#axis?.resetView();
      this.#roving.set(this.#eventById(this.selected)?.id ?? timeline.events[0]?.id ?? null);
    } else {
      // A newer version of the same story: the reader keeps their place, selection and focus.
      this.#restorePlace = this.#parts.get('live')?.keepPlace(this.shadowRoot);
      if (!this.#eventById(this.selected)) this.selected = null;
      const focus = this.#eventById(this.#roving.focusId) ?? this.#eventById(this.selected) ?? timeline.events[0];
      this.#roving.set(focus?.id ?? null);
      if (change === 'refresh') {
        // Its part is fetched when the element connects with refresh set: it is there by the first change.
        this.#parts.want('live');
        void this.#parts.arrival(['live']).then(() => {
          const { updateAnnouncement } = this.#parts.get('live')!;
          this.#live.announce(updateAnnouncement(previous, timeline, this.#liveWords()));
        });
      }
    }
    this.#pendingLoadEvent = true;
  }

  #eventById(id: string | null): TimelineEvent | undefined {
    return id === null ? undefined : this.timeline?.events.find((event) => event.id === id);
  }

  // ---------------------------------------------------------------- selection and focus

  /**
   * Selects the event with this id (or clears the selection with `null`), after firing a cancelable
   * `date-line-select`. Returns whether the selection changed.
   * @param id - The id of an event in the data, or `null`.
   */
  select(id: string | null): boolean {
    return this.#selection.select(id);
  }

  /** Selects the next event in time (the first when none is selected). */
  next(): boolean {
    return this.#step(1);
  }

  /** Selects the previous event in time (the last when none is selected). */
  previous(): boolean {
    return this.#step(-1);
  }

  #step(direction: 1 | -1): boolean {
    const target = this.#selection.adjacent(this.shownEvents, direction);
    const changed = target !== undefined && this.select(target.id);
    // Into the events' tab stop; a story's scene is not focused (its buttons keep the focus, as in a carousel).
    if (changed && this.#layout !== 'story' && this.shadowRoot?.activeElement)
      void this.#roving.focus(target.id, this.#layout !== 'axis');
    return changed;
  }

  /** What the reader asked of a layout. */
  #handleIntent(intent: LayoutIntent): void {
    switch (intent.type) {
      case 'press':
        this.#roving.set(intent.id);
        this.select(this.selected === intent.id ? null : intent.id);
        break;
      case 'select':
        this.select(intent.id);
        break;
      case 'step':
        this.#step(intent.direction);
        break;
      case 'range-change':
        emit(this, 'date-line-range-change', intent.range);
        this.#live.announce(fill(this.#messages.announceRange, { range: intent.label }));
        break;
    }
  }

  #handleKeydown(keyEvent: KeyboardEvent): void {
    if (keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey) return;
    if (this.#renderer?.handleKey?.(keyEvent)) return keyEvent.preventDefault();
    this.#roving.handleKeydown(keyEvent, {
      events: this.shownEvents,
      rtl: this.#localization.isRtl,
      scroll: this.#layout !== 'axis',
    });
  }

  #handleFiltersChange(filters: DateLineFilters): void {
    this.filters = filters;
    this.#shown.of(this.timeline?.events ?? [], filters);
    if (this.selected !== null && !this.#shown.positions.has(this.selected)) this.select(null);
  }

  // ---------------------------------------------------------------- the axis

  /** Zooms the axis in around the focused event (or the middle of the view). */
  zoomIn(): void {
    this.#axis?.zoomBy(ZOOM_STEP, this.#roving.focusId);
  }

  /** Zooms the axis out around the focused event (or the middle of the view). */
  zoomOut(): void {
    this.#axis?.zoomBy(1 / ZOOM_STEP, this.#roving.focusId);
  }

  /** Shows every event (that the filters let through) on the axis. */
  fit(): void {
    this.#axis?.fit();
  }

  /**
   * Shows the time from `start` to `end` on the axis: dates in the data's format ("2017", "2017-03-09") or
   * `Date`s. With even spacing, the window is placed between the events around those dates.
   * @param start - The first date to show.
   * @param end - The last date to show.
   */
  zoomTo(start: string | Date, end: string | Date): void {
    this.#axis?.zoomTo(start, end);
  }

  // ---------------------------------------------------------------- rendering

  override render(): TemplateResult {
    const state = this.#loader.state;
    // The page's own list (an html embed) stays on show while the element reads it and while the part that draws
    // its layout arrives: no blank in between, and the page does not move until the element has what replaces it.
    const waiting = state === 'loading' || (state === 'ready' && !this.#renderer);
    if (waiting && this.#loader.listChild) return html`<slot></slot>`;
    switch (state) {
      case 'loading':
        return html`<p class="status" part="status" role="status">${this.#messages.loading}</p>`;
      case 'error':
        return renderErrorBox(this.#messages, this.errors, this.#parts.get('errors')?.renderErrorList);
      case 'empty':
        return html`<p class="status" part="status">${this.#messages.noEvents}</p>`;
      case 'ready':
        return this.#renderTimeline(this.timeline!);
    }
  }

  #renderTimeline(timeline: Timeline): TemplateResult {
    const messages = this.#messages;
    const titled = Boolean(timeline.title);
    const renderer = this.#renderer;
    const filterPanel = this.#parts.get('filters');
    // The story's title scene shows the title and description.
    const story = this.#layout === 'story';
    return html`
      <section
        class="base layout-${this.#layout}"
        part="base"
        aria-labelledby=${titled && !story ? 'title' : nothing}
        aria-label=${titled ? (story ? timeline.title : nothing) : messages.timeline}
        lang=${timeline.locale ?? nothing}
        @keydown=${this.#handleKeydown}
      >
        ${story ? nothing : renderHeader(timeline)}
        ${renderToolbar({
          timeline,
          messages,
          filters: this.filters,
          filterPanel:
            filterPanel?.(timeline, {
              filters: this.filters,
              messages,
              locale: this.effectiveLocale,
              onChange: (filters) => this.#handleFiltersChange(filters),
            }) ?? nothing,
          tools: renderer?.renderTools?.() ?? nothing,
          onFiltersToggle: (open) => open && this.#parts.want('filters'),
        })}
        ${
          this.shownEvents.length === 0
            ? html`<p class="status" part="status">${messages.noEvents}</p>`
            : (renderer?.render() ??
              // Holds the layout's place while its part loads, so the page does not jump when it arrives.
              html`<div class="axis-placeholder" part=${this.#layout === 'list' ? 'events' : this.#layout}></div>`)
        }
        ${this.#renderSkippedNotice()} ${this.#live.render()}
      </section>
    `;
  }

  /** The notice of events left out for their problems, once its parts have arrived (wanted when there are). */
  #renderSkippedNotice(): TemplateResult | typeof nothing {
    return (
      (this.#parts.get('errors') &&
        this.#parts.get('live')?.renderSkippedNotice(this.#loader.shown, this.#liveWords())) ||
      nothing
    );
  }

  #liveWords() {
    return liveWords(this.#messages, this.effectiveLocale, this.#parts.get('errors')?.renderProblem);
  }
}
