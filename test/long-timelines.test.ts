import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DateLine } from '../src/date-line.js';
import { longTimeline, setViewport, settled, shadow } from './helpers.js';

/**
 * The count a cluster's marker shows: "+1,234", or "and 1,234 more" after the headline of its most important event,
 * which is not counted (see cluster-name.ts).
 */
const markerCount = (marker: Element) => {
  const named = marker.querySelector('.cluster-title');
  const text = named ? marker.lastElementChild!.textContent : marker.textContent;
  return { text: text.trim(), count: Number(text.replace(/\D/g, '')) + (named ? 1 : 0) };
};

/** Elements in the element's shadow tree. */
const elementCount = (el: DateLine) => shadow(el).querySelectorAll('*').length;

describe('long timelines', () => {
  before(async () => {
    await setViewport({ width: 900, height: 800 });
  });

  afterEach(async () => {
    // A selection leaves its deep link in the address; the next test's element would open on it.
    history.replaceState(null, '', location.pathname + location.search);
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

  it('draws only the view while the zoom changes, and the flanks for panning once it rests', async () => {
    const el = await axisOf(10000);
    const viewport = shadow(el).querySelector('.viewport')!.getBoundingClientRect();
    // Items and minor ticks further right than a tenth of a width past the view: the flank a drag pans into.
    const inFlank = (selector: string) =>
      [...shadow(el).querySelectorAll(selector)].filter(
        (node) => node.getBoundingClientRect().left > viewport.right + viewport.width * 0.15,
      ).length;
    const flankItems = () => inFlank('.item');
    el.zoomTo('2017-03-01', '2017-06-01');
    await el.updateComplete;
    expect(flankItems(), 'while zooming, only the view is drawn').to.equal(0);
    expect(inFlank('.tick:not(.major)'), 'nor its minor ticks').to.equal(0);
    expect(onScreenItems(el, viewport), 'the view itself is drawn').to.be.above(3);
    await waitUntil(() => flankItems() > 0, 'the flanks are drawn once the zoom rests', { timeout: 2000 });
    expect(inFlank('.tick:not(.major)'), 'with their ticks').to.be.above(0);
    expect(onScreenItems(el, viewport)).to.be.above(3);
    await expect(el).to.be.accessible();
  });

  it('keeps its lanes while the reader zooms in, and rests on the zoom level’s own lanes', async () => {
    const el = await axisOf(10000);
    const drawnIds = () =>
      new Set([...shadow(el).querySelectorAll<HTMLElement>('.item')].map((item) => item.dataset.id));
    const restedAt = async (target: DateLine, start: string, end: string) => {
      target.zoomTo(start, end);
      await target.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 400));
      await target.updateComplete;
    };
    await restedAt(el, '2017-01-01', '2017-07-01');
    const before = drawnIds();
    // Zooming in: every label gains room, so the drawn events stay; none is swapped in mid-zoom.
    el.zoomTo('2017-02-01', '2017-06-01');
    await el.updateComplete;
    const during = drawnIds();
    expect(
      [...during].filter((id) => !before.has(id)),
      'events drawn anew while zooming in',
    ).to.deep.equal([]);
    expect(during.size).to.be.above(3);
    // At rest, the same view shows the same events however the reader got there.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await el.updateComplete;
    const fresh = await axisOf(10000);
    await restedAt(fresh, '2017-02-01', '2017-06-01');
    expect([...drawnIds()].sort()).to.deep.equal(
      [...shadow(fresh).querySelectorAll<HTMLElement>('.item')].map((item) => item.dataset.id).sort(),
    );
    await expect(el).to.be.accessible();
  });

  it('zooming far into 30,000 events, packs finer lanes in idle moments and takes them up as the zoom goes on', async () => {
    // Above 25,000 events a packing costs more than a frame can spare; below, the frame packs (tested above).
    const el = await axisOf(30000);
    const drawnIds = () =>
      new Set([...shadow(el).querySelectorAll<HTMLElement>('.item')].map((item) => item.dataset.id));
    el.zoomTo('2017-01-01', '2018-01-01');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 400));
    await el.updateComplete;
    const before = drawnIds();
    // Four times closer: the lanes in use stay valid, and this frame does not wait for finer ones.
    el.zoomTo('2017-05-01', '2017-08-01');
    await el.updateComplete;
    expect(
      [...drawnIds()].filter((id) => !before.has(id)),
      'events drawn anew in the same frame',
    ).to.deep.equal([]);
    // The zoom goes on changing, never resting; the finer lanes arrive from idle moments and are drawn.
    let finer = false;
    for (let step = 0; step < 40 && !finer; step++) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      el.zoomTo('2017-05-01', step % 2 ? '2017-08-01' : '2017-08-02');
      await el.updateComplete;
      finer = [...drawnIds()].some((id) => !before.has(id));
    }
    expect(finer, 'finer lanes taken up while zooming').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('marks the events it cannot draw one by one where they are, at every zoom', async () => {
    const el = await axisOf(10000);
    const viewport = shadow(el).querySelector('.viewport')!.getBoundingClientRect();
    for (const [start, end] of [
      ['2015-01-01', '2021-01-01'],
      ['2017-03-01', '2017-04-01'],
    ]) {
      el.zoomTo(start, end);
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 400));
      await el.updateComplete;
      const markers = [...shadow(el).querySelectorAll<HTMLElement>('.cluster')].filter((marker) => {
        const box = marker.getBoundingClientRect();
        return box.left >= viewport.left && box.right <= viewport.right;
      });
      // Several markers along the view, each for a stretch of it: not one for everything, off at its start.
      expect(markers.length, `markers in ${start}/${end}`).to.be.above(1);
      for (const marker of markers) expect(markerCount(marker).count).to.be.below(2000);
    }
    await expect(el).to.be.accessible();
  });

  for (const locale of ['en', 'de', 'fr']) {
    it(`writes its counts of thousands as ${locale} writes numbers`, async () => {
      const el = await axisOf(10000);
      el.locale = locale;
      await el.updateComplete;
      const written = (count: number) => new Intl.NumberFormat(locale).format(count);
      const digits = (text: string) => Number(text.replace(/\D/g, ''));
      const marker = [...shadow(el).querySelectorAll<HTMLElement>('.cluster')].find(
        (cluster) => digits(markerCount(cluster).text) >= 1000,
      );
      expect(marker, 'a marker for a thousand events or more').to.exist;
      const { text } = markerCount(marker!);
      const shown = written(digits(text));
      // "+1,234", or the words after the headline: "and 1,234 more", "et 1 234 autres", "und 1.234 weitere".
      expect(text.replace(shown, '#')).to.match(/^(\+#|\S+ # \S+)$/);
      expect(marker!.getAttribute('aria-label')).to.contain(shown);
      expect(shadow(el).querySelector('.lanes')!.getAttribute('aria-label')).to.contain(written(10000));
    });
  }

  it('leaves no stray nodes in its lists however long the reader zooms or scrolls (lit/lit#5298)', async () => {
    const el = await axisOf(10000);
    // Each drawn event owns its element and two marker comments; the list one more. A leak grows the comments.
    const strayComments = () => {
      const list = shadow(el).querySelector('ol')!;
      const comments = [...list.childNodes].filter((node) => node.nodeType === Node.COMMENT_NODE).length;
      return comments - (2 * list.children.length + 1);
    };
    // Zooming in and out swaps most drawn events each step.
    for (let step = 0; step < 40; step++) {
      const months = 2 + (step % 10) * 3;
      el.zoomTo('2017-01-01', `${2017 + Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`);
      await el.updateComplete;
    }
    expect(strayComments(), 'stray nodes in the axis').to.equal(0);

    // The windowed list swaps events as the page scrolls.
    el.layout = 'list';
    await el.updateComplete;
    await waitUntil(() => shadow(el).querySelectorAll('li[data-id]').length < 1000, 'the list is windowed', {
      timeout: 8000,
    });
    for (const y of [4000, 40000, 120000, 8000, 0]) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await el.updateComplete;
    }
    expect(strayComments(), 'stray nodes in the list').to.equal(0);
  });
});

/** An axis of `count` generated events, loaded. */
async function axisOf(count: number) {
  const el = await fixture<DateLine>(
    html`<date-line layout="axis" style="width: 900px" .data=${longTimeline(count)}></date-line>`,
  );
  await settled(el);
  await waitUntil(() => shadow(el).querySelector('.viewport'), 'the axis loads', { timeout: 15000 });
  await el.updateComplete;
  return el;
}

const onScreenItems = (el: DateLine, viewport: DOMRect) =>
  [...shadow(el).querySelectorAll('.item')].filter((item) => {
    const box = item.getBoundingClientRect();
    return box.right > viewport.left && box.left < viewport.right;
  }).length;
