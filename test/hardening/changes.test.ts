import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DateLine } from '../../src/date-line.js';
import { ARTICLE_URL, detail, listedEvents, settled, shadow } from '../helpers.js';
import { warmAxis } from './warm.js';

// Guards: `data`, `src`, `locale` and `layout` can change at any moment (before, during and after a load, many
// times in a row) and the element always ends up showing the latest of each: no stale data from an earlier
// source, no labels in an earlier language, no lost selection.

const SMALL = '/test/fixtures/small.json';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const timelineOf = (title: string, count: number) => ({
  version: 1,
  title,
  events: Array.from({ length: count }, (_, index) => ({
    id: `${title}-${index}`,
    date: `20${10 + index}-0${(index % 9) + 1}`,
    title: `${title} ${index}`,
  })),
});

/** Waits until the list shows this many events and the element is idle. */
async function showsEvents(el: DateLine, count: number): Promise<void> {
  await waitUntil(() => listedEvents(el).length === count, `never showed ${count} events`, { timeout: 8000 });
  await el.updateComplete;
}

describe('changes at any time', () => {
  warmAxis();
  it('shows the last of many `data` values set in a row, and each one set later', async () => {
    const el = await fixture<DateLine>(html`<date-line layout="list" locale="en-GB"></date-line>`);
    for (let round = 0; round < 20; round++) el.data = timelineOf(`T${round}`, (round % 5) + 1);
    await el.updateComplete;
    expect(el.timeline!.title).to.equal('T19');
    expect(listedEvents(el).map((event) => event.title)).to.deep.equal(['T19 0', 'T19 1', 'T19 2', 'T19 3', 'T19 4']);
    for (const [title, count] of [
      ['A', 3],
      ['B', 1],
      ['C', 7],
    ] as const) {
      el.data = timelineOf(title, count);
      await el.updateComplete;
      expect(listedEvents(el).map((event) => event.title)).to.deep.equal(
        Array.from({ length: count }, (_, index) => `${title} ${index}`),
      );
      expect(shadow(el).querySelector('.title')!.textContent).to.equal(title);
    }
    // JSON text is data too.
    el.data = JSON.stringify(timelineOf('Text', 2));
    await el.updateComplete;
    expect(listedEvents(el)).to.have.length(2);
  });

  it('prefers `data` to `src` while both are set, and goes back to `src` when `data` is cleared', async () => {
    const el = await fixture<DateLine>(html`<date-line layout="list" locale="en-GB" src=${ARTICLE_URL}></date-line>`);
    el.data = timelineOf('Data', 2); // while the src is loading
    await el.updateComplete;
    await sleep(300);
    expect(listedEvents(el).map((event) => event.title)).to.deep.equal(['Data 0', 'Data 1']);
    el.data = undefined;
    await showsEvents(el, 20);
    el.src = SMALL;
    await showsEvents(el, 3);
    el.data = timelineOf('Again', 1);
    await showsEvents(el, 1);
  });

  it('keeps labels in the newest locale, even when the locale changes while loading', async () => {
    const el = await fixture<DateLine>(html`<date-line layout="list" src=${ARTICLE_URL} locale="en-GB"></date-line>`);
    for (const locale of ['de', 'fr', 'ar', 'en-US', 'fr']) el.locale = locale; // while the src is loading
    await settled(el);
    const label = (id: string) => listedEvents(el).find((event) => event.id === id)!.date;
    await waitUntil(() => label('palantir-icm-contract') === 'septembre 2014', 'French labels', { timeout: 5000 });
    expect(label('facebook-transparency-report')).to.equal('18 décembre 2017');
    const expected: [string, string][] = [
      ['de', 'September 2014'],
      ['en-GB', 'September 2014'],
      ['fr', 'septembre 2014'],
      ['en-US', 'September 2014'],
    ];
    const day: Record<string, string> = {
      de: '18. Dezember 2017',
      'en-GB': '18 December 2017',
      fr: '18 décembre 2017',
      'en-US': 'December 18, 2017',
    };
    for (const [locale, month] of expected) {
      el.locale = locale;
      await el.updateComplete;
      expect(label('palantir-icm-contract'), locale).to.equal(month);
      expect(label('facebook-transparency-report'), locale).to.equal(day[locale]);
    }
    // The interface text follows the locale as well (the German strings load on demand).
    el.locale = 'de';
    el.select('palantir-icm-contract');
    await waitUntil(() => detail(el)?.querySelector('.sources-heading')?.textContent === 'Quellen', 'German UI', {
      timeout: 5000,
    });
  });

  it('changes layout with an event open and keeps it open, in both directions', async () => {
    const el = await fixture<DateLine>(
      html`<date-line layout="list" src=${ARTICLE_URL} locale="en-GB" style="width: 1000px"></date-line>`,
    );
    await settled(el);
    el.select('las-cruces-emails');
    await el.updateComplete;
    for (const layout of ['axis', 'list', 'axis', 'list'] as const) {
      el.layout = layout;
      await el.updateComplete;
      if (layout === 'axis')
        await waitUntil(() => shadow(el).querySelector('.axis'), 'the axis never came', { timeout: 8000 });
      expect(el.effectiveLayout).to.equal(layout);
      expect(el.selected).to.equal('las-cruces-emails');
      expect(detail(el)!.textContent).to.include('Las Cruces');
    }
  });

  it('renders the newest data after src, data, locale and layout all change in one task', async () => {
    const el = await fixture<DateLine>(
      html`<date-line layout="axis" src=${SMALL} locale="en-GB" style="width: 1000px"></date-line>`,
    );
    el.src = ARTICLE_URL;
    el.locale = 'fr';
    el.layout = 'list';
    el.data = timelineOf('Final', 4);
    el.locale = 'de';
    await el.updateComplete;
    await sleep(500);
    expect(el.effectiveLayout).to.equal('list');
    expect(listedEvents(el).map((event) => event.title)).to.deep.equal(['Final 0', 'Final 1', 'Final 2', 'Final 3']);
    expect(listedEvents(el)[0].date).to.equal('Januar 2010');
  });
});
