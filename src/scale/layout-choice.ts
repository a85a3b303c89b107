/**
 * Which layout an element shows, decided before anything is drawn: the one asked for, or for `layout="auto"` the axis
 * or the list, by the element's width and whether the axis's first view would show every event on its own.
 *
 * Where a story ends and a data set begins: up to STORY_MAX_EVENTS events, a timeline is a story a reader reads
 * event by event; its axis grows lanes (up to `max-lanes`) so that its first view shows every event, and where it
 * cannot, `layout="auto"` shows the list. More events are a data set, whose first view is an overview in
 * clusters: its axis keeps to OVERVIEW_LANES lanes unless more would show everything, since more would only be
 * more to draw on every frame of a zoom, in a taller element.
 */
export const STORY_MAX_EVENTS = 150;
export const OVERVIEW_LANES = 5;
/** Below this width (CSS px of the element itself), `layout="auto"` shows the list. */
export const AXIS_MIN_WIDTH = 600;

/** The layouts an element can ask for; `auto` picks the axis or the list (see chooseLayout). */
export type Layout = 'auto' | 'axis' | 'list' | 'story';
/** The layouts an element shows. */
export type ShownLayout = Exclude<Layout, 'auto'>;
/** Every layout value the `layout` attribute takes, for the command line and the embed page to check against. */
export const LAYOUTS: readonly Layout[] = ['auto', 'axis', 'list', 'story'];

/** What the layout choice depends on. */
export interface LayoutChoice {
  readonly requested: Layout;
  /** Printing shows the list, every event open, whatever the layout: an axis or a slide means nothing on paper. */
  readonly printing: boolean;
  /** The element's content width in CSS px; 0 while unknown. */
  readonly widthPx: number;
  readonly eventCount: number;
  /**
   * Whether the axis's first view shows every event on its own; undefined until known. Asked only where the answer
   * decides (it takes the axis's arithmetic).
   */
  readonly fits: () => boolean | undefined;
}

/**
 * The layout shown. `auto` shows the axis where the element is wide enough for it and its first view shows every
 * event on its own, else the list; a data set (more than STORY_MAX_EVENTS events) keeps its axis, whose clusters
 * are its overview. The story view is shown only when asked for.
 */
export function chooseLayout({ requested, printing, widthPx, eventCount, fits }: LayoutChoice): ShownLayout {
  if (printing) return 'list';
  if (requested !== 'auto') return requested;
  if (widthPx > 0 && widthPx < AXIS_MIN_WIDTH) return 'list';
  return eventCount <= STORY_MAX_EVENTS && fits() === false ? 'list' : 'axis';
}
