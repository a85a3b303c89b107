import { css, html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';
import type { DateLineFilters } from '../model/filters.js';
import type { Timeline } from '../model/types.js';

/** What the panel shows and where its changes go. */
export interface FilterPanelState {
  readonly filters: DateLineFilters;
  readonly messages: Messages;
  readonly locale: string;
  /** Called with the filters the reader chose. */
  readonly onChange: (filters: DateLineFilters) => void;
}

/**
 * The filter panel: groups and tags as checkboxes, each with how many events it holds. Loaded when a reader
 * first opens the filters, since most never do.
 */
export function renderFilterPanel(timeline: Timeline, state: FilterPanelState): TemplateResult {
  const count = (test: (event: Timeline['events'][number]) => boolean) => timeline.events.filter(test).length;
  const groups = timeline.groups
    .map((group) => ({ value: group.id, label: group.label, count: count((event) => event.group?.id === group.id) }))
    .filter((option) => option.count > 0);
  const tagCounts = new Map<string, number>();
  for (const event of timeline.events) for (const tag of event.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const tags = [...tagCounts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, n]) => ({ value, label: value, count: n }));
  const { filters, messages, locale, onChange } = state;
  const toggle = (kind: keyof DateLineFilters, value: string, on: boolean) => {
    const chosen = new Set(filters[kind]);
    if (on) chosen.add(value);
    else chosen.delete(value);
    onChange({ ...filters, [kind]: [...chosen] });
  };
  const fieldset = (
    kind: keyof DateLineFilters,
    legend: string,
    options: { value: string; label: string; count: number }[],
  ) =>
    options.length > 1
      ? html`<fieldset>
          <legend>${legend}</legend>
          ${options.map(
            (option) =>
              // toLocaleString, not format.js's formatNumber: importing that module from this on-demand part led
              // the bundler to split a module out of the script-tag file (scripts/size.mjs now refuses that).
              html`<label class="filter-option">
                <input
                  type="checkbox"
                  .checked=${filters[kind].includes(option.value)}
                  @change=${(event: Event) => toggle(kind, option.value, (event.target as HTMLInputElement).checked)}
                />
                ${option.label} <span class="count">(${option.count.toLocaleString(locale)})</span>
              </label>`,
          )}
        </fieldset>`
      : nothing;
  return html`<div class="filter-panel">
    ${fieldset('groups', messages.groups, groups)} ${fieldset('tags', messages.tags, tags)}
    ${
      filters.groups.length + filters.tags.length
        ? html`<button type="button" class="tool tool-text" @click=${() => onChange({ groups: [], tags: [] })}>
            ${messages.allEvents}
          </button>`
        : nothing
    }
  </div>`;
}

export const filterStyles = css`
  .filter-panel {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin-block-start: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--date-line-color-rule);
    border-radius: var(--date-line-radius);
    font-size: 0.875em;
  }

  fieldset {
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 700;
  }

  .filter-option {
    display: inline-flex;
    gap: 0.3rem;
    align-items: center;
    margin-inline-end: 0.9rem;
    white-space: nowrap;
  }
`;
