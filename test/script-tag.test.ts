import { expect, waitUntil } from '@open-wc/testing';

/**
 * The way an article embeds date-line: a plain HTML page with one <script type="module"> from another origin
 * (as from a CDN) and <date-line src="data/…json"> relative to the page. The page is served by the test server
 * and the script-tag file, built from the current sources, by a second server on another port
 * (test/server/cross-origin.mjs). The page holds no test code; this test looks into it through an iframe.
 */
describe('the script-tag file, loaded from another origin', () => {
  let frame: HTMLIFrameElement;
  let win: Window & { loads?: string[] };
  let doc: Document;

  before(async function () {
    this.timeout(90_000); // the first request builds the script-tag file
    frame = document.createElement('iframe');
    frame.title = 'An article page';
    frame.style.cssText = 'width: 1100px; height: 1400px; border: 0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/__test__/cross-origin/page.html';
    document.body.append(frame);
    await loaded;
    win = frame.contentWindow as typeof win;
    doc = frame.contentDocument!;
    await waitUntil(() => (win.loads?.length ?? 0) >= 2, 'the two timelines never loaded', { timeout: 20_000 });
  });

  after(() => frame.remove());

  const element = (id: string) => doc.getElementById(id)!;
  const root = (id: string) => element(id).shadowRoot!;

  it('comes from a different origin than the page', () => {
    const script = doc.querySelector<HTMLScriptElement>('script[type="module"]')!;
    expect(new URL(script.src).origin).to.not.equal(win.location.origin);
    expect(new URL(script.src).pathname).to.equal('/dist/date-line.bundled.js');
  });

  it('defines <date-line> and loads both timelines without errors', () => {
    expect(win.customElements.get('date-line')).to.be.a('function');
    expect(win.loads).to.have.members(['axis', 'list']);
  });

  it('resolves src against the page, not against the script', async () => {
    const log = (await (await fetch('/__test__/cross-origin/log')).json()) as { page: string[]; script: string[] };
    expect(log.page).to.include('/__test__/cross-origin/data/ice-facebook-palantir.json');
    expect(log.script.filter((path) => path.includes('data/'))).to.deep.equal([]);
  });

  it('shows the article timeline on a time axis, whose code came on demand from the script origin', async () => {
    // The axis draws the events that fit the view and gathers the rest into "+N" clusters.
    await waitUntil(() => root('axis').querySelectorAll('[part~="axis"] [part~="event"]').length > 0, 'no axis', {
      timeout: 10_000,
    });
    expect(root('axis').querySelector('[part~="title"]')!.textContent).to.contain('ICE');
    expect((element('axis') as HTMLElement & { timeline: { events: unknown[] } }).timeline.events).to.have.length(20);
    expect(root('axis').querySelectorAll('.ticks .tick').length).to.be.greaterThan(2);
    const log = (await (await fetch('/__test__/cross-origin/log')).json()) as { script: string[] };
    expect(log.script.some((path) => /^\/dist\/date-line\.axis-[\w-]+\.js$/.test(path))).to.be.true;
  });

  it('shows the article timeline as a list in a narrow column', () => {
    const items = root('list').querySelectorAll('ol[part~="events"] > li[part~="event"]');
    expect(items).to.have.length(20);
    expect(root('list').querySelector('[part~="axis"]')).to.equal(null);
  });
});
