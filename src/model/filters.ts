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
