/**
 * Timeline files of any format date-line reads: which format a file is in (from its content type, its name and a
 * look at its content), and the file parsed accordingly. Small on purpose: the element imports it always, and
 * loads the importers themselves only when a file needs one.
 */
import { parseJsonText, parseTimeline, type ParseOptions, type ParseResult } from '../parse.js';

/** date-line's own JSON, TimelineJS3 JSON, or CSV (either layout; fromCSV tells them apart). */
export type SourceFormat = 'date-line' | 'timelinejs' | 'csv';

export interface DetectedSource {
  format: SourceFormat;
  /** The parsed JSON, for the JSON formats, when the text is valid JSON (parse it once, use it twice). */
  json?: unknown;
}

const CSV_TYPES = /^\s*(?:text\/csv|application\/csv|text\/comma-separated-values|text\/x-csv)\s*(?:;|$)/i;

/**
 * Does this parsed JSON look like a TimelineJS3 timeline rather than a date-line one? TimelineJS events have
 * `start_date` objects, and its title is a slide object where date-line's is text.
 */
export function looksLikeTimelineJS(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { events, title } = value as { events?: unknown; title?: unknown };
  const isSlide = (slide: unknown) => typeof slide === 'object' && slide !== null && 'start_date' in slide;
  return (Array.isArray(events) && events.some(isSlide)) || (typeof title === 'object' && title !== null);
}

/**
 * Tells the format of timeline text: CSV by its content type (`text/csv`) or name (`….csv`, ignoring any query),
 * otherwise JSON, TimelineJS's or date-line's by its shape. `name` may be a URL or a file path.
 */
export function detectSource(text: string, hints: { contentType?: string; name?: string } = {}): DetectedSource {
  const path = (hints.name ?? '').replace(/[?#].*$/, '');
  if (CSV_TYPES.test(hints.contentType ?? '') || /\.csv$/i.test(path)) return { format: 'csv' };
  const { value, error } = parseJsonText(text);
  if (error) return { format: 'date-line' }; // parseTimeline reports the JSON error, with its line and column
  return { format: looksLikeTimelineJS(value) ? 'timelinejs' : 'date-line', json: value };
}

/**
 * Parses timeline text in any format date-line reads (date-line JSON, TimelineJS JSON, CSV), as `parseTimeline`
 * parses date-line JSON: never throws, errors located in the input (with `partial`, see ParseOptions, the events
 * left out are counted in `skipped`). The importers are loaded on first need.
 */
export async function parseSource(
  text: string,
  hints: { contentType?: string; name?: string } = {},
  options: ParseOptions = {},
): Promise<ParseResult> {
  const source = detectSource(text, hints);
  if (source.format === 'date-line') return parseTimeline(source.json ?? text, options);
  try {
    const { fromCSV, fromTimelineJS } = await import('./index.js');
    const imported = source.format === 'csv' ? fromCSV(text, options) : fromTimelineJS(source.json, options);
    if (!imported.data) return { timeline: null, errors: imported.errors };
    const parsed = parseTimeline(imported.data);
    return parsed.timeline && imported.skipped
      ? { ...parsed, errors: imported.errors, skipped: imported.skipped }
      : parsed;
  } catch (error) {
    // The importers' chunk could not be fetched (offline, a CDN hiccup): say so instead of failing silently.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      timeline: null,
      errors: [
        {
          path: '',
          message: `The ${source.format === 'csv' ? 'CSV' : 'TimelineJS'} reader could not be loaded (${detail}).`,
        },
      ],
    };
  }
}
