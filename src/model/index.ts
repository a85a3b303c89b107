/**
 * The DOM-free part of date-line: parse and check timeline data, the date model and labels. Usable in Node,
 * workers and build scripts (`import { parseTimeline } from 'date-line/model'`).
 */
export { parseTimeline, parseJsonText, MAX_INPUT_CHARACTERS, type ParseResult } from './parse.js';
export { parseDateSpan, parseCalendarDate, startOf, endOf, spanExtent, toIsoString } from './dates.js';
export { formatSpan, formatDate } from './format.js';
export { SCHEMA_ID } from './schema-rules.generated.js';
export type * from './types.js';
