import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DateLine } from '../../src/date-line.js';
import { ARTICLE_URL, detail, eventButton, settled, shadow } from '../helpers.js';
import { warmAxis } from './warm.js';

// Guards: instances on one page share nothing (selection, keyboard focus and handling, deep links, ids), the
// host page's CSS cannot break the element (shadow DOM, its own font size and line height), and the element's
// styles cannot reach the page (no global style sheets; its class names style nothing outside).

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const clearHash = () => history.replaceState(history.state, '', `${location.pathname}${location.search}`);

async function threeInstances(layout: 'list' | 'axis'): Promise<DateLine[]> {
  const wrapper = await fixture<HTMLElement>(
    html`<div style="width: 1000px">
      <date-line id="one" layout=${layout} src=${ARTICLE_URL} locale="en-GB"></date-line>
      <date-line id="two" layout=${layout} src=${ARTICLE_URL} locale="en-GB"></date-line>
      <date-line id="three" layout=${layout} src=${ARTICLE_URL} locale="en-GB"></date-line>
    </div>`,
  );
  const elements = [...wrapper.querySelectorAll<DateLine>('date-line')];
  for (const el of elements) await settled(el);
  if (layout === 'axis')
    for (const el of elements)
      await waitUntil(() => shadow(el).querySelector('.axis li[data-id]'), 'no axis', { timeout: 8000 });
  return elements;
}

/** Which event button holds each instance's tab stop. */
const tabStops = (elements: DateLine[]) =>
  elements.map((el) => shadow(el).querySelector<HTMLElement>('.event-button[tabindex="0"]')?.closest('li')?.dataset.id);

describe('several instances on one page', () => {
  warmAxis();
  beforeEach(clearHash);
  afterEach(clearHash);

  it('select independently', async () => {
    const [one, two, three] = await threeInstances('list');
    eventButton(one, 'las-cruces-emails').click();
    await one.updateComplete;
    two.select('wsws-article');
    await two.updateComplete;
    expect([one.selected, two.selected, three.selected]).to.deep.equal(['las-cruces-emails', 'wsws-article', null]);
    expect(detail(three)).to.equal(null);
    one.select(null);
    await one.updateComplete;
    expect([one.selected, two.selected]).to.deep.equal([null, 'wsws-article']);
  });

  for (const layout of ['list', 'axis'] as const) {
    it(`keep keyboard focus and keys to the instance that has focus (${layout})`, async () => {
      const elements = await threeInstances(layout);
      const [one, two, three] = elements;
      two.select('wsws-article');
      await two.updateComplete;
      const before = tabStops(elements);
      const buttons = () => [...shadow(one).querySelectorAll<HTMLButtonElement>('li[data-id] .event-button')];
      const start = shadow(one).querySelector<HTMLButtonElement>('.event-button[tabindex="0"]')!;
      start.focus();
      for (const key of ['ArrowRight', 'ArrowDown', 'ArrowRight', 'End', 'Home', 'ArrowRight', 'Enter']) {
        await sendKeys({ press: key });
        await one.updateComplete;
      }
      expect(document.activeElement).to.equal(one);
      expect(buttons()).to.include(shadow(one).activeElement);
      expect(one.selected, 'Enter opened an event in the focused instance').to.be.a('string');
      // Escape closes only the focused instance's event.
      await sendKeys({ press: 'Escape' });
      await one.updateComplete;
      expect(one.selected).to.equal(null);
      expect(two.selected).to.equal('wsws-article');
      expect(three.selected).to.equal(null);
      const after = tabStops(elements);
      expect(after[1]).to.equal(before[1]);
      expect(after[2]).to.equal(before[2]);
      if (layout === 'axis') {
        const ranges = [two.visibleRange, three.visibleRange];
        shadow(one).querySelector<HTMLButtonElement>('.event-button[tabindex="0"]')!.focus();
        await sendKeys({ press: '+' });
        await sendKeys({ press: 'PageDown' });
        await one.updateComplete;
        expect([two.visibleRange, three.visibleRange]).to.deep.equal(ranges);
      }
    });
  }

  it('have deep links of their own, by id', async () => {
    const [one, two, three] = await threeInstances('list');
    one.select('las-cruces-emails');
    await one.updateComplete;
    expect(location.hash).to.equal('#one/las-cruces-emails');
    // The hash belongs to `one` now: another instance's selection leaves it alone.
    two.select('wsws-article');
    await two.updateComplete;
    expect(location.hash).to.equal('#one/las-cruces-emails');
    one.select(null);
    await one.updateComplete;
    expect(location.hash).to.equal('');
    // A link to an event of `three` opens it there, and only there.
    location.hash = '#three/palantir-icm-contract';
    await waitUntil(() => three.selected === 'palantir-icm-contract', 'the linked instance did not open the event');
    await sleep(50);
    expect(one.selected).to.equal(null);
    expect(two.selected).to.equal('wsws-article');
    // An element's permalink names that element.
    const permalinkOwner = await fixture<DateLine>(
      html`<date-line
        id="permalinks"
        layout="axis"
        src=${ARTICLE_URL}
        locale="en-GB"
        style="width: 1000px"
      ></date-line>`,
    );
    await settled(permalinkOwner);
    await waitUntil(() => shadow(permalinkOwner).querySelector('.axis'), 'no axis', { timeout: 8000 });
    permalinkOwner.select('wsws-article');
    await permalinkOwner.updateComplete;
    expect(shadow(permalinkOwner).querySelector('.permalink')!.getAttribute('href')).to.equal(
      '#permalinks/wsws-article',
    );
  });

  it('keep their ids inside their own shadow roots, where every reference resolves', async () => {
    const elements = await threeInstances('axis');
    for (const el of elements) {
      el.select('las-cruces-emails');
      await el.updateComplete;
    }
    const lightIds = [...document.querySelectorAll('[id]')].map((node) => node.id);
    expect(new Set(lightIds).size).to.equal(lightIds.length);
    for (const el of elements) {
      const root = shadow(el);
      const ids = [...root.querySelectorAll('[id]')].map((node) => node.id);
      expect(ids.length).to.be.greaterThan(0);
      expect(new Set(ids).size, 'ids unique within the shadow root').to.equal(ids.length);
      for (const id of ids) expect(document.getElementById(id), `#${id} leaked to the page`).to.equal(null);
      for (const node of root.querySelectorAll('[aria-controls], [aria-labelledby], [aria-describedby]')) {
        for (const attribute of ['aria-controls', 'aria-labelledby', 'aria-describedby']) {
          for (const ref of (node.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean))
            expect(root.getElementById(ref), `${attribute}="${ref}"`).to.exist;
        }
      }
    }
  });
});

describe('the host page’s CSS', () => {
  // A page that resets every element (`* { all: unset }`, as some CSS resets do) also unsets the host's own
  // :host styles (the page's rules win over :host), so the host becomes an inline box with the page's
  // inherited text styles; whatever is inside the shadow root keeps its own styles. The rules that hide
  // buttons, list items and paragraphs stand for a page's own styles for those elements: none reaches inside.
  let style: HTMLStyleElement;
  before(() => {
    style = document.createElement('style');
    style.textContent = `
      html { font-size: 10px; }
      .hostile-page, .hostile-page * { all: unset; }
      .hostile-page {
        display: block;
        font-family: "Comic Sans MS", "Papyrus", fantasy;
        letter-spacing: 0.3em;
        text-transform: uppercase;
      }
      .hostile-page button, .hostile-page li, .hostile-page ol, .hostile-page section, .hostile-page p,
      .hostile-page h2, .hostile-page h3, .hostile-page time {
        display: none !important;
        visibility: hidden !important;
        font-size: 0 !important;
      }`;
    document.head.append(style);
  });
  after(() => style.remove());

  async function renderInHostilePage(layout: 'list' | 'axis' | 'auto', width: number): Promise<DateLine> {
    const wrapper = await fixture<HTMLElement>(
      html`<div class="hostile-page" style=${`width: ${width}px`}>
        <date-line layout=${layout} src=${ARTICLE_URL} locale="en-GB"></date-line>
      </div>`,
    );
    const el = wrapper.querySelector<DateLine>('date-line')!;
    await settled(el);
    return el;
  }

  for (const layout of ['list', 'axis'] as const) {
    it(`does not break the element: events readable, sized and accessible (${layout})`, async () => {
      const el = await renderInHostilePage(layout, 900);
      expect(getComputedStyle(el).display, 'the reset did apply to the host').to.equal('inline');
      if (layout === 'axis')
        await waitUntil(() => shadow(el).querySelector('.axis li[data-id]'), 'no axis', { timeout: 8000 });
      el.select('las-cruces-emails');
      await el.updateComplete;
      const root = shadow(el);
      const readable = (node: Element | null, what: string) => {
        expect(node, what).to.exist;
        const computed = getComputedStyle(node!);
        const box = node!.getBoundingClientRect();
        expect(computed.display, what).not.to.equal('none');
        expect(computed.visibility, what).to.equal('visible');
        // Not zero, as the page's `font-size: 0 !important` for these elements would make it. (Small, though:
        // the element scales with the root font size, 10px here, and axis dates are 0.75em of that.)
        expect(parseFloat(computed.fontSize), `${what} font size`).to.be.at.least(7);
        expect(box.width, `${what} width`).to.be.greaterThan(10);
        expect(box.height, `${what} height`).to.be.greaterThan(5);
      };
      readable(root.querySelector('.title'), 'the title');
      const buttons = [...root.querySelectorAll('li[data-id] .event-button')];
      expect(buttons.length).to.be.greaterThan(layout === 'list' ? 19 : 3);
      for (const button of buttons.slice(0, 5)) {
        readable(button, 'an event button');
        readable(button.querySelector('.headline'), 'an event title');
        readable(button.querySelector('time'), 'an event date');
      }
      readable(detail(el), 'the open event');
      readable(detail(el)!.querySelector('.sources li'), 'a source');
      // The axis stays inside the page's column.
      if (layout === 'axis') expect(root.querySelector('.axis')!.getBoundingClientRect().width).to.be.at.most(900);
      await expect(el).to.be.accessible();
    });
  }

  it('still chooses the layout by its width when the page makes it inline', async () => {
    // An inline host has no width of its own; the size controller then measures what it renders.
    const narrow = await renderInHostilePage('auto', 400);
    await waitUntil(() => narrow.effectiveLayout === 'list', 'a 400px column shows the list', { timeout: 3000 });
    await narrow.updateComplete;
    expect(shadow(narrow).querySelector('.events.list')).to.exist;
    const wide = await renderInHostilePage('auto', 1000);
    await waitUntil(() => wide.effectiveLayout === 'axis', 'a 1000px column shows the axis', { timeout: 3000 });
    await waitUntil(() => shadow(wide).querySelector('.axis'), 'no axis', { timeout: 8000 });
    expect(shadow(wide).querySelector('.axis')!.getBoundingClientRect().width).to.be.at.most(1000);
    // And follows its column when that changes.
    wide.parentElement!.style.width = '420px';
    await waitUntil(() => wide.effectiveLayout === 'list', 'the list after the column narrowed', { timeout: 3000 });
  });

  it('uses the page’s font, as documented (`--date-line-font-family: inherit`), at the root font size', async () => {
    const el = await renderInHostilePage('list', 900);
    const headline = shadow(el).querySelector('.headline')!;
    expect(getComputedStyle(headline).fontFamily).to.include('Comic Sans MS');
    // The reset unsets the host's own font-size; it inherits the page's, as any inline element does.
    expect(parseFloat(getComputedStyle(headline).fontSize)).to.be.at.least(8);
  });
});

describe('the element’s styles stay inside it', () => {
  const INTERNAL_CLASSES = [
    'base',
    'title',
    'toolbar',
    'tool',
    'zoom',
    'events',
    'list',
    'lanes',
    'event',
    'item',
    'event-button',
    'headline',
    'date',
    'marker',
    'detail',
    'panel',
    'axis',
    'viewport',
    'scene',
    'ticks',
    'tick',
    'status',
    'error',
    'visually-hidden',
    'badge',
    'filters',
    'sources',
    'permalink',
    'is-selected',
  ];

  it('adds no style sheet to the page, and its class names style nothing outside', async () => {
    const sheets = document.styleSheets.length;
    const adopted = document.adoptedStyleSheets.length;
    const probe = await fixture<HTMLElement>(
      html`<div>
        <div class="control">
          <button type="button">x</button>
          <p>text</p>
        </div>
        <div class=${INTERNAL_CLASSES.join(' ')}>
          <button type="button" class=${INTERNAL_CLASSES.join(' ')}>x</button>
          <p class=${INTERNAL_CLASSES.join(' ')}>text</p>
        </div>
        <date-line id="styled" layout="axis" src=${ARTICLE_URL} locale="en-GB" style="width: 1000px"></date-line>
      </div>`,
    );
    const el = probe.querySelector<DateLine>('date-line')!;
    await settled(el);
    await waitUntil(() => shadow(el).querySelector('.axis'), 'no axis', { timeout: 8000 });
    el.select('las-cruces-emails');
    shadow(el).querySelector<HTMLDetailsElement>('details.filters')!.open = true;
    await waitUntil(() => shadow(el).querySelector('.filter-panel'), 'no filter panel');
    expect(document.styleSheets.length).to.equal(sheets);
    expect(document.adoptedStyleSheets.length).to.equal(adopted);
    const [control, classed] = [...probe.children] as HTMLElement[];
    const pairs: [Element, Element][] = [
      [control, classed],
      [control.children[0], classed.children[0]],
      [control.children[1], classed.children[1]],
    ];
    for (const [plain, lookalike] of pairs) {
      const a = getComputedStyle(plain);
      const b = getComputedStyle(lookalike);
      const differences = [...a].filter((property) => a.getPropertyValue(property) !== b.getPropertyValue(property));
      expect(differences, lookalike.localName).to.deep.equal([]);
    }
  });
});
