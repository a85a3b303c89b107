import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { DateLine } from '../../src/date-line.js';
import type { DateLineErrorEvent } from '../../src/events.js';
import { ARTICLE_URL, errorBox, listedEvents, settled } from '../helpers.js';

// Guards: every way a load can fail ends in a plain-language message in the element's role="alert" box and a
// date-line-error event, never an exception in the page; a slow server meets the `timeout`, a huge file the
// size limit; the newest `src` wins and the requests it replaces are aborted. Everything runs against real
// HTTP answers from test/server/middleware.mjs, not a mocked fetch.

const SMALL = '/test/fixtures/small.json';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Tracked {
  path: string;
  aborted: boolean;
  answered: boolean;
}
const trackedLog = async (key: string) => (await fetch(`/__test__/log/${key}`)).json() as Promise<Tracked[]>;
let keys = 0;
const newKey = () => `load-${Date.now()}-${keys++}`;

/** Uncaught errors and rejections while a test runs: a failed load must not throw into the page. */
function watchUncaught(): { errors: string[]; stop: () => void } {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Renders an element with this `src` and returns it with its date-line-error event. */
async function failingLoad(src: string, timeout?: number): Promise<{ el: DateLine; event: DateLineErrorEvent }> {
  const el = document.createElement('date-line');
  el.layout = 'list';
  el.locale = 'en-GB';
  if (timeout) el.timeout = timeout;
  el.src = src;
  const errorEvent = oneEvent<DateLineErrorEvent>(el, 'date-line-error');
  await fixture(html`<div></div>`).then((host) => host.append(el));
  const event = await errorEvent;
  await el.updateComplete;
  return { el, event };
}

describe('loading faults', () => {
  let uncaught: ReturnType<typeof watchUncaught>;
  beforeEach(() => {
    uncaught = watchUncaught();
  });
  afterEach(() => {
    uncaught.stop();
    expect(uncaught.errors).to.deep.equal([]);
  });

  const cases: [string, string, RegExp][] = [
    ['a 404', '/__test__/status/404', /answered 404 Not Found \(the file was not found\)/],
    ['a 500', '/__test__/status/500', /answered 500 Internal Server Error \(a server error\)/],
    ['a 403', '/__test__/status/403', /answered 403 Forbidden/],
    ['a network error', '/__test__/reset', /the network request failed .*Check the address/],
    ['an empty body', '/__test__/empty', /the server sent an empty file/],
    [
      'a body that is not JSON',
      '/__test__/text?body=this%20is%20not%20a%20timeline',
      /not valid JSON \(line 1, column 1\)/,
    ],
    [
      'JSON cut short',
      `/__test__/text?body=${encodeURIComponent('{"version": 1, "events": [')}`,
      /the text ends too early/,
    ],
    [
      'an HTML page instead of JSON',
      `/__test__/text?type=text/html&body=${encodeURIComponent('<!doctype html><h1>Sign in</h1>')}`,
      /The data is HTML, not JSON/,
    ],
    ['a body over the size limit', '/__test__/huge', /more than the 10\.0 MB limit/],
    ['an address it will not fetch', 'javascript:alert(1)', /only http: and https: addresses are fetched/],
    ['an invalid address', 'http://[invalid', /is not a valid address/],
  ];
  for (const [name, src, message] of cases) {
    it(`explains ${name} in its alert box and fires date-line-error`, async () => {
      const { el, event } = await failingLoad(src);
      expect(event.detail.errors.length).to.be.greaterThan(0);
      const box = errorBox(el)!;
      expect(box, 'role="alert" box').to.exist;
      expect(box.textContent).to.match(message);
      expect(event.detail.errors.map((error) => error.message).join(' ')).to.match(message);
      expect(el.timeline).to.equal(null);
      expect(listedEvents(el)).to.deep.equal([]);
    });
  }

  it('gives up on a slow server after `timeout`, with a clear message', async () => {
    const started = performance.now();
    const { el } = await failingLoad(`/__test__/delay/4000${ARTICLE_URL}`, 300);
    const took = performance.now() - started;
    expect(took).to.be.below(2500);
    expect(errorBox(el)!.textContent).to.match(/no answer within 0\.3 seconds/);
  });

  it('reads JSON whatever content type the server gives it', async () => {
    for (const type of ['text/plain', 'application/octet-stream', 'text/html', 'application/x-unknown']) {
      const el = await fixture<DateLine>(
        html`<date-line layout="list" src=${`/__test__/typed/${encodeURIComponent(type)}${SMALL}`}></date-line>`,
      );
      await settled(el);
      expect(el.errors, type).to.deep.equal([]);
      expect(listedEvents(el).length, type).to.be.greaterThan(0);
    }
  });

  it('recovers when a failed src is replaced by a good one', async () => {
    const { el } = await failingLoad('/__test__/status/500');
    el.src = SMALL;
    await waitUntil(() => el.timeline !== null, 'never loaded the good file');
    await el.updateComplete;
    expect(errorBox(el)).to.equal(null);
    expect(el.errors).to.deep.equal([]);
  });
});

describe('a src that changes while loading', () => {
  it('shows the newest src and aborts the slow request it replaced', async () => {
    const key = newKey();
    const el = await fixture<DateLine>(
      html`<date-line layout="list" locale="en-GB" src=${`/__test__/tracked/${key}/3000${ARTICLE_URL}`}></date-line>`,
    );
    await waitUntil(async () => (await trackedLog(key)).length === 1, 'the slow request never reached the server');
    el.src = SMALL;
    await settled(el);
    expect(el.timeline!.title).to.equal(((await (await fetch(SMALL)).json()) as { title: string }).title);
    await waitUntil(async () => (await trackedLog(key))[0].aborted, 'the replaced request was not aborted', {
      timeout: 3000,
    });
    const [slow] = await trackedLog(key);
    expect(slow.answered).to.equal(false);
    await sleep(200);
    expect(el.timeline!.events.length).to.equal(listedEvents(el).length);
    expect(el.src).to.equal(SMALL);
  });

  it('shows the newest of two slow answers even when the older one arrives last', async () => {
    const key = newKey();
    const el = await fixture<DateLine>(
      html`<date-line layout="list" src=${`/__test__/tracked/${key}/1500${ARTICLE_URL}`}></date-line>`,
    );
    await waitUntil(async () => (await trackedLog(key)).length === 1);
    el.src = `/__test__/tracked/${key}/300${SMALL}`;
    const loaded = oneEvent(el, 'date-line-load');
    await loaded;
    await sleep(1600); // past the time the first answer would have come
    expect(el.timeline!.events.length).to.equal(
      ((await (await fetch(SMALL)).json()) as { events: unknown[] }).events.length,
    );
    const log = await trackedLog(key);
    expect(log.map((entry) => [entry.aborted, entry.answered])).to.deep.equal([
      [true, false],
      [false, true],
    ]);
  });

  it('lets `data` set while loading win over the fetch, and aborts it', async () => {
    const key = newKey();
    const el = await fixture<DateLine>(
      html`<date-line layout="list" src=${`/__test__/tracked/${key}/1500${ARTICLE_URL}`}></date-line>`,
    );
    await waitUntil(async () => (await trackedLog(key)).length === 1);
    el.data = { version: 1, events: [{ id: 'only', date: '2020', title: 'Only this' }] };
    await el.updateComplete;
    expect(listedEvents(el).map((event) => event.title)).to.deep.equal(['Only this']);
    await waitUntil(async () => (await trackedLog(key))[0].aborted, 'the fetch was not aborted', { timeout: 3000 });
    await sleep(200);
    expect(listedEvents(el).map((event) => event.title)).to.deep.equal(['Only this']);
  });

  it('aborts its request when removed from the page, and fires nothing afterwards', async () => {
    const key = newKey();
    const el = await fixture<DateLine>(
      html`<date-line layout="list" src=${`/__test__/tracked/${key}/1000${ARTICLE_URL}`}></date-line>`,
    );
    await waitUntil(async () => (await trackedLog(key)).length === 1);
    const fired: string[] = [];
    for (const type of ['date-line-load', 'date-line-error']) el.addEventListener(type, () => fired.push(type));
    el.remove();
    await waitUntil(async () => (await trackedLog(key))[0].aborted, 'the fetch was not aborted', { timeout: 3000 });
    await sleep(1200);
    expect(fired).to.deep.equal([]);
  });

  it('survives a burst of src changes and ends on the last one', async () => {
    const key = newKey();
    const el = await fixture<DateLine>(html`<date-line layout="list"></date-line>`);
    const sources = [
      `/__test__/tracked/${key}/400${ARTICLE_URL}`,
      '/__test__/status/404',
      `/__test__/tracked/${key}/200${SMALL}`,
      '/__test__/reset',
      `/__test__/tracked/${key}/100${ARTICLE_URL}`,
    ];
    for (const src of sources) {
      el.src = src;
      await sleep(20);
    }
    await settled(el);
    await sleep(600);
    expect(el.errors).to.deep.equal([]);
    expect(listedEvents(el)).to.have.length(20);
  });
});
