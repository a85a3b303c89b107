/**
 * Google Sheets addresses as people copy them. "Publish to web" gives a web page (`…/pubhtml`) or a file
 * (`…/pub?output=csv`, `tsv`, `xlsx`, `pdf`), of the whole document or of one sheet (`gid`); all of them name
 * the same published sheet, and date-line reads its CSV form, from Google itself (no proxy). A sheet's ordinary
 * link (`…/edit#gid=0`) is not published: only people signed in with access can open it, so it gets a message
 * that says how to publish it. DOM-free; the element loads this module only for a docs.google.com address.
 */

/** What to fetch for `src`: the CSV form of a published sheet, `src` itself, or why a sheet cannot be read. */
export type SheetSource = { url: string } | { error: string };

/** The path of a sheet: `/spreadsheets/d/<id>/<action>`, published ones `/d/e/<id>/…`, maybe after `/u/0`. */
const SHEET_PATH = /^\/spreadsheets\/(?:u\/\d+\/)?d\/(e\/)?([\w-]+)(?:\/([^/]*))?/;

/** The links of a sheet that are not published: for editing, viewing or copying it. */
const PRIVATE_ACTIONS = new Set(['', 'edit', 'view', 'htmlview', 'preview', 'copy']);

/**
 * The address to fetch for `src`, relative to `base`: a published Google Sheet's CSV form
 * (`https://docs.google.com/spreadsheets/d/e/<id>/pub?gid=0&single=true&output=csv`), or `src` unchanged when it
 * is not a Google Sheet (or is a sheet's export link, which is a CSV already). Never throws.
 */
export function sheetSource(src: string, base: string): SheetSource {
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    return { url: src };
  }
  const match = url.hostname === 'docs.google.com' ? SHEET_PATH.exec(url.pathname) : null;
  if (!match) return { url: src };
  const [, published, id, action = ''] = match;
  if (action === 'pub' || action === 'pubhtml') {
    const csv = new URL(`https://docs.google.com/spreadsheets/d/${published ?? ''}${id}/pub`);
    // One sheet of the document: by its gid, given as a parameter (or, on a published page, in the fragment).
    const gid = url.searchParams.get('gid') ?? /(?:^#|&)gid=(\d+)/.exec(url.hash)?.[1];
    if (gid) csv.search = new URLSearchParams({ gid, single: 'true' }).toString();
    const range = url.searchParams.get('range');
    if (range) csv.searchParams.set('range', range);
    csv.searchParams.set('output', 'csv');
    return { url: csv.href };
  }
  if (published || !PRIVATE_ACTIONS.has(action)) return { url: src };
  return {
    error:
      `"${src}" is the link for editing a Google Sheet, which only people with access to it can open. ` +
      'To show it here, publish it: in Google Sheets, choose File › Share › Publish to web, pick the sheet and ' +
      '"Comma-separated values (.csv)", press Publish, and use the address it gives (it ends in "output=csv").',
  };
}
