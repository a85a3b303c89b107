/**
 * The time axis: lane layout, the drawn scene, pointer and wheel input, and the detail panel. It is its own
 * module, loaded on demand, because a narrow embed (a phone) shows the list and never needs any of it; the
 * element starts loading it as soon as the page is wide enough to want it.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyedList } from './keyed-list.js';
import { styleMap } from './style-map.js';
import { AxisGestureController, type AxisGestureHost } from '../controllers/axis-gesture-controller.js';
import { fill, type DateWords, type Messages } from '../i18n/messages.js';
import { civilFromDays } from '../model/calendar.js';
import {
  htmlDatetime,
  parseDateSpan,
  spanExtent,
  toIsoString,
  type CalendarDate,
  type Precision,
} from '../model/dates.js';
import { formatNumber, formatSpan } from '../model/format.js';
import type { Timeline, TimelineEra, TimelineEvent } from '../model/types.js';
import { evenMap, lowerBound, timeMap, type CoordMap, type Spacing } from '../scale/coords.js';
import {
  estimateLabelPx,
  itemAt,
  LanePacker,
  layoutAxis,
  levelScale,
  quantiseScale,
  rowsFor,
  type AxisItem,
  type AxisLayout,
  type LayoutInput,
} from '../scale/layout.js';
import { buildScene, pinnedMajor, sceneCovers, type Scene } from '../scale/scene.js';
import {
  clampView,
  fitView,
  limitsFor,
  panView,
  revealInView,
  sameView,
  span,
  zoomView,
  type ViewLimits,
  type ViewWindow,
} from '../scale/view.js';
import { renderEventBody } from './detail.js';

export { axisStyles } from './axis.styles.js';

/**
 * What the axis derives from the shown events, once per data, spacing, rows and locale (not per zoom level):
 * the layout's input (positions, label widths, rows), the coordinate map and the zoom limits.
 */
export interface AxisData extends LayoutInput {
  readonly eras: readonly TimelineEra[];
  readonly map: CoordMap;
  readonly limits: ViewLimits;
  /** Where the events end on the axis, sorted, for counting those before the view. */
  readonly endsSorted: Float64Array;
  /** An event's position among the shown events. */
  readonly positionOf: ReadonlyMap<string, number>;
  /** The groups the shown events belong to. */
  readonly groupIds: ReadonlySet<string>;
}

/** What the axis needs from the element that shows it. */
export interface AxisHost extends ReactiveControllerHost {
  readonly timeline: Timeline | null;
  /** The events the filters let through; the same array until they change. */
  readonly shownEvents: readonly TimelineEvent[];
  readonly spacing: Spacing;
  readonly groupRows: boolean;
  /** The `view` attribute: the interval to show first. */
  readonly view?: string;
  readonly axisWidth: number;
  readonly isRtl: boolean;
  readonly selected: string | null;
  readonly focusId: string | null;
  readonly messages: Messages;
  readonly effectiveLocale: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  renderEventButton(event: TimelineEvent, controls: string, tabStop: string | null): TemplateResult;
  dateLabel(event: TimelineEvent): string;
  select(id: string | null): boolean;
  previous(): boolean;
  next(): boolean;
  /** The deep link to an event. */
  linkTo(id: string): string;
  /** A zoom or pan has ended, leaving the view at `range` (ISO 8601), described by `label`. */
  rangeChanged(range: { start: string; end: string }, label: string): void;
}

/** Zoom step used to dig an event out of a cluster. */
const ZOOM_STEP = 2;
/** While zooming, the scene's flank on each side, as a fraction of the view's width (see sceneNow). */
const ZOOMING_FLANK = 0.1;
/** How long the zoom must stay still before the scene gets its full flanks. */
const ZOOM_REST_MS = 150;
/**
 * Up to this many events, a zoom level is packed in the frame that needs it (about 1 ms on the benchmark's
 * machine); above, while the zoom changes, in idle moments instead (see layoutNow).
 */
const PACK_IN_FRAME_MAX = 25_000;
/** Events a background packing packs between looks at the clock. */
const PACK_STEP = 4096;
/** How long a background packing may run at a time when the browser gives it no idle deadline. */
const PACK_SLICE_MS = 4;

/**
 * Runs `callback` when the main thread is idle (within 200 ms even if it never is), or in the next task where
 * the browser has no idle callbacks (Safari). Returns a function that cancels it.
 */
function whenIdle(callback: (deadline?: IdleDeadline) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: 200 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 0);
  return () => clearTimeout(id);
}

/**
 * The axis of one element: its visible window (zoom and pan), the lane layouts and the drawn scene, and the
 * input that moves it.
 */
export class AxisRenderer implements AxisGestureHost, ReactiveController {
  private readonly gestures: AxisGestureController;
  private window: ViewWindow | null = null;
  private derived?: AxisData;
  private derivedKey: unknown[] = [];
  private layouts = new Map<number, AxisLayout>();
  private scene?: Scene;
  private sceneLocale = '';
  /** The lane layout the scene was drawn with (see layoutNow). */
  private layoutInUse?: AxisLayout;
  /** Pending while the zoom may still be changing; when it fires, the scene gets its full flanks. */
  private zoomRestTimer?: ReturnType<typeof setTimeout>;
  /** The zoom level being packed in idle moments (see packInBackground), one at a time. */
  private packing?: { level: number; cancel: () => void };

  constructor(private readonly host: AxisHost) {
    this.gestures = new AxisGestureController(this, host);
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.zoomRestTimer);
    this.zoomRestTimer = undefined;
    this.stopPacking();
  }

  /** Whether the zoom changed less than ZOOM_REST_MS ago (and may be changing still). */
  private get zooming(): boolean {
    return this.zoomRestTimer !== undefined;
  }

  /**
   * What the axis derives from the shown events: the coordinate map, the zoom limits, the rows. Recomputed
   * (and the caches built on it dropped) only when the events, the spacing or the rows change.
   */
  private data(): AxisData {
    const { shownEvents: events, spacing, groupRows, timeline, effectiveLocale, messages } = this.host;
    // The locale and its words too: label widths (and so the lane layouts) depend on the date labels' language.
    const key = [events, spacing, groupRows, timeline, effectiveLocale, messages];
    if (this.derived && key.every((part, index) => part === this.derivedKey[index])) return this.derived;
    this.derivedKey = key;
    const even = spacing === 'even';
    const map = even ? evenMap(events.map((event) => event.from)) : timeMap;
    const hasTimes = events.some((event) => event.date.start?.hour !== undefined || event.date.end?.hour !== undefined);
    let to = 1;
    for (const event of events) to = Math.max(to, even ? events.length - 1 : event.to);
    const from = even || !events.length ? 0 : events[0].from;
    const limits = events.length ? limitsFor(from, to, even ? 3 : hasTimes ? 1 / 24 : 7) : limitsFor(0, 1, 1);
    const rows = groupRows && timeline ? rowsFor(events, timeline.groups, '') : [{ key: '', label: '' }];
    const rowIndex = new Map(rows.map((row, index) => [row.key, index]));
    const starts = Float64Array.from(events, (event, index) => (even ? index : map.toCoord(event.from)));
    const ends = Float64Array.from(events, (event, index) => (even ? index : map.toCoord(event.to)));
    const dateChars = dateLabelLengths(effectiveLocale, messages);
    const labelPx = Float32Array.from(events, (event) =>
      estimateLabelPx(event.title, event.displayDate?.length ?? dateChars(event)),
    );
    const rowOf = Int16Array.from(events, (event) => rowIndex.get(event.group?.id ?? '') ?? rows.length - 1);
    if (this.derived?.map.spacing !== map.spacing) this.window = null;
    this.derived = {
      events,
      eras: timeline?.eras ?? [],
      map,
      limits,
      rows,
      starts,
      ends,
      labelPx,
      rowOf,
      endsSorted: ends.slice().sort(),
      positionOf: new Map(events.map((event, index) => [event.id, index])),
      groupIds: new Set(events.map((event) => event.group?.id ?? '')),
    };
    this.window = this.window ? clampView(this.window, limits) : null;
    this.layouts.clear();
    this.stopPacking();
    this.layoutInUse = undefined;
    this.scene = undefined;
    return this.derived;
  }

  // ------------------------------------------------ the window (AxisGestureHost)

  get isRtl(): boolean {
    return this.host.isRtl;
  }

  get axisView(): ViewWindow {
    this.window ??= this.initialView() ?? this.fittedView();
    return this.window;
  }

  get axisLimits(): ViewLimits {
    return this.data().limits;
  }

  get axisScale(): number {
    return this.host.axisWidth / span(this.axisView);
  }

  /** Forgets the window, so the next render starts from the `view` attribute (or everything) again. */
  resetView(): void {
    this.window = null;
  }

  /** The window the `view` attribute asks for, if it is a valid interval. */
  private initialView(): ViewWindow | undefined {
    const { view } = this.host;
    return view ? this.viewFor(...(view.split('/') as [string, string])) : undefined;
  }

  /**
   * Everything: from the first event's start to the last one's end, with room after the last start for its
   * label (labels run from an event's start toward the end of the line), so "Show all" shows every label whole.
   */
  private fittedView(): ViewWindow {
    const { events, map, limits } = this.data();
    if (!events.length) return { start: 0, end: 1 };
    const even = map.spacing === 'even';
    const from = even ? 0 : events[0].from;
    let to = even ? events.length - 1 : events[0].to;
    if (!even) for (const event of events) to = Math.max(to, event.to);
    const last = even ? events.length - 1 : map.toCoord(events.at(-1)!.from);
    const width = this.host.axisWidth;
    const margin = 16;
    const labelRoom = Math.min(this.data().labelPx[events.length - 1] + margin, width / 3);
    // Pixels per coordinate such that [from, last] fits in the width less the label's room, and [from, to] fits.
    const scale = Math.min(
      (width - labelRoom - margin) / Math.max(last - from, 1e-9),
      (width - 2 * margin) / Math.max(to - from, 1e-9),
    );
    const start = from - margin / scale;
    return clampView({ start, end: start + width / scale }, limits);
  }

  coordAtClientX(clientX: number): number {
    const viewport = this.host.renderRoot.querySelector('.viewport');
    const view = this.axisView;
    if (!viewport) return (view.start + view.end) / 2;
    const rect = viewport.getBoundingClientRect();
    const x = this.isRtl ? rect.right - clientX : clientX - rect.left;
    return view.start + x / this.axisScale;
  }

  setAxisView(view: ViewWindow): void {
    if (this.window && sameView(this.window, view)) return;
    this.window = view;
    this.host.requestUpdate();
  }

  axisGestureEnded(): void {
    this.host.rangeChanged(this.visibleRange(), this.viewLabel(this.axisView));
  }

  /** The visible range as ISO 8601 text. */
  visibleRange(): { start: string; end: string } {
    const { map } = this.data();
    const view = this.axisView;
    return { start: isoFromDay(map.toDay(view.start)), end: isoFromDay(map.toDay(view.end)) };
  }

  /** Zooms by a factor (> 1 zooms in) around the focused event if it is in view, else the middle. */
  zoomBy(factor: number): void {
    const view = this.axisView;
    const focused = this.itemFor(this.host.focusId ?? '');
    const anchor =
      focused && focused.start >= view.start && focused.start <= view.end ? focused.start : (view.start + view.end) / 2;
    this.setAxisView(zoomView(view, factor, anchor, this.axisLimits));
    this.axisGestureEnded();
  }

  fit(): void {
    this.setAxisView(this.fittedView());
    this.axisGestureEnded();
  }

  zoomTo(start: string | Date, end: string | Date): void {
    const view = this.viewFor(start, end);
    if (!view) return;
    this.setAxisView(view);
    this.axisGestureEnded();
  }

  /** Pans by most of a window: forward (1) or back (-1). */
  page(direction: 1 | -1): void {
    const view = this.axisView;
    this.setAxisView(panView(view, direction * span(view) * 0.8, this.axisLimits));
    this.axisGestureEnded();
  }

  /**
   * The lane layout for the current zoom level (made once per level and kept).
   *
   * While the zoom is changing, the lanes in use are kept as long as they stay valid: labels only gain room as
   * the zoom goes in. From twice the scale they were packed at, the axis moves to a finer layout. Zooming out,
   * labels lose room: the lanes in use would overlap below their scale, so the axis moves to a layout packed
   * about half an octave further out. Each change redraws most labels; this makes changes rare while the
   * reader zooms, and once the zoom rests the axis shows its level's own layout, the same however the reader
   * got there.
   *
   * Past PACK_IN_FRAME_MAX events, a frame never waits for a packing while the zoom changes: a finer layout is
   * packed in idle moments and taken up when it is ready (the lanes in use stay valid meanwhile), and the
   * layout a zoom out would move to next is packed in idle moments ahead of need.
   */
  layoutNow(): AxisLayout {
    const scale = this.axisScale;
    const { level } = quantiseScale(scale);
    const inUse = this.zooming ? this.scene && this.layoutInUse : undefined;
    const zoomingIn = inUse && scale >= inUse.pxPerCoord;
    if (zoomingIn && scale < inUse.pxPerCoord * 2) return inUse;
    if (zoomingIn && this.data().events.length > PACK_IN_FRAME_MAX) {
      const finer = this.finestPacked(level);
      this.layoutInUse = finer && finer[1].pxPerCoord > inUse.pxPerCoord ? finer[1] : inUse;
      if (scale >= this.layoutInUse.pxPerCoord * 2) this.packInBackground(level);
      return this.layoutInUse;
    }
    let next: [number, AxisLayout] | undefined;
    if (inUse && !zoomingIn) {
      // One packed ahead will do unless it is so coarse that most labels would needlessly be clusters.
      const ahead = this.finestPacked(level - 2);
      next = ahead && ahead[0] >= level - 6 ? ahead : [level - 2, this.layoutAt(level - 2)];
    }
    next ??= [level, this.layoutAt(level)];
    // Ahead of a zoom out from here: the level that zoom would move to first.
    this.packInBackground(next[0] - 3);
    this.layoutInUse = next[1];
    return next[1];
  }

  private layoutOptions(data: AxisData) {
    return { maxLanes: data.rows.length > 1 ? 3 : 5 };
  }

  private layoutAt(level: number): AxisLayout {
    const data = this.data();
    let layout = this.layouts.get(level);
    if (!layout) {
      layout = layoutAxis(data, levelScale(level), this.layoutOptions(data));
      this.remember(level, layout);
    }
    return layout;
  }

  private remember(level: number, layout: AxisLayout): void {
    if (this.layouts.size > 12) this.layouts.clear();
    this.layouts.set(level, layout);
  }

  /** The finest layout made so far at `maxLevel` or below, with its level. */
  private finestPacked(maxLevel: number): [number, AxisLayout] | undefined {
    let finest: [number, AxisLayout] | undefined;
    for (const entry of this.layouts) if (entry[0] <= maxLevel && (!finest || entry[0] > finest[0])) finest = entry;
    return finest;
  }

  /**
   * Packs a zoom level in idle moments, a slice at a time, and redraws with it if the zoom is still changing
   * when it is ready. At 100,000 events a level is a few milliseconds of packing: in one frame that would be
   * a dropped frame, spread over idle moments it is none.
   */
  private packInBackground(level: number): void {
    const data = this.data();
    if (this.packing || this.layouts.has(level) || data.events.length <= PACK_IN_FRAME_MAX) return;
    const packer = new LanePacker(data, levelScale(level), this.layoutOptions(data));
    const slice = (deadline?: IdleDeadline) => {
      const budget = deadline && !deadline.didTimeout ? deadline.timeRemaining() : PACK_SLICE_MS;
      const until = performance.now() + budget;
      do {
        if (packer.advance(PACK_STEP)) {
          this.packing = undefined;
          this.remember(level, packer.result());
          if (this.zooming) this.host.requestUpdate();
          return;
        }
      } while (performance.now() < until);
      this.packing = { level, cancel: whenIdle(slice) };
    };
    this.packing = { level, cancel: whenIdle(slice) };
  }

  private stopPacking(): void {
    this.packing?.cancel();
    this.packing = undefined;
  }

  /** The event's place in the current layout, if it is drawn on its own (not in a cluster). */
  itemFor(id: string): AxisItem | undefined {
    const data = this.data();
    const position = data.positionOf.get(id);
    return position === undefined ? undefined : itemAt(this.layoutNow(), data, position);
  }

  /** Brings an event into view, zooming in until it is drawn on its own rather than in a cluster. */
  reveal(event: TimelineEvent): void {
    const { map, limits, events } = this.data();
    const coord = map.spacing === 'even' ? events.indexOf(event) : map.toCoord(event.from);
    let view = this.axisView;
    let zoomed = false;
    for (let attempt = 0; attempt < 24 && !this.itemFor(event.id) && span(view) > limits.minSpan; attempt++) {
      view = zoomView(view, ZOOM_STEP, coord, limits);
      this.window = view; // the layout to test next is the one for this zoom
      zoomed = true;
    }
    const item = this.itemFor(event.id);
    const from = item?.start ?? coord;
    const to = item?.reach ?? coord;
    // An event dug out of a cluster is shown in the middle, among its neighbours; one already drawn is only
    // brought inside the edges, so the view moves as little as possible.
    const middle = (from + to) / 2;
    const target = zoomed
      ? clampView({ start: middle - span(view) / 2, end: middle + span(view) / 2 }, limits)
      : revealInView(view, from, to, limits);
    this.window = target;
    this.host.requestUpdate();
  }

  /**
   * The scene for the current view: rebuilt only when the view leaves it, the zoom or the locale changes.
   *
   * A zoom step redraws most events (each zoom level has its own lanes), and new labels are what a frame
   * pays for. So while the zoom changes, the scene covers the view and a thin flank only (a third of the
   * labels); once it has rested for ZOOM_REST_MS, the flanks a drag pans into are added.
   */
  private sceneNow(): Scene {
    const view = this.axisView;
    const scale = this.axisScale;
    const locale = this.host.effectiveLocale;
    const { map, eras } = this.data();
    const zoomed = this.scene !== undefined && Math.abs(this.scene.scale - scale) > scale * 1e-9;
    const rested = this.scene !== undefined && this.scene.flank < 1 && !this.zooming;
    if (!this.scene || this.sceneLocale !== locale || zoomed || rested || !sceneCovers(this.scene.window, view)) {
      if (zoomed) {
        clearTimeout(this.zoomRestTimer);
        this.zoomRestTimer = setTimeout(() => {
          this.zoomRestTimer = undefined;
          this.host.requestUpdate();
        }, ZOOM_REST_MS);
      }
      this.sceneLocale = locale;
      this.scene = buildScene(
        this.layoutNow(),
        this.data(),
        view,
        this.host.axisWidth,
        map,
        map.spacing === 'even' ? [] : eras,
        locale,
        zoomed ? ZOOMING_FLANK : 1,
      );
    }
    return this.scene;
  }

  /** "2014–2018", "March–June 2017": a window's range at a precision that suits its width. */
  viewLabel(view: ViewWindow): string {
    const { map } = this.data();
    const days = map.toDay(view.end) - map.toDay(view.start);
    const precision: Precision = days > 3 * 365 ? 'year' : days > 90 ? 'month' : 'day';
    const start = calendarDateAt(map.toDay(view.start), precision);
    const end = calendarDateAt(map.toDay(view.end) - 1e-6, precision);
    return formatSpan({ start, end, isInterval: true }, this.host.effectiveLocale, this.host.messages);
  }

  /** The window from `start` to `end` (dates in the data's format, or `Date`s), or undefined if invalid. */
  viewFor(start: string | Date, end: string | Date): ViewWindow | undefined {
    const from = dayOf(start, false);
    const to = dayOf(end, true);
    if (from === undefined || to === undefined || to <= from) return undefined;
    const { map, limits } = this.data();
    return clampView({ start: map.toCoord(from), end: map.toCoord(to) }, limits);
  }

  /** The colour key of the groups, when they share the axis's lanes. */
  renderLegend(timeline: Timeline): TemplateResult | typeof nothing {
    const used = this.data().groupIds;
    const groups = timeline.groups.filter((group) => used.has(group.id));
    if (groups.length < 2) return nothing;
    return html`<ul class="legend" aria-label=${this.host.messages.groups}>
      ${groups.map(
        (group) =>
          html`<li style=${styleMap({ '--_group-color': group.color ?? null })}>
            <span class="swatch" aria-hidden="true"></span>${group.label}
          </li>`,
      )}
    </ul>`;
  }

  render(): TemplateResult {
    const host = this.host;
    const scene = this.sceneNow();
    const view = this.axisView;
    const messages = host.messages;
    const offset = (view.start - scene.window.start) * scene.scale;
    const translate = `translateX(${host.isRtl ? offset : -offset}px)`;
    // Items, clusters and ticks sit at the scene's inline start and are moved there by `translate`: a zoom step
    // moves all of them, and a changed translation is repainted without laying anything out again.
    const at = (x: number, y = 0) => `${host.isRtl ? -x : x}px ${y}px`;
    const pinned = pinnedMajor(scene, view);
    const { events, positionOf } = this.data();
    const locale = host.effectiveLocale;
    // The roving tab stop must be on an event that is drawn: the focused one, or the first one in view.
    const tabStop = scene.items.some(({ item }) => item.event.id === host.focusId)
      ? host.focusId
      : ((scene.items.find(({ x }) => x >= offset) ?? scene.items[0])?.item.event.id ?? null);
    const selected = host.selected === null ? undefined : events[positionOf.get(host.selected) ?? -1];
    const gestures = this.gestures;
    return html`
      <div class="axis" part="axis">
        <div
          class="viewport"
          style=${styleMap({ height: `${scene.heightPx + 64}px` })}
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
                  style=${styleMap({ top: `${row.top}px`, height: `${row.height}px`, '--_group-color': row.color ?? null })}
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
            <ol
              class="events lanes"
              part="events"
              aria-label=${fill(messages.eventList, { count: formatNumber(events.length, locale) })}
            >
              ${keyedList(
                scene.items,
                ({ item }) => item.event.id,
                ({ item, x, y, barPx }) => {
                  const event = item.event;
                  return html`<li
                    class="item ${event.id === host.selected ? 'is-selected' : ''} ${event.date.isInterval ? 'is-range' : ''} ${event.context ? 'is-context' : ''}"
                    part="event"
                    data-id=${event.id}
                    aria-setsize=${events.length}
                    aria-posinset=${(positionOf.get(event.id) ?? 0) + 1}
                    style=${styleMap({ translate: at(x, y), width: `${item.labelPx}px`, '--_group-color': event.group?.color ?? null })}
                  >
                    <span class="bar" style=${styleMap({ width: `${barPx}px` })} aria-hidden="true"></span>
                    ${host.renderEventButton(event, 'panel', tabStop)}
                  </li>`;
                },
              )}
            </ol>
            ${keyedList(
              scene.clusters,
              // A cluster keeps its element while the zoom moves it, as items and ticks do.
              ({ cluster }) => `${cluster.row}:${cluster.first}:${cluster.last}`,
              ({ cluster, x, y }) => {
                const count = formatNumber(cluster.count, locale);
                return html`<button
                  type="button"
                  class="cluster"
                  tabindex="-1"
                  style=${styleMap({ translate: at(x, y) })}
                  aria-label=${fill(messages.clusterLabel, { count })}
                  @click=${() => this.zoomToEvents(cluster.first, cluster.last)}
                >
                  +${count}
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
        ${selected ? this.renderPanel(selected) : nothing}
      </div>
    `;
  }

  /** "‹ 3" and "4 ›": how many events lie beyond each edge of the view; pressing one pans to the nearest. */
  private renderEdges(view: ViewWindow): TemplateResult {
    const { starts, endsSorted, events } = this.data();
    const before = lowerBound(endsSorted, view.start + 1e-9);
    const firstAfter = lowerBound(starts, view.end);
    const after = events.length - firstAfter;
    const messages = this.host.messages;
    const edge = (side: 'before' | 'after', count: number, target: TimelineEvent | undefined) => {
      if (!count || !target) return nothing;
      const shown = formatNumber(count, this.host.effectiveLocale);
      return html`<button
        type="button"
        class="edge edge-${side}"
        tabindex="-1"
        aria-label=${fill(side === 'before' ? messages.earlier : messages.later, { count: shown })}
        @click=${() => this.panTo(target)}
      >
        ${side === 'before' ? '‹' : ''} ${shown} ${side === 'after' ? '›' : ''}
      </button>`;
    };
    // The nearest event beyond each edge: the last to start before the view, the first to start after it.
    const nearestBefore = events[lowerBound(starts, view.start) - 1];
    return html`${edge('before', before, nearestBefore)}${edge('after', after, events[firstAfter])}`;
  }

  /** Pans (without zooming) so an event comes into view. */
  private panTo(event: TimelineEvent): void {
    const { map, limits, events } = this.data();
    const coord = map.spacing === 'even' ? events.indexOf(event) : map.toCoord(event.from);
    this.setAxisView(revealInView(this.axisView, coord, coord, limits, 0.25));
    this.axisGestureEnded();
  }

  /** Zooms to show the events of a cluster, from chronological index `first` to `last`. */
  private zoomToEvents(first: number, last: number): void {
    const { map, limits, events } = this.data();
    const a = events.find((event) => event.index === first)!;
    const b = events.find((event) => event.index === last)!;
    const even = map.spacing === 'even';
    const start = even ? events.indexOf(a) : map.toCoord(a.from);
    const end = even ? events.indexOf(b) + 1 : map.toCoord(b.to);
    this.setAxisView(fitView(start, end, limits, 0.15));
    this.axisGestureEnded();
  }

  private renderPanel(event: TimelineEvent): TemplateResult {
    const host = this.host;
    const messages = host.messages;
    const { events } = this.data();
    const index = events.indexOf(event);
    return html`<section class="panel" part="detail" id="panel" aria-labelledby="panel-title">
      <p class="panel-date">
        <time datetime=${htmlDatetime(event.date) ?? nothing}>${host.dateLabel(event)}</time
        >${event.group ? html` · ${event.group.label}` : nothing}
      </p>
      <h3 class="panel-title" id="panel-title">
        ${event.title}${event.context ? html` <span class="badge" title=${messages.contextHint}>${messages.context}</span>` : nothing}
      </h3>
      ${renderEventBody(event, messages, host.effectiveLocale)}
      <div class="panel-nav">
        <button type="button" class="tool tool-text" ?disabled=${index <= 0} @click=${() => host.previous()}>
          ← ${messages.previous}
        </button>
        <button
          type="button"
          class="tool tool-text"
          ?disabled=${index >= events.length - 1}
          @click=${() => host.next()}
        >
          ${messages.next} →
        </button>
        <a class="permalink" href=${host.linkTo(event.id)}>${messages.copyLink}</a>
        <button type="button" class="tool tool-text" @click=${() => host.select(null)}>${messages.close}</button>
      </div>
    </section>`;
  }
}

/** The calendar date at a precision that contains a day number. */
function calendarDateAt(day: number, precision: Precision): CalendarDate {
  const { year, month, day: dayOfMonth } = civilFromDays(day);
  const base = { year, approximate: false, uncertain: false };
  if (precision === 'year') return { ...base, precision };
  if (precision === 'month') return { ...base, month, precision };
  return { ...base, month, day: dayOfMonth, precision: 'day' };
}

/** The day number where a date string or Date starts (or, with `atEnd`, where it ends). */
function dayOf(value: string | Date, atEnd: boolean): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime() / 86400000;
  const parsed = parseDateSpan(value);
  if (!parsed.ok) return undefined;
  const { from, to } = spanExtent(parsed.value);
  return atEnd ? to : from;
}

/** A day number as ISO 8601 text to the minute (UTC). */
function isoFromDay(day: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(day);
  const minutes = Math.round((day - Math.floor(day)) * 1440);
  return toIsoString({
    year,
    month,
    day: dayOfMonth,
    hour: Math.floor(minutes / 60) % 24,
    minute: minutes % 60,
    offsetMinutes: 0,
    precision: 'minute',
    approximate: false,
    uncertain: false,
  });
}

/**
 * How long an event's date label is, in characters, for estimating label widths without formatting every
 * event's date (100,000 of them would cost a long task): labels of the same shape (precisions, interval,
 * qualifiers, era) have about the same length, so one sample of each shape is formatted, with the longest
 * month and day.
 */
function dateLabelLengths(locale: string, words: DateWords): (event: TimelineEvent) => number {
  const lengths = new Map<string, number>();
  const sample = (date: CalendarDate | null): CalendarDate | null =>
    date && {
      ...date,
      ...(date.month === undefined ? {} : { month: 9 }),
      ...(date.day === undefined ? {} : { day: 28 }),
      ...(date.hour === undefined ? {} : { hour: 23, minute: 59 }),
      ...(date.second === undefined ? {} : { second: 59 }),
    };
  const shape = (date: CalendarDate | null) =>
    date
      ? `${date.precision}${date.approximate ? '~' : ''}${date.uncertain ? '?' : ''}${date.year <= 0 ? 'b' : ''}${String(Math.abs(date.year)).length}${date.offsetMinutes ?? ''}`
      : '-';
  return (event) => {
    const { start, end, isInterval } = event.date;
    const key = `${shape(start)}/${shape(end)}/${isInterval}`;
    let length = lengths.get(key);
    if (length === undefined)
      lengths.set(
        key,
        (length = formatSpan({ start: sample(start), end: sample(end), isInterval }, locale, words).length),
      );
    return length;
  };
}
