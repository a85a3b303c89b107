import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { RefreshOutcome } from '../../src/controllers/load-controller.js';
import { RefreshController } from '../../src/controllers/refresh-controller.js';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A throwaway host whose refreshes are counted (their times) and answer what `outcomes` says, in turn. */
class RefreshProbe extends LitElement {
  static override properties = { src: {}, refresh: { type: Number }, data: { attribute: false } };
  declare src?: string;
  declare refresh?: number;
  declare data?: unknown;
  readonly timeout = 15000;
  readonly calls: number[] = [];
  outcomes: RefreshOutcome[] = [];
  // No shortest interval here, so that the tests run in milliseconds rather than seconds.
  readonly refresher = new RefreshController(
    this,
    () => {
      this.calls.push(performance.now());
      return Promise.resolve(this.outcomes.shift() ?? 'unchanged');
    },
    0,
  );
}
customElements.define('refresh-probe', RefreshProbe);

/** Pretends the reader switched to another tab (hidden) or back (visible). */
function setVisibility(state: 'hidden' | 'visible'): void {
  if (state === 'hidden') Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  // Removing the own property uncovers Document.prototype's getter, the page's real state.
  else delete (document as { visibilityState?: unknown }).visibilityState;
  document.dispatchEvent(new Event('visibilitychange'));
}

const gaps = (times: number[]) => times.slice(1).map((time, index) => time - times[index]);

describe('RefreshController', () => {
  afterEach(() => setVisibility('visible'));

  it('refreshes src every `refresh` seconds, and not at all without a src, with data, or with no interval', async () => {
    const probe = await fixture<RefreshProbe>(html`<refresh-probe src="x.json" refresh="0.1"></refresh-probe>`);
    await waitUntil(() => probe.calls.length >= 3, 'fewer than three refreshes', { timeout: 2000 });
    for (const gap of gaps(probe.calls)) expect(gap).to.be.within(90, 400);
    for (const idle of [
      html`<refresh-probe refresh="0.05"></refresh-probe>`,
      html`<refresh-probe src="x.json" refresh="0.05" .data=${{ version: 1, events: [] }}></refresh-probe>`,
      html`<refresh-probe src="x.json"></refresh-probe>`,
      html`<refresh-probe src="x.json" refresh="0"></refresh-probe>`,
      html`<refresh-probe src="x.json" refresh="soon"></refresh-probe>`,
    ]) {
      const quiet = await fixture<RefreshProbe>(idle);
      await sleep(200);
      expect(quiet.calls).to.deep.equal([]);
    }
  });

  it('makes no request while the page is hidden, and refreshes as soon as it is visible again', async () => {
    setVisibility('hidden');
    const probe = await fixture<RefreshProbe>(html`<refresh-probe src="x.json" refresh="0.05"></refresh-probe>`);
    await sleep(300);
    expect(probe.calls, 'hidden: several intervals ended, no refresh').to.deep.equal([]);
    const shown = performance.now();
    setVisibility('visible');
    await waitUntil(() => probe.calls.length === 1, 'no refresh once visible', { timeout: 500 });
    expect(probe.calls[0] - shown).to.be.below(50);
    await waitUntil(() => probe.calls.length === 2, 'the refreshes did not go on', { timeout: 1000 });
  });

  it('doubles the wait after each failure, up to sixteen intervals, and goes back to one after a success', async () => {
    // The waits it asks for, read from setTimeout: how late a busy machine fires a timer says nothing of the rule.
    // (Of this test's other timers, waitUntil polls every 50 ms and gives up after 10 s: neither is such a wait.)
    const asked: number[] = [];
    const realSetTimeout = window.setTimeout.bind(window);
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
      if (delay && delay % 20 === 0 && delay <= 640) asked.push(delay);
      return realSetTimeout(handler, delay, ...rest);
    }) as typeof window.setTimeout;
    const probe = document.createElement('refresh-probe') as RefreshProbe;
    try {
      probe.outcomes = ['failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'changed'];
      probe.src = 'x.json';
      probe.refresh = 0.02;
      await fixture(html`<div></div>`).then((host) => host.append(probe));
      await waitUntil(() => probe.calls.length >= 9, 'the refreshes stopped', { timeout: 10_000 });
    } finally {
      window.setTimeout = realSetTimeout;
    }
    // After failures 1 to 6: 2, 4, 8, 16, 16 and 16 intervals of 20 ms; after the success, one again.
    const expected = [40, 80, 160, 320, 320, 320, 20, 20];
    // One interval before the first refresh, then those.
    expect(asked.slice(0, 1 + expected.length)).to.deep.equal([20, ...expected]);
    // And the refreshes kept to them: a timer fires late, never early.
    const measured = gaps(probe.calls);
    expected.forEach((gap, index) => expect(measured[index], `gap ${index + 1}`).to.be.at.least(gap - 5));
    probe.remove();
  });

  it('stops when removed or turned off, and starts again when put back', async () => {
    const probe = await fixture<RefreshProbe>(html`<refresh-probe src="x.json" refresh="0.05"></refresh-probe>`);
    await waitUntil(() => probe.calls.length === 1, 'no refresh', { timeout: 1000 });
    const parent = probe.parentElement!;
    probe.remove();
    await sleep(200);
    expect(probe.calls).to.have.length(1);
    parent.append(probe);
    await waitUntil(() => probe.calls.length === 2, 'no refresh once put back', { timeout: 1000 });
    probe.refresh = 0;
    await probe.updateComplete;
    const count = probe.calls.length;
    await sleep(200);
    expect(probe.calls).to.have.length(count);
  });
});
