/**
 * The embed builder page: paste or load timeline data, see what date-line makes of it (errors with their paths,
 * previews at phone and desktop widths), pick options, copy the embed code. No request leaves the page except
 * for an address the user asks it to load; the examples are bundled into this module.
 */
import { version } from '../package.json';
import timelineCsv from '../data/examples/timeline.csv?raw';
import type { DateLine } from '../src/element.js';
import { SCHEMA_ID, type TimelineError } from '../src/model/index.js';
import apolloJson from './data/apollo-11.json?raw';
import womenInComputing from './data/women-in-computing.json?raw';
import { checkSource, embedSnippet, htmlEmbed, isRightToLeft, type Checked } from './embed.js';

// The example's $schema points into this repository; the one to copy is the published schema.
const apolloExample = apolloJson.replace('../../data/timeline.schema.json', SCHEMA_ID);
const EXAMPLES: Record<string, string> = { json: apolloExample, csv: timelineCsv, timelinejs: womenInComputing };
const PROBLEMS_SHOWN = 50;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const source = $<HTMLTextAreaElement>('source');
const urlForm = $<HTMLFormElement>('url-form');
const urlInput = $<HTMLInputElement>('url');
const status = $<HTMLParagraphElement>('status');
const problems = $<HTMLUListElement>('problems');
const snippet = $<HTMLElement>('snippet');
const htmlSnippet = $<HTMLElement>('html-snippet');
const copyHtml = $<HTMLButtonElement>('copy-html');
const copied = $<HTMLSpanElement>('copied');
const fileHint = $<HTMLParagraphElement>('file-hint');
const previews = [$<DateLine>('preview-phone'), $<DateLine>('preview-desktop')];
const previewSection = document.querySelector<HTMLElement>('.previews')!;
const options = {
  layout: $<HTMLSelectElement>('layout'),
  theme: $<HTMLSelectElement>('theme'),
  locale: $<HTMLSelectElement>('locale'),
  placement: $<HTMLSelectElement>('placement'),
};

/** The address the text was loaded from, while the text is unchanged since. */
let loadedFrom: { url: string; contentType: string } | null = null;
let checked: Checked | null = null;
/** The last valid data, which the previews keep showing while the text has errors. */
let lastValid: unknown = null;
/** The newest HTML embed asked for (each waits for its language's words), settled once it is shown. */
let htmlShown: Promise<void> = Promise.resolve();
let htmlRequests = 0;

function problemItem(problem: TimelineError, kind: 'error' | 'warning'): HTMLLIElement {
  const item = document.createElement('li');
  item.className = kind;
  if (problem.path) {
    const path = document.createElement('code');
    path.textContent = problem.path;
    item.append(path, ': ');
  }
  item.append(kind === 'warning' ? `(warning) ${problem.message}` : problem.message);
  return item;
}

function showCheck(): void {
  problems.replaceChildren();
  const text = source.value;
  if (!text.trim()) {
    checked = null;
    status.className = 'status';
    status.textContent = 'Paste a timeline, load one from an address, or start from an example.';
    render();
    return;
  }
  checked = checkSource(text, loadedFrom ? { contentType: loadedFrom.contentType, name: loadedFrom.url } : {});
  const { format, errors, warnings, events } = checked;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  if (errors.length) {
    status.className = 'status invalid';
    status.textContent = `Read as ${format}: ${plural(errors.length, 'problem')} to fix.`;
  } else {
    status.className = 'status';
    status.textContent = `Read as ${format}: valid, ${plural(events, 'event')}${
      warnings.length ? `, ${plural(warnings.length, 'warning')}` : ''
    }.`;
    lastValid = checked.data;
  }
  const all = [
    ...errors.map((problem) => problemItem(problem, 'error')),
    ...warnings.map((problem) => problemItem(problem, 'warning')),
  ];
  problems.append(...all.slice(0, PROBLEMS_SHOWN));
  if (all.length > PROBLEMS_SHOWN) {
    const more = document.createElement('li');
    more.textContent = `… and ${all.length - PROBLEMS_SHOWN} more.`;
    problems.append(more);
  }
  render();
}

/** Updates the previews and the embed code from the data and the options. */
function render(): void {
  const layout = options.layout.value;
  const theme = options.theme.value;
  const locale = options.locale.value;
  const placement = options.placement.value === 'inline' ? 'inline' : 'file';
  for (const preview of previews) {
    preview.layout = (layout || 'auto') as DateLine['layout'];
    if (theme) preview.theme = theme as 'light' | 'dark';
    else preview.removeAttribute('theme');
    preview.locale = locale || undefined;
    if (isRightToLeft(locale)) preview.dir = 'rtl';
    else preview.removeAttribute('dir');
    if (lastValid && preview.data !== lastValid) preview.data = lastValid;
  }
  previewSection.classList.toggle('stale', Boolean(checked?.errors.length && lastValid));
  const src = loadedFrom?.url ?? 'timeline.json';
  const embed = { version, placement, src, data: lastValid, layout, theme, locale } as const;
  snippet.textContent = embedSnippet(embed);
  copyHtml.disabled = !lastValid;
  const request = ++htmlRequests;
  htmlShown = htmlEmbed(embed).then((text) => {
    if (request === htmlRequests) htmlSnippet.textContent = text ?? ''; // an older one arriving late is dropped
  });
  fileHint.textContent =
    placement === 'inline'
      ? 'The data is inside the element: paste both parts where your CMS allows HTML.'
      : loadedFrom
        ? 'The element loads the data from that address. Another site must allow the article to read it (CORS).'
        : 'Save the data as timeline.json next to the article (the download button gives it to you, converted to date-line JSON if you started from CSV or TimelineJS), or change src to where it lives.';
}

let pending: ReturnType<typeof setTimeout> | undefined;
source.addEventListener('input', () => {
  loadedFrom = null; // edited: the snippet no longer points at the address it came from
  clearTimeout(pending);
  pending = setTimeout(showCheck, 150);
});

for (const select of Object.values(options)) select.addEventListener('change', render);

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-example]')) {
  button.addEventListener('click', () => {
    source.value = EXAMPLES[button.dataset.example!] ?? '';
    loadedFrom = null;
    showCheck();
  });
}

urlForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const url = urlInput.value.trim();
  if (!url) return;
  status.className = 'status';
  status.textContent = `Loading ${url} …`;
  void (async () => {
    try {
      const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
      source.value = await response.text();
      loadedFrom = { url: response.url || url, contentType: response.headers.get('content-type') ?? '' };
      showCheck();
    } catch (error) {
      status.className = 'status invalid';
      status.textContent = `Could not load ${url}: ${error instanceof Error ? error.message : String(error)}. If the file is on another site, that site must allow other pages to read it (CORS).`;
    }
  })();
});

/** Copies a code block's text; without clipboard access, selects it (shown) for the reader to copy. */
function copyFrom(code: HTMLElement): void {
  const say = (message: string) => {
    copied.textContent = message;
    setTimeout(() => (copied.textContent = ''), 4000);
  };
  void (async () => {
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      say('Copied.');
    } catch {
      // No clipboard access (an insecure page, a refused permission): select the code for the reader to copy.
      const details = code.closest('details');
      if (details) details.open = true;
      getSelection()?.selectAllChildren(code);
      say('Selected: press Ctrl+C (⌘C) to copy.');
    }
  })();
}

$<HTMLButtonElement>('copy').addEventListener('click', () => copyFrom(snippet));
// The HTML for options changed a moment ago may still be waiting for its words: copy that one, not the last.
copyHtml.addEventListener('click', () => void htmlShown.then(() => copyFrom(htmlSnippet)));

$<HTMLButtonElement>('download').addEventListener('click', () => {
  if (!lastValid) return;
  const blob = new Blob([`${JSON.stringify(lastValid, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'timeline.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});

source.value = apolloExample;
showCheck();
