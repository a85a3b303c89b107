/**
 * Importers: TimelineJS3 JSON and CSV (TimelineJS's spreadsheet template or date-line's own columns) into
 * date-line's format. DOM-free. The element loads this module only when it meets such a file.
 */
export { fromTimelineJS } from './timelinejs.js';
export { fromCSV } from './from-csv.js';
export { htmlToRichText, htmlToPlainText } from './html.js';
export type { ImportFormat, ImportResult } from './shared.js';
