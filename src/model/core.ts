/**
 * The DOM-free core of date-line: parse and check timeline data, the date model and labels. `date-line/model`
 * (index.ts) adds the importers; the element's entries export only this core, so that the script-tag bundle does
 * not carry the importers, which the element loads on demand.
 */
export { parseTimeline, parseJsonText, MAX_INPUT_CHARACTERS, type ParseResult } from './parse.js';
export { parseDateSpan, parseCalendarDate, startOf, endOf, spanExtent, toIsoString } from './dates.js';
export { formatSpan, formatDate } from './format.js';
export { SCHEMA_ID } from './schema-rules.generated.js';
export type * from './types.js';
