/**
 * Everything the axis draws, in pixels: rows, event items in their lanes, clusters, eras and ticks, for a
 * render window around the visible one. The element draws the scene once and pans by translating it, so a
 * pan within the render window costs one transform; a new scene is built only when the view leaves it or
 * the zoom changes. Pure: no DOM.
 */
import type { TimelineEra } from '../model/types.js';
import type { AxisBreak } from './breaks.js';
import type { CoordMap } from './coords.js';
import { visibleIn, type AxisCluster, type AxisItem, type AxisLayout, type LayoutInput } from './layout.js';
import { lanePx } from './text-width.js';
import { labelPx, ticksFor, type Tick, type TickSet } from './ticks.js';
import { span, type ViewWindow } from './window.js';

export const CLUSTER_PX = 30;
/** The room a cluster's marker ("+12") takes. */
const CLUSTER_MARKER_PX = 48;
/** The widest a cluster's marker grows to show its name, and the room it needs to show one at all. */
export const CLUSTER_NAME_PX = 220;
export const CLUSTER_NAMED_PX = 112;
export const ROW_GAP_PX = 10;
export const MIN_BAR_PX = 10;
/** Room above a labelled row's lanes for the row's (group's) name. */
export const ROW_LABEL_PX = 20;
/** How far before a scene's start a minor tick is still drawn, so that its label runs into the scene. */
const TICK_LABEL_PX = 80;

export interface SceneRow {
  readonly key: string;
  readonly label: string;
  readonly color?: string;
  readonly top: number;
  readonly height: number;
  /** Where its first lane starts. */
  readonly lanesTop: number;
}

export interface SceneItem {
  readonly item: AxisItem;
  readonly x: number;
  readonly y: number;
  readonly barPx: number;
  /** The height of its lane, and the lines of headline its label shows there. */
  readonly heightPx: number;
  readonly lines: number;
}

export interface SceneCluster {
  readonly cluster: AxisCluster;
  readonly x: number;
  readonly y: number;
  /**
   * The room its marker has, up to the next cluster of its row or the end of the data, at most CLUSTER_NAME_PX:
   * from CLUSTER_NAMED_PX on, it shows the cluster's name (see cluster-name.ts), else only the count.
   */
  readonly roomPx: number;
}

export interface SceneEra {
  readonly era: TimelineEra;
  readonly x: number;
  readonly widthPx: number;
}

export interface SceneBreak {
  /** The gap it folds, and where it sits on the axis. */
  readonly fold: AxisBreak;
  readonly x: number;
  readonly widthPx: number;
}

export interface SceneTick {
  /** Where it is on the axis: the same tick keeps it from one zoom step to the next. */
  readonly coord: number;
  readonly x: number;
  readonly label: string;
}

export interface Scene {
  /** The coordinates the scene covers: the visible window and a flank on each side (see renderWindowFor). */
  readonly window: ViewWindow;
  /** The flank, as a fraction of the view's width. */
  readonly flank: number;
  /** Pixels per coordinate. */
  readonly scale: number;
  readonly rows: readonly SceneRow[];
  readonly heightPx: number;
  readonly items: readonly SceneItem[];
  readonly clusters: readonly SceneCluster[];
  readonly eras: readonly SceneEra[];
  readonly breaks: readonly SceneBreak[];
  readonly minorTicks: readonly SceneTick[];
  readonly majorTicks: readonly SceneTick[];
  readonly tickUnit: string;
}

/**
 * The render window for a view: the view plus `flank` of its width on each side. A whole width (the default)
 * lets a drag pan a full window before the scene is rebuilt; while the zoom is changing, every step rebuilds
 * the scene anyway, so the axis draws its events with a thin flank then and adds the rest once the zoom rests.
 */
export function renderWindowFor(view: ViewWindow, flank = 1): ViewWindow {
  const width = span(view) * flank;
  return { start: view.start - width, end: view.end + width };
}

/** Whether a view can still be shown by panning a scene built for `window`. */
export function sceneCovers(window: ViewWindow, view: ViewWindow): boolean {
  return view.start >= window.start && view.end <= window.end;
}

/** How a scene is drawn: besides the layout, the view and the data's placement. */
export interface SceneOptions {
  readonly widthPx: number;
  readonly map: CoordMap;
  readonly eras: readonly TimelineEra[];
  readonly locale: string;
  /** The flank on each side of the view, as a fraction of its width (see renderWindowFor). */
  readonly flank: number;
  /**
   * Per row, the lines of headline each of its lanes holds: the lanes and their heights are those of the first
   * view, whatever the zoom, so the element's height does not change while the reader zooms.
   */
  readonly laneLines: readonly (readonly number[])[];
  /** Per event: the lines its headline wraps to. */
  readonly labelLines: ArrayLike<number>;
}

export function buildScene(layout: AxisLayout, input: LayoutInput, view: ViewWindow, options: SceneOptions): Scene {
  const { widthPx, map, eras, locale, flank, laneLines, labelLines } = options;
  // Where each lane of each row begins, below its row's label.
  const laneTops = laneLines.map((lines) => {
    let top = 0;
    return [...lines.map((count) => (top += lanePx(count)) - lanePx(count)), top];
  });
  const scale = widthPx / span(view);
  const window = renderWindowFor(view, flank);
  // Ticks are chosen over the full flanks whatever the flank (which labels fit is decided from the first one),
  // so the same ticks stand when the flanks are added after a zoom; a thin scene draws only the minor ones in
  // it. Eras and major ticks are few, and the label pinned at the view's edge needs the major before it.
  const full = renderWindowFor(view);
  const x = (coord: number) => (coord - window.start) * scale;
  const { items, clusters } = visibleIn(layout, input, window);

  let top = 0;
  const rows = layout.rows.map((row, index) => {
    // A row is as tall as its lanes, plus a strip for the clusters that zooming out gathers.
    const labelPx = row.label ? ROW_LABEL_PX : 0;
    const height = labelPx + laneTops[index].at(-1)! + CLUSTER_PX;
    const placed = {
      key: row.key,
      label: row.label,
      ...(row.color ? { color: row.color } : {}),
      top,
      height,
      lanesTop: top + labelPx,
    };
    top += height + ROW_GAP_PX;
    return placed;
  });

  // A cluster's marker near the end of the data stays inside it, as labels do. Its name runs up to the next
  // marker of its row (clusters are in chronological order), or the end of the data.
  const end = x(layout.endLimit);
  const markerX = clusters.map((cluster) => Math.min(x(cluster.start), end - CLUSTER_MARKER_PX));
  const roomPx = markerX.map(() => CLUSTER_NAME_PX);
  const nextInRow = new Map<number, number>();
  for (let k = clusters.length - 1; k >= 0; k--) {
    const room = (nextInRow.get(clusters[k].row) ?? end) - markerX[k] - 4;
    roomPx[k] = Math.max(CLUSTER_MARKER_PX, Math.min(CLUSTER_NAME_PX, room));
    nextInRow.set(clusters[k].row, markerX[k]);
  }

  const ticks = ticksBetweenBreaks(full, map, widthPx * 3, locale);
  return {
    window,
    flank,
    scale,
    rows,
    heightPx: Math.max(top - ROW_GAP_PX, lanePx(1)),
    items: items.map((item) => ({
      item,
      x: x(item.start),
      y: rows[item.row].lanesTop + laneTops[item.row][item.lane],
      barPx: Math.max(MIN_BAR_PX, (item.end - item.start) * scale),
      heightPx: lanePx(laneLines[item.row][item.lane]),
      lines: Math.min(labelLines[item.position], laneLines[item.row][item.lane]),
    })),
    clusters: clusters.map((cluster, k) => ({
      cluster,
      x: markerX[k],
      y: rows[cluster.row].lanesTop + laneTops[cluster.row].at(-1)!,
      roomPx: roomPx[k],
    })),
    eras: eras
      .map((era) => ({ era, start: map.toCoord(era.from), end: map.toCoord(era.to) }))
      .filter(({ start, end }) => end > full.start && start < full.end)
      .map(({ era, start, end }) => {
        const left = Math.max(start, full.start);
        return { era, x: x(left), widthPx: (Math.min(end, full.end) - left) * scale };
      }),
    breaks: map.breaks
      .filter((fold) => fold.end > window.start && fold.start < window.end)
      .map((fold) => ({ fold, x: x(fold.start), widthPx: (fold.end - fold.start) * scale })),
    minorTicks: ticks.minor
      .filter(({ coord }) => coord >= window.start - TICK_LABEL_PX / scale && coord <= window.end)
      .map((tick) => ({ ...tick, x: x(tick.coord) })),
    majorTicks: ticks.major.map((tick) => ({ ...tick, x: x(tick.coord) })),
    tickUnit: ticks.unit,
  };
}

/**
 * The major label in force at the view's leading edge (the year when months show), pinned there while its
 * span continues off screen, unless the next major label is about to take its place.
 */
export function pinnedMajor(scene: Scene, view: ViewWindow): string | undefined {
  const offset = (view.start - scene.window.start) * scene.scale;
  const index = scene.majorTicks.findLastIndex((tick) => tick.x <= offset + 1);
  if (index < 0) return undefined;
  const { label } = scene.majorTicks[index];
  const next = scene.majorTicks[index + 1];
  return next && next.x - offset < labelPx(label) ? undefined : label;
}

/**
 * The ticks for a window, made for each stretch between breaks on its own, so that none runs across a break: time
 * is proportional within a stretch, and every stretch has the same scale, so all get the same unit. A stretch
 * after a break starts with the major label in force there ("2012" after a break from 1986), and a label at the
 * end of one stretch that would run into the first of the next is dropped.
 */
export function ticksBetweenBreaks(view: ViewWindow, map: CoordMap, widthPx: number, locale: string): TickSet {
  if (!map.breaks.length) return ticksFor(view, map, widthPx, locale);
  const pxPerCoord = widthPx / span(view);
  const stretches: ViewWindow[] = [];
  let start = view.start;
  for (const fold of map.breaks) {
    if (fold.end <= start) continue;
    if (fold.start >= view.end) break;
    if (fold.start > start) stretches.push({ start, end: fold.start });
    start = fold.end;
  }
  if (start < view.end) stretches.push({ start, end: view.end });
  const minor: Tick[] = [];
  const major: Tick[] = [];
  let unit = '';
  const append = (kept: Tick[], ticks: readonly Tick[]) => {
    const first = ticks[0];
    while (first && kept.length && (first.coord - kept.at(-1)!.coord) * pxPerCoord < labelPx(kept.at(-1)!.label))
      kept.pop();
    kept.push(...ticks);
  };
  for (const [index, stretch] of stretches.entries()) {
    const set = ticksFor(stretch, map, span(stretch) * pxPerCoord, locale);
    unit = set.unit;
    const inside = (tick: Tick) => tick.coord >= stretch.start && tick.coord < stretch.end;
    append(minor, set.minor.filter(inside));
    // The first stretch keeps the major label in force before it (it is pinned at the view's edge); a later one
    // shows it where the stretch begins.
    const inForce = set.major.findLast((tick) => tick.coord < stretch.start);
    const majors = set.major.filter(inside);
    if (inForce && (index === 0 || majors[0]?.coord !== stretch.start))
      majors.unshift(index === 0 ? inForce : { ...inForce, coord: stretch.start });
    append(major, majors);
  }
  return { minor, major, unit };
}
