/**
 * Real timelines for the first-view and cls modes, each in every library's own format: the built-in article
 * timeline (date-line JSON) and the real TimelineJS files in /work/shared/fixtures/timelinejs/.
 *
 *   date-line JSON  → TimelineJS JSON and vis-timeline items (below: toTimelineJS, toVisItems)
 *   TimelineJS JSON → date-line JSON (fromTimelineJS, from the built dist/model.js) and vis-timeline items
 *
 * The conversions are what an author moving a timeline between the libraries would write: the same events, the
 * same dates at the same precision, the headline as the headline; nothing is tuned for any library's looks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
export const ARTICLE_FILE = resolve(root, 'data/ice-facebook-palantir.json');
export const FIXTURES_DIR = process.env.DATE_LINE_TIMELINEJS_FIXTURES || '/work/shared/fixtures/timelinejs';

/** date-line's built model (Node cannot run the TypeScript sources); `npm run build` makes it. */
export async function loadModel() {
  const file = resolve(root, 'dist/model.js');
  if (!existsSync(file)) throw new Error('dist/model.js is missing: run `npm run build` first');
  return import(pathToFileURL(file).href);
}

export const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const DAY_MS = 86_400_000;

/** A date-line calendar date as TimelineJS date parts (strings, at the date's own precision). */
function timelineJSDate(date) {
  const parts = { year: String(date.year) };
  if (date.month !== undefined) parts.month = String(date.month);
  if (date.day !== undefined) parts.day = String(date.day);
  if (date.hour !== undefined) {
    parts.hour = String(date.hour);
    parts.minute = String(date.minute ?? 0);
  }
  return parts;
}

/** The first and (for intervals with both ends) last side of an event's date: `{ first, last, span }`. */
function sides(model, event) {
  const parsed = model.parseDateSpan(event.end ? `${event.date}/${event.end}` : event.date);
  if (!parsed.ok) throw new Error(`${event.id}: ${parsed.message}`);
  const span = parsed.value;
  // An open-ended date ("../2017-03-09", known only as on or before a day) has one known side: that is where
  // a library without open ends would put it.
  const first = span.start ?? span.end;
  const last = span.isInterval && span.start && span.end ? span.end : null;
  return { span, first, last };
}

/** Rich text (paragraphs, *em*, **strong**, [links](url)) as HTML, escaped; the same subset date-line reads. */
const TOKEN = /\[([^\]\n]+)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)|\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*/gs;
// eslint-disable-next-line no-control-regex -- control characters are what a link must not contain
const SAFE_LINK = /^(?:(?:https?|mailto):|(?![a-z][a-z0-9+.-]*:))[^\s\u0000-\u001f\u007f]+$/i;
export const isSafeLink = (url) => SAFE_LINK.test(url);

function inlineHtml(text) {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const [whole, linkText, href, strong, em] = match;
    if (linkText !== undefined && !isSafeLink(href)) continue;
    out += escapeHtml(text.slice(last, match.index));
    if (linkText !== undefined) out += `<a href="${escapeHtml(href)}">${inlineHtml(linkText)}</a>`;
    else if (strong !== undefined) out += `<strong>${inlineHtml(strong)}</strong>`;
    else out += `<em>${inlineHtml(em)}</em>`;
    last = match.index + whole.length;
  }
  return out + escapeHtml(text.slice(last));
}

export function richTextParagraphs(text) {
  return (text ?? '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map(inlineHtml);
}

/** date-line JSON → TimelineJS JSON: a title slide (title, description), events, eras. */
export function toTimelineJS(model, data) {
  const groups = new Map((data.groups ?? []).map((group) => [group.id, group.label]));
  const html = (text) =>
    richTextParagraphs(text)
      .map((p) => `<p>${p}</p>`)
      .join('');
  return {
    ...(data.title && { title: { text: { headline: escapeHtml(data.title), text: html(data.description) } } }),
    events: data.events.map((event) => {
      const { first, last } = sides(model, event);
      return {
        unique_id: event.id,
        start_date: timelineJSDate(first),
        ...(last && { end_date: timelineJSDate(last) }),
        ...(event.displayDate && { display_date: event.displayDate }),
        text: { headline: escapeHtml(event.title), text: html(event.summary) },
        ...(event.group && groups.has(event.group) && { group: groups.get(event.group) }),
      };
    }),
    ...(data.eras?.length && {
      eras: data.eras.map((era) => {
        const { first } = sides(model, { id: era.id, date: era.start });
        const { first: end } = sides(model, { id: era.id, date: era.end });
        return { start_date: timelineJSDate(first), end_date: timelineJSDate(end), text: { headline: era.label } };
      }),
    }),
  };
}

/**
 * date-line JSON → vis-timeline items: the headline is the item (vis renders `content` as HTML, so it is
 * escaped), the summary its tooltip; an interval with both ends is a range, anything else a point.
 */
export function toVisItems(model, data) {
  return data.events.map((event) => {
    const { first, last } = sides(model, event);
    return {
      id: event.id,
      content: escapeHtml(event.title),
      title: escapeHtml((event.summary ?? '').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')),
      start: new Date(model.startOf(first) * DAY_MS).toISOString(),
      ...(last && { end: new Date(model.endOf(last) * DAY_MS).toISOString() }),
    };
  });
}

/** TimelineJS JSON → date-line JSON, with date-line's own importer. */
export function timelineJSToDateLine(model, json, name) {
  const result = model.fromTimelineJS(json);
  if (!result.data) throw new Error(`${name}: fromTimelineJS failed: ${JSON.stringify(result.errors).slice(0, 300)}`);
  return result.data;
}

/**
 * Every timeline the modes use, in every format: `[{ id, label, file, events, 'date-line', timelinejs,
 * 'vis-timeline' }]`. The article first, then the TimelineJS files by name (women_in_computing among them).
 */
export async function loadTimelines() {
  const model = await loadModel();
  const article = JSON.parse(readFileSync(ARTICLE_FILE, 'utf8'));
  const timelines = [
    {
      id: 'article',
      label: 'the article (`data/ice-facebook-palantir.json`)',
      file: 'data/ice-facebook-palantir.json',
      events: article.events.length,
      'date-line': article,
      timelinejs: toTimelineJS(model, article),
      'vis-timeline': toVisItems(model, article),
    },
  ];
  const files = existsSync(FIXTURES_DIR)
    ? readdirSync(FIXTURES_DIR)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];
  for (const name of files) {
    const json = JSON.parse(readFileSync(resolve(FIXTURES_DIR, name), 'utf8'));
    const dateLine = timelineJSToDateLine(model, json, name);
    timelines.push({
      id: basename(name, '.json'),
      label: `\`${name}\` (TimelineJS)`,
      file: resolve(FIXTURES_DIR, name),
      events: json.events.length,
      'date-line': dateLine,
      timelinejs: json,
      'vis-timeline': toVisItems(model, dateLine),
    });
  }
  return { model, timelines };
}
