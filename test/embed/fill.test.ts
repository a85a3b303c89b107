import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DateLine } from '../../src/date-line.js';
import { articleData, listedEvents, longTimeline, setViewport, settled, shadow } from '../helpers.js';

// An element whose page gives it a height fits that height: the title and toolbar stay, the events scroll inside
// (the embed page fills its frame this way). Without a height, the default, the element is as tall as its content.
// What would catch the bugs: the element's own box against its content, and what a reader can scroll to.

/** The element's part that holds the events: the list, or the axis with its panel. */
const events = (el: DateLine) =>
  shadow(el).querySelector<HTMLElement>('.base > .scroller, .base > .axis, .base > .story')!;
const title = (el: DateLine) => shadow(el).querySelector<HTMLElement>('[part~="title"]')!;

async function timeline(layout: 'list' | 'axis' | 'story', style = '', data?: unknown): Promise<DateLine> {
  const el = await fixture<DateLine>(
    html`<date-line layout=${layout} locale="en-GB" style=${style} .data=${data ?? (await articleData())}></date-line>`,
  );
  await settled(el);
  await waitUntil(() => events(el), 'the events are drawn', { timeout: 10_000 });
  return el;
}

/** Whether `inner` lies wholly inside `outer` (1 px of rounding allowed). */
function within(inner: DOMRect, outer: DOMRect): boolean {
  return inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
}

describe('an element given a height by its page', () => {
  before(() => setViewport({ width: 900, height: 700 }));
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('without one is as tall as its content, and nothing in it scrolls (the default)', async () => {
    for (const layout of ['list', 'axis'] as const) {
      const el = await timeline(layout);
      const part = events(el);
      expect(part.scrollHeight, layout).to.be.at.most(part.clientHeight + 1);
      // The element ends where its events end (and its padding: the dark theme's own background brings some): its
      // content sizes it.
      const padding = parseFloat(getComputedStyle(el).paddingBottom);
      expect(el.getBoundingClientRect().bottom - padding - part.getBoundingClientRect().bottom, layout).to.be.below(2);
      expect(listedEvents(el).length || shadow(el).querySelectorAll('[part~="event"]').length, layout).to.be.above(0);
      await expect(el).to.be.accessible();
    }
  });

  it('keeps its title in view and scrolls its list inside that height, to the last event', async () => {
    const el = await timeline('list', 'height: 400px');
    const box = el.getBoundingClientRect();
    expect(box.height).to.equal(400);
    const list = events(el);
    expect(list.scrollHeight, 'the list scrolls').to.be.above(list.clientHeight + 100);
    expect(within(list.getBoundingClientRect(), box), 'the list stays in the element').to.equal(true);
    const titleTop = title(el).getBoundingClientRect().top;
    list.scrollTop = list.scrollHeight;
    const items = shadow(el).querySelectorAll<HTMLElement>('[part~="event"]');
    expect(items).to.have.length(20);
    expect(within(items[19].getBoundingClientRect(), list.getBoundingClientRect()), 'the last event in view').to.equal(
      true,
    );
    expect(title(el).getBoundingClientRect().top, 'the title stays').to.equal(titleTop);
    await expect(el).to.be.accessible();
  });

  it('lays its events out as without a height when the height leaves room for them all', async () => {
    const place = (el: DateLine) =>
      [...shadow(el).querySelectorAll('[part~="event"]')].map((item) =>
        Math.round(item.getBoundingClientRect().top - el.getBoundingClientRect().top),
      );
    const natural = await timeline('list');
    const roomy = await timeline('list', 'height: 5000px');
    expect(place(roomy)).to.deep.equal(place(natural));
    expect(events(roomy).scrollHeight).to.be.at.most(events(roomy).clientHeight + 1);
  });

  it('brings a deep-linked event into view inside its list', async () => {
    const data = (await articleData()) as { events: { id: string }[] };
    const id = data.events.at(-2)!.id;
    history.replaceState(null, '', `#filled/${id}`);
    const el = await fixture<DateLine>(
      html`<date-line id="filled" layout="list" style="height: 360px" .data=${data}></date-line>`,
    );
    await settled(el);
    await waitUntil(() => el.selected === id, 'the link opens its event', { timeout: 10_000 });
    // Its heading: the event is open, and may be taller than the list.
    const item = () => shadow(el).querySelector(`[data-id="${id}"] .event-heading`)!;
    await waitUntil(
      () => within(item().getBoundingClientRect(), events(el).getBoundingClientRect()),
      'the linked event is scrolled into view inside the list',
      { timeout: 5000 },
    );
  });

  it('scrolls the axis and its open event inside that height', async () => {
    const el = await timeline('axis', 'height: 320px; width: 860px');
    el.select(el.shownEvents[3].id);
    await el.updateComplete;
    const axis = events(el);
    expect(axis.scrollHeight, 'the axis and its panel scroll').to.be.above(axis.clientHeight);
    expect(el.getBoundingClientRect().height).to.equal(320);
    const panel = shadow(el).querySelector<HTMLElement>('[part~="detail"]')!;
    axis.scrollTop = axis.scrollHeight;
    expect(within(panel.getBoundingClientRect(), el.getBoundingClientRect()) || panel.offsetHeight > 320).to.equal(
      true,
    );
    await expect(el).to.be.accessible();
  });

  it('gives the story’s scene what its title and controls leave, and keeps its scenes’ height without one', async () => {
    const scene = (el: DateLine) => shadow(el).querySelector<HTMLElement>('.scene')!;
    const natural = await timeline('story', 'width: 700px');
    const own = scene(natural).getBoundingClientRect().height;
    for (const height of [520, 900]) {
      const el = await timeline('story', `width: 700px; height: ${height}px`);
      const box = el.getBoundingClientRect();
      expect(box.height).to.equal(height);
      const strip = shadow(el).querySelector('.base > .story')!.lastElementChild!.getBoundingClientRect();
      expect(within(strip, box), 'the strip beneath the scene stays in the element').to.equal(true);
      expect(events(el).scrollHeight, 'nothing to scroll').to.be.at.most(events(el).clientHeight + 1);
      // Shorter or taller than its own height: the scene takes the room.
      expect(Math.abs(scene(el).getBoundingClientRect().height - own), String(height)).to.be.above(20);
      await expect(el).to.be.accessible();
    }
  });

  it('follows its own scrolling with the window of a long list', async () => {
    const el = await timeline('list', 'height: 500px', longTimeline(1000));
    const list = events(el);
    const posinset = () => Number(shadow(el).querySelector('li[data-id]')!.getAttribute('aria-posinset'));
    await waitUntil(() => list.scrollHeight > 1000 * 40, 'the list is windowed', { timeout: 8000 });
    list.scrollTop = list.scrollHeight / 2;
    await waitUntil(() => posinset() > 300, 'scrolling the list moves its window', { timeout: 4000 });
    list.scrollTop = list.scrollHeight;
    await waitUntil(
      () => shadow(el).querySelector('li[aria-posinset="1000"]'),
      'the last event is drawn at the end of the list',
      { timeout: 4000 },
    );
  });
});
