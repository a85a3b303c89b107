/**
 * Lane layout of the axis: events stacked in lanes within their group's row so that no two labels collide,
 * and the events that do not fit gathered into clusters (drawn as a count that zooms in when pressed).
 *
 * A layout is made for a zoom level, not for a window: panning never changes it, so labels do not jump
 * lanes while the reader drags. Zoom levels are quantised to quarter-octaves and packed at the level's lower
 * bound, so a label always has at least the room it was given, at any zoom inside the level. Packing is
 * O(n · lanes); finding what is visible is a binary search plus the visible items.
 */
import type { TimelineEvent } from '../model/types.js';
import { lowerBound, type CoordMap } from './coords.js';
import type { ViewWindow } from './view.js';

export interface AxisRow {
  /** A group id, or "" for events without a group. */
  readonly key: string;
  readonly label: string;
  readonly color?: string;
  /** Lanes in use in this row (at least 1). */
  readonly lanes: number;
}

export interface AxisItem {
  readonly event: TimelineEvent;
  readonly row: number;
  readonly lane: number;
  /** Where the event starts and ends on the axis. */
  readonly start: number;
  readonly end: number;
  /** Where its drawing (bar or label, whichever is longer) ends. */
  readonly reach: number;
  /** The label's width in pixels. */
  readonly labelPx: number;
}

export interface AxisCluster {
  readonly row: number;
  readonly start: number;
  readonly end: number;
  /** Indexes (chronological) of the first and last event in it. */
  readonly first: number;
  readonly last: number;
  readonly count: number;
}

export interface AxisLayout {
  readonly rows: readonly AxisRow[];
  readonly items: readonly AxisItem[];
  readonly clusters: readonly AxisCluster[];
  /** The scale (pixels per coordinate) the layout was packed at. */
  readonly pxPerCoord: number;
  /** The longest reach of any item, so a visible-range query knows how far back to look. */
  readonly maxReach: number;
  /** Item starts, for binary search. */
  readonly itemStarts: Float64Array;
  /** Cluster starts (clusters are in chronological order), and the widest cluster. */
  readonly clusterStarts: Float64Array;
  readonly maxClusterSpan: number;
}

export interface LayoutOptions {
  /** Lanes per row before events overflow into clusters. */
  maxLanes: number;
  /** Room a label needs, in pixels. */
  labelPx: (event: TimelineEvent) => number;
  /** Clear space between neighbours in a lane, in pixels. */
  gapPx?: number;
  /** Overflowing events closer than this (pixels) share a cluster. */
  clusterPx?: number;
}

/** The zoom level a scale belongs to, and the scale it is packed at (the level's lower bound). */
export function quantiseScale(pxPerCoord: number): { level: number; packedAt: number } {
  const level = Math.floor(Math.log2(pxPerCoord) * 4);
  return { level, packedAt: 2 ** (level / 4) };
}

/** Average advance of a character in the axis's label fonts, in pixels: headline (13 px, bold) and date (12 px). */
const HEADLINE_CHAR_PX = 7.4;
const DATE_CHAR_PX = 6.6;
/** Horizontal padding and border of a label. */
const LABEL_CHROME_PX = 18;
export const MIN_LABEL_PX = 72;
export const MAX_LABEL_PX = 180;

/**
 * A label's room, estimated from its text without measuring: wide enough for the date line and for the
 * headline on one line if it is short, or on two lines (and at least its longest word) if it is long, between
 * 72 and 180 px. The view gives each label exactly this width, so an estimate that is short only shortens the
 * text (with an ellipsis); it never makes labels overlap.
 */
export function estimateLabelPx(title: string, date: string): number {
  const oneLine = title.length * HEADLINE_CHAR_PX;
  const longestWord = Math.max(...title.split(/\s+/).map((word) => word.length)) * HEADLINE_CHAR_PX;
  const headline = oneLine <= MAX_LABEL_PX - LABEL_CHROME_PX ? oneLine : Math.max(oneLine / 2, longestWord);
  const needed = Math.max(headline, date.length * DATE_CHAR_PX) + LABEL_CHROME_PX;
  return Math.ceil(Math.min(MAX_LABEL_PX, Math.max(MIN_LABEL_PX, needed)));
}

/** Rows for the groups in use, in the timeline's group order, then one for events without a group. */
export function rowsFor(
  events: readonly TimelineEvent[],
  groups: readonly { id: string; label: string; color?: string }[],
  ungroupedLabel: string,
) {
  const used = new Set(events.map((event) => event.group?.id ?? ''));
  const rows: { key: string; label: string; color?: string }[] = groups
    .filter((group) => used.has(group.id))
    .map((group) => ({ key: group.id, label: group.label, ...(group.color ? { color: group.color } : {}) }));
  if (used.has('') || rows.length === 0) rows.push({ key: '', label: ungroupedLabel });
  return rows;
}

export function layoutAxis(
  events: readonly TimelineEvent[],
  map: CoordMap,
  rowSpecs: readonly { key: string; label: string; color?: string }[],
  pxPerCoord: number,
  options: LayoutOptions,
): AxisLayout {
  const gap = (options.gapPx ?? 12) / pxPerCoord;
  const clusterSpan = (options.clusterPx ?? 28) / pxPerCoord;
  const rowIndex = new Map(rowSpecs.map((row, index) => [row.key, index]));
  const laneEnds: number[][] = rowSpecs.map(() => []);
  const items: AxisItem[] = [];
  const clusters: AxisCluster[] = [];
  /** Per row, the index in `clusters` of the cluster still open to neighbours. */
  const openCluster: number[] = rowSpecs.map(() => -1);
  let maxReach = 0;

  events.forEach((event, slot) => {
    const row = rowIndex.get(event.group?.id ?? '') ?? rowSpecs.length - 1;
    const even = map.spacing === 'even';
    const start = even ? slot : map.toCoord(event.from);
    const end = even ? slot : map.toCoord(event.to);
    const labelPx = options.labelPx(event);
    const reach = Math.max(end, start + labelPx / pxPerCoord);
    const lanes = laneEnds[row];
    let lane = lanes.findIndex((laneEnd) => laneEnd <= start);
    if (lane < 0 && lanes.length < options.maxLanes) lane = lanes.length;
    if (lane >= 0) {
      lanes[lane] = reach + gap;
      items.push({ event, row, lane, start, end, reach, labelPx });
      maxReach = Math.max(maxReach, reach - start);
      return;
    }
    // Overflowing neighbours chain into one cluster while each is close to the end of the one before.
    const current = clusters[openCluster[row]];
    if (current && start - current.end <= clusterSpan) {
      clusters[openCluster[row]] = {
        ...current,
        end: Math.max(current.end, end),
        last: event.index,
        count: current.count + 1,
      };
    } else {
      openCluster[row] = clusters.push({ row, start, end, first: event.index, last: event.index, count: 1 }) - 1;
    }
  });

  const rows = rowSpecs.map((spec, index) => ({ ...spec, lanes: Math.max(1, laneEnds[index].length) }));
  return {
    rows,
    items,
    clusters,
    pxPerCoord,
    maxReach,
    itemStarts: Float64Array.from(items, (item) => item.start),
    clusterStarts: Float64Array.from(clusters, (cluster) => cluster.start),
    maxClusterSpan: clusters.reduce((widest, cluster) => Math.max(widest, cluster.end - cluster.start), 0),
  };
}

/** The items and clusters that intersect a window (items are sorted by start, so this is a binary search). */
export function visibleIn(layout: AxisLayout, view: ViewWindow): { items: AxisItem[]; clusters: AxisCluster[] } {
  const items: AxisItem[] = [];
  for (
    let i = lowerBound(layout.itemStarts, view.start - layout.maxReach);
    i < layout.items.length && layout.items[i].start < view.end;
    i++
  ) {
    if (layout.items[i].reach > view.start) items.push(layout.items[i]);
  }
  // A cluster is drawn at least a marker wide, so look a marker's width further back as well.
  const margin = 28 / layout.pxPerCoord;
  const clusters: AxisCluster[] = [];
  for (
    let i = lowerBound(layout.clusterStarts, view.start - layout.maxClusterSpan - margin);
    i < layout.clusters.length && layout.clusters[i].start < view.end;
    i++
  ) {
    if (layout.clusters[i].end + margin > view.start) clusters.push(layout.clusters[i]);
  }
  return { items, clusters };
}
