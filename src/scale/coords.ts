/**
 * Where things sit on the axis. With proportional spacing a coordinate is a day number (distance is time).
 * With even spacing, event i sits at coordinate i whatever its date, and dates in between (ticks, eras) are
 * interpolated between the events around them, so the axis still reads in order.
 */

import type { AxisBreak } from './breaks.js';

export type Spacing = 'time' | 'even';

export interface CoordMap {
  readonly spacing: Spacing;
  /** The coordinate of a day number. Monotonic. */
  toCoord(day: number): number;
  /** The day number of a coordinate. Inverse of toCoord where it is strictly increasing. */
  toDay(coord: number): number;
  /** Gaps folded into breaks, in order (none unless the map folds time). */
  readonly breaks: readonly AxisBreak[];
}

export const timeMap: CoordMap = { spacing: 'time', breaks: [], toCoord: (day) => day, toDay: (coord) => coord };

/** First index in a sorted array whose value is >= target (binary search). */
export function lowerBound(sorted: ArrayLike<number>, target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The even-spacing map for events that start on the given days (sorted ascending). Several events on one day
 * take consecutive slots; a date maps to the slot of the first event on or after it, interpolated between
 * neighbours; before the first or after the last event, one slot stands for the average gap.
 */
export function evenMap(startDays: readonly number[]): CoordMap {
  const days: number[] = [];
  const slots: number[] = [];
  startDays.forEach((day, index) => {
    if (days.at(-1) !== day) {
      days.push(day);
      slots.push(index);
    }
  });
  if (days.length < 2) {
    const origin = days[0] ?? 0;
    return { spacing: 'even', breaks: [], toCoord: (day) => day - origin, toDay: (coord) => coord + origin };
  }
  const last = days.length - 1;
  const daysPerSlot = (days[last] - days[0]) / Math.max(1, slots[last] - slots[0]);
  const toCoord = (day: number): number => {
    if (day <= days[0]) return slots[0] + (day - days[0]) / daysPerSlot;
    if (day >= days[last]) return slots[last] + (day - days[last]) / daysPerSlot;
    const right = lowerBound(days, day);
    const left = right - 1;
    return slots[left] + ((day - days[left]) / (days[right] - days[left])) * (slots[right] - slots[left]);
  };
  const toDay = (coord: number): number => {
    if (coord <= slots[0]) return days[0] + (coord - slots[0]) * daysPerSlot;
    if (coord >= slots[last]) return days[last] + (coord - slots[last]) * daysPerSlot;
    const right = lowerBound(slots, coord);
    const left = Math.max(0, right - 1);
    if (slots[right] === coord) return days[right];
    return days[left] + ((coord - slots[left]) / (slots[right] - slots[left])) * (days[right] - days[left]);
  };
  return { spacing: 'even', breaks: [], toCoord, toDay };
}

/**
 * The time scale with gaps folded into breaks (see breaks.ts): proportional to time within each stretch, and
 * through each break at the rate that fits its gap into the break's width, so the map stays continuous and
 * monotonic, and zooming and panning pass through breaks like anywhere else.
 */
export function foldedMap(breaks: readonly AxisBreak[]): CoordMap {
  if (!breaks.length) return timeMap;
  // Knots where the slope changes: each break's two sides, in days and in coordinates.
  const days = breaks.flatMap((fold) => [fold.from, fold.to]);
  const coords = breaks.flatMap((fold) => [fold.start, fold.end]);
  const last = days.length - 1;
  const interpolate = (value: number, from: readonly number[], to: readonly number[]): number => {
    if (value <= from[0]) return to[0] + (value - from[0]);
    if (value >= from[last]) return to[last] + (value - from[last]);
    const right = lowerBound(from, value);
    const left = right - 1;
    if (from[right] === value) return to[right];
    return to[left] + ((value - from[left]) / (from[right] - from[left])) * (to[right] - to[left]);
  };
  return {
    spacing: 'time',
    breaks,
    toCoord: (day) => interpolate(day, days, coords),
    toDay: (coord) => interpolate(coord, coords, days),
  };
}
