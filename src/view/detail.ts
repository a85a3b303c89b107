/**
 * The content of an open event, the same in both layouts: date note, summary, media, sources. Media from
 * other sites is only rendered here, so nothing is requested until a reader opens the event; players that
 * would load a third-party embed are facades until the reader presses them (media/). A part of its own, loaded on
 * demand: a page shows no event's content until a reader opens one (the element fetches it when the page is idle,
 * so that printing, which opens every event at once, finds it there).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';
import type { DateSpan } from '../model/dates.js';
import { isSafeLink } from '../model/rich-text.js';
import type { TimelineEvent, TimelineSource } from '../model/types.js';
import { mediaStyles, renderMedia } from './media/media.js';
import { richText } from './rich-text.js';

/** A link out of the article: a new tab, no opener, no referrer. */
export function externalLink(href: string, content: unknown): TemplateResult {
  return html`<a href=${href} target="_blank" rel="noopener noreferrer">${content}</a>`;
}

function renderSource(source: TimelineSource, formatDate: (span: DateSpan) => string): TemplateResult {
  const date = source.parsedDate ? formatDate(source.parsedDate) : undefined;
  const meta = [source.publisher, source.author, date].filter(Boolean).join(', ');
  return html`<li>
    ${source.url && isSafeLink(source.url) ? externalLink(source.url, source.title) : source.title}${
      meta ? html`<span class="source-meta">, ${meta}</span>` : nothing
    }${source.note ? html`<span class="source-meta">. ${source.note}</span>` : nothing}
  </li>`;
}

/**
 * The body of an open event (everything but its date and title, which the caller shows; without its media where the
 * caller shows them itself, as the story does, large). `formatDate` writes its
 * sources' dates in the element's language: given, rather than imported, so that this part loaded on demand shares
 * no module with the others but the script-tag file's (a shared one would split into a file of its own).
 */
export function renderEventBody(
  event: TimelineEvent,
  messages: Messages,
  formatDate: (span: DateSpan) => string,
  { media = true }: { media?: boolean } = {},
): TemplateResult {
  return html`
    ${event.dateNote ? html`<p class="date-note"><strong>${messages.aboutDate}:</strong> ${event.dateNote}</p>` : nothing}
    ${richText(event.summary, 'summary')}
    ${media ? renderMedia(event.media, { key: event.id, title: event.title, messages }) : nothing}
    ${
      event.sources.length
        ? html`<section class="sources" aria-label=${messages.sources}>
            <h4 class="sources-heading">${messages.sources}</h4>
            <ul>
              ${event.sources.map((source) => renderSource(source, formatDate))}
            </ul>
          </section>`
        : nothing
    }
  `;
}

/** Styles of an open event's content (its media's among them), adopted with this module (see src/parts.ts). */
export const detailStyles = css`
  ${mediaStyles}

  .date-note {
    color: var(--date-line-color-muted);
    font-size: 0.875em;
  }

  .sources {
    font-size: 0.875em;
    border-block-start: 1px solid var(--date-line-color-rule);
    padding-block-start: 0.5em;
  }

  .sources-heading {
    margin: 0 0 0.25em;
    font-size: 0.8125em;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--date-line-color-muted);
  }

  .sources ul {
    margin: 0;
    padding-inline-start: 1.1em;
  }

  .sources li {
    margin-block-end: 0.25em;
  }

  .source-meta {
    color: var(--date-line-color-muted);
  }
`;
