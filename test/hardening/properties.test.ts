import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import type { DateLine } from '../../src/date-line.js';
import { parseDateSpan, spanExtent, type CalendarDate, type DateSpan } from '../../src/model/dates.js';
import { htmlDatetime } from '../../src/model/html-datetime.js';
import { formatSpan } from '../../src/model/format.js';
import { fromCSV, fromTimelineJS, parseTimeline } from '../../src/model/index.js';
import type { TimelineData, TimelineError } from '../../src/model/types.js';
import { articleData, errorBox, listedEvents, shadow } from '../helpers.js';
import { warmAxis } from './warm.js';

// Property-based tests: random JSON, random strings in every field, huge and deeply nested input, random dates
// in and far beyond JS Date's range. Guards: parseTimeline and the importers never throw; they return a
// timeline or located errors, never both or neither; every error path is a JSON Pointer to a place in the input;
// a date label is never "Invalid Date", "NaN" or "undefined", in any locale, on the page or on the axis; random damage
// to a valid timeline never blanks the valid events it leaves (parseTimeline's partial option), nor an element that
// has good data to show, and never throws.
//
// Seeds are not fixed: each run (and each of the three time zones) explores different cases. A failure prints
// its seed and path; pass them back as `fc.assert(property, { seed, path })` to replay it exactly.

const BAD_LABEL = /Invalid Date|NaN|undefined|null|Infinity|\[object/;
const LOCALES = ['en', 'en-GB', 'en-US', 'de', 'fr', 'ar', 'he', 'ja', 'zh', 'th', 'fa', 'hi', 'ru', 'es-MX'];

/** Is this a JSON Pointer (RFC 6901)? */
const isPointer = (path: unknown) => typeof path === 'string' && /^(?:\/(?:[^~/]|~[01])*)*$/.test(path);

/** The value a JSON Pointer names in `root`, or `undefined` (with `found: false`) when nothing is there. */
function resolvePointer(root: unknown, path: string): { found: boolean } {
  let value = root;
  for (const token of path.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return { found: false };
    value = (value as Record<string, unknown>)[key];
  }
  return { found: true };
}

/** Every string in the input (keys and values), for telling its own text from text the parser made up. */
function describeInput(input: unknown): string {
  const seen = new Set<unknown>();
  const walk = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (typeof value !== 'object' || value === null || seen.has(value)) return String(value);
    seen.add(value);
    return Object.entries(value)
      .map(([key, child]) => `${key} ${walk(child)}`)
      .join(' ');
  };
  try {
    return walk(input);
  } catch {
    return '';
  }
}

/** The contract of parseTimeline's result, for any input. */
function checkResult(result: { timeline: unknown; errors: TimelineError[] }, input: unknown) {
  // For JSON text, paths point into what it parses to; text that is not JSON has one error, at "".
  let root = input;
  if (typeof input === 'string') {
    try {
      root = JSON.parse(input);
    } catch {
      expect(result.errors.map((error) => error.path)).to.deep.equal(['']);
    }
  }
  expect(Array.isArray(result.errors)).to.equal(true);
  expect(result.timeline === null, 'a timeline XOR errors').to.equal(result.errors.length > 0);
  expect(result.errors.length).to.be.at.most(100);
  for (const error of result.errors) {
    expect(isPointer(error.path), `path ${JSON.stringify(error.path)}`).to.equal(true);
    expect(error.message, error.path).to.be.a('string').and.not.equal('');
    // No "undefined" or "[object Object]" made up by the parser (the input itself may contain them).
    for (const token of ['undefined', '[object Object]'])
      if (error.message.includes(token)) expect(describeInput(input), error.message).to.include(token);
    // A path names a place in the input.
    expect(resolvePointer(root, error.path).found, `${error.path} in the input`).to.equal(true);
  }
}

// ------------------------------------------------------------------ arbitraries

/** Text of every kind: ASCII, any code unit (lone surrogates too), whole graphemes, markup-like. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '<script>', '**', '*a*', '[a](b)', '[a](javascript:x)', '~', '/', '__proto__'),
);

/** Strings that look like dates: valid EDTF, near misses and noise from the date alphabet. */
const yearText = fc.oneof(
  // Mostly four-digit years, the only ones that take a month or a day ("Y" years are years alone).
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 9999 }).map((year) => String(year).padStart(4, '0')) },
  fc.integer({ min: -9999, max: -1 }).map((year) => `-${String(-year).padStart(4, '0')}`),
  fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }).map((year) => `Y${year}`),
  fc.integer({ min: -300_000, max: 300_000 }).map((year) => `Y${year}`),
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 25n }).map((year) => `Y${year}`),
  // EDTF's unspecified digits, valid and not ("1XXX" is level 2), and near misses of the "Y" and "+" rules.
  fc.constantFrom('201X', '19XX', 'XXXX', '-201X', '-19XX', '000X', '1XXX', '1X9X', 'Y2006', '+2006', '-0000'),
);
const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
const dateText = fc
  .tuple(
    yearText,
    fc.option(fc.oneof(two(0, 42), fc.constantFrom('XX', '1X')), { nil: undefined }),
    fc.option(fc.oneof(two(0, 32), fc.constantFrom('XX', '3X')), { nil: undefined }),
    fc.option(fc.tuple(two(0, 25), two(0, 61), fc.option(two(0, 61), { nil: undefined })), { nil: undefined }),
    fc.constantFrom('', 'Z', '+14:00', '-12:00', '+05:30', '+15:00', '-0930', '+01'),
    fc.constantFrom('', '', '', '~', '?', '%', '~?'),
  )
  .map(([year, month, day, time, zone, qualifier]) => {
    let text = year;
    if (month !== undefined) {
      text += `-${month}`;
      if (day !== undefined) {
        text += `-${day}`;
        if (time) text += `T${time[0]}:${time[1]}${time[2] === undefined ? '' : `:${time[2]}`}${zone}`;
      }
    }
    return text + qualifier;
  });
/** Dates of every valid EDTF form, so that enough random dates get past the parser to have their labels tested. */
const validDateText = fc
  .tuple(
    fc.integer({ min: -9999, max: 9999 }),
    fc.constantFrom('', '-MM', '-MM-DD', '-MM-DDT12:30', '-MM-DDT23:59:59+14:00', '-SS', 'X', 'XX', '-XX', '-MM-XX'),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 21, max: 24 }),
    fc.constantFrom('', '~', '?', '%'),
  )
  .map(([year, form, month, day, season, qualifier]) => {
    const digits = String(Math.abs(year)).padStart(4, '0');
    const sign = year < 0 ? '-' : '';
    const two = (n: number) => String(n).padStart(2, '0');
    if (form === 'X' || form === 'XX') return `${sign}${digits.slice(0, 4 - form.length)}${form}${qualifier}`;
    const body = form.replace('MM', two(month)).replace('DD', two(day)).replace('SS', String(season));
    return `${sign}${digits}${body}${qualifier}`;
  })
  .filter((text) => !text.startsWith('-0000'));
const spanText = fc.oneof(
  { weight: 3, arbitrary: dateText },
  { weight: 2, arbitrary: validDateText },
  validDateText.map((date) => `[..${date.replace(/[~?%]$/, '')}]`),
  fc.tuple(dateText, dateText).map(([a, b]) => `${a}/${b}`),
  dateText.map((date) => `../${date}`),
  dateText.map((date) => `${date}/..`),
  dateText.map((date) => `/${date}`),
  dateText.map((date) => `${date}/`),
  // "One of" dates with an open side, and other sets date-line refuses.
  dateText.map((date) => `[..${date}]`),
  dateText.map((date) => `[${date}..]`),
  fc.tuple(dateText, dateText).map(([a, b]) => `[${a},${b}]`),
  fc.string({ unit: fc.constantFrom(...'0123456789XY+-./~?%:TZ[]{}'.split('')), maxLength: 24 }),
);

/** Valid ids, mostly, so that events get past the id check and their other fields are tried. */
const id = fc.oneof({ weight: 5, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/) }, anyText);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
const url = fc.oneof(fc.webUrl(), anyText, fc.constantFrom('javascript:alert(1)', 'data:,x', 'mailto:a@b.c', '/a.png'));

const eventShaped = fc.record(
  {
    id,
    date: fc.oneof({ weight: 4, arbitrary: spanText }, anyText),
    end: maybe(fc.oneof(dateText, anyText)),
    title: anyText,
    summary: maybe(anyText),
    displayDate: maybe(anyText),
    dateNote: maybe(anyText),
    group: maybe(fc.constantFrom('g1', 'g2', 'missing')),
    tags: maybe(fc.array(anyText, { maxLength: 4 })),
    importance: maybe(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double())),
    context: maybe(fc.oneof(fc.boolean(), anyText)),
    media: maybe(
      fc.record(
        { url, type: fc.constantFrom('image', 'video', 'audio', 'link', 'gif'), caption: anyText, alt: anyText },
        { requiredKeys: ['url'] },
      ),
    ),
    sources: maybe(
      fc.array(
        fc.record(
          { title: anyText, url, publisher: anyText, date: spanText, note: anyText },
          { requiredKeys: ['title'] },
        ),
        { maxLength: 3 },
      ),
    ),
    'x-extra': maybe(fc.anything()),
  },
  { requiredKeys: ['id', 'date', 'title'] },
);
const timelineShaped = fc.record(
  {
    version: fc.constantFrom(1, 1, 1, 2, '1'),
    title: maybe(anyText),
    description: maybe(anyText),
    locale: maybe(fc.oneof(fc.constantFrom('en', 'de-DE', 'fr'), anyText)),
    groups: maybe(
      fc.array(
        fc.record({
          id: fc.constantFrom('g1', 'g2', 'g1'),
          label: anyText,
          color: maybe(fc.constantFrom('#abc', 'red')),
        }),
        { maxLength: 3 },
      ),
    ),
    eras: maybe(fc.array(fc.record({ id, label: anyText, start: spanText, end: spanText }), { maxLength: 3 })),
    events: fc.array(eventShaped, { maxLength: 8 }),
    'x-meta': maybe(fc.anything()),
  },
  { requiredKeys: ['version', 'events'] },
);

/** Timelines that are mostly valid (valid ids and dates), with random text in every text field. */
const text = anyText.filter((value) => value !== '');
const validDate = spanText.filter((value) => parseDateSpan(value).ok);
const mostlyValidTimeline = fc.record(
  {
    version: fc.constant(1),
    title: maybe(text),
    description: maybe(anyText),
    groups: fc.constant([
      { id: 'g1', label: 'Group 1' },
      { id: 'g2', label: 'Group 2' },
    ]),
    eras: maybe(
      fc.array(fc.record({ id: fc.constantFrom('era'), label: text, start: validDate, end: validDate }), {
        maxLength: 1,
      }),
    ),
    events: fc.uniqueArray(
      fc.record(
        {
          id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
          date: validDate,
          title: text,
          summary: maybe(anyText),
          displayDate: maybe(text),
          dateNote: maybe(anyText),
          group: maybe(fc.constantFrom('g1', 'g2')),
          tags: maybe(fc.uniqueArray(text, { maxLength: 3 })),
          media: maybe(
            fc.record({ url: fc.webUrl(), caption: anyText, credit: anyText, alt: anyText }, { requiredKeys: ['url'] }),
          ),
          sources: maybe(
            fc.array(fc.record({ title: text, publisher: anyText, author: anyText, note: anyText, date: validDate }), {
              maxLength: 2,
            }),
          ),
        },
        { requiredKeys: ['id', 'date', 'title'] },
      ),
      { selector: (event) => event.id, maxLength: 8 },
    ),
  },
  { requiredKeys: ['version', 'events'] },
);

// ------------------------------------------------------------------ parseTimeline

describe('property: parseTimeline never throws and always explains itself', () => {
  warmAxis();
  it('on anything at all', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withSparseArray: true }), (input) => {
        checkResult(parseTimeline(input), input);
      }),
      { numRuns: 300 },
    );
  });

  it('on any JSON text, and on any text at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.string({ unit: 'binary' })), (text) => {
        checkResult(parseTimeline(text), text);
      }),
      { numRuns: 300 },
    );
  });

  it('on timeline-shaped objects with random strings in every field; labels of what it accepts are sound', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(timelineShaped, mostlyValidTimeline), fc.constantFrom(...LOCALES), (input, locale) => {
        const result = parseTimeline(input);
        checkResult(result, input);
        // The same data as JSON text gives the same verdict.
        const fromText = parseTimeline(JSON.stringify(input));
        expect(fromText.errors.map((error) => error.path)).to.deep.equal(result.errors.map((error) => error.path));
        if (!result.timeline) return;
        accepted++;
        let previous = -Infinity;
        for (const event of result.timeline.events) {
          expect(event.from, 'chronological').to.be.at.least(previous);
          previous = event.from;
          // `>=`: a one-second event a billion years out is narrower than a double's precision there.
          expect(Number.isFinite(event.from) && Number.isFinite(event.to) && event.to >= event.from).to.equal(true);
          expect(formatSpan(event.date, locale)).not.to.match(BAD_LABEL);
        }
      }),
      { numRuns: 250 },
    );
    expect(accepted, 'many random timelines are valid, so the labels were checked').to.be.greaterThan(40);
  });

  it('treats a property set to undefined as absent, as JSON would', () => {
    // A JS object given as `data` often carries optional fields as `undefined`.
    const input = {
      version: 1,
      title: undefined,
      groups: undefined,
      events: [
        { id: 'a', date: '2017', title: 'A', summary: undefined, media: undefined, sources: undefined, end: undefined },
        { id: 'b', date: '2018', title: 'B', sources: [{ title: 'S', url: undefined, date: undefined }] },
      ],
    };
    expect(parseTimeline(input).errors).to.deep.equal([]);
    expect(parseTimeline({ version: 1, events: [{ id: 'a', date: '2017', title: undefined }] }).errors).to.deep.equal([
      { path: '/events/0', message: 'An event has no "title", which is required.' },
    ]);
  });

  it('on hostile objects: throwing getters, proxies, cycles, odd prototypes', () => {
    const throwing = {
      version: 1,
      get events(): unknown {
        throw new Error('boom');
      },
    };
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no keys');
        },
        get: () => {
          throw new Error('no get');
        },
      },
    );
    const cyclic: Record<string, unknown> = { version: 1, events: [] };
    cyclic['x-self'] = cyclic;
    (cyclic.events as unknown[]).push({ id: 'a', date: '2017', title: 'A', 'x-parent': cyclic });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const inputs: unknown[] = [
      throwing,
      proxy,
      cyclic,
      revoked.proxy,
      Object.create(null),
      Object.assign(Object.create({ events: [] }), { version: 1 }),
      { version: 1, events: new Array(5) },
      { version: 1, events: [new Date(), /x/, () => 1, Symbol('s'), 10n] },
      Symbol('x'),
      10n,
      () => 1,
    ];
    for (const input of inputs) {
      const result = parseTimeline(input);
      expect(result.timeline === null).to.equal(result.errors.length > 0);
      for (const error of result.errors) expect(isPointer(error.path)).to.equal(true);
    }
    expect(parseTimeline(cyclic).timeline!.events).to.have.length(1);
    expect(parseTimeline(throwing).errors[0].message).to.include('boom');
  });

  it('on huge and deeply nested input, in bounded time', () => {
    const started = performance.now();
    const events = Array.from({ length: 20_000 }, (_, index) => ({
      id: `e${index}`,
      date: `${1000 + (index % 1000)}-${String((index % 12) + 1).padStart(2, '0')}`,
      title: `Event ${index}`,
    }));
    const big = parseTimeline({ version: 1, events });
    expect(big.errors).to.deep.equal([]);
    expect(big.timeline!.events).to.have.length(20_000);
    // Every event wrong: errors stop at a hundred, each located.
    const wrong = parseTimeline({ version: 1, events: events.map((event) => ({ ...event, date: 'soon' })) });
    expect(wrong.errors).to.have.length(100);
    expect(wrong.errors[99].path).to.equal('/events/99/date');
    // Deep nesting, as text and as objects.
    const depth = 100_000;
    const deepText = `{"version":1,"events":[],"x-deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    checkResult(parseTimeline(deepText), deepText);
    let deep: unknown = {};
    for (let level = 0; level < depth; level++) deep = { 'x-a': deep };
    const deepInputs = [
      { version: 1, events: [], 'x-deep': deep },
      { version: 1, events: [deep] },
    ];
    for (const input of deepInputs) checkResult(parseTimeline(input), input);
    // Nested rich-text markers and one very long string.
    const marks = `${'**['.repeat(5000)}x${'](https://a.example)**'.repeat(5000)}`;
    const long = { version: 1, events: [{ id: 'a', date: '2017', title: 'x'.repeat(1_000_000), summary: marks }] };
    checkResult(parseTimeline(long), long);
    // Over the size limit as text: refused before parsing.
    const tooBig = parseTimeline(' '.repeat(20_000_001));
    expect(tooBig.errors[0].message).to.match(/too large/);
    expect(performance.now() - started, 'ms').to.be.below(8000);
  });
});

// ------------------------------------------------------------------ dates and labels

describe('property: dates parse or explain, and labels are never broken', () => {
  it('parseDateSpan never throws on date-like text, and what it accepts has a sound label in every locale', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(spanText, anyText), fc.constantFrom(...LOCALES), (text, locale) => {
        const parsed = parseDateSpan(text);
        if (!parsed.ok) {
          expect(parsed.message).to.be.a('string').and.not.equal('');
          expect(parsed.message).not.to.match(/undefined|NaN/);
          // It names what it refuses: the text, or the part of it at fault.
          const named = /^"([^"]*)"/.exec(parsed.message)?.[1];
          expect(named !== undefined && text.includes(named), parsed.message).to.equal(true);
          return;
        }
        accepted++;
        const span: DateSpan = parsed.value;
        const label = formatSpan(span, locale);
        expect(label, `${text} in ${locale}`).not.to.match(BAD_LABEL);
        expect(label.trim(), `${text} in ${locale}`).not.to.equal('');
        const datetime = htmlDatetime(span);
        if (datetime !== undefined) expect(datetime).not.to.match(BAD_LABEL);
        const { from, to } = spanExtent(span);
        if (span.start && span.end) expect(Number.isFinite(from) && Number.isFinite(to) && to >= from).to.equal(true);
      }),
      { numRuns: 600 },
    );
    expect(accepted, 'enough random dates are valid to test their labels').to.be.greaterThan(30);
  });

  it('labels any year, BCE and far beyond ±271,821, at every precision', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
          fc.integer({ min: -275_800, max: 275_800 }),
          fc.constantFrom(-271_821, -271_820, 275_759, 275_760, 0, -1, 1, 9999, 10000),
        ),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom('year', 'month', 'day', 'minute', 'interval', 'approximate'),
        fc.constantFrom(...LOCALES),
        (year, month, day, form, locale) => {
          // EDTF writes a year of more than four digits "Y12345", as a year alone; with a month or a day, such a
          // date has no EDTF text, but the model holds it (an importer or the axis may build one), so it is built.
          const edtfYear = (value: number) =>
            Math.abs(value) > 9999 ? `Y${value}` : `${value < 0 ? '-' : ''}${String(Math.abs(value)).padStart(4, '0')}`;
          const y = edtfYear(year);
          const m = String(month).padStart(2, '0');
          const d = String(day).padStart(2, '0');
          const text = {
            year: y,
            month: `${y}-${m}`,
            day: `${y}-${m}-${d}`,
            minute: `${y}-${m}-${d}T12:30+05:30`,
            interval: `${y}/${edtfYear(Math.min(year + 1000, Number.MAX_SAFE_INTEGER))}`,
            approximate: `${y}-${m}~`,
          }[form];
          let span: DateSpan;
          if (Math.abs(year) <= 9999 || form === 'year' || form === 'interval') {
            const parsed = parseDateSpan(text);
            expect(parsed.ok, text).to.equal(true);
            if (!parsed.ok) return;
            span = parsed.value;
          } else {
            const precision = form === 'approximate' ? 'month' : form;
            const date: CalendarDate = {
              year,
              month,
              ...(precision === 'month' ? {} : { day }),
              ...(precision === 'minute' ? { hour: 12, minute: 30, offsetMinutes: 330 } : {}),
              precision,
              approximate: form === 'approximate',
              uncertain: false,
            };
            span = { start: date, end: date, isInterval: false };
          }
          const label = formatSpan(span, locale);
          expect(label, `${text} in ${locale}`).not.to.match(BAD_LABEL);
          expect(label).to.match(/\p{N}/u);
        },
      ),
      { numRuns: 400 },
    );
  });
});

// ------------------------------------------------------------------ importers

describe('property: the importers never throw, and what they accept is valid', () => {
  const checkImport = (result: ReturnType<typeof fromCSV>) => {
    expect(result.data === null, 'data XOR errors').to.equal(result.errors.length > 0);
    for (const problem of [...result.errors, ...result.warnings]) {
      expect(isPointer(problem.path), problem.path).to.equal(true);
      expect(problem.message).to.be.a('string').and.not.equal('');
    }
    if (result.data) expect(parseTimeline(result.data).errors, 'the importer promises valid data').to.deep.equal([]);
  };

  it('fromCSV on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => checkImport(fromCSV(text))),
      { numRuns: 300 },
    );
  });

  const cell = fc.oneof(anyText, spanText, fc.constantFrom('"', '""', ',', '\n', '\r\n', 'event', 'era', 'title'));
  const csvOf = (header: string[], rows: string[][]) =>
    [header, ...rows].map((row) => row.map((value) => `"${value.replace(/"/g, '""')}"`).join(',')).join('\r\n');

  it('fromCSV on spreadsheets in either layout with random cells', () => {
    const dateLine = [
      'type',
      'id',
      'date',
      'end',
      'displayDate',
      'title',
      'summary',
      'group',
      'tags',
      'media',
      'mediaAlt',
      'sourceTitle',
      'sourceUrl',
      'sourceDate',
      'x-note',
    ];
    const timelineJs = [
      'Year',
      'Month',
      'Day',
      'Time',
      'End Year',
      'End Month',
      'End Day',
      'Display Date',
      'Headline',
      'Text',
      'Media',
      'Media Credit',
      'Media Caption',
      'Type',
      'Group',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(dateLine, timelineJs),
        fc.array(fc.array(cell, { minLength: 15, maxLength: 15 }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 14 }), { maxLength: 5 }),
        (header, rows, numericColumns) => {
          // Some columns get numbers, so that some rows have real dates and get past the date checks.
          const filled = rows.map((row, index) =>
            row.map((value, column) =>
              numericColumns.includes(column)
                ? String(1990 + index)
                : column === 2 && header === dateLine
                  ? `20${10 + index}`
                  : value,
            ),
          );
          checkImport(fromCSV(csvOf(header, filled)));
        },
      ),
      { numRuns: 200 },
    );
  });

  const slide = fc.record(
    {
      start_date: fc.oneof(
        fc.record({
          year: fc.oneof(fc.integer({ min: -5000, max: 5000 }), anyText, fc.double()),
          month: fc.anything(),
          day: fc.anything(),
          display_date: anyText,
        }),
        fc.anything(),
      ),
      end_date: fc.anything(),
      text: fc.oneof(fc.record({ headline: anyText, text: anyText }), fc.anything()),
      media: fc.oneof(fc.record({ url: fc.oneof(url, anyText), caption: anyText, credit: anyText }), fc.anything()),
      group: fc.oneof(anyText, fc.anything()),
      unique_id: fc.oneof(anyText, fc.anything()),
      display_date: anyText,
    },
    { requiredKeys: ['start_date'] },
  );

  it('fromTimelineJS on anything, and on random TimelineJS-shaped timelines', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.json(),
          fc.record({
            title: fc.anything(),
            events: fc.array(slide, { maxLength: 6 }),
            eras: fc.array(fc.anything(), { maxLength: 2 }),
          }),
        ),
        (input) => checkImport(fromTimelineJS(input)),
      ),
      { numRuns: 300 },
    );
  });
});

// ------------------------------------------------------------------ the element

describe('property: the element never shows a broken label, on the list or on the axis', () => {
  it('renders random valid timelines without "Invalid Date", "NaN" or "undefined" anywhere', async () => {
    const el = await fixture<DateLine>(html`<date-line layout="axis" style="width: 900px"></date-line>`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(validDate, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom('axis', 'list'),
        fc.constantFrom('time', 'even'),
        async (dates, locale, layout, spacing) => {
          el.locale = locale;
          el.layout = layout;
          el.spacing = spacing;
          el.data = { version: 1, events: dates.map((date, index) => ({ id: `e${index}`, date, title: `E${index}` })) };
          await el.updateComplete;
          expect(el.errors).to.deep.equal([]);
          if (layout === 'axis') {
            // The axis module loads once; wait for it the first time.
            for (let tries = 0; tries < 200 && !shadow(el).querySelector('.axis'); tries++)
              await new Promise((done) => setTimeout(done, 50));
            el.zoomIn();
            el.zoomOut();
            el.zoomOut();
          }
          el.select('e0');
          await el.updateComplete;
          const root = shadow(el);
          const texts = [
            root.textContent ?? '',
            ...[...root.querySelectorAll('[aria-label], [title], [datetime]')].flatMap((node) => [
              node.getAttribute('aria-label') ?? '',
              node.getAttribute('title') ?? '',
              node.getAttribute('datetime') ?? '',
            ]),
          ];
          if (layout === 'axis') texts.push(el.visibleRange!.start, el.visibleRange!.end);
          for (const text of texts) expect(text, `${dates.join(' ')} in ${locale}`).not.to.match(BAD_LABEL);
        },
      ),
      { numRuns: 25 },
    );
  });
});

// ------------------------------------------------------------------ damage to live data

/** Damage done to a valid timeline, as the text a server might send in its place. */
type Damage = (data: TimelineData, text: string) => string;

/** Damage to the whole file, each tried in every run of the properties below (as examples) besides at random. */
const wholeFileDamage: { label: string; apply: Damage }[] = [
  { label: 'version 2', apply: (data) => JSON.stringify({ ...data, version: 2 }) },
  { label: 'no events', apply: (data) => JSON.stringify({ ...data, events: undefined }) },
  { label: 'an empty list of events', apply: (data) => JSON.stringify({ ...data, events: [] }) },
  { label: 'events that are not a list', apply: (data) => JSON.stringify({ ...data, events: { ...data.events } }) },
  { label: 'an HTML page', apply: () => '<!doctype html><title>Sign in</title><h1>Sign in to continue</h1>' },
  { label: 'null', apply: () => 'null' },
];
const wholeFileExamples = wholeFileDamage.map((example): [{ label: string; apply: Damage }] => [example]);

/** A group's id garbled (a counterexample once found at random): the events of that group lose their group. */
const garbledGroupId: [{ label: string; apply: Damage }] = [
  {
    label: 'the first group’s id garbled',
    apply: (data) =>
      JSON.stringify({
        ...data,
        groups: data.groups!.map((group, i) => (i ? group : { ...group, id: `A${group.id}` })),
      }),
  },
];

/** What can happen to a file between two fetches: its text cut or garbled, an event broken, the whole file wrong. */
const damage: fc.Arbitrary<{ label: string; apply: Damage }> = fc.oneof(
  fc.nat().map((at) => ({
    label: `cut at ${at}`,
    apply: (_: TimelineData, text: string) => text.slice(0, at % text.length),
  })),
  fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 3 })).map(([at, junk]) => ({
    label: `${JSON.stringify(junk)} written at ${at}`,
    apply: (_: TimelineData, text: string) =>
      text.slice(0, at % text.length) + junk + text.slice((at % text.length) + 1),
  })),
  fc
    .tuple(
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.constantFrom(
            'id',
            'date',
            'end',
            'title',
            'group',
            'sources',
            'media',
            'summary',
            'tags',
            'x-extra',
            'titel',
          ),
          fc.oneof(fc.anything(), spanText, anyText),
        ),
        { minLength: 1, maxLength: 4 },
      ),
      fc.boolean(),
    )
    .map(([edits, remove]) => ({
      label: `events edited: ${JSON.stringify(edits)}${remove ? ', fields removed' : ''}`,
      apply: (data: TimelineData) => {
        const events = data.events.map((event) => ({ ...event })) as Record<string, unknown>[];
        for (const [at, field, value] of edits) {
          const event = events[at % events.length];
          if (remove) delete event[field];
          else event[field] = value;
        }
        return JSON.stringify({ ...data, events });
      },
    })),
  fc.constantFrom(...wholeFileDamage),
);

describe('property: damage to a valid timeline never blanks what is valid in it', () => {
  it('parseTimeline keeps the valid events and accounts for every other one, and never throws', async () => {
    const article = (await articleData()) as TimelineData;
    const text = JSON.stringify(article);
    fc.assert(
      fc.property(damage, ({ apply }) => {
        const damaged = apply(structuredClone(article), text);
        const result = parseTimeline(damaged, { partial: true });
        // Refused: with its errors. Kept: with the events left out counted, and each problem under one of them.
        expect(result.timeline !== null || result.errors.length > 0, 'a timeline or errors').to.equal(true);
        if (!result.timeline) return;
        const leftOut = new Set(result.errors.map((error) => /^\/events\/(\d+)/.exec(error.path)?.[1]));
        expect(leftOut.has(undefined), 'every problem is an event’s').to.equal(false);
        const { events, groups = [] } = JSON.parse(damaged) as TimelineData;
        expect(result.timeline.events.length + (result.skipped ?? 0)).to.equal(events.length);
        expect(leftOut.size).to.be.at.most(result.skipped ?? 0);
        // Every event left untouched is still there, unless it lost its id to an earlier one, or its group to damage
        // done to the groups (one's id garbled): then it is left out and reported at its own group.
        const ids = new Set(result.timeline.events.map((event) => event.id));
        const groupIds = new Set(groups.map((group) => group.id));
        events.forEach((event, index) => {
          if (!article.events.some((original) => JSON.stringify(original) === JSON.stringify(event))) return;
          if (events.filter((e) => (e as { id?: unknown }).id === event.id).length > 1) return;
          if (event.group === undefined || groupIds.has(event.group))
            expect(ids.has(event.id), event.id).to.equal(true);
          else
            expect(
              result.errors.map((error) => error.path),
              event.id,
            ).to.include(`/events/${index}/group`);
        });
      }),
      { numRuns: 300, examples: [...wholeFileExamples, garbledGroupId] },
    );
  });
});

describe('property: damage to live data never blanks an element that has good data to show', () => {
  let keys = 0;
  const live = async (key: string, body: string) => {
    await fetch(`/__test__/live/${key}/set`, { method: 'POST', body });
    return `/__test__/live/${key}`;
  };
  /** Resolves with the element's next load or error event: the end of a load that changed the text it read. */
  const nextOutcome = (el: Element) =>
    new Promise<void>((done) => {
      const end = () => {
        el.removeEventListener('date-line-load', end);
        el.removeEventListener('date-line-error', end);
        done();
      };
      el.addEventListener('date-line-load', end);
      el.addEventListener('date-line-error', end);
    });
  const uncaught: string[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));
  const warn = console.warn;
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    console.warn = () => {};
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.warn = warn;
  });

  /** Showing events: the story is on the page, and no error box stands in its place. */
  function expectStory(el: DateLine, label: string): void {
    expect(el.timeline?.events.length, label).to.be.greaterThan(0);
    expect(listedEvents(el).length, label).to.equal(el.timeline!.events.length);
    expect(errorBox(el), label).to.equal(null);
    expect(uncaught, label).to.deep.equal([]);
  }

  it('a reload of src that brings damaged text keeps the events on show, or shows the valid ones', async () => {
    const article = (await articleData()) as TimelineData;
    const text = JSON.stringify(article);
    const key = `damage-${Date.now()}-${keys++}`;
    const el = await fixture<DateLine>(
      html`<date-line layout="list" locale="en-GB" src=${await live(key, text)}></date-line>`,
    );
    await waitUntil(() => el.timeline !== null, 'the good file never loaded');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(damage, async ({ label, apply }) => {
        // A new text each run (trailing spaces), so that every reload reads it and ends in an event.
        await live(key, apply(structuredClone(article), text) + ' '.repeat(++run));
        const outcome = nextOutcome(el);
        el.timeout = 15000 + run; // loads src again
        await outcome;
        await el.updateComplete;
        expectStory(el, label);
      }),
      { numRuns: 30, examples: wholeFileExamples },
    );
  });

  it('an element with inline JSON and a src that brings damaged text shows the story', async () => {
    const article = (await articleData()) as TimelineData;
    const text = JSON.stringify(article);
    await fc.assert(
      fc.asyncProperty(damage, async ({ label, apply }) => {
        const src = await live(`inline-${Date.now()}-${keys++}`, apply(structuredClone(article), text));
        const el = document.createElement('date-line');
        Object.assign(el, { layout: 'list', locale: 'en-GB', src });
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = text;
        el.append(script);
        // Two outcomes at least: the inline data shown at once, then what src brought (a load or an error).
        let outcomes = 0;
        const count = () => outcomes++;
        el.addEventListener('date-line-load', count);
        el.addEventListener('date-line-error', count);
        const host = await fixture<HTMLDivElement>(html`<div></div>`);
        host.append(el);
        await waitUntil(() => outcomes >= 2, `${label}: src never answered`, { timeout: 4000 });
        await el.updateComplete;
        expectStory(el, label);
        el.remove();
      }),
      { numRuns: 15, examples: wholeFileExamples },
    );
  });
});
