/**
 * Where a story ends and a data set begins. Up to STORY_MAX_EVENTS events, a timeline is a story a reader reads
 * event by event: its axis grows lanes (up to `max-lanes`) so that its first view shows every event, and where it
 * cannot, `layout="auto"` shows the list. More events are a data set, whose first view is an overview in
 * clusters: its axis keeps to OVERVIEW_LANES lanes unless more would show everything, since more would only be
 * more to draw on every frame of a zoom, in a taller element.
 */
export const STORY_MAX_EVENTS = 150;
export const OVERVIEW_LANES = 5;
