/**
 * The lane layouts of one set of axis data, one per zoom level, made when first needed and kept. Past
 * PACK_IN_FRAME_MAX events, levels are packed in idle moments while the reader zooms, so that no frame waits
 * for a packing. It is the axis's only scheduling of its own; the packing itself is pure (src/scale/layout.ts).
 */
import type { AxisData } from '../../scale/axis-data.js';
import {
  LanePacker,
  layoutAxis,
  levelScale,
  quantiseScale,
  type AxisLayout,
  type LayoutOptions,
} from '../../scale/layout.js';
import { whenIdle } from '../../scheduling.js';

/**
 * Up to this many events, a zoom level is packed in the frame that needs it (about 1 ms on the benchmark's
 * machine); above, while the zoom changes, in idle moments instead (see LaneLayouts.at).
 */
const PACK_IN_FRAME_MAX = 25_000;
/** Events a background packing packs between looks at the clock. */
const PACK_STEP = 4096;
/** How long a background packing may run at a time when the browser gives it no idle deadline. */
const PACK_SLICE_MS = 4;
/** Past this many layouts kept, the cache starts again (a reader zooming through every level). */
const MAX_KEPT = 12;

export class LaneLayouts {
  private readonly layouts = new Map<number, AxisLayout>();
  private readonly options: LayoutOptions;
  /** The layout last drawn (see at). */
  private inUse?: AxisLayout;
  /** The zoom level being packed in idle moments, one at a time. */
  private packing?: { level: number; cancel: () => void };

  /**
   * @param data - What the layouts are packed from.
   * @param rowLanes - The lanes of each row.
   * @param packed - Called when a level packed in idle moments is ready.
   */
  constructor(
    private readonly data: AxisData,
    rowLanes: readonly number[],
    private readonly packed: () => void,
  ) {
    this.options = { maxLanes: rowLanes };
  }

  /** Stops packing in the background (the data changed, or the element left the page). */
  dispose(): void {
    this.packing?.cancel();
    this.packing = undefined;
  }

  /**
   * The lane layout to draw at a scale (pixels per coordinate).
   *
   * While the zoom is changing (`zooming`), the lanes in use are kept as long as they stay valid: labels only
   * gain room as the zoom goes in. From twice the scale they were packed at, the axis moves to a finer layout.
   * Zooming out, labels lose room: the lanes in use would overlap below their scale, so the axis moves to a
   * layout packed about half an octave further out. Each change redraws most labels; this makes changes rare
   * while the reader zooms, and once the zoom rests the axis shows its level's own layout, the same however
   * the reader got there.
   *
   * Past PACK_IN_FRAME_MAX events, a frame never waits for a packing while the zoom changes: a finer layout is
   * packed in idle moments and taken up when it is ready (the lanes in use stay valid meanwhile), and the
   * layout a zoom out would move to next is packed in idle moments ahead of need.
   */
  at(scale: number, zooming: boolean): AxisLayout {
    const { level } = quantiseScale(scale);
    const inUse = zooming ? this.inUse : undefined;
    const zoomingIn = inUse && scale >= inUse.pxPerCoord;
    if (zoomingIn && scale < inUse.pxPerCoord * 2) return inUse;
    if (zoomingIn && this.data.events.length > PACK_IN_FRAME_MAX) {
      const finer = this.finestPacked(level);
      this.inUse = finer && finer[1].pxPerCoord > inUse.pxPerCoord ? finer[1] : inUse;
      if (scale >= this.inUse.pxPerCoord * 2) this.packInBackground(level);
      return this.inUse;
    }
    let next: [number, AxisLayout] | undefined;
    if (inUse && !zoomingIn) {
      // One packed ahead will do unless it is so coarse that most labels would needlessly be clusters.
      const ahead = this.finestPacked(level - 2);
      next = ahead && ahead[0] >= level - 6 ? ahead : [level - 2, this.packedAt(level - 2)];
    }
    next ??= [level, this.packedAt(level)];
    // Ahead of a zoom out from here: the level that zoom would move to first.
    this.packInBackground(next[0] - 3);
    this.inUse = next[1];
    return next[1];
  }

  private packedAt(level: number): AxisLayout {
    let layout = this.layouts.get(level);
    if (!layout) {
      layout = layoutAxis(this.data, levelScale(level), this.options);
      this.remember(level, layout);
    }
    return layout;
  }

  private remember(level: number, layout: AxisLayout): void {
    if (this.layouts.size > MAX_KEPT) this.layouts.clear();
    this.layouts.set(level, layout);
  }

  /** The finest layout made so far at `maxLevel` or below, with its level. */
  private finestPacked(maxLevel: number): [number, AxisLayout] | undefined {
    let finest: [number, AxisLayout] | undefined;
    for (const entry of this.layouts) if (entry[0] <= maxLevel && (!finest || entry[0] > finest[0])) finest = entry;
    return finest;
  }

  /**
   * Packs a zoom level in idle moments, a slice at a time, and says when it is ready (the owner redraws with it
   * if the zoom is still changing). At 100,000 events a level is a few milliseconds of packing: in one frame that would be a
   * dropped frame, spread over idle moments it is none.
   */
  private packInBackground(level: number): void {
    if (this.packing || this.layouts.has(level) || this.data.events.length <= PACK_IN_FRAME_MAX) return;
    const packer = new LanePacker(this.data, levelScale(level), this.options);
    const slice = (deadline?: IdleDeadline) => {
      const budget = deadline && !deadline.didTimeout ? deadline.timeRemaining() : PACK_SLICE_MS;
      const until = performance.now() + budget;
      do {
        if (packer.advance(PACK_STEP)) {
          this.packing = undefined;
          this.remember(level, packer.result());
          this.packed();
          return;
        }
      } while (performance.now() < until);
      this.packing = { level, cancel: whenIdle(slice) };
    };
    this.packing = { level, cancel: whenIdle(slice) };
  }
}
