/**
 * The embed builder's logic, DOM-free: what a pasted or fetched text is, whether it is valid (with located
 * errors), and the embed code for the chosen options. Uses date-line's own model, so the builder says exactly
 * what the element will say, and prints the HTML embed `date-line html` prints. Tested in test/demo.test.ts.
 */
import { isRightToLeft } from '../src/model/embed-html.js';
import {
  detectSource,
  embedHtml,
  fromCSV,
  fromTimelineJS,
  iframeHtml,
  loadMessages,
  pageHtml,
  parseTimeline,
  type EmbedHtmlOptions,
  type TimelineData,
  type TimelineError,
} from '../src/model.js';

export { isRightToLeft };

export interface Checked {
  /** What the text was read as, in words ("date-line JSON", "CSV in TimelineJS's spreadsheet template", …). */
  format: string;
  /** The timeline as date-line JSON (converted from CSV or TimelineJS), or `null` when there are errors. */
  data: unknown;
  /** Problems that stop it, each with a JSON Pointer into the input (CSV: `/rows/3/Year`). */
  errors: TimelineError[];
  /** What an import changed or left out. */
  warnings: TimelineError[];
  /** How many events the timeline has. */
  events: number;
}

const IMPORT_FORMATS: Record<string, string> = {
  timelinejs: 'TimelineJS JSON',
  'timelinejs-csv': "CSV in TimelineJS's spreadsheet template",
  csv: "CSV in date-line's columns",
};

/**
 * Reads timeline text in any format date-line reads. JSON is told from CSV by its first character (or by the
 * content type and address of a fetched file), TimelineJS from date-line JSON by its shape.
 */
export function checkSource(text: string, hints: { contentType?: string; name?: string } = {}): Checked {
  const first = text.trimStart()[0];
  const source = first === '{' || first === '[' ? detectSource(text, hints) : { format: 'csv' as const };
  if (source.format === 'date-line') {
    const { timeline, errors } = parseTimeline(source.json ?? text);
    return {
      format: 'date-line JSON',
      data: timeline ? source.json : null,
      errors,
      warnings: [],
      events: timeline?.events.length ?? 0,
    };
  }
  const imported = source.format === 'csv' ? fromCSV(text) : fromTimelineJS(source.json);
  return {
    format: IMPORT_FORMATS[imported.format ?? source.format] ?? source.format,
    data: imported.data,
    errors: imported.errors,
    warnings: imported.warnings,
    events: imported.data?.events.length ?? 0,
  };
}

export interface EmbedOptions {
  /** The package version the script tag pins. */
  version: string;
  /** Where the data lives: the `src` address, or inside the element. */
  placement: 'file' | 'inline';
  /** The `src` address (for `placement: 'file'`). */
  src: string;
  /** The data to put inside the element (for `placement: 'inline'`). */
  data?: unknown;
  layout?: string;
  theme?: string;
  locale?: string;
}

const attribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** The script-tag file of a version of the package, on unpkg. */
export const scriptUrl = (version: string) => `https://unpkg.com/date-line@${version}/dist/date-line.bundled.js`;

/** The embed code: the script tag and the element with the chosen attributes (and the data, when inline). */
export function embedSnippet(options: EmbedOptions): string {
  const script = `<script type="module" src="${scriptUrl(options.version)}"></script>`;
  const attributes = [
    options.placement === 'file' ? `src="${attribute(options.src)}"` : '',
    options.layout ? `layout="${attribute(options.layout)}"` : '',
    options.theme ? `theme="${attribute(options.theme)}"` : '',
    options.locale ? `locale="${attribute(options.locale)}"` : '',
    isRightToLeft(options.locale) ? 'dir="rtl"' : '',
  ].filter(Boolean);
  const open = `<date-line${attributes.map((a) => ` ${a}`).join('')}>`;
  if (options.placement === 'file') return `${script}\n${open}</date-line>`;
  // "<" as \u003c keeps "</script>" in the data from closing the script element; it is the same JSON.
  const json = JSON.stringify(options.data ?? { version: 1, events: [] }, null, 2).replaceAll('<', '\\u003c');
  return `${script}\n${open}\n  <script type="application/json">\n${json.replace(/^/gm, '    ')}\n  </script>\n</date-line>`;
}

/** The element's options as `date-line html` takes them, with the script-tag file of the builder's version. */
function elementOptions(options: EmbedOptions): EmbedHtmlOptions {
  return {
    script: scriptUrl(options.version),
    ...(options.placement === 'file' ? { src: options.src } : {}),
    ...(options.layout ? { layout: options.layout as EmbedHtmlOptions['layout'] } : {}),
    ...(options.theme ? { theme: options.theme as EmbedHtmlOptions['theme'] } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  };
}

/**
 * The HTML embed: what `date-line html` prints for the same data and options (with `--script` at this version's
 * script-tag file, as the two-line code has it): the element with its events as HTML, readable without
 * JavaScript. With the data in a file, the element gets it as `src` and the events are for readers without
 * JavaScript; with the data inside the element, the events are its data. `null` until the data is valid.
 */
export async function htmlEmbed(options: EmbedOptions): Promise<string | null> {
  if (!options.data) return null;
  // The printed dates are in the words of the chosen language, English when it is the article's (as on the CLI).
  const words = await loadMessages(options.locale || 'en');
  return embedHtml(options.data as TimelineData, { ...elementOptions(options), words }).html;
}

/**
 * "Download page": the timeline's own page, what `date-line html --page` prints for the same data and options
 * (with `--url` when the reader gave the page's address). `null` until the data is valid.
 */
export async function pageFile(options: EmbedOptions & { url?: string }): Promise<string | null> {
  if (!options.data) return null;
  const words = await loadMessages(options.locale || 'en');
  const url = options.url ? { url: options.url } : {};
  return pageHtml(options.data as TimelineData, { ...elementOptions(options), ...url, words }).html;
}

/**
 * "Copy iframe": the iframe that shows the page at `url` (`date-line html --iframe <url>`); `null` until the data
 * is valid and the address is an absolute http(s) one.
 */
export function iframeSnippet(data: unknown, url: string): string | null {
  return data ? iframeHtml(data as TimelineData, { url }).html : null;
}
