import { expect, waitUntil } from '@open-wc/testing';
import type { Layout } from '../../src/date-line.js';
import {
  FRAME_ALLOW,
  FRAME_SANDBOX,
  estimateHeight,
  genericPageHtml,
  iframeHtml,
  oembedResponse,
  pageHtml,
  type OEmbedResponse,
  type PageHtmlOptions,
} from '../../src/embed/page.js';
import { startFrame } from '../../src/embed/frame.js';
import { LAYOUTS } from '../../src/model/layouts.js';
import { parseTimeline, type TimelineData } from '../../src/model/index.js';
import { TEXT_PAYLOADS } from '../hardening/corpus.js';
import { articleData } from '../helpers.js';

// The timeline's own page, its iframe and its oEmbed response, as text (src/embed/page.ts). What would catch their
// bugs: the page as the browser's parser reads it (every element where it was written, hostile text as text), the
// page as a reader without JavaScript sees it, and each field of the oEmbed response against oEmbed 1.0.

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const article = async () => (await articleData()) as TimelineData;

function page(data: TimelineData, options: PageHtmlOptions = {}): string {
  const result = pageHtml(data, options);
  expect(result.errors).to.deep.equal([]);
  return result.html!;
}

const metaContent = (doc: Document, key: string) =>
  doc.head.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;

/** A stored page's address on this server (test/server/cross-origin.mjs keeps it). */
async function stored(name: string, html: string): Promise<string> {
  const response = await fetch(`/__test__/cross-origin/pages/${name}`, { method: 'POST', body: html });
  expect(response.status).to.equal(204);
  return `/__test__/cross-origin/pages/${name}`;
}

/** Loads a page in an iframe of `width` × `height` px; `sandbox` "" runs no script. */
async function framed(src: string, width: number, height: number, sandbox?: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block`;
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  return frame;
}

const picture = { url: 'images/card.jpg', alt: 'Facebook’s and Palantir’s logos', type: 'image' as const };

describe('pageHtml: the timeline’s own page', () => {
  it('is a whole HTML document that the parser keeps as written', async () => {
    const html = page(await article(), {
      url: 'https://example.org/t/ice/',
      oembed: 'https://example.org/t/ice/o.json',
    });
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).to.equal(true);
    const doc = parse(html);
    expect(doc.doctype?.name).to.equal('html');
    // Had anything in the head been misplaced (text, an element the head cannot hold), the parser would have
    // closed the head there and moved the rest to the body.
    expect([...doc.head.children].map((element) => element.localName)).to.deep.equal([
      ...['meta', 'meta', 'link', 'title', 'meta'], // charset, viewport, icon, title, description
      'link', // canonical
      ...Array<string>(7).fill('meta'), // og:type, og:title, og:description, og:url, twitter:card, :title, :description
      ...['link', 'style', 'script'], // oEmbed discovery, the page's style, the element's script
    ]);
    expect([...doc.body.children].map((element) => element.localName)).to.deep.equal(['p', 'date-line', 'script']);
    // Every tag written is an element parsed: none swallowed as text, none invented.
    const written = html.match(/<[a-z][\w-]*/g)!.length;
    expect(doc.querySelectorAll('*').length).to.equal(written);
  });

  it('carries the title, the description and the share tags, with the timeline’s picture', async () => {
    const data = { ...(await article()), media: picture };
    const doc = parse(
      page(data, {
        url: 'https://example.org/t/ice/',
        oembed: 'https://example.org/t/ice/oembed.json',
        imageSize: { width: 1200, height: 630 },
      }),
    );
    expect(doc.title).to.equal('ICE, Facebook and Palantir');
    expect(metaContent(doc, 'og:title')).to.equal('ICE, Facebook and Palantir');
    expect(metaContent(doc, 'og:type')).to.equal('website');
    expect(metaContent(doc, 'og:url')).to.equal('https://example.org/t/ice/');
    expect(metaContent(doc, 'description')).to.match(/^The events behind “ICE uses Facebook data/);
    expect(metaContent(doc, 'og:description')).to.equal(metaContent(doc, 'description'));
    // The description's rich text as plain text: the emphasis is gone, its words stay.
    expect(metaContent(doc, 'description')).to.contain('no more; Context marks background');
    expect(metaContent(doc, 'og:image'), 'resolved against the page').to.equal(
      'https://example.org/t/ice/images/card.jpg',
    );
    expect(metaContent(doc, 'og:image:alt')).to.equal(picture.alt);
    expect(metaContent(doc, 'og:image:width')).to.equal('1200');
    expect(metaContent(doc, 'og:image:height')).to.equal('630');
    expect(metaContent(doc, 'twitter:card')).to.equal('summary_large_image');
    expect([...metaContent(doc, 'twitter:title')!].length).to.be.at.most(70);
    expect([...metaContent(doc, 'twitter:description')!].length).to.be.at.most(200);
    expect(metaContent(doc, 'twitter:description')!.endsWith('…')).to.equal(true);
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).to.equal('https://example.org/t/ice/');
    const discovery = doc.querySelector('link[rel="alternate"][type="application/json+oembed"]')!;
    expect(discovery.getAttribute('href')).to.equal('https://example.org/t/ice/oembed.json');
    expect(discovery.getAttribute('title')).to.equal('ICE, Facebook and Palantir (oEmbed)');
  });

  it('has a plain card without a picture, and says why when the picture’s address is relative', async () => {
    const plain = parse(page(await article()));
    expect(metaContent(plain, 'twitter:card')).to.equal('summary');
    expect(metaContent(plain, 'og:image')).to.equal(null);
    expect(plain.querySelector('link[rel="alternate"], link[rel="canonical"]')).to.equal(null);
    const relative = pageHtml({ ...(await article()), media: picture });
    expect(relative.warnings.map((warning) => warning.path)).to.include('/media');
    expect(metaContent(parse(relative.html!), 'og:image')).to.equal(null);
    const absolute = parse(page({ ...(await article()), media: { ...picture, url: 'https://cdn.example/c.png' } }));
    expect(metaContent(absolute, 'og:image')).to.equal('https://cdn.example/c.png');
  });

  it('writes the 20 events out, for readers and crawlers without JavaScript', async () => {
    const data = await article();
    const doc = parse(page(data));
    const items = doc.querySelectorAll('body > date-line > ol > li');
    expect([...items].map((item) => item.querySelector('h3')!.textContent)).to.deep.equal(
      parseTimeline(data).timeline!.events.map((event) => event.title),
    );
  });

  it('shows every event in its window without JavaScript, with one scrollbar', async function () {
    this.timeout(20_000);
    // Scripts are off in a frame sandboxed without allow-scripts.
    const frame = await framed(await stored('no-script.html', page(await article())), 600, 500, 'allow-same-origin');
    try {
      const doc = frame.contentDocument!;
      const element = doc.querySelector('date-line')!;
      expect(frame.contentWindow!.customElements.get('date-line')).to.equal(undefined);
      expect(doc.documentElement.scrollHeight, 'the page itself does not scroll').to.be.at.most(500);
      expect(element.scrollHeight, 'the element scrolls its list').to.be.above(element.clientHeight);
      const items = [...element.querySelectorAll('ol > li')];
      expect(items).to.have.length(20);
      for (const item of items) {
        item.scrollIntoView({ block: 'nearest' });
        const box = item.querySelector('h3')!.getBoundingClientRect();
        expect(box.top >= 0 && box.bottom <= 500, item.id).to.equal(true);
      }
    } finally {
      frame.remove();
    }
  });

  it('keeps hostile text as text in <title> and every <meta content>', () => {
    for (const payload of TEXT_PAYLOADS) {
      const data: TimelineData = {
        version: 1,
        title: payload,
        description: payload,
        media: { url: 'https://example.org/card.png', alt: payload },
        events: [{ id: 'e', date: '2017', title: payload }],
      };
      const html = page(data, { oembed: 'https://example.org/o.json' });
      const doc = parse(html);
      const where = JSON.stringify(payload);
      // The text as given, less U+0000, which HTML cannot carry; document.title also collapses HTML's whitespace.
      const title = parseTimeline(data).timeline!.title!.replace(/\0/g, '');
      expect(doc.title, where).to.equal(title.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, ''));
      expect(metaContent(doc, 'og:title'), where).to.equal(title);
      expect(metaContent(doc, 'og:image:alt'), where).to.equal(payload.replace(/\0/g, ''));
      for (const meta of doc.head.querySelectorAll('meta[content]')) {
        expect(meta.getAttributeNames().sort(), where).to.satisfy(
          (names: string[]) => names.join() === 'content,name' || names.join() === 'content,property',
        );
      }
      expect(doc.querySelector('link[rel="alternate"]')!.getAttribute('title'), where).to.equal(`${title} (oEmbed)`);
      // Nothing broke out: the same elements in the head and the body as for a plain title, and two scripts.
      expect(
        [...doc.head.children].map((element) => element.localName),
        where,
      ).to.deep.equal([
        'meta',
        'meta',
        'link',
        'title',
        ...Array<string>(9).fill('meta'), // description, og:type, :title, :description, :image, :image:alt, 3 × twitter
        'link',
        'style',
        'script',
      ]);
      expect(
        [...doc.body.children].map((element) => element.localName),
        where,
      ).to.deep.equal(['p', 'date-line', 'script']);
      expect(doc.querySelectorAll('script'), where).to.have.length(2);
    }
  });

  it('refuses page options it cannot use, naming them', async () => {
    const data = await article();
    for (const options of [
      { url: 'example.org/t/' },
      { url: 'javascript:alert(1)' },
      { oembed: '/oembed.json' },
      { imageSize: { width: 0, height: 630 } },
    ]) {
      const result = pageHtml(data, options);
      expect(result.html, JSON.stringify(options)).to.equal(null);
      expect(result.errors[0].message).to.match(/^--(url|oembed|image-size)/);
    }
  });

  it('carries its script as text that stands alone, and ends nowhere but at its end', async () => {
    const doc = parse(page(await article()));
    const inline = doc.querySelector('body > script')!;
    expect(inline.getAttribute('type')).to.equal('module');
    expect(inline.textContent).to.contain(startFrame.toString().slice(0, 40));
    expect(inline.textContent).to.contain(`})({"generic":false,"choices":{"layout":${JSON.stringify(LAYOUTS)}`);
  });
});

describe('the layouts the embed options accept', () => {
  it('are the element’s layouts, no more and no fewer, story among them', () => {
    // Fails to type-check if the element's Layout ever stops being the model's LAYOUTS (which the CLI checks against).
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    const same: Same<(typeof LAYOUTS)[number], Layout> = true;
    expect(same).to.equal(true);
    expect(LAYOUTS).to.include('story');
    expect(genericPageHtml('x.js')).to.contain(JSON.stringify(LAYOUTS));
  });
});

describe('iframeHtml: the frame that shows the page', () => {
  it('has a title, the full width, a lazy load, its sandbox and permissions, and a height from the data', async () => {
    const result = iframeHtml(await article(), { url: 'https://example.org/t/ice/' });
    expect(result.errors).to.deep.equal([]);
    const frame = parse(result.html!).querySelector('iframe')!;
    expect(frame.id).to.equal('ice-facebook-and-palantir');
    expect(frame.hasAttribute('data-date-line')).to.equal(true);
    expect(frame.getAttribute('src')).to.equal('https://example.org/t/ice/');
    expect(frame.title).to.equal('ICE, Facebook and Palantir');
    expect(frame.getAttribute('loading')).to.equal('lazy');
    expect(frame.getAttribute('width')).to.equal('100%');
    expect(frame.getAttribute('sandbox')).to.equal(FRAME_SANDBOX);
    expect(FRAME_SANDBOX.split(' ')).to.have.members([
      'allow-scripts',
      'allow-same-origin',
      'allow-popups',
      'allow-popups-to-escape-sandbox',
      'allow-presentation',
    ]);
    expect(frame.getAttribute('allow')).to.equal(FRAME_ALLOW);
    expect(FRAME_ALLOW.split('; ')).to.have.members([
      'fullscreen',
      'picture-in-picture',
      'autoplay',
      'encrypted-media',
    ]);
    const height = Number(frame.getAttribute('height'));
    expect(height).to.be.within(200, 800);
    expect(frame.style.height).to.equal(`${height}px`);
    expect(frame.style.width).to.equal('100%');
  });

  it('is as tall as a short timeline, and no taller than 800 px for a long one', () => {
    const events = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ id: `e${index}`, date: `${2000 + index}`, title: 'An event' }));
    const height = (count: number) =>
      Number(
        parse(iframeHtml({ version: 1, events: events(count) }, { url: 'https://x.test/' }).html!).querySelector(
          'iframe',
        )!.height,
      );
    expect(height(1)).to.equal(200);
    expect(height(4)).to.be.within(250, 400);
    expect(height(60)).to.equal(800);
  });

  it('estimates the page’s height at 640 px from its text, within a fifth', async function () {
    this.timeout(30_000);
    const data = await article();
    const timeline = parseTimeline(data).timeline!;
    // The page as it is, its element given no height: the height it takes is what the estimate is for.
    const html = page(data, { script: '/src/index.ts', layout: 'list' }).replace(
      '</style>',
      'body > date-line { height: auto !important; }\n</style>',
    );
    const frame = await framed(await stored('estimate.html', html), 640, 600);
    try {
      const element = frame.contentDocument!.querySelector('date-line') as HTMLElement & { timeline: unknown };
      await waitUntil(() => element.shadowRoot?.querySelectorAll('[part~="event"]').length === 20, 'the list', {
        timeout: 20_000,
      });
      const real = element.getBoundingClientRect().height;
      expect(estimateHeight(timeline, 640) / real).to.be.within(0.8, 1.2);
    } finally {
      frame.remove();
    }
  });

  it('refuses an address that is not absolute http(s)', async () => {
    for (const url of ['/t/ice/', 'javascript:alert(1)', 'ftp://example.org/']) {
      expect(iframeHtml(await article(), { url }).html, url).to.equal(null);
    }
  });
});

describe('oembedResponse: oEmbed 1.0', () => {
  /** The fields oEmbed 1.0 defines for a rich response, and what each must be. */
  function oembedProblems(json: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const allowed = [
      'type',
      'version',
      'title',
      'author_name',
      'author_url',
      'provider_name',
      'provider_url',
      'cache_age',
      'thumbnail_url',
      'thumbnail_width',
      'thumbnail_height',
      'html',
      'width',
      'height',
    ];
    for (const key of Object.keys(json)) if (!allowed.includes(key)) problems.push(`unknown field ${key}`);
    if (json.type !== 'rich') problems.push('type must be "rich"');
    if (json.version !== '1.0') problems.push('version must be "1.0"');
    for (const key of ['width', 'height'])
      if (!Number.isInteger(json[key]) || (json[key] as number) <= 0)
        problems.push(`${key} must be a positive integer`);
    if (typeof json.html !== 'string') problems.push('html must be a string');
    for (const key of ['title', 'provider_name', 'provider_url', 'author_name', 'author_url', 'thumbnail_url'])
      if (key in json && typeof json[key] !== 'string') problems.push(`${key} must be a string`);
    const thumbnail = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((key) => key in json);
    if (thumbnail.length !== 0 && thumbnail.length !== 3) problems.push('thumbnail fields: all three or none');
    for (const key of ['provider_url', 'thumbnail_url']) {
      if (key in json && !/^https?:\/\//.test(json[key] as string)) problems.push(`${key} must be http(s)`);
    }
    return problems;
  }

  const response = (data: TimelineData, options: Parameters<typeof oembedResponse>[1]): OEmbedResponse => {
    const result = oembedResponse(data, options);
    expect(result.errors).to.deep.equal([]);
    return result.json!;
  };

  it('is a rich response with the iframe, its size, the title and the provider', async () => {
    const json = response(await article(), { url: 'https://example.org/t/ice/' });
    expect(oembedProblems(json as unknown as Record<string, unknown>)).to.deep.equal([]);
    expect(json.title).to.equal('ICE, Facebook and Palantir');
    expect(json.provider_name).to.equal('example.org');
    expect(json.width).to.equal(640);
    // The html is the frame alone, no padding or margins: its size is the response's.
    const doc = parse(json.html);
    expect(doc.body.children).to.have.length(1);
    const frame = doc.querySelector('iframe')!;
    expect(frame.getAttribute('src')).to.equal('https://example.org/t/ice/');
    expect(Number(frame.getAttribute('width'))).to.equal(json.width);
    expect(Number(frame.getAttribute('height'))).to.equal(json.height);
    expect(JSON.parse(JSON.stringify(json))).to.deep.equal(json);
  });

  it('keeps within maxwidth and maxheight, and has a thumbnail only when the picture and its size fit', async () => {
    const data = { ...(await article()), media: { ...picture, url: 'https://cdn.example/card.png' } };
    const base = { url: 'https://example.org/t/ice/', providerName: 'The Desk', providerUrl: 'https://desk.example/' };
    const small = response(data, { ...base, maxwidth: 300, maxheight: 250, imageSize: { width: 1200, height: 630 } });
    expect(oembedProblems(small as unknown as Record<string, unknown>)).to.deep.equal([]);
    expect(small.width).to.equal(300);
    expect(small.height).to.be.at.most(250);
    expect(small).not.to.have.property('thumbnail_url'); // too large for the limits: none of the three
    const full = response(data, { ...base, imageSize: { width: 1200, height: 630 } });
    expect(oembedProblems(full as unknown as Record<string, unknown>)).to.deep.equal([]);
    expect([full.thumbnail_url, full.thumbnail_width, full.thumbnail_height]).to.deep.equal([
      'https://cdn.example/card.png',
      1200,
      630,
    ]);
    expect([full.provider_name, full.provider_url]).to.deep.equal(['The Desk', 'https://desk.example/']);
    const unsized = response(data, base);
    expect(unsized).not.to.have.property('thumbnail_url'); // no size, so no thumbnail at all
  });

  it('refuses what it cannot answer, and escapes hostile text in its html', async () => {
    const data = await article();
    expect(oembedResponse(data, { url: 'not a url' }).json).to.equal(null);
    expect(oembedResponse(data, { url: 'https://x.test/', maxwidth: -1 }).json).to.equal(null);
    expect(oembedResponse(data, { url: 'https://x.test/', providerUrl: 'javascript:alert(1)' }).json).to.equal(null);
    for (const payload of TEXT_PAYLOADS.slice(0, 34)) {
      const json = response({ ...data, title: payload }, { url: 'https://x.test/' });
      const doc = parse(json.html);
      expect(doc.querySelectorAll('body *'), payload).to.have.length(1);
      expect(doc.querySelector('iframe')!.title, payload).to.equal(
        parseTimeline({ ...data, title: payload }).timeline!.title!.replace(/\0/g, ''),
      );
    }
  });
});
