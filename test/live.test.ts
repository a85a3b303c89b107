import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DateLine } from '../src/date-line.js';
import type { DateLineErrorEvent, DateLineLoadEvent } from '../src/events.js';
import { embedHtml } from '../src/model/embed-html.js';
import { parseTimeline } from '../src/model/parse.js';
import type { TimelineData } from '../src/model/types.js';
import { articleData, errorBox, eventButton, listedEvents, settled, shadow } from './helpers.js';

// Live data that never breaks the story (issue 16), against the test server in every engine:
// - a src that fails (HTTP errors, HTML, a cut or invalid body, a timeout) keeps the events the element was given
//   as a light-DOM list: one date-line-error each time, a console warning, no error box;
// - one bad event among many leaves the others shown, in order, with a quiet notice that names each problem;
// - refresh re-fetches a file that changes: a change keeps the reader's place and is announced, an unchanged file
//   costs a 304 and no re-render, a hidden page fetches nothing, a failing refresh keeps the data and backs off;
// - a Google Sheets link, in any published form, is read as its CSV; an editing link says how to publish.

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
let keys = 0;
const newKey = (name: string) => `${name}-${Date.now()}-${keys++}`;

interface LiveEntry {
  at: number;
  status: number;
  ifNoneMatch: string;
}
const liveLog = async (key: string) => (await fetch(`/__test__/log/${key}`)).json() as Promise<LiveEntry[]>;
/** A file of the test server that changes between fetches: sets what it answers from now on. */
async function setLive(key: string, query: Record<string, string>): Promise<string> {
  const { body, ...rest } = query;
  const url = `/__test__/live/${key}/set?${new URLSearchParams(rest).toString()}`;
  await fetch(url, body === undefined ? {} : { method: 'POST', body });
  return `/__test__/live/${key}`;
}

/** The article's data, a fresh copy each time. */
const article = async () => structuredClone((await articleData()) as TimelineData);

/** The events of the element's light-DOM list or data, listened to from before it connects. */
function watch(el: DateLine) {
  const errors: DateLineErrorEvent[] = [];
  const loads: DateLineLoadEvent[] = [];
  el.addEventListener('date-line-error', (event) => errors.push(event));
  el.addEventListener('date-line-load', (event) => loads.push(event));
  return { errors, loads };
}

async function connect(el: Element): Promise<void> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
}

/**
 * A `<date-line>` reading `src` (a list in en-GB unless `props` say otherwise), listened to from before it
 * connects, in its own fixture or in `host`, once it has settled.
 */
async function loadedFrom(
  src: string,
  props: Partial<Pick<DateLine, 'layout' | 'locale' | 'refresh'>> = {},
  { width, host }: { width?: string; host?: HTMLElement } = {},
) {
  const el = document.createElement('date-line');
  Object.assign(el, { layout: 'list', locale: 'en-GB', src, ...props });
  if (width) el.style.width = width;
  const heard = watch(el);
  if (host) host.append(el);
  else await connect(el);
  await settled(el);
  return { el, heard };
}

/** Collects console warnings while a test runs (the element warns authors of what readers do not see). */
function watchWarnings() {
  const warnings: unknown[][] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args);
  return { warnings, restore: () => (console.warn = warn) };
}

/**
 * The article's recommended embed with a src (`date-line html --src`): the element with every event written out
 * as a light-DOM list, not yet on the page.
 */
async function embedWithSrc(src: string, attributes: Record<string, string> = {}): Promise<DateLine> {
  const { html: markup } = embedHtml(await article(), { src, layout: 'list', locale: 'en-GB', style: false });
  const template = document.createElement('template');
  template.innerHTML = markup!;
  const el = document.importNode(template.content.querySelector<DateLine>('date-line')!, true);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

describe('live data: a src that fails keeps the light-DOM list', () => {
  let console: ReturnType<typeof watchWarnings>;
  beforeEach(() => (console = watchWarnings()));
  afterEach(() => console.restore());

  const failures: [string, string, RegExp, Record<string, string>?][] = [
    ['a 500', '/__test__/status/500', /answered 500/],
    ['a 404', '/__test__/status/404', /answered 404/],
    [
      'an HTML page',
      `/__test__/text?type=text/html&body=${encodeURIComponent('<!doctype html><h1>Sign in</h1>')}`,
      /HTML, not JSON/,
    ],
    [
      'a body cut short',
      `/__test__/text?body=${encodeURIComponent('{"version": 1, "events": [{"id": "a", ')}`,
      /ends too early/,
    ],
    [
      'a schema violation',
      `/__test__/text?body=${encodeURIComponent('{"version": 1, "events": "all of them"}')}`,
      /"events" should be a list/,
    ],
    [
      'a hang past `timeout`',
      '/__test__/delay/4000/data/ice-facebook-palantir.json',
      /no answer within 0\.3 seconds/,
      { timeout: '300' },
    ],
  ];
  for (const [name, src, message, attributes] of failures) {
    it(`shows the list's events, with one date-line-error and no error box, for ${name}`, async () => {
      const el = await embedWithSrc(src, attributes);
      const heard = watch(el);
      await connect(el);
      await waitUntil(() => heard.errors.length === 1, 'no date-line-error', { timeout: 4000 });
      await sleep(150);
      await el.updateComplete;
      expect(heard.errors, 'one error event').to.have.length(1);
      expect(heard.errors[0].detail.errors[0].message).to.match(message);
      expect(el.errors).to.deep.equal(heard.errors[0].detail.errors);
      expect(errorBox(el), 'no error box').to.equal(null);
      expect(listedEvents(el)).to.have.length(20);
      expect(el.timeline!.events).to.have.length(20);
      expect(heard.loads, 'the list was shown, once').to.have.length(1);
      expect(console.warnings).to.have.length(1);
      expect(console.warnings[0][1]).to.deep.equal(el.errors);
    });
  }

  it('shows src in place of the list once it loads, without an error', async () => {
    const el = await embedWithSrc('/__test__/delay/300/data/ice-facebook-palantir.json');
    const heard = watch(el);
    await connect(el);
    await waitUntil(() => heard.loads.length === 2, 'src never replaced the list', { timeout: 4000 });
    expect(heard.errors).to.deep.equal([]);
    // The file has what the list cannot carry (eras), so it is the file that is shown.
    expect(el.timeline!.eras.length).to.be.greaterThan(0);
    expect(heard.loads[0].detail.timeline.eras).to.deep.equal([]);
    expect(console.warnings).to.deep.equal([]);
  });
});

describe('live data: one bad event does not blank the rest', () => {
  let console: ReturnType<typeof watchWarnings>;
  beforeEach(() => (console = watchWarnings()));
  afterEach(() => console.restore());
  async function withBadDate(locale = 'en-GB', layout: DateLine['layout'] = 'list') {
    const data = await article();
    const expected = parseTimeline(data).timeline!.events.filter((event) => event.id !== data.events[5].id);
    data.events[5].date = '2017-02-30';
    const src = await setLive(newKey('bad-date'), { body: JSON.stringify(data) });
    const { el, heard } = await loadedFrom(src, { layout, locale }, { width: '900px' });
    return { el, heard, expected };
  }
  const notice = (el: DateLine) => shadow(el).querySelector<HTMLDetailsElement>('details[part~="notice"]');

  it('shows the other 19 events of the article in order, and a collapsed notice that names the problem', async () => {
    const { el, heard, expected } = await withBadDate();
    expect(listedEvents(el).map((event) => event.id)).to.deep.equal(expected.map((event) => event.id));
    expect(errorBox(el)).to.equal(null);
    expect(heard.errors).to.have.length(1);
    expect(heard.errors[0].detail.errors.map((error) => error.path)).to.deep.equal(['/events/5/date']);
    expect(console.warnings).to.have.length(1);
    expect(console.warnings[0][1]).to.deep.equal(heard.errors[0].detail.errors);
    const details = notice(el)!;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent.trim()).to.equal('1 event could not be shown');
    const problems = [...details.querySelectorAll('li')].map((item) => item.textContent.trim());
    expect(problems).to.deep.equal(['/events/5/date: "2017-02-30" is not a date: 2017-02 has 28 days.']);
    await expect(el).to.be.accessible();
    details.querySelector('summary')!.click();
    await el.updateComplete;
    expect(details.open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is accessible with the notice open on the axis too', async () => {
    const { el } = await withBadDate('en-GB', 'axis');
    await waitUntil(() => shadow(el).querySelector('.axis li[data-id]'), 'no axis', { timeout: 8000 });
    notice(el)!.open = true;
    await expect(el).to.be.accessible();
  });

  it('says so in the four languages of the interface, in the plural each needs', async () => {
    const { el } = await withBadDate();
    const summary = () => notice(el)!.querySelector('summary')!.textContent.trim();
    const one: [string, string][] = [
      ['fr', '1 événement n’a pas pu être affiché'],
      ['de', '1 Ereignis konnte nicht angezeigt werden'],
      ['ar', 'تعذّر عرض حدث واحد'],
      ['en', '1 event could not be shown'],
    ];
    for (const [locale, text] of one) {
      el.locale = locale;
      await waitUntil(() => summary() === text, `${locale}: "${summary()}"`, { timeout: 4000 });
    }
    const data = await article();
    for (const index of [3, 5]) data.events[index].date = 'soon';
    el.data = data;
    await el.updateComplete;
    expect(summary()).to.equal('2 events could not be shown');
    el.locale = 'ar';
    await waitUntil(() => summary() === 'تعذّر عرض حدثين', 'Arabic has a form for two', { timeout: 4000 });
    el.locale = 'fr';
    await waitUntil(() => summary() === '2 événements n’ont pas pu être affichés', 'French plural');
  });
});

describe('live data: refresh', () => {
  it('shows a new event within one interval, keeping the selection, the range and focus, and says so', async () => {
    const key = newKey('changed');
    const data = await article();
    const src = await setLive(key, { body: JSON.stringify(data) });
    const { el, heard } = await loadedFrom(src, { layout: 'axis', refresh: 1 }, { width: '900px' });
    await waitUntil(() => shadow(el).querySelector('.axis li[data-id]'), 'no axis', { timeout: 8000 });
    const chosen = data.events[10].id;
    el.select(chosen);
    el.zoomIn();
    await el.updateComplete;
    eventButton(el, chosen).focus();
    const range = el.visibleRange;
    const loads = heard.loads.length;

    data.events.push({ id: 'breaking', date: data.events[10].date, title: 'Breaking: a new event' });
    const changed = performance.now();
    await setLive(key, { body: JSON.stringify(data) });
    await waitUntil(() => heard.loads.length === loads + 1, 'the change never came', { timeout: 2500 });
    expect(performance.now() - changed, 'within one interval (and the fetch)').to.be.below(1800);
    await el.updateComplete;
    expect(heard.loads.at(-1)!.detail.timeline).to.equal(el.timeline);
    expect(el.timeline!.events.map((event) => event.id)).to.include('breaking');
    expect(el.selected).to.equal(chosen);
    expect(el.visibleRange).to.deep.equal(range);
    expect(shadow(el).activeElement?.closest<HTMLElement>('li[data-id]')?.dataset.id).to.equal(chosen);
    expect(shadow(el).querySelector('[role="status"]')!.textContent.trim()).to.equal('Timeline updated: 1 new event');
    expect(heard.errors).to.deep.equal([]);
    el.remove();
  });

  it('keeps the event the reader was looking at where it was on the screen when events are added above it', async () => {
    const key = newKey('scroll');
    const data = await article();
    const src = await setLive(key, { body: JSON.stringify(data) });
    const host = await fixture<HTMLDivElement>(html`<div style="padding-bottom: 200vh"></div>`);
    const { el, heard } = await loadedFrom(src, { refresh: 1 }, { host });
    const reading = () => shadow(el).querySelector<HTMLElement>(`li[data-id="${listedEvents(el)[12].id}"]`)!;
    const anchor = reading();
    anchor.scrollIntoView({ block: 'start' });
    const top = anchor.getBoundingClientRect().top;
    const firstTop = shadow(el).querySelector('li[data-id]')!.getBoundingClientRect().top;

    data.events.push(
      { id: 'earliest', date: '1980', title: 'An event before all the others' },
      { id: 'also-early', date: '1981', title: 'And another one' },
    );
    await setLive(key, { body: JSON.stringify(data) });
    await waitUntil(() => heard.loads.length === 2, 'the change never came', { timeout: 2500 });
    await el.updateComplete;
    await new Promise((done) => requestAnimationFrame(done));
    expect(listedEvents(el)[0].id, 'the new events are above').to.equal('earliest');
    expect(shadow(el).querySelector('li[data-id]')!.getBoundingClientRect().top).to.be.below(firstTop - 20);
    expect(anchor.getBoundingClientRect().top).to.be.closeTo(top, 2);
    window.scrollTo(0, 0);
    el.remove();
  });

  it('costs a 304 and no re-render while the file is unchanged', async () => {
    const key = newKey('unchanged');
    const src = await setLive(key, { body: JSON.stringify(await article()) });
    const { el, heard } = await loadedFrom(src, { refresh: 1 });
    const timeline = el.timeline;
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(shadow(el), { subtree: true, childList: true, attributes: true, characterData: true });
    await waitUntil(async () => (await liveLog(key)).length === 3, 'fewer than two refreshes', { timeout: 3500 });
    await sleep(50);
    observer.disconnect();
    expect((await liveLog(key)).map((entry) => [entry.status, entry.ifNoneMatch])).to.deep.equal([
      [200, ''],
      [304, '"v1"'],
      [304, '"v1"'],
    ]);
    expect(mutations, 'nothing in the element changed').to.deep.equal([]);
    expect(el.timeline).to.equal(timeline);
    expect(heard.loads).to.have.length(1);
    el.remove();
  });

  it('fetches nothing while the page is hidden, and refreshes once it is visible again', async () => {
    const key = newKey('hidden');
    const src = await setLive(key, { body: JSON.stringify(await article()) });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      await loadedFrom(src, { refresh: 1 });
      await sleep(1600);
      expect(await liveLog(key), 'only the first load').to.have.length(1);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(async () => (await liveLog(key)).length === 2, 'no refresh once visible', { timeout: 500 });
  });

  it('keeps the last good data when a refresh fails, reporting each failure, and waits longer before the next', async () => {
    const warnings = watchWarnings();
    try {
      const key = newKey('failing');
      const src = await setLive(key, { body: JSON.stringify(await article()) });
      const { el, heard } = await loadedFrom(src, { refresh: 1 });
      await setLive(key, { status: '500' });
      await waitUntil(() => heard.errors.length === 2, 'fewer than two failed refreshes', { timeout: 5000 });
      const log = await liveLog(key);
      expect(log.map((entry) => entry.status)).to.deep.equal([200, 500, 500]);
      expect(log[2].at - log[1].at, 'after a failure, two intervals').to.be.at.least(1900);
      await el.updateComplete;
      expect(listedEvents(el)).to.have.length(20);
      expect(errorBox(el)).to.equal(null);
      expect(el.errors[0].message).to.match(/answered 500/);
      expect(warnings.warnings).to.have.length(2);
      el.remove();
    } finally {
      warnings.restore();
    }
  });
});

describe('live data: Google Sheets links', () => {
  const ID = '2PACX-1vRrecorded';
  const CSV = '/data/examples/timelinejs-template.csv';
  let requested: string[];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the page's own fetch, put back after each test
  const pageFetch = window.fetch;
  const realFetch = pageFetch.bind(window);
  // Request interception: the element asks for Google's address, and gets the sheet's CSV as Google sends it
  // (data/examples/timelinejs-template.csv, a TimelineJS template sheet as a published sheet downloads).
  beforeEach(() => {
    requested = [];
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      requested.push(url.href);
      if (url.hostname !== 'docs.google.com') return realFetch(input, init);
      const text = await (await realFetch(CSV)).text();
      return new Response(text, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
    };
  });
  afterEach(() => (window.fetch = pageFetch));

  const sheet = (path: string) => `https://docs.google.com/spreadsheets/d/${path}`;
  const forms: [string, string][] = [
    [`e/${ID}/pubhtml`, `e/${ID}/pub?output=csv`],
    [`e/${ID}/pubhtml?gid=0&single=true`, `e/${ID}/pub?gid=0&single=true&output=csv`],
    [`e/${ID}/pub?output=csv`, `e/${ID}/pub?output=csv`],
    [`e/${ID}/pub?gid=1234&single=true&output=csv`, `e/${ID}/pub?gid=1234&single=true&output=csv`],
  ];
  for (const [link, csv] of forms) {
    it(`requests the CSV of ${link}, and nothing else, and shows the sheet`, async () => {
      const el = await fixture<DateLine>(html`<date-line layout="list" locale="en-GB" src=${sheet(link)}></date-line>`);
      await settled(el);
      expect(requested).to.deep.equal([sheet(csv)]);
      expect(el.errors).to.deep.equal([]);
      expect(el.timeline!.title).to.equal('ICE, Facebook and Palantir');
      expect(listedEvents(el)).to.have.length(4);
    });
  }

  it('explains how to publish a sheet given by its editing link, and requests nothing', async () => {
    const link = sheet('1AbCdEfGhIjKlMnOpQrStUvWxYz/edit#gid=0');
    const el = await fixture<DateLine>(html`<date-line layout="list" locale="en-GB" src=${link}></date-line>`);
    await settled(el);
    expect(requested).to.deep.equal([]);
    expect(errorBox(el)!.textContent).to.match(/link for editing a Google Sheet/);
    expect(errorBox(el)!.textContent).to.match(/File › Share › Publish to web/);
    await expect(el).to.be.accessible();
  });
});
