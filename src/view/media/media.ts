/**
 * An event's media, as a reader sees it (in the open event's panel, and large in a story's scene): a picture, a video
 * or audio file with the browser's own controls, a quotation, a third-party player behind a facade (player.ts), or a
 * card that links to what cannot be played without its provider's script. What it is comes from
 * `describeMedia` (model/media.ts). Nothing autoplays, nothing is asked of a third party until the reader presses
 * (pictures the data gives, its thumbnails among them, load lazily, without a referrer), every box keeps its size
 * from the start so the page does not jump, and the words come from the element's message table, in its
 * language and direction.
 *
 * A part loaded on demand: the script-tag file carries none of it. Its styles (`mediaStyles`) must be in the shadow
 * root it renders into (see src/parts.ts).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { englishMediaWords } from '../../i18n/media-words.js';
import { fill, type MediaOpenKind, type MediaPlayKind, type MediaWords, type Messages } from '../../i18n/messages.js';
import { describeMedia, type MediaInfo } from '../../model/media.js';
import type { MediaData } from '../../model/types.js';
import { richText, richTextInline } from '../rich-text.js';
import { facade, stopPlayers } from './player.js';

/** `inline` in an open event's panel; `large` fills a story's scene (its height is the scene's to give). */
export type MediaSize = 'inline' | 'large';

/** What `renderMedia` needs besides the media item. */
export interface MediaOptions {
  /**
   * Which item this is, stable across renders (the event's id, the scene's): a player the reader started keeps
   * playing while the caller renders the same key at the same place, and is gone when it renders another.
   */
  readonly key: string;
  /** What the media belongs to (the event's title), heard after a facade's or a card's label and in a frame's title. */
  readonly title: string;
  /** The element's message table: its `media` words, or English ones. */
  readonly messages: Messages;
  /** Default `inline`. */
  readonly size?: MediaSize;
}

const PLAY_KINDS = new Set<string>(['video', 'audio', 'document', 'map', 'post', 'page']);
const OPEN_KINDS = new Set<string>([...PLAY_KINDS, 'image', 'profile', 'article', 'link']);

/** A link out of the article: a new tab, no opener, no referrer. */
const external = (href: string, content: unknown) =>
  html`<a href=${href} target="_blank" rel="noopener noreferrer">${content}</a>`;

/**
 * The box of a player or a file: its ratio (or fixed height) set before anything loads, by a class (the few sizes
 * describeMedia gives each have one; an inline style would need the CSSOM under a strict CSP, and a module of its own).
 * A player's box carries its item's key (see player.ts).
 */
function box(info: MediaInfo, content: unknown, key?: string): TemplateResult {
  const size = info.height ? `media-fixed h-${info.height}` : `r-${Math.round((info.ratio ?? 1.5) * 100)}`;
  return html`<div class="media-box ${size}" data-player=${key ?? nothing}>${content}</div>`;
}

/**
 * The media of an event (or of a timeline, its title scene), or `nothing` when there is none date-line would show.
 * Text from the data goes through Lit bindings only; every address was checked by `describeMedia`.
 *
 * @param media - The media item (`event.media`, `timeline.media`).
 * @param options - The key the caller keeps for this item, the title for context, the message table, the size.
 * @example
 * renderMedia(event.media, { key: event.id, title: event.title, messages, size: 'large' })
 */
export function renderMedia(
  media: Readonly<MediaData> | undefined,
  { key, title, messages, size = 'inline' }: MediaOptions,
): TemplateResult | typeof nothing {
  const info = media && describeMedia(media);
  if (!media || !info) return nothing;
  const words: MediaWords = messages.media ?? englishMediaWords;
  const provider = { provider: info.provider };
  const context = fill(words.about, { label: '', title });
  // The way to the provider's own page, on a line of its own under the caption (a card is that way itself).
  const openOn =
    info.href && info.display !== 'link'
      ? html`<span class="media-links">${external(info.href, fill(words.openOn, provider))}</span>`
      : nothing;
  const credit = media.credit
    ? html`<span class="credit">${info.display === 'quote' ? '— ' : ''}${richTextInline(media.credit)}</span>`
    : nothing;
  // A quotation's credit says whose words they are: it comes first.
  const caption =
    media.caption || media.credit || openOn !== nothing
      ? html`<figcaption>
          ${info.display === 'quote' ? credit : nothing} ${richTextInline(media.caption)}
          ${info.display === 'quote' ? nothing : credit} ${openOn}
        </figcaption>`
      : nothing;
  // Without alt text, a picture is named by what it belongs to; its caption, below it, is read with the figure.
  const described = media.alt ?? title;
  const stopOthers = (event: Event) => stopPlayers((event.target as Node).getRootNode() as ParentNode);
  let body: unknown;
  switch (info.display) {
    case 'image':
      body = box(
        info,
        html`<img src=${info.src!} alt=${described} loading="lazy" decoding="async" referrerpolicy="no-referrer" />`,
      );
      break;
    case 'video':
      body = box(
        info,
        html`<video
          src=${info.src!}
          poster=${info.poster ?? nothing}
          controls
          playsinline
          preload="none"
          aria-label=${described}
          @play=${stopOthers}
        ></video>`,
      );
      break;
    case 'audio':
      body = html`<audio src=${info.src!} controls preload="none" aria-label=${described} @play=${stopOthers}></audio>`;
      break;
    case 'quote':
      body = html`<blockquote cite=${info.href ?? nothing}>${richText(info.quote)}</blockquote>`;
      break;
    case 'player': {
      const kind = PLAY_KINDS.has(info.kind) ? (info.kind as MediaPlayKind) : 'page';
      const player = facade({
        frame: info.frame!,
        label: fill(words.play[kind], provider),
        context,
        title: fill(words.about, { label: info.provider, title }),
        poster: info.poster,
      });
      body = box(info, player, `${key} ${info.frame!.src}`);
      break;
    }
    default: {
      const kind = OPEN_KINDS.has(info.kind) ? (info.kind as MediaOpenKind) : 'link';
      body = html`<a class="media-card" href=${info.href!} target="_blank" rel="noopener noreferrer">
        ${
          info.poster
            ? html`<img
                class="card-poster"
                src=${info.poster}
                alt=""
                loading="lazy"
                decoding="async"
                referrerpolicy="no-referrer"
              />`
            : nothing
        }
        <span class="card-text">
          <span class="card-label"
            >${fill(words.open[kind], provider)}<span class="visually-hidden">${context}</span></span
          >
          <span class="card-host" dir="ltr">${hostOf(info.href!)}</span>
        </span>
      </a>`;
    }
  }
  return html`<figure class="media media-${info.display} media-${size}" data-kind=${info.kind}>
    ${body}${caption}
  </figure>`;
}

/** Where a card leads, as readers recognise it: the host, or the address itself when it is relative. */
function hostOf(href: string): string {
  return /^(?:https?:)?\/\//i.test(href) ? new URL(href, 'https://relative.invalid/').hostname : href;
}

/** The styles of media, adopted with the part that renders them (see src/parts.ts). */
export const mediaStyles = css`
  .media {
    --media-max-block: 24rem;
    margin: 0 0 0.75em;
  }

  /* Every box has its size before anything loads: a ratio (at most as tall as the part allows), or a height. */
  .media-box {
    --media-ratio: 3 / 2;
    position: relative;
    aspect-ratio: var(--media-ratio);
    inline-size: min(100%, calc(var(--media-max-block) * var(--media-ratio)));
    background: var(--date-line-color-surface);
    border-radius: var(--date-line-radius);
    overflow: hidden;
  }

  /* The sizes describeMedia gives (see box()); a box of another ratio keeps the default above. */
  .r-178 {
    --media-ratio: 16 / 9;
  }
  .r-56 {
    --media-ratio: 9 / 16;
  }
  .r-133 {
    --media-ratio: 4 / 3;
  }
  .r-100 {
    --media-ratio: 1;
  }
  .h-152 {
    block-size: 152px;
  }
  .h-166 {
    block-size: 166px;
  }
  .h-352 {
    block-size: 352px;
  }
  .h-450 {
    block-size: 450px;
  }

  /* Large, the media fill the box they are given (a story's scene): a player or a picture takes the room its
     caption leaves, in the box's colours; a quotation or a card sits in the middle of a panel of its own. */
  .media-large {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    margin: 0;
  }

  /* In a box of no set height, its own ratio (at most most of the screen). */
  .media-large .media-box {
    flex: 1 1 auto;
    min-block-size: 0;
    max-block-size: 80vh;
    inline-size: 100%;
    border-radius: 0;
  }

  .media-large .media-fixed {
    flex: none;
    margin-block: auto;
  }

  .media-large.media-quote,
  .media-large.media-link {
    justify-content: center;
    gap: 0.75rem;
    padding: 1.5rem clamp(1rem, 6%, 3rem);
    background: var(--date-line-color-surface);
    color: var(--date-line-color-text);
  }

  /* The panel's own colours, whatever the box around it gives its captions. */
  .media-large.media-quote figcaption,
  .media-large.media-link figcaption,
  .media-large.media-quote .credit,
  .media-large.media-link .credit {
    padding: 0;
    color: var(--date-line-color-muted);
    opacity: 1;
  }

  .media-fixed {
    inline-size: 100%;
  }

  .media-box > img,
  .media-box > video,
  .media-frame,
  .facade {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    border: 0;
  }

  .media-box > img,
  .media-box > video {
    object-fit: contain;
  }

  .media audio {
    display: block;
    inline-size: 100%;
  }

  /* The facade: the data's picture or a neutral poster, a play mark, and what pressing loads, from where. */
  .facade {
    position: relative;
    padding: 0;
    cursor: pointer;
    font: inherit;
    color: inherit;
    background: linear-gradient(
      135deg,
      var(--date-line-color-surface),
      color-mix(in srgb, var(--date-line-color-rule) 60%, var(--date-line-color-surface))
    );
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.75em;
  }

  .facade[hidden] {
    display: none;
  }

  .facade .poster {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }

  .facade-play {
    position: relative;
    inline-size: 3.5rem;
    block-size: 3.5rem;
    border-radius: 50%;
    background: var(--date-line-color-accent);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.35);
  }

  /* A play triangle, drawn in physical coordinates: media controls point right in every script direction. */
  .facade-play::after {
    content: '';
    position: absolute;
    inset: 28% 24% 28% 36%;
    background: var(--date-line-color-accent-text);
    clip-path: polygon(0 0, 100% 50%, 0 100%);
  }

  .facade-label {
    position: relative;
    max-inline-size: calc(100% - 2rem);
    padding: 0.25em 0.75em;
    border-radius: var(--date-line-radius);
    background: #1b1b1f;
    color: #ffffff;
    font-size: 0.875em;
    font-weight: 600;
  }

  .facade:hover .facade-play,
  .facade:focus-visible .facade-play {
    transform: scale(1.08);
  }

  .facade:focus-visible {
    outline: 3px solid var(--date-line-color-focus);
    outline-offset: -3px;
  }

  .media-large .facade-play {
    inline-size: 4.5rem;
    block-size: 4.5rem;
  }

  .media-links {
    display: block;
  }

  /* A card for what cannot be played here: what it is, where it leads. */
  .media-card {
    display: flex;
    align-items: center;
    gap: 0.75em;
    padding: 0.625em 0.75em;
    border: 1px solid var(--date-line-color-rule);
    border-radius: var(--date-line-radius);
    text-decoration: none;
    color: inherit;
  }

  .media-card:hover .card-label {
    text-decoration: underline;
  }

  .card-poster {
    inline-size: 4rem;
    block-size: 4rem;
    flex: none;
    object-fit: cover;
    border-radius: calc(var(--date-line-radius) / 2);
  }

  .card-text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }

  .card-label {
    color: var(--date-line-color-link);
    font-weight: 600;
  }

  /* An address reads left to right in every script, at the start of the card (its right, right to left). */
  .card-host {
    align-self: flex-start;
    max-inline-size: 100%;
    color: var(--date-line-color-muted);
    font-size: 0.8125em;
    overflow-wrap: anywhere;
    text-align: start;
  }

  .media-quote blockquote {
    margin: 0;
    padding-inline-start: 1em;
    border-inline-start: 3px solid var(--date-line-color-accent);
    font-size: 1.0625em;
  }

  .media-large.media-quote blockquote {
    font-size: 1.375em;
  }

  .media figcaption {
    color: var(--date-line-color-muted);
    font-size: 0.8125em;
    margin-block-start: 0.25em;
  }

  .media .credit {
    margin-inline-start: 0.25em;
  }

  .media-quote .credit {
    margin-inline-start: 0;
    margin-inline-end: 0.25em;
  }

  @media (prefers-reduced-motion: no-preference) {
    .facade-play {
      transition: transform 0.15s ease-out;
    }
  }

  /* On paper, a player is its caption and the link to it. */
  @media print {
    .media-box:has(.facade) {
      display: none;
    }
  }
`;
