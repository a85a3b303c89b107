/**
 * Filters in force: events must be in one of the groups (if any) and carry one of the tags (if any). Empty
 * lists show everything.
 */
export interface DateLineFilters {
  groups: readonly string[];
  tags: readonly string[];
}

/** The events a filter lets through, in their order. */
export function filterEvents<E extends { group?: { id: string }; tags: readonly string[] }>(
  events: readonly E[],
  { groups, tags }: DateLineFilters,
): readonly E[] {
  if (!groups.length && !tags.length) return events;
  return events.filter(
    (event) =>
      (!groups.length || groups.includes(event.group?.id ?? '')) &&
      (!tags.length || event.tags.some((tag) => tags.includes(tag))),
  );
}

/**
 * The events the filters let through, and each one's position among them; worked out again only when the events
 * or the filters change, so that the result keeps its identity (layouts derive their drawing from it).
 */
export class FilteredEvents<E extends { id: string; group?: { id: string }; tags: readonly string[] }> {
  events: readonly E[] = [];
  positions: ReadonlyMap<string, number> = new Map();
  #from?: readonly E[];
  #filters?: DateLineFilters;

  /** Filters `events` (when they or the filters have changed); returns this. */
  of(events: readonly E[], filters: DateLineFilters): this {
    if (events !== this.#from || filters !== this.#filters) {
      this.#from = events;
      this.#filters = filters;
      this.events = filterEvents(events, filters);
      this.positions = new Map(this.events.map((event, index) => [event.id, index]));
    }
    return this;
  }
}
