import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { nothing } from 'lit';
import type { DateLine } from '../src/date-line.js';
import type { DateLineRangeChangeEvent } from '../src/events.js';
import { ENGLISH_AXIS_WORDS } from '../src/view/axis/axis.js';
import {
  ARTICLE_URL,
  animationsFinished,
  articleData,
  inMediaStates,
  setViewport,
  settled,
  shadow,
} from './helpers.js';

/** An article-timeline element in the axis layout, `width` px wide. */
async function axis(
  attributes: {
    width?: number;
    view?: string;
    spacing?: string;
    groupRows?: boolean;
    locale?: string;
    id?: string;
    theme?: 'light' | 'dark';
    /** `none` by default: these tests check the axis's arithmetic in proportion to time (see the breaks tests). */
    breaks?: 'auto' | 'none';
  } = {},
) {
  // A hash left by an earlier test's selection would be a deep link into this one.
  history.replaceState(null, '', location.pathname + location.search);
  const el = await fixture<DateLine>(
    html`<date-line
      id=${attributes.id ?? 'timeline'}
      src=${ARTICLE_URL}
      layout="axis"
      locale=${attributes.locale ?? 'en-GB'}
      view=${attributes.view ?? ''}
      spacing=${attributes.spacing ?? 'time'}
      breaks=${attributes.breaks ?? 'none'}
      ?group-rows=${attributes.groupRows ?? false}
      theme=${attributes.theme ?? nothing}
      style="width: ${attributes.width ?? 900}px"
    ></date-line>`,
  );
  await settled(el);
  // The axis module and a locale's words load on demand; wait for what this element needs.
  await waitUntil(() => shadow(el).querySelector('.viewport'), 'the axis loads', { timeout: 15000 });
  if (attributes.locale && !attributes.locale.startsWith('en'))
    await waitUntil(
      () => shadow(el).querySelector('.zoom')?.getAttribute('aria-label') !== ENGLISH_AXIS_WORDS.layoutAxis,
      'the locale loads',
      { timeout: 8000 },
    );
  await el.updateComplete;
  return el;
}

const items = (el: DateLine) => [...shadow(el).querySelectorAll<HTMLLIElement>('.item')];
const itemIds = (el: DateLine) => items(el).map((item) => item.dataset.id!);
const rect = (element: Element) => element.getBoundingClientRect();
const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
function expectNoOverlap(boxes: DOMRect[], what: string): void {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j]), `${what} overlap`).to.equal(false);
}
const viewportRect = (el: DateLine) => rect(shadow(el).querySelector('.viewport')!);
/** Items whose box is at least partly inside the viewport. */
const onScreen = (el: DateLine) => {
  const viewport = viewportRect(el);
  return items(el).filter((item) => rect(item).right > viewport.left && rect(item).left < viewport.right);
};
const rangeWidth = (el: DateLine) => Date.parse(el.visibleRange!.end) - Date.parse(el.visibleRange!.start);

describe('axis layout', () => {
  before(async () => {
    // Room for the whole element on screen, so real mouse input can reach every part of it.
    await setViewport({ width: 1200, height: 1400 });
  });
  afterEach(async () => {
    await resetMouse();
  });

  it('shows the article timeline on a time axis, accessible', async () => {
    const el = await axis({ view: '2016-12/2018-04' });
    expect(el.effectiveLayout).to.equal('axis');
    expect(shadow(el).querySelector('ol.lanes')).to.exist;
    expect(itemIds(el)).to.include.members(['las-cruces-emails', 'intercept-ice-facebook']);
    await expect(el).to.be.accessible();
  });

  it('places events in proportion to time and draws ranges as spans', async () => {
    const el = await axis({ view: '2016-12/2018-04' });
    // Where each event is: the edge of its label that its line marks (the far edge where the label runs back).
    const x = (id: string) => {
      const item = shadow(el).querySelector(`[data-id="${id}"]`)!;
      const label = rect(item.querySelector('.event-button')!);
      return item.classList.contains('is-flipped') ? label.right : label.left;
    };
    const jan2017 = x('facebook-us-requests-h1-2017');
    const mar2017 = x('intercept-palantir-icm'); // 2 March 2017
    const dec2017 = x('facebook-transparency-report'); // 18 December 2017
    // 2 March is 60 days after 1 January; 18 December is 351 days after.
    expect((mar2017 - jan2017) / (dec2017 - jan2017)).to.be.closeTo(60 / 351, 0.02);
    const bar = (id: string) => rect(shadow(el).querySelector(`[data-id="${id}"] .bar`)!).width;
    expect(bar('facebook-us-requests-h1-2017')).to.be.above(bar('intercept-palantir-icm') * 5);
  });

  it('never lets two labels or two tick labels overlap', async () => {
    for (const view of [
      '2016-12/2018-04',
      '1985/2019',
      '2017-02/2017-04',
      '2018-03-20/2018-03-31',
      '2017-12-20/2018-08-30',
    ]) {
      const el = await axis({ view });
      expectNoOverlap(
        items(el).map((item) => rect(item.querySelector('.event-button')!)),
        `labels in ${view}`,
      );
      for (const selector of ['.tick:not(.major)', '.tick.major, .pinned-major']) {
        expectNoOverlap([...shadow(el).querySelectorAll(selector)].map(rect), `${selector} in ${view}`);
      }
    }
  });

  it('shows every label whole when showing everything', async () => {
    // The dark theme brings a padding of its own, which the axis must not count as room for labels.
    for (const [spacing, theme] of [['time'], ['even'], ['time', 'dark'], ['even', 'dark']] as const) {
      const el = await axis({ spacing, width: 900, theme });
      el.fit();
      await el.updateComplete;
      const right = viewportRect(el).right + 0.5;
      const drawn = [...shadow(el).querySelectorAll('.item .event-button, .cluster')].map(rect);
      expect(drawn.length, spacing).to.be.above(2);
      for (const box of drawn) {
        expect(box.right, `a label runs off the end (${spacing}, ${theme ?? 'light'} theme)`).to.be.at.most(right);
      }
    }
  });

  it('adapts its ticks to the zoom level', async () => {
    // Which month labels fit depends on the width: the dark theme's padding takes 24 px, and at 876 px March no
    // longer fits after February's short month. So the light theme, also in a run that prefers dark.
    const el = await axis({ view: '1985/2019', theme: 'light' });
    const labels = () => [...shadow(el).querySelectorAll('.tick:not(.major)')].map((tick) => tick.textContent.trim());
    expect(labels()).to.include('2000');
    el.zoomTo('2016-06', '2017-12');
    await el.updateComplete;
    expect(labels()).to.include.members(['Feb', 'Mar']);
    el.zoomTo('2018-03-20', '2018-03-31');
    await el.updateComplete;
    expect(labels()).to.include.members(['26', '27']);
  });

  it('keeps each tick (and its text) while zooming moves it, instead of rewriting every label', async () => {
    const el = await axis({ view: '2017-01/2017-12' });
    const tickNamed = (label: string) =>
      [...shadow(el).querySelectorAll<HTMLElement>('.tick.major')].find((tick) => tick.textContent.trim() === label);
    const june = tickNamed('June 2017')!;
    expect(june).to.exist;
    const before = rect(june).left;
    // A little closer in: the same units, but fewer ticks before the view, so every later tick's index shifts.
    el.zoomTo('2017-02-15', '2017-11-15');
    await el.updateComplete;
    expect(tickNamed('June 2017'), 'the same element').to.equal(june);
    expect(rect(june).left).not.to.be.closeTo(before, 1);
  });

  it('draws a grid line from each minor tick up through the lanes', async () => {
    const el = await axis({ view: '2016-12/2018-04' });
    const viewport = viewportRect(el);
    const ticks = [...shadow(el).querySelectorAll<HTMLElement>('.tick:not(.major)')];
    expect(ticks.length).to.be.above(3);
    for (const tick of ticks) {
      const line = getComputedStyle(tick, '::before');
      // From the tick's top edge to the top of the lanes: the line spans the whole scene above the tick row.
      expect(parseFloat(line.height), tick.textContent).to.be.closeTo(rect(tick).top - viewport.top, 2);
      expect(line.borderInlineStartWidth).to.equal('1px');
    }
  });

  it('draws eras as labelled bands', async () => {
    const el = await axis({ view: '2016-06/2017-08' });
    const eras = [...shadow(el).querySelectorAll('.era-label')].map((label) => label.textContent);
    expect(eras).to.deep.equal(['Obama administration', 'Trump administration']);
    for (const view of ['2016-06/2017-08', '2016-12/2018-04', '2017-01-10/2017-02']) {
      el.zoomTo(...(view.split('/') as [string, string]));
      await el.updateComplete;
      const labels = [...shadow(el).querySelectorAll('.era-label')];
      for (const label of labels) {
        const band = rect(label.parentElement!);
        expect(rect(label).left, `${label.textContent} stays in its band in ${view}`).to.be.at.least(band.left - 0.5);
        expect(rect(label).right).to.be.at.most(band.right + 0.5);
      }
      if (labels.length === 2)
        expect(overlaps(rect(labels[0]), rect(labels[1])), `era labels overlap in ${view}`).to.equal(false);
    }
  });

  it('gathers crowded events into clusters that zoom in when pressed', async () => {
    const el = await axis({ view: '1985/2019', width: 700 });
    const cluster = shadow(el).querySelector<HTMLButtonElement>('.cluster')!;
    expect(cluster, 'a cluster at the 2017–2018 crowd').to.exist;
    // Named after one of its events, the most important: "<headline> and 3 more" as its text or, with no room for
    // that, its tooltip.
    const name = cluster.querySelector('.cluster-title') ? cluster.textContent.trim() : cluster.title;
    const [, title] = /^(.+?)(?: and \d+ more)?$/.exec(name) ?? [];
    const titles = ((await articleData()) as { events: { title: string }[] }).events.map((event) => event.title);
    expect(titles).to.include(title);
    const before = rangeWidth(el);
    cluster.click();
    await el.updateComplete;
    expect(rangeWidth(el)).to.be.below(before / 4);
  });

  it('tells the Detroit case in order on the axis too: the arrest after both 9 March warrants', async () => {
    const el = await axis({ view: '2017-02-25/2017-04-05', width: 1200 });
    const position = (id: string) =>
      Number(shadow(el).querySelector(`.item[data-id="${id}"]`)!.getAttribute('aria-posinset'));
    expect(position('detroit-facebook-warrant')).to.be.below(position('detroit-cell-site-warrant'));
    expect(position('detroit-cell-site-warrant')).to.be.below(position('detroit-arrest'));
    expect(position('intercept-palantir-icm')).to.be.below(position('detroit-facebook-warrant'));
    // Drawn over the weeks it may have been, marked as one day between two.
    const arrest = shadow(el).querySelector('.item[data-id="detroit-arrest"]')!;
    expect(arrest.querySelector('time')!.textContent).to.equal('between 9 and 31 March 2017');
    expect(arrest.querySelector('.mark-between')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('labels the more important of two crowded events, and names a cluster after its most important event', async () => {
    // Three events on three days amid a decade: at one lane, only one of them can be labelled.
    const data = {
      version: 1,
      events: [
        { id: 'start', date: '2010', title: 'Start', importance: 3 },
        { id: 'detail', date: '2017-03-01', title: 'A detail', importance: 1 },
        { id: 'aside', date: '2017-03-02', title: 'An aside', importance: 2 },
        { id: 'arrest', date: '2017-03-03', title: 'Detroit arrest', importance: 5 },
        { id: 'note', date: '2017-03-04', title: 'A note', importance: 1 },
        { id: 'end', date: '2020', title: 'End', importance: 3 },
      ],
    };
    history.replaceState(null, '', location.pathname + location.search);
    const el = await fixture<DateLine>(
      html`<date-line layout="axis" max-lanes="1" breaks="none" .data=${data} style="width: 900px"></date-line>`,
    );
    await settled(el);
    await waitUntil(() => shadow(el).querySelector('.viewport'), 'the axis loads', { timeout: 15000 });
    for (const [start, end] of [
      ['2009-06-01', '2020-06-01'],
      ['2016-01-01', '2018-06-01'],
      ['2017-01-01', '2017-05-01'],
    ]) {
      el.zoomTo(start, end);
      await el.updateComplete;
      expect(itemIds(el), `${start}/${end}`).to.include('arrest').and.not.include('detail').and.not.include('aside');
      const cluster = shadow(el).querySelector<HTMLButtonElement>('.cluster')!;
      // Its name where there is room, its headline shortened first; else its count, and its name as a tooltip.
      if (cluster.querySelector('.cluster-title')) {
        expect(cluster.textContent.trim()).to.equal('An aside and 2 more');
        expect(cluster.querySelector('.cluster-title')!.textContent).to.equal('An aside');
        expect(cluster.title).to.equal('3 more events here; zoom in to see them');
        expect(cluster.getBoundingClientRect().width).to.be.at.most(220 + 1);
      } else {
        expect(cluster.textContent.trim()).to.equal('+3');
        expect(cluster.title).to.equal('An aside and 2 more');
        expect(cluster.getAttribute('aria-label')).to.equal('3 more events here; zoom in to see them');
      }
    }
    expect(shadow(el).querySelector('.cluster .cluster-title'), 'a named marker at one of the zooms').to.exist;
    await expect(el).to.be.accessible();
  });

  it('zooms with its buttons, fires date-line-range-change and announces the range', async () => {
    const el = await axis({ view: '2016/2018' });
    const before = rangeWidth(el);
    const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('.zoom button')];
    const changed = oneEvent<DateLineRangeChangeEvent>(el, 'date-line-range-change');
    buttons.find((button) => button.getAttribute('aria-label') === 'Zoom in')!.click();
    const event = await changed;
    expect(event.detail.start).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
    expect(rangeWidth(el)).to.be.closeTo(before / 2, before * 0.01);
    await el.updateComplete;
    expect(shadow(el).querySelector('.visually-hidden[role="status"]')!.textContent).to.match(/^Showing /);
    buttons.find((button) => button.getAttribute('aria-label') === 'Zoom out')!.click();
    expect(rangeWidth(el)).to.be.closeTo(before, before * 0.01);
    buttons.find((button) => button.textContent.trim() === 'Show all')!.click();
    expect(Date.parse(el.visibleRange!.start)).to.be.below(Date.UTC(1986, 9, 21));
    expect(Date.parse(el.visibleRange!.end)).to.be.above(Date.UTC(2018, 2, 29));
  });

  it('zooms and pans with the keyboard while focus is inside', async () => {
    const el = await axis({ view: '2016/2018' });
    const before = rangeWidth(el);
    items(el)
      .find((item) => item.querySelector('[tabindex="0"]'))!
      .querySelector<HTMLButtonElement>('button')!
      .focus();
    await sendKeys({ press: '+' });
    expect(rangeWidth(el)).to.be.closeTo(before / 2, before * 0.01);
    await sendKeys({ press: '-' });
    await sendKeys({ press: '-' });
    expect(rangeWidth(el)).to.be.closeTo(before * 2, before * 0.01);
    const start = Date.parse(el.visibleRange!.start);
    await sendKeys({ press: 'PageDown' });
    expect(Date.parse(el.visibleRange!.start)).to.be.above(start);
    await sendKeys({ press: '0' });
    expect(Date.parse(el.visibleRange!.start)).to.be.below(Date.UTC(1986, 9, 21));
  });

  it('ignores keys when focus is elsewhere on the page', async () => {
    const el = await axis({ view: '2016/2018' });
    const outside = document.createElement('button');
    outside.textContent = 'outside';
    document.body.append(outside);
    outside.focus();
    const before = el.visibleRange;
    await sendKeys({ press: '+' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.visibleRange).to.deep.equal(before);
    outside.remove();
  });

  it('moves between events with arrows, Home and End, bringing each into view', async () => {
    const el = await axis({ view: '2018-03-15/2018-04-01' });
    const focused = () => shadow(el).activeElement?.closest('[data-id]')?.getAttribute('data-id');
    onScreen(el)[0].querySelector<HTMLButtonElement>('button')!.focus();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focused()).to.equal('stored-communications-act');
    const first = shadow(el).querySelector('[data-id="stored-communications-act"]')!;
    const viewport = viewportRect(el);
    expect(rect(first).left).to.be.within(viewport.left - 1, viewport.right);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused()).to.equal('ice-record-removals-fy2012');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused()).to.equal('wsws-article');
    expect(shadow(el).querySelectorAll('[data-id] button[tabindex="0"]')).to.have.length(1);
  });

  it('reaches an event hidden in a cluster by keyboard, zooming in to it', async () => {
    const el = await axis({ view: '1985/2019', width: 700 });
    const clustered = el.timeline!.events.find((event) => !itemIds(el).includes(event.id))!;
    items(el)[0].querySelector<HTMLButtonElement>('button')!.focus();
    el.select(clustered.id);
    await el.updateComplete;
    expect(itemIds(el)).to.include(clustered.id);
  });

  it('opens an event in a detail panel with previous and next; Escape closes it', async () => {
    const el = await axis({ view: '2016-12/2018-04' });
    shadow(el).querySelector<HTMLButtonElement>('[data-id="las-cruces-emails"] button')!.click();
    await el.updateComplete;
    const panel = shadow(el).querySelector('.panel')!;
    expect(panel.querySelector('h3')!.textContent).to.match(/Las Cruces/);
    expect(panel.textContent).to.match(/February–March 2017/);
    expect(panel.querySelectorAll('.sources a').length).to.be.at.least(2);
    await expect(el).to.be.accessible();
    const [previous, next] = panel.querySelectorAll<HTMLButtonElement>('.panel-nav button');
    next.click();
    await el.updateComplete;
    expect(el.selected).to.equal(
      el.shownEvents[el.shownEvents.findIndex((event) => event.id === 'las-cruces-emails') + 1].id,
    );
    previous.click();
    await el.updateComplete;
    expect(el.selected).to.equal('las-cruces-emails');
    shadow(el).querySelector<HTMLButtonElement>('[data-id="las-cruces-emails"] button')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.selected).to.equal(null);
    expect(shadow(el).querySelector('.panel')).to.equal(null);
  });

  it('pans when dragged with the mouse, without opening the event under the pointer', async () => {
    const el = await axis({ view: '2016-12/2018-04' });
    const viewport = viewportRect(el);
    const y = Math.round(viewport.top + 40);
    const x = Math.round(viewport.left + viewport.width / 2);
    const start = Date.parse(el.visibleRange!.start);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 100, y] });
    await sendMouse({ type: 'move', position: [x + 200, y] });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(Date.parse(el.visibleRange!.start)).to.be.below(start);
    expect(el.selected).to.equal(null);
  });

  it('opens an event on a plain click', async () => {
    const el = await axis({ view: '2016-12/2018-04' });
    const button = rect(shadow(el).querySelector('[data-id="las-cruces-emails"] button')!);
    await sendMouse({ type: 'click', position: [Math.round(button.left + 20), Math.round(button.top + 10)] });
    await el.updateComplete;
    expect(el.selected).to.equal('las-cruces-emails');
  });

  it('zooms with ctrl + wheel and double-click, but lets a plain wheel scroll the page', async () => {
    const el = await axis({ view: '2016/2018' });
    const viewport = shadow(el).querySelector('.viewport')!;
    const box = viewportRect(el);
    const at = {
      clientX: box.left + box.width / 2,
      clientY: box.top + 20,
      bubbles: true,
      cancelable: true,
      composed: true,
    };
    const before = rangeWidth(el);
    const plain = new WheelEvent('wheel', { ...at, deltaY: 120 });
    viewport.dispatchEvent(plain);
    expect(plain.defaultPrevented, 'a vertical wheel is left to the page').to.equal(false);
    expect(rangeWidth(el)).to.equal(before);
    const zoom = new WheelEvent('wheel', { ...at, deltaY: -200, ctrlKey: true });
    viewport.dispatchEvent(zoom);
    expect(zoom.defaultPrevented).to.equal(true);
    expect(rangeWidth(el)).to.be.below(before);
    const sideways = new WheelEvent('wheel', { ...at, deltaX: 200 });
    const start = Date.parse(el.visibleRange!.start);
    viewport.dispatchEvent(sideways);
    expect(sideways.defaultPrevented).to.equal(true);
    expect(Date.parse(el.visibleRange!.start)).to.be.above(start);
    const beforeDouble = rangeWidth(el);
    viewport.dispatchEvent(new MouseEvent('dblclick', at));
    expect(rangeWidth(el)).to.be.closeTo(beforeDouble / 2, beforeDouble * 0.01);
  });

  it('can space events evenly instead of by time', async () => {
    const el = await axis({ spacing: 'even', width: 1200 });
    // Where each event is: the edge of its label that its line marks (the far edge where the label runs back).
    const lefts = onScreen(el).map((item) => {
      const label = rect(item.querySelector('.event-button')!);
      return item.classList.contains('is-flipped') ? label.right : label.left;
    });
    const gaps = lefts.slice(1).map((left, i) => left - lefts[i]);
    expect(gaps.length).to.be.at.least(3);
    for (const gap of gaps) expect(gap).to.be.closeTo(gaps[0], 1);
    await expect(el).to.be.accessible();
  });

  it('gives each group a row when asked', async () => {
    const el = await axis({ view: '2016-12/2018-04', groupRows: true });
    const rows = [...shadow(el).querySelectorAll('.row-label')].map((label) => label.textContent);
    expect(rows).to.deep.equal(['Law', 'ICE operations', 'Palantir', 'Facebook', 'Reporting']);
    // The labels are in the groups' own colours, which must stay readable on the dark ground too.
    await inMediaStates([{ colorScheme: 'light' as const }, { colorScheme: 'dark' as const }], async () => {
      await animationsFinished(el);
      await expect(el).to.be.accessible();
    });
  });

  it('shows how many events lie beyond each edge and pans to the nearest', async () => {
    const el = await axis({ view: '2017-06/2017-09' });
    const before = shadow(el).querySelector<HTMLButtonElement>('.edge-before')!;
    expect(before.getAttribute('aria-label')).to.match(/^\d+ earlier events/);
    before.click();
    await el.updateComplete;
    expect(onScreen(el).map((item) => item.dataset.id)).to.include('detroit-news-report');
  });

  it('switches to the list by its own width, not the window’s', async () => {
    const el = await fixture<DateLine>(
      html`<div style="width: 360px"><date-line src=${ARTICLE_URL}></date-line></div>`,
    ).then((div) => div.querySelector('date-line')!);
    await settled(el);
    await waitUntil(() => el.effectiveLayout === 'list', 'a narrow element shows the list', { timeout: 4000 });
    await el.updateComplete; // the list's part, loaded now that it is needed
    expect(shadow(el).querySelector('ol.list')).to.exist;
    (el.parentElement as HTMLElement).style.width = '900px';
    await waitUntil(() => el.effectiveLayout === 'axis', 'widening switches to the axis', { timeout: 4000 });
    await el.updateComplete;
    expect(shadow(el).querySelector('ol.lanes')).to.exist;
  });
});

describe('axis: locales, direction, themes', () => {
  it('mirrors in right-to-left pages, with Arabic labels', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl" lang="ar" style="width: 900px">
        <date-line src=${ARTICLE_URL} layout="axis" view="2016-12/2018-04"></date-line>
      </div>`,
    );
    const el = wrapper.querySelector('date-line')!;
    await settled(el);
    const x = (id: string) => rect(shadow(el).querySelector(`[data-id="${id}"]`)!).right;
    expect(x('intercept-palantir-icm')).to.be.above(x('facebook-transparency-report'));
    expect([...shadow(el).querySelectorAll('.tick.major')].map((tick) => tick.textContent).join(' ')).to.match(
      /٢٠١٧|2017/,
    );
    expect([...shadow(el).querySelectorAll('.tick')].map((tick) => tick.textContent).join(' ')).to.match(
      /[\u0600-\u06FF]/,
    );
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    const el = await axis({ locale: 'fr', view: '2016-12/2018-04' });
    expect(shadow(el).querySelector('.zoom button')!.getAttribute('aria-label')).to.equal('Zoom arrière');
    expect(shadow(el).querySelector('[data-id="las-cruces-emails"] time')!.textContent).to.equal('février–mars 2017');
  });

  it('follows prefers-color-scheme unless a theme is set', async () => {
    const el = await axis({ view: '2016-12/2018-04' });
    const colours = async (theme: 'light' | 'dark' | undefined) => {
      el.theme = theme;
      await el.updateComplete;
      // Colour transitions would show axe the colours half-way; this test is about where they end.
      await animationsFinished(el);
      const style = getComputedStyle(el);
      return { text: style.color, ground: style.backgroundColor };
    };
    let themes: Record<'light' | 'dark', { text: string; ground: string }> | undefined;
    // Both colour schemes in Chromium and Firefox; in WebKit, which cannot emulate media, the scheme of the run.
    await inMediaStates(
      [{ colorScheme: 'light' as const }, { colorScheme: 'dark' as const }],
      async ({ colorScheme }) => {
        const set = { light: await colours('light'), dark: await colours('dark') };
        expect(set.dark.text).not.to.equal(set.light.text);
        expect(set.dark.ground, 'a dark theme brings its own dark ground').not.to.equal('rgba(0, 0, 0, 0)');
        if (themes) expect(set, 'a set theme does not follow prefers-color-scheme').to.deep.equal(themes);
        themes = set;
        expect(await colours(undefined), `no theme follows prefers-color-scheme: ${colorScheme}`).to.deep.equal(
          set[colorScheme],
        );
        await expect(el).to.be.accessible();
        await colours(colorScheme === 'light' ? 'dark' : 'light');
        await expect(el).to.be.accessible();
      },
    );
  });

  it('turns animation off for readers who ask for reduced motion', async () => {
    const el = await axis({ view: '2016-12/2018-04' });
    const button = shadow(el).querySelector('.event-button')!;
    // Both preferences in Chromium and Firefox; in WebKit, which cannot emulate media, the preference of the run.
    await inMediaStates(
      [{ reducedMotion: 'no-preference' as const }, { reducedMotion: 'reduce' as const }],
      ({ reducedMotion }) => {
        const duration = getComputedStyle(button).transitionDuration;
        if (reducedMotion === 'reduce') expect(duration).to.equal('0s');
        else expect(duration).not.to.equal('0s');
      },
    );
  });

  it('prints a plain chronological list with every event open', async () => {
    const el = await axis({ view: '2016-12/2018-04' });
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect(el.effectiveLayout).to.equal('list');
    expect(shadow(el).querySelectorAll('.list [part~="detail"]')).to.have.length(20);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(el.effectiveLayout).to.equal('axis');
  });
});

describe('filters', () => {
  it('filters by group and tag, with counts, by keyboard', async () => {
    const el = await axis({ view: '1985/2019' });
    const details = shadow(el).querySelector<HTMLDetailsElement>('details.filters')!;
    const summary = details.querySelector('summary')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.equal(true);
    await waitUntil(() => details.querySelector('fieldset'), 'the filter panel loads when opened', { timeout: 8000 });
    await expect(el).to.be.accessible();
    const option = (text: string) =>
      [...details.querySelectorAll('label')].find((label) => label.textContent.includes(text))!;
    expect(option('Palantir').textContent).to.match(/\(1\)/);
    option('Palantir').querySelector('input')!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.shownEvents.map((event) => event.id)).to.deep.equal(['palantir-icm-contract']);
    option('Facebook').querySelector('input')!.click();
    await el.updateComplete;
    expect(el.shownEvents.every((event) => ['palantir', 'facebook'].includes(event.group!.id))).to.equal(true);
    el.filters = { groups: [], tags: ['correction'] };
    await el.updateComplete;
    expect(el.shownEvents.map((event) => event.id)).to.deep.equal(['intercept-correction']);
    el.filters = { groups: [], tags: [] };
    await el.updateComplete;
    expect(el.shownEvents).to.have.length(20);
  });

  it('applies the same filters to the list', async () => {
    const el = await fixture<DateLine>(
      html`<date-line src=${ARTICLE_URL} layout="list" .filters=${{ groups: ['reporting'], tags: [] }}></date-line>`,
    );
    await settled(el);
    const shown = [...shadow(el).querySelectorAll('li[data-id]')].map((item) => item.getAttribute('data-id'));
    expect(shown.length).to.equal(el.timeline!.events.filter((event) => event.group?.id === 'reporting').length);
  });
});

describe('deep links', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('gives each event a link and keeps the URL on the open event', async () => {
    const el = await axis({ id: 'ice', view: '2016-12/2018-04' });
    el.select('las-cruces-emails');
    expect(location.hash).to.equal('#ice/las-cruces-emails');
    await el.updateComplete;
    expect(shadow(el).querySelector<HTMLAnchorElement>('.panel .permalink')!.getAttribute('href')).to.equal(
      '#ice/las-cruces-emails',
    );
    el.select(null);
    expect(location.hash).to.equal('');
  });

  it('opens the linked event on load, and on hash change, in the right instance only', async () => {
    history.replaceState(null, '', '#second/wsws-article');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <date-line id="first" src=${ARTICLE_URL} layout="list"></date-line>
        <date-line id="second" src=${ARTICLE_URL} layout="list"></date-line>
      </div>`,
    );
    const [first, second] = [...wrapper.querySelectorAll('date-line')];
    await settled(first);
    await settled(second);
    await waitUntil(() => second.selected === 'wsws-article', 'the linked event opens', { timeout: 4000 });
    expect(first.selected).to.equal(null);
    location.hash = '#first/las-cruces-emails';
    await waitUntil(() => first.selected === 'las-cruces-emails', 'hashchange opens it', { timeout: 4000 });
    expect(second.selected).to.equal('wsws-article');
  });

  it('leaves the host page’s own hash alone', async () => {
    const el = await axis({ id: 'ice', view: '2016-12/2018-04' });
    history.replaceState(null, '', '#section-3');
    el.select('las-cruces-emails');
    expect(location.hash).to.equal('#section-3');
  });
});

it('reads the article data', async () => {
  expect(((await articleData()) as { events: unknown[] }).events).to.have.length(20);
});
