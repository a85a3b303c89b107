/**
 * The DOM-free part of date-line: parse and check timeline data, the date model and labels, and the importers
 * (TimelineJS JSON, CSV). Usable in Node, workers and build scripts
 * (`import { parseTimeline, fromCSV } from 'date-line/model'`).
 */
export * from './core.js';
// Not in core: the element's script-tag file does not use them, and every byte there counts.
export { possibleExtent, htmlDatetime } from './dates.js';
export * from './import/index.js';
export {
  detectSource,
  looksLikeTimelineJS,
  parseSource,
  type DetectedSource,
  type SourceFormat,
} from './import/source.js';
