import { expect } from '@open-wc/testing';
import type { DateLine } from '../../src/date-line.js';
import { loadMessages } from '../../src/i18n/messages.js';
import {
  DEFAULT_SCRIPT_URL,
  checkEmbedOptions,
  embedHtml,
  listHtml,
  reservedHeightCss,
  type EmbedHtmlOptions,
} from '../../src/model/embed-html.js';
import { fromTimelineJS, parseTimeline } from '../../src/model/index.js';
import type { Timeline, TimelineData } from '../../src/model/types.js';
import { readLightDomList } from '../../src/sources/light-dom.js';
import {
  DISALLOWED_URLS,
  TEXT_PAYLOADS,
  TRICKY_SAFE_LINKS,
  TRICKY_SAFE_MEDIA,
  hostileTimeline,
  traps,
} from '../hardening/corpus.js';
import { ARTICLE_URL, listedEvents, settled } from '../helpers.js';

// `date-line html` and the builder's "Copy HTML" print embedHtml's output. What would catch its bugs: the list
// read back by the element's own reader (readLightDomList) must be the same timeline; the HTML parsed by the
// browser must hold only the elements, attributes and URL schemes it means to print, with hostile text as text.

/** The printed embed, which must exist. */
function print(data: unknown, options: EmbedHtmlOptions = {}): string {
  const result = embedHtml(data as TimelineData, options);
  expect(result.errors).to.deep.equal([]);
  return result.html!;
}

/** The printed HTML as the browser parses it (scripts in a parsed document never run). */
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** What the element reads from the printed list: the data, and that data parsed. */
function readBack(html: string): { data: TimelineData; timeline: Timeline } {
  const host = parse(html).querySelector('date-line')!;
  const data = readLightDomList(host.querySelector(':scope > ol')!, host);
  const { timeline, errors } = parseTimeline(data);
  expect(errors, 'the read-back list is valid data').to.deep.equal([]);
  return { data, timeline: timeline! };
}

/** A timeline as the element uses it, field by field (the list carries no eras: see light-dom.ts). */
function fields(timeline: Timeline) {
  return {
    title: timeline.title,
    description: timeline.description,
    groups: timeline.groups.map(({ id, label, color }) => ({ id, label, color })),
    events: timeline.events.map((event) => ({
      id: event.id,
      date: event.date,
      displayDate: event.displayDate,
      dateNote: event.dateNote,
      title: event.title,
      summary: event.summary,
      group: event.group?.id,
      tags: event.tags,
      importance: event.importance,
      context: event.context,
      media: event.media && {
        url: event.media.url,
        alt: event.media.alt,
        caption: event.media.caption,
        credit: event.media.credit,
      },
      sources: event.sources.map(({ title, publisher, author, date, url, note }) => ({
        title,
        publisher,
        author,
        date,
        url,
        note,
      })),
    })),
  };
}

/** A timeline with every field the list carries, and the dates and texts that are easy to get wrong. */
const EVERY_FIELD: TimelineData = {
  version: 1,
  title: 'Every field',
  description: 'An *intro* with a [link](https://example.com/a?b=1&c=2).\n\nA second paragraph, with **strong** words.',
  groups: [
    { id: 'g1', label: 'Group one', color: '#123456' },
    { id: 'g2', label: 'Group & two' },
  ],
  events: [
    {
      id: 'approximate',
      date: '2014~',
      title: 'An approximate year',
      group: 'g1',
      tags: ['one', 'two; three', 'comma, tag', '"quoted"'],
      importance: 5,
      context: true,
    },
    {
      id: 'separate-end',
      date: '2017-02',
      end: '2017-03',
      title: 'A separate end',
      summary: 'Links [inside](https://example.com/x) the *summary*, **strong** too.\n\nAnd a second paragraph.',
      dateNote: 'A note with <b>markup</b> & an ampersand',
      group: 'g2',
    },
    { id: 'open-start', date: '../2017-03-09', title: 'An open start', displayDate: 'Before 9 March 2017' },
    { id: 'interval', date: '2016-11/2017-01?', title: 'An interval, its end uncertain', importance: 1 },
    { id: 'ides', date: '-0043-03-15', title: 'The Ides of March' },
    {
      id: 'offset',
      date: '2018-03-26T14:30:00-04:00',
      title: 'A time with an offset',
      media: {
        url: 'https://example.com/photo.jpg',
        alt: 'A photo',
        caption: 'The *caption*',
        credit: 'Photo: [Agency](https://agency.example/)',
      },
    },
    {
      id: 'image-by-type',
      date: '2018-04',
      title: 'An image whose address does not say so',
      media: { url: '/media/photo?id=3', type: 'image', alt: '' },
    },
    {
      id: 'sources',
      date: '2019',
      title: 'Sources of every kind',
      sources: [
        {
          title: 'With everything',
          publisher: 'Publisher',
          author: 'Author',
          date: '2019-01-02',
          url: 'https://example.com/s',
          note: 'A note',
        },
        { title: 'Without an address', publisher: 'Archive' },
        { title: 'By mail', url: 'mailto:desk@example.com' },
      ],
    },
    { id: 'spaces', date: '2020', title: 'No-break\u00a0spaces and “quotes” stay' },
    { id: 'between', date: '[2017-03-09..2017-03-31]', title: 'A day between two' },
    { id: 'timestamp', date: '2026-12-07T05:31:08.042Z', title: 'A time as a program writes it' },
  ],
};

describe('embedHtml: the embed it prints', () => {
  it('prints the style, the script tag and the element with its options, then the list', () => {
    const lines = print(
      { version: 1, title: 'Ada', events: [{ id: 'a', date: '1843', title: 'Notes' }] },
      {
        src: 'ada.json',
        layout: 'axis',
        spacing: 'even',
        locale: 'ar',
        theme: 'dark',
        view: '1840/1850',
        groupRows: true,
        script: '/dist/date-line.bundled.js',
      },
    ).split('\n');
    expect(lines).to.deep.equal([
      '<style>date-line[id="ada"]:not(:defined) { display: block; }</style>',
      '<script type="module" src="/dist/date-line.bundled.js"></script>',
      '<date-line id="ada" src="ada.json" layout="axis" spacing="even" locale="ar" dir="rtl" theme="dark" view="1840/1850" group-rows>',
      '  <h2>Ada</h2>',
      '  <ol>',
      '    <li id="ada/a">',
      `      <time datetime="1843">${new Intl.DateTimeFormat('ar', { year: 'numeric', calendar: 'gregory', timeZone: 'UTC' }).format(Date.UTC(1843, 0, 1))}</time>`,
      '      <h3>Notes</h3>',
      '    </li>',
      '  </ol>',
      '</date-line>',
      '',
    ]);
  });

  it('uses the README’s script address and English dates unless told otherwise', () => {
    const html = print({ version: 1, events: [{ id: 'a', date: '2014-09-25', title: 'A day' }] });
    expect(html).to.contain(`<script type="module" src="${DEFAULT_SCRIPT_URL}"></script>`);
    expect(DEFAULT_SCRIPT_URL).to.equal('https://unpkg.com/date-line@0/dist/date-line.bundled.js');
    expect(html).to.contain('<time datetime="2014-09-25">September 25, 2014</time>');
  });

  it('names the element by --id, else by the title, else date-line, and prefixes each item’s id with it', () => {
    const events = [{ id: 'e1', date: '2014', title: 'One' }];
    const idOf = (html: string) => parse(html).querySelector('date-line')!.id;
    expect(idOf(print({ version: 1, title: 'ICE, Facebook and Palantir', events }))).to.equal(
      'ice-facebook-and-palantir',
    );
    expect(idOf(print({ version: 1, title: 'ICE, Facebook and Palantir', events }, { id: 'story-2' }))).to.equal(
      'story-2',
    );
    expect(idOf(print({ version: 1, title: 'Ζώα', events }))).to.equal('date-line'); // no Latin letters to slug
    expect(idOf(print({ version: 1, events }))).to.equal('date-line');
    // The deep link #story-2/e1 opens the event with JavaScript and scrolls to the item without it.
    expect(parse(print({ version: 1, events }, { id: 'story-2' })).getElementById('story-2/e1')).to.exist;
  });

  it('writes dates in words in the locale’s language, and the date as written in datetime', async () => {
    const words = await loadMessages('de');
    const html = print(EVERY_FIELD, { locale: 'de', words });
    const times = [...parse(html).querySelectorAll('ol > li > time')].map((time) => [
      time.getAttribute('datetime'),
      time.textContent,
    ]);
    expect(times).to.deep.include.members([
      ['2014~', 'um 2014'],
      ['2017-02/2017-03', 'Februar–März 2017'],
      ['../2017-03-09', 'Before 9 March 2017'], // the author's displayDate, as written
      ['-0043-03-15', '15. März 44 v. Chr.'],
    ]);
    expect(html).to.contain('<details><summary>Zum Datum</summary>');
  });

  it('keeps the reserved-height rule to the element and leaves it out on request', () => {
    expect(reservedHeightCss({ title: 'Ada' })).to.equal('date-line[id="ada"]:not(:defined) { display: block; }');
    expect(reservedHeightCss({}, { id: 'x.y:z' })).to.equal('date-line[id="x.y:z"]:not(:defined) { display: block; }');
    // Called with any id, the rule still selects that id, and nothing in it ends the string or the <style>.
    const hostile = 'a"]</style><script>alert(1)</script>😀';
    const css = reservedHeightCss({}, { id: hostile });
    expect(css).not.to.contain('<');
    expect(css.match(/"/g), 'only the quotes of the CSS string').to.have.length(2);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    expect(sheet.cssRules).to.have.length(1);
    const element = document.createElement('date-line-undefined');
    element.id = hostile;
    expect(element.matches((sheet.cssRules[0] as CSSStyleRule).selectorText.replace('date-line', '*'))).to.equal(true);
    const html = print(EVERY_FIELD, { style: false });
    expect(html).not.to.contain('<style');
    expect(html.startsWith('<script type="module"')).to.equal(true);
  });

  it('prints images lazily and without a referrer, and leaves them out on request', () => {
    const image = parse(print(EVERY_FIELD)).querySelector('img')!;
    expect(image.getAttribute('src')).to.equal('https://example.com/photo.jpg');
    expect(image.getAttribute('loading')).to.equal('lazy');
    expect(image.getAttribute('referrerpolicy')).to.equal('no-referrer');
    const without = embedHtml(EVERY_FIELD, { media: false });
    expect(parse(without.html!).querySelector('img')).to.equal(null);
    expect(without.warnings.map((warning) => warning.path)).to.deep.equal(['/events/5/media', '/events/6/media']);
  });

  it('warns about what the list cannot carry, unless the element loads the file', () => {
    const data: TimelineData = {
      version: 1,
      groups: [{ id: 'g', label: 'G', description: 'What G is' }],
      eras: [{ id: 'era', label: 'An era', start: '2000', end: '2010' }],
      events: [
        { id: 'v', date: '2005', title: 'A video', group: 'g', media: { url: 'https://example.com/v.mp4' } },
        { id: 'i', date: '2006', title: 'A thumbnail', media: { url: '/i.png', thumbnail: '/t.png' } },
      ],
    };
    expect(embedHtml(data).warnings.map((warning) => warning.path)).to.deep.equal([
      '/eras',
      '/groups/0/description',
      '/events/0/media',
      '/events/1/media/thumbnail',
    ]);
    expect(embedHtml(data, { src: 'data.json' }).warnings).to.deep.equal([]);
  });

  it('prints nothing for invalid data, and gives the errors where they are', () => {
    const result = embedHtml({ version: 1, events: [{ id: 'a', date: '2017-13', title: 'No such month' }] });
    expect(result.html).to.equal(null);
    expect(result.errors.map((error) => error.path)).to.deep.equal(['/events/0/date']);
    expect(embedHtml('not even an object' as unknown as TimelineData).html).to.equal(null);
  });

  it('refuses options the element would not understand, naming them as the command line does', () => {
    expect(checkEmbedOptions({ layout: 'axis', locale: 'fr-CA', view: '2016-11/2018-05', id: 'a.b' })).to.deep.equal(
      [],
    );
    const problems = checkEmbedOptions({
      layout: 'sideways',
      spacing: 'tight',
      theme: 'blue',
      locale: 'not a tag',
      view: '2018/2016',
      id: 'two words',
    } as unknown as EmbedHtmlOptions);
    expect(problems.map((problem) => problem.split(' ')[0])).to.deep.equal([
      '--layout',
      '--spacing',
      '--theme',
      '--id',
      '--locale',
      '--view:',
    ]);
    expect(embedHtml(EVERY_FIELD, { theme: 'blue' } as unknown as EmbedHtmlOptions).html).to.equal(null);
  });
});

describe('embedHtml: the element reads the printed list back as the same timeline', () => {
  it('reads back every field the list carries', () => {
    const html = print(EVERY_FIELD);
    const { data, timeline } = readBack(html);
    expect(fields(timeline)).to.deep.equal(fields(parseTimeline(EVERY_FIELD).timeline!));
    // An <img> is an image, whatever its address says; the list takes the interval as one date.
    expect(data.events.find((event) => event.id === 'image-by-type')!.media!.type).to.equal('image');
    expect(data.events.find((event) => event.id === 'separate-end')!.date).to.equal('2017-02/2017-03');
    // Printing what was read back prints the same embed.
    expect(print(data)).to.equal(html);
  });

  it('prints the article’s Detroit case in order, the arrest between two days after both warrants', async () => {
    const article = (await (await fetch(ARTICLE_URL)).json()) as TimelineData;
    const items = [
      ...parse(print(article, { locale: 'en-GB', words: await loadMessages('en-GB') })).querySelectorAll(
        'date-line > ol > li',
      ),
    ];
    const ids = items.map((item) => item.id.replace(/^[^/]*\//, ''));
    expect(ids.indexOf('detroit-facebook-warrant')).to.be.below(ids.indexOf('detroit-cell-site-warrant'));
    expect(ids.indexOf('detroit-cell-site-warrant')).to.be.below(ids.indexOf('detroit-arrest'));
    const time = items[ids.indexOf('detroit-arrest')].querySelector('time')!;
    expect([time.getAttribute('datetime'), time.textContent]).to.deep.equal([
      '[2017-03-09..2017-03-31]',
      'between 9 and 31 March 2017',
    ]);
  });

  it('reads back the built-in timeline (every field but its eras) and the demo timelines', async () => {
    const article = (await (await fetch(ARTICLE_URL)).json()) as TimelineData;
    const html = print(article);
    const { data, timeline } = readBack(html);
    const original = parseTimeline(article).timeline!;
    expect(fields(timeline)).to.deep.equal(fields(original));
    expect(original.eras).to.have.length(2); // the one thing the list does not carry (embedHtml warns)
    expect(print(data)).to.equal(html);
    for (const name of ['apollo-11', 'egypt-ar']) {
      const demo = (await (await fetch(`/demo/data/${name}.json`)).json()) as TimelineData;
      expect(fields(readBack(print(demo)).timeline), name).to.deep.equal(fields(parseTimeline(demo).timeline!));
    }
    // Its videos and sound clips are not images: the list leaves them out, and says so.
    const converted = fromTimelineJS(await (await fetch('/demo/data/women-in-computing.json')).json()).data!;
    const notImages = new Set(embedHtml(converted).warnings.map((warning) => Number(warning.path.split('/')[2])));
    expect(notImages.size).to.be.above(0);
    const imagesOnly = {
      ...converted,
      events: converted.events.map(({ media, ...event }, index) =>
        notImages.has(index) ? event : { ...event, media },
      ),
    };
    expect(fields(readBack(print(converted)).timeline)).to.deep.equal(fields(parseTimeline(imagesOnly).timeline!));
  });

  it('reads text as a browser shows it: runs of spaces and line breaks as one space', () => {
    const { timeline } = readBack(
      print({
        version: 1,
        events: [{ id: 'a', date: '2014', title: '  Two  spaces\n', summary: 'Line one\nline  two.\n\nNext.' }],
      }),
    );
    expect(timeline.events[0].title).to.equal('Two spaces');
    expect(timeline.events[0].summary).to.equal('Line one line two.\n\nNext.');
  });

  it('is what the element renders once it is defined, deep links and all', async () => {
    const article = (await (await fetch(ARTICLE_URL)).json()) as TimelineData;
    const printed = parse(print(article, { layout: 'list', locale: 'en-GB', words: await loadMessages('en-GB') }));
    // Only the element: the printed script tag points at unpkg, and the tests run on this checkout's element.
    const el = document.importNode(printed.querySelector<DateLine>('date-line')!, true);
    document.body.append(el);
    try {
      await settled(el);
      expect(el.errors).to.deep.equal([]);
      const listed = listedEvents(el);
      expect(listed).to.have.length(20);
      expect(listed.map((event) => event.id)).to.deep.equal(
        parseTimeline(article).timeline!.events.map((event) => event.id),
      );
      // The printed dates are the element's own labels, in the same locale.
      const printedDates = [...el.querySelectorAll(':scope > ol > li > time')].map((time) => time.textContent);
      expect(listed.map((event) => event.date)).to.deep.equal(printedDates);
      expect(el.timeline!.groups.map((group) => group.label)).to.deep.equal([
        'Law',
        'ICE operations',
        'Palantir',
        'Facebook',
        'Reporting',
      ]);
    } finally {
      el.remove();
    }
  });
});

/** Every element the printed embed may hold, with the attributes each may carry. */
const ALLOWED: Record<string, readonly string[]> = {
  html: [],
  head: [],
  body: [],
  style: [],
  script: ['type', 'src'],
  'date-line': ['id', 'src', 'layout', 'spacing', 'locale', 'dir', 'theme', 'view', 'group-rows'],
  h2: [],
  p: [],
  ol: [],
  li: ['id', 'data-importance', 'data-tags', 'data-context'],
  time: ['datetime', 'data-display-date'],
  data: ['value', 'data-color'],
  h3: [],
  details: [],
  summary: [],
  em: [],
  strong: [],
  a: ['href', 'target', 'rel'],
  figure: [],
  img: ['src', 'alt', 'loading', 'decoding', 'referrerpolicy'],
  figcaption: [],
  small: [],
  ul: [],
  cite: [],
  span: ['data-publisher', 'data-author', 'data-note'],
};

/** What in a parsed embed is beyond what it may hold: elements, attributes, URL schemes, comments, scripts. */
function htmlProblems(document: Document, script: string): string[] {
  const problems: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    const tag = element.localName;
    if (!(tag in ALLOWED)) problems.push(`<${tag}> element`);
    for (const { name, value } of element.attributes) {
      if (!ALLOWED[tag]?.includes(name)) problems.push(`${name} attribute on <${tag}>`);
      if (name === 'href' || name === 'src') {
        const schemes = tag === 'a' ? ['http:', 'https:', 'mailto:'] : ['http:', 'https:'];
        const { protocol } = new URL(value, 'https://page.example/article');
        if (!schemes.includes(protocol)) problems.push(`${name}="${value}" on <${tag}>`);
      }
    }
  }
  const scripts = [...document.querySelectorAll('script')].map((element) => element.getAttribute('src'));
  if (scripts.length !== 1 || scripts[0] !== script) problems.push(`scripts: ${JSON.stringify(scripts)}`);
  const comments = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
  if (comments.nextNode()) problems.push('a comment');
  return problems;
}

/** Text as the printed list can carry it: HTML has no U+0000, and shows runs of its whitespace as one space. */
const asShown = (text: string) =>
  text
    .replace(/\0/g, '')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(/^ | $/g, '');

/**
 * Every hostile string in every field of the data: the element's own XSS timeline, with an importance, media that
 * print as images (an embed prints no audio or video) and a source without a link.
 */
function hostileEmbedTimeline(payloads: readonly string[]): TimelineData {
  const data = hostileTimeline(payloads);
  return {
    ...data,
    events: data.events.map(({ media, ...event }, index) => ({
      ...event,
      importance: (index % 5) + 1,
      media: {
        url: media.url.replace(/\.mp[34]/, '.png'),
        caption: media.caption,
        credit: media.credit,
        alt: media.alt,
      },
      sources: [...event.sources, { title: `${payloads[index]} (3)`, publisher: payloads[index] }],
    })),
  };
}

describe('embedHtml: hostile text prints as text', () => {
  const data = hostileEmbedTimeline(TEXT_PAYLOADS);

  it('holds no element, attribute or URL it does not mean to print, whatever the data says', () => {
    TRICKY_SAFE_LINKS.filter((url) => !url.startsWith('mailto:')).forEach((src, index) => {
      const script = TRICKY_SAFE_MEDIA[index % TRICKY_SAFE_MEDIA.length];
      const html = print(data, { src, script, view: '2017-01/2017-06' });
      const document = parse(html);
      expect(htmlProblems(document, script), src).to.deep.equal([]);
      // Attribute values come back exactly as given.
      expect(document.querySelector('date-line')!.getAttribute('src')).to.equal(src);
    });
  });

  it('gives every string back as the same text', () => {
    const html = print(data);
    const document = parse(html);
    expect(document.querySelector('style')!.textContent).to.equal(reservedHeightCss(data));
    const { timeline } = readBack(html);
    const original = parseTimeline(data).timeline!;
    const shown = (text: string | undefined) => (text === undefined ? undefined : asShown(text));
    expect(timeline.title).to.equal(shown(original.title));
    expect(timeline.events).to.have.length(TEXT_PAYLOADS.length);
    timeline.events.forEach((event, index) => {
      const before = original.events[index];
      const where = `event ${before.id}: ${JSON.stringify(TEXT_PAYLOADS[Number(before.id.slice(1))])}`;
      expect(event.id, where).to.equal(before.id);
      expect(event.title, where).to.equal(shown(before.title));
      expect(event.displayDate, where).to.equal(shown(before.displayDate));
      expect(event.dateNote, where).to.equal(shown(before.dateNote));
      expect(event.group!.label, where).to.equal(shown(before.group!.label));
      expect(event.tags, where).to.deep.equal(before.tags);
      expect(event.media!.alt, where).to.equal(before.media!.alt!.replace(/\0/g, ''));
      expect(event.media!.url, where).to.equal(before.media!.url);
      expect(
        event.sources.map((source) => [source.title, source.url, source.publisher, source.author, source.note]),
        where,
      ).to.deep.equal(
        before.sources.map((source) => [
          shown(source.title),
          source.url,
          shown(source.publisher),
          shown(source.author),
          shown(source.note),
        ]),
      );
    });
    // Rich text (summaries, the description, captions and credits) prints again as the very same HTML.
    expect(print(readBack(html).data)).to.equal(html);
  });

  it('prints nothing for data with a URL date-line does not follow, in any field', () => {
    const event = { id: 'e', date: '2017', title: 'A title' };
    for (const url of DISALLOWED_URLS) {
      const cases: Record<string, TimelineData> = {
        'source url': { version: 1, events: [{ ...event, sources: [{ title: 'S', url }] }] },
        'media url': { version: 1, events: [{ ...event, media: { url } }] },
        'summary link': { version: 1, events: [{ ...event, summary: `[link](${url})` }] },
        'description link': { version: 1, description: `[link](${url})`, events: [event] },
      };
      for (const [field, data] of Object.entries(cases)) {
        const result = embedHtml(data);
        // A rich-text link the subset cannot parse (a space in it, say) is text, not a link: then it prints as text.
        if (result.html !== null) {
          expect(htmlProblems(parse(result.html), DEFAULT_SCRIPT_URL), `${field}: ${url}`).to.deep.equal([]);
          expect(parse(result.html).querySelector('ol a, date-line > p a'), `${field}: ${url}`).to.equal(null);
        } else expect(result.errors, `${field}: ${url}`).not.to.be.empty;
      }
    }
  });

  it('refuses a src or script address date-line would not load', () => {
    for (const url of DISALLOWED_URLS) {
      expect(checkEmbedOptions({ src: url }), url).to.have.length(1);
      expect(checkEmbedOptions({ script: url }), url).to.have.length(1);
    }
    expect(checkEmbedOptions({ src: 'mailto:desk@example.com' })).to.have.length(1);
  });
});

describe('listHtml: the element’s children alone, for server rendering', () => {
  /** A defined element given `listHtml`'s output as its children, as a framework's server rendering gives it. */
  async function elementWith(data: TimelineData, options: Parameters<typeof listHtml>[1] = {}): Promise<DateLine> {
    const html = listHtml(data, options);
    expect(html).not.to.equal('');
    const el = document.createElement('date-line');
    if (options.id) el.id = options.id;
    el.layout = 'list';
    el.innerHTML = html;
    document.body.append(el);
    await settled(el);
    return el;
  }

  it('prints the heading, the description and the list as an HTML string, and nothing around them', () => {
    const html = listHtml(EVERY_FIELD);
    const lines = html.split('\n');
    expect(lines[0]).to.equal('<h2>Every field</h2>');
    expect(lines.at(-2)).to.equal('</ol>');
    expect(html).not.to.contain('<script');
    expect(html).not.to.contain('<style');
    expect(html).not.to.contain('<date-line');
    // Each item's id is its deep link under the element's id: none given, the element's own default.
    expect(html).to.contain('<li id="date-line/approximate"');
    expect(listHtml(EVERY_FIELD, { id: 'mine' })).to.contain('<li id="mine/approximate"');
  });

  it('is what embedHtml puts inside the element, line for line', () => {
    const options = { locale: 'en-GB', id: 'story' };
    const inside = embedHtml(EVERY_FIELD, options)
      .html!.split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.slice(2));
    expect(inside).to.deep.equal(listHtml(EVERY_FIELD, options).split('\n').slice(0, -1));
  });

  it('gives an empty string for data that does not validate or an id that cannot be one, and never throws', () => {
    expect(listHtml({ version: 1, events: [{ id: 'a', date: '2017-13', title: 'No such month' }] })).to.equal('');
    expect(listHtml(EVERY_FIELD, { id: 'two words' })).to.equal('');
    expect(listHtml('not even an object' as unknown as TimelineData)).to.equal('');
  });

  it('round trips: the element reads back every field it writes, with an id of its own or without one', async () => {
    for (const id of [undefined, 'story']) {
      const el = await elementWith(EVERY_FIELD, { id });
      try {
        expect(el.errors, String(id)).to.deep.equal([]);
        expect(fields(el.timeline!), String(id)).to.deep.equal(fields(parseTimeline(EVERY_FIELD).timeline!));
      } finally {
        el.remove();
      }
    }
    const article = (await (await fetch(ARTICLE_URL)).json()) as TimelineData;
    const german = await elementWith(article, { locale: 'de', words: await loadMessages('de') });
    try {
      expect(fields(german.timeline!)).to.deep.equal(fields(parseTimeline(article).timeline!));
      expect(listedEvents(german)).to.have.length(20);
      await expect(german).to.be.accessible();
    } finally {
      german.remove();
    }
  });

  it('keeps hostile text as text, in the element too', async () => {
    const data = hostileEmbedTimeline(TEXT_PAYLOADS);
    const container = parse(`<date-line>${listHtml(data)}</date-line>`);
    expect(htmlProblems(container, '')).to.deep.equal(['scripts: []']); // no script at all, not even ours
    const trap = traps();
    try {
      const el = await elementWith(data);
      try {
        const original = parseTimeline(data).timeline!;
        expect(el.timeline!.events.map((event) => event.title)).to.deep.equal(
          original.events.map((event) => asShown(event.title)),
        );
        await new Promise((resolve) => setTimeout(resolve, 100)); // what would run on load has had its chance
        expect(trap.caught).to.deep.equal([]);
      } finally {
        el.remove();
      }
    } finally {
      trap.restore();
    }
  });
});
