import { expect, waitUntil } from '@open-wc/testing';
import type { DateLine } from '../../src/date-line.js';
import { genericPageHtml } from '../../src/embed/page.js';
import { ARTICLE_URL, articleData } from '../helpers.js';

// The generic page, dist/embed.html (genericPageHtml: the build writes it with the script-tag file beside it), here
// with the element from the sources and a trap for anything a hostile parameter might run. Its parameters are the
// element's attributes; what would catch its bugs: the element it makes, attribute by attribute, and what a bad
// parameter leaves on the page (a message as text, nothing run, no request to an address it refused).

type PageWindow = Window & { caught: string[] };

/** The page, stored once on this server with the trap first in its head. */
let pageUrl: Promise<string> | undefined;
function storedPage(): Promise<string> {
  pageUrl ??= (async () => {
    const trap =
      '<script>window.caught = []; window.__xss = (tag) => caught.push(String(tag)); ' +
      "window.alert = (text) => caught.push('alert ' + text);</script>";
    const html = genericPageHtml('/src/index.ts').replace('<head>', `<head>\n${trap}`);
    await fetch('/__test__/cross-origin/pages/generic.html', { method: 'POST', body: html });
    return '/__test__/cross-origin/pages/generic.html';
  })();
  return pageUrl;
}

const frames: HTMLIFrameElement[] = [];
async function open(query: string): Promise<{ win: PageWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 700px; height: 500px; border: 0; display: block';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${await storedPage()}?${query}`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  await waitUntil(() => win.customElements.get('date-line'), 'the element is defined', { timeout: 20_000 });
  return { win, doc: frame.contentDocument! };
}

const notice = (doc: Document) => doc.querySelector<HTMLElement>('[data-date-line-message]')!;

/** Waits for the message that a parameter is wrong, and checks it says so as text, running nothing. */
async function refused(query: string, words: RegExp): Promise<Document> {
  const { win, doc } = await open(query);
  await waitUntil(() => !notice(doc).hidden, `a message for ${query}`, { timeout: 5000 });
  expect(notice(doc).textContent).to.match(words);
  expect(notice(doc).children, 'the message is text').to.have.length(0);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(win.caught, 'nothing ran').to.deep.equal([]);
  return doc;
}

describe('the generic page (dist/embed.html)', () => {
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  it('makes the element from the parameters that are its attributes, and opens ?event=', async function () {
    this.timeout(30_000);
    const data = (await articleData()) as { events: { id: string }[] };
    const id = data.events[15].id;
    const query = new URLSearchParams({
      src: ARTICLE_URL,
      layout: 'list',
      theme: 'dark',
      locale: 'de',
      'group-rows': 'true',
      timeout: '9000',
      event: id,
      utm_source: 'newsletter', // the host's own: not the element's
    });
    const { doc } = await open(query.toString());
    const element = doc.querySelector<DateLine>('body > date-line')!;
    expect(element).to.exist;
    const given = { src: ARTICLE_URL, layout: 'list', theme: 'dark', locale: 'de', 'group-rows': '', timeout: '9000' };
    for (const [name, value] of Object.entries(given)) expect(element.getAttribute(name), name).to.equal(value);
    expect(element.hasAttribute('utm_source')).to.equal(false);
    expect(element.timeout).to.equal(9000);
    await waitUntil(() => element.selected === id, 'the event opens', { timeout: 15_000 });
    const heading = () =>
      element.shadowRoot!.querySelector(`[data-id="${id}"] .event-heading`)!.getBoundingClientRect();
    await waitUntil(() => heading().top >= 0 && heading().bottom <= 500, 'and is in view', { timeout: 5000 });
    expect(notice(doc).hidden).to.equal(true);
  });

  it('gives a right-to-left language its direction', async function () {
    this.timeout(20_000);
    const { doc } = await open(`src=${ARTICLE_URL}&locale=ar`);
    expect(doc.querySelector('date-line')!.getAttribute('dir')).to.equal('rtl');
  });

  it('shows a message for a src that is not an http(s) address, and makes no element', async function () {
    this.timeout(30_000);
    for (const src of [
      "javascript:window.__xss('src')",
      'data:application/json,{"version":1,"events":[]}',
      ' javascript:alert(1)',
      'vbscript:msgbox(1)',
    ]) {
      const doc = await refused(`src=${encodeURIComponent(src)}`, /src parameter must be an http: or https: address/);
      expect(doc.querySelector('date-line'), src).to.equal(null);
    }
    const none = await refused('layout=list', /add \?src=/);
    expect(none.querySelector('date-line')).to.equal(null);
  });

  it('shows a message for each value the element would not take, and leaves that attribute out', async function () {
    this.timeout(40_000);
    const cases: [string, string, RegExp][] = [
      [
        'layout',
        "<script>window.__xss('layout')</script>",
        /layout parameter must be auto, axis, list, story, not “<script>/,
      ],
      ['theme', '"><img src=x onerror=window.__xss(1)>', /theme parameter must be light, dark/],
      ['locale', 'not a tag!!', /locale parameter must be a language tag/],
      ['refresh', 'soon', /refresh parameter must be a number/],
      ['group-rows', 'maybe', /group-rows parameter is on/],
      ['view', 'x'.repeat(5000), /view parameter is too long \(5000 characters\)/],
    ];
    for (const [name, value, words] of cases) {
      const doc = await refused(`src=${encodeURIComponent(ARTICLE_URL)}&${name}=${encodeURIComponent(value)}`, words);
      const element = doc.querySelector('date-line')!;
      expect(element.getAttribute(name), name).not.to.equal(value); // left out (or the element's own default)
      expect(element.getAttribute('src'), 'the rest still makes the timeline').to.equal(ARTICLE_URL);
    }
  });

  it('shows the element’s own error for a src it cannot read', async function () {
    this.timeout(20_000);
    const { doc } = await open('src=/__test__/status/404');
    const element = doc.querySelector<DateLine>('date-line')!;
    await waitUntil(() => element.shadowRoot?.querySelector('[part~="error"]'), 'the error box', { timeout: 10_000 });
    expect(element.errors[0].message).to.match(/404/);
    expect(notice(doc).hidden).to.equal(true);
  });
});
