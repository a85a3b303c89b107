import { expect, waitUntil } from '@open-wc/testing';
import type { DateLine } from '../../src/date-line.js';

// Guards: the element works on a page with a strict Content Security Policy and Trusted Types enforced
// (test/server/middleware.mjs, STRICT_CSP: default-src 'self'; script-src 'self'; style-src 'self';
// require-trusted-types-for 'script'). The page is served by our middleware, ahead of the dev server's own
// transforms, so nothing inline is injected into it; its module script, /src/index.ts, is compiled by the dev
// server and comes from 'self' like the lazily loaded axis, locales and importers. Any inline style attribute
// (a `style="…"` set by string, as Lit's styleMap does on its first render), innerHTML without a Trusted Types
// policy, eval or inline script fires a securitypolicyviolation event, which the page's probe records.

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}
type CspWindow = Window & { __violations: Violation[] };

async function openCspPage(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '900px';
  frame.src = '/__test__/csp/page.html';
  const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('a page with a strict CSP and Trusted Types', () => {
  let frame: HTMLIFrameElement;
  let win: CspWindow;
  let axisEl: DateLine;
  let listEl: DateLine;

  before(async function () {
    // The first load of the axis module graph through the dev server (date-fns is hundreds of small modules)
    // can take several seconds on a busy machine.
    this.timeout(30000);
    frame = await openCspPage();
    win = frame.contentWindow as CspWindow;
    const doc = frame.contentDocument!;
    await waitUntil(() => win.customElements.get('date-line'), 'date-line was never defined', { timeout: 25000 });
    axisEl = doc.querySelector<DateLine>('#axis')!;
    listEl = doc.querySelector<DateLine>('#list')!;
    await waitUntil(
      () => axisEl.shadowRoot?.querySelector('.axis li[data-id]') && listEl.shadowRoot?.querySelector('li[data-id]'),
      'the timelines never rendered',
      { timeout: 25000 },
    );
    await axisEl.updateComplete;
  });

  after(() => frame.remove());

  it('is served with the policy and enforces it (an inline style attribute is refused)', async () => {
    // Proves the probe and the policy are live, so "no violations" below means something.
    const doc = frame.contentDocument!;
    const probe = doc.createElement('div');
    probe.setAttribute('style', 'width: 123px');
    doc.body.append(probe);
    await waitUntil(() => win.__violations.length > 0, 'no violation reported for an inline style', { timeout: 3000 });
    expect(win.__violations[0].directive).to.match(/^style-src/);
    expect(probe.getBoundingClientRect().width).not.to.equal(123);
    // Trusted Types: where the engine implements them (Chromium does), the policy must be enforced too; in an
    // engine without them, the rest of this file still tests the CSP.
    if ('trustedTypes' in win) {
      // The error comes from the frame's realm, so its class is the frame's TypeError: compare by name.
      let refused: unknown;
      try {
        probe.innerHTML = '<b>x</b>';
      } catch (error) {
        refused = error;
      }
      expect((refused as Error | undefined)?.name, 'Trusted Types should refuse innerHTML from a string').to.equal(
        'TypeError',
      );
      await waitUntil(
        () => win.__violations.some((violation) => violation.directive === 'require-trusted-types-for'),
        'no violation reported for innerHTML',
        { timeout: 3000 },
      );
    }
    probe.remove();
    win.__violations.length = 0;
  });

  it('renders the article on the axis, with every item placed by the CSSOM', () => {
    const root = axisEl.shadowRoot!;
    expect(axisEl.effectiveLayout).to.equal('axis');
    expect(axisEl.timeline!.events).to.have.length(20);
    // The axis's own styles arrive as a constructed style sheet, which style-src 'self' allows.
    expect(root.adoptedStyleSheets.length).to.be.at.least(2);
    expect(getComputedStyle(root.querySelector('.viewport')!).position).not.to.equal('static');
    // Positions are inline styles; a refused style attribute would leave every item at the same place.
    const items = [...root.querySelectorAll<HTMLElement>('.axis li[data-id]')];
    expect(items.length).to.be.greaterThan(2);
    for (const item of items) expect(item.style.translate, item.dataset.id).to.match(/px/);
    const lefts = new Set(items.map((item) => Math.round(item.getBoundingClientRect().left)));
    expect(lefts.size).to.be.greaterThan(1);
    expect(root.querySelector<HTMLElement>('.viewport')!.style.height).to.match(/px$/);
  });

  it('reads a CSV file through the lazily loaded importers', () => {
    expect(listEl.errors).to.deep.equal([]);
    expect(listEl.shadowRoot!.querySelectorAll('li[data-id]').length).to.be.greaterThan(0);
  });

  it('selects an event, opens its detail and moves on with the keyboard handler', async () => {
    const first = axisEl.shadowRoot!.querySelector<HTMLButtonElement>('.axis li[data-id] .event-button')!;
    const id = first.closest<HTMLElement>('li')!.dataset.id!;
    first.click();
    await axisEl.updateComplete;
    expect(axisEl.selected).to.equal(id);
    const panel = axisEl.shadowRoot!.querySelector('[part~="detail"]')!;
    expect(panel.textContent).to.include(axisEl.timeline!.events.find((event) => event.id === id)!.title);
    expect(axisEl.next()).to.equal(true);
    await axisEl.updateComplete;
    expect(axisEl.selected).not.to.equal(id);
    axisEl.zoomIn();
    await axisEl.updateComplete;
    const button = listEl.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id] .event-button')!;
    button.click();
    await listEl.updateComplete;
    expect(listEl.shadowRoot!.querySelector('[part~="detail"]')).to.exist;
  });

  // Media from other sites are the page's to allow (img-src, media-src, frame-src: see the README's "Media"); these
  // load nothing until pressed, so the policy has nothing to refuse.
  it('shows media in their boxes: players behind facades, a card, quotations', async () => {
    const mediaEl = frame.contentDocument!.querySelector<DateLine>('#media')!;
    await waitUntil(() => mediaEl.timeline, 'the media timeline never loaded', { timeout: 10000 });
    const shown: Record<string, string> = {
      'YouTube Videos': 'button.facade',
      'Spotify, Track': 'button.facade',
      PDF: 'button.facade',
      Bluesky: 'a.media-card',
      Blockquote: 'blockquote',
      'Twitter Embed': 'blockquote',
    };
    for (const [title, selector] of Object.entries(shown)) {
      mediaEl.select(mediaEl.timeline!.events.find((event) => event.title === title)!.id);
      await mediaEl.updateComplete;
      const figure = mediaEl.shadowRoot!.querySelector('[part~="detail"] figure.media')!;
      expect(figure.querySelector(selector), title).to.exist;
      // Sized by the part's constructed style sheet, not by an inline style (which the policy refuses).
      const box = figure.querySelector('.media-box');
      if (box) expect(box.getBoundingClientRect().height, title).to.be.greaterThan(140);
    }
  });

  it('caused no policy violation at all', async () => {
    // Runs last: everything above rendered, selected, zoomed and loaded chunks under the policy.
    await new Promise((done) => setTimeout(done, 100));
    expect(JSON.stringify(win.__violations)).to.equal('[]');
  });
});
