/**
 * What the element draws around its events: the header and the toolbar (zoom buttons, filters, the groups' colour
 * key).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';
import type { Timeline } from '../model/types.js';
import { richText } from './rich-text.js';
import type { DateLineFilters } from '../model/filters.js';

/** What the toolbar shows, and where the reader's presses go. */
export interface ToolbarState {
  readonly timeline: Timeline;
  readonly messages: Messages;
  readonly filters: DateLineFilters;
  /** The filter panel, once its module has loaded (it loads when the reader first opens the filters). */
  readonly filterPanel: TemplateResult | typeof nothing;
  /** What the layout adds (the axis's zoom buttons and the groups' colour key). */
  readonly tools: TemplateResult | typeof nothing;
  readonly onFiltersToggle: (open: boolean) => void;
}

/** The timeline's title and description, if it has either. */
export function renderHeader(timeline: Timeline): TemplateResult | typeof nothing {
  const titled = Boolean(timeline.title);
  if (!titled && !timeline.description) return nothing;
  return html`<header part="header">
    ${titled ? html`<h2 class="title" id="title" part="title">${timeline.title}</h2>` : nothing}
    ${richText(timeline.description, 'description')}
  </header>`;
}

/** Whether a timeline has anything to filter by (two groups, or two tags); worked out once per timeline. */
const filterChoices = new WeakMap<Timeline, boolean>();
function hasFilterChoice(timeline: Timeline): boolean {
  let choice = filterChoices.get(timeline);
  if (choice === undefined) {
    choice = timeline.groups.length > 1 || new Set(timeline.events.flatMap((event) => event.tags)).size > 1;
    filterChoices.set(timeline, choice);
  }
  return choice;
}

/** The filters (when there is a choice) and what the layout adds: the axis's zoom buttons and colour key. */
export function renderToolbar(state: ToolbarState): TemplateResult | typeof nothing {
  const { messages, filters, tools } = state;
  const filtering = hasFilterChoice(state.timeline);
  if (tools === nothing && !filtering) return nothing;
  const active = filters.groups.length + filters.tags.length;
  return html`<div class="toolbar" part="toolbar">
    ${
      filtering
        ? html`<details
            class="filters"
            @toggle=${(event: Event) => state.onFiltersToggle((event.target as HTMLDetailsElement).open)}
          >
            <summary>${messages.filters}${active ? html` <span class="count">(${active})</span>` : nothing}</summary>
            ${state.filterPanel}
          </details>`
        : nothing
    }
    ${tools}
  </div>`;
}
