/**
 * Text with a number in it, in each plural form its language has (the categories of `Intl.PluralRules`: English
 * has `one` and `other`, Arabic all six); `{count}` is the number.
 */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The words date-line itself shows, per language. Date labels come from `Intl.DateTimeFormat`, so every
 * locale gets localized dates; these tables cover the interface text and the date qualifiers. A locale
 * without a table falls back to its language, then to English.
 */
export interface Messages {
  /** Approximate date (EDTF ~). `{date}` is the date label. */
  approximate: string;
  /** Uncertain date (EDTF ?). */
  uncertain: string;
  /** Approximate and uncertain (EDTF %). */
  approximateUncertain: string;
  /** An interval whose start is open ("../2017-03-09"). */
  openStart: string;
  /** An interval whose end is open ("2017/.."). */
  openEnd: string;
  /**
   * A "one of" date known only to be on or before `{date}` ("[..2017-03-09]"): one day, not an interval. Its words
   * include the day itself ("9 March 2017 or earlier"), never "before 9 March", which would leave it out.
   */
  before: string;
  /** A "one of" date known only to be on or after `{date}` ("[2017-03-09..]"), the day included. */
  after: string;
  /**
   * A "one of" date known only to be between `{start}` and `{end}`, both included ("[2017-03-09..2017-03-31]"):
   * the range as the language writes it, its parts said once, is split where its dash was ("9" and
   * "31 March 2017" of "9–31 March 2017"), so the template says "between 9 and 31 March 2017".
   */
  between: string;
  /**
   * The five templates above as the language words them before a day (or a time), where that differs: French
   * writes "jusqu’au 9 mars 2017" but "jusqu’à mars 2017".
   */
  dayForms?: Partial<Record<'openStart' | 'openEnd' | 'before' | 'after' | 'between', string>>;
  /** EDTF's seasons 21–24: spring, summer, autumn, winter. `{year}` is the year's label. */
  seasons: readonly [string, string, string, string];
  /** Ten years whose last digit is unknown ("201X"): `{start}` and `{end}` are its first and last years. */
  decade: string;
  /**
   * A hundred years whose last two digits are unknown ("19XX"): `{start}` and `{end}` as for `decade`, which
   * stands in when the language words both alike ("the 2010s", "the 1900s").
   */
  hundredYears?: string;
  /** A year not known at all ("XXXX"). */
  unknownYear: string;
  /** The era names to use instead of Intl's, where the house style differs ("BCE" and "CE" in English). */
  eras?: { bce: string; ce: string };
  loading: string;
  errorTitle: string;
  /** `{count}` more problems than the ones listed. */
  moreErrors: string;
  noEvents: string;
  /** Accessible name of the event list; `{count}` is the number of events. */
  eventList: string;
  sources: string;
  /** What the marks beside a date say (see DateMark): shown as a tooltip and read by screen readers. */
  markApproximate: string;
  markUncertain: string;
  markDisputed: string;
  markBefore: string;
  markAfter: string;
  /**
   * Of a "one of" date between two. Optional only in the English table: the English words are kept with the mark
   * (view/event-button.ts), so the script-tag file does not carry them; every other table has its own.
   */
  markBetween?: string;
  context: string;
  contextHint: string;
  aboutDate: string;
  previous: string;
  next: string;
  close: string;
  /** Live-region text when an event is opened: `{date}` and `{title}`. */
  announceSelect: string;
  /** Live-region text when the visible range changes: `{range}`. */
  announceRange: string;
  /** The deep link to an open event. */
  copyLink: string;
  filters: string;
  groups: string;
  tags: string;
  allEvents: string;
  /**
   * The name of a cluster: `{title}`, the headline of its most important event, and `{count}`, how many more
   * events it holds. Optional only in the English table, as markBetween: the English is with the naming
   * (scale/cluster-name.ts).
   */
  clusterName?: PluralText;
  /** A break folding a stretch of time without events: `{duration}` is how long it lasts ("26 years"). */
  gap: string;
  /** Label of the element that holds the timeline, when it has no title. */
  timeline: string;
  /** The quiet notice of events left out for their problems (its details list each problem). */
  skippedEvents: PluralText;
  /** Live-region text when a refresh changed the timeline. */
  announceUpdate: string;
  /** Live-region text when a refresh brought new events. */
  announceUpdateNew: PluralText;
  /** The axis's words; its part carries the English ones, so the script-tag file does not. */
  axis?: AxisWords;
  /** The story view's words; its part carries the English ones, so the script-tag file does not. */
  story?: StoryWords;
  /**
   * The words of media (facades, link cards). English is in ./media-words.ts, loaded with the media part: the
   * script-tag file carries none of them. A table without them shows English ones.
   */
  media?: MediaWords;
}

/** The words of the axis (`layout="axis"`): its tools and the marks at its edges. */
export interface AxisWords {
  /** The name of the zoom buttons' group. */
  layoutAxis: string;
  zoomIn: string;
  zoomOut: string;
  /** The button that shows everything. */
  fit: string;
  /** A cluster of events too close to show one by one: `{count}`. */
  clusterLabel: string;
  /** Events beyond the left (earlier) and right (later) edges of the axis: `{count}`. */
  earlier: string;
  later: string;
}

/** The words of the story view (one event at a time, `layout="story"`). */
export interface StoryWords {
  /** What the story is, for screen readers (`aria-roledescription`; the APG carousel's "carousel"). */
  carousel: string;
  /** What each of its scenes is (the APG carousel's "slide"). */
  scene: string;
  /** A scene's name and the live-region text when it opens: `{position}` of `{count}`, then `{title}`. */
  sceneLabel: string;
  /** The first scene: the timeline's title, description and picture. */
  introduction: string;
  /** The time strip that moves to any event. */
  strip: string;
  /** The text of a scene, when it scrolls. */
  text: string;
}

/** What can be played behind a facade, and what a link card can lead to (see MediaKind in model/media.ts). */
export type MediaPlayKind = 'video' | 'audio' | 'document' | 'map' | 'post' | 'page';
export type MediaOpenKind = MediaPlayKind | 'image' | 'profile' | 'article' | 'link';

/** The words of media; `{provider}` is who provides it ("YouTube", "Google Maps", or a site's host name). */
export interface MediaWords {
  /** A facade's label, by what it loads ("Play video from {provider}"). */
  play: Record<MediaPlayKind, string>;
  /** A link card's label, by where it leads ("Open post on {provider}"). */
  open: Record<MediaOpenKind, string>;
  /** The link beside a player or a picture to its page on the provider's site ("Open on {provider}"). */
  openOn: string;
  /**
   * A label with what it is about, for screen readers: `{label}` (first) is a facade's or card's label, `{title}`
   * the event's title ("Play video from YouTube: The election"). Also a frame's title, `{label}` its provider.
   */
  about: string;
}

/** The words date labels use: what `formatSpan` needs of a message table. */
export type DateWords = Pick<
  Messages,
  | 'approximate'
  | 'uncertain'
  | 'approximateUncertain'
  | 'openStart'
  | 'openEnd'
  | 'before'
  | 'after'
  | 'between'
  | 'dayForms'
  | 'seasons'
  | 'decade'
  | 'hundredYears'
  | 'unknownYear'
  | 'eras'
>;

/** English, the table every other falls back to, and the one formatting uses when given none. */
export const englishMessages: Messages = {
  approximate: 'c. {date}',
  uncertain: '{date}?',
  approximateUncertain: 'c. {date}?',
  openStart: 'until {date}',
  openEnd: 'from {date}',
  before: '{date} or earlier',
  after: '{date} or later',
  between: 'between {start} and {end}',
  seasons: ['spring {year}', 'summer {year}', 'autumn {year}', 'winter {year}'],
  decade: 'the {start}s',
  unknownYear: 'year unknown',
  eras: { bce: 'BCE', ce: 'CE' },
  loading: 'Loading the timeline…',
  errorTitle: 'This timeline could not be shown',
  moreErrors: '…and {count} more.',
  noEvents: 'This timeline has no events.',
  eventList: 'Events, {count} in all',
  sources: 'Sources',
  markApproximate: 'approximate date',
  markUncertain: 'uncertain date',
  markDisputed: 'date disputed or explained: see the note',
  markBefore: 'known only as on or before this day',
  markAfter: 'known only as on or after this day',
  context: 'Context',
  contextHint: 'Background that the story itself does not mention',
  aboutDate: 'About the date',
  previous: 'Previous event',
  next: 'Next event',
  close: 'Close',
  announceSelect: '{date}: {title}',
  announceRange: 'Showing {range}',
  copyLink: 'Link to this event',
  filters: 'Filter events',
  groups: 'Groups',
  tags: 'Tags',
  allEvents: 'Show all events',
  gap: 'No events for {duration}',
  timeline: 'Timeline',
  skippedEvents: { one: '{count} event could not be shown', other: '{count} events could not be shown' },
  announceUpdate: 'Timeline updated',
  announceUpdateNew: { one: 'Timeline updated: {count} new event', other: 'Timeline updated: {count} new events' },
};

/**
 * The other languages, loaded only when a page asks for them, so English readers download none of them.
 * Add a language by adding a file in ./locales and a line here.
 */
const LOADERS: Record<string, () => Promise<{ default: Messages }>> = {
  fr: () => import('./locales/fr.js'),
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
};

/** Tables loaded so far, by language (a cache: what a caller gets never depends on it, only how soon). */
const loaded = new Map<string, Messages>([['en', englishMessages]]);

/** The language of a tag that has a table ("fr" for "fr-CA"), or undefined. */
function tableKey(locale: string): string | undefined {
  const tag = locale.toLowerCase();
  return [tag, tag.split('-')[0]].find((key) => key in LOADERS || loaded.has(key));
}

/**
 * The message table for a BCP 47 locale, when it can be had without waiting: the language's own table once
 * loaded, English for a language date-line has no table for; undefined while the table must still be fetched
 * (see loadMessages).
 */
export function loadedMessages(locale: string): Messages | undefined {
  const key = tableKey(locale);
  return key ? loaded.get(key) : englishMessages;
}

/**
 * The message table for a BCP 47 locale: its language's (fetched once per page), else English. Never rejects:
 * a table that cannot be fetched (offline, a CDN hiccup) is English, rather than no timeline.
 */
export async function loadMessages(locale: string): Promise<Messages> {
  const key = tableKey(locale);
  if (!key) return englishMessages;
  let table = loaded.get(key);
  if (!table) {
    table = await LOADERS[key]().then(
      (module) => module.default,
      () => englishMessages,
    );
    loaded.set(key, table);
  }
  return table;
}

/** Fills `{name}` placeholders. Values are plain text; the caller renders the result as text. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
