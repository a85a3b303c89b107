/**
 * What the element draws around its events, in the script-tag file: the header, the toolbar (the filters, and what
 * the layout adds), and the error box's title.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { fill, type Messages, type PluralText } from '../i18n/messages.js';
import type { DateLineFilters } from '../model/filters.js';
import { formatCount } from '../model/format.js';
import type { Timeline, TimelineError } from '../model/types.js';
import { richText } from './rich-text.js';
import type { LiveWords } from './live-data.js';

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

/**
 * The box that explains invalid data or a failed load: its title at once, its list of problems (`list`) once the
 * part that draws it has arrived.
 */
export function renderErrorBox(
  messages: Messages,
  errors: readonly TimelineError[],
  list?: (errors: readonly TimelineError[], more: (count: number) => string) => TemplateResult,
): TemplateResult {
  return html`<div class="error" part="error" role="alert">
    <p class="error-title">${messages.errorTitle}</p>
    ${list?.(errors, (count) => fill(messages.moreErrors, { count })) ?? nothing}
  </div>`;
}

/**
 * What the live-data part writes with. Given to it, not imported by it: a part that imported the script-tag file's
 * formatting module would make the bundler split that module (and what it imports) out of the script-tag file.
 */
export function liveWords(
  messages: Messages,
  locale: string,
  problem: ((error: TimelineError) => TemplateResult) | undefined,
): LiveWords {
  return {
    messages,
    count: (text: PluralText, count: number) => formatCount(text, count, locale),
    problem: (error) => problem?.(error) ?? nothing,
  };
}
