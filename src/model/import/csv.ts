/**
 * A small RFC 4180 CSV reader: quoted fields with "" for a quote, commas and line breaks inside quotes, CRLF, LF
 * or CR line ends, and a byte-order mark. It also reads the semicolon- and tab-separated files that spreadsheets
 * write in some locales, by looking at the header row. It never throws: a broken file comes back with the line
 * where it went wrong.
 */

export interface CsvRecord {
  /** The record's fields, as text (quotes removed, "" turned into "). */
  fields: string[];
  /** The line of the file (from 1) where the record starts; records with quoted line breaks span several. */
  line: number;
}

export interface CsvParseResult {
  records: CsvRecord[];
  /** The separator found in the header row: ",", ";" or a tab. */
  delimiter: string;
  /** The first syntax error, if any; `records` then holds the records before it. */
  error?: { line: number; message: string };
}

/** The separator of a file: the one of `,`, `;` and tab used most in its first line (outside quotes). */
function sniffDelimiter(text: string, start: number): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char]++;
  }
  return Object.keys(counts).reduce((best, candidate) => (counts[candidate] > counts[best] ? candidate : best), ',');
}

/** Parses CSV text into records of fields. */
export function parseCsv(text: string): CsvParseResult {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delimiter = sniffDelimiter(text, start);
  const records: CsvRecord[] = [];
  const length = text.length;
  let line = 1;
  let i = start;
  let fields: string[] = [];
  let recordLine = 1;
  /** Counts the line breaks in text[from, to), so that every record knows its line. */
  const countLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const char = text[k];
      if (char === '\n' || (char === '\r' && text[k + 1] !== '\n')) line++;
    }
  };

  while (i < length) {
    let field: string;
    if (text[i] === '"') {
      const quoteLine = line;
      field = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) {
          return {
            records,
            delimiter,
            error: {
              line: quoteLine,
              message: `Line ${quoteLine}: a quoted field is never closed (a " is missing).`,
            },
          };
        }
        field += text.slice(from, quote);
        countLines(from, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      const next = text[i];
      if (i < length && next !== delimiter && next !== '\n' && next !== '\r') {
        return {
          records,
          delimiter,
          error: {
            line,
            message: `Line ${line}: after a quoted field comes "${next}" instead of "${delimiter === '\t' ? 'tab' : delimiter}" or the end of the line (a quote inside a quoted field is written "").`,
          },
        };
      }
    } else {
      let end = i;
      while (end < length && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end++;
      field = text.slice(i, end);
      i = end;
    }
    fields.push(field);
    if (i >= length) break;
    if (text[i] === delimiter) {
      i++;
      if (i >= length) fields.push(''); // a trailing separator ends with an empty field
      continue;
    }
    // A line break ends the record.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    records.push({ fields, line: recordLine });
    fields = [];
    line++;
    recordLine = line;
  }
  if (fields.length) records.push({ fields, line: recordLine });
  return { records, delimiter };
}
