import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DateLine } from '../../src/date-line.js';
import { ARTICLE_URL, settled, shadow } from '../helpers.js';
import { warmAxis } from './warm.js';

// Guards: no request to another origin unless the data names it (media), and then only once the reader opens
// that event; video and audio wait for the reader to press play (preload="none"); players that would embed
// another site (YouTube, a page to frame) are facades that load nothing until pressed; images go without a
// referrer. "Another origin" is this same test server reached as 127.0.0.1 instead of localhost, so the server's
// log (test/server/middleware.mjs, /media and /log) says exactly what was requested, in any browser. The article timeline is checked with Resource
// Timing as well, which lists failed requests too (the machine has no network), so a prefetch, a favicon of a
// source's site or a font from a CDN would show.

const otherOrigin = () => `http://127.0.0.1:${location.port}`;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function requestsLogged(key: string): Promise<{ path: string; referer: string }[]> {
  return (await fetch(`/__test__/log/${key}`)).json() as Promise<{ path: string; referer: string }[]>;
}

/**
 * The resources fetched from another origin since `since` (performance.now()): an earlier test's frame may finish
 * loading, and be listed, after the next test has cleared the list (Firefox ESR 140 does so).
 */
function foreignResources(since: number): string[] {
  return performance
    .getEntriesByType('resource')
    .filter((entry) => entry.startTime >= since)
    .map((entry) => entry.name)
    .filter((name) => new URL(name).origin !== location.origin);
}

describe('requests to other sites', () => {
  warmAxis();
  // The dev server serves date-fns as hundreds of modules; the default buffer of 250 entries would overflow.
  before(() => performance.setResourceTimingBufferSize(100_000));
  for (const layout of ['list', 'axis'] as const) {
    it(`the article timeline requests nothing from another origin, with every event open (${layout})`, async () => {
      performance.clearResourceTimings();
      const since = performance.now();
      const seen: string[] = [];
      const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((entry) => entry.name)));
      observer.observe({ type: 'resource' });
      const el = await fixture<DateLine>(
        html`<date-line layout=${layout} src=${ARTICLE_URL} locale="en-GB" style="width: 1000px"></date-line>`,
      );
      await settled(el);
      if (layout === 'axis') await waitUntil(() => shadow(el).querySelector('.axis'), 'no axis', { timeout: 8000 });
      let links = 0;
      for (const event of el.timeline!.events) {
        el.select(event.id);
        await el.updateComplete;
        links += shadow(el).querySelectorAll('[part~="detail"] a[href^="http"]').length;
      }
      await sleep(300);
      observer.disconnect();
      expect(links, 'the article links to its sources').to.be.greaterThan(20);
      expect(foreignResources(since)).to.deep.equal([]);
      expect(seen.filter((name) => new URL(name).origin !== location.origin)).to.deep.equal([]);
    });
  }

  it('loads an image from another site only when its event is opened, without a referrer', async () => {
    const key = `image-${Date.now()}`;
    const media = (name: string) => `${otherOrigin()}/__test__/media/${key}/${name}.png`;
    const data = {
      version: 1,
      title: `Links to [another site](${otherOrigin()}/__test__/media/${key}/title-link.png)`,
      events: ['a', 'b', 'c'].map((name, index) => ({
        id: name,
        date: `201${index}`,
        title: `Event ${name}`,
        summary: `See [the picture](${otherOrigin()}/__test__/media/${key}/summary-link-${name}.png).`,
        media: { url: media(name), alt: `Picture ${name}`, thumbnail: media(`thumb-${name}`) },
        sources: [{ title: 'Source', url: `${otherOrigin()}/__test__/media/${key}/source-${name}.png` }],
      })),
    };
    const el = await fixture<DateLine>(html`<date-line layout="list" .data=${data} locale="en-GB"></date-line>`);
    await settled(el);
    await sleep(300);
    expect(await requestsLogged(key), 'requested before any event was opened').to.deep.equal([]);
    expect(shadow(el).querySelector('img'), 'images are rendered only in an open event').to.equal(null);

    el.select('b');
    await el.updateComplete;
    const img = shadow(el).querySelector<HTMLImageElement>('[part~="detail"] img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'the image never loaded', { timeout: 5000 });
    const log = await requestsLogged(key);
    // Only the open event's picture: not the others, not thumbnails, not the pages links point to.
    expect(log.map((entry) => entry.path)).to.deep.equal([`/__test__/media/${key}/b.png`]);
    expect(log[0].referer).to.equal('');
  });

  it('lets video and audio from another site wait for the reader to press play', async () => {
    const key = `player-${Date.now()}`;
    const data = {
      version: 1,
      events: [
        { id: 'v', date: '2017', title: 'Video', media: { url: `${otherOrigin()}/__test__/media/${key}/v.mp4` } },
        {
          id: 'a',
          date: '2018',
          title: 'Audio',
          media: { url: `${otherOrigin()}/__test__/media/${key}/a.mp3`, type: 'audio' },
        },
      ],
    };
    const el = await fixture<DateLine>(html`<date-line layout="list" .data=${data} locale="en-GB"></date-line>`);
    await settled(el);
    for (const [id, tag] of [
      ['v', 'video'],
      ['a', 'audio'],
    ] as const) {
      el.select(id);
      await el.updateComplete;
      const player = shadow(el).querySelector<HTMLMediaElement>(`[part~="detail"] ${tag}`)!;
      expect(player, tag).to.exist;
      expect(player.getAttribute('preload')).to.equal('none');
      expect(player.autoplay).to.equal(false);
      expect(player.hasAttribute('controls')).to.equal(true);
    }
    await sleep(500);
    expect(await requestsLogged(key)).to.deep.equal([]);
  });

  it("frames a page of another site only when its facade is pressed, and shows only the data's poster before", async () => {
    const key = `frame-${Date.now()}`;
    const media = (name: string) => `${otherOrigin()}/__test__/media/${key}/${name}.png`;
    const data = {
      version: 1,
      events: [
        {
          id: 'p',
          date: '2017',
          title: 'Page',
          media: { url: media('page'), type: 'embed', thumbnail: media('poster') },
        },
        { id: 'v', date: '2018', title: 'Video', media: { url: 'https://youtu.be/dQw4w9WgXcQ' } },
      ],
    };
    const el = await fixture<DateLine>(html`<date-line layout="list" .data=${data} locale="en-GB"></date-line>`);
    await settled(el);
    el.select('p');
    await el.updateComplete;
    const button = shadow(el).querySelector<HTMLButtonElement>('[part~="detail"] button.facade')!;
    expect(button.textContent.replace(/\s+/g, ' ').trim()).to.equal('Show page from 127.0.0.1: Page');
    const poster = button.querySelector('img')!;
    await waitUntil(() => poster.complete && poster.naturalWidth > 0, 'the poster never loaded', { timeout: 5000 });
    await sleep(300);
    expect((await requestsLogged(key)).map((entry) => entry.path)).to.deep.equal([`/__test__/media/${key}/poster.png`]);
    button.click();
    const frame = shadow(el).querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).to.match(/allow-scripts/);
    await waitUntil(
      async () => (await requestsLogged(key)).some((entry) => entry.path.endsWith('/page.png')),
      'the pressed facade never loaded its page',
      { timeout: 5000 },
    );
    // Another event: the player is gone.
    el.select('v');
    await el.updateComplete;
    await sleep(0);
    expect(shadow(el).querySelector('iframe')).to.equal(null);
  });

  it('shows players of other sites (YouTube, Vimeo, an <iframe> from TimelineJS) as facades that load nothing', async () => {
    // [the media's address, the facade's or the card's name, where its link goes]
    const embeds: [string, string, string][] = [
      [
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        'Play video from YouTube',
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      ],
      ['https://youtu.be/dQw4w9WgXcQ', 'Play video from YouTube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
      ['https://vimeo.com/76979871', 'Play video from Vimeo', 'https://vimeo.com/76979871'],
      [
        'https://www.youtube.com/embed/dQw4w9WgXcQ',
        'Play video from YouTube',
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      ],
      ['https://twitter.com/user/status/1', 'Open post on X', 'https://twitter.com/user/status/1'],
    ];
    performance.clearResourceTimings();
    const since = performance.now();
    const data = {
      version: 1,
      events: embeds.map(([url], index) => ({
        id: `e${index}`,
        date: `201${index}`,
        title: `Event ${index}`,
        media: { url },
      })),
    };
    const el = await fixture<DateLine>(html`<date-line layout="list" .data=${data} locale="en-GB"></date-line>`);
    await settled(el);
    for (const [index, [url, name, href]] of embeds.entries()) {
      el.select(`e${index}`);
      await el.updateComplete;
      const figure = shadow(el).querySelector('[part~="detail"] figure')!;
      expect(figure.querySelector('iframe, img, video, audio, object, embed'), url).to.equal(null);
      expect(figure.querySelector('button, a.media-card')!.textContent, url).to.contain(name);
      expect(figure.querySelector('a')!.getAttribute('href'), url).to.equal(href);
    }
    // A TimelineJS slide whose media is an <iframe> embed: a facade too, for the privacy-enhanced player.
    const tljs = {
      events: [
        {
          start_date: { year: 2017 },
          text: { headline: 'Embedded' },
          media: { url: '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>' },
        },
      ],
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(tljs)], { type: 'application/json' }));
    const imported = await fixture<DateLine>(html`<date-line layout="list" src=${url} locale="en-GB"></date-line>`);
    await settled(imported);
    URL.revokeObjectURL(url);
    imported.select(imported.timeline!.events[0].id);
    await imported.updateComplete;
    const figure = shadow(imported).querySelector('[part~="detail"] figure')!;
    expect(figure.querySelector('iframe')).to.equal(null);
    expect(figure.querySelector('button')!.textContent).to.contain('Play video from YouTube');
    await sleep(300);
    expect(foreignResources(since)).to.deep.equal([]);
  });
});
