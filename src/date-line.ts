import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
// The locale controller before the load controller: in the other order the bundler splits the date code out of the
// script-tag file into a chunk that it imports (which scripts/size.mjs refuses), for no reason it gives.
import { LocaleController } from './controllers/locale-controller.js';
import { LoadController, type LoadOutcome } from './controllers/load-controller.js';
import { PrintController } from './controllers/print-controller.js';
import { RovingFocusController, ZOOM_STEP } from './controllers/roving-focus-controller.js';
import { SelectionController } from './controllers/selection-controller.js';
import { SizeController } from './controllers/size-controller.js';
import { styles } from './date-line.styles.js';
import { emit } from './emit.js';
import { fill } from './i18n/messages.js';
import { DEFAULT_TIMEOUT } from './load.js';
import type { Timeline, TimelineError, TimelineEvent } from './model/types.js';
import type { Spacing } from './scale/coords.js';
import type { AxisIntent, AxisRenderer } from './view/axis.js';
import { filterEvents, type DateLineFilters } from './model/filters.js';
import { ListWindowing, renderList } from './view/list.js';
import { loadOnce, OnDemand } from './view/on-demand.js';
import { renderErrors, renderHeader, renderToolbar } from './view/frame.js';
import { keepPlace, renderSkippedNotice, updateAnnouncement } from './view/live-data.js';

export type { DateLineFilters } from './model/filters.js';
export type Layout = 'auto' | 'axis' | 'list';

/** Below this width (CSS px of the element itself), `layout="auto"` shows the list. */
const AXIS_MIN_WIDTH = 600;
/** The parts loaded on demand, fetched once for every instance on the page. */
const loadAxis = loadOnce(() => import('./view/axis.js'));
const loadFilters = loadOnce(() => import('./view/filters.js'));

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

  /**
   * Seconds between refreshes of `src` while the page is visible; off when unset or 0 (at least one second).
   * Each is a conditional request: an unchanged file costs a 304 and changes nothing, a changed one keeps the
   * reader's place, is announced and fires `date-line-load` again, and a failed one keeps what is shown and
   * doubles the wait before the next (up to sixteen intervals).
   * @type {number | undefined}
   */
  @property({ type: Number }) refresh?: number;

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

  private readonly size = new SizeController(this);
  private readonly localization = new LocaleController(this);
  private readonly print = new PrintController(this);
  private readonly loader = new LoadController(this, (result) => this.handleLoad(result));
  private readonly selection = new SelectionController(this, {
    find: (id) => this.loader.timeline?.events.find((event) => event.id === id),
    selected: (event) => {
      this.roving.set(event.id);
      this.announce(fill(this.messages.announceSelect, { date: this.dateLabel(event), title: event.title }));
      this.bringIntoView(event.id);
    },
  });
  private readonly roving = new RovingFocusController(this, (id) => this.bringIntoView(id), {
    zoom: (factor) => this.axisNow()?.zoomBy(factor),
    fit: () => this.fit(),
    page: (direction) => this.axisNow()?.page(direction),
    close: () => this.selected !== null && this.select(null),
  });
  /** What the polite live region says, briefly, after a selection or a zoom. */
  private announcement = '';
  private pendingLoadEvent = false;
  /** After an update of the data on show: puts the reader's event back where it was in the viewport. */
  private restorePlace?: () => void;
  /** The events the filters let through, and what they were computed from. */
  private shown: { timeline: Timeline | null; filters?: DateLineFilters; events: readonly TimelineEvent[] } = {
    timeline: null,
    events: [],
  };
  /** The axis and the filter panel: each its own module, loaded when first wanted. */
  private readonly axisPart = new OnDemand(this, loadAxis, ({ AxisRenderer, axisStyles }) => ({
    part: new AxisRenderer(this, (intent) => this.handleAxisIntent(intent)),
    styles: axisStyles,
  }));
  private readonly filterPart = new OnDemand(this, loadFilters, ({ renderFilterPanel, filterStyles }) => ({
    part: renderFilterPanel,
    styles: filterStyles,
  }));
  private readonly listWindowing = new ListWindowing(this, () => this.indexOf(this.roving.focusId));

  /** The parsed timeline on display, or `null` while loading, when empty or when there is only an error to show. */
  get timeline(): Timeline | null {
    return this.loader.timeline;
  }

  /**
   * The problems of the last load, each with a JSON Pointer `path`: why it failed (the data shown before stays), or
   * the events it left out; empty when all went well.
   */
  get errors(): readonly TimelineError[] {
    return this.loader.errors;
  }

  /** The visible range of the axis as ISO 8601 text, or `null` when no axis is shown. */
  get visibleRange(): { start: string; end: string } | null {
    return this.timeline && this.effectiveLayout === 'axis' ? (this.axisNow()?.visibleRange() ?? null) : null;
  }

  /** The layout in effect: `axis` or `list`. */
  get effectiveLayout(): 'axis' | 'list' {
    if (this.print.printing) return 'list';
    if (this.layout === 'axis' || this.layout === 'list') return this.layout;
    return this.size.width > 0 && this.size.width < AXIS_MIN_WIDTH ? 'list' : 'axis';
  }

  /** The locale in effect: `locale`, else the nearest `lang` around the element, else the browser's. */
  get effectiveLocale(): string {
    return this.localization.locale || this.localization.resolve();
  }

  /** The events the filters let through, in chronological order. */
  get shownEvents(): readonly TimelineEvent[] {
    return this.shown.events;
  }

  private get messages() {
    return this.localization.messages;
  }

  private dateLabel(event: TimelineEvent): string {
    return this.localization.dateLabel(event);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Fetch the axis alongside the data rather than after it, whenever the page is wide enough to show it.
    if (this.layout !== 'list' && window.innerWidth >= AXIS_MIN_WIDTH) this.axisPart.want();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('data') || changed.has('src') || changed.has('timeout')) this.loader.load();
    if (changed.has('view') || changed.has('spacing')) this.axisPart.value?.resetView();
    if (changed.has('selected') && this.selected !== null && this.eventById(this.selected))
      this.roving.set(this.selected);
    this.updateShown();
  }

  protected override updated(): void {
    this.restorePlace?.();
    this.restorePlace = undefined;
    const timeline = this.timeline;
    if (this.pendingLoadEvent && timeline && (this.axisPart.value || this.effectiveLayout === 'list')) {
      this.pendingLoadEvent = false;
      emit(this, 'date-line-load', { timeline });
      this.selection.followLink();
    }
  }

  // ---------------------------------------------------------------- data

  private handleLoad({ change, timeline, errors, previous }: LoadOutcome): void {
    if (errors.length) {
      emit(this, 'date-line-error', { errors });
      // Readers see the story (the data kept, the valid events); the author hears of the rest here too.
      if (timeline)
        console.warn(`<date-line>: ${change === 'kept' ? 'kept the data shown' : 'left out events'}`, errors);
    }
    if (!timeline || change === 'kept') return;
    if (change === 'new') {
      this.axisPart.value?.resetView();
      this.roving.set(this.eventById(this.selected)?.id ?? timeline.events[0]?.id ?? null);
    } else {
      // A newer version of the same story: the reader keeps their place, selection and focus.
      this.restorePlace = keepPlace(this.shadowRoot);
      if (!this.eventById(this.selected)) this.selected = null;
      const focus = this.eventById(this.roving.focusId) ?? this.eventById(this.selected) ?? timeline.events[0];
      this.roving.set(focus?.id ?? null);
      if (change === 'refresh')
        this.announce(updateAnnouncement(previous, timeline, this.messages, this.effectiveLocale));
    }
    this.pendingLoadEvent = true;
  }

  /** An event's position among the shown events, or -1. */
  private indexOf(id: string | null): number {
    return this.shownEvents.findIndex((event) => event.id === id);
  }

  private eventById(id: string | null): TimelineEvent | undefined {
    return id === null ? undefined : this.timeline?.events.find((event) => event.id === id);
  }

  /** Applies the filters; the result keeps its identity until the data or the filters change. */
  private updateShown(): void {
    const { timeline, filters } = this;
    if (this.shown.timeline !== timeline || this.shown.filters !== filters)
      this.shown = { timeline, filters, events: filterEvents(timeline?.events ?? [], filters) };
  }

  // ---------------------------------------------------------------- selection and focus

  /**
   * Selects the event with this id (or clears the selection with `null`), after firing a cancelable
   * `date-line-select`. Returns whether the selection changed.
   * @param id - The id of an event in the data, or `null`.
   */
  select(id: string | null): boolean {
    return this.selection.select(id);
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
    const target = this.selection.adjacent(this.shownEvents, direction);
    const changed = target !== undefined && this.select(target.id);
    if (changed && this.shadowRoot?.activeElement) void this.focusEvent(target.id);
    return changed;
  }

  private focusEvent(id: string): Promise<void> {
    return this.roving.focus(id, this.effectiveLayout !== 'axis');
  }

  /** Brings an event into the drawn part of the axis or of a windowed list. */
  private bringIntoView(id: string): void {
    if (this.effectiveLayout === 'axis') this.axisNow()?.reveal(id);
    else this.listWindowing.include(this.indexOf(id));
  }

  private announce(text: string): void {
    this.announcement = text;
    this.requestUpdate();
  }

  private handlePress(event: TimelineEvent): void {
    this.roving.set(event.id);
    this.select(this.selected === event.id ? null : event.id);
  }

  private handleKeydown(keyEvent: KeyboardEvent): void {
    this.roving.handleKeydown(keyEvent, {
      events: this.shownEvents,
      rtl: this.localization.isRtl,
      axis: this.effectiveLayout === 'axis',
    });
  }

  // ---------------------------------------------------------------- filters

  private handleFiltersChange(filters: DateLineFilters): void {
    this.filters = filters;
    this.updateShown();
    if (this.selected && !this.shownEvents.some((event) => event.id === this.selected)) this.select(null);
  }

  // ---------------------------------------------------------------- the axis

  /** The axis, with the element's latest state handed over; undefined until its module has loaded. */
  private axisNow(): AxisRenderer | undefined {
    const axis = this.axisPart.value;
    const { timeline } = this;
    if (!axis || !timeline) return undefined;
    axis.update({
      timeline,
      events: this.shownEvents,
      selected: this.selected,
      focusId: this.roving.focusId,
      locale: this.effectiveLocale,
      messages: this.messages,
      rtl: this.localization.isRtl,
      widthPx: Math.max(this.size.width || 800, 200),
      spacing: this.spacing,
      groupRows: this.groupRows,
      view: this.view,
      dateLabel: (event) => this.dateLabel(event),
      linkTo: (id) => this.selection.linkTo(id),
    });
    return axis;
  }

  /** What the reader asked of the axis. */
  private handleAxisIntent(intent: AxisIntent): void {
    switch (intent.type) {
      case 'press':
        this.handlePress(this.eventById(intent.id)!);
        break;
      case 'select':
        this.select(intent.id);
        break;
      case 'step':
        this.step(intent.direction);
        break;
      case 'range-change':
        emit(this, 'date-line-range-change', intent.range);
        this.announce(fill(this.messages.announceRange, { range: intent.label }));
        break;
    }
  }

  /** Zooms the axis in around the focused event (or the middle of the view). */
  zoomIn(): void {
    this.axisNow()?.zoomBy(ZOOM_STEP);
  }

  /** Zooms the axis out around the focused event (or the middle of the view). */
  zoomOut(): void {
    this.axisNow()?.zoomBy(1 / ZOOM_STEP);
  }

  /** Shows every event (that the filters let through) on the axis. */
  fit(): void {
    this.axisNow()?.fit();
  }

  /**
   * Shows the time from `start` to `end` on the axis: dates in the data's format ("2017", "2017-03-09") or
   * `Date`s. With even spacing, the window is placed between the events around those dates.
   * @param start - The first date to show.
   * @param end - The last date to show.
   */
  zoomTo(start: string | Date, end: string | Date): void {
    this.axisNow()?.zoomTo(start, end);
  }

  // ---------------------------------------------------------------- rendering

  override render(): TemplateResult {
    switch (this.loader.state) {
      case 'loading':
        return html`<p class="status" part="status" role="status">${this.messages.loading}</p>`;
      case 'error':
        return renderErrors(this.errors, this.messages);
      case 'empty':
        return html`<p class="status" part="status">${this.messages.noEvents}</p>`;
      case 'ready':
        return this.renderTimeline(this.timeline!);
    }
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
        ${renderHeader(timeline)}
        ${renderToolbar({
          timeline,
          layout,
          messages,
          filters: this.filters,
          filterPanel:
            this.filterPart.value?.(timeline, {
              filters: this.filters,
              messages,
              locale: this.effectiveLocale,
              onChange: (filters) => this.handleFiltersChange(filters),
            }) ?? nothing,
          legend: (layout === 'axis' && !this.groupRows && this.axisNow()?.renderLegend()) || nothing,
          onZoom: (action) => (action === 'in' ? this.zoomIn() : action === 'out' ? this.zoomOut() : this.fit()),
          onFiltersToggle: (open) => open && this.filterPart.want(),
        })}
        ${
          this.shownEvents.length === 0
            ? html`<p class="status" part="status">${messages.noEvents}</p>`
            : layout === 'axis'
              ? this.renderAxis()
              : this.renderList()
        }
        ${renderSkippedNotice(this.loader.shown, messages, this.effectiveLocale)}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
    `;
  }

  private renderAxis(): TemplateResult {
    const axis = this.axisNow();
    if (axis) return axis.render();
    this.axisPart.want();
    // Holds the axis's place while its module loads, so the page does not jump when it arrives.
    return html`<div class="axis-placeholder" part="axis"></div>`;
  }

  private renderList(): TemplateResult {
    const events = this.shownEvents;
    return renderList({
      events,
      // Long lists render a window of events; printing renders them all.
      ...this.listWindowing.range(events.length, this.print.printing),
      selected: this.selected,
      tabStop: this.roving.tabStopIn(events),
      allOpen: this.print.printing,
      locale: this.effectiveLocale,
      messages: this.messages,
      dateLabel: (event) => this.dateLabel(event),
      linkTo: (id) => this.selection.linkTo(id),
      onPress: (event) => this.handlePress(event),
    });
  }
}
