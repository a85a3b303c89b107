/**
 * What the element shows and says of data that is not all valid or that changes while it is read: the quiet notice
 * of the events left out, the announcement of a refresh that changed the timeline, and the reader's place kept
 * across such a change.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { fill, type Messages, type PluralText } from '../i18n/messages.js';
import { formatNumber } from '../model/format.js';
import type { ParseResult } from '../model/parse.js';
import type { Timeline } from '../model/types.js';
import { renderProblem } from './frame.js';

/** Text with a count, in the plural form the count takes in `locale`, the count written as the language writes it. */
export function plural(text: PluralText, count: number, locale: string): string {
  return fill(text[new Intl.PluralRules(locale).select(count)] ?? text.other, { count: formatNumber(count, locale) });
}

/**
 * The notice of events left out for their problems: collapsed, a quiet line that says how many; open, each problem
 * with its path, for the author to fix (in English, as every data error). Nothing when no event was left out.
 */
export function renderSkippedNotice(
  shown: ParseResult | null,
  messages: Messages,
  locale: string,
): TemplateResult | typeof nothing {
  if (!shown?.skipped) return nothing;
  return html`<details class="notice" part="notice">
    <summary>${plural(messages.skippedEvents, shown.skipped, locale)}</summary>
    <ul lang="en">
      ${shown.errors.map(renderProblem)}
    </ul>
  </details>`;
}

/** What the live region says when a refresh changed the timeline: how many events are new, if any are. */
export function updateAnnouncement(
  previous: Timeline | null,
  timeline: Timeline,
  messages: Messages,
  locale: string,
): string {
  const known = new Set(previous?.events.map((event) => event.id));
  const added = timeline.events.filter((event) => !known.has(event.id)).length;
  return added ? plural(messages.announceUpdateNew, added, locale) : messages.announceUpdate;
}

/**
 * Remembers where the reader is, the event with focus or else the first one in view, and returns what puts that
 * event back at the same height in the viewport once an update has added or removed events above it (WebKit has no
 * scroll anchoring, and other browsers' anchoring may pick another node).
 */
export function keepPlace(root: ShadowRoot | null): () => void {
  const focused = root?.activeElement?.closest<HTMLElement>('li[data-id]');
  const anchor =
    focused ??
    [...(root?.querySelectorAll<HTMLElement>('li[data-id]') ?? [])].find(
      (item) => item.getBoundingClientRect().bottom > 0,
    );
  const id = anchor?.dataset.id;
  if (!root || id === undefined) return () => {};
  const top = anchor!.getBoundingClientRect().top;
  return () => {
    const again = root.querySelector(`li[data-id="${CSS.escape(id)}"]`);
    const moved = again ? again.getBoundingClientRect().top - top : 0;
    if (moved) window.scrollBy(0, moved);
  };
}
