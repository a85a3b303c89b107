/**
 * The story view's time strip: the whole timeline in one line, each event a marker where it falls in time, long
 * empty stretches folded into marked breaks as on the axis, eras behind. Positions are shares of the strip's
 * length (0 to 1), so the view lays it out in CSS at any width. Pure: no DOM.
 */
import type { TimelineEra, TimelineEvent } from '../model/types.js';
import { placeEvents, type Breaks } from './axis-data.js';
import type { AxisBreak } from './breaks.js';
import { lowerBound } from './coords.js';

/** Room left at each end of the strip, as a share of its length, so the first and last markers are whole. */
const END_ROOM = 0.02;

export interface StripLayout {
  /** Where each event's marker is, in the events' order. */
  readonly positions: Float64Array;
  /** The folded stretches: where each break is drawn and the days it folds. */
  readonly breaks: readonly { readonly at: number; readonly fold: AxisBreak }[];
  /** The eras, clipped to the strip. */
  readonly eras: readonly { readonly era: TimelineEra; readonly from: number; readonly to: number }[];
}

/** The strip for these events (in chronological order) and eras, with gaps folded as `breaks` says. */
export function layoutStrip(
  events: readonly TimelineEvent[],
  eras: readonly TimelineEra[],
  breaks: Breaks,
): StripLayout {
  if (!events.length) return { positions: new Float64Array(0), breaks: [], eras: [] };
  const { map, starts, ends } = placeEvents(events, 'time', breaks);
  const first = starts[0];
  let last = first;
  for (const end of ends) last = Math.max(last, end);
  const length = Math.max(last - first, 1e-9);
  const at = (coord: number) => END_ROOM + (1 - 2 * END_ROOM) * Math.min(1, Math.max(0, (coord - first) / length));
  return {
    positions: starts.map(at),
    breaks: map.breaks.map((fold) => ({ at: at((fold.start + fold.end) / 2), fold })),
    eras: eras
      .filter((era) => era.to > events[0].from && era.from < events.at(-1)!.to)
      .map((era) => ({ era, from: at(map.toCoord(era.from)), to: at(map.toCoord(era.to)) })),
  };
}

/** The event nearest to a place on the strip (a share of its length): where a press or a click on it goes. */
export function nearestOnStrip(positions: ArrayLike<number>, place: number): number {
  const after = lowerBound(positions, place);
  if (after === 0) return 0;
  if (after >= positions.length) return positions.length - 1;
  return place - positions[after - 1] <= positions[after] - place ? after - 1 : after;
}
