/**
 * The `date-line html` embed for the cls mode (issue 15): the element with its events as a light-DOM list.
 *
 * `date-line html <file>` is being written on another branch (bin/date-line.mjs). Until it lands, a stand-in
 * here prints the shape the element already reads (src/view/light-dom.ts):
 *
 *   <date-line id=…><h2>title</h2><ol><li id><time datetime>label</time><h3>title</h3><p>summary</p>
 *   <a href>source</a></li>…</ol></date-line>
 *
 * `embedHtml(file)` runs `node bin/date-line.mjs html <file>` first and uses its output whenever the command
 * exists and prints a <date-line> element, so the cls mode measures the real command from the day it lands,
 * with no change here; the result says which one it used.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { escapeHtml, isSafeLink, loadModel, richTextParagraphs } from './timelines.mjs';

const root = resolve(import.meta.dirname, '../..');
const PLAIN_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The `<time>` elements of an event: one, or two for an interval with both ends given as plain dates. */
function timesHtml(model, event) {
  const date = event.end ? `${event.date}/${event.end}` : event.date;
  const parsed = model.parseDateSpan(date);
  const label = event.displayDate ?? (parsed.ok ? model.formatSpan(parsed.value, 'en') : date);
  const [start, end] = date.split('/');
  if (end !== undefined && PLAIN_DATE.test(start) && PLAIN_DATE.test(end)) {
    const side = (text) => model.formatSpan(model.parseDateSpan(text).value, 'en');
    // A displayDate is the label of the whole span: it goes on the first <time>, and the second only carries
    // the end for the element.
    return event.displayDate
      ? `<time datetime="${start}">${escapeHtml(label)}</time><time datetime="${end}" hidden>${side(end)}</time>`
      : `<time datetime="${start}">${side(start)}</time> – <time datetime="${end}">${side(end)}</time>`;
  }
  // Anything else (open ends, qualifiers) goes whole into datetime: date-line reads any date-line date there.
  return `<time datetime="${escapeHtml(date)}">${escapeHtml(label)}</time>`;
}

/** The events as `<li>`s, the same in the embed and in the floor's plain list. */
export function listItemsHtml(model, data) {
  return data.events
    .map((event) => {
      const paragraphs = richTextParagraphs(event.summary).map((p) => `<p>${p}</p>`);
      const sources = (event.sources ?? [])
        .filter((source) => source.url && isSafeLink(source.url))
        .map((source) => `<a href="${escapeHtml(source.url)}">${escapeHtml(source.publisher ?? source.title)}</a>`);
      return [
        `<li id="${escapeHtml(event.id)}">`,
        `  ${timesHtml(model, event)}`,
        `  <h3>${escapeHtml(event.title)}</h3>`,
        ...paragraphs.map((p) => `  ${p}`),
        ...sources.map((a) => `  ${a}`),
        `</li>`,
      ].join('\n');
    })
    .join('\n');
}

/** The stand-in for `date-line html <file>`. */
export function standInHtml(model, data, id) {
  return [
    `<date-line id="${escapeHtml(id)}">`,
    ...(data.title ? [`<h2>${escapeHtml(data.title)}</h2>`] : []),
    '<ol>',
    listItemsHtml(model, data),
    '</ol>',
    '</date-line>',
  ].join('\n');
}

/** The plain-list floor: the same list, no element, no script. */
export function floorHtml(model, data) {
  return [
    '<section class="timeline">',
    ...(data.title ? [`<h2>${escapeHtml(data.title)}</h2>`] : []),
    '<ol>',
    listItemsHtml(model, data),
    '</ol>',
    '</section>',
  ].join('\n');
}

/**
 * The embed of a date-line JSON file: `{ html, source }`, from `node bin/date-line.mjs html <file>` when that
 * command exists (exit 0 and a <date-line> element on stdout), else from the stand-in.
 */
export async function embedHtml(file) {
  const run = spawnSync(process.execPath, [resolve(root, 'bin/date-line.mjs'), 'html', file], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (run.status === 0 && /<date-line[\s>]/.test(run.stdout)) {
    return { html: run.stdout.trim(), source: 'node bin/date-line.mjs html' };
  }
  const model = await loadModel();
  const data = JSON.parse(readFileSync(file, 'utf8'));
  return {
    html: standInHtml(model, data, basename(file, '.json')),
    source: 'bench/lib/embed-html.mjs (stand-in: bin/date-line.mjs has no html command yet)',
  };
}
