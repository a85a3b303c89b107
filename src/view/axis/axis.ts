/**
 * The time axis: it draws the events on a zoomable time scale, with their lanes, clusters, eras and ticks, and
 * the open event's panel. It is its own module, loaded on demand, because a narrow embed (a phone) shows the list
 * and never needs any of it; the element starts loading it as soon as the page is wide enough to want it.
 *
 * The element hands the axis a snapshot of plain values on every update (`update`, see view/snapshot.ts), and the
 * axis reports what the reader asks for as typed intents. It never reads or changes the element.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyedList } from '../../directives/keyed-list.js';
import { styleMap } from '../../directives/style-map.js';
import { AxisGestureController } from './axis-gesture-controller.js';
import { fill, type AxisWords } from '../../i18n/messages.js';
import { htmlDatetime } from '../../model/html-datetime.js';
import { formatNumber } from '../../model/format.js';
import type { TimelineEvent } from '../../model/types.js';
import { dateLabelChars, deriveAxisData } from '../../scale/axis-data.js';
import { gapLabel } from '../../scale/breaks.js';
import { clusterName } from '../../scale/cluster-name.js';
import { lowerBound } from '../../scale/coords.js';
import { fitFirstView } from '../../scale/first-view.js';
import { CLUSTER_NAMED_PX, pinnedMajor } from '../../scale/scene.js';
import type { ViewWindow } from '../../scale/window.js';
import { eventLink, type LayoutIntent, type LayoutRenderer, type LayoutSnapshot } from '../snapshot.js';
import { AxisState } from './axis-state.js';
import { eventButton, openedAnnouncement } from '../event-button.js';
import { groupStyle } from '../group-style.js';
import { measureTextScale } from './text-scale.js';

export { axisStyles } from './axis.styles.js';

/** The axis's English words: here, with the axis, not in the script-tag file's table (Messages.axis). */
export const ENGLISH_AXIS_WORDS: AxisWords = {
  layoutAxis: 'Time axis',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Show all',
  clusterLabel: '{count} more events here; zoom in to see them',
  earlier: '{count} earlier events; show the nearest',
  later: '{count} later events; show the nearest',
};

/** Zoom step of the zoom buttons and the + and - keys. */
const ZOOM_STEP = 2;
/** Keys that zoom the axis, and by how much (0 shows everything). */
const ZOOM_KEYS: Record<string, number> = {
  '+': ZOOM_STEP,
  '=': ZOOM_STEP,
  '-': 1 / ZOOM_STEP,
  _: 1 / ZOOM_STEP,
  '0': 0,
};

/** Whether each events array's first view fits, and for which inputs: the element asks on every update. */
const fitted = new WeakMap<readonly unknown[], { key: readonly unknown[]; fits: boolean }>();

/**
 * Whether the axis's first view (`view`, else everything) would show every event on its own, within the lanes
 * allowed, for the element to choose its layout (`layout="auto"`) before any axis is drawn. The lanes are the
 * pure arithmetic of src/scale/first-view.ts; this measures the font the labels are set in.
 */
export function firstViewFits(snapshot: LayoutSnapshot): boolean {
  const { events, timeline, spacing, breaks, groupRows, locale, messages, font, widthPx, maxLanes, view } = snapshot;
  const key = [timeline, spacing, breaks, groupRows, locale, messages, font, widthPx, maxLanes, view];
  const known = fitted.get(events);
  if (known && known.key.every((part, index) => part === key[index])) return known.fits;
  const data = deriveAxisData(events, timeline, {
    spacing,
    breaks,
    groupRows,
    dateChars: dateLabelChars((span) => snapshot.labels.span(span)),
    textScale: measureTextScale(font),
    contextBadge: messages.context,
  });
  const { fits } = fitFirstView(data, widthPx, maxLanes, view);
  fitted.set(events, { key, fits });
  return fits;
}

/** The axis of one element: its state (see axis-state.ts), its input, and the templates that draw it. */
export class AxisRenderer implements ReactiveController, LayoutRenderer {
  private readonly state: AxisState;
  private readonly gestures: AxisGestureController;
  private snapshot!: LayoutSnapshot;

  /**
   * @param host - The element the axis is drawn in (for its lifecycle and updates only).
   * @param report - Where the axis sends what the reader asks for.
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly report: (intent: LayoutIntent) => void,
  ) {
    this.state = new AxisState(host, (range) => report({ type: 'range-change', ...range }));
    this.gestures = new AxisGestureController(this.state, host);
    host.addController(this);
  }

  hostConnected(): void {
    this.state.resume();
  }

  hostDisconnected(): void {
    this.state.dispose();
  }

  /** Takes the element's latest state, before drawing or acting on it. */
  update(snapshot: LayoutSnapshot): void {
    this.snapshot = snapshot;
    this.state.update(snapshot);
  }

  /**
   * Acts on a key pressed inside the element (focus anywhere in it): + and - zoom, 0 shows everything, Page Up and
   * Page Down move through time. Returns whether it took the key.
   */
  handleKey(keyEvent: KeyboardEvent): boolean {
    const { key } = keyEvent;
    if (key in ZOOM_KEYS) {
      if (ZOOM_KEYS[key]) this.zoomBy(ZOOM_KEYS[key]);
      else this.fit();
    } else if (key === 'PageUp' || key === 'PageDown') {
      this.page(key === 'PageDown' ? 1 : -1);
    } else return false;
    return true;
  }

  /** The axis's words in the element's language (English when its table has none). */
  private get words(): AxisWords {
    return this.snapshot.messages.axis ?? ENGLISH_AXIS_WORDS;
  }

  announcement(event: TimelineEvent | null): string {
    return openedAnnouncement(this.snapshot, event);
  }

  /** Forgets the window, so the next render starts from `view` (or everything) again. */
  resetView(): void {
    this.state.resetView();
  }

  /** The visible range as ISO 8601 text. */
  visibleRange(): { start: string; end: string } {
    return this.state.visibleRange();
  }

  /**
   * Zooms by a factor (> 1 zooms in) around an event if it is in view (by default the focused one), else the
   * middle.
   */
  zoomBy(factor: number, aroundId = this.snapshot.focusId): void {
    this.state.zoomBy(factor, aroundId);
  }

  /** Shows every event. */
  fit(): void {
    this.state.fit();
  }

  /** Shows the time from `start` to `end` (dates in the data's format, or `Date`s); an invalid range is ignored. */
  zoomTo(start: string | Date, end: string | Date): void {
    this.state.zoomTo(start, end);
  }

  /** Pans by most of a window: forward (1) or back (-1). */
  page(direction: 1 | -1): void {
    this.state.page(direction);
  }

  /** Brings an event into view, zooming in until it is drawn on its own rather than in a cluster. */
  reveal(id: string): void {
    this.state.reveal(id);
  }

  /** The zoom buttons, and the colour key of the groups when they share the axis's lanes. */
  renderTools(): TemplateResult {
    const words = this.words;
    return html`<div class="zoom" role="group" aria-label=${words.layoutAxis}>
        <button
          type="button"
          class="tool"
          @click=${() => this.zoomBy(1 / ZOOM_STEP)}
          aria-label=${words.zoomOut}
          title=${words.zoomOut}
        >
          −
        </button>
        <button
          type="button"
          class="tool"
          @click=${() => this.zoomBy(ZOOM_STEP)}
          aria-label=${words.zoomIn}
          title=${words.zoomIn}
        >
          +
        </button>
        <button type="button" class="tool tool-text" @click=${() => this.fit()}>${words.fit}</button>
      </div>
      ${this.snapshot.groupRows ? nothing : this.renderLegend()}`;
  }

  /** The colour key of the groups, when they share the axis's lanes. */
  private renderLegend(): TemplateResult | typeof nothing {
    const { timeline, messages } = this.snapshot;
    const used = this.state.data.groupIds;
    const groups = timeline.groups.filter((group) => used.has(group.id));
    if (groups.length < 2) return nothing;
    return html`<ul class="legend" aria-label=${messages.groups}>
      ${groups.map(
        (group) =>
          html`<li style=${styleMap(groupStyle(group))}>
            <span class="swatch" aria-hidden="true"></span>${group.label}
          </li>`,
      )}
    </ul>`;
  }

  render(): TemplateResult {
    const snapshot = this.snapshot;
    const { messages, locale, rtl } = snapshot;
    const scene = this.state.currentScene();
    const view = this.state.axisView;
    const offset = (view.start - scene.window.start) * scene.scale;
    const translate = `translateX(${rtl ? offset : -offset}px)`;
    // Items, clusters and ticks sit at the scene's inline start and are moved there by `translate`: a zoom step
    // moves all of them, and a changed translation is repainted without laying anything out again.
    const at = (x: number, y = 0) => `${rtl ? -x : x}px ${y}px`;
    const pinned = pinnedMajor(scene, view);
    const { events, positionOf } = this.state.data;
    // The roving tab stop must be on an event that is drawn: the focused one, or the first one in view.
    const tabStop = scene.items.some(({ item }) => item.event.id === snapshot.focusId)
      ? snapshot.focusId
      : ((scene.items.find(({ x }) => x >= offset) ?? scene.items[0])?.item.event.id ?? null);
    const selected = snapshot.selected === null ? undefined : positionOf.get(snapshot.selected);
    const gestures = this.gestures;
    const groupsById = new Map(snapshot.timeline.groups.map((group) => [group.id, group]));
    return html`
      <div class="axis" part="axis">
        <div
          class="viewport"
          style=${styleMap({
            height: `${scene.heightPx + 64}px`,
          })}
          @pointerdown=${gestures.onPointerDown}
          @pointermove=${gestures.onPointerMove}
          @pointerup=${gestures.onPointerUp}
          @pointercancel=${gestures.onPointerUp}
          @click=${{ handleEvent: gestures.onClickCapture, capture: true }}
          @dblclick=${gestures.onDoubleClick}
          @wheel=${gestures.wheel}
        >
          <div class="rows" aria-hidden="true">
            ${scene.rows.map(
              (row) =>
                html`<div
                  class="row"
                  style=${styleMap({
                    top: `${row.top}px`,
                    height: `${row.height}px`,
                    ...groupStyle(groupsById.get(row.key)),
                  })}
                >
                  ${row.label ? html`<span class="row-label">${row.label}</span>` : nothing}
                </div>`,
            )}
          </div>
          <div class="scene" style=${styleMap({ transform: translate })}>
            <div class="eras" aria-hidden="true">
              ${scene.eras.map((era) => {
                // The label stays at the view's edge while its band goes on off screen, but never leaves its band.
                const shift = Math.max(0, offset - era.x);
                const room = era.widthPx - shift - 12;
                return html`<div
                  class="era"
                  style=${styleMap({ insetInlineStart: `${era.x}px`, width: `${era.widthPx}px`, '--_era-color': era.era.color ?? null })}
                >
                  ${
                    room > 40
                      ? html`<span
                          class="era-label"
                          style=${styleMap({ insetInlineStart: `${shift + 6}px`, maxWidth: `${room}px` })}
                          >${era.era.label}</span
                        >`
                      : nothing
                  }
                </div>`;
              })}
            </div>
            ${scene.breaks.map(({ fold, x, widthPx }) => {
              const label = gapLabel(fold, locale, messages);
              return html`<div
                class="break"
                role="img"
                aria-label=${label}
                title=${label}
                style=${styleMap({ translate: at(x), width: `${widthPx}px` })}
              ></div>`;
            })}
            <ol
              class="events lanes"
              part="events"
              aria-label=${fill(messages.eventList, { count: formatNumber(events.length, locale) })}
            >
              ${keyedList(
                scene.items,
                ({ item }) => item.event.id,
                ({ item, x, y, barPx, heightPx, lines }) => {
                  const event = item.event;
                  const isSelected = event.id === snapshot.selected;
                  return html`<li
                    class="item ${isSelected ? 'is-selected' : ''} ${event.date.isInterval ? 'is-range' : ''} ${event.context ? 'is-context' : ''} ${item.flipped ? 'is-flipped' : ''} ${event.date.start ? '' : 'reaches-back'} ${event.date.end ? '' : 'reaches-forward'}"
                    part="event"
                    data-id=${event.id}
                    aria-setsize=${events.length}
                    aria-posinset=${(positionOf.get(event.id) ?? 0) + 1}
                    style=${styleMap({
                      // A flipped label ends at its marker (see AxisItem.flipped).
                      translate: at(item.flipped ? x - item.labelPx : x, y),
                      width: `${item.labelPx}px`,
                      '--_lane-px': `${heightPx}px`,
                      '--_lines': String(lines),
                      ...groupStyle(event.group),
                    })}
                  >
                    <span class="bar" style=${styleMap({ width: `${barPx}px` })} aria-hidden="true"></span>
                    ${eventButton(event, {
                      selected: isSelected,
                      tabStop: event.id === tabStop,
                      controls: 'panel',
                      dateLabel: snapshot.labels.of(event),
                      messages,
                      onPress: () => this.report({ type: 'press', id: event.id }),
                    })}
                  </li>`;
                },
              )}
            </ol>
            ${keyedList(
              scene.clusters,
              // A cluster keeps its element while the zoom moves it, as items and ticks do.
              ({ cluster }) => `${cluster.row}:${cluster.first}:${cluster.last}`,
              ({ cluster, x, y, roomPx }) => {
                const count = formatNumber(cluster.count, locale);
                const name = clusterName(events[cluster.lead].title, cluster.count, locale, messages);
                const [before, title, after] = name.parts;
                const hint = fill(this.words.clusterLabel, { count });
                // With room, its name ("Detroit arrest and 3 more"); else its count, named in its tooltip.
                const named = roomPx >= CLUSTER_NAMED_PX;
                return html`<button
                  type="button"
                  class="cluster"
                  tabindex="-1"
                  style=${styleMap({ translate: at(x, y), maxInlineSize: `${roomPx}px` })}
                  aria-label=${named ? nothing : hint}
                  title=${named ? hint : name.text}
                  @click=${() => this.state.zoomToEvents(cluster.first, cluster.last)}
                >
                  ${
                    named
                      ? html`<span>${before}</span><span class="cluster-title">${title}</span><span>${after}</span>`
                      : `+${count}`
                  }
                </button>`;
              },
            )}
            <div
              class="ticks"
              aria-hidden="true"
              style=${styleMap({ top: `${scene.heightPx + 8}px`, '--_grid-height': `${scene.heightPx + 8}px` })}
            >
              ${keyedList(
                scene.minorTicks,
                (tick) => tick.coord,
                (tick) => html`<span class="tick" style=${styleMap({ translate: at(tick.x) })}>${tick.label}</span>`,
              )}
              ${keyedList(
                // The label pinned at the edge stands for the one it repeats, which would show cut in half there.
                scene.majorTicks.filter((tick) => !(pinned === tick.label && tick.x <= offset + 1)),
                (tick) => tick.coord,
                (tick) =>
                  html`<span class="tick major" style=${styleMap({ translate: at(tick.x) })}>${tick.label}</span>`,
              )}
            </div>
          </div>
          ${pinned ? html`<span class="pinned-major" aria-hidden="true" style=${styleMap({ top: `${scene.heightPx + 30}px` })}>${pinned}</span>` : nothing}
          ${this.renderEdges(view)}
        </div>
        ${selected === undefined ? nothing : this.renderPanel(selected)}
      </div>
    `;
  }

  /** "‹ 3" and "4 ›": how many events lie beyond each edge of the view; pressing one pans to the nearest. */
  private renderEdges(view: ViewWindow): TemplateResult {
    const { starts, endsSorted, events } = this.state.data;
    const { locale } = this.snapshot;
    const before = lowerBound(endsSorted, view.start + 1e-9);
    const firstAfter = lowerBound(starts, view.end);
    const after = events.length - firstAfter;
    // The nearest event beyond each edge: the last to start before the view, the first to start after it.
    const nearestBefore = lowerBound(starts, view.start) - 1;
    const edge = (side: 'before' | 'after', count: number, target: number) => {
      if (!count || target < 0 || target >= events.length) return nothing;
      const shown = formatNumber(count, locale);
      return html`<button
        type="button"
        class="edge edge-${side}"
        tabindex="-1"
        aria-label=${fill(side === 'before' ? this.words.earlier : this.words.later, { count: shown })}
        @click=${() => this.state.panTo(target)}
      >
        ${side === 'before' ? '‹' : ''} ${shown} ${side === 'after' ? '›' : ''}
      </button>`;
    };
    return html`${edge('before', before, nearestBefore)}${edge('after', after, firstAfter)}`;
  }

  /** The open event (at a position among the shown events): its date, title, details, and a way on. */
  private renderPanel(position: number): TemplateResult {
    const { messages, labels, linkPrefix, bodies } = this.snapshot;
    const { events } = this.state.data;
    const event = events[position];
    return html`<section class="panel" part="detail" id="panel" aria-labelledby="panel-title">
      <p class="panel-date">
        <time datetime=${htmlDatetime(event.date) ?? nothing}>${labels.of(event)}</time
        >${event.group ? html` · ${event.group.label}` : nothing}
      </p>
      <h3 class="panel-title" id="panel-title">
        ${event.title}${event.context ? html` <span class="badge" title=${messages.contextHint}>${messages.context}</span>` : nothing}
      </h3>
      ${bodies.get(event.id) ?? nothing}
      <div class="panel-nav">
        <button
          type="button"
          class="tool tool-text"
          ?disabled=${position <= 0}
          @click=${() => this.report({ type: 'step', direction: -1 })}
        >
          ← ${messages.previous}
        </button>
        <button
          type="button"
          class="tool tool-text"
          ?disabled=${position >= events.length - 1}
          @click=${() => this.report({ type: 'step', direction: 1 })}
        >
          ${messages.next} →
        </button>
        <a class="permalink" href=${eventLink(linkPrefix, event.id)}>${messages.copyLink}</a>
        <button type="button" class="tool tool-text" @click=${() => this.report({ type: 'select', id: null })}>
          ${messages.close}
        </button>
      </div>
    </section>`;
  }
}
