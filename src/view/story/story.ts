/**
 * The story view (`layout="story"`): one scene at a time, as newsrooms tell a story in TimelineJS's slides. A
 * title scene first (the timeline's title, description and picture), then a scene per event in order, its media
 * large, and beneath them a time strip: the whole timeline as markers, which moves to any event. A part of its own,
 * loaded on demand like the axis and the list.
 *
 * It follows the WAI-ARIA carousel pattern, done as TimelineJS's users asked: a labelled group whose scenes are
 * groups named "Event 3 of 20"; previous and next are buttons that keep the focus; the strip is a slider; a change
 * is announced as one sentence (the position and the headline), never the whole scene; arrow keys move only while
 * the focus is inside the element; nothing moves on its own; the scene appears in 200 ms, or at once for readers
 * who prefer reduced motion. Only the current scene is in the page, so only its media can load, and only when the
 * reader asks (see view/media).
 *
 * The element hands it a snapshot and hears the reader's moves as `select` intents: the open event is the scene
 * (none: the title scene), so each move fires `date-line-select` and updates the deep link like any selection.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { styleMap } from '../../directives/style-map.js';
import { fill, type StoryWords } from '../../i18n/messages.js';
import { htmlDatetime } from '../../model/html-datetime.js';
import { formatNumber } from '../../model/format.js';
import type { TimelineEvent } from '../../model/types.js';
import { layoutStrip, nearestOnStrip, type StripLayout } from '../../scale/strip.js';
import { renderEventBody } from '../detail.js';
import { renderDateMarks } from '../event-button.js';
import { renderMedia } from '../media/media.js';
import { groupStyle } from '../group-style.js';
import { richText } from '../rich-text.js';
import { eventLink, type LayoutIntent, type LayoutRenderer, type LayoutSnapshot } from '../snapshot.js';

export { storyStyles } from './story.styles.js';
export { detailStyles } from '../detail.js';
export { eventButtonStyles } from '../event-button.js';

/** The story's words in English; other languages' tables carry theirs (Messages.story). */
const ENGLISH: StoryWords = {
  carousel: 'carousel',
  scene: 'slide',
  sceneLabel: 'Event {position} of {count}',
  introduction: 'Introduction',
  strip: 'Events in time',
  text: 'Text of the event',
};

/** How far a finger must travel sideways, in CSS px, for a swipe to move one scene. */
const SWIPE_PX = 48;
/** Scenes a Page Up or Page Down on the strip moves by. */
const PAGE_SCENES = 5;

/** The story of one element. Scene 0 is the title scene; scene i the (i-1)th shown event. */
export class StoryRenderer implements ReactiveController, LayoutRenderer {
  private snapshot!: LayoutSnapshot;
  private strip?: { events: readonly TimelineEvent[]; breaks: string; layout: StripLayout };
  /** Where a touch that may be a swipe began. */
  private swipe?: { id: number; x: number; y: number };
  /** Pictures already asked for ahead of their scene. */
  private readonly preloaded = new Set<string>();
  /** The scene element drawn last, and whether a frame has passed since (see fadeInNewScene). */
  private shownScene?: Element;
  private sceneSeen = false;

  /**
   * @param host - The element the story is drawn in.
   * @param report - Where the story sends the scene the reader moves to.
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly report: (intent: LayoutIntent) => void,
  ) {
    host.addController(this);
  }

  update(snapshot: LayoutSnapshot): void {
    this.snapshot = snapshot;
  }

  /** The current scene is always drawn. */
  reveal(): void {}

  private get words(): StoryWords {
    return { ...ENGLISH, ...this.snapshot.messages.story };
  }

  /** The scene on show: the open event's, or the title scene's when none is open (or it is filtered out). */
  private get current(): number {
    const { selected, events } = this.snapshot;
    return selected === null ? 0 : events.findIndex((event) => event.id === selected) + 1;
  }

  /** Moves to a scene (clamped to the story). */
  private go(scene: number): void {
    const { events } = this.snapshot;
    const target = Math.min(Math.max(scene, 0), events.length);
    if (target !== this.current) this.report({ type: 'select', id: target ? events[target - 1].id : null });
  }

  /** What the live region says when a scene opens: its position and headline, one sentence. */
  announcement(event: TimelineEvent | null): string {
    const { events, timeline, locale } = this.snapshot;
    const words = this.words;
    if (!event) return [words.introduction, timeline.title].filter(Boolean).join(': ');
    const position = events.indexOf(event) + 1;
    return `${this.sceneName(position, events.length, locale)}: ${event.title}`;
  }

  private sceneName(position: number, count: number, locale: string): string {
    return fill(this.words.sceneLabel, {
      position: formatNumber(position, locale),
      count: formatNumber(count, locale),
    });
  }

  /**
   * The left and right arrow keys (mirrored right to left) move one scene, wherever the focus is inside the
   * element; Home and End, Page Up and Page Down on the strip (see onStripKey).
   */
  handleKey(keyEvent: KeyboardEvent): boolean {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[keyEvent.key];
    if (!step) return false;
    this.go(this.current + (this.snapshot.rtl ? -step : step));
    return true;
  }

  hostUpdated(): void {
    // A scene's text that overflows its box becomes a focusable region, so that keyboards can scroll it
    // (TimelineJS#859); set here, where the box can be measured, rather than by another render.
    const text = this.host.shadowRoot?.querySelector<HTMLElement>('.scene-text');
    if (text) {
      const scrolls = text.scrollHeight > text.clientHeight + 1;
      text.toggleAttribute('tabindex', scrolls);
      if (scrolls) {
        text.tabIndex = 0;
        text.setAttribute('role', 'region');
        text.setAttribute('aria-label', this.words.text);
      } else {
        text.removeAttribute('role');
        text.removeAttribute('aria-label');
      }
    }
    this.fadeInNewScene();
    this.preloadNext();
  }

  /**
   * A scene that replaces one the reader has seen fades in briefly (200 ms), unless the reader asks for reduced
   * motion. The first scene painted does not, a deep link's included (it replaces the title scene before any
   * frame): a page's first view is painted at once, its largest paint not put off by a fade.
   */
  private fadeInNewScene(): void {
    const scene = this.host.shadowRoot?.querySelector('.scene');
    if (!scene || scene === this.shownScene) return;
    if (this.sceneSeen && !matchMedia('(prefers-reduced-motion: reduce)').matches)
      scene.animate({ opacity: [0, 1] }, { duration: 200, easing: 'ease-out' });
    this.shownScene = scene;
    this.sceneSeen = false;
    requestAnimationFrame(() => (this.sceneSeen = scene === this.shownScene));
  }

  /**
   * Asks ahead for the next scene's picture, when it is the page's own file: a reader moving on finds it there,
   * and no other site hears of a scene before the reader opens it.
   */
  private preloadNext(): void {
    const next = this.snapshot?.events[this.current];
    const media = next?.media;
    if (!media?.url || this.preloaded.has(media.url)) return;
    const url = new URL(media.url, document.baseURI);
    const image = media.type === 'image' || /\.(avif|gif|jpe?g|png|svg|webp)$/i.test(url.pathname);
    if (!image || url.origin !== location.origin) return;
    this.preloaded.add(media.url);
    new Image().src = url.href;
  }

  private stripLayout(): StripLayout {
    const { events, timeline, breaks } = this.snapshot;
    if (this.strip?.events !== events || this.strip.breaks !== breaks)
      this.strip = { events, breaks, layout: layoutStrip(events, timeline.eras, breaks) };
    return this.strip.layout;
  }

  private readonly onPointerDown = (pointer: PointerEvent): void => {
    if (pointer.pointerType !== 'mouse') this.swipe = { id: pointer.pointerId, x: pointer.clientX, y: pointer.clientY };
  };

  private readonly onPointerUp = (pointer: PointerEvent): void => {
    const start = this.swipe;
    this.swipe = undefined;
    if (!start || start.id !== pointer.pointerId) return;
    const dx = pointer.clientX - start.x;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < 2 * Math.abs(pointer.clientY - start.y)) return;
    // A finger moving left brings the next scene in (right to left, the previous one).
    this.go(this.current + (dx < 0 !== this.snapshot.rtl ? 1 : -1));
  };

  private readonly onStripClick = (click: MouseEvent): void => {
    const rect = (click.currentTarget as HTMLElement).getBoundingClientRect();
    const share = (click.clientX - rect.left) / rect.width;
    const { positions } = this.stripLayout();
    if (positions.length) this.go(nearestOnStrip(positions, this.snapshot.rtl ? 1 - share : share) + 1);
  };

  private readonly onStripKey = (keyEvent: KeyboardEvent): void => {
    const count = this.snapshot.events.length;
    const moves: Record<string, number> = {
      ArrowUp: this.current + 1,
      ArrowDown: this.current - 1,
      Home: 0,
      End: count,
      PageUp: this.current + PAGE_SCENES,
      PageDown: this.current - PAGE_SCENES,
    };
    if (!(keyEvent.key in moves)) return;
    keyEvent.preventDefault();
    this.go(moves[keyEvent.key]);
  };

  render(): TemplateResult {
    const { snapshot } = this;
    const { timeline, events, locale, messages } = snapshot;
    const words = this.words;
    const current = this.current;
    const event = current ? events[current - 1] : undefined;
    const name = event ? this.sceneName(current, events.length, locale) : words.introduction;
    const atStart = current === 0;
    const atEnd = current === events.length;
    return html`<div
      class="story"
      part="story"
      role="group"
      aria-roledescription=${words.carousel}
      aria-label=${timeline.title ?? messages.timeline}
    >
      <div class="stage" @pointerdown=${this.onPointerDown} @pointerup=${this.onPointerUp}>
        ${keyed(
          event?.id ?? '',
          html`<div
            class="scene ${(event ? event.media : timeline.media) ? 'has-media' : ''}"
            role="group"
            aria-roledescription=${words.scene}
            aria-label=${name}
            data-id=${event?.id ?? nothing}
            style=${styleMap(groupStyle(event?.group))}
          >
            ${this.renderScene(event)}
          </div>`,
        )}
      </div>
      <div class="controls">
        <button
          type="button"
          class="tool tool-text previous"
          aria-disabled=${atStart ? 'true' : 'false'}
          @click=${() => this.go(current - 1)}
        >
          <span aria-hidden="true">${snapshot.rtl ? '→' : '←'}</span> <span class="label">${messages.previous}</span>
        </button>
        <span class="position" aria-hidden="true"
          >${current ? `${formatNumber(current, locale)} / ${formatNumber(events.length, locale)}` : words.introduction}</span
        >
        <button
          type="button"
          class="tool tool-text next"
          aria-disabled=${atEnd ? 'true' : 'false'}
          @click=${() => this.go(current + 1)}
        >
          <span class="label">${messages.next}</span> <span aria-hidden="true">${snapshot.rtl ? '←' : '→'}</span>
        </button>
      </div>
      ${this.renderStrip(current, name, event)}
    </div>`;
  }

  /** A scene: the title scene's title, description and picture, or an event's media, date, headline and text. */
  private renderScene(event: TimelineEvent | undefined): TemplateResult {
    const { timeline, messages, labels, linkPrefix } = this.snapshot;
    const media = event ? event.media : timeline.media;
    // The scene's key (its event, or none for the title scene) keeps a player the reader started while it is shown.
    const large = media
      ? renderMedia(media, {
          key: event?.id ?? '',
          title: event?.title ?? timeline.title ?? messages.timeline,
          messages,
          size: 'large',
        })
      : nothing;
    return html`${large === nothing ? nothing : html`<div class="scene-media">${large}</div>`}
      <div class="scene-text">
        ${
          event
            ? html`<p class="scene-date">
                  <time datetime=${htmlDatetime(event.date) ?? nothing}>${labels.of(event)}</time>${renderDateMarks(
                    event,
                    messages,
                  )}${event.context ? html` <span class="badge" title=${messages.contextHint}>${messages.context}</span>` : nothing}${
                    event.group ? html` · <span class="scene-group">${event.group.label}</span>` : nothing
                  }
                </p>
                <h3 class="scene-title">${event.title}</h3>
                ${renderEventBody(event, messages, (span) => labels.span(span), { media: false })}
                <a class="permalink" href=${eventLink(linkPrefix, event.id)}>${messages.copyLink}</a>`
            : html`${timeline.title ? html`<h2 class="scene-title title" part="title">${timeline.title}</h2>` : nothing}
              ${richText(timeline.description, 'description')}`
        }
      </div>`;
  }

  /**
   * The time strip: every shown event as a marker where it falls in time (a turning point taller), folded gaps as
   * breaks, eras behind, the current event marked. A slider for keyboards and screen readers (one tab stop, its
   * value the scene); a press anywhere on it moves to the nearest event.
   */
  private renderStrip(current: number, name: string, event: TimelineEvent | undefined): TemplateResult {
    const { events } = this.snapshot;
    const strip = this.stripLayout();
    const at = (share: number) => `${(share * 100).toFixed(3)}%`;
    return html`<div
      class="strip"
      role="slider"
      tabindex="0"
      aria-label=${this.words.strip}
      aria-orientation="horizontal"
      aria-valuemin="0"
      aria-valuemax=${events.length}
      aria-valuenow=${current}
      aria-valuetext=${event ? `${name}: ${event.title}` : name}
      @click=${this.onStripClick}
      @keydown=${this.onStripKey}
    >
      <div class="strip-track" aria-hidden="true">
        ${strip.eras.map(
          ({ era, from, to }) =>
            html`<span
              class="strip-era"
              title=${era.label}
              style=${styleMap({ insetInlineStart: at(from), inlineSize: at(to - from), '--_era-color': era.color ?? null })}
            ></span>`,
        )}
        ${strip.breaks.map(({ at: place }) => html`<span class="strip-break" style=${styleMap({ insetInlineStart: at(place) })}></span>`)}
        ${events.map(
          (shown, index) =>
            html`<span
              class="strip-marker ${index + 1 === current ? 'is-current' : ''} ${shown.importance >= 4 ? 'is-major' : ''}"
              style=${styleMap({ insetInlineStart: at(strip.positions[index]), ...groupStyle(shown.group) })}
            ></span>`,
        )}
      </div>
      <span class="strip-ends" aria-hidden="true"
        ><span>${events[0] ? this.snapshot.labels.of(events[0]) : ''}</span
        ><span>${events.length ? this.snapshot.labels.of(events.at(-1)!) : ''}</span></span
      >
    </div>`;
  }
}
