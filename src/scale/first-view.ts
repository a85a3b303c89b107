/**
 * The axis's first view, before anything is drawn: the lanes it needs to show every event on its own, and whether
 * they are enough (which `layout="auto"` decides by; see layout-choice.ts). Pure: the element decides its layout
 * from this without asking a drawn axis, and the axis keeps these lanes at every zoom.
 */
import { dayOf, fitAll, type AxisData } from './axis-data.js';
import { layoutAxis, levelScale, quantiseScale } from './layout.js';
import { OVERVIEW_LANES, STORY_MAX_EVENTS } from './layout-choice.js';
import { clampView, span, type ViewWindow } from './window.js';

/** The lanes of each row and the lines of headline each holds, and whether that shows every event on its own. */
export interface FirstView {
  readonly laneLines: readonly (readonly number[])[];
  readonly fits: boolean;
}

/**
 * The lanes each row needs to show the first view (`view`, else everything) without clusters, up to `maxLanes`
 * (3 a row when each group has its own), each as tall as the most lines of headline it holds there; a data set that
 * even these cannot show whole keeps to OVERVIEW_LANES. The axis keeps these lanes at every zoom, so its height
 * depends on the story and the width, never on the zoom: a reader zooming does not move the page.
 */
export function fitFirstView(data: AxisData, widthPx: number, maxLanes: number, view?: string): FirstView {
  const cap = data.rows.length > 1 ? Math.min(maxLanes, 3) : maxLanes;
  const first = initialWindow(data, view) ?? fitAll(data, widthPx);
  const scale = levelScale(quantiseScale(widthPx / span(first)).level);
  let packed = layoutAxis(data, scale, { maxLanes: cap });
  const fits = packed.clusters.length === 0;
  if (!fits && data.starts.length > STORY_MAX_EVENTS && cap > OVERVIEW_LANES)
    packed = layoutAxis(data, scale, { maxLanes: OVERVIEW_LANES });
  const laneLines = packed.rows.map((row) => new Array<number>(row.lanes).fill(1));
  for (const position of packed.drawn) {
    const lines = laneLines[data.rowOf[position]];
    const lane = packed.lanes[position];
    lines[lane] = Math.max(lines[lane], data.labelLines[position]);
  }
  return { laneLines, fits };
}

/** The window from `start` to `end` (dates in the data's format, or `Date`s), or undefined if it is no interval. */
export function windowFor(data: AxisData, start: string | Date, end: string | Date): ViewWindow | undefined {
  const from = dayOf(start, false);
  const to = dayOf(end, true);
  if (from === undefined || to === undefined || to <= from) return undefined;
  return clampView({ start: data.map.toCoord(from), end: data.map.toCoord(to) }, data.limits);
}

/** The window an element's `view` asks for ("2016-11/2018-05"), if it is a valid interval. */
export function initialWindow(data: AxisData, view: string | undefined): ViewWindow | undefined {
  return view ? windowFor(data, ...(view.split('/') as [string, string])) : undefined;
}
