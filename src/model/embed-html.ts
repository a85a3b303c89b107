/**
 * The recommended embed as HTML text, without a DOM: the script tag and a `<date-line>` element whose children
 * are the timeline as the light-DOM list the element reads (src/view/light-dom.ts). Readers without JavaScript
 * and search engines get every event, with its date in words and as a `datetime`; once the element is defined
 * it reads the same list back as its data. `date-line html` (bin/date-line.mjs) and the embed builder's "Copy
 * HTML" both print this, so they print the same thing.
 *
 * Safety: the input is validated data (parseTimeline runs first), and this module still treats every string as
 * hostile. Text is escaped; attribute values are double-quoted and escaped; the only markup is the rich-text
 * subset (paragraphs, em, strong, links); links go only to http:, https: and mailto: URLs or relative ones, media
 * only to http: and https: or relative ones, checked again here. Nothing here is ever parsed as HTML by date-line.
 */
import { parseDateSpan } from './dates.js';
import { formatSpan } from './format.js';
import { isValidId, slugify } from './import/ids.js';
import { acceptLinkUrl, acceptMediaUrl } from './import/shared.js';
import { LAYOUTS, type Layout } from './layouts.js';
import { parseTimeline } from './parse.js';
import { parseRichText, type Inline } from './rich-text.js';
import type { EventData, TimelineData } from './timeline-data.generated.js';
import type { Timeline, TimelineEvent, TimelineSource } from './types.js';
import type { TimelineError } from './validate.js';
import { englishMessages, type DateWords } from '../i18n/messages.js';

/** The script tag's address unless another is given: the one the README's embed uses. */
export const DEFAULT_SCRIPT_URL = 'https://unpkg.com/date-line@0/dist/date-line.bundled.js';

/**
 * The words the printed list uses: the date words `formatSpan` takes and the label of a date's note. A message
 * table (`loadMessages(locale)` from `date-line/model`) has them all.
 */
export type EmbedWords = DateWords & { readonly aboutDate: string };

/** What `embedHtml` prints: the element's attributes and what goes around the element. */
export interface EmbedHtmlOptions {
  /**
   * The element's `id`, which keys its deep links (`#<id>/<event id>`) and the reserved-height rule. Default:
   * the timeline's title as a slug ("ice-facebook-and-palantir"), else `date-line`. Letters, digits and
   * `. _ : -`, as event ids.
   */
  id?: string;
  /**
   * A `src` for the element: it then loads that file (every field of the data) and the printed list is what
   * readers see before and without JavaScript. Without it, the list is the element's data.
   */
  src?: string;
  layout?: Layout;
  spacing?: (typeof SPACINGS)[number];
  /** BCP 47 tag: the element's `locale` attribute, and the language of the printed dates (default `en`). */
  locale?: string;
  theme?: (typeof THEMES)[number];
  /** The range the axis shows first ("2016-11/2018-05"). */
  view?: string;
  groupRows?: boolean;
  /** The address of the script-tag file. Default: `DEFAULT_SCRIPT_URL`. */
  script?: string;
  /**
   * Whether to print the `<style>` of `reservedHeightCss` before the element (default true). Pages whose
   * Content Security Policy refuses inline styles leave it out and put the rule in their own style sheet.
   */
  style?: boolean;
  /**
   * Whether events' images are printed as `<img>` (default true). They load lazily and without a referrer, as
   * the reader scrolls to them, which the element itself does only when an event is opened.
   */
  media?: boolean;
  /** The words for dates and date notes, in `locale`'s language. Default: English. */
  words?: EmbedWords;
}

/** The embed, or the errors that stop it. Like `parseTimeline`, `embedHtml` never throws. */
export type EmbedHtmlResult =
  | {
      html: string;
      errors: [];
      /**
       * What the data has that the printed list does not carry, so that an element reading the list goes
       * without it (eras, say); empty with `src`, since the element then loads the file itself.
       */
      warnings: TimelineError[];
    }
  | { html: null; errors: TimelineError[]; warnings: [] };

/**
 * The values the element's other enumerated attributes take, which the command line, the embed builder and the
 * generic embed page (`dist/embed.html`) check options against; its layouts are LAYOUTS (layouts.ts).
 */
export const SPACINGS = ['time', 'even'] as const;
export const THEMES = ['light', 'dark'] as const;
export const BREAKS = ['auto', 'none'] as const;

/** Languages written right to left, by their primary subtag: the element gets `dir="rtl"` for them. */
export const RIGHT_TO_LEFT = ['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug'] as const;

/** Whether a BCP 47 locale is written right to left ("ar", "he-IL"). */
export const isRightToLeft = (locale = ''): boolean =>
  (RIGHT_TO_LEFT as readonly string[]).includes(locale.split('-')[0].toLowerCase());

/**
 * What is wrong with embed options, one message per option, each naming it as the command line does
 * (`--layout`); empty when they are fine.
 */
export function checkEmbedOptions(options: EmbedHtmlOptions): string[] {
  const problems: string[] = [];
  const oneOf = (name: string, value: string | undefined, allowed: readonly string[]) => {
    if (value !== undefined && !allowed.includes(value))
      problems.push(`--${name} must be ${allowed.join(', ').replace(/, ([^,]+)$/, ' or $1')}, not "${value}".`);
  };
  oneOf('layout', options.layout, LAYOUTS);
  oneOf('spacing', options.spacing, SPACINGS);
  oneOf('theme', options.theme, THEMES);
  if (options.id !== undefined && !isValidId(options.id))
    problems.push(
      `--id "${options.id}" is not an id date-line can link to: use letters, digits and . _ : - only, starting with a letter or digit.`,
    );
  if (options.locale !== undefined) {
    let valid = false;
    try {
      valid = Intl.getCanonicalLocales(options.locale).length === 1;
    } catch {
      // not a language tag
    }
    if (!valid)
      problems.push(`--locale "${options.locale}" is not a BCP 47 language tag (such as "en", "de" or "fr-CA").`);
  }
  if (options.view !== undefined) {
    const view = parseDateSpan(options.view);
    if (!view.ok) problems.push(`--view: ${view.message}`);
  }
  if (options.src !== undefined && acceptMediaUrl(options.src) !== options.src)
    problems.push(`--src "${options.src}" is not an http:, https: or relative address.`);
  if (options.script !== undefined && acceptMediaUrl(options.script) !== options.script)
    problems.push(`--script "${options.script}" is not an http:, https: or relative address.`);
  return problems;
}

/** HTML cannot carry U+0000 at all (the parser drops or replaces it), so it is left out everywhere. */
const withoutNul = (text: string) => text.replace(/\0/g, '');

/**
 * Text as HTML text: `&`, `<` and `>` as references, so nothing in it can open or close an element. A carriage
 * return, which the HTML parser would turn into a line feed, is written as a reference to come back as itself.
 */
export function escapeHtml(text: string): string {
  return withoutNul(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value, for an attribute written in double quotes. */
const escapeAttribute = (text: string) => escapeHtml(text).replace(/"/g, '&quot;');

/** ` name="value"`, or ` name` for `true`, or nothing for `undefined` and `false`. */
export function attributes(pairs: Record<string, string | boolean | undefined>): string {
  return Object.entries(pairs)
    .map(([name, value]) =>
      value === undefined || value === false
        ? ''
        : value === true
          ? ` ${name}`
          : ` ${name}="${escapeAttribute(value)}"`,
    )
    .join('');
}

/** A link as the element makes one: a new tab, no opener, no referrer; `undefined` for an address not allowed. */
function link(href: string, content: string): string | undefined {
  if (acceptLinkUrl(href) !== href) return undefined;
  return `<a${attributes({ href, target: '_blank', rel: 'noopener noreferrer' })}>${content}</a>`;
}

function inlineHtml(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return escapeHtml(node);
      const content = inlineHtml(node.children);
      if (node.kind === 'link') return link(node.href, content) ?? content;
      return node.kind === 'strong' ? `<strong>${content}</strong>` : `<em>${content}</em>`;
    })
    .join('');
}

/** Rich text as paragraphs, one `<p>` a line. */
function richTextHtml(text: string | undefined, indent: string): string[] {
  return text ? parseRichText(text).map((paragraph) => `${indent}<p>${inlineHtml(paragraph)}</p>`) : [];
}

/** Rich text on one line (paragraphs joined by a space), for captions and credits. */
const richTextInlineHtml = (text: string) =>
  parseRichText(text)
    .map((paragraph) => inlineHtml(paragraph))
    .join(' ');

/** The same guess from the address the element makes when the data gives no media type. */
const IMAGE_URL = /\.(avif|gif|jpe?g|png|svg|webp)(\?|#|$)/i;

/** Whether media are a picture: by their type, else by their address, as the element guesses. */
export const isImageMedia = (
  media: TimelineEvent['media'],
): media is NonNullable<TimelineEvent['media']> & { url: string } =>
  media?.url !== undefined && (media.type ?? (IMAGE_URL.test(media.url) ? 'image' : 'other')) === 'image';

const isImage = (event: TimelineEvent) => isImageMedia(event.media);

/** The element's `id`: the option, else the title as a slug, else the element's own default key. */
export function embedId(timeline: Pick<Timeline, 'title'>, options: Pick<EmbedHtmlOptions, 'id'> = {}): string {
  return options.id ?? (slugify(timeline.title ?? '') || 'date-line');
}

/**
 * The CSS that keeps the page from moving when the script upgrades the element, printed in a `<style>` before
 * it (or, under a strict Content Security Policy, put by the page in its own style sheet). Scoped to the
 * element's id, so it concerns this embed only.
 *
 * It makes the not-yet-defined element a block, as the defined element is, so that the list does not sit in an
 * inline box until then.
 */
export function reservedHeightCss(
  timeline: Pick<Timeline, 'title'>,
  options: Pick<EmbedHtmlOptions, 'id'> = {},
): string {
  // embedHtml's ids are date-line ids (letters, digits, . _ : -); an id from another caller is escaped, so that
  // nothing in it can end the CSS string, or the <style> element around it.
  const id = embedId(timeline, options).replace(/[^\w.:-]/gu, (char) => `\\${char.codePointAt(0)!.toString(16)} `);
  const selector = `date-line[id="${id}"]`;
  // Before the script arrives the element is an unknown inline element: as a block, its list lays out as it will
  // once the element is defined, which shows the same list, in the page's own type, until its axis or list is
  // ready (see DateLine's render). No height is reserved: the events themselves hold the place.
  return `${selector}:not(:defined) { display: block; }`;
}

function sourceHtml(source: TimelineSource, locale: string, words: EmbedWords): string {
  const title = escapeHtml(source.title);
  const parts = [(source.url ? link(source.url, title) : undefined) ?? `<cite>${title}</cite>`];
  if (source.publisher) parts.push(`, <span data-publisher>${escapeHtml(source.publisher)}</span>`);
  if (source.author) parts.push(`, <span data-author>${escapeHtml(source.author)}</span>`);
  if (source.date && source.parsedDate)
    parts.push(
      `, <time${attributes({ datetime: source.date.trim() })}>${escapeHtml(formatSpan(source.parsedDate, locale, words))}</time>`,
    );
  if (source.note) parts.push(`. <span data-note>${escapeHtml(source.note)}</span>`);
  return `<li>${parts.join('')}</li>`;
}

function mediaHtml(event: TimelineEvent, indent: string): string[] {
  const media = event.media!;
  if (!media.url || acceptMediaUrl(media.url) !== media.url) return [];
  const image = `<img${attributes({
    src: media.url,
    alt: media.alt,
    loading: 'lazy',
    decoding: 'async',
    referrerpolicy: 'no-referrer',
  })}>`;
  const credit = media.credit ? `<small>${richTextInlineHtml(media.credit)}</small>` : '';
  const caption = [media.caption ? richTextInlineHtml(media.caption) : '', credit].filter(Boolean).join(' ');
  return [
    `${indent}<figure>`,
    `${indent}  ${image}`,
    ...(caption ? [`${indent}  <figcaption>${caption}</figcaption>`] : []),
    `${indent}</figure>`,
  ];
}

/** The `datetime` of an event: its date as the author wrote it, so that the element reads back that very date. */
function datetimeOf(data: EventData): string {
  return data.end === undefined ? data.date.trim() : `${data.date.trim()}/${data.end.trim()}`;
}

function eventHtml(
  event: TimelineEvent,
  data: EventData,
  elementId: string,
  options: ListHtmlOptions,
  words: EmbedWords,
  at: string,
): string[] {
  const locale = options.locale ?? 'en';
  const label = event.displayDate ?? formatSpan(event.date, locale, words);
  const time = `<time${attributes({ datetime: datetimeOf(data), 'data-display-date': event.displayDate !== undefined })}>${escapeHtml(label)}</time>`;
  const group = event.group
    ? ` · <data${attributes({ value: event.group.id, 'data-color': event.group.color })}>${escapeHtml(event.group.label)}</data>`
    : '';
  const inside = `${at}    `;
  const lines = [
    `${at}  <li${attributes({
      // The deep link as an id: the same address opens the event with JavaScript and scrolls to it without.
      id: `${elementId}/${event.id}`,
      'data-importance': event.importance === 3 ? undefined : String(event.importance),
      'data-tags': event.tags.length ? JSON.stringify(event.tags) : undefined,
      'data-context': event.context,
    })}>`,
    `${inside}${time}${group}`,
    `${inside}<h3>${escapeHtml(event.title)}</h3>`,
  ];
  if (event.dateNote)
    lines.push(
      `${inside}<details><summary>${escapeHtml(words.aboutDate)}</summary>${escapeHtml(event.dateNote)}</details>`,
    );
  lines.push(...richTextHtml(event.summary, inside));
  if (event.media && options.media !== false && isImage(event)) lines.push(...mediaHtml(event, inside));
  if (event.sources.length) {
    lines.push(
      `${inside}<ul>`,
      ...event.sources.map((source) => `${inside}  ${sourceHtml(source, locale, words)}`),
      `${inside}</ul>`,
    );
  }
  lines.push(`${at}  </li>`);
  return lines;
}

/** What the list leaves out that the data has, for an element that reads the list (no `src`). */
function notCarried(timeline: Timeline, data: TimelineData, options: ListHtmlOptions): TimelineError[] {
  const inputIndex = new Map(data.events.map((event, index) => [event.id, index]));
  const warnings: TimelineError[] = [];
  const advice = 'give the element the file as src (--src) to keep it';
  if (timeline.eras.length) warnings.push({ path: '/eras', message: `The list does not carry eras; ${advice}.` });
  const described = timeline.groups.findIndex((group) => group.description);
  if (described >= 0)
    warnings.push({
      path: `/groups/${described}/description`,
      message: `The list does not carry groups' descriptions; ${advice}.`,
    });
  for (const event of timeline.events) {
    if (!event.media) continue;
    const path = `/events/${inputIndex.get(event.id)}/media`;
    if (options.media === false) warnings.push({ path, message: `Media are left out (--no-media); ${advice}.` });
    else if (!isImage(event))
      warnings.push({ path, message: `The list carries only images, not other media; ${advice}.` });
    else if (event.media.thumbnail)
      warnings.push({ path: `${path}/thumbnail`, message: `The list does not carry thumbnails; ${advice}.` });
  }
  return warnings;
}

/**
 * What `listHtml` prints: the dates in `locale`'s words (`words`), images or not (`media`), and the `id` of the element
 * the list goes in, which prefixes each item's id as its deep link (`<id>/<event id>`); without one, the element
 * has none either, and its deep links are `date-line/<event id>`.
 */
export type ListHtmlOptions = Pick<EmbedHtmlOptions, 'id' | 'locale' | 'media' | 'words'>;

/** What `printTimeline` gives: the HTML and the element's id, or the errors that stop it. Never thrown. */
type Printed =
  | { html: string; id: string; errors: []; warnings: TimelineError[] }
  | { html: null; id?: undefined; errors: TimelineError[]; warnings: [] };

/**
 * The children of a `<date-line>`, as an HTML string: the timeline as the light-DOM list `date-line html` writes (a
 * heading for the title, `<p>`s for the description, and an `<ol>` with one `<li>` per event in chronological order:
 * its date as `<time datetime>`, in words in `locale`; its group, title, date note, summary, image and sources),
 * which the element reads back as the same timeline (src/sources/light-dom.ts). For server rendering in frameworks
 * (`dangerouslySetInnerHTML`, `v-html`, `{@html}`): readers see every event before the script runs, and without
 * it, and the page does not move when it runs. Text from the data is escaped.
 *
 * `data` is date-line JSON (TimelineJS and CSV go through `fromTimelineJS` / `fromCSV` first). Never throws: data
 * that does not validate, or an `id` that cannot be one, gives an empty string (`parseTimeline` and
 * `checkEmbedOptions` say why), and the element shows what its own data makes of it.
 */
export function listHtml(data: TimelineData, options: ListHtmlOptions = {}): string {
  const withId = { ...options, id: options.id ?? 'date-line' };
  return printTimeline(data, withId, (timeline, id) => listLines(timeline, data, id, withId, '')).html ?? '';
}

/**
 * The recommended embed of a timeline: the `<script type="module">` tag, a `<style>` with `reservedHeightCss`
 * (unless `style: false`), and the `<date-line>` element with the options as attributes and `listHtml`'s list as
 * its children.
 *
 * `data` is date-line JSON (TimelineJS and CSV go through `fromTimelineJS` / `fromCSV` first); invalid data or
 * options give `html: null` and the errors, each located as parseTimeline locates them. Never throws.
 */
export function embedHtml(data: TimelineData, options: EmbedHtmlOptions = {}): EmbedHtmlResult {
  const result = printTimeline(data, options, (timeline, id) => [
    ...(options.style === false ? [] : [`<style>${reservedHeightCss(timeline, { id })}</style>`]),
    `<script type="module"${attributes({ src: options.script ?? DEFAULT_SCRIPT_URL })}></script>`,
    elementHtml(id, options, listLines(timeline, data, id, options, '  ')),
  ]);
  if (result.html === null) return result;
  // With src the element loads the file itself: nothing is lost in the list.
  return { html: result.html, errors: [], warnings: options.src ? [] : result.warnings };
}

/** The element's attributes, from the options (its `dir` from the locale). */
export function elementAttributes(id: string, options: EmbedHtmlOptions): string {
  return attributes({
    id,
    src: options.src,
    layout: options.layout,
    spacing: options.spacing,
    locale: options.locale,
    dir: isRightToLeft(options.locale) ? 'rtl' : undefined,
    theme: options.theme,
    view: options.view,
    'group-rows': options.groupRows,
  });
}

/** The `<date-line>` element with its options as attributes, around the lines of its list. */
export function elementHtml(id: string, options: EmbedHtmlOptions, list: string[]): string {
  return [`<date-line${elementAttributes(id, options)}>`, ...list, '</date-line>'].join('\n');
}

/**
 * Checks the options and the data, then prints `lines` (given the parsed timeline and the element's id), one a
 * line: the HTML, or the errors that stop it. What the list does not carry comes as warnings.
 */
export function printTimeline(
  data: TimelineData,
  options: EmbedHtmlOptions,
  lines: (timeline: Timeline, id: string) => string[],
): Printed {
  const problems = checkEmbedOptions(options);
  if (problems.length) return { html: null, errors: problems.map((message) => ({ path: '', message })), warnings: [] };
  const { timeline, errors } = parseTimeline(data);
  if (!timeline) return { html: null, errors, warnings: [] };
  try {
    const id = embedId(timeline, options);
    return {
      html: `${lines(timeline, id).join('\n')}\n`,
      id,
      errors: [],
      warnings: notCarried(timeline, data, options),
    };
  } catch (error) {
    // Nothing above should throw on valid data; if it does, it is an error to report, not an exception.
    return {
      html: null,
      errors: [
        { path: '', message: `The embed could not be made: ${error instanceof Error ? error.message : String(error)}` },
      ],
      warnings: [],
    };
  }
}

/** The list's lines, each starting with `at`: the title, the description and the events. */
export function listLines(
  timeline: Timeline,
  data: TimelineData,
  id: string,
  options: ListHtmlOptions,
  at: string,
): string[] {
  const words = options.words ?? englishMessages;
  const byId = new Map(data.events.map((event) => [event.id, event]));
  return [
    ...(timeline.title ? [`${at}<h2>${escapeHtml(timeline.title)}</h2>`] : []),
    ...richTextHtml(timeline.description, at),
    `${at}<ol>`,
    ...timeline.events.flatMap((event) => eventHtml(event, byId.get(event.id)!, id, options, words, at)),
    `${at}</ol>`,
  ];
}
