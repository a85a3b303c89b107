import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { styles } from './date-line.styles.js';
import type { DateLineSelectDetail } from './events.js';
import { DEFAULT_TIMEOUT, fetchTimelineText } from './load.js';
import { htmlDatetime } from './model/dates.js';
import { formatSpan } from './model/format.js';
import { parseSource } from './model/import/source.js';
import { parseTimeline } from './model/parse.js';
import { isSafeLink } from './model/rich-text.js';
import type { Timeline, TimelineError, TimelineEvent, TimelineSource } from './model/types.js';
import { fill, messagesFor, type Messages } from './i18n/messages.js';
import { richText, richTextInline } from './view/rich-text.js';

type LoadState = 'empty' | 'loading' | 'ready' | 'error';

/** How many errors the error box lists before it says "and N more". */
const ERRORS_SHOWN = 5;

/**
 * An accessible, interactive timeline of dated events, from JSON that data/timeline.schema.json describes.
 *
 * Data comes from, in order of precedence: the `data` property, the `src` attribute, or an inline
 * `<script type="application/json">` child.
 *
 * @summary An embeddable, accessible timeline of dated, sourced events.
 *
 * @fires {DateLineSelectEvent} date-line-select - Before the selection changes (cancelable). `detail: { id, event }`.
 * @fires {DateLineLoadEvent} date-line-load - When data has been parsed and first rendered. `detail: { timeline }`.
 * @fires {DateLineErrorEvent} date-line-error - When data cannot be loaded or is invalid. `detail: { errors: [{ path, message }] }`.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart header - The title and description.
 * @csspart title - The timeline's title.
 * @csspart events - The ordered list of events.
 * @csspart event - One event in the list.
 * @csspart detail - The open event's summary, media and sources.
 * @csspart status - The loading and empty messages.
 * @csspart error - The box that explains invalid data or a failed load.
 *
 * @cssprop [--date-line-font-family=inherit] - Font of all text.
 * @cssprop [--date-line-font-size=1rem] - Base font size; everything scales with it.
 * @cssprop [--date-line-color-text=#1b1b1f] - Main text colour.
 * @cssprop [--date-line-color-muted=#5b5e66] - Dates, captions and secondary text.
 * @cssprop [--date-line-color-background=transparent] - Background of the element.
 * @cssprop [--date-line-color-surface=#f6f6f4] - Background of hovered and open events.
 * @cssprop [--date-line-color-rule=#d5d6d9] - Lines: the rail, separators.
 * @cssprop [--date-line-color-accent=#b42318] - Markers and the selected event.
 * @cssprop [--date-line-color-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--date-line-color-link=#1f4fbf] - Links.
 * @cssprop [--date-line-color-focus=#1f6feb] - The keyboard focus ring.
 * @cssprop [--date-line-radius=6px] - Corner radius.
 * @cssprop [--date-line-spacing=1rem] - Base spacing.
 */
export class DateLine extends LitElement {
  static override styles = styles;

  /**
   * Defines `<date-line>` (or another tag name) in a registry, once. Importing `date-line` does this for you;
   * `date-line/element` gives the class alone for custom tag names or scoped registries.
   */
  static define(tagName = 'date-line', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tagName)) registry.define(tagName, tagName === 'date-line' ? this : class extends this {});
  }

  /** URL of a timeline JSON file to load, relative to the page. */
  @property() src?: string;

  /** A timeline object (the same shape as the JSON), or JSON text. Takes precedence over `src`. */
  @property({ attribute: false }) data?: unknown;

  /** The id of the selected event; reflects to the attribute. */
  @property({ reflect: true }) selected: string | null = null;

  /** BCP 47 language tag for dates and interface text. Default: the `lang` of the page around the element. */
  @property() locale?: string;

  /** Milliseconds to wait for `src` before giving up with an error. */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;

  /** `light` or `dark`; unset follows the reader's `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  @state() private loadState: LoadState = 'empty';
  @state() private parsed: Timeline | null = null;
  @state() private loadErrors: TimelineError[] = [];
  /** Index of the event that holds the list's single tab stop (roving tabindex). */
  @state() private focusIndex = 0;
  /** What the polite live region says, briefly, after a selection. */
  @state() private announcement = '';

  private fetchController?: AbortController;
  private childObserver?: MutationObserver;
  private pendingLoadEvent = false;

  /** The parsed timeline on display, or `null` while loading, when empty or when the data is invalid. */
  get timeline(): Timeline | null {
    return this.parsed;
  }

  /** The errors of the last load, each with a JSON Pointer `path`; empty when the data is valid. */
  get errors(): readonly TimelineError[] {
    return this.loadErrors;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // An inline <script type="application/json"> may be parsed after the element is upgraded (a classic script
    // in <head>), and a CMS may swap it later: watch the children instead of reading them once.
    this.childObserver = new MutationObserver(() => {
      if (this.data === undefined && !this.src) this.loadData();
    });
    this.childObserver.observe(this, { childList: true, subtree: true, characterData: true });
    if (this.hasUpdated) this.loadData();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver?.disconnect();
    this.childObserver = undefined;
    this.fetchController?.abort();
    this.fetchController = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('data') || changed.has('src') || changed.has('timeout')) this.loadData();
    if (changed.has('selected') && this.parsed) {
      const index = this.parsed.events.findIndex((event) => event.id === this.selected);
      if (index >= 0) this.focusIndex = index;
    }
  }

  protected override updated(): void {
    if (this.pendingLoadEvent && this.parsed) {
      this.pendingLoadEvent = false;
      this.emit('date-line-load', { timeline: this.parsed });
    }
  }

  /** The locale in effect: `locale`, else the nearest `lang` around the element, else the browser's. */
  get effectiveLocale(): string {
    const candidate =
      this.locale ||
      this.closest('[lang]')?.getAttribute('lang') ||
      document.documentElement.lang ||
      navigator.language ||
      'en';
    try {
      return Intl.getCanonicalLocales(candidate)[0] ?? 'en';
    } catch {
      return 'en';
    }
  }

  private get messages(): Messages {
    return messagesFor(this.effectiveLocale);
  }

  /** Picks the data source by precedence and loads it; a newer call cancels an older request. */
  private loadData(): void {
    this.fetchController?.abort();
    this.fetchController = undefined;
    if (this.data !== undefined) {
      this.accept(parseTimeline(this.data));
    } else if (this.src) {
      void this.fetchSrc(this.src);
    } else {
      const script = this.querySelector(':scope > script[type="application/json"]');
      const list = this.querySelector(':scope > ol');
      if (script) this.accept(parseTimeline(script.textContent ?? ''));
      else if (list) {
        // A light-DOM list (progressive enhancement): its reader is a separate chunk, like the importers. The
        // controller marks this load as the current one, so a newer source wins the race.
        const controller = new AbortController();
        this.fetchController = controller;
        this.loadState = 'loading';
        void import('./view/light-dom.js')
          .then(({ readLightDomList }) => parseTimeline(readLightDomList(list, this)))
          .catch((error: unknown) => ({ timeline: null, errors: [{ path: '', message: String(error) }] }))
          .then((parsed) => {
            if (this.fetchController !== controller) return;
            this.fetchController = undefined;
            this.accept(parsed);
          });
      } else this.setEmpty();
    }
  }

  private async fetchSrc(src: string): Promise<void> {
    const controller = new AbortController();
    this.fetchController = controller;
    this.loadState = 'loading';
    const result = await fetchTimelineText(src, document.baseURI, { signal: controller.signal, timeout: this.timeout });
    if (controller.signal.aborted || this.fetchController !== controller) return; // a newer source won
    // CSV and TimelineJS files are converted first (by importers fetched only then); JSON is parsed as it is.
    const parsed = result.ok
      ? await parseSource(result.text, { contentType: result.contentType, name: result.url })
      : { timeline: null, errors: result.errors };
    if (controller.signal.aborted || this.fetchController !== controller) return;
    this.fetchController = undefined;
    this.accept(parsed);
  }

  private setEmpty(): void {
    this.parsed = null;
    this.loadErrors = [];
    this.loadState = 'empty';
  }

  private accept({ timeline, errors }: { timeline: Timeline | null; errors: TimelineError[] }): void {
    this.parsed = timeline;
    this.loadErrors = errors;
    if (!timeline) {
      this.loadState = 'error';
      this.emit('date-line-error', { errors });
      return;
    }
    this.loadState = 'ready';
    const selectedIndex = timeline.events.findIndex((event) => event.id === this.selected);
    this.focusIndex = Math.max(0, selectedIndex);
    this.pendingLoadEvent = true;
  }

  private emit<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  private eventById(id: string | null): TimelineEvent | undefined {
    return id === null ? undefined : this.parsed?.events.find((event) => event.id === id);
  }

  /**
   * Selects the event with this id (or clears the selection with `null`), after firing a cancelable
   * `date-line-select`. Returns whether the selection changed.
   */
  select(id: string | null): boolean {
    const event = this.eventById(id) ?? null;
    if (id !== null && !event) return false;
    if (id === this.selected) return false;
    const detail: DateLineSelectDetail = { id, event };
    if (!this.emit('date-line-select', detail, true)) return false;
    this.selected = id;
    if (event) {
      this.focusIndex = event.index;
      this.announcement = fill(this.messages.announceSelect, { date: this.dateLabel(event), title: event.title });
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
    const events = this.parsed?.events;
    if (!events?.length) return false;
    const current = this.eventById(this.selected);
    const index = current ? current.index + direction : direction === 1 ? 0 : events.length - 1;
    if (index < 0 || index >= events.length) return false;
    const changed = this.select(events[index].id);
    if (changed && this.shadowRoot?.activeElement) void this.focusEvent(index);
    return changed;
  }

  private async focusEvent(index: number): Promise<void> {
    this.focusIndex = index;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>(`[data-index="${index}"] .event-button`)?.focus();
  }

  private dateLabel(event: TimelineEvent): string {
    return event.displayDate ?? formatSpan(event.date, this.effectiveLocale);
  }

  private handleEventClick(event: TimelineEvent): void {
    this.focusIndex = event.index;
    this.select(this.selected === event.id ? null : event.id);
  }

  private handleListKeydown(keyEvent: KeyboardEvent): void {
    const events = this.parsed?.events;
    if (!events?.length || keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
    };
    let index: number | undefined;
    if (keyEvent.key in moves) index = Math.min(events.length - 1, Math.max(0, this.focusIndex + moves[keyEvent.key]));
    else if (keyEvent.key === 'Home') index = 0;
    else if (keyEvent.key === 'End') index = events.length - 1;
    else if (keyEvent.key === 'Escape' && this.selected !== null) {
      keyEvent.preventDefault();
      this.select(null);
      return;
    }
    if (index === undefined) return;
    keyEvent.preventDefault();
    void this.focusEvent(index);
  }

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
    return html`
      <section
        class="base"
        part="base"
        aria-labelledby=${titled ? 'title' : nothing}
        aria-label=${titled ? nothing : messages.timeline}
        lang=${timeline.locale ?? nothing}
      >
        ${
          titled || timeline.description
            ? html`<header part="header">
                ${titled ? html`<h2 class="title" id="title" part="title">${timeline.title}</h2>` : nothing}
                ${richText(timeline.description, 'description')}
              </header>`
            : nothing
        }
        ${
          timeline.events.length
            ? html`<ol
                class="events"
                part="events"
                aria-label=${fill(messages.eventList, { count: timeline.events.length })}
                @keydown=${this.handleListKeydown}
              >
                ${timeline.events.map((event) => this.renderEvent(event))}
              </ol>`
            : html`<p class="status" part="status">${messages.noEvents}</p>`
        }
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
    `;
  }

  private renderEvent(event: TimelineEvent): TemplateResult {
    const isSelected = event.id === this.selected;
    const datetime = htmlDatetime(event.date);
    const detailId = `detail-${event.index}`;
    return html`
      <li
        class="event ${isSelected ? 'is-selected' : ''} ${event.date.isInterval ? 'is-range' : ''}"
        part="event"
        data-id=${event.id}
        data-index=${event.index}
        style=${styleMap(event.group?.color ? { '--_group-color': event.group.color } : {})}
      >
        <span class="marker" aria-hidden="true"></span>
        <h3 class="event-heading">
          <button
            class="event-button"
            type="button"
            tabindex=${event.index === this.focusIndex ? 0 : -1}
            aria-expanded=${isSelected ? 'true' : 'false'}
            aria-controls=${isSelected ? detailId : nothing}
            @click=${() => this.handleEventClick(event)}
          >
            <time class="date" datetime=${datetime ?? nothing}>${this.dateLabel(event)}</time>
            <span class="event-title"
              ><span class="headline">${event.title}</span
              >${event.context ? html`<span class="badge" title=${this.messages.contextHint}>${this.messages.context}</span>` : nothing}</span
            >
            ${event.group ? html`<span class="group-label">${event.group.label}</span>` : nothing}
          </button>
        </h3>
        ${isSelected ? this.renderDetail(event, detailId) : nothing}
      </li>
    `;
  }

  private renderDetail(event: TimelineEvent, id: string): TemplateResult {
    const messages = this.messages;
    return html`
      <div class="detail" part="detail" id=${id}>
        ${event.dateNote ? html`<p class="date-note"><strong>${messages.aboutDate}:</strong> ${event.dateNote}</p>` : nothing}
        ${richText(event.summary, 'summary')} ${this.renderMedia(event)}
        ${
          event.sources.length
            ? html`<section class="sources" aria-label=${messages.sources}>
                <h4 class="sources-heading">${messages.sources}</h4>
                <ul>
                  ${event.sources.map((source) => this.renderSource(source))}
                </ul>
              </section>`
            : nothing
        }
      </div>
    `;
  }

  private renderSource(source: TimelineSource): TemplateResult {
    const meta = [
      source.publisher,
      source.author,
      source.parsedDate ? formatSpan(source.parsedDate, this.effectiveLocale) : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    const title =
      source.url && isSafeLink(source.url)
        ? html`<a href=${source.url} target="_blank" rel="noopener noreferrer">${source.title}</a>`
        : source.title;
    return html`<li>
      ${title}${meta ? html`<span class="source-meta">, ${meta}</span>` : nothing}${source.note ? html`<span class="source-meta">. ${source.note}</span>` : nothing}
    </li>`;
  }

  private renderMedia(event: TimelineEvent): TemplateResult | typeof nothing {
    const media = event.media;
    if (!media) return nothing;
    const caption =
      media.caption || media.credit
        ? html`<figcaption>
            ${richTextInline(media.caption)}${media.caption && media.credit ? ' ' : nothing}${media.credit ? html`<span class="credit">${richTextInline(media.credit)}</span>` : nothing}
          </figcaption>`
        : nothing;
    const type =
      media.type ??
      (/\.(avif|gif|jpe?g|png|svg|webp)(\?|#|$)/i.test(media.url)
        ? 'image'
        : /\.(mp4|webm|ogv)(\?|#|$)/i.test(media.url)
          ? 'video'
          : 'link');
    if (type === 'image') {
      return html`<figure>
        <img src=${media.url} alt=${media.alt ?? ''} loading="lazy" decoding="async" />${caption}
      </figure>`;
    }
    if (type === 'video' || type === 'audio') {
      return type === 'video'
        ? html`<figure>
            <video src=${media.url} controls preload="none" aria-label=${media.alt ?? event.title}></video>${caption}
          </figure>`
        : html`<figure>
            <audio src=${media.url} controls preload="none" aria-label=${media.alt ?? event.title}></audio>${caption}
          </figure>`;
    }
    return html`<figure>
      <a href=${media.url} target="_blank" rel="noopener noreferrer">${media.alt || media.url}</a>${caption}
    </figure>`;
  }
}
