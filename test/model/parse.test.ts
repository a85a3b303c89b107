import { expect } from '@open-wc/testing';
import { parseTimeline } from '../../src/model/parse.js';

const minimal = (events: unknown[], extra: Record<string, unknown> = {}) => ({ version: 1, events, ...extra });
const event = (fields: Record<string, unknown> = {}) => ({ id: 'e1', date: '2017', title: 'An event', ...fields });

function errorsOf(input: unknown) {
  const result = parseTimeline(input);
  expect(result.timeline, 'an invalid timeline gives no timeline').to.equal(null);
  return result.errors;
}

describe('parseTimeline: valid data', () => {
  it('normalises events and sorts them chronologically by start', () => {
    const { timeline, errors } = parseTimeline(
      minimal([
        event({ id: 'day', date: '2017-03-09' }),
        event({ id: 'year', date: '2017' }),
        event({ id: 'month', date: '2017-03' }),
        event({ id: 'early', date: '2014' }),
        event({ id: 'range', date: '2017-02/2017-03' }),
      ]),
    );
    expect(errors).to.deep.equal([]);
    expect(timeline!.events.map((e) => e.id)).to.deep.equal(['early', 'year', 'range', 'month', 'day']);
    expect(timeline!.events.map((e) => e.index)).to.deep.equal([0, 1, 2, 3, 4]);
  });

  it('orders events that start together by their end', () => {
    const { timeline } = parseTimeline(
      minimal([
        event({ id: 'spring', date: '2017-03/2017-05' }),
        event({ id: 'march', date: '2017-03' }),
        event({ id: 'first', date: '2017-03-01' }),
      ]),
    );
    expect(timeline!.events.map((e) => e.id)).to.deep.equal(['first', 'march', 'spring']);
  });

  it('keeps input order for events that cover the same span', () => {
    const { timeline } = parseTimeline(minimal([event({ id: 'x' }), event({ id: 'y' }), event({ id: 'z' })]));
    expect(timeline!.events.map((e) => e.id)).to.deep.equal(['x', 'y', 'z']);
  });

  it('accepts JSON text, with or without a byte-order mark', () => {
    const text = JSON.stringify(minimal([event()]));
    expect(parseTimeline(text).timeline!.events).to.have.length(1);
    expect(parseTimeline(`\uFEFF${text}`).timeline!.events).to.have.length(1);
  });

  it('keeps x- extension fields, resolves groups, and applies defaults', () => {
    const { timeline, errors } = parseTimeline(
      minimal([event({ group: 'g', 'x-desk': 'tech' })], {
        groups: [{ id: 'g', label: 'Group', 'x-code': 7 }],
        'x-newsroom': { id: 1 },
      }),
    );
    expect(errors).to.deep.equal([]);
    const [only] = timeline!.events;
    expect(only.group?.label).to.equal('Group');
    expect(only.extensions).to.deep.equal({ 'x-desk': 'tech' });
    expect(only.importance).to.equal(3);
    expect(only.context).to.equal(false);
    expect(timeline!.extensions).to.deep.equal({ 'x-newsroom': { id: 1 } });
  });

  it("keeps the timeline's own media, for the title scene and the share card", () => {
    const media = { url: 'images/cover.jpg', alt: 'The ICE building', caption: 'A *caption*' };
    const { timeline, errors } = parseTimeline(minimal([event()], { media }));
    expect(errors).to.deep.equal([]);
    expect(timeline!.media).to.deep.equal(media);
  });

  it('keeps a quotation as media, with or without the address of its source', () => {
    for (const media of [
      { quote: 'We *will*.', credit: 'A. Speaker' },
      { quote: 'We will.', url: 'https://example.org/speech', type: 'link' as const },
      { url: 'https://charts.example.org/c/1', type: 'embed' as const },
    ]) {
      const { timeline, errors } = parseTimeline(minimal([event({ media })], { media }));
      expect(errors).to.deep.equal([]);
      expect(timeline!.events[0].media).to.deep.equal(media);
      expect(timeline!.media).to.deep.equal(media);
    }
  });

  it('combines date and end into an interval', () => {
    const { timeline } = parseTimeline(minimal([event({ date: '2017-02', end: '2017-03' })]));
    expect(timeline!.events[0].date.isInterval).to.equal(true);
    expect(timeline!.events[0].date.end?.month).to.equal(3);
  });
});

describe('parseTimeline: errors with their paths', () => {
  const cases: [string, unknown, { path: string; message: RegExp; suggestion?: string }][] = [
    ['a missing version', { events: [] }, { path: '', message: /no "version"/ }],
    ['a wrong version', { version: 2, events: [] }, { path: '/version', message: /must be 1/ }],
    ['events that are not a list', { version: 1, events: {} }, { path: '/events', message: /should be a list/ }],
    [
      'a title of the wrong type',
      minimal([event({ title: 42 })]),
      { path: '/events/0/title', message: /should be text.*not a whole number/ },
    ],
    [
      'a missing title',
      minimal([{ id: 'e1', date: '2017' }]),
      { path: '/events/0', message: /An event has no "title"/ },
    ],
    ['an empty title', minimal([event({ title: '' })]), { path: '/events/0/title', message: /is empty/ }],
    [
      'an unknown key, with a suggestion',
      minimal([event({ titel: 'x' })]),
      { path: '/events/0/titel', message: /Unknown field "titel". Did you mean "title"\?/, suggestion: 'title' },
    ],
    [
      'a TimelineJS key',
      minimal([event({ headline: 'x' })]),
      { path: '/events/0/headline', message: /Did you mean "title"\?/, suggestion: 'title' },
    ],
    [
      'an unknown top-level key',
      { version: 1, events: [], evnets: [] },
      { path: '/evnets', message: /Did you mean "events"\?/, suggestion: 'events' },
    ],
    [
      'an impossible day',
      minimal([event({ date: '2017-02-30' })]),
      { path: '/events/0/date', message: /^"2017-02-30" is not a date: 2017-02 has 28 days/ },
    ],
    ['month 13', minimal([event({ date: '2017-13' })]), { path: '/events/0/date', message: /no month 13/ }],
    [
      'an end before the start',
      minimal([event({ date: '2017-03-09', end: '2017-03-01' })]),
      {
        path: '/events/0/end',
        message: /^"2017-03-09\/2017-03-01": the interval ends \("2017-03-01"\) before it starts \("2017-03-09"\)/,
      },
    ],
    [
      'an interval that runs backwards',
      minimal([event({ date: '2018/2017' })]),
      { path: '/events/0/date', message: /ends \("2017"\) before it starts \("2018"\)/ },
    ],
    [
      'both an interval and an end',
      minimal([event({ date: '2017/2018', end: '2019' })]),
      { path: '/events/0/end', message: /already an interval/ },
    ],
    [
      'a date that is not a string',
      minimal([event({ date: 2017 })]),
      { path: '/events/0/date', message: /should be text/ },
    ],
    ['a malformed id', minimal([event({ id: 'has space' })]), { path: '/events/0/id', message: /must be an id/ }],
    ['a duplicate id', minimal([event(), event()]), { path: '/events/1/id', message: /already used by event 1/ }],
    [
      'a missing group',
      minimal([event({ group: 'nope' })], { groups: [{ id: 'g', label: 'G' }] }),
      { path: '/events/0/group', message: /no group "nope".*"g"/ },
    ],
    [
      'a javascript: source link',
      minimal([event({ sources: [{ title: 's', url: 'javascript:alert(1)' }] })]),
      { path: '/events/0/sources/0/url', message: /http:, https: or mailto:/ },
    ],
    [
      'a link with whitespace inside its scheme',
      minimal([event({ sources: [{ title: 's', url: 'java\tscript:alert(1)' }] })]),
      { path: '/events/0/sources/0/url', message: /will follow/ },
    ],
    [
      'an incomplete URL',
      minimal([event({ sources: [{ title: 's', url: 'https://' }] })]),
      { path: '/events/0/sources/0/url', message: /not a complete address/ },
    ],
    [
      'a data: media URL',
      minimal([event({ media: { url: 'data:image/svg+xml,<svg onload=alert(1)>' } })]),
      { path: '/events/0/media/url', message: /http: or https:/ },
    ],
    [
      "a javascript: URL as the timeline's media",
      minimal([event()], { media: { url: 'javascript:alert(1)' } }),
      { path: '/media/url', message: /http: or https:/ },
    ],
    [
      "a javascript: link in the timeline's media caption",
      minimal([event()], { media: { url: 'a.jpg', caption: '[x](javascript:alert(1))' } }),
      { path: '/media/caption', message: /will not be followed/ },
    ],
    [
      'media with neither an address nor a quotation',
      minimal([event({ media: { caption: 'A caption' } })]),
      { path: '/events/0/media', message: /has no "url" or "quote"/ },
    ],
    [
      "an empty quotation as the timeline's media",
      minimal([event()], { media: { quote: '' } }),
      { path: '/media', message: /has no "url" or "quote"/ },
    ],
    [
      'a javascript: link in a quotation',
      minimal([event({ media: { quote: 'As [they](javascript:alert(1)) said' } })]),
      { path: '/events/0/media/quote', message: /will not be followed/ },
    ],
    [
      'a media type it does not know',
      minimal([event({ media: { url: 'a.html', type: 'iframe' } })]),
      { path: '/events/0/media/type', message: /one of "image", "video", "audio", "embed", "link"/ },
    ],
    [
      'a javascript: link in a summary',
      minimal([event({ summary: 'See [this](javascript:alert(1))' })]),
      { path: '/events/0/summary', message: /will not be followed/ },
    ],
    [
      'a bad colour',
      minimal([event()], { groups: [{ id: 'g', label: 'G', color: 'red;}' }] }),
      { path: '/groups/0/color', message: /not a colour/ },
    ],
    [
      'importance out of range',
      minimal([event({ importance: 9 })]),
      { path: '/events/0/importance', message: /from 1 to 5/ },
    ],
    ['a repeated tag', minimal([event({ tags: ['a', 'a'] })]), { path: '/events/0/tags/1', message: /listed twice/ }],
    [
      'an era that ends before it starts',
      minimal([], { eras: [{ id: 'x', label: 'X', start: '2017', end: '2016' }] }),
      { path: '/eras/0/end', message: /ends \("2016"\) before it starts \("2017"\)/ },
    ],
    [
      'a key with a slash, escaped in the path',
      minimal([event({ 'a/b': 1 })]),
      { path: '/events/0/a~1b', message: /Unknown field "a\/b"/ },
    ],
    ['a top level that is a list', [], { path: '', message: /should be an object/ }],
    ['null', null, { path: '', message: /should be an object.*not null/ }],
  ];
  for (const [name, input, expected] of cases) {
    it(`reports ${name} at "${expected.path}"`, () => {
      const errors = errorsOf(input);
      const match = errors.find((error) => error.path === expected.path && expected.message.test(error.message));
      expect(match, `errors were ${JSON.stringify(errors)}`).to.exist;
      if (expected.suggestion) expect(match!.suggestion).to.equal(expected.suggestion);
    });
  }

  it('reports impossible dates together with structural problems, in one pass', () => {
    const errors = errorsOf(minimal([event({ titel: 'typo' }), event({ id: 'e2', date: '2017-02-30' })]));
    expect(errors.map((error) => error.path)).to.deep.equal(['/events/0/titel', '/events/1/date']);
  });

  it('reports invalid JSON with its line and column', () => {
    const [error] = errorsOf('{\n  "version": 1,\n  "events": [,]\n}');
    expect(error.path).to.equal('');
    expect(error.message).to.match(/not valid JSON \(line 3, column \d+\)/);
  });

  it('recognises an HTML page served instead of JSON', () => {
    const [error] = errorsOf('<!doctype html><title>Not found</title>');
    expect(error.message).to.match(/HTML, not JSON/);
  });

  it('reports empty text', () => {
    expect(errorsOf('   ')[0].message).to.match(/empty/);
  });

  it('stops at a hundred errors on very bad input', () => {
    const events = Array.from({ length: 500 }, (_, i) => ({ id: `e${i}`, date: 'nope', title: 'x' }));
    expect(errorsOf(minimal(events))).to.have.length(100);
  });

  it('never throws, even on hostile objects', () => {
    const hostile = {
      version: 1,
      get events() {
        throw new Error('boom');
      },
    };
    const result = parseTimeline(hostile);
    expect(result.timeline).to.equal(null);
    expect(result.errors[0].message).to.match(/could not be read: boom/);
  });
});

describe('JSON syntax errors', () => {
  const rows: [string, number, number, RegExp][] = [
    ['{\n  "version": 1,\n  "events": [,]\n}', 3, 14, /unexpected ","/],
    ['{"version": 1, "events": []', 1, 28, /ends too early/],
    ['{"version": 1 "events": []}', 1, 15, /unexpected "\\""/],
    ["{'version': 1}", 1, 2, /unexpected "'"/],
    ['{"version": 1, "events": [],}', 1, 29, /unexpected "}"/],
    ['{"title": "line\nbreak"}', 1, 16, /unexpected "\\n"/],
    ['{"a": tru}', 1, 7, /unexpected "t"/],
    ['{"a": 01}', 1, 8, /unexpected "1"/],
    ['{} {}', 1, 4, /unexpected "{"/],
    ['[[[[[[[[[[', 1, 11, /ends too early/],
  ];
  for (const [text, line, column, found] of rows) {
    it(`locates the error in ${JSON.stringify(text)} at ${line}:${column}`, () => {
      const [error] = errorsOf(text);
      expect(error.message).to.contain(`(line ${line}, column ${column})`);
      expect(error.message).to.match(found);
    });
  }

  it('survives absurd nesting without overflowing the stack', () => {
    const [error] = errorsOf('['.repeat(200000));
    expect(error.message).to.match(/ends too early/);
  });
});

describe('parseTimeline with { partial: true }: the valid events of a sound timeline', () => {
  const partial = (input: unknown) => parseTimeline(input, { partial: true });

  it('keeps the valid events in order and reports each one left out with its path', () => {
    const input = minimal([
      event({ id: 'b', date: '2018' }),
      event({ id: 'bad-date', date: '2017-02-30' }),
      event({ id: 'a', date: '2016' }),
      event({ id: 'typo', titel: 'x' }),
      event({ id: 'bad-group', group: 'nowhere' }),
    ]);
    const { timeline, errors, skipped } = partial(input);
    expect(timeline!.events.map((e) => e.id)).to.deep.equal(['a', 'b']);
    expect(timeline!.events.map((e) => e.index)).to.deep.equal([0, 1]);
    expect(skipped).to.equal(3);
    expect(errors.map((error) => error.path)).to.deep.equal(['/events/1/date', '/events/3/titel', '/events/4/group']);
    expect(parseTimeline(input).timeline, 'the strict parse refuses it').to.equal(null);
  });

  it('gives a valid timeline exactly as the strict parse does, with no skipped count', () => {
    const input = minimal([event({ id: 'a' }), event({ id: 'b', date: '2014-09' })]);
    expect(partial(input)).to.deep.equal(parseTimeline(input));
    expect(partial(input)).not.to.have.property('skipped');
  });

  it('keeps the first valid event of two with one id, even when the first of them is invalid', () => {
    const { timeline, errors } = partial(
      minimal([
        event({ id: 'x', date: 'soon', title: 'Invalid first' }),
        event({ id: 'x', title: 'Kept' }),
        event({ id: 'x', title: 'Duplicate' }),
      ]),
    );
    expect(timeline!.events.map((e) => e.title)).to.deep.equal(['Kept']);
    expect(errors.map((error) => [error.path, error.message])).to.deep.equal([
      ['/events/0/date', errors[0].message],
      ['/events/2/id', 'The id "x" is already used by event 2; ids must be unique.'],
    ]);
  });

  it('leaves out events that are not objects, or miss what is required', () => {
    const { timeline, errors, skipped } = partial(minimal([null, 'text', { id: 'a', date: '2017' }, event()]));
    expect(timeline!.events.map((e) => e.id)).to.deep.equal(['e1']);
    expect(skipped).to.equal(3);
    expect(errors.map((error) => error.path)).to.deep.equal(['/events/0', '/events/1', '/events/2']);
  });

  const wholeFile: [string, unknown][] = [
    ['text that is not JSON', '{"version": 1, "events": ['],
    ['a wrong version', { version: 2, events: [event()] }],
    ['no list of events', { version: 1 }],
    ['events that are not a list', { version: 1, events: { a: event() } }],
    ['an unknown top-level field', minimal([event()], { titel: 'typo' })],
    ['a broken era', minimal([event()], { eras: [{ id: 'x', label: 'X', start: '2018', end: '2017' }] })],
    [
      'groups with one id twice',
      minimal([event()], {
        groups: [
          { id: 'g', label: 'G' },
          { id: 'g', label: 'H' },
        ],
      }),
    ],
    ['a description with a link it will not follow', minimal([event()], { description: '[x](javascript:alert(1))' })],
  ];
  for (const [name, input] of wholeFile) {
    it(`refuses the whole file for ${name}, with the errors of the strict parse`, () => {
      const result = partial(input);
      expect(result.timeline).to.equal(null);
      expect(result.errors).to.deep.equal(parseTimeline(input).errors);
      expect(result.errors.length).to.be.greaterThan(0);
    });
  }

  it('refuses a file none of whose events is valid, listing every problem', () => {
    const { timeline, errors } = partial(minimal([event({ date: 'x' }), event({ id: 'e2', date: 'y' })]));
    expect(timeline).to.equal(null);
    expect(errors.map((error) => error.path)).to.deep.equal(['/events/0/date', '/events/1/date']);
  });

  it('counts every event left out, while reporting at most a hundred problems', () => {
    const events = Array.from({ length: 500 }, (_, i) => event({ id: `e${i}`, date: i % 2 ? '2017' : 'nope' }));
    const { timeline, errors, skipped } = partial(minimal(events));
    expect(timeline!.events).to.have.length(250);
    expect(skipped).to.equal(250);
    expect(errors).to.have.length(100);
  });

  it('never throws, even on hostile objects', () => {
    const hostile = {
      version: 1,
      get events() {
        throw new Error('boom');
      },
    };
    const result = partial(hostile);
    expect(result.timeline).to.equal(null);
    expect(result.errors[0].message).to.match(/could not be read: boom/);
  });
});
