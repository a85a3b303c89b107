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
import { lowerBound } from './coords.js';
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

/**
 * What the layout works on, per shown event and in chronological order, computed once per data (not per zoom
 * level): where it starts and ends on the axis, its label's width and its row.
 */
export interface LayoutInput {
  readonly events: readonly TimelineEvent[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly labelPx: Float32Array;
  readonly rowOf: Int16Array;
  readonly rows: readonly { key: string; label: string; color?: string }[];
}

export interface AxisLayout {
  readonly rows: readonly AxisRow[];
  readonly clusters: readonly AxisCluster[];
  /** The scale (pixels per coordinate) the layout was packed at. */
  readonly pxPerCoord: number;
  /** Per event: its lane in its row, or -1 when it is in a cluster. */
  readonly lanes: Int16Array;
  /** Per event: where its drawing (bar or label, whichever is longer) ends. */
  readonly reach: Float64Array;
  /** The events drawn on their own (positions in the input), in order, and their starts, for binary search. */
  readonly drawn: Int32Array;
  readonly drawnStarts: Float64Array;
  /** The longest reach of any drawn event, so a visible-range query knows how far back to look. */
  readonly maxReach: number;
  /** Cluster starts (clusters are in chronological order), and the widest cluster. */
  readonly clusterStarts: Float64Array;
  readonly maxClusterSpan: number;
}

export interface LayoutOptions {
  /** Lanes per row before events overflow into clusters. */
  maxLanes: number;
  /** Clear space between neighbours in a lane, in pixels. */
  gapPx?: number;
  /** Overflowing events closer than this (pixels) share a cluster. */
  clusterPx?: number;
}

/** The scale a zoom level is packed at: its lower bound. Levels are quarter-octaves. */
export const levelScale = (level: number): number => 2 ** (level / 4);

/** The zoom level a scale belongs to, and the scale it is packed at (the level's lower bound). */
export function quantiseScale(pxPerCoord: number): { level: number; packedAt: number } {
  const level = Math.floor(Math.log2(pxPerCoord) * 4);
  return { level, packedAt: levelScale(level) };
}

/** Average advance of a character in the axis's label fonts, in pixels: headline (13 px, bold) and date (12 px). */
const HEADLINE_CHAR_PX = 7.4;
const DATE_CHAR_PX = 6.6;
/** Horizontal padding and border of a label. */
const LABEL_CHROME_PX = 18;
export const MIN_LABEL_PX = 72;
export const MAX_LABEL_PX = 180;

/**
 * A label's room, estimated from its text without measuring: wide enough for the date line (`dateChars`
 * characters) and for the
 * headline on one line if it is short, or on two lines (and at least its longest word) if it is long, between
 * 72 and 180 px. The view gives each label exactly this width, so an estimate that is short only shortens the
 * text (with an ellipsis); it never makes labels overlap.
 */
export function estimateLabelPx(title: string, dateChars: number): number {
  const oneLine = title.length * HEADLINE_CHAR_PX;
  const longestWord = Math.max(...title.split(/\s+/).map((word) => word.length)) * HEADLINE_CHAR_PX;
  const headline = oneLine <= MAX_LABEL_PX - LABEL_CHROME_PX ? oneLine : Math.max(oneLine / 2, longestWord);
  const needed = Math.max(headline, dateChars * DATE_CHAR_PX) + LABEL_CHROME_PX;
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

/**
 * Packs the events into lanes at a scale. Works on typed arrays and allocates only for clusters, so a new zoom
 * level costs one pass over the events even at 100,000 of them.
 */
export function layoutAxis(input: LayoutInput, pxPerCoord: number, options: LayoutOptions): AxisLayout {
  const { events, starts, ends, labelPx, rowOf, rows: rowSpecs } = input;
  const count = events.length;
  const gap = (options.gapPx ?? 12) / pxPerCoord;
  const clusterSpan = (options.clusterPx ?? 28) / pxPerCoord;
  const maxLanes = options.maxLanes;
  // Where each lane of each row is busy until (row * maxLanes + lane), and how many lanes each row uses.
  const laneEnds = new Float64Array(rowSpecs.length * maxLanes).fill(-Infinity);
  const lanesUsed = new Int16Array(rowSpecs.length);
  const lanes = new Int16Array(count);
  const reach = new Float64Array(count);
  const drawn = new Int32Array(count);
  let drawnCount = 0;
  const clusters: AxisCluster[] = [];
  /** Per row, the index in `clusters` of the cluster still open to neighbours. */
  const openCluster = new Int32Array(rowSpecs.length).fill(-1);
  let maxReach = 0;

  for (let i = 0; i < count; i++) {
    const row = rowOf[i];
    const start = starts[i];
    const end = ends[i];
    reach[i] = Math.max(end, start + labelPx[i] / pxPerCoord);
    const base = row * maxLanes;
    let lane = -1;
    for (let l = 0; l < lanesUsed[row]; l++) {
      if (laneEnds[base + l] <= start) {
        lane = l;
        break;
      }
    }
    if (lane < 0 && lanesUsed[row] < maxLanes) lane = lanesUsed[row]++;
    lanes[i] = lane;
    if (lane >= 0) {
      laneEnds[base + lane] = reach[i] + gap;
      drawn[drawnCount++] = i;
      maxReach = Math.max(maxReach, reach[i] - start);
      continue;
    }
    // Overflowing neighbours chain into one cluster while each is close to the end of the one before.
    const current = clusters[openCluster[row]];
    if (current && start - current.end <= clusterSpan) {
      clusters[openCluster[row]] = {
        ...current,
        end: Math.max(current.end, end),
        last: events[i].index,
        count: current.count + 1,
      };
    } else {
      openCluster[row] =
        clusters.push({ row, start, end, first: events[i].index, last: events[i].index, count: 1 }) - 1;
    }
  }

  const shown = drawn.slice(0, drawnCount);
  return {
    rows: rowSpecs.map((spec, index) => ({ ...spec, lanes: Math.max(1, lanesUsed[index]) })),
    clusters,
    pxPerCoord,
    lanes,
    reach,
    drawn: shown,
    drawnStarts: Float64Array.from(shown, (i) => starts[i]),
    maxReach,
    clusterStarts: Float64Array.from(clusters, (cluster) => cluster.start),
    maxClusterSpan: clusters.reduce((widest, cluster) => Math.max(widest, cluster.end - cluster.start), 0),
  };
}

/** The drawn event at a position in the input, as an item, or undefined when it is in a cluster. */
export function itemAt(layout: AxisLayout, input: LayoutInput, position: number): AxisItem | undefined {
  const lane = layout.lanes[position];
  if (position < 0 || position >= input.events.length || lane < 0) return undefined;
  return {
    event: input.events[position],
    row: input.rowOf[position],
    lane,
    start: input.starts[position],
    end: input.ends[position],
    reach: layout.reach[position],
    labelPx: input.labelPx[position],
  };
}

/** The items and clusters that intersect a window (binary searches, then only what is visible). */
export function visibleIn(
  layout: AxisLayout,
  input: LayoutInput,
  view: ViewWindow,
): { items: AxisItem[]; clusters: AxisCluster[] } {
  const items: AxisItem[] = [];
  const { drawn, drawnStarts } = layout;
  for (
    let k = lowerBound(drawnStarts, view.start - layout.maxReach);
    k < drawn.length && drawnStarts[k] < view.end;
    k++
  ) {
    if (layout.reach[drawn[k]] > view.start) items.push(itemAt(layout, input, drawn[k])!);
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
