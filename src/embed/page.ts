/**
 * A timeline at its own address, as HTML text, without a DOM: the standalone page (`date-line html --page`, the
 * embed builder's "Download page"), the generic page for data that lives elsewhere (`dist/embed.html`), the iframe
 * that shows either in another page (`date-line html --iframe`), and its oEmbed response (`date-line oembed`).
 *
 * The page is the recommended embed's element (`listHtml`'s list in it, readable without JavaScript) filling the
 * page, the share tags crawlers read (they run no script), and the page's script (frame.ts, carried as its own
 * text so that the page is one file). As in embed-html.ts, every string from data is hostile: text is escaped,
 * attributes are double-quoted and escaped, and addresses are checked.
 */
import {
  BREAKS,
  DEFAULT_SCRIPT_URL,
  RIGHT_TO_LEFT,
  SPACINGS,
  THEMES,
  attributes,
  elementHtml,
  escapeHtml,
  isImageMedia,
  listLines,
  printTimeline,
  type EmbedHtmlOptions,
  type EmbedHtmlResult,
} from '../model/embed-html.js';
import { acceptMediaUrl } from '../model/import/shared.js';
import { LAYOUTS } from '../model/layouts.js';
import { parseRichText, type Inline } from '../model/rich-text.js';
import type { TimelineData } from '../model/timeline-data.generated.js';
import type { Timeline } from '../model/types.js';
import type { TimelineError } from '../model/validate.js';
import { startFrame, type FrameConfig } from './frame.js';

/** A picture's size in CSS px (for the share card's `og:image:width`, and oEmbed's thumbnail). */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** What `pageHtml` prints: the embed's options, and what only a page has. */
export interface PageHtmlOptions extends EmbedHtmlOptions {
  /**
   * The page's own address, once it is published (absolute, http: or https:): its canonical link and `og:url`,
   * and what a relative picture address is resolved against for the share card (crawlers need absolute ones).
   */
  url?: string;
  /** The address of the page's oEmbed response: the page then carries the discovery `<link>` in its `<head>`. */
  oembed?: string;
  /** The size of the timeline's picture (`media`), for the share card. */
  imageSize?: ImageSize;
}

/** The page's own style: the element fills the window, or the frame, and scrolls its events inside it. */
const PAGE_CSS = [
  ':root { color-scheme: light dark; }',
  ":root:has(body > date-line[theme='light']) { color-scheme: light; }",
  ":root:has(body > date-line[theme='dark']) { color-scheme: dark; }",
  'body { margin: 0; font: 100%/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }',
  // The element's own rule (fill.styles.ts) keeps its title and toolbar in view and scrolls its events; before the
  // script arrives, and without JavaScript, the element itself scrolls its list. Its padding leaves room for focus
  // rings, which its edge would cut.
  'body > date-line { display: block; box-sizing: border-box; height: 100vh; height: 100dvh; padding: 1rem; overflow: auto; }',
  '[data-date-line-message] { margin: 0; padding: 0.75rem 1rem; background: #fff4e5; color: #5c3200; }',
].join('\n');

/** The page has no icon of its own: this spares each reader (each frame) a request for /favicon.ico. */
const NO_ICON = '<link rel="icon" href="data:,">';

/** What the page's script is told: the values the element's enumerated attributes take, from the model's lists. */
const frameConfig = (generic: boolean): FrameConfig => ({
  generic,
  choices: { layout: LAYOUTS, spacing: SPACINGS, theme: THEMES, breaks: BREAKS },
  rightToLeft: RIGHT_TO_LEFT,
});

/** The page's script, as a module that runs `startFrame` (frame.ts) with its config. */
function frameScript(config: FrameConfig): string {
  const source = startFrame.toString();
  // Nothing in the function may end the script element, or start a comment the parser would hold it in.
  if (/<\/script|<!--/i.test(source)) throw new Error('the page script holds "</script" or "<!--"');
  // JSON, with "<" as \u003c, is a JavaScript expression that cannot end the script element either.
  return `<script type="module">(${source})(${JSON.stringify(config).replace(/</g, '\\u003c')});</script>`;
}

/** A paragraph of rich text as its text. */
const flat = (nodes: readonly Inline[]): string =>
  nodes.map((node) => (typeof node === 'string' ? node : flat(node.children))).join('');

/** Rich text as plain text on one line, for a description in a `<meta>`. */
function plainText(text: string): string {
  return parseRichText(text)
    .map(flat)
    .join(' ')
    .replace(/[\s\0]+/g, ' ')
    .trim();
}

/** Text cut to at most `max` characters, at a word where it can be, with an ellipsis when cut. */
function shortened(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** An absolute http: or https: address, or undefined. */
function absoluteHttpUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** What is wrong with a page's own options (the embed's are checked by `checkEmbedOptions`). */
export function checkPageOptions(options: Pick<PageHtmlOptions, 'url' | 'oembed' | 'imageSize'>): string[] {
  const problems: string[] = [];
  if (options.url !== undefined && !absoluteHttpUrl(options.url))
    problems.push(`--url "${options.url}" is not an absolute http: or https: address.`);
  if (options.oembed !== undefined && !absoluteHttpUrl(options.oembed))
    problems.push(`--oembed "${options.oembed}" is not an absolute http: or https: address.`);
  const size = options.imageSize;
  if (size && !(isPixels(size.width) && isPixels(size.height)))
    problems.push('--image-size must be a width and a height in pixels, such as 1200x630.');
  return problems;
}

const isPixels = (value: number) => Number.isInteger(value) && value > 0 && value <= 100_000;

/** The timeline's share card: its title, description and picture (an absolute address), as the page's tags use. */
function shareCard(timeline: Timeline, options: PageHtmlOptions) {
  const title = timeline.title || 'Timeline';
  const description = timeline.description
    ? plainText(timeline.description)
    : `A timeline of ${timeline.events.length} event${timeline.events.length === 1 ? '' : 's'}.`;
  const media = timeline.media;
  let image: string | undefined;
  if (media && isImageMedia(media) && acceptMediaUrl(media.url) === media.url) {
    try {
      image = absoluteHttpUrl(options.url ? new URL(media.url, options.url).href : media.url);
    } catch {
      image = undefined;
    }
  }
  return { title, description, image, alt: media?.alt };
}

/** A `<meta>` of the page's head: `property` for Open Graph's, `name` for the others. */
function meta(key: string, content: string | number | undefined): string[] {
  if (content === undefined || content === '') return [];
  const kind = key.startsWith('og:') ? 'property' : 'name';
  return [`<meta${attributes({ [kind]: key, content: String(content) })}>`];
}

/**
 * The standalone page of a timeline: a complete HTML document with its title and description, Open Graph and
 * Twitter card tags (the timeline's `media` picture, when it is one, as the card's picture), the canonical and
 * oEmbed discovery links when their addresses are given, the recommended embed's element filling the page (its
 * events written out, readable without JavaScript) and the page's script. Upload it anywhere: it is the timeline's
 * address, a link to share and the `src` of an iframe (see `iframeHtml`).
 *
 * `data` is date-line JSON; invalid data or options give `html: null` and the errors. Never throws.
 */
export function pageHtml(data: TimelineData, options: PageHtmlOptions = {}): EmbedHtmlResult {
  const problems = checkPageOptions(options);
  if (problems.length) return { html: null, errors: problems.map((message) => ({ path: '', message })), warnings: [] };
  const warnings: TimelineError[] = [];
  const result = printTimeline(data, options, (timeline, id) => {
    const card = shareCard(timeline, options);
    if (timeline.media && !card.image)
      warnings.push({
        path: '/media',
        message: isImageMedia(timeline.media)
          ? 'The share card has no picture: its address must be absolute (give the page’s own with --url).'
          : 'The share card has no picture: media must be an image.',
      });
    const picture = card.image
      ? [
          ...meta('og:image', card.image),
          ...meta('og:image:alt', card.alt),
          ...meta('og:image:width', options.imageSize?.width),
          ...meta('og:image:height', options.imageSize?.height),
        ]
      : [];
    const locale = options.locale ?? 'en';
    const rtl = (RIGHT_TO_LEFT as readonly string[]).includes(locale.split('-')[0].toLowerCase());
    return [
      '<!doctype html>',
      `<html${attributes({ lang: locale, dir: rtl ? 'rtl' : undefined })}>`,
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      NO_ICON,
      `<title>${escapeHtml(card.title)}</title>`,
      ...meta('description', shortened(card.description, 300)),
      ...(options.url ? [`<link${attributes({ rel: 'canonical', href: options.url })}>`] : []),
      ...meta('og:type', 'website'),
      ...meta('og:title', card.title),
      ...meta('og:description', shortened(card.description, 300)),
      ...meta('og:url', options.url),
      ...picture,
      ...meta('twitter:card', card.image ? 'summary_large_image' : 'summary'),
      ...meta('twitter:title', shortened(card.title, 70)),
      ...meta('twitter:description', shortened(card.description, 200)),
      ...(options.oembed
        ? [
            `<link${attributes({
              rel: 'alternate',
              type: 'application/json+oembed',
              href: options.oembed,
              title: `${card.title} (oEmbed)`,
            })}>`,
          ]
        : []),
      `<style>\n${PAGE_CSS}\n</style>`,
      `<script type="module"${attributes({ src: options.script ?? DEFAULT_SCRIPT_URL })}></script>`,
      '</head>',
      '<body>',
      '<p data-date-line-message role="alert" hidden></p>',
      elementHtml(id, options, listLines(timeline, data, id, options, '  ')),
      frameScript(frameConfig(false)),
      '</body>',
      '</html>',
    ];
  });
  if (result.html === null) return result;
  return {
    html: result.html,
    errors: [],
    warnings: [...(options.src ? [] : result.warnings), ...warnings],
  };
}

/**
 * The generic page, `dist/embed.html`: `embed.html?src=<address of a timeline>&layout=…` shows any timeline,
 * with any of the element's attributes as a parameter (see frame.ts). `script` is the script-tag file's address,
 * relative to the page.
 */
export function genericPageHtml(script: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    NO_ICON,
    '<title>Timeline</title>',
    `<style>\n${PAGE_CSS}\n</style>`,
    `<script type="module"${attributes({ src: script })}></script>`,
    '</head>',
    '<body>',
    '<p data-date-line-message role="alert" hidden></p>',
    '<noscript><p>This timeline needs JavaScript.</p></noscript>',
    frameScript(frameConfig(true)),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The tallest frame `iframeHtml` writes: beyond it, the events scroll inside the frame (or embed-host.js grows it). */
export const MAX_FRAME_HEIGHT = 800;
/** The shortest: WordPress, too, sizes an embed to no less than 200 px. */
export const MIN_FRAME_HEIGHT = 200;

/**
 * The height in CSS px of a timeline's page drawn as a list at `width` px (the frame's width), estimated from its
 * text: the title and description, then each event's date and headline, in lines of the page's type. It is the
 * frame's height before the page says its own, so that the host page does not move then.
 */
export function estimateHeight(timeline: Timeline, width = 640): number {
  const line = 24; // 1rem at line-height 1.5
  const charsIn = (px: number, size: number) => Math.max(10, Math.floor(px / (size * 0.52)));
  const lines = (text: string, px: number, size: number) =>
    Math.max(1, Math.ceil([...text].length / charsIn(px, size)));
  const content = width - 32; // the page's padding
  let height = 32;
  if (timeline.title) height += lines(timeline.title, content, 22) * 27.5 + 4;
  if (timeline.description)
    for (const paragraph of parseRichText(timeline.description))
      height += lines(flat(paragraph), content, 16) * line + 8;
  if (timeline.title || timeline.description) height += 16;
  const tags = new Set(timeline.events.flatMap((event) => event.tags));
  if (timeline.groups.length > 1 || tags.size > 1) height += 48; // the filters' toolbar
  const eventWidth = content - 28 - 20; // the rail, the button's padding
  // Each event: its button's padding and the gap after it, the date, the headline, and the group under it.
  for (const event of timeline.events)
    height += 16 + 4 + 21 + lines(event.title, eventWidth, 16) * 21.6 + (event.group ? 19.5 : 0);
  return Math.round(height);
}

/** What `iframeHtml` and `oembedResponse` need: the page's address, and the frame's id. */
export interface IframeOptions {
  /** The address of the timeline's page (`--page`'s output uploaded, or `dist/embed.html?src=…`). */
  url: string;
  /**
   * The frame's id: `embed-host.js` joins its deep links to the host page's address as `#<id>/<event id>`, and
   * two frames on a page must not share it. Default: the timeline's title as a slug, as the page's element.
   */
  id?: string;
  /** The frame's height in px; default: `estimateHeight`, within 200 to 800. */
  height?: number;
}

/**
 * The sandbox of the frame: what the page in it may do, and why each is there.
 * - `allow-scripts`: the element is a script.
 * - `allow-same-origin`: the page keeps its own origin, so that it can load its data and the players of
 *   third-party media (YouTube, Vimeo), which refuse an opaque origin; a frame from another origin than the host
 *   page gains nothing over it by this.
 * - `allow-popups` and `allow-popups-to-escape-sandbox`: sources and media links open in a new tab, as a normal
 *   page, not one sandboxed as this frame.
 * - `allow-presentation`: media players may cast to a screen.
 * Not allowed: navigating the host page, forms, downloads, modal dialogs, pointer lock.
 */
export const FRAME_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation';

/** What media players in the frame may use: full screen, picture in picture, autoplay once pressed, protected media. */
export const FRAME_ALLOW = 'fullscreen; picture-in-picture; autoplay; encrypted-media';

/** The frame's element: the page at `url`, `width` wide (a number of px, or 100%), `height` px tall. */
function iframeElement(timeline: Timeline, id: string, url: string, width: string, height: number): string {
  return `<iframe${attributes({
    id,
    'data-date-line': true,
    src: url,
    title: timeline.title || 'Timeline',
    loading: 'lazy',
    width,
    height: String(height),
    style: `display: block; width: 100%; height: ${height}px; border: 0`,
    sandbox: FRAME_SANDBOX,
    allow: FRAME_ALLOW,
  })}></iframe>`;
}

const frameHeight = (timeline: Timeline, height?: number) =>
  height ?? Math.min(MAX_FRAME_HEIGHT, Math.max(MIN_FRAME_HEIGHT, estimateHeight(timeline)));

function checkIframeOptions(options: IframeOptions): string[] {
  const problems = absoluteHttpUrl(options.url) ? [] : [`"${options.url}" is not an absolute http: or https: address.`];
  if (options.height !== undefined && !isPixels(options.height)) problems.push('--height must be a number of pixels.');
  return problems;
}

/**
 * The iframe that shows a timeline's page in another page, for sites that allow no scripts: the full width, a
 * height from `estimateHeight` (the page does not move when the frame loads), lazy loading, a title, and the
 * sandbox and permissions the page needs. `data-date-line` marks it for `embed-host.js`.
 */
export function iframeHtml(data: TimelineData, options: IframeOptions): EmbedHtmlResult {
  const problems = checkIframeOptions(options);
  if (problems.length) return { html: null, errors: problems.map((message) => ({ path: '', message })), warnings: [] };
  const result = printTimeline(data, { id: options.id }, (timeline, id) => [
    iframeElement(timeline, id, options.url, '100%', frameHeight(timeline, options.height)),
  ]);
  return result.html === null ? result : { html: result.html, errors: [], warnings: [] };
}

/** An oEmbed 1.0 response of type `rich` (https://oembed.com/, section 2.3). */
export interface OEmbedResponse {
  type: 'rich';
  version: '1.0';
  title: string;
  provider_name: string;
  provider_url?: string;
  /** The iframe, with no padding or margins. */
  html: string;
  width: number;
  height: number;
  /** The picture: its address and size, all three or none. */
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

/** What `oembedResponse` needs: the frame's, and what the consumer asked for. */
export interface OEmbedOptions extends IframeOptions {
  /** The largest width and height the consumer takes (oEmbed's `maxwidth` and `maxheight`). */
  maxwidth?: number;
  maxheight?: number;
  /** Who publishes the timeline; default: the page's host name. */
  providerName?: string;
  /** The publisher's site. */
  providerUrl?: string;
  /** The size of the timeline's picture: the response has a thumbnail only when it is known. */
  imageSize?: ImageSize;
}

/** The width of an embed when the consumer sets no limit: a common article column. */
const OEMBED_WIDTH = 640;

/**
 * The oEmbed 1.0 response for a timeline's page: `type: "rich"`, the iframe as its `html`, its width and height
 * (within `maxwidth` and `maxheight`), the title, the provider, and a thumbnail when the timeline's picture and its
 * size are known (and within the limits). Serve it as a static JSON file (the page's `--oembed` link discovers it)
 * or from any endpoint. Never throws.
 */
export function oembedResponse(
  data: TimelineData,
  options: OEmbedOptions,
): { json: OEmbedResponse; errors: [] } | { json: null; errors: TimelineError[] } {
  const problems = [...checkIframeOptions(options), ...checkPageOptions({ imageSize: options.imageSize })];
  for (const limit of ['maxwidth', 'maxheight'] as const)
    if (options[limit] !== undefined && !isPixels(options[limit]))
      problems.push(`--${limit} must be a number of pixels.`);
  if (options.providerUrl !== undefined && !absoluteHttpUrl(options.providerUrl))
    problems.push(`--provider-url "${options.providerUrl}" is not an absolute http: or https: address.`);
  if (problems.length) return { json: null, errors: problems.map((message) => ({ path: '', message })) };
  let response: OEmbedResponse | undefined;
  const result = printTimeline(data, { id: options.id }, (timeline, id) => {
    const width = Math.min(OEMBED_WIDTH, options.maxwidth ?? OEMBED_WIDTH);
    const height = Math.min(frameHeight(timeline, options.height), options.maxheight ?? Infinity);
    const card = shareCard(timeline, { url: options.url });
    const size = options.imageSize;
    const thumbnail =
      card.image &&
      size &&
      size.width <= (options.maxwidth ?? Infinity) &&
      size.height <= (options.maxheight ?? Infinity)
        ? { thumbnail_url: card.image, thumbnail_width: size.width, thumbnail_height: size.height }
        : {};
    response = {
      type: 'rich',
      version: '1.0',
      title: card.title,
      provider_name: options.providerName ?? new URL(options.url).hostname,
      ...(options.providerUrl ? { provider_url: options.providerUrl } : {}),
      html: iframeElement(timeline, id, options.url, String(width), height),
      width,
      height,
      ...thumbnail,
    };
    return [];
  });
  return response ? { json: response, errors: [] } : { json: null, errors: result.errors };
}
