/**
 * The content of an open event, the same in both layouts: date note, summary, media, sources. Media from
 * other sites is only rendered here, so nothing is requested until a reader opens the event; players that
 * would load a third-party embed stay links.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';
import { formatSpan } from '../model/format.js';
import { isSafeLink } from '../model/rich-text.js';
import type { TimelineEvent, TimelineSource } from '../model/types.js';
import { richText, richTextInline } from './rich-text.js';

const IMAGE = /\.(avif|gif|jpe?g|png|svg|webp)(\?|#|$)/i;
const VIDEO = /\.(mp4|webm|ogv)(\?|#|$)/i;
const AUDIO = /\.(mp3|m4a|ogg|oga|wav)(\?|#|$)/i;

/** A link out of the article: a new tab, no opener, no referrer. */
export function externalLink(href: string, content: unknown): TemplateResult {
  return html`<a href=${href} target="_blank" rel="noopener noreferrer">${content}</a>`;
}

function renderSource(source: TimelineSource, locale: string, messages: Messages): TemplateResult {
  const date = source.parsedDate ? formatSpan(source.parsedDate, locale, messages) : undefined;
  const meta = [source.publisher, source.author, date].filter(Boolean).join(', ');
  return html`<li>
    ${source.url && isSafeLink(source.url) ? externalLink(source.url, source.title) : source.title}${
      meta ? html`<span class="source-meta">, ${meta}</span>` : nothing
    }${source.note ? html`<span class="source-meta">. ${source.note}</span>` : nothing}
  </li>`;
}

function renderMedia(event: TimelineEvent): TemplateResult | typeof nothing {
  const media = event.media;
  // parseTimeline has refused other schemes already; like links, media are checked again where they are used.
  if (!media || !isSafeLink(media.url) || /^mailto:/i.test(media.url)) return nothing;
  const caption =
    media.caption || media.credit
      ? html`<figcaption>
          ${richTextInline(media.caption)}
          ${media.credit ? html`<span class="credit">${richTextInline(media.credit)}</span>` : nothing}
        </figcaption>`
      : nothing;
  const type =
    media.type ??
    (IMAGE.test(media.url) ? 'image' : VIDEO.test(media.url) ? 'video' : AUDIO.test(media.url) ? 'audio' : 'link');
  const label = media.alt || event.title;
  switch (type) {
    case 'image':
      return html`<figure>
        <img
          src=${media.url}
          alt=${media.alt ?? ''}
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
        />${caption}
      </figure>`;
    case 'video':
      return html`<figure>
        <video src=${media.url} controls preload="none" aria-label=${label}></video>${caption}
      </figure>`;
    case 'audio':
      return html`<figure>
        <audio src=${media.url} controls preload="none" aria-label=${label}></audio>${caption}
      </figure>`;
    default:
      return html`<figure class="media-link">${externalLink(media.url, media.alt || media.url)}${caption}</figure>`;
  }
}

/** The body of an open event (everything but its date and title, which the caller shows). */
export function renderEventBody(event: TimelineEvent, messages: Messages, locale: string): TemplateResult {
  return html`
    ${event.dateNote ? html`<p class="date-note"><strong>${messages.aboutDate}:</strong> ${event.dateNote}</p>` : nothing}
    ${richText(event.summary, 'summary')} ${renderMedia(event)}
    ${
      event.sources.length
        ? html`<section class="sources" aria-label=${messages.sources}>
            <h4 class="sources-heading">${messages.sources}</h4>
            <ul>
              ${event.sources.map((source) => renderSource(source, locale, messages))}
            </ul>
          </section>`
        : nothing
    }
  `;
}
