/**
 * Lane layout of the axis: events stacked in lanes within their group's row so that no two labels collide,
 * and the events that do not fit gathered into clusters (drawn as a button, named after the most important event
 * in it, that zooms in when pressed).
 *
 * Where labels compete, the more important event keeps its label: events are given lanes in order of
 * `importance`, most important first (and in chronological order among equals), each in the first lane where
 * its label meets no label placed before it, so a less important event never takes a more important one's place;
 * the ones left without a lane form the clusters.
 *
 * A layout is made for a zoom level, not for a window: panning never changes it, so labels do not jump
 * lanes while the reader drags. Zoom levels are quantised to quarter-octaves and packed at the level's lower
 * bound, so a label always has at least the room it was given, at any zoom inside the level. Packing is
 * O(n · lanes) for each level of importance in use, one pass each; finding what is visible is a binary search
 * plus the visible items.
 */
import type { TimelineEvent } from '../model/types.js';
import { lowerBound } from './coords.js';
import type { ViewWindow } from './window.js';

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
  /** Its position in the layout's input. */
  readonly position: number;
  readonly row: number;
  readonly lane: number;
  /** Where the event starts and ends on the axis. */
  readonly start: number;
  readonly end: number;
  /** Where its drawing (bar or label, whichever is longer) ends. */
  readonly reach: number;
  /** The label's width in pixels. */
  readonly labelPx: number;
  /**
   * Whether its label runs back from its marker instead of on from it: an event near the end of the data keeps
   * its label inside the axis that way, rather than cut by the element's edge.
   */
  readonly flipped: boolean;
}

export interface AxisCluster {
  readonly row: number;
  readonly start: number;
  readonly end: number;
  /** Positions (in the layout's input) of the first and last event in it. */
  readonly first: number;
  readonly last: number;
  readonly count: number;
  /** Position of its most important event (the earliest of equals), which names it (see cluster-name.ts). */
  readonly lead: number;
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
  /** Per event: 1 where its label runs back from its marker (see AxisItem.flipped). */
  readonly flipped: Uint8Array;
  /** How far before its start a flipped label reaches, at most, so a visible-range query looks that far ahead. */
  readonly maxBackReach: number;
  /**
   * The events drawn on their own (positions in the input), in order; their starts, for binary search; and
   * where their drawings end. Kept for the drawn events only: a layout stays small when most are clustered.
   */
  readonly drawn: Int32Array;
  readonly drawnStarts: Float64Array;
  readonly drawnReach: Float64Array;
  /** The longest reach of any drawn event, so a visible-range query knows how far back to look. */
  readonly maxReach: number;
  /** Where labels must end to stay inside the data and its margin (see LayoutOptions.endMarginPx). */
  readonly endLimit: number;
  /** Cluster starts (clusters are in chronological order), and the widest cluster. */
  readonly clusterStarts: Float64Array;
  readonly maxClusterSpan: number;
}

export interface LayoutOptions {
  /** Lanes per row before events overflow into clusters: one number for every row, or one per row. */
  maxLanes: number | readonly number[];
  /** How far past the end of the data (pixels) a label may run before it runs back from its marker instead. */
  endMarginPx?: number;
  /** Clear space between neighbours in a lane, in pixels. */
  gapPx?: number;
  /** Overflowing events closer than this (pixels) share a cluster. */
  clusterPx?: number;
  /**
   * The widest a cluster grows (pixels) before the next overflowing event starts a new one. Without a bound,
   * dense data chains into one cluster from its first event to its last, and its one marker sits at the start,
   * off screen once the reader zooms in: a marker every so often says where the hidden events are.
   */
  clusterMaxPx?: number;
}

/** The scale a zoom level is packed at: its lower bound. Levels are quarter-octaves. */
export const levelScale = (level: number): number => 2 ** (level / 4);

/** The zoom level a scale belongs to, and the scale it is packed at (the level's lower bound). */
export function quantiseScale(pxPerCoord: number): { level: number; packedAt: number } {
  const level = Math.floor(Math.log2(pxPerCoord) * 4);
  return { level, packedAt: levelScale(level) };
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

/** Where an event's drawing (bar or label, whichever is longer) ends at a scale. */
const reachAt = (input: LayoutInput, position: number, pxPerCoord: number): number =>
  Math.max(input.ends[position], input.starts[position] + input.labelPx[position] / pxPerCoord);

/**
 * Packs the events into lanes at a scale, a slice at a time, so that a zoom level can be packed in idle
 * moments without holding up a frame (see `layoutAxis` for the packing in one go). Works on typed arrays and
 * allocates only per cluster and, when events differ in importance, per lane: a level costs one pass over the
 * events for each level of importance in use, even at 100,000 of them.
 *
 * Each pass gives lanes to the events of one importance, in chronological order, first fit: an event takes the
 * first lane where its label (and the gap after it) meets neither a label of its own pass, which all end before
 * it (`laneEnds`), nor one of a more important pass (`placed`, kept sorted per lane).
 */
export class LanePacker {
  /** How many events of `order` are packed. */
  private next = 0;
  /** The positions in packing order: the most important first, then in chronological order. */
  private readonly order: Int32Array;
  /** Where in `order` each pass ends. */
  private readonly passEnds: number[] = [];
  private readonly gap: number;
  private readonly clusterSpan: number;
  private readonly clusterMaxSpan: number;
  private readonly maxLanes: readonly number[];
  /** Lanes per row in laneEnds: the most any row may use. */
  private readonly stride: number;
  /** Where labels must end to stay inside the data (and its margin), and where flipped ones may begin. */
  private readonly endLimit: number;
  private readonly startLimit: number;
  private readonly flipped: Uint8Array;
  private maxBackReach = 0;
  /** Where each lane of each row (row * stride + lane) is busy until, in the current pass. */
  private readonly laneEnds: Float64Array;
  /**
   * Per lane: what earlier passes placed in it, as sorted [from, busy until) pairs, one after another; what this
   * pass placed, to join them when it ends; and how far a scan of `placed` has gone (see `meets`).
   */
  private readonly placed: number[][];
  private readonly placing: number[][];
  private readonly scanned: Int32Array;
  /** Whether a pass has ended, so that lanes hold labels of more important events. */
  private afterFirstPass = false;
  private readonly lanesUsed: Int16Array;
  private readonly lanes: Int16Array;

  constructor(
    private readonly input: LayoutInput,
    private readonly pxPerCoord: number,
    options: LayoutOptions,
  ) {
    const rows = input.rows.length;
    const count = input.events.length;
    this.gap = (options.gapPx ?? 12) / pxPerCoord;
    this.clusterSpan = (options.clusterPx ?? 28) / pxPerCoord;
    this.clusterMaxSpan = (options.clusterMaxPx ?? 96) / pxPerCoord;
    const { maxLanes } = options;
    this.maxLanes = typeof maxLanes === 'number' ? input.rows.map(() => maxLanes) : maxLanes;
    this.stride = Math.max(1, ...this.maxLanes);
    this.laneEnds = new Float64Array(rows * this.stride).fill(-Infinity);
    this.placed = Array.from({ length: rows * this.stride }, () => []);
    this.placing = Array.from({ length: rows * this.stride }, () => []);
    this.scanned = new Int32Array(rows * this.stride);
    let end = -Infinity;
    for (const value of input.ends) end = Math.max(end, value);
    const margin = (options.endMarginPx ?? 16) / pxPerCoord;
    this.endLimit = end + margin;
    this.startLimit = (input.starts[0] ?? 0) - margin;
    this.flipped = new Uint8Array(count);
    this.lanesUsed = new Int16Array(rows);
    this.lanes = new Int16Array(count);
    // A counting sort by importance (1 to 5, as parseTimeline checks), stable, so that each pass is in
    // chronological order.
    const levels = Uint8Array.from(input.events, (event) => event.importance);
    const counts = new Int32Array(6);
    for (const level of levels) counts[level]++;
    const next = new Int32Array(6);
    for (let level = 5, packed = 0; level > 0; level--) {
      next[level] = packed;
      packed += counts[level];
      if (counts[level]) this.passEnds.push(packed);
    }
    this.order = new Int32Array(count);
    levels.forEach((level, position) => (this.order[next[level]++] = position));
  }

  /**
   * Whether a label from `from` (busy until `until`) meets one placed in `slot` by an earlier pass. A scan per
   * lane moves on with the pass, as its events come in chronological order; a label that runs back from its
   * marker (only near the end of the data) is looked up on its own.
   */
  private meets(slot: number, from: number, until: number, flip: boolean): boolean {
    const placed = this.placed[slot];
    // The first pair that ends after `from` (ends are in order, as the pairs do not overlap).
    let k = this.scanned[slot];
    if (flip) {
      let high = placed.length / 2;
      for (k = 0; k < high;) {
        const middle = (k + high) >>> 1;
        if (placed[2 * middle + 1] <= from) k = middle + 1;
        else high = middle;
      }
      k *= 2;
    } else {
      while (k < placed.length && placed[k + 1] <= from) k += 2;
      this.scanned[slot] = k;
    }
    return k < placed.length && placed[k] < until;
  }

  /** Joins what this pass placed to what earlier passes did, lane by lane, for the next pass. */
  private endPass(): void {
    this.placing.forEach((fresh, slot) => {
      if (!fresh.length) return;
      const old = this.placed[slot];
      const joined: number[] = [];
      let a = 0;
      let b = 0;
      while (a < old.length || b < fresh.length) {
        if (b >= fresh.length || (a < old.length && old[a] < fresh[b])) {
          joined.push(old[a], old[a + 1]);
          a += 2;
        } else {
          joined.push(fresh[b], fresh[b + 1]);
          b += 2;
        }
      }
      this.placed[slot] = joined;
      this.placing[slot] = [];
    });
    this.scanned.fill(0);
    this.laneEnds.fill(-Infinity);
    this.afterFirstPass = true;
  }

  /** Packs up to `count` more events (in packing order). True once every event is packed. */
  advance(count: number): boolean {
    const { input, pxPerCoord, laneEnds, lanesUsed, lanes, maxLanes, stride, order, passEnds } = this;
    const { starts, ends, rowOf, labelPx } = input;
    const lastPass = passEnds.at(-1)!;
    const stop = Math.min(order.length, this.next + count);
    for (let k = this.next; k < stop; k++) {
      if (k === passEnds[0]) {
        passEnds.shift();
        this.endPass();
      }
      const i = order[k];
      const row = rowOf[i];
      const start = starts[i];
      let reach = reachAt(input, i, pxPerCoord);
      // A label that would run past the end of the data runs back from its marker, if it fits there.
      const back = labelPx[i] / pxPerCoord;
      const flip = reach > this.endLimit && start - back >= this.startLimit;
      if (flip) reach = Math.max(ends[i], start);
      const from = flip ? start - back : start;
      const until = reach + this.gap;
      const base = row * stride;
      let lane = -1;
      for (let l = 0; l < lanesUsed[row]; l++) {
        if (laneEnds[base + l] <= from && !(this.afterFirstPass && this.meets(base + l, from, until, flip))) {
          lane = l;
          break;
        }
      }
      if (lane < 0 && lanesUsed[row] < maxLanes[row]) lane = lanesUsed[row]++;
      lanes[i] = lane;
      if (lane < 0) continue;
      laneEnds[base + lane] = until;
      // Kept for the passes to come; the last pass has none after it.
      if (passEnds[0] !== lastPass) this.placing[base + lane].push(from, until);
      if (flip) {
        this.flipped[i] = 1;
        this.maxBackReach = Math.max(this.maxBackReach, back);
      }
    }
    this.next = stop;
    return stop === order.length;
  }

  /**
   * The layout, once `advance` has returned true. The events left without a lane gather into clusters, in
   * chronological order: overflowing neighbours chain into one while each is close to the end of the one before,
   * until the cluster is clusterMaxPx wide.
   */
  result(): AxisLayout {
    const { input, pxPerCoord, lanes } = this;
    const { starts, ends, rowOf, events } = input;
    const clusters: { -readonly [K in keyof AxisCluster]: AxisCluster[K] }[] = [];
    // Per row, the index in `clusters` of the cluster still open to neighbours.
    const openCluster = new Int32Array(input.rows.length).fill(-1);
    const drawn: number[] = [];
    let maxReach = 0;
    for (let i = 0; i < lanes.length; i++) {
      const row = rowOf[i];
      const start = starts[i];
      if (lanes[i] >= 0) {
        drawn.push(i);
        maxReach = Math.max(
          maxReach,
          (this.flipped[i] ? Math.max(ends[i], start) : reachAt(input, i, pxPerCoord)) - start,
        );
        continue;
      }
      const current = clusters[openCluster[row]];
      if (current && start - current.end <= this.clusterSpan && start - current.start <= this.clusterMaxSpan) {
        current.end = Math.max(current.end, ends[i]);
        current.last = i;
        current.count++;
        if (events[i].importance > events[current.lead].importance) current.lead = i;
      } else {
        openCluster[row] = clusters.push({ row, start, end: ends[i], first: i, last: i, count: 1, lead: i }) - 1;
      }
    }
    return {
      rows: input.rows.map((spec, index) => ({ ...spec, lanes: Math.max(1, this.lanesUsed[index]) })),
      clusters,
      pxPerCoord,
      lanes,
      flipped: this.flipped,
      maxBackReach: this.maxBackReach,
      endLimit: this.endLimit,
      drawn: Int32Array.from(drawn),
      drawnStarts: Float64Array.from(drawn, (i) => starts[i]),
      drawnReach: Float64Array.from(drawn, (i) =>
        this.flipped[i] ? Math.max(ends[i], starts[i]) : reachAt(input, i, pxPerCoord),
      ),
      maxReach,
      clusterStarts: Float64Array.from(clusters, (cluster) => cluster.start),
      maxClusterSpan: clusters.reduce((widest, cluster) => Math.max(widest, cluster.end - cluster.start), 0),
    };
  }
}

/** Packs the events into lanes at a scale, in one go. */
export function layoutAxis(input: LayoutInput, pxPerCoord: number, options: LayoutOptions): AxisLayout {
  const packer = new LanePacker(input, pxPerCoord, options);
  packer.advance(Infinity);
  return packer.result();
}

/** The drawn event at a position in the input, as an item, or undefined when it is in a cluster. */
export function itemAt(layout: AxisLayout, input: LayoutInput, position: number): AxisItem | undefined {
  const lane = layout.lanes[position];
  if (position < 0 || position >= input.events.length || lane < 0) return undefined;
  const flipped = layout.flipped[position] === 1;
  const start = input.starts[position];
  return {
    event: input.events[position],
    position,
    row: input.rowOf[position],
    lane,
    start,
    end: input.ends[position],
    reach: flipped ? Math.max(input.ends[position], start) : reachAt(input, position, layout.pxPerCoord),
    labelPx: input.labelPx[position],
    flipped,
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
    k < drawn.length && drawnStarts[k] < view.end + layout.maxBackReach;
    k++
  ) {
    const position = drawn[k];
    // Past the view's end only a label that runs back from its marker can reach into it.
    const from = layout.flipped[position]
      ? drawnStarts[k] - input.labelPx[position] / layout.pxPerCoord
      : drawnStarts[k];
    if (layout.drawnReach[k] > view.start && from < view.end) items.push(itemAt(layout, input, position)!);
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
