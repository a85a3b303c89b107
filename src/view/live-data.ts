/**
 * What the element shows and says of data that is not all valid or that changes while it is read: the quiet notice
 * of the events left out, the announcement of a refresh that changed the timeline, and the reader's place kept
 * across such a change. A part of its own, loaded on demand: only pages whose data is partly invalid, or that
 * refresh, need it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Messages, PluralText } from '../i18n/messages.js';
import type { ParseResult } from '../model/parse.js';
import type { Timeline, TimelineError } from '../model/types.js';

/**
 * What this part writes with, given by the element rather than imported: a part loaded on demand that imported
 * the modules of the script-tag file's formatting would make the bundler split those out of it.
 */
export interface LiveWords {
  readonly messages: Messages;
  /** Text with a count, in the plural form the count takes in the element's language. */
  readonly count: (text: PluralText, count: number) => string;
  /** One problem with its path, as the error box lists it. */
  readonly problem: (error: TimelineError) => TemplateResult | typeof nothing;
}

/**
 * The notice of events left out for their problems: collapsed, a quiet line that says how many; open, each problem
 * with its path, for the author to fix (in English, as every data error). Nothing when no event was left out.
 */
export function renderSkippedNotice(shown: ParseResult | null, words: LiveWords): TemplateResult | typeof nothing {
  if (!shown?.skipped) return nothing;
  return html`<details class="notice" part="notice">
    <summary>${words.count(words.messages.skippedEvents, shown.skipped)}</summary>
    <ul lang="en">
      ${shown.errors.map(words.problem)}
    </ul>
  </details>`;
}

/** What the live region says when a refresh changed the timeline: how many events are new, if any are. */
export function updateAnnouncement(previous: Timeline | null, timeline: Timeline, words: LiveWords): string {
  const known = new Set(previous?.events.map((event) => event.id));
  const added = timeline.events.filter((event) => !known.has(event.id)).length;
  return added ? words.count(words.messages.announceUpdateNew, added) : words.messages.announceUpdate;
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
    if (!moved) return;
    // The list scrolls inside an element given a height (see fill.styles.ts), else the page does.
    const box = again!.closest('.scroller');
    if (box && box.scrollHeight > box.clientHeight) box.scrollTop += moved;
    else window.scrollBy(0, moved);
  };
}

/** Styles of the notice, adopted with this module (see OnDemand). */
export const liveDataStyles = css`
  /* Events left out for their problems: a quiet line under the events, for the author to open. */
  .notice {
    margin-block-start: 0.75rem;
    color: var(--date-line-color-muted);
    font-size: 0.875em;
  }

  .notice summary {
    cursor: pointer;
  }

  .notice ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.1em;
  }

  .notice code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
`;
