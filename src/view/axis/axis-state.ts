/**
 * What the axis shows and where: the data derived from the shown events, the visible window and how zoom and pan
 * move it, the lane layouts and the drawn scene. The templates (axis.ts) draw it; the gesture controller moves
 * it; the element learns of every move that ends through `onRangeChange`, and nothing here reads the element.
 */
import type { ReactiveControllerHost } from 'lit';
import type { AxisGestureHost } from './axis-gesture-controller.js';
import type { DateWords } from '../../i18n/messages.js';
import { formatSpan } from '../../model/format.js';
import type { Timeline, TimelineEvent } from '../../model/types.js';
import {
  dateLabelChars,
  deriveAxisData,
  extentOf,
  fitAll,
  isoFromDay,
  rangeLabel,
  type AxisData,
  type Breaks,
} from '../../scale/axis-data.js';
import type { Spacing } from '../../scale/coords.js';
import { fitFirstView, initialWindow, windowFor } from '../../scale/first-view.js';
import { itemAt, type AxisItem } from '../../scale/layout.js';
import { buildScene, sceneCovers, type Scene } from '../../scale/scene.js';
import {
  clampView,
  fitView,
  panView,
  revealInView,
  sameView,
  span,
  zoomView,
  type ViewLimits,
  type ViewWindow,
} from '../../scale/window.js';
import { LaneLayouts } from './lane-layouts.js';
import { measureTextScale } from './text-scale.js';

/** What the axis state is computed from: the part of the element's snapshot that is not about drawing. */
export interface AxisStateInput {
  readonly timeline: Timeline | null;
  /** The events the filters let through; the same array until they change. */
  readonly events: readonly TimelineEvent[];
  readonly spacing: Spacing;
  readonly breaks: Breaks;
  readonly groupRows: boolean;
  /** The interval to show first ("2016-11/2018-05"), if any. */
  readonly view?: string;
  readonly widthPx: number;
  /** The most lanes the first view may grow to before events gather into clusters. */
  readonly maxLanes: number;
  readonly rtl: boolean;
  readonly locale: string;
  readonly messages: DateWords & { readonly context: string };
  /** The element's computed font (`font-size font-family`): the labels' widths are estimated for it. */
  readonly font: string;
}

/** A visible range that a zoom or pan left, as ISO 8601 text, and said in words. */
export interface RangeReport {
  readonly range: { readonly start: string; readonly end: string };
  readonly label: string;
}

/** Zoom step used to dig an event out of a cluster. */
const ZOOM_STEP = 2;
/** While zooming, the scene's flank on each side, as a fraction of the view's width (see scene). */
const ZOOMING_FLANK = 0.1;
/** How long the zoom must stay still before the scene gets its full flanks. */
const ZOOM_REST_MS = 150;

export class AxisState implements AxisGestureHost {
  private input!: AxisStateInput;
  private derived?: AxisData;
  private derivedFrom: readonly unknown[] = [];
  private lanes?: LaneLayouts;
  /** The lanes of each row and the lines each holds, as the first view needs them (see fitFirstView). */
  private laneLines: readonly (readonly number[])[] = [];
  private lanesFrom: readonly unknown[] = [];
  private window: ViewWindow | null = null;
  private scene?: Scene;
  private sceneLocale = '';
  /** Pending while the zoom may still be changing; when it fires, the scene gets its full flanks. */
  private zoomRestTimer?: ReturnType<typeof setTimeout>;

  /**
   * @param host - The element whose updates draw the axis.
   * @param onRangeChange - A zoom or pan has ended, leaving the view at this range.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onRangeChange: (report: RangeReport) => void,
  ) {}

  /** Takes the element's latest state; derives the data again only when the events or how they are shown change. */
  update(input: AxisStateInput): void {
    this.input = input;
    this.derive();
    const lanesKey = [this.derived, input.widthPx, input.maxLanes];
    if (lanesKey.every((part, index) => part === this.lanesFrom[index])) return;
    this.lanesFrom = lanesKey;
    ({ laneLines: this.laneLines } = fitFirstView(this.data, input.widthPx, input.maxLanes, input.view));
    this.lanes?.dispose();
    this.lanes = new LaneLayouts(
      this.data,
      this.laneLines.map((lanes) => lanes.length),
      () => {
        if (this.zooming) this.host.requestUpdate();
      },
    );
    this.scene = undefined;
  }

  /** The data derived from the events; again only when the events or how they are shown change. */
  private derive(): void {
    const { events, spacing, breaks, groupRows, timeline, locale, messages, font } = this.input;
    // The language, its words and the font too: label widths (and so the lane layouts) depend on them.
    const key = [events, spacing, breaks, groupRows, timeline, locale, messages, font];
    if (this.derived && key.every((part, index) => part === this.derivedFrom[index])) return;
    const previous = this.derivedFrom;
    this.derivedFrom = key;
    // Another spacing or folding moves every coordinate: the window starts again.
    const moved = this.derived?.map.spacing !== spacing || previous[2] !== breaks;
    this.derived = deriveAxisData(events, timeline, {
      spacing,
      breaks,
      groupRows,
      dateChars: dateLabelChars(this.format),
      textScale: measureTextScale(font),
      contextBadge: messages.context,
    });
    this.window = this.window && !moved ? clampView(this.window, this.derived.limits) : null;
  }

  /** Stops its timers and background work (the element left the page). */
  dispose(): void {
    clearTimeout(this.zoomRestTimer);
    this.zoomRestTimer = undefined;
    this.lanes?.dispose();
  }

  get data(): AxisData {
    return this.derived!;
  }

  private readonly format = (dateSpan: Parameters<typeof formatSpan>[0]) =>
    formatSpan(dateSpan, this.input.locale, this.input.messages);

  /** Whether the zoom changed less than ZOOM_REST_MS ago (and may be changing still). */
  private get zooming(): boolean {
    return this.zoomRestTimer !== undefined;
  }

  // ------------------------------------------------ the window (AxisGestureHost)

  get isRtl(): boolean {
    return this.input.rtl;
  }

  get axisView(): ViewWindow {
    this.window ??= this.initialView() ?? fitAll(this.data, this.input.widthPx);
    return this.window;
  }

  get axisLimits(): ViewLimits {
    return this.data.limits;
  }

  get axisScale(): number {
    return this.input.widthPx / span(this.axisView);
  }

  /** Forgets the window, so the next render starts from `view` (or everything) again. */
  resetView(): void {
    this.window = null;
  }

  /** The window `view` asks for, if it is a valid interval. */
  private initialView(): ViewWindow | undefined {
    return initialWindow(this.data, this.input.view);
  }

  coordAt(clientX: number, viewport: Element): number {
    const rect = viewport.getBoundingClientRect();
    const x = this.isRtl ? rect.right - clientX : clientX - rect.left;
    return this.axisView.start + x / this.axisScale;
  }

  setAxisView(view: ViewWindow): void {
    if (this.window && sameView(this.window, view)) return;
    this.window = view;
    this.host.requestUpdate();
  }

  axisGestureEnded(): void {
    this.onRangeChange({ range: this.visibleRange(), label: rangeLabel(this.axisView, this.data.map, this.format) });
  }

  /** The visible range as ISO 8601 text. */
  visibleRange(): { start: string; end: string } {
    const { map } = this.data;
    const view = this.axisView;
    return { start: isoFromDay(map.toDay(view.start)), end: isoFromDay(map.toDay(view.end)) };
  }

  /** Zooms by a factor (> 1 zooms in) around an event if it is drawn in view, else around the middle. */
  zoomBy(factor: number, aroundId: string | null): void {
    const view = this.axisView;
    const around = aroundId === null ? undefined : this.itemFor(aroundId);
    const anchor =
      around && around.start >= view.start && around.start <= view.end ? around.start : (view.start + view.end) / 2;
    this.moveTo(zoomView(view, factor, anchor, this.axisLimits));
  }

  fit(): void {
    this.moveTo(fitAll(this.data, this.input.widthPx));
  }

  zoomTo(start: string | Date, end: string | Date): void {
    const view = windowFor(this.data, start, end);
    if (view) this.moveTo(view);
  }

  /** Pans by most of a window: forward (1) or back (-1). */
  page(direction: 1 | -1): void {
    const view = this.axisView;
    this.moveTo(panView(view, direction * span(view) * 0.8, this.axisLimits));
  }

  /** Pans (without zooming) so the event at a position comes into view. */
  panTo(position: number): void {
    const coord = this.data.starts[position];
    this.moveTo(revealInView(this.axisView, coord, coord, this.axisLimits, 0.25));
  }

  /** Zooms to show the events from position `first` to `last` (a cluster's). */
  zoomToEvents(first: number, last: number): void {
    const { from, to } = extentOf(this.data, first, last);
    this.moveTo(fitView(from, to, this.axisLimits, 0.15));
  }

  /** A move that the reader asked for at once (not a gesture in progress): it ends as it starts. */
  private moveTo(view: ViewWindow): void {
    this.setAxisView(view);
    this.axisGestureEnded();
  }

  /**
   * The event's place in the current layout, if it is drawn on its own (not in a cluster). `settled`: in the layout
   * of the zoom level itself, as it is drawn once the zoom rests, not in the lanes kept while it changes.
   */
  itemFor(id: string, settled = false): AxisItem | undefined {
    const position = this.data.positionOf.get(id);
    return position === undefined ? undefined : itemAt(this.layout(settled), this.data, position);
  }

  /** Brings an event into view, zooming in until it is drawn on its own rather than in a cluster. */
  reveal(id: string): void {
    const position = this.data.positionOf.get(id);
    if (position === undefined) return;
    const { limits } = this.data;
    const coord = this.data.starts[position];
    let view = this.axisView;
    let zoomed = false;
    // Judged in each level's own layout: an event revealed while a zoom settles must still be drawn after it.
    for (let attempt = 0; attempt < 24 && !this.itemFor(id, true) && span(view) > limits.minSpan; attempt++) {
      view = zoomView(view, ZOOM_STEP, coord, limits);
      this.window = view; // the layout to test next is the one for this zoom
      zoomed = true;
    }
    const item = this.itemFor(id, true);
    // What is drawn of it: from its marker to the end of its bar or label, or back to where a flipped label begins.
    const from = item ? (item.flipped ? item.start - item.labelPx / this.axisScale : item.start) : coord;
    const to = item?.reach ?? coord;
    // An event dug out of a cluster is shown in the middle, among its neighbours; one already drawn is only
    // brought inside the edges, so the view moves as little as possible, and not at all when it is wholly in view
    // (moving then would cut another headline at the edge for nothing).
    const middle = (from + to) / 2;
    const next = zoomed
      ? clampView({ start: middle - span(view) / 2, end: middle + span(view) / 2 }, limits)
      : from >= view.start && to <= view.end
        ? view
        : revealInView(view, from, to, limits);
    if (next === this.window) return;
    this.window = next;
    this.host.requestUpdate();
  }

  /** The lane layout for the current zoom (see LaneLayouts.at); kept while a scene drawn with it is current. */
  private layout(settled = false) {
    return this.lanes!.at(this.axisScale, !settled && this.zooming && this.scene !== undefined);
  }

  /**
   * The scene for the current view: rebuilt only when the view leaves it, the zoom or the locale changes.
   *
   * A zoom step redraws most events (each zoom level has its own lanes), and new labels are what a frame
   * pays for. So while the zoom changes, the scene covers the view and a thin flank only (a third of the
   * labels); once it has rested for ZOOM_REST_MS, the flanks a drag pans into are added.
   */
  currentScene(): Scene {
    const view = this.axisView;
    const scale = this.axisScale;
    const { locale, widthPx } = this.input;
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
      const { data } = this;
      this.scene = buildScene(this.layout(), data, view, {
        widthPx,
        map: data.map,
        eras: data.eras,
        locale,
        flank: zoomed ? ZOOMING_FLANK : 1,
        laneLines: this.laneLines,
        labelLines: data.labelLines,
      });
    }
    return this.scene;
  }
}
