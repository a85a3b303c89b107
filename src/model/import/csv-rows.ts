/**
 * What both CSV layouts share once the header row is read: the columns found, the data rows keyed by column, and
 * where each cell is, for messages (`/rows/3/Year`).
 */
import { pointer, type TimelineError } from '../validate.js';

/** A header name as it is matched: "End Year", "end_year" and "endYear" are all "endyear". */
export const normalize = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
/** One header cell: its name as written, and the key it is matched by. */
export interface Column {
  name: string;
  key: string;
  index: number;
}

/** A data row with its cells by column key. */
export interface Row {
  /** Index in the file's records: `/rows/<index>`. */
  index: number;
  line: number;
  cells: Map<string, string>;
}

export class CsvImport {
  readonly errors: TimelineError[] = [];
  readonly warnings: TimelineError[] = [];
  readonly columns = new Map<string, Column>();

  constructor(readonly headerIndex: number) {}

  /** `/rows/3/Year`: a cell, by the name its column has in this file. */
  cellPath(row: number, key: string): string {
    const column = this.columns.get(key);
    return column ? pointer(`/rows/${row}`, column.name.trim() || column.index) : `/rows/${row}`;
  }
}
/**
 * The rows that are events, for a partial import: every data row but the title row and the eras (in TimelineJS's
 * layout, only the first title row is the title; later ones are read as events).
 */
export function eventRows(rows: Row[], firstTitleOnly: boolean): (item: string) => boolean {
  let titled = false;
  const events = new Set<string>();
  for (const row of rows) {
    const type = (row.cells.get('type') ?? '').toLowerCase();
    const isTitle = type === 'title' && !(firstTitleOnly && titled);
    titled ||= type === 'title';
    if (!isTitle && type !== 'era') events.add(`/rows/${row.index}`);
  }
  return (item) => events.has(item);
}
