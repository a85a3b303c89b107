import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DateLine } from '../src/date-line.js';
import { setViewport, settled, shadow } from './helpers.js';

/** A deterministic timeline of `count` events over six years. */
function longTimeline(count: number) {
  const events = Array.from({ length: count }, (_, i) => {
    const day = (i * 7919) % (6 * 365);
    const date = new Date(Date.UTC(2015, 0, 1) + day * 86400000).toISOString().slice(0, 10);
    return { id: `e${i}`, date, title: `Event ${i}`, summary: `Summary of event ${i}.` };
  });
  return { version: 1, title: `${count} events`, events };
}

/** Elements in the element's shadow tree. */
const elementCount = (el: DateLine) => shadow(el).querySelectorAll('*').length;

describe('long timelines', () => {
  before(async () => {
    await setViewport({ width: 900, height: 800 });
  });

  afterEach(async () => {
    window.scrollTo(0, 0);
    // Let the scroll event land now, not in the next test (a reader's scroll moves a list's window).
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });

  it('renders only the events near the view in a long list, and every event stays reachable', async () => {
    const el = await fixture<DateLine>(html`<date-line layout="list" .data=${longTimeline(5000)}></date-line>`);
    await settled(el);
    // The list keeps the height of all its events, so the page scrolls as if they were all there.
    await waitUntil(() => el.getBoundingClientRect().height > 5000 * 40, 'the list is windowed', { timeout: 8000 });
    expect(elementCount(el)).to.be.below(3000);
    const items = () => [...shadow(el).querySelectorAll<HTMLLIElement>('li[data-id]')];
    expect(items()[0].getAttribute('aria-setsize')).to.equal('5000');
    expect(items()[0].getAttribute('aria-posinset')).to.equal('1');

    // Scrolling brings later events in and earlier ones out.
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY + 2000 * 76);
    await waitUntil(() => Number(items()[0].getAttribute('aria-posinset')) > 1000, 'scrolling moves the window', {
      timeout: 4000,
    });
    expect(elementCount(el)).to.be.below(3000);

    // The keyboard reaches the last event, wherever the window is.
    items()[0].querySelector('button')!.focus();
    await sendKeys({ press: 'End' });
    await waitUntil(
      () => shadow(el).activeElement?.closest('li')?.getAttribute('aria-posinset') === '5000',
      'End reaches the last event',
      { timeout: 4000 },
    );
    await sendKeys({ press: 'Home' });
    await waitUntil(
      () => shadow(el).activeElement?.closest('li')?.getAttribute('aria-posinset') === '1',
      'Home reaches the first',
      { timeout: 4000 },
    );
  });

  it('selects an event far down the list through select(), rendering it', async () => {
    const el = await fixture<DateLine>(html`<date-line layout="list" .data=${longTimeline(3000)}></date-line>`);
    await settled(el);
    const last = el.shownEvents.at(-1)!;
    el.select(last.id);
    await waitUntil(
      () => shadow(el).querySelector(`li[data-id="${last.id}"] [part~="detail"]`),
      'the selected event is drawn open',
      { timeout: 4000 },
    );
  });

  it('keeps the axis small in the DOM with 10,000 events', async () => {
    const el = await fixture<DateLine>(
      html`<date-line layout="axis" style="width: 900px" .data=${longTimeline(10000)}></date-line>`,
    );
    await settled(el);
    await waitUntil(() => shadow(el).querySelector('.viewport'), 'the axis loads', { timeout: 15000 });
    expect(elementCount(el)).to.be.below(3000);
    el.zoomTo('2017-03-01', '2017-03-20');
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('.item').length).to.be.above(3);
    expect(elementCount(el)).to.be.below(3000);
    await expect(el).to.be.accessible();
  });
});
