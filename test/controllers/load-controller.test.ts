import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, type PropertyValues } from 'lit';
import { LoadController, type LoadOutcome } from '../../src/controllers/load-controller.js';

const SMALL = '/test/fixtures/small.json';
const trackedLog = async (key: string) =>
  (await fetch(`/__test__/log/${key}`)).json() as Promise<{ path: string; aborted: boolean; answered: boolean }[]>;

/** A throwaway host that loads as the element does: again whenever a source changes. */
class LoadProbe extends LitElement {
  static override properties = { data: { attribute: false }, src: {}, timeout: { type: Number } };
  declare data?: unknown;
  declare src?: string;
  declare timeout: number;
  readonly results: LoadOutcome[] = [];
  readonly loader = new LoadController(this, (result) => this.results.push(result));

  constructor() {
    super();
    this.timeout = 15000;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('data') || changed.has('src') || changed.has('timeout')) this.loader.load();
  }
}
customElements.define('load-probe', LoadProbe);

const ids = (probe: LoadProbe) => probe.loader.timeline?.events.map((event) => event.id);
const changes = (probe: LoadProbe) => probe.results.map((result) => result.change);
/** What the live route answered each request for `key`: its status, and the request's conditional headers. */
const liveLog = async (key: string) =>
  ((await (await fetch(`/__test__/log/${key}`)).json()) as LiveEntry[]).map(
    ({ status, ifNoneMatch, ifModifiedSince }) => ({
      status,
      ifNoneMatch,
      ifModifiedSince,
    }),
  );
interface LiveEntry {
  at: number;
  status: number;
  ifNoneMatch: string;
  ifModifiedSince: string;
}
let liveKeys = 0;
/** A file of the test server that changes between fetches: sets what it answers from now on. */
async function setLive(key: string, query: Record<string, string>): Promise<string> {
  const { body, ...rest } = query;
  const url = `/__test__/live/${key}/set?${new URLSearchParams(rest).toString()}`;
  await fetch(url, body === undefined ? {} : { method: 'POST', body });
  return `/__test__/live/${key}`;
}
const timelineOf = (...events: [string, string][]) =>
  JSON.stringify({ version: 1, events: events.map(([id, date]) => ({ id, date, title: id })) });
/** A light-DOM list of two events, as `date-line html` prints one. */
const listOfTwo = html`<ol>
  <li id="one">
    <time datetime="2014-09">September 2014</time>
    <h3>One</h3>
  </li>
  <li id="two">
    <time datetime="2017-02">February 2017</time>
    <h3>Two</h3>
  </li>
</ol>`;
async function settledProbe(probe: LoadProbe): Promise<void> {
  await probe.updateComplete;
  await waitUntil(() => probe.loader.state !== 'loading', 'the load never settled', { timeout: 8000 });
}

describe('LoadController', () => {
  it('reads the data property at once, valid or not, and reports each outcome', async () => {
    const probe = await fixture<LoadProbe>(
      html`<load-probe .data=${{ version: 1, events: [{ id: 'x', date: '2014', title: 'X' }] }}></load-probe>`,
    );
    expect(probe.loader.state).to.equal('ready');
    expect(ids(probe)).to.deep.equal(['x']);
    probe.data = { version: 1, events: [{ id: 'x', date: '2014-13', title: 'X' }] };
    await probe.updateComplete;
    expect(probe.loader.state).to.equal('error');
    expect(probe.loader.errors[0].path).to.equal('/events/0/date');
    expect(probe.results.map((result) => Boolean(result.timeline))).to.deep.equal([true, false]);
  });

  it('fetches src, and turns an HTTP error or a slow server into located errors', async () => {
    const probe = await fixture<LoadProbe>(html`<load-probe src=${SMALL}></load-probe>`);
    expect(probe.loader.state).to.equal('loading');
    await settledProbe(probe);
    expect(ids(probe)).to.deep.equal(['a', 'b', 'c']);
    probe.src = '/__test__/status/404';
    await settledProbe(probe);
    expect(probe.loader.state).to.equal('error');
    expect(probe.loader.errors[0].message).to.match(/404/);
    probe.timeout = 200;
    probe.src = `/__test__/delay/3000${SMALL}`;
    await settledProbe(probe);
    expect(probe.loader.state).to.equal('error');
    expect(probe.loader.errors[0].message).to.match(/second|time/i);
  });

  it('lets the newest source win a race, aborting the older request', async () => {
    const key = `race-${Date.now()}`;
    const probe = await fixture<LoadProbe>(
      html`<load-probe src=${`/__test__/tracked/${key}/1500${SMALL}`}></load-probe>`,
    );
    await waitUntil(async () => (await trackedLog(key)).length === 1, 'the slow request never reached the server');
    probe.data = { version: 1, events: [{ id: 'newer', date: '2020', title: 'Newer' }] };
    await probe.updateComplete;
    await waitUntil(async () => (await trackedLog(key))[0].aborted, 'the older request was not aborted', {
      timeout: 4000,
    });
    expect(ids(probe)).to.deep.equal(['newer']);
    expect(probe.results).to.have.length(1);
  });

  it('reads inline JSON and follows it when a CMS swaps it', async () => {
    const probe = await fixture<LoadProbe>(
      html`<load-probe
        ><script type="application/json">
          { "version": 1, "events": [{ "id": "inline", "date": "2015", "title": "Inline" }] }
        </script></load-probe
      >`,
    );
    expect(ids(probe)).to.deep.equal(['inline']);
    probe.querySelector('script')!.textContent = '{"version":1,"events":[{"id":"swapped","date":"2016","title":"S"}]}';
    await waitUntil(() => ids(probe)?.[0] === 'swapped', 'the swapped script was not read');
  });

  it('reads a light-DOM list, with the reader loaded on demand', async () => {
    const probe = await fixture<LoadProbe>(html`<load-probe>${listOfTwo}</load-probe>`);
    await settledProbe(probe);
    expect(ids(probe)).to.deep.equal(['one', 'two']);
  });

  it('is empty with no source, aborts when removed and starts over when put back', async () => {
    const empty = await fixture<LoadProbe>(html`<load-probe></load-probe>`);
    expect(empty.loader.state).to.equal('empty');
    const key = `move-${Date.now()}`;
    const probe = await fixture<LoadProbe>(
      html`<load-probe src=${`/__test__/tracked/${key}/800${SMALL}`}></load-probe>`,
    );
    await waitUntil(async () => (await trackedLog(key)).length === 1);
    const parent = probe.parentElement!;
    probe.remove();
    await waitUntil(async () => (await trackedLog(key))[0].aborted, 'leaving the page did not abort the request');
    parent.append(probe);
    await settledProbe(probe);
    expect(ids(probe)).to.deep.equal(['a', 'b', 'c']);
    expect((await trackedLog(key)).map((entry) => entry.answered)).to.deep.equal([false, true]);
  });
});

describe('LoadController: data that fails never blanks good data', () => {
  it('shows a light-DOM list while src loads, then src in its place as an update of the same story', async () => {
    const probe = await fixture<LoadProbe>(
      html`<load-probe src=${`/__test__/delay/800${SMALL}`}>${listOfTwo}</load-probe>`,
    );
    await waitUntil(() => ids(probe)?.length === 2, 'the list was not shown while src loaded');
    expect(ids(probe)).to.deep.equal(['one', 'two']);
    expect(probe.loader.state).to.equal('ready');
    await waitUntil(() => ids(probe)?.length === 3, 'src never replaced the list', { timeout: 4000 });
    expect(ids(probe)).to.deep.equal(['a', 'b', 'c']);
    expect(changes(probe)).to.deep.equal(['new', 'update']);
  });

  const failures: [string, string, RegExp][] = [
    ['a 500', '/__test__/status/500', /500/],
    ['an HTML page', `/__test__/text?type=text/html&body=${encodeURIComponent('<!doctype html><p>Sign in')}`, /HTML/],
    ['a schema violation', `/__test__/text?body=${encodeURIComponent('{"version": 2, "events": []}')}`, /version/],
  ];
  for (const [name, src, message] of failures) {
    it(`keeps the light-DOM list when src fails with ${name}, and reports the failure`, async () => {
      const probe = await fixture<LoadProbe>(html`<load-probe src=${src}>${listOfTwo}</load-probe>`);
      await waitUntil(() => probe.results.some((result) => result.change === 'kept'), 'no failure reported');
      expect(ids(probe)).to.deep.equal(['one', 'two']);
      expect(probe.loader.state).to.equal('ready');
      expect(probe.loader.errors[0].message).to.match(message);
      expect(changes(probe)).to.deep.equal(['new', 'kept']);
    });
  }

  it('keeps inline JSON when src fails, and shows it at once while src loads', async () => {
    const probe = await fixture<LoadProbe>(
      html`<load-probe src="/__test__/status/404"
        ><script type="application/json">
          { "version": 1, "events": [{ "id": "inline", "date": "2015", "title": "Inline" }] }
        </script></load-probe
      >`,
    );
    expect(ids(probe), 'shown before src answered').to.deep.equal(['inline']);
    await waitUntil(() => probe.results.length === 2, 'no failure reported');
    expect(ids(probe)).to.deep.equal(['inline']);
    expect(changes(probe)).to.deep.equal(['new', 'kept']);
    expect(probe.loader.errors[0].message).to.match(/404/);
  });

  it('fails with nothing to show when src fails and the element has no data of its own', async () => {
    const probe = await fixture<LoadProbe>(html`<load-probe src="/__test__/status/500"></load-probe>`);
    await settledProbe(probe);
    expect(probe.loader.state).to.equal('error');
    expect(probe.loader.timeline).to.equal(null);
    expect(changes(probe)).to.deep.equal(['failed']);
  });

  it('reads every source with its valid events, counting the ones left out', async () => {
    const probe = await fixture<LoadProbe>(
      html`<load-probe
        .data=${{
          version: 1,
          events: [
            { id: 'x', date: '2014', title: 'X' },
            { id: 'y', date: '2017-02-30', title: 'Y' },
          ],
        }}
      ></load-probe>`,
    );
    expect(ids(probe)).to.deep.equal(['x']);
    expect(probe.loader.shown!.skipped).to.equal(1);
    expect(probe.loader.errors.map((error) => error.path)).to.deep.equal(['/events/1/date']);
    expect(probe.results[0].errors).to.deep.equal(probe.loader.errors);
  });
});

describe('LoadController: refresh', () => {
  it('asks with the ETag whether the file changed: a 304 changes nothing, a change is a refresh', async () => {
    const key = `refresh-${Date.now()}-${liveKeys++}`;
    const src = await setLive(key, { body: timelineOf(['a', '2014']) });
    const probe = await fixture<LoadProbe>(html`<load-probe src=${src}></load-probe>`);
    await settledProbe(probe);
    const shown = probe.loader.timeline;
    expect(await probe.loader.refresh()).to.equal('unchanged');
    expect(probe.loader.timeline, 'the same timeline, not a copy').to.equal(shown);
    expect(probe.results).to.have.length(1);
    await setLive(key, { body: timelineOf(['a', '2014'], ['b', '2015']) });
    expect(await probe.loader.refresh()).to.equal('changed');
    expect(ids(probe)).to.deep.equal(['a', 'b']);
    expect(changes(probe)).to.deep.equal(['new', 'refresh']);
    expect(probe.results[1].previous).to.equal(shown);
    expect(await liveLog(key)).to.deep.equal([
      { ifNoneMatch: '', ifModifiedSince: '', status: 200 },
      { ifNoneMatch: '"v1"', ifModifiedSince: '', status: 304 },
      { ifNoneMatch: '"v1"', ifModifiedSince: '', status: 200 },
    ]);
  });

  it('asks with Last-Modified when the server gives no ETag, and compares the text when it gives neither', async () => {
    const key = `modified-${Date.now()}-${liveKeys++}`;
    const src = await setLive(key, { body: timelineOf(['a', '2014']), validators: 'modified' });
    const probe = await fixture<LoadProbe>(html`<load-probe src=${src}></load-probe>`);
    await settledProbe(probe);
    expect(await probe.loader.refresh()).to.equal('unchanged');
    const [first, second] = await liveLog(key);
    expect(first.ifModifiedSince).to.equal('');
    expect(second).to.deep.equal({ ifNoneMatch: '', ifModifiedSince: 'Mon, 26 Mar 2018 12:00:01 GMT', status: 304 });

    await setLive(key, { body: timelineOf(['a', '2014']), validators: 'none' });
    expect(await probe.loader.refresh(), 'the same text again').to.equal('unchanged');
    expect((await liveLog(key))[2].status).to.equal(200);
    expect(probe.results).to.have.length(1);
  });

  it('keeps what it showed when a refresh fails, and replaces an error once a refresh succeeds', async () => {
    const key = `failing-${Date.now()}-${liveKeys++}`;
    const src = await setLive(key, { body: timelineOf(['a', '2014']) });
    const probe = await fixture<LoadProbe>(html`<load-probe src=${src}></load-probe>`);
    await settledProbe(probe);
    const failing: Record<string, string>[] = [
      { status: '500' },
      { body: '{"version": 1, "events": [' },
      // Emptied of its events: no newer version of the story on show.
      { body: '{"version": 1, "events": []}' },
    ];
    for (const query of failing) {
      await setLive(key, query);
      expect(await probe.loader.refresh()).to.equal('failed');
      expect(ids(probe)).to.deep.equal(['a']);
      expect(probe.loader.state).to.equal('ready');
    }
    expect(changes(probe)).to.deep.equal(['new', 'kept', 'kept', 'kept']);
    expect(probe.loader.errors).to.deep.equal([{ path: '/events', message: 'The file has no events.' }]);

    const brokenKey = `broken-${Date.now()}-${liveKeys++}`;
    const brokenSrc = await setLive(brokenKey, { status: '503' });
    const broken = await fixture<LoadProbe>(html`<load-probe src=${brokenSrc}></load-probe>`);
    await settledProbe(broken);
    expect(broken.loader.state).to.equal('error');
    await setLive(brokenKey, { body: timelineOf(['z', '2020']) });
    expect(await broken.loader.refresh()).to.equal('changed');
    expect(ids(broken)).to.deep.equal(['z']);
    expect(broken.loader.state).to.equal('ready');
    expect(changes(broken)).to.deep.equal(['failed', 'new']);
  });

  it('does nothing while another load runs, or without a src', async () => {
    const probe = await fixture<LoadProbe>(html`<load-probe src=${`/__test__/delay/500${SMALL}`}></load-probe>`);
    expect(await probe.loader.refresh()).to.equal('skipped');
    const data = await fixture<LoadProbe>(html`<load-probe .data=${{ version: 1, events: [] }}></load-probe>`);
    expect(await data.loader.refresh()).to.equal('skipped');
  });
});
