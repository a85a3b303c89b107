/**
 * The DOM-free part of date-line: parse and check timeline data, the date model and labels, the importers
 * (TimelineJS JSON, CSV), the embed as HTML and the reading of media addresses. Usable in Node, workers and build
 * scripts (`import { parseTimeline, fromCSV } from 'date-line/model'`). The element's entries do not export the embed
 * printer, so the script-tag file does not carry it.
 */
export * from './core.js';
// Not in core: the element's script-tag file does not use them, and every byte there counts.
export { possibleExtent } from './dates.js';
export { htmlDatetime } from './html-datetime.js';
export * from './import/index.js';
export {
  detectSource,
  looksLikeTimelineJS,
  parseSource,
  type DetectedSource,
  type SourceFormat,
} from './import/source.js';
export {
  embedHtml,
  listHtml,
  reservedHeightCss,
  checkEmbedOptions,
  DEFAULT_SCRIPT_URL,
  type EmbedHtmlOptions,
  type EmbedHtmlResult,
  type ListHtmlOptions,
  type EmbedWords,
} from './embed-html.js';
export { LAYOUTS, type Layout } from './layouts.js';
/** What a media item is and how date-line shows it (a player behind a facade, a card, a picture…). */
export {
  describeMedia,
  type MediaInfo,
  type MediaKind,
  type MediaDisplay,
  type MediaFrame,
  type MediaProviderId,
} from './media.js';
/** The message table of a language (its dates' words among them), for `formatSpan` and `embedHtml`. */
export { loadMessages, type Messages } from '../i18n/messages.js';
