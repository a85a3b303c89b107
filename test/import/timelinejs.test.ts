import { expect } from '@open-wc/testing';
import { parseDateSpan, type CalendarDate } from '../../src/model/dates.js';
import { fromTimelineJS } from '../../src/model/import/timelinejs.js';
import { detectSource, looksLikeTimelineJS } from '../../src/model/import/source.js';
import { parseTimeline } from '../../src/model/parse.js';
import { plainText } from '../../src/model/rich-text.js';
import { describeMedia } from '../../src/model/media.js';
import type { MediaData } from '../../src/model/timeline-data.generated.js';

const FIXTURES = ['houston_timeline3.json', 'twain_marktwain.json', 'women_in_computing.json', 'all-media-types.json'];
const EVENT_COUNTS: Record<string, number> = {
  'houston_timeline3.json': 18,
  'twain_marktwain.json': 17,
  'women_in_computing.json': 10,
  'all-media-types.json': 41,
};

type Json = Record<string, unknown>;
/** The parts of a TimelineJS file these tests read. */
interface Slide {
  start_date?: Json;
  end_date?: Json;
  text?: { headline?: string; text?: string };
  media?: { url?: string; caption?: string; credit?: string; thumbnail?: string };
}
interface TimelineJSFile {
  title?: Slide;
  events: Slide[];
}

/**
 * The oracle for text: what a browser shows for the HTML, from its own parser (not the importer's tokenizer).
 * Whitespace is left out of the comparison: a browser joins "<p>a</p><p>b</p>" as "ab", the importer makes two
 * paragraphs of them.
 */
function browserText(html: unknown): string {
  if (typeof html !== 'string') return '';
  return (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').replace(/\s+/g, '');
}
const squeeze = (text: string | undefined) => (text ?? '').replace(/\s+/g, '');

/** TimelineJS date parts as numbers (empty parts left out), TimelineJS's own way. */
function timelineJSParts(date: Json | undefined): Partial<Record<string, number>> {
  const parts: Partial<Record<string, number>> = {};
  for (const part of ['year', 'month', 'day', 'hour', 'minute', 'second']) {
    const value = date?.[part];
    if (typeof value !== 'number' && (typeof value !== 'string' || value.trim() === '')) break;
    parts[part] = Number(value);
  }
  return parts;
}

/**
 * A slide's media as imported: an address as it is (with its caption, credit and thumbnail); an embed code as the
 * media it stands for (an <iframe>'s page to frame, a post's address, a quotation's words, as the browser reads
 * them); nothing where the slide has none.
 */
function expectSameMedia(media: MediaData | undefined, slide: Slide, what: string) {
  const url = (slide.media?.url ?? '').trim();
  if (!url) {
    expect(media, what).to.equal(undefined);
    return;
  }
  expect(media, what).to.exist;
  expect(describeMedia(media!), `${what}: date-line shows it`).to.exist;
  if (!url.startsWith('<')) expect(media!.url, what).to.equal(url);
  else {
    const doc = new DOMParser().parseFromString(url, 'text/html');
    const frame = doc.querySelector('iframe');
    const quote = doc.querySelector('blockquote');
    if (frame) expect([media!.url, media!.type], what).to.deep.equal([frame.getAttribute('src'), 'embed']);
    else if (quote?.classList.contains('twitter-tweet')) {
      const links = [...quote.querySelectorAll('a')].map((link) => link.href);
      expect(media!.url, what).to.equal(links.at(-1));
      expect(squeeze(plainText(media!.quote!)), what).to.equal(browserText(quote.querySelector('p')!.innerHTML));
    } else expect(squeeze(plainText(media!.quote!)), what).to.equal(browserText(url));
  }
  expect(squeeze(plainText(media!.caption ?? '')), `${what} caption`).to.equal(browserText(slide.media?.caption));
  expect(squeeze(plainText(media!.credit ?? '')), `${what} credit`).to.equal(browserText(slide.media?.credit));
  if (slide.media?.thumbnail) expect(media!.thumbnail, what).to.equal(slide.media.thumbnail);
}

function expectSameDate(date: CalendarDate, source: Json | undefined, what: string) {
  const parts = timelineJSParts(source);
  const year = parts.year! < 0 ? parts.year! + 1 : parts.year; // TimelineJS -44 is 44 BCE, ISO -0043
  expect(date.year, `${what}: year`).to.equal(year);
  expect(date.month, `${what}: month`).to.equal(parts.month);
  expect(date.day, `${what}: day`).to.equal(parts.day);
  expect(date.hour, `${what}: hour`).to.equal(parts.hour);
  if (parts.hour !== undefined) expect(date.minute, `${what}: minute`).to.equal(parts.minute ?? 0);
  expect(date.second, `${what}: second`).to.equal(parts.second);
  const precision =
    parts.second !== undefined
      ? 'second'
      : parts.hour !== undefined
        ? 'minute'
        : parts.day
          ? 'day'
          : parts.month
            ? 'month'
            : 'year';
  expect(date.precision, `${what}: precision`).to.equal(precision);
}

describe('fromTimelineJS: the real TimelineJS files', () => {
  for (const name of FIXTURES) {
    describe(name, () => {
      let source: TimelineJSFile;
      let result: ReturnType<typeof fromTimelineJS>;
      before(async () => {
        source = (await (await fetch(`/test/fixtures/timelinejs/${name}`)).json()) as TimelineJSFile;
        result = fromTimelineJS(source);
      });

      it('imports without errors, and the result is valid date-line data', () => {
        expect(result.errors).to.deep.equal([]);
        expect(result.format).to.equal('timelinejs');
        const parsed = parseTimeline(result.data);
        expect(parsed.errors).to.deep.equal([]);
        expect(parsed.timeline!.events).to.have.length(EVENT_COUNTS[name]);
      });

      it('keeps every event, in order, with its headline', () => {
        const events = result.data!.events;
        expect(events).to.have.length(source.events.length);
        source.events.forEach((slide, index) => {
          const headline = browserText(slide.text?.headline);
          // An empty headline gets a stand-in made from the date (and a warning).
          if (headline) expect(squeeze(events[index].title), `event ${index}`).to.equal(headline);
          else {
            expect(events[index].title, `event ${index}`).to.match(/\d{4}/);
            expect(result.warnings.map((w) => w.path)).to.include(`/events/${index}/text/headline`);
          }
        });
      });

      it('keeps every date at its own precision', () => {
        source.events.forEach((slide, index) => {
          const event = result.data!.events[index];
          const span = parseDateSpan(event.end ? `${event.date}/${event.end}` : event.date);
          expect(span.ok, `event ${index}: ${event.date}`).to.equal(true);
          if (!span.ok) return;
          expectSameDate(span.value.start!, slide.start_date, `event ${index} start`);
          if (timelineJSParts(slide.end_date).year !== undefined) {
            expectSameDate(span.value.end!, slide.end_date, `event ${index} end`);
          } else expect(event.end, `event ${index}`).to.equal(undefined);
        });
      });

      it('keeps every text, as rich text with the same words (and never HTML)', () => {
        source.events.forEach((slide, index) => {
          const event = result.data!.events[index];
          expect(squeeze(plainText(event.summary ?? '')), `event ${index}`).to.equal(browserText(slide.text?.text));
          expect(event.summary ?? '', `event ${index}`).not.to.match(/<\/?[a-z][^>]*>/i);
        });
      });

      it('keeps every media item, its caption and credit: an address as it is, an embed code as media', () => {
        source.events.forEach((slide, index) =>
          expectSameMedia(result.data!.events[index].media, slide, `event ${index}`),
        );
      });

      it("takes the title slide as the title, description and the timeline's media", () => {
        const title = browserText(source.title?.text?.headline);
        expect(squeeze(result.data!.title)).to.equal(title);
        expect(squeeze(plainText(result.data!.description ?? ''))).to.equal(browserText(source.title?.text?.text));
        expectSameMedia(result.data!.media, source.title ?? {}, 'title');
      });

      it('gives every event a unique, valid id', () => {
        const ids = result.data!.events.map((event) => event.id);
        expect(new Set(ids).size).to.equal(ids.length);
        for (const id of ids) expect(id).to.match(/^[a-z0-9][a-z0-9-]*$/);
      });
    });
  }

  it('turns TimelineJS links into rich-text links (women_in_computing, event 0)', async () => {
    const source = (await (await fetch('/test/fixtures/timelinejs/women_in_computing.json')).json()) as unknown;
    const [ada] = fromTimelineJS(source).data!.events;
    expect(ada.summary).to.contain('[Ada Lovelace](https://en.wikipedia.org/wiki/Ada_Lovelace)');
    expect(ada.media!.caption).to.equal(
      '[Portrait by Alfred Edward Chalon](https://en.wikipedia.org/wiki/Ada_Lovelace#/media/File:Ada_Lovelace_portrait.jpg)',
    );
  });

  it('reads the fixtures as TimelineJS when they come as text, by their shape', async () => {
    for (const name of FIXTURES) {
      const text = await (await fetch(`/test/fixtures/timelinejs/${name}`)).text();
      const detected = detectSource(text, { contentType: 'application/json', name });
      expect(detected.format, name).to.equal('timelinejs');
      expect(fromTimelineJS(text).data!.events).to.have.length(EVENT_COUNTS[name]);
    }
  });
});

/** A one-event TimelineJS timeline. */
const timeline = (slide: Json, extra: Json = {}) => ({ events: [{ text: { headline: 'Event' }, ...slide }], ...extra });
const only = (input: unknown) => {
  const result = fromTimelineJS(input);
  expect(result.errors, JSON.stringify(result.errors)).to.deep.equal([]);
  expect(parseTimeline(result.data).errors).to.deep.equal([]);
  return { event: result.data!.events[0], result };
};

describe('fromTimelineJS: dates', () => {
  const cases: [string, Json, Json | undefined, string, string?][] = [
    ['a year', { year: 1978 }, undefined, '1978'],
    ['a year as text', { year: '1978' }, undefined, '1978'],
    ['a month', { year: '1978', month: '8' }, undefined, '1978-08'],
    ['a day', { year: 1963, month: 8, day: 9 }, undefined, '1963-08-09'],
    ['a time', { year: 2000, month: 1, day: 5, hour: '6', minute: '45' }, undefined, '2000-01-05T06:45'],
    ['seconds', { year: 2000, month: 1, day: 5, hour: 6, minute: 45, second: 56 }, undefined, '2000-01-05T06:45:56'],
    ['an hour alone gets :00', { year: 2000, month: 1, day: 5, hour: 6 }, undefined, '2000-01-05T06:00'],
    [
      'milliseconds, as three digits of a second',
      { year: 2026, month: 12, day: 7, hour: 5, minute: 31, second: 8, millisecond: 42 },
      undefined,
      '2026-12-07T05:31:08.042',
    ],
    ['empty parts are absent', { year: '1951', month: '', day: '', hour: '' }, undefined, '1951'],
    ['44 BCE (TimelineJS year -44)', { year: -44, month: 3, day: 15 }, undefined, '-0043-03-15'],
    ['1 BCE (TimelineJS year -1)', { year: -1 }, undefined, '0000'],
    ['a year of five digits', { year: 12345 }, undefined, 'Y12345'],
    ['deep time', { year: -13800000000 }, undefined, 'Y-13799999999'],
    ['an end date', { year: 1815, month: 12, day: 10 }, { year: 1852, month: 11, day: 27 }, '1815-12-10', '1852-11-27'],
    ['an end of another precision', { year: 1943, month: 7 }, { year: 1946, month: '' }, '1943-07', '1946'],
  ];
  for (const [name, start, end, date, endDate] of cases) {
    it(name, () => {
      const { event } = only(timeline({ start_date: start, ...(end ? { end_date: end } : {}) }));
      expect(event.date).to.equal(date);
      expect(event.end).to.equal(endDate);
    });
  }

  it('reads only the year on the cosmological scale, as TimelineJS does', () => {
    const { event } = only(timeline({ start_date: { year: -4500000000, month: 3 } }, { scale: 'cosmological' }));
    expect(event.date).to.equal('Y-4499999999');
  });

  it('keeps a year of more than four digits alone, as EDTF writes it, with a warning', () => {
    const { event, result } = only(timeline({ start_date: { year: 12345, month: 3, day: 9 } }));
    expect(event.date).to.equal('Y12345');
    expect(result.warnings).to.deep.include({
      path: '/events/0/start_date/month',
      message: 'The month, day and time are left out: a year of more than four digits (12345) is a year alone in EDTF.',
    });
  });

  it('drops an end that equals the start', () => {
    expect(only(timeline({ start_date: { year: 1978 }, end_date: { year: '1978' } })).event.end).to.equal(undefined);
  });

  it('drops an end before the start, with a warning', () => {
    const { event, result } = only(timeline({ start_date: { year: 1990 }, end_date: { year: 1980 } }));
    expect(event.end).to.equal(undefined);
    expect(result.warnings).to.deep.include({
      path: '/events/0/end_date',
      message: 'The end date (1980) is before the start date (1990); it is left out.',
    });
  });

  it('leaves out milliseconds without seconds, with a warning', () => {
    const { event, result } = only(
      timeline({ start_date: { year: 2026, month: 12, day: 7, hour: 5, millisecond: 42 } }),
    );
    expect(event.date).to.equal('2026-12-07T05:00');
    expect(result.warnings[0].path).to.equal('/events/0/start_date/millisecond');
  });

  it('ignores a finer part after a missing one, with a warning', () => {
    const { event, result } = only(timeline({ start_date: { year: 1978, day: 9 } }));
    expect(event.date).to.equal('1978');
    expect(result.warnings[0].path).to.equal('/events/0/start_date/day');
  });

  const errors: [string, Json, string, RegExp][] = [
    ['no start date', {}, '/events/0/start_date', /no start date/],
    ['no year', { start_date: { month: 3 } }, '/events/0/start_date', /no start date/],
    [
      'a year that is not a number',
      { start_date: { year: '19x8' } },
      '/events/0/start_date/year',
      /"19x8" is not a whole number/,
    ],
    ['month 13', { start_date: { year: 1978, month: 13 } }, '/events/0/start_date/month', /no month 13/],
    [
      '30 February',
      { start_date: { year: 2017, month: 2, day: 30 } },
      '/events/0/start_date/day',
      /no day 30 \(the day goes from 1 to 28\)/,
    ],
    ['hour 24', { start_date: { year: 2017, month: 2, day: 3, hour: 24 } }, '/events/0/start_date/hour', /no hour 24/],
    [
      'millisecond 1000',
      { start_date: { year: 2017, month: 2, day: 3, hour: 4, minute: 5, second: 6, millisecond: 1000 } },
      '/events/0/start_date/millisecond',
      /no millisecond 1000 \(the millisecond goes from 0 to 999\)/,
    ],
    ['a date that is text', { start_date: '1978' }, '/events/0/start_date', /object of parts/],
  ];
  for (const [name, slide, path, message] of errors) {
    it(`reports ${name} where it is`, () => {
      const result = fromTimelineJS(timeline(slide));
      expect(result.data).to.equal(null);
      expect(result.errors).to.have.length(1);
      expect(result.errors[0].path).to.equal(path);
      expect(result.errors[0].message).to.match(message);
    });
  }
});

describe('fromTimelineJS: text, media, ids, groups, eras, title', () => {
  it('uses display_date, of the slide first, then of the start date', () => {
    expect(only(timeline({ start_date: { year: -44, display_date: 'Ides of March' } })).event.displayDate).to.equal(
      'Ides of March',
    );
    const both = timeline({
      display_date: 'The slide’s',
      start_date: { year: 1, display_date: 'start’s' },
    });
    expect(only(both).event.displayDate).to.equal('The slide’s');
    const range = timeline({
      start_date: { year: 1939, display_date: 'September 1939' },
      end_date: { year: 1945, display_date: 'May 1945' },
    });
    expect(only(range).event.displayDate).to.equal('September 1939 – May 1945');
  });

  it('makes a headline from the date when there is none', () => {
    const { event, result } = only({ events: [{ start_date: { year: 1908, month: 5, day: 13 } }] });
    expect(event.title).to.equal('May 13, 1908');
    expect(result.warnings[0]).to.deep.equal({
      path: '/events/0/text/headline',
      message: 'This event has no headline; its date stands in ("May 13, 1908").',
    });
  });

  const mediaCases: [string, string, string | undefined][] = [
    ['an https image', 'https://example.com/a.jpg', 'https://example.com/a.jpg'],
    ['a protocol-relative address', '//upload.wikimedia.org/a.jpg', '//upload.wikimedia.org/a.jpg'],
    ['a relative address', '/static/img/family.jpg', '/static/img/family.jpg'],
    ['an address with a space', 'https://example.com/my photo.jpg', 'https://example.com/my%20photo.jpg'],
    ['a data: image', 'data:image/png;base64,iVBORw0KGgo=', undefined],
    ['a javascript: address', 'javascript:alert(1)', undefined],
    ['a javascript: address in capitals with spaces', '  JavaScript:alert(1)', undefined],
    ['an address without a host', 'https://', undefined],
  ];
  for (const [name, url, expected] of mediaCases) {
    it(`media: ${name}`, () => {
      const { event, result } = only(timeline({ start_date: { year: 2000 }, media: { url, caption: 'C' } }));
      expect(event.media?.url).to.equal(expected);
      if (!expected) {
        expect(result.warnings).to.have.length(1);
        expect(result.warnings[0].path).to.equal('/events/0/media/url');
        expect(result.warnings[0].message).to.match(/is left out: date-line loads media only from http: and https:/);
      }
    });
  }

  it('media: drops an unsafe thumbnail and keeps the rest', () => {
    const { event, result } = only(
      timeline({ start_date: { year: 2000 }, media: { url: 'https://x.org/a.jpg', thumbnail: 'data:image/png,x' } }),
    );
    expect(event.media).to.deep.equal({ url: 'https://x.org/a.jpg' });
    expect(result.warnings[0].path).to.equal('/events/0/media/thumbnail');
  });

  it('media: keeps alt text, converts caption and credit', () => {
    const { event } = only(
      timeline({
        start_date: { year: 2000 },
        media: { url: 'https://x.org/a.jpg', alt: 'A portrait', caption: '<i>Caption</i>', credit: null },
      }),
    );
    expect(event.media).to.deep.equal({ url: 'https://x.org/a.jpg', alt: 'A portrait', caption: '*Caption*' });
  });

  // Embed codes pasted as media: [what, the HTML, the media, the warning (a pattern), the summary].
  const embedCases: [string, string, MediaData | undefined, RegExp | undefined, string | undefined][] = [
    [
      'an <iframe>: its https page, to frame',
      '<iframe width="560" src="https://www.youtube.com/embed/x?a=1&amp;b=2" frameborder="0"></iframe>',
      { url: 'https://www.youtube.com/embed/x?a=1&b=2', type: 'embed' },
      undefined,
      undefined,
    ],
    [
      'a protocol-relative <iframe>: https',
      "<iframe src='//cdn.example.org/embed.html'></iframe>",
      { url: 'https://cdn.example.org/embed.html', type: 'embed' },
      undefined,
      undefined,
    ],
    [
      'an http <iframe>: left out',
      '<iframe src="http://example.org/embed.html"></iframe>',
      undefined,
      /The <iframe> of "http:\/\/example\.org\/embed\.html" is left out: date-line frames only https: pages/,
      undefined,
    ],
    [
      'a javascript: <iframe>: left out',
      '<iframe src="javascript:alert(1)"></iframe>',
      undefined,
      /frames only https: pages/,
      undefined,
    ],
    [
      'a <blockquote>: a quotation, its tags dropped',
      '<blockquote>A <b>bold</b> claim.<script>alert(1)</script></blockquote>',
      { quote: 'A **bold** claim.' },
      undefined,
      undefined,
    ],
    [
      'a <blockquote cite>: a quotation and its source',
      '<blockquote cite="https://example.org/speech">Words.</blockquote>',
      { url: 'https://example.org/speech', quote: 'Words.' },
      undefined,
      undefined,
    ],
    [
      "a post on X: the post's address and its words",
      '<blockquote class="twitter-tweet"><p lang="en">Good <a href="https://twitter.com/hashtag/dogs">#dogs</a></p>&mdash; K (@k) <a href="https://twitter.com/k/status/947888817486192641?ref_src=twsrc">January 1, 2018</a></blockquote> <script async src="https://platform.twitter.com/widgets.js"></script>',
      {
        url: 'https://twitter.com/k/status/947888817486192641?ref_src=twsrc',
        quote: 'Good [#dogs](https://twitter.com/hashtag/dogs)',
      },
      undefined,
      undefined,
    ],
    [
      "an Instagram post: the post's address",
      '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/ymwL5JAsw5/?utm_source=ig_embed"><a href="x">View this post on Instagram</a></blockquote>',
      { url: 'https://www.instagram.com/p/ymwL5JAsw5/?utm_source=ig_embed' },
      undefined,
      undefined,
    ],
    [
      'an Imgur post',
      '<blockquote class="imgur-embed-pub" lang="en" data-id="a/NRpFrrk"><a href="//imgur.com/a/NRpFrrk">A cat</a></blockquote>',
      { url: 'https://imgur.com/a/NRpFrrk' },
      undefined,
      undefined,
    ],
    [
      'a TikTok post',
      '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@scout2015/video/6718335390845095173"><section>Scout</section></blockquote>',
      { url: 'https://www.tiktok.com/@scout2015/video/6718335390845095173' },
      undefined,
      undefined,
    ],
    [
      'other HTML: its text joins the summary',
      '<div>Some <i>words</i></div>',
      undefined,
      /The media is HTML, not an address; its text is added to the summary/,
      'Text.\n\nSome *words*',
    ],
  ];
  for (const [name, html, media, warning, summary] of embedCases) {
    it(`media: ${name}`, () => {
      const { event, result } = only(
        timeline({
          start_date: { year: 2000 },
          text: { headline: 'Event', text: 'Text.' },
          media: { url: html, credit: 'C' },
        }),
      );
      expect(event.media).to.deep.equal(media && { ...media, credit: 'C' });
      if (media) expect(describeMedia(event.media!), 'date-line shows it').to.exist;
      expect(result.warnings.map((w) => w.message).join('\n')).to.match(warning ?? /^$/);
      expect(event.summary).to.equal(summary ?? 'Text.');
    });
  }

  it('keeps valid unique_ids and makes the others from the headline', () => {
    const result = fromTimelineJS({
      events: [
        { start_date: { year: 1 }, unique_id: 'kept-id', text: { headline: 'A' } },
        { start_date: { year: 2 }, unique_id: '', text: { headline: 'Kept id' } },
        { start_date: { year: 3 }, unique_id: 'has spaces', text: { headline: 'C' } },
        { start_date: { year: 4 }, text: { headline: 'Same' } },
        { start_date: { year: 5 }, text: { headline: 'Same' } },
        { start_date: { year: 6 }, unique_id: 'kept-id', text: { headline: 'Twice' } },
        { start_date: { year: 7 }, text: { headline: 'Ünïcödé & Co.' } },
        { start_date: { year: 8 }, text: { headline: '日本語' } },
      ],
    });
    expect(result.data!.events.map((e) => e.id)).to.deep.equal([
      'kept-id',
      'kept-id-2',
      'has-spaces',
      'same',
      'same-2',
      'twice',
      'unicode-co',
      'event-8',
    ]);
    expect(result.warnings.map((w) => w.path)).to.deep.equal(['/events/5/unique_id', '/events/2/unique_id']);
  });

  it('collects groups, with ids made from their names', () => {
    const result = fromTimelineJS({
      events: [
        { start_date: { year: 1 }, group: 'Palantir' },
        { start_date: { year: 2 }, group: 'ICE operations' },
        { start_date: { year: 3 }, group: 'Palantir' },
        { start_date: { year: 4 }, group: '' },
      ],
    });
    expect(result.data!.groups).to.deep.equal([
      { id: 'palantir', label: 'Palantir' },
      { id: 'ice-operations', label: 'ICE operations' },
    ]);
    expect(result.data!.events.map((e) => e.group)).to.deep.equal([
      'palantir',
      'ice-operations',
      'palantir',
      undefined,
    ]);
    expect(parseTimeline(result.data).errors).to.deep.equal([]);
  });

  it('reads eras', () => {
    const result = fromTimelineJS({
      events: [{ start_date: { year: 2010 } }],
      eras: [
        {
          start_date: { year: 2009, month: 1, day: 20 },
          end_date: { year: 2017, month: 1, day: 20 },
          text: { headline: 'Obama <i>administration</i>' },
        },
        { start_date: { year: 2017 }, end_date: { year: 2021 } },
      ],
    });
    expect(result.data!.eras).to.deep.equal([
      { id: 'obama-administration', label: 'Obama administration', start: '2009-01-20', end: '2017-01-20' },
      { id: '2017-2021', label: '2017–2021', start: '2017', end: '2021' },
    ]);
    expect(parseTimeline(result.data).timeline!.eras).to.have.length(2);
  });

  it('reports an era without an end', () => {
    const result = fromTimelineJS({ events: [], eras: [{ start_date: { year: 2009 }, text: { headline: 'Open' } }] });
    expect(result.errors).to.deep.equal([{ path: '/eras/0/end_date', message: 'This era has no end date.' }]);
  });

  it("takes the title slide, its media as the timeline's", () => {
    const result = fromTimelineJS({
      title: {
        text: { headline: 'The <b>title</b>', text: '<p>Intro with a <a href="https://x.org/">link</a>.</p>' },
        media: { url: 'https://x.org/t.jpg', caption: '<i>The</i> picture' },
      },
      events: [],
    });
    expect(result.data).to.deep.equal({
      version: 1,
      title: 'The title',
      description: 'Intro with a [link](https://x.org/).',
      media: { url: 'https://x.org/t.jpg', caption: '*The* picture' },
      events: [],
    });
    expect(result.warnings).to.deep.equal([]);
  });

  it("locates a problem of the title slide's media in the title slide", () => {
    const result = fromTimelineJS({ title: { media: { url: 'javascript:alert(1)' } }, events: [] });
    expect(result.data!.media).to.equal(undefined);
    expect(result.warnings.map((w) => w.path)).to.deep.equal(['/title/media/url']);
  });

  it('warns about links it drops from text', () => {
    const { event, result } = only(
      timeline({ start_date: { year: 1 }, text: { headline: 'H', text: '<a href="javascript:go()">Go</a>' } }),
    );
    expect(event.summary).to.equal('Go');
    expect(result.warnings[0].path).to.equal('/events/0/text/text');
  });

  const notTimelineJS: [string, unknown][] = [
    ['null', null],
    ['a list', []],
    ['an object without events', { title: 'x' }],
    ['invalid JSON text', '{"events": ['],
  ];
  for (const [name, input] of notTimelineJS) {
    it(`refuses ${name}, without throwing`, () => {
      const result = fromTimelineJS(input);
      expect(result.data).to.equal(null);
      expect(result.errors).to.have.length(1);
    });
  }

  it('survives a hostile object', () => {
    const hostile = {
      get events() {
        throw new Error('no');
      },
    };
    expect(fromTimelineJS(hostile).errors[0].message).to.match(/could not be read: no/);
  });
});

describe('looksLikeTimelineJS and detectSource', () => {
  const cases: [string, unknown, boolean][] = [
    ['TimelineJS events', { events: [{ start_date: { year: 1 } }] }, true],
    ['a TimelineJS title slide and no events', { title: { text: { headline: 'x' } }, events: [] }, true],
    ['date-line data', { version: 1, title: 'x', events: [{ id: 'a', date: '2017', title: 't' }] }, false],
    ['a list', [{ start_date: {} }], false],
    ['null', null, false],
  ];
  for (const [name, value, expected] of cases) {
    it(name, () => expect(looksLikeTimelineJS(value)).to.equal(expected));
  }

  it('tells CSV by content type or name', () => {
    expect(detectSource('a,b', { contentType: 'text/csv; charset=utf-8' }).format).to.equal('csv');
    expect(detectSource('a,b', { name: 'https://x.org/sheet.CSV?v=2#top' }).format).to.equal('csv');
    expect(detectSource('{"version":1,"events":[]}', { name: 'x.json' })).to.deep.equal({
      format: 'date-line',
      json: { version: 1, events: [] },
    });
    expect(detectSource('not json', { contentType: 'application/json' }).format).to.equal('date-line');
  });
});

describe('fromTimelineJS with { partial: true }: slides with problems are left out, the others kept', () => {
  it('keeps the valid slides of a real file with two broken ones, and locates each problem', async () => {
    const json = (await (await fetch('/test/fixtures/timelinejs/houston_timeline3.json')).json()) as {
      events: Slide[];
    };
    json.events[2].start_date = { year: 2017, month: 2, day: 30 };
    json.events[7].start_date = { year: '19x8' };
    const result = fromTimelineJS(json, { partial: true });
    expect(result.skipped).to.equal(2);
    expect(result.errors.map((error) => error.path)).to.deep.equal([
      '/events/2/start_date/day',
      '/events/7/start_date/year',
    ]);
    expect(parseTimeline(result.data).timeline!.events).to.have.length(16);
    expect(fromTimelineJS(json).data, 'strict, as date-line validate reads it').to.equal(null);
  });

  it('keeps slides whose problems the import mends (a link it drops, an id used twice), as the strict import does', () => {
    const result = fromTimelineJS(
      {
        events: [
          { start_date: { year: 2017 }, text: { headline: 'Kept' } },
          { start_date: { year: 2018 }, text: { headline: 'Bad link', text: '<a href="javascript:x">x</a>' } },
          { start_date: { year: 2019 }, unique_id: 'same', text: { headline: 'First' } },
          { start_date: { year: 2020 }, unique_id: 'same', text: { headline: 'Second' } },
        ],
      },
      { partial: true },
    );
    expect(result.data!.events.map((event) => event.title)).to.deep.equal(['Kept', 'Bad link', 'First', 'Second']);
    expect(result).not.to.have.property('skipped');
    expect(result.warnings).to.have.length(2);
  });

  it('still refuses the file for a broken era or a file that is not TimelineJS', () => {
    const brokenEra = fromTimelineJS(
      { events: [{ start_date: { year: 2017 } }], eras: [{ start_date: { year: 2017 } }] },
      { partial: true },
    );
    expect(brokenEra.data).to.equal(null);
    expect(brokenEra.errors.map((error) => error.path)).to.deep.equal(['/eras/0/end_date']);
    expect(fromTimelineJS({ slides: [] }, { partial: true }).data).to.equal(null);
  });
});
