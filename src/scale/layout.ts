/**
 * Lane layout of the axis: events stacked in lanes within their group's row so that no two labels collide,
 * and the events that do not fit gathered into clusters (drawn as a button, named after the most important event
 * in it, that zooms in when pressed).
 *
 * Events are given lanes in chronological order, each in the first lane where its label meets no other: that
 * needs no more lanes than there are labels over any one moment. Where the lanes run out, labels compete, and the
 * more important event keeps its label: the events are given lanes again, in order of `importance`, most important
 * first (and in chronological order among equals), so a less important event never takes a more important one's
 * place; the ones left without a lane form the clusters.
 *
 * A layout is made for a zoom level, not for a window: panning never changes it, so labels do not jump
 * lanes while the reader drags. Zoom levels are quantised to quarter-octaves and packed at the level's lower
 * bound, so a label always has at least the room it was given, at any zoom inside the level. Packing is
 * O(n · lanes), and where labels compete as much again for each level of importance in use, one pass each;
 * finding what is visible is a binary search plus the visible items.
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
  /** Per event: its importance, 1 (a detail) to 5 (a turning point), which decides whose label wins a place. */
  readonly importance: Uint8Array;
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
 * allocates only per cluster and, when labels compete, per lane: a level costs one pass over the events, and
 * where labels compete one more for each level of importance in use, even at 100,000 of them.
 *
 * Each pass of importance gives lanes to the events of one importance, in chronological order, first fit: an
 * event takes the first lane where its label (and the gap after it) meets neither a label of its own pass, which
 * all end before it (`laneEnds`), nor one of a more important pass (`placed`, kept sorted per lane).
 */
export class LanePacker {
  /** How many events are packed, in chronological order or in `order`. */
  private next = 0;
  /**
   * The positions in order of importance: the most important first, then in chronological order (none when every
   * event is as important: that is chronological order).
   */
  private readonly order?: Int32Array;
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
   * pass placed, to join them when it ends; and how far a scan of `placed` has gone (see `advance`).
   */
  private readonly placed: Float64Array[];
  private readonly placing: number[][];
  private readonly scanned: Int32Array;
  /** Whether the packing is in order of importance (see `advance`), and whether a pass of it has ended. */
  private byImportance = false;
  private afterFirstPass = false;
  private readonly lanesUsed: Int16Array;
  private readonly lanes: Int16Array;
  /** The layout as `advance` gathers it: the drawn events, and the clusters, with the one still open per row. */
  private readonly drawn: Int32Array;
  private drawnCount = 0;
  private maxReach = 0;
  private readonly clusters: { -readonly [K in keyof AxisCluster]: AxisCluster[K] }[] = [];
  private readonly openCluster: { -readonly [K in keyof AxisCluster]: AxisCluster[K] }[] = [];

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
    this.placed = Array.from({ length: rows * this.stride }, () => new Float64Array(0));
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
    this.drawn = new Int32Array(count);
    // A counting sort by importance (1 to 5, as parseTimeline checks), stable, so that each pass is in
    // chronological order.
    const levels = input.importance;
    const counts = new Int32Array(6);
    for (let i = 0; i < count; i++) counts[levels[i]]++;
    const next = new Int32Array(6);
    for (let level = 5, packed = 0; level > 0; level--) {
      next[level] = packed;
      packed += counts[level];
      if (counts[level]) this.passEnds.push(packed);
    }
    // One pass (every event as important as the others) packs in chronological order, with no order to keep.
    if (this.passEnds.length > 1) {
      this.order = new Int32Array(count);
      for (let i = 0; i < count; i++) this.order[next[levels[i]]++] = i;
    }
  }

  /**
   * Whether a label that runs back from its marker, from `from` (busy until `until`), meets one placed in `slot`
   * by an earlier pass: found by binary search, as such labels (near the end of the data) come out of
   * chronological order. See `advance` for the others.
   */
  private meetsBack(slot: number, from: number, until: number): boolean {
    const placed = this.placed[slot];
    // The first pair that ends after `from` (ends are in order, as the pairs do not overlap).
    let low = 0;
    for (let high = placed.length / 2; low < high;) {
      const middle = (low + high) >>> 1;
      if (placed[2 * middle + 1] <= from) low = middle + 1;
      else high = middle;
    }
    return 2 * low < placed.length && placed[2 * low] < until;
  }

  /** Joins what this pass placed to what earlier passes did, lane by lane, for the next pass. */
  private endPass(): void {
    this.placing.forEach((fresh, slot) => {
      if (!fresh.length) return;
      const old = this.placed[slot];
      const joined = new Float64Array(old.length + fresh.length);
      for (let a = 0, b = 0, k = 0; k < joined.length; k += 2) {
        const from = b >= fresh.length || (a < old.length && old[a] < fresh[b]) ? old : fresh;
        const at = from === old ? (a += 2) - 2 : (b += 2) - 2;
        joined[k] = from[at];
        joined[k + 1] = from[at + 1];
      }
      this.placed[slot] = joined;
      this.placing[slot] = [];
    });
    this.scanned.fill(0);
    this.laneEnds.fill(-Infinity);
    this.afterFirstPass = true;
  }

  /**
   * Forgets a chronological packing that left an event without a lane, to start again in order of importance
   * (see `advance`).
   */
  private restartByImportance(): void {
    this.byImportance = true;
    this.laneEnds.fill(-Infinity);
    this.lanesUsed.fill(0);
    this.flipped.fill(0);
    this.maxBackReach = 0;
    this.maxReach = 0;
    this.drawnCount = 0;
    this.clusters.length = 0;
    this.openCluster.length = 0;
  }

  /**
   * Packs up to `count` more events. True once every event is packed.
   *
   * First in chronological order, first fit, which needs no more lanes than there are labels over any one moment:
   * where every label finds a lane, none competes, and that is the layout. Once one finds none (and the events
   * differ in importance), labels compete: the packing starts again, in passes of importance.
   */
  advance(count: number): boolean {
    const { input, pxPerCoord, laneEnds, lanesUsed, lanes, maxLanes, stride, order, passEnds, gap } = this;
    const { starts, ends, rowOf, labelPx } = input;
    const lastPass = passEnds.at(-1)!;
    const { placed, scanned, drawn, clusters, openCluster, clusterSpan, clusterMaxSpan } = this;
    const importance = input.importance;
    let earlier = this.afterFirstPass;
    /**
     * Takes the event at `position` into the layout, in chronological order: among the drawn events, or into a
     * cluster when it has no lane. Overflowing neighbours chain into one cluster while each is close to the end
     * of the one before, until the cluster is clusterMaxPx wide; its lead is its most important event.
     */
    const gather = (position: number) => {
      if (lanes[position] >= 0) {
        drawn[drawnCount++] = position;
        return;
      }
      const row = rowOf[position];
      const start = starts[position];
      const current = openCluster[row];
      if (current && start - current.end <= clusterSpan && start - current.start <= clusterMaxSpan) {
        current.end = Math.max(current.end, ends[position]);
        current.last = position;
        current.count++;
        if (importance[position] > importance[current.lead]) current.lead = position;
      } else {
        const cluster = { row, start, end: ends[position], first: position, last: position, count: 1, lead: position };
        clusters.push((openCluster[row] = cluster));
      }
    };
    // The packing order (none: chronological), where its current pass ends, and whether another comes after it.
    let sequence = this.byImportance ? order : undefined;
    let passEnd = sequence ? passEnds[0] : -1;
    let more = sequence !== undefined && passEnd !== lastPass;
    const total = lanes.length;
    let drawnCount = this.drawnCount;
    let k = this.next;
    let stop = Math.min(total, k + count);
    for (; k < stop; k++) {
      if (k === passEnd) {
        passEnds.shift();
        this.endPass();
        earlier = true;
        passEnd = passEnds[0];
        more = passEnd !== lastPass;
      }
      const i = sequence ? sequence[k] : k;
      const row = rowOf[i];
      const start = starts[i];
      let reach = reachAt(input, i, pxPerCoord);
      // A label that would run past the end of the data runs back from its marker, if it fits there.
      const back = labelPx[i] / pxPerCoord;
      const flip = reach > this.endLimit && start - back >= this.startLimit;
      if (flip) reach = Math.max(ends[i], start);
      const from = flip ? start - back : start;
      const until = reach + gap;
      const base = row * stride;
      let lane = -1;
      for (let l = 0; l < lanesUsed[row]; l++) {
        const slot = base + l;
        // Free of this pass's labels, which all start before this one ...
        if (laneEnds[slot] > from) continue;
        // ... and of more important ones: a scan per lane moves on with the pass, as its events come in
        // chronological order (`scanned`: the first pair that ends after the last `from`).
        const before = earlier ? placed[slot] : undefined;
        if (before?.length) {
          if (flip) {
            if (this.meetsBack(slot, from, until)) continue;
          } else {
            let q = scanned[slot];
            while (q < before.length && before[q + 1] <= from) q += 2;
            scanned[slot] = q;
            if (q < before.length && before[q] < until) continue;
          }
        }
        lane = l;
        break;
      }
      if (lane < 0 && lanesUsed[row] < maxLanes[row]) lane = lanesUsed[row]++;
      if (lane < 0 && !sequence && order) {
        // Labels compete: start again, the most important first, with what is left of this slice.
        this.restartByImportance();
        drawnCount = 0;
        sequence = order;
        passEnd = passEnds[0];
        more = passEnd !== lastPass;
        stop = Math.min(total, count - (k + 1 - this.next));
        k = -1;
        continue;
      }
      lanes[i] = lane;
      // In chronological order an event is gathered at once; in order of importance, once every pass is done.
      if (!sequence) gather(i);
      if (lane < 0) continue;
      laneEnds[base + lane] = until;
      this.maxReach = Math.max(this.maxReach, reach - start);
      // Kept for the passes to come; the last pass has none after it.
      if (more) this.placing[base + lane].push(from, until);
      if (flip) {
        this.flipped[i] = 1;
        this.maxBackReach = Math.max(this.maxBackReach, back);
      }
    }
    if (sequence && k === total) for (let position = 0; position < total; position++) gather(position);
    this.next = k;
    this.drawnCount = drawnCount;
    return k === total;
  }

  /** The layout, once `advance` has returned true. */
  result(): AxisLayout {
    const { input, pxPerCoord, clusters } = this;
    const { starts, ends } = input;
    const drawn = this.drawn.slice(0, this.drawnCount);
    return {
      rows: input.rows.map((spec, index) => ({ ...spec, lanes: Math.max(1, this.lanesUsed[index]) })),
      clusters,
      pxPerCoord,
      lanes: this.lanes,
      flipped: this.flipped,
      maxBackReach: this.maxBackReach,
      endLimit: this.endLimit,
      drawn,
      drawnStarts: Float64Array.from(drawn, (i) => starts[i]),
      drawnReach: Float64Array.from(drawn, (i) =>
        this.flipped[i] ? Math.max(ends[i], starts[i]) : reachAt(input, i, pxPerCoord),
      ),
      maxReach: this.maxReach,
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
