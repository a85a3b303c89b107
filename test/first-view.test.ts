import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import type { DateLine } from '../src/date-line.js';
import { ARTICLE_URL, setViewport, settled, shadow } from './helpers.js';

/**
 * The first view tells the story (issue 14): every event readable at a glance, long gaps folded into marked
 * breaks, honest marks on closed events, groups told apart. The axis's arithmetic in proportion to time is tested
 * in axis.test.ts (with breaks="none"); here, what a reader meets first, with no options set.
 */

async function timeline(
  source: { src?: string; data?: unknown },
  width: number,
  attributes: { layout?: string; breaks?: string; maxLanes?: number; view?: string; style?: string } = {},
  pageFont = 'inherit',
): Promise<DateLine> {
  history.replaceState(null, '', location.pathname + location.search);
  const page = await fixture<HTMLElement>(
    html`<div style="font-family: ${pageFont}">
      <date-line
        src=${source.src ?? nothing}
        .data=${source.data}
        locale="en-GB"
        layout=${attributes.layout ?? nothing}
        breaks=${attributes.breaks ?? nothing}
        max-lanes=${attributes.maxLanes ?? nothing}
        view=${attributes.view ?? nothing}
        style="width: ${width}px; ${attributes.style ?? ''}"
      ></date-line>
    </div>`,
  );
  const el = page.querySelector<DateLine>('date-line')!;
  await settled(el);
  // The axis (and its decision for the list) comes with the axis's module.
  await waitUntil(() => shadow(el).querySelector('.viewport, .list'), 'neither axis nor list', { timeout: 15000 });
  await waitUntil(
    () => el.effectiveLayout === 'list' || shadow(el).querySelector('.viewport'),
    'the layout never settled',
    { timeout: 15000 },
  );
  await el.updateComplete;
  return el;
}

/** Headlines a reader can read: drawn on their own, inside the element's box, not cut by an ellipsis or a clip. */
function readable(el: DateLine): string[] {
  const box = el.getBoundingClientRect();
  return [...shadow(el).querySelectorAll<HTMLElement>('.item, li.event')]
    .filter((item) => {
      const headline = item.querySelector<HTMLElement>('.headline')!;
      const r = headline.getBoundingClientRect();
      // On the axis a headline is a box that clamps its lines; in the list it runs inline, and is never cut.
      const cut =
        getComputedStyle(headline).display !== 'inline' &&
        (headline.scrollHeight > headline.clientHeight + 1 || headline.scrollWidth > headline.clientWidth + 1);
      return r.width > 0 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && !cut;
    })
    .map((item) => item.dataset.id!);
}

const centreOf = (el: DateLine, id: string) => {
  const item = shadow(el).querySelector<HTMLElement>(`.item[data-id="${id}"]`)!;
  const label = item.querySelector('.event-button')!.getBoundingClientRect();
  return item.classList.contains('is-flipped') ? label.right : label.left;
};

describe('the first view', () => {
  before(() => setViewport({ width: 1300, height: 1000 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('shows all 20 of the article’s headlines whole at 1280 px, on an axis with its gaps folded', async () => {
    const el = await timeline({ src: ARTICLE_URL }, 1280);
    expect(el.effectiveLayout).to.equal('axis');
    expect(readable(el)).to.have.length(20);
    expect(shadow(el).querySelectorAll('.cluster')).to.have.length(0);
    const breaks = [...shadow(el).querySelectorAll('.break')].map((mark) => mark.getAttribute('aria-label'));
    expect(breaks[0]).to.equal('No events for 26 years');
    expect(breaks).to.have.length(3);
    for (const mark of shadow(el).querySelectorAll('.break')) expect(mark.getAttribute('role')).to.equal('img');
    await expect(el).to.be.accessible();
  });

  it('shows all 20 headlines whole in a 700 px article column too', async () => {
    const el = await timeline({ src: ARTICLE_URL }, 700);
    expect(readable(el)).to.have.length(20);
    await expect(el).to.be.accessible();
  });

  it('measures its labels in its own font, not in the page’s type around it', async () => {
    // As on the demo's article page: a narrow serif page (Georgia, else a Times), a wider sans-serif timeline.
    // Labels wrapped for the page's type would run out of their lines and be cut.
    for (const width of [1280, 700]) {
      const el = await timeline(
        { src: ARTICLE_URL },
        width,
        { style: '--date-line-font-family: system-ui, sans-serif' },
        "Georgia, 'Times New Roman', serif",
      );
      expect(readable(el), `${width} px, ${el.effectiveLayout}`).to.have.length(20);
    }
  });

  it('tells the story in a list where an axis would hide events in clusters (layout="auto")', async () => {
    const el = await timeline({ src: ARTICLE_URL }, 620, { maxLanes: 4 });
    expect(el.effectiveLayout).to.equal('list');
    expect(readable(el)).to.have.length(20);
    const small = await timeline({ src: '/test/fixtures/small.json' }, 680, { maxLanes: 4 });
    expect(small.effectiveLayout, 'a story that fits keeps its axis').to.equal('axis');
    await expect(el).to.be.accessible();
  });

  it('keeps a compact axis, clusters and all, for a data set too long to read through as a list', async () => {
    const events = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        id: `e${i}`,
        date: `20${String(10 + (i % 8)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
        title: `Event ${i}: a headline long enough to need its own room on the axis`,
      }));
    const story = await timeline({ data: { version: 1, events: events(150) } }, 1280);
    expect(story.effectiveLayout, '150 events: a story, read as a list').to.equal('list');
    const dataSet = await timeline({ data: { version: 1, events: events(151) } }, 1280);
    expect(dataSet.effectiveLayout, '151 events: the axis is the overview').to.equal('axis');
    expect(shadow(dataSet).querySelectorAll('.cluster').length).to.be.above(0);
    // Its first view is an overview in clusters at any lane count: it keeps to five lanes, not max-lanes' ten.
    const fiveLanes = await timeline({ data: { version: 1, events: events(151) } }, 1280, { maxLanes: 5 });
    const tenLanes = await timeline({ data: { version: 1, events: events(151) } }, 1280, { maxLanes: 10 });
    expect(dataSet.getBoundingClientRect().height).to.equal(fiveLanes.getBoundingClientRect().height);
    expect(tenLanes.getBoundingClientRect().height).to.equal(fiveLanes.getBoundingClientRect().height);
    await expect(dataSet).to.be.accessible();
  });

  it('grows lanes up to max-lanes, and gathers what is left into clusters beyond it', async () => {
    const roomy = await timeline({ src: ARTICLE_URL }, 1280, { layout: 'axis' });
    const capped = await timeline({ src: ARTICLE_URL }, 1280, { layout: 'axis', maxLanes: 3 });
    expect(capped.getBoundingClientRect().height).to.be.below(roomy.getBoundingClientRect().height);
    expect(shadow(capped).querySelectorAll('.cluster').length).to.be.above(0);
    expect(readable(capped).length).to.be.below(20);
    await expect(capped).to.be.accessible();
  });

  it('keeps its height while the reader zooms', async () => {
    const el = await timeline({ src: ARTICLE_URL }, 1280);
    const height = el.getBoundingClientRect().height;
    for (const step of [() => el.zoomIn(), () => el.zoomIn(), () => el.zoomOut(), () => el.fit()]) {
      step();
      await el.updateComplete;
      expect(el.getBoundingClientRect().height).to.equal(height);
    }
  });

  it('is proportional to time within a stretch between breaks, and strictly with breaks="none"', async () => {
    // Three events of the 2017–2018 stretch: their distances are those of their dates.
    const [a, b, c] = ['intercept-palantir-icm', 'homan-letter-to-wyden', 'facebook-transparency-report'];
    const days = { [a]: Date.UTC(2017, 2, 2), [b]: Date.UTC(2017, 7, 16), [c]: Date.UTC(2017, 11, 18) };
    const ratio = (el: DateLine, x: string, y: string, z: string) =>
      (centreOf(el, y) - centreOf(el, x)) / (centreOf(el, z) - centreOf(el, x));
    const expected = (days[b] - days[a]) / (days[c] - days[a]);
    const folded = await timeline({ src: ARTICLE_URL }, 1280);
    expect(ratio(folded, a, b, c)).to.be.closeTo(expected, 0.01);
    // Across a break it is not: 2012 to 2014 takes far less room than 2014 to 2018 would in proportion. (The
    // story's last days, 26 March 2018, where its most important events keep their labels at any zoom.)
    const across = (el: DateLine) =>
      (centreOf(el, 'palantir-icm-contract') - centreOf(el, 'ice-record-removals-fy2012')) /
      (centreOf(el, 'intercept-ice-facebook') - centreOf(el, 'ice-record-removals-fy2012'));
    const proportional =
      (Date.UTC(2014, 8, 1) - Date.UTC(2012, 11, 21)) / (Date.UTC(2018, 2, 26) - Date.UTC(2012, 11, 21));
    expect(across(folded)).to.be.below(proportional / 2);
    const strict = await timeline({ src: ARTICLE_URL }, 1280, {
      layout: 'axis',
      breaks: 'none',
      view: '2012-06/2018-06',
    });
    expect(shadow(strict).querySelectorAll('.break')).to.have.length(0);
    expect(across(strict)).to.be.closeTo(proportional, 0.01);
  });

  it('reports true dates when a zoom or pan passes through a break', async () => {
    const el = await timeline({ src: ARTICLE_URL }, 1280);
    // From inside the first break (1987–2011 are folded) to the story's last weeks, across the other two.
    el.zoomTo('2010', '2018-02');
    await el.updateComplete;
    expect(el.visibleRange).to.deep.equal({ start: '2010-01-01T00:00Z', end: '2018-03-01T00:00Z' });
    el.fit();
    await el.updateComplete;
    expect(el.visibleRange!.start.slice(0, 7), 'everything, from the first event').to.equal('1986-10');
  });
});

describe('honest marks on the closed event', () => {
  before(() => setViewport({ width: 1300, height: 1000 }));
  after(() => setViewport({ width: 800, height: 600 }));

  const data = {
    version: 1,
    events: [
      { id: 'c', date: '2014~', title: 'Around 2014' },
      { id: 'u', date: '2015?', title: 'Perhaps 2015' },
      { id: 'd', date: '2016-03', title: 'Disputed', dateNote: 'Reports differ by a week.' },
      { id: 'b', date: '[..2017-03-09]', title: 'Before a day' },
      { id: 'a', date: '[2017-06-01..]', title: 'After a day' },
      { id: 'x', date: '2018', title: 'Background', context: true },
    ],
  };
  // [event, its marks, what a screen reader hears of them]
  const rows: [string, string[], RegExp][] = [
    ['c', ['approximate'], /approximate date/],
    ['u', ['uncertain'], /uncertain date/],
    ['d', ['disputed'], /date disputed or explained/],
    ['b', ['before'], /on or before this day/],
    ['a', ['after'], /on or after this day/],
  ];
  for (const layout of ['axis', 'list']) {
    it(`says what is unsure about a date before it is opened (${layout})`, async () => {
      const el = await timeline({ data }, 1000, { layout });
      for (const [id, marks, words] of rows) {
        const item = shadow(el).querySelector(`[data-id="${id}"]`)!;
        expect(
          [...item.querySelectorAll('.mark')].map((mark) => mark.className.replace('mark mark-', '')),
        ).to.deep.equal(marks);
        expect(item.querySelector('.event-button')!.textContent).to.match(words);
      }
      const badge = shadow(el).querySelector<HTMLElement>('[data-id="x"] .badge')!;
      expect(badge.getBoundingClientRect().width, 'the context badge shows').to.be.above(0);
      // A day known only as on or before another has no datetime more precise than the data.
      expect(shadow(el).querySelector('[data-id="b"] time')!.hasAttribute('datetime')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }

  it('draws a date known only as on or before a day reaching back from it', async () => {
    const el = await timeline({ data }, 1000, { layout: 'axis' });
    const item = shadow(el).querySelector('.item[data-id="b"]')!;
    expect(item.classList.contains('reaches-back')).to.equal(true);
    const bar = item.querySelector('.bar')!.getBoundingClientRect();
    expect(bar.left, 'the bar runs back past the day').to.be.below(centreOf(el, 'b') - 20);
  });
});

describe('groups told apart', () => {
  it('gives groups without a colour distinct colours and lines, in the legend and on the events', async () => {
    const data = {
      version: 1,
      groups: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, label: `Group ${id}` })),
      events: ['a', 'b', 'c', 'd', 'e'].map((group, i) => ({
        id: `e${i}`,
        date: `201${i}`,
        title: `Event ${i}`,
        group,
      })),
    };
    const el = await timeline({ data }, 1000, { layout: 'axis' });
    const styleOf = (id: string) => getComputedStyle(shadow(el).querySelector(`.item[data-id="${id}"] .event-button`)!);
    const colours = ['e0', 'e1', 'e2', 'e3', 'e4'].map((id) => styleOf(id).borderInlineStartColor);
    expect(new Set(colours).size, 'colours').to.equal(5);
    const lines = ['e0', 'e1', 'e2', 'e3'].map((id) => styleOf(id).borderInlineStartStyle);
    expect(lines).to.deep.equal(['solid', 'dashed', 'dotted', 'double']);
    expect(shadow(el).querySelectorAll('.legend li')).to.have.length(5);
    await expect(el).to.be.accessible();
  });
});

describe('hard cases give a sensible first view', () => {
  const event = (i: number, date: string) => ({ id: `e${i}`, date, title: `Event number ${i} of this case` });
  const week = Array.from({ length: 100 }, (_, i) =>
    event(i, `2017-03-0${1 + (i % 7)}T${String(i % 24).padStart(2, '0')}:00Z`),
  );
  const cases: [string, unknown[]][] = [
    ['one event', [event(0, '2017-03-09')]],
    ['all events on one day', [event(0, '2017-03-09'), event(1, '2017-03-09'), event(2, '2017-03-09')]],
    ['two events 10,000 years apart', [event(0, '-7982'), event(1, '2018')]],
    ['only BCE dates', [event(0, '-0752'), event(1, '-0509'), event(2, '-0044-03-15')]],
    ['only open-ended dates', [event(0, '../2017-03-09'), event(1, '2017-05/..'), event(2, '[..2018-01-01]')]],
    ['a hundred events in one week and one a century later', [...week, event(100, '2117-03-01')]],
  ];
  for (const [name, events] of cases) {
    it(name, async () => {
      const el = await timeline({ data: { version: 1, events } }, 1000, { layout: 'axis' });
      const items = [...shadow(el).querySelectorAll<HTMLElement>('.item')];
      expect(items.length + shadow(el).querySelectorAll('.cluster').length).to.be.above(0);
      const viewport = shadow(el).querySelector('.viewport')!.getBoundingClientRect();
      const boxes = items.map((item) => item.querySelector('.event-button')!.getBoundingClientRect());
      for (const box of boxes) {
        for (const value of [box.left, box.top, box.width]) expect(Number.isFinite(value)).to.equal(true);
        expect(box.right, 'inside the element').to.be.at.most(viewport.right + 0.5);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const overlap =
            a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          expect(overlap, `labels ${i} and ${j} overlap`).to.equal(false);
        }
      expect(el.visibleRange!.start).to.not.match(/NaN/);
      await expect(el).to.be.accessible();
    });
  }
});
