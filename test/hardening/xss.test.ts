import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { DateLine } from '../../src/date-line.js';
import { fromCSV, fromTimelineJS, parseTimeline } from '../../src/model/index.js';
import type { TimelineEvent } from '../../src/model/types.js';
import { englishMessages } from '../../src/i18n/messages.js';
import { formatSpan } from '../../src/model/format.js';
import { renderEventBody } from '../../src/view/detail.js';
import { richText, richTextInline } from '../../src/view/rich-text.js';
import { errorBox, listedEvents, settled, shadow } from '../helpers.js';
import {
  DISALLOWED_URLS,
  TEXT_PAYLOADS,
  TRICKY_SAFE_LINKS,
  TRICKY_SAFE_MEDIA,
  RENDERED_WITH_MEDIA,
  domProblems,
  hostileTimeline,
  traps,
} from './corpus.js';
import { warmAxis } from './warm.js';

// Guards: no script runs from data, whatever field it is in and whichever way it arrives (the `data` property,
// inline JSON, a CSV or TimelineJS file), in either layout, with every event open and the filters open; no
// element, event-handler attribute or URL scheme that date-line does not render itself reaches its shadow DOM;
// links to other sites open in a new tab with rel="noopener noreferrer". If any text were rendered through
// innerHTML/unsafeHTML, any URL bound without the scheme check, or any link without its rel, a test here fails.

type Layout = 'list' | 'axis';

/** Opens every event in turn (and the filters), checking the DOM after each, and returns what went wrong. */
async function exerciseEveryEvent(el: DateLine): Promise<string[]> {
  const problems: string[] = [];
  const check = (when: string) => problems.push(...domProblems(shadow(el)).map((problem) => `${when}: ${problem}`));
  check('closed');
  const filters = shadow(el).querySelector<HTMLDetailsElement>('details.filters');
  if (filters) {
    filters.open = true;
    await waitUntil(() => shadow(el).querySelector('.filter-panel'), 'the filter panel never loaded');
    check('filters open');
  }
  for (const event of el.timeline!.events) {
    el.select(event.id);
    await el.updateComplete;
    const detail = shadow(el).querySelector('[part~="detail"]');
    if (!detail) problems.push(`${event.id}: no detail`);
    check(event.id);
  }
  return problems;
}

/** Checks every link in the shadow DOM that leaves the page. */
function externalLinkProblems(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = link.getAttribute('href')!;
    if (href.startsWith('#')) continue; // the permalink to an event stays on the page
    const rel = (link.getAttribute('rel') ?? '').split(/\s+/);
    if (!rel.includes('noopener') || !rel.includes('noreferrer')) problems.push(`rel="${link.rel}" on ${href}`);
    if (link.target !== '_blank') problems.push(`target="${link.target}" on ${href}`);
  }
  return problems;
}

async function renderData(data: unknown, layout: Layout): Promise<DateLine> {
  const el = await fixture<DateLine>(
    html`<date-line layout=${layout} .data=${data} locale="en-GB" style="width: 1000px"></date-line>`,
  );
  await settled(el);
  if (layout === 'axis')
    await waitUntil(() => shadow(el).querySelector('.axis'), 'the axis never loaded', { timeout: 8000 });
  return el;
}

describe('XSS: hostile text in every field', () => {
  warmAxis();
  let trap: ReturnType<typeof traps>;
  beforeEach(() => {
    trap = traps();
  });
  afterEach(() => trap.restore());

  it('the corpus is valid data, so every payload really is rendered', () => {
    const { timeline, errors } = parseTimeline(hostileTimeline(TEXT_PAYLOADS));
    expect(errors).to.deep.equal([]);
    expect(timeline!.events).to.have.length(TEXT_PAYLOADS.length);
  });

  for (const layout of ['list', 'axis'] as const) {
    it(`runs nothing and renders each payload as text (${layout} layout, every event open)`, async () => {
      const data = hostileTimeline(TEXT_PAYLOADS);
      const el = await renderData(data, layout);
      expect(el.errors).to.deep.equal([]);
      expect(el.effectiveLayout).to.equal(layout);
      expect(await exerciseEveryEvent(el)).to.deep.equal([]);
      expect(externalLinkProblems(shadow(el))).to.deep.equal([]);
      // Plain-text fields come out as the very same characters (nothing parsed, nothing dropped).
      const title = shadow(el).querySelector('.title')!.textContent;
      expect(title).to.equal(TEXT_PAYLOADS[0]);
      el.select('e2');
      await el.updateComplete;
      const open = shadow(el).querySelector('[part~="detail"]')!;
      expect(open.querySelector('.date-note')!.textContent).to.include(TEXT_PAYLOADS[2]);
      expect(open.querySelector('img')!.getAttribute('alt')).to.equal(TEXT_PAYLOADS[2]);
      expect(open.querySelector('.sources li')!.textContent).to.include(TEXT_PAYLOADS[2]);
      // Give any handler a chance: image errors, animations, focus.
      await new Promise((done) => setTimeout(done, 200));
      expect(trap.caught).to.deep.equal([]);
    });
  }

  it('shows quotations, captions and facades of hostile text as text, and frames only what it was given', async () => {
    const data = {
      version: 1,
      events: TEXT_PAYLOADS.map((payload, index) => ({
        id: `m${index}`,
        date: `20${String(10 + (index % 80)).padStart(2, '0')}`,
        title: payload,
        media:
          index % 2
            ? { quote: payload, credit: payload, caption: payload }
            : { url: TRICKY_SAFE_MEDIA[index % TRICKY_SAFE_MEDIA.length], type: 'embed', caption: payload },
      })),
    };
    const el = await renderData(data, 'list');
    expect(el.errors).to.deep.equal([]);
    const framed = new Set<string>();
    for (const event of el.timeline!.events) {
      el.select(event.id);
      await el.updateComplete;
      const figure = shadow(el).querySelector('[part~="detail"] figure.media')!;
      figure.querySelector<HTMLButtonElement>('button.facade')?.click();
      const frame = figure.querySelector('iframe');
      if (frame) framed.add(frame.getAttribute('src')!);
      if (event.media!.quote) expect(figure.querySelector('blockquote'), event.id).to.exist;
      expect(domProblems(shadow(el), document.baseURI, RENDERED_WITH_MEDIA), event.id).to.deep.equal([]);
      expect(externalLinkProblems(shadow(el)), event.id).to.deep.equal([]);
    }
    expect([...framed].sort()).to.deep.equal([...new Set(TRICKY_SAFE_MEDIA)].sort());
    await new Promise((done) => setTimeout(done, 200));
    expect(trap.caught).to.deep.equal([]);
  });

  it('puts attribute-breaking URLs into href and src as they are, with nothing added', async () => {
    const el = await renderData(hostileTimeline(TEXT_PAYLOADS.slice(0, TRICKY_SAFE_LINKS.length)), 'list');
    const hrefs = new Set<string>();
    const srcs = new Set<string>();
    for (const event of el.timeline!.events) {
      el.select(event.id);
      await el.updateComplete;
      for (const a of shadow(el).querySelectorAll('.sources a')) hrefs.add(a.getAttribute('href')!);
      for (const media of shadow(el).querySelectorAll('img, video, audio')) srcs.add(media.getAttribute('src')!);
    }
    expect([...hrefs]).to.include.members([...TRICKY_SAFE_LINKS]);
    expect([...srcs]).to.include.members([...TRICKY_SAFE_MEDIA]);
    expect(domProblems(shadow(el))).to.deep.equal([]);
    await new Promise((done) => setTimeout(done, 200));
    expect(trap.caught).to.deep.equal([]);
  });

  it('shows invalid hostile data in its error box as text', async () => {
    // Payloads where only patterns are allowed (ids, colours, dates, locale): every one is an error message.
    const data = {
      [TEXT_PAYLOADS[3]]: TEXT_PAYLOADS[5], // first, so that its error (which quotes the key) is shown
      version: 1,
      locale: TEXT_PAYLOADS[2],
      groups: [{ id: TEXT_PAYLOADS[0], label: 'g', color: TEXT_PAYLOADS[4] }],
      events: TEXT_PAYLOADS.map((payload, index) => ({ id: payload, date: payload, title: `t${index}` })),
    };
    const el = await renderData(data, 'list');
    expect(el.timeline).to.equal(null);
    expect(el.errors.length).to.be.greaterThan(5);
    expect(errorBox(el)!.textContent).to.include(TEXT_PAYLOADS[3]); // the unknown key, quoted in its message
    expect(domProblems(shadow(el))).to.deep.equal([]);
    await new Promise((done) => setTimeout(done, 100));
    expect(trap.caught).to.deep.equal([]);
  });

  it('runs nothing from inline JSON, including a payload that closes the script element', async () => {
    const data = hostileTimeline(TEXT_PAYLOADS);
    const el = document.createElement('date-line');
    el.setAttribute('layout', 'list');
    el.setAttribute('locale', 'en-GB');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(data);
    el.append(script);
    document.body.append(el);
    try {
      await settled(el);
      expect(el.errors).to.deep.equal([]);
      expect(el.timeline!.events).to.have.length(TEXT_PAYLOADS.length);
      expect(await exerciseEveryEvent(el)).to.deep.equal([]);
      await new Promise((done) => setTimeout(done, 200));
      expect(trap.caught).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });
});

describe('XSS: hostile imports', () => {
  let trap: ReturnType<typeof traps>;
  beforeEach(() => {
    trap = traps();
  });
  afterEach(() => trap.restore());

  /** Loads text as a file of this content type, through `src`, as a page would. */
  async function renderFile(text: string, type: string, layout: Layout): Promise<DateLine> {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const el = await fixture<DateLine>(
      html`<date-line layout=${layout} src=${url} locale="en-GB" style="width: 1000px"></date-line>`,
    );
    await settled(el);
    URL.revokeObjectURL(url);
    if (layout === 'axis' && el.timeline)
      await waitUntil(() => shadow(el).querySelector('.axis'), 'the axis never loaded', { timeout: 8000 });
    return el;
  }

  const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

  function dateLineCsv(payloads: readonly string[]): string {
    const header =
      'type,id,date,displayDate,dateNote,title,summary,group,tags,media,mediaAlt,mediaCaption,mediaCredit,mediaThumbnail,sourceTitle,sourceUrl,sourcePublisher,sourceAuthor,sourceNote,x-payload';
    const rows = payloads.map((payload, index) =>
      [
        'event',
        `e${index}`,
        `2017-03-${String((index % 28) + 1).padStart(2, '0')}`,
        payload,
        payload,
        payload,
        payload,
        payload,
        `${payload};tag ${payload}`.replace(/;(?=.*;)/g, ','),
        TRICKY_SAFE_MEDIA[index % TRICKY_SAFE_MEDIA.length],
        payload,
        payload,
        payload,
        TRICKY_SAFE_MEDIA[0],
        payload,
        TRICKY_SAFE_LINKS[index % TRICKY_SAFE_LINKS.length],
        payload,
        payload,
        payload,
        payload,
      ]
        .map(csvCell)
        .join(','),
    );
    return [header, ['title', '', '', '', '', payloads[0], payloads[1]].map(csvCell).join(','), ...rows].join('\r\n');
  }

  function timelineJsCsv(payloads: readonly string[]): string {
    const header =
      'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background';
    const rows = payloads.map((payload, index) =>
      [
        '2017',
        String((index % 12) + 1),
        '1',
        '',
        '',
        '',
        '',
        '',
        payload,
        payload,
        payload,
        index % 2 ? payload : TRICKY_SAFE_MEDIA[index % TRICKY_SAFE_MEDIA.length],
        payload,
        payload,
        payload,
        payload,
        '',
        payload,
        payload,
      ]
        .map(csvCell)
        .join(','),
    );
    return [header, ...rows].join('\r\n');
  }

  function timelineJs(payloads: readonly string[]) {
    const slide = (payload: string, index: number) => ({
      start_date: { year: 2017, month: (index % 12) + 1, day: 1, display_date: payload },
      end_date: { year: 2017, month: 12, display_date: payload },
      display_date: payload,
      text: { headline: payload, text: `<p>${payload}</p><a href="javascript:window.__xss('tljs-a')">x</a>` },
      media: {
        url: index % 3 === 0 ? payload : TRICKY_SAFE_MEDIA[index % TRICKY_SAFE_MEDIA.length],
        caption: payload,
        credit: `<a href="${TRICKY_SAFE_LINKS[index % TRICKY_SAFE_LINKS.length]}">${payload}</a>`,
        alt: payload,
        thumbnail: payload,
        link: `javascript:window.__xss('media-link')`,
      },
      group: payload,
      unique_id: `<img src=x onerror=window.__xss('unique-id')>${index}`,
      background: { url: `javascript:window.__xss('background')`, color: payload },
    });
    return {
      title: { text: { headline: payloads[0], text: payloads[1] }, media: { url: payloads[2] } },
      events: payloads.map(slide),
      eras: payloads.slice(0, 4).map((payload, index) => ({
        start_date: { year: 2000 + index },
        end_date: { year: 2001 + index },
        text: { headline: payload, text: payload },
      })),
    };
  }

  it('the importers never throw on the corpus, and keep the events', () => {
    for (const csv of [dateLineCsv(TEXT_PAYLOADS), timelineJsCsv(TEXT_PAYLOADS)]) {
      const result = fromCSV(csv);
      expect(result.errors, result.errors.map((error) => `${error.path}: ${error.message}`).join('\n')).to.deep.equal(
        [],
      );
      expect(result.data!.events).to.have.length(TEXT_PAYLOADS.length);
    }
    const result = fromTimelineJS(timelineJs(TEXT_PAYLOADS));
    expect(result.errors).to.deep.equal([]);
    expect(result.data!.events).to.have.length(TEXT_PAYLOADS.length);
  });

  const files: [string, () => string, string][] = [
    ['date-line CSV', () => dateLineCsv(TEXT_PAYLOADS), 'text/csv'],
    ['a TimelineJS spreadsheet (CSV)', () => timelineJsCsv(TEXT_PAYLOADS), 'text/csv'],
    ['TimelineJS JSON', () => JSON.stringify(timelineJs(TEXT_PAYLOADS)), 'application/json'],
  ];
  for (const [name, make, type] of files) {
    for (const layout of ['list', 'axis'] as const) {
      it(`runs nothing from ${name} (${layout} layout, every event open)`, async () => {
        const el = await renderFile(make(), type, layout);
        expect(el.errors).to.deep.equal([]);
        expect(el.timeline!.events).to.have.length(TEXT_PAYLOADS.length);
        expect(await exerciseEveryEvent(el)).to.deep.equal([]);
        expect(externalLinkProblems(shadow(el))).to.deep.equal([]);
        await new Promise((done) => setTimeout(done, 200));
        expect(trap.caught).to.deep.equal([]);
      });
    }
  }
});

describe('URLs: only http:, https: (and mailto: for links) are followed', () => {
  let trap: ReturnType<typeof traps>;
  beforeEach(() => {
    trap = traps();
  });
  afterEach(() => trap.restore());

  /** Every place a URL can go, with the JSON Pointer of its error. */
  const places: [string, (url: string) => Record<string, unknown>, string][] = [
    ['a source url', (url) => ({ sources: [{ title: 'S', url }] }), '/events/0/sources/0/url'],
    ['a media url', (url) => ({ media: { url } }), '/events/0/media/url'],
    ['a media url (typed image)', (url) => ({ media: { url, type: 'image' } }), '/events/0/media/url'],
    ['a media thumbnail', (url) => ({ media: { url: '/a.png', thumbnail: url } }), '/events/0/media/thumbnail'],
    ['a link in a summary', (url) => ({ summary: `see [this](${url}) now` }), '/events/0/summary'],
    ['a link in a caption', (url) => ({ media: { url: '/a.png', caption: `[c](${url})` } }), '/events/0/media/caption'],
    ['a link in a credit', (url) => ({ media: { url: '/a.png', credit: `[c](${url})` } }), '/events/0/media/credit'],
  ];

  for (const [place, build, path] of places) {
    it(`refuses every disallowed URL in ${place}, with an error at ${path}`, async () => {
      for (const url of DISALLOWED_URLS) {
        // Markdown links cannot hold whitespace: such a "link" is plain text, which is allowed, and shown as text.
        const plainText = path.endsWith('summary') || path.endsWith('caption') || path.endsWith('credit');
        const data = {
          version: 1,
          events: [{ id: 'e', date: '2017', title: 'T', ...build(url) }],
        };
        const { timeline, errors } = parseTimeline(data);
        const el = await renderData(data, 'list');
        if (timeline) {
          expect(plainText && /[\s\p{Cc}]/u.test(url), `${place}: ${JSON.stringify(url)} was accepted`).to.be.true;
          el.select('e');
          await el.updateComplete;
        } else {
          expect(
            errors.map((error) => error.path),
            JSON.stringify(url),
          ).to.include(path);
          expect(errorBox(el), JSON.stringify(url)).to.exist;
        }
        expect(domProblems(shadow(el)), `${place}: ${JSON.stringify(url)}`).to.deep.equal([]);
        el.remove();
      }
      expect(trap.caught).to.deep.equal([]);
    });
  }

  it('rich text keeps an unsafe link as its literal text, even past validation', () => {
    const host = document.createElement('div');
    document.body.append(host);
    try {
      for (const url of DISALLOWED_URLS) {
        const text = `before [label](${url}) after`;
        render(html`${richText(text)}${richTextInline(text)}`, host);
        expect(domProblems(host), JSON.stringify(url)).to.deep.equal([]);
        expect(host.querySelector('a'), JSON.stringify(url)).to.equal(null);
      }
    } finally {
      host.remove();
    }
  });

  it('the detail view drops unsafe media and source URLs, even past validation', async () => {
    // parseTimeline is the only way in for data, so this guards a second line: an event built by hand.
    const host = document.createElement('div');
    document.body.append(host);
    try {
      const { timeline } = parseTimeline({ version: 1, events: [{ id: 'e', date: '2017', title: 'T' }] });
      const base = timeline!.events[0];
      for (const url of DISALLOWED_URLS) {
        for (const type of ['image', 'video', 'audio', 'embed', 'link', undefined] as const) {
          const event: TimelineEvent = {
            ...base,
            media: { url, ...(type ? { type } : {}), caption: 'c' },
            sources: [{ title: 'S', url }],
          };
          const view: TemplateResult = renderEventBody(event, englishMessages, (span) => formatSpan(span, 'en'));
          render(view, host);
          expect(domProblems(host), `${type}: ${JSON.stringify(url)}`).to.deep.equal([]);
        }
      }
    } finally {
      host.remove();
    }
    await new Promise((done) => setTimeout(done, 100));
    expect(trap.caught).to.deep.equal([]);
  });

  it('opens every link from the article timeline in a new tab without opener or referrer', async () => {
    const el = await fixture<DateLine>(
      html`<date-line layout="list" src="/data/ice-facebook-palantir.json" locale="en-GB"></date-line>`,
    );
    await settled(el);
    let links = 0;
    for (const event of el.timeline!.events) {
      el.select(event.id);
      await el.updateComplete;
      const root = shadow(el);
      links += root.querySelectorAll('a[href]').length;
      expect(externalLinkProblems(root)).to.deep.equal([]);
      expect(domProblems(root)).to.deep.equal([]);
    }
    expect(links).to.be.greaterThan(20);
  });
});

describe('XSS: a hostile light-DOM list (progressive enhancement)', () => {
  let trap: ReturnType<typeof traps>;
  beforeEach(() => {
    trap = traps();
  });
  afterEach(() => trap.restore());

  /** A list whose text is the payloads (as text, which is how a CMS escapes them) and whose links go anywhere. */
  function hostileList(payloads: readonly string[], href: (index: number) => string): HTMLOListElement {
    const list = document.createElement('ol');
    payloads.forEach((payload, index) => {
      const item = list.appendChild(document.createElement('li'));
      const time = item.appendChild(document.createElement('time'));
      time.setAttribute('datetime', `2017-03-${String((index % 28) + 1).padStart(2, '0')}`);
      time.textContent = payload;
      item.appendChild(document.createElement('h3')).textContent = payload;
      const paragraph = item.appendChild(document.createElement('p'));
      paragraph.append(payload, ' ');
      const inner = paragraph.appendChild(document.createElement('a'));
      inner.setAttribute('href', href(index));
      inner.textContent = payload;
      const source = item.appendChild(document.createElement('a'));
      source.setAttribute('href', href(index + 1));
      source.textContent = payload;
    });
    return list;
  }

  for (const [name, href] of [
    ['attribute-breaking but allowed links', (index: number) => TRICKY_SAFE_LINKS[index % TRICKY_SAFE_LINKS.length]],
    ['disallowed links', (index: number) => DISALLOWED_URLS[index % DISALLOWED_URLS.length]],
  ] as const) {
    it(`renders text payloads as text and follows no script link (${name})`, async () => {
      const el = document.createElement('date-line');
      el.layout = 'list';
      el.locale = 'en-GB';
      el.append(hostileList(TEXT_PAYLOADS, href));
      document.body.append(el);
      try {
        await settled(el);
        if (el.timeline) {
          expect(await exerciseEveryEvent(el)).to.deep.equal([]);
          expect(externalLinkProblems(shadow(el))).to.deep.equal([]);
          expect(listedEvents(el).map((event) => event.title)).to.include(TEXT_PAYLOADS[0]);
        } else {
          expect(errorBox(el)).to.exist;
          expect(domProblems(shadow(el))).to.deep.equal([]);
        }
        await new Promise((done) => setTimeout(done, 200));
        expect(trap.caught).to.deep.equal([]);
      } finally {
        el.remove();
      }
    });
  }
});
