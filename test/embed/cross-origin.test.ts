import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/date-line.js';
import type { DateLine } from '../../src/date-line.js';
import { genericPageHtml, iframeHtml, pageHtml } from '../../src/embed/page.js';
import type { Layout, TimelineData } from '../../src/model/index.js';
import { articleData, settled } from '../helpers.js';

// A timeline in an iframe, as a host page shows it: the host page on this server's origin, the timeline's page
// (`date-line html --page`, with the script-tag file built from the current sources) on a second origin, and a
// stranger on a third (test/server/cross-origin.mjs). The host page holds nothing but the `--iframe` snippet (and,
// where the test says, embed-host.js). The frame's page carries one addition, a probe that answers this test window
// (never the host): what its reader sees, what scrolls, what is open.

interface Origins {
  frame: string;
  third: string;
}

/** What the probe in a frame reports. */
interface Metrics {
  loaded: boolean;
  layout: string;
  /** Events drawn, and how many of them a reader can bring into the frame's view by scrolling. */
  events: number;
  reachable: number;
  /** Boxes that scroll (the page, the element, a part inside it). */
  scrollbars: number;
  selected: string | null;
  innerWidth: number;
  innerHeight: number;
  /** The height of the story's scene, in the story. */
  scene: number | null;
}

/** The probe: a classic script at the end of the frame's page. */
const PROBE = `<script>
addEventListener('message', (message) => {
  const ask = message.data;
  if (!ask || typeof ask.probe !== 'string' || message.source === parent) return;
  const answer = (value) => message.source.postMessage({ probe: ask.probe, id: ask.id, value }, '*');
  const element = document.querySelector('date-line');
  const root = element && element.shadowRoot;
  if (ask.probe === 'select') return answer(element.select(ask.event));
  if (ask.probe === 'navigate') return answer(true), setTimeout(() => (location.href = ask.url));
  const overflows = (node) => node.scrollHeight > node.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(node).overflowY);
  const page = document.scrollingElement;
  const pageScrolls = page.scrollHeight > innerHeight + 1;
  const boxes = [element, ...(root ? root.querySelectorAll('*') : [])].filter(overflows);
  const items = root ? [...root.querySelectorAll('[part~="event"]')] : [];
  let reachable = 0;
  for (const item of items) {
    // Scroll what holds it (its box inside the element, then the page) to bring it to the top of the view.
    for (const box of [...boxes.filter((box) => box.contains(item)), ...(pageScrolls ? [page] : [])]) {
      const top = box === page ? 0 : box.getBoundingClientRect().top;
      box.scrollTop += item.getBoundingClientRect().top - top;
    }
    const shown = (item.querySelector('button') || item).getBoundingClientRect();
    if (shown.height > 0 && shown.top >= -1 && shown.bottom <= innerHeight + 1 && shown.left >= -1 && shown.right <= innerWidth + 1)
      reachable++;
  }
  for (const box of [...boxes, page]) box.scrollTop = 0;
  answer({
    loaded: Boolean(element && element.timeline && items.length),
    layout: element && element.effectiveLayout,
    events: items.length,
    reachable,
    scrollbars: boxes.length + (pageScrolls ? 1 : 0),
    selected: element && element.selected,
    innerWidth,
    innerHeight,
    scene: root && root.querySelector('.scene') ? root.querySelector('.scene').getBoundingClientRect().height : null,
  });
});
</script>`;

/** The host page: a paragraph, the snippets, a paragraph after them; its layout shifts are recorded. */
function hostPage(snippets: string[], { hostScript = '', extra = '' } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>An article with a timeline in a frame</title>
<script>
  window.shifts = [];
  window.messages = [];
  addEventListener('message', (message) => window.messages.push({ source: message.source, data: message.data }));
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
    window.layoutShiftApi = true;
  } catch {
    window.layoutShiftApi = false; // Firefox and WebKit have no layout-shift entries
  }
</script>
${hostScript}
</head>
<body style="margin: 0; font: 16px/1.5 serif">
<p id="before" style="margin: 0 0 1rem">A paragraph of the article before the timeline.</p>
${snippets.join('\n')}
${extra}
<p id="after">A paragraph of the article after the timeline.</p>
<script>window.afterTop = document.getElementById('after').getBoundingClientRect().top;</script>
</body>
</html>`;
}

type HostWindow = Window & {
  shifts: number[];
  layoutShiftApi: boolean;
  afterTop: number;
  messages: { source: MessageEventSource | null; data: unknown }[];
};

let origins: Origins;
let article: TimelineData;
let apollo: TimelineData;
let pageCount = 0;
const opened: HTMLIFrameElement[] = [];

async function store(name: string, html: string): Promise<void> {
  const response = await fetch(`/__test__/cross-origin/pages/${name}`, { method: 'POST', body: html });
  expect(response.status, `storing ${name}`).to.equal(204);
}

/** The timeline's page for a frame, its script from the frame's origin, with the probe. */
async function framePage(name: string, data: TimelineData, layout?: Layout): Promise<string> {
  const html = pageHtml(data, { script: `${origins.frame}/dist/date-line.bundled.js`, layout }).html!;
  await store(name, html.replace('</body>', `${PROBE}\n</body>`));
  return `${origins.frame}/pages/${name}`;
}

/** Opens a host page (stored under a new name) in an iframe of this test page, `width` px wide. */
async function openHost(html: string, width: number, hash = ''): Promise<{ host: HTMLIFrameElement; win: HostWindow }> {
  const name = `host-${++pageCount}.html`;
  await store(name, html);
  const host = document.createElement('iframe');
  host.style.cssText = `width: ${width}px; height: 2600px; border: 0; display: block`;
  const loaded = new Promise((resolve) => host.addEventListener('load', resolve, { once: true }));
  host.src = `/__test__/cross-origin/pages/${name}${hash}`;
  document.body.prepend(host);
  opened.push(host);
  await loaded;
  return { host, win: host.contentWindow as HostWindow };
}

/** Polls `check` (which may be async) until it is true. */
async function until(check: () => unknown, what: string, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`Timeout: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let asked = 0;
/** Asks a frame's probe; undefined if it does not answer in time (the page is still loading). */
function ask<T>(frame: HTMLIFrameElement, question: Record<string, unknown>, timeout = 2000): Promise<T | undefined> {
  const id = ++asked;
  return new Promise((resolve) => {
    const done = (value?: T) => {
      removeEventListener('message', listen);
      clearTimeout(timer);
      resolve(value);
    };
    const listen = (message: MessageEvent) => {
      const data = message.data as { id?: number; value?: T } | null;
      if (data?.id === id) done(data.value);
    };
    const timer = setTimeout(done, timeout);
    addEventListener('message', listen);
    frame.contentWindow!.postMessage({ ...question, id }, '*');
  });
}

const metrics = (frame: HTMLIFrameElement) => ask<Metrics>(frame, { probe: 'metrics' });

/** Waits until the frame's timeline has loaded and drawn its events; its metrics then. */
async function loaded(frame: HTMLIFrameElement): Promise<Metrics> {
  let last: Metrics | undefined;
  await until(async () => (last = await metrics(frame))?.loaded, 'the timeline in the frame loads', 30_000);
  return last!;
}

/** The heights a frame has posted to its host in date-line's own message. */
function postedHeights(win: HostWindow, frame: HTMLIFrameElement): number[] {
  return win.messages
    .filter((message) => message.source === frame.contentWindow)
    .map((message) => message.data as { type?: string; height?: number })
    .filter((data) => data?.type === 'date-line:height')
    .map((data) => data.height!);
}

/** Waits until embed-host.js has given the frame the height it last posted, and that height has held. */
async function sized(win: HostWindow, frame: HTMLIFrameElement): Promise<number> {
  let height = 0;
  await until(
    async () => {
      const posted = postedHeights(win, frame).at(-1);
      if (!posted || frame.getBoundingClientRect().height !== posted) return false;
      if (posted !== height) return void (height = posted); // settled only once it holds over two polls
      await new Promise((resolve) => setTimeout(resolve, 300));
      return postedHeights(win, frame).at(-1) === height && frame.getBoundingClientRect().height === height;
    },
    'the frame takes its content’s height',
    20_000,
  );
  return height;
}

const hostScript = () => `<script src="${origins.frame}/dist/embed-host.js" async></script>`;
const ICE = 'ice-facebook-and-palantir';

describe('a timeline in an iframe from another origin', () => {
  before(async function () {
    this.timeout(180_000); // the first request builds the script-tag file
    origins = (await (await fetch('/__test__/cross-origin/origins')).json()) as Origins;
    article = (await articleData()) as TimelineData;
    apollo = (await (await fetch('/demo/data/apollo-11.json')).json()) as TimelineData;
  });

  afterEach(() => opened.splice(0).forEach((frame) => frame.remove()));

  it('in a fixed-height frame without a host script: no layout shift, every event reachable, one scrollbar', async function () {
    this.timeout(60_000);
    const url = await framePage('ice.html', article);
    const snippet = iframeHtml(article, { url }).html!;
    const { win } = await openHost(hostPage([snippet]), 800);
    const frame = win.document.querySelector('iframe')!;
    const declared = frame.getBoundingClientRect().height;
    const seen = await loaded(frame);
    expect(seen.events).to.equal(20);
    expect(seen.reachable, 'events a reader can scroll to').to.equal(20);
    expect(seen.scrollbars, 'boxes that scroll').to.be.at.most(1);
    expect(seen.innerWidth).to.equal(800);
    // The host page did not move: the frame kept the snippet's height, and what follows it stayed where it was.
    expect(frame.getBoundingClientRect().height).to.equal(declared);
    expect(win.document.getElementById('after')!.getBoundingClientRect().top).to.equal(win.afterTop);
    if (win.layoutShiftApi) expect(win.shifts.reduce((sum, shift) => sum + shift, 0)).to.be.at.most(0.01);
  });

  it('with embed-host.js, takes its content’s height at 375 and 1280 px and after a resize', async function () {
    this.timeout(90_000);
    const url = await framePage('ice.html', article);
    const { host, win } = await openHost(
      hostPage([iframeHtml(article, { url }).html!], { hostScript: hostScript() }),
      375,
    );
    const frame = win.document.querySelector('iframe')!;
    await loaded(frame);
    const narrow = await sized(win, frame);
    let seen = (await metrics(frame))!;
    expect([seen.layout, seen.scrollbars, seen.reachable]).to.deep.equal(['list', 0, 20]);
    expect(narrow).to.be.above(1500); // twenty events, one under another

    const before = postedHeights(win, frame).length;
    host.style.width = '1280px';
    await until(() => postedHeights(win, frame).at(-1) !== narrow, 'a new height at 1280 px');
    const wide = await sized(win, frame);
    // Straight to the new height: no height of a moment between (the page's own list, say) makes the host jump.
    expect(postedHeights(win, frame).slice(before)).to.deep.equal([wide]);
    seen = (await metrics(frame))!;
    expect(seen.innerWidth).to.equal(1280);
    expect([seen.scrollbars, seen.reachable]).to.deep.equal([0, 20]);
    expect(wide).to.be.below(narrow);

    host.style.width = '375px';
    await until(() => postedHeights(win, frame).at(-1) === narrow, 'the narrow height again');
    expect(await sized(win, frame)).to.equal(narrow);
  });

  it('with embed-host.js, gives a story its scenes’ own height, the same for every scene, at 375 and 1280 px', async function () {
    this.timeout(90_000);
    const url = await framePage('story.html', article, 'story');
    const { host, win } = await openHost(
      hostPage([iframeHtml(article, { url }).html!], { hostScript: hostScript() }),
      375,
    );
    const frame = win.document.querySelector('iframe')!;
    await until(async () => (await metrics(frame))?.scene, 'the story in the frame shows a scene', 30_000);
    for (const width of [375, 1280]) {
      host.style.width = `${width}px`;
      await until(async () => (await metrics(frame))?.innerWidth === width, `the frame at ${width} px`);
      const height = await sized(win, frame);
      const seen = (await metrics(frame))!;
      expect(seen.layout).to.equal('story');
      // The same story given no height, its content as wide as the frame's element's inside its padding (1rem).
      const own = await fixture<DateLine>(
        html`<date-line
          layout="story"
          .data=${article}
          style="display: block; box-sizing: content-box; width: ${width - 32}px"
        ></date-line>`,
      );
      await settled(own);
      await waitUntil(() => own.shadowRoot!.querySelector('.scene'), 'the story shows a scene');
      const scene = own.shadowRoot!.querySelector('.scene')!;
      expect(seen.scene, `${width} px: the scene in the frame`).to.be.closeTo(scene.getBoundingClientRect().height, 1);
      for (const event of article.events.slice(0, 4)) {
        await ask(frame, { probe: 'select', event: event.id });
        await until(async () => (await metrics(frame))?.selected === event.id, 'the frame opens the event');
        expect(await sized(win, frame), `${width} px: ${event.id}`).to.equal(height);
      }
      await ask(frame, { probe: 'select', event: null });
    }
  });

  it('posts its height as AMP, WordPress and Medium hosts expect, and that height is its content’s', async function () {
    this.timeout(60_000);
    const url = await framePage('ice.html', article);
    // A host that speaks no date-line: it listens as <amp-iframe resizable> and WordPress's embed script would.
    const frameHtml = `<iframe title="Timeline" src="${url}#?secret=abcDEF1234" style="display: block; width: 100%; height: 300px; border: 0"></iframe>`;
    const { win } = await openHost(hostPage([frameHtml]), 700);
    const frame = win.document.querySelector('iframe')!;
    await loaded(frame);
    const from = () =>
      win.messages.filter((message) => message.source === frame.contentWindow).map((message) => message.data);
    await until(() => from().some((data) => (data as { sentinel?: string }).sentinel === 'amp'), 'the AMP message');
    const own = postedHeights(win, frame).at(-1)!;
    const amp = from().filter((data) => (data as { sentinel?: string }).sentinel === 'amp');
    expect(amp.at(-1)).to.deep.equal({ sentinel: 'amp', type: 'embed-size', height: own });
    const medium = from()
      .filter((data): data is string => typeof data === 'string')
      .map((text) => JSON.parse(text) as { context: string; height: number; src: string });
    expect(medium.at(-1)).to.deep.equal({ src: `${url}#?secret=abcDEF1234`, context: 'iframe.resize', height: own });
    const wordpress = () => from().filter((data) => (data as { message?: string }).message === 'height');
    expect(wordpress().at(-1)).to.deep.equal({ message: 'height', value: own, secret: 'abcDEF1234' });
    // WordPress's "ready", posted by the host page (a function of its own realm), as WordPress's script there posts it. Once the
    // frame has settled (it posts nothing more), a ready with another secret gets no answer, and WordPress's own
    // gets one, with the height.
    const fromHost = new (win as unknown as { Function: FunctionConstructor }).Function(
      'frame',
      'message',
      'frame.contentWindow.postMessage(message, "*")',
    ) as (frame: HTMLIFrameElement, message: unknown) => void;
    let count = wordpress().length;
    await until(async () => {
      count = wordpress().length;
      await new Promise((resolve) => setTimeout(resolve, 400));
      return wordpress().length === count;
    }, 'the frame settles');
    fromHost(frame, { message: 'ready', secret: 'someoneElse' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(wordpress(), 'no answer to another secret').to.have.length(count);
    fromHost(frame, { message: 'ready', secret: 'abcDEF1234' });
    await until(() => wordpress().length === count + 1, 'the answer to ready');
    expect(wordpress().at(-1)).to.deep.equal({
      message: 'height',
      value: postedHeights(win, frame).at(-1),
      secret: 'abcDEF1234',
    });

    // As AMP does: the frame takes each height it posts. (While its list scrolls, a scrollbar narrows it, and it
    // is taller: the frame posts again once it has the room, and the two agree.) At that height it shows all of its
    // content, with nothing to scroll; a little less, and something must scroll.
    const ampHeight = () =>
      (
        amp.concat(from().filter((data) => (data as { sentinel?: string }).sentinel === 'amp')).at(-1) as {
          height: number;
        }
      ).height;
    await until(async () => {
      const height = ampHeight();
      if (frame.getBoundingClientRect().height !== height) frame.style.height = `${height}px`;
      await new Promise((resolve) => setTimeout(resolve, 400)); // time to post again, if it has more to say
      return ampHeight() === height && (await metrics(frame))?.innerHeight === height;
    }, 'the frame at the height it posts');
    const own2 = ampHeight();
    expect(postedHeights(win, frame).at(-1)).to.equal(own2);
    expect(await metrics(frame)).to.include({ scrollbars: 0, reachable: 20 });
    frame.style.height = `${own2 - 12}px`;
    await until(async () => (await metrics(frame))?.innerHeight === own2 - 12, 'the frame a little shorter');
    expect((await metrics(frame))!.scrollbars).to.equal(1);
  });

  it('joins its deep links to the host page’s address, both ways', async function () {
    this.timeout(60_000);
    const url = await framePage('ice.html', article);
    const [first, second, third] = [article.events[4].id, article.events[11].id, article.events[17].id];
    const { win } = await openHost(
      hostPage([iframeHtml(article, { url }).html!], { hostScript: hostScript() }),
      800,
      `#${ICE}/${first}`,
    );
    const frame = win.document.querySelector('iframe')!;
    await loaded(frame);
    // The host's address opens the event in the frame.
    await until(async () => (await metrics(frame))?.selected === first, 'the address opens its event in the frame');
    // An event opened in the frame is the host's address (replaced: no new history entry).
    const entries = win.history.length;
    await ask(frame, { probe: 'select', event: second });
    await until(() => win.location.hash === `#${ICE}/${second}`, 'the frame’s event in the host’s address');
    expect(win.history.length).to.equal(entries);
    // Closed, it leaves the address.
    await ask(frame, { probe: 'select', event: null });
    await until(() => win.location.hash === '', 'the address cleared');
    // A new hash on the host opens its event.
    win.location.hash = `#${ICE}/${third}`;
    await until(async () => (await metrics(frame))?.selected === third, 'hashchange opens the event');
    // A hash the page uses for itself is left alone.
    win.location.hash = '#comments';
    await ask(frame, { probe: 'select', event: first });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(win.location.hash).to.equal('#comments');
  });

  it('changes nothing for a message in the same shape from any other frame or origin', async function () {
    this.timeout(60_000);
    const url = await framePage('ice.html', article);
    // A stranger that posts date-line's messages to its parent, over and over.
    await store(
      'stranger.html',
      `<!doctype html><title>A stranger</title><script>
        setInterval(() => {
          parent.postMessage({ type: 'date-line:height', height: 77 }, '*');
          parent.postMessage({ type: 'date-line:state', event: 'stranger' }, '*');
        }, 50);
      </script>`,
    );
    const strangers = [origins.third, origins.frame].map(
      (origin) => `<iframe title="A stranger" src="${origin}/pages/stranger.html" style="height: 50px"></iframe>`,
    );
    const { win } = await openHost(
      hostPage([iframeHtml(article, { url }).html!], { hostScript: hostScript(), extra: strangers.join('\n') }),
      800,
    );
    const frame = win.document.getElementById(ICE) as HTMLIFrameElement;
    await loaded(frame);
    const height = await sized(win, frame);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(frame.getBoundingClientRect().height).to.equal(height);
    expect(win.location.hash).to.equal('');
    // The managed frame itself, gone to a page of another origin: its messages are a stranger's now.
    await ask(frame, { probe: 'navigate', url: `${origins.third}/pages/stranger.html` });
    await until(
      () =>
        win.messages.some(
          (message) => message.source === frame.contentWindow && (message.data as { height?: number })?.height === 77,
        ),
      'the frame, navigated away, posts the stranger’s messages',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(frame.getBoundingClientRect().height).to.equal(height);
    expect(win.location.hash).to.equal('');
  });

  it('keeps two frames’ heights and links apart', async function () {
    this.timeout(90_000);
    const [ice, moon] = [await framePage('ice.html', article), await framePage('apollo.html', apollo)];
    const snippets = [iframeHtml(article, { url: ice }).html!, iframeHtml(apollo, { url: moon }).html!];
    const moonId = apollo.events[2].id;
    const apolloKey = new DOMParser().parseFromString(snippets[1], 'text/html').querySelector('iframe')!.id;
    expect(apolloKey).not.to.equal(ICE);
    const { win } = await openHost(hostPage(snippets, { hostScript: hostScript() }), 800, `#${apolloKey}/${moonId}`);
    const [first, second] = win.document.querySelectorAll('iframe');
    await Promise.all([loaded(first), loaded(second)]);
    const [a, b] = [await sized(win, first), await sized(win, second)];
    expect(a).not.to.equal(b);
    await until(async () => (await metrics(second))?.selected === moonId, 'the address opens the second frame’s event');
    expect((await metrics(first))!.selected).to.equal(null);
    await ask(first, { probe: 'select', event: article.events[0].id });
    await until(() => win.location.hash === `#${ICE}/${article.events[0].id}`, 'the first frame’s link');
    expect((await metrics(second))!.selected, 'the other frame keeps its event').to.equal(moonId);
    // The first frame grew with the event it opened.
    await until(() => postedHeights(win, first).at(-1)! > a, 'the first frame posts a greater height');
    expect(await sized(win, first)).to.be.above(a);
    // The second frame keeps the heights it posts itself (it may still be growing with its own event's content,
    // which arrives in steps: the event, then its content's part, then its pictures), never the first's.
    const grown = await sized(win, second);
    expect(grown, 'the second frame’s own height').to.be.at.least(b);
    expect(grown).not.to.equal(postedHeights(win, first).at(-1));
  });

  it('serves the generic page, which shows data from an address and sizes itself in its host', async function () {
    this.timeout(60_000);
    // The built page is genericPageHtml's; only its script's text differs, as each bundler writes the function.
    const built = await (await fetch(`${origins.frame}/dist/embed.html`)).text();
    const script = /<script type="module">\(function startFrame[\s\S]*\}\)\((\{.*\})\);<\/script>/;
    const [ours, theirs] = [genericPageHtml('./date-line.bundled.js'), built].map((html) => ({
      rest: html.replace(script, ''),
      config: script.exec(html)?.[1],
    }));
    expect(theirs.config).to.be.a('string');
    expect(theirs).to.deep.equal(ours);
    const src = `${origins.frame}/dist/embed.html?src=${encodeURIComponent(`${origins.frame}/data/ice-facebook-palantir.json`)}&layout=list`;
    const snippet = `<iframe id="generic" data-date-line title="Timeline" src="${src}" style="display: block; width: 100%; height: 300px; border: 0"></iframe>`;
    const { win } = await openHost(hostPage([snippet], { hostScript: hostScript() }), 700);
    const frame = win.document.querySelector('iframe')!;
    await until(() => (postedHeights(win, frame).at(-1) ?? 0) > 1500, 'the height of the list of twenty events');
    expect(await sized(win, frame), 'the list of twenty events').to.be.above(1500);
  });
});
