import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, type PropertyValues } from 'lit';
import { LoadController } from '../../src/controllers/load-controller.js';
import type { ParseResult } from '../../src/model/parse.js';

const SMALL = '/test/fixtures/small.json';
const trackedLog = async (key: string) =>
  (await fetch(`/__test__/log/${key}`)).json() as Promise<{ path: string; aborted: boolean; answered: boolean }[]>;

/** A throwaway host that loads as the element does: again whenever a source changes. */
class LoadProbe extends LitElement {
  static override properties = { data: { attribute: false }, src: {}, timeout: { type: Number } };
  declare data?: unknown;
  declare src?: string;
  declare timeout: number;
  readonly results: ParseResult[] = [];
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
    const probe = await fixture<LoadProbe>(
      html`<load-probe
        ><ol>
          <li id="one">
            <time datetime="2014-09">September 2014</time>
            <h3>One</h3>
          </li>
          <li id="two">
            <time datetime="2017-02">February 2017</time>
            <h3>Two</h3>
          </li>
        </ol></load-probe
      >`,
    );
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
