import { expect } from '@open-wc/testing';
import { daysFromCivil } from '../../src/model/calendar.js';
import { fromTimelineJS } from '../../src/model/import/index.js';
import { parseTimeline } from '../../src/model/parse.js';
import type { TimelineEvent } from '../../src/model/types.js';
import { placeEvents } from '../../src/scale/axis-data.js';
import { englishMessages, loadMessages } from '../../src/i18n/messages.js';
import {
  formatDuration,
  gapDuration,
  gapLabel,
  gapsToFold,
  placeBreaks,
  type Duration,
} from '../../src/scale/breaks.js';
import { foldedMap } from '../../src/scale/coords.js';
import { inLocaleDigits } from '../locale-digits.js';
import { ticksBetweenBreaks } from '../../src/scale/scene.js';

const YEAR = 365.2425;

function eventsOf(data: unknown): readonly TimelineEvent[] {
  const json = data as { events?: { start_date?: unknown }[] };
  const converted = json.events?.[0]?.start_date ? fromTimelineJS(data).data : data;
  const { timeline, errors } = parseTimeline(converted);
  if (!timeline) throw new Error(JSON.stringify(errors.slice(0, 2)));
  return timeline.events;
}

const load = async (url: string) => eventsOf(await (await fetch(url)).json());

/** The gaps a timeline folds, as whole years, widest first (for readable rows). */
function foldedYears(events: readonly TimelineEvent[]): number[] {
  const gaps = gapsToFold(
    events.map((event) => event.from),
    events.map((event) => event.to),
  );
  return gaps.map((gap) => Math.round((gap.to - gap.from) / YEAR)).sort((a, b) => b - a);
}

describe('folded gaps: which gaps fold, on real timelines', () => {
  // [file, the gaps that fold (years, rounded)]: the article's background folds away from its story, the 90
  // years between Ada Lovelace and the ENIAC programmers fold; lives spread more evenly do not.
  const rows: [string, number[]][] = [
    ['/data/ice-facebook-palantir.json', [26, 2, 2]],
    ['/test/fixtures/timelinejs/women_in_computing.json', [91]],
    ['/test/fixtures/timelinejs/houston_timeline3.json', [14]],
    ['/test/fixtures/timelinejs/twain_marktwain.json', []],
    ['/demo/data/egypt-ar.json', []],
    ['/demo/data/apollo-11.json', []],
  ];
  for (const [file, expected] of rows) {
    it(`${file.split('/').pop()} folds ${expected.length ? expected.join(', ') + ' years' : 'nothing'}`, async () => {
      expect(foldedYears(await load(file))).to.deep.equal(expected);
    });
  }
});

describe('folded gaps: hard cases', () => {
  const dates = (list: string[]) =>
    eventsOf({ version: 1, events: list.map((date, i) => ({ id: `e${i}`, date, title: `Event ${i}` })) });
  const week = Array.from({ length: 100 }, (_, i) => `2017-03-0${1 + (i % 7)}T${String(i % 24).padStart(2, '0')}:00Z`);
  // [case, dates, how many gaps fold]
  const cases: [string, string[], number][] = [
    ['one event', ['2017-03-09'], 0],
    ['all events on one day', ['2017-03-09', '2017-03-09', '2017-03-09'], 0],
    ['two events 10,000 years apart', ['-7982', '2018'], 0],
    ['a hundred events in one week and one a century later', [...week, '2117-03-01'], 1],
    ['only BCE dates, one far from the rest', ['-0752', '-0510', '-0509', '-0490', '-0480', '-0044', '-3100'], 1],
    ['only open-ended dates', ['../2017-03-09', '2017-05/..', '[..2018-01-01]'], 0],
  ];
  for (const [name, list, folds] of cases) {
    it(`${name}: ${folds} break(s), and a map that is finite, continuous and increasing`, () => {
      const events = dates(list);
      const { map, starts, ends } = placeEvents(events, 'time', 'auto');
      expect(map.breaks).to.have.length(folds);
      for (const value of [...starts, ...ends]) expect(Number.isFinite(value), String(value)).to.equal(true);
      const days = [...starts].sort((a, b) => a - b);
      for (let i = 1; i < days.length; i++) expect(days[i]).to.be.at.least(days[i - 1]);
    });
  }
});

describe('folded map', () => {
  // Two gaps: 1990–2010 and 2011–2015, each folded to 10 days.
  const day = (year: number) =>
    Number.isInteger(year) ? daysFromCivil(year, 1, 1) : daysFromCivil(Math.floor(year), 1, 1) + (year % 1) * YEAR;
  const breaks = placeBreaks(
    [
      { from: day(1990), to: day(2010) },
      { from: day(2011), to: day(2015) },
    ],
    10,
  );
  const map = foldedMap(breaks);

  it('keeps time proportional within each stretch, and days as they are before the first break', () => {
    expect(map.toCoord(day(1980))).to.be.closeTo(day(1980), 1e-6);
    const inFirst = map.toCoord(day(2010) + 100) - map.toCoord(day(2010));
    const inSecond = map.toCoord(day(2016) + 100) - map.toCoord(day(2016));
    expect(inFirst).to.be.closeTo(100, 1e-6);
    expect(inSecond).to.be.closeTo(100, 1e-6);
  });

  it('folds each gap into its break width', () => {
    for (const fold of breaks) {
      expect(map.toCoord(fold.to) - map.toCoord(fold.from)).to.be.closeTo(10, 1e-6);
      expect(map.toCoord(fold.from)).to.be.closeTo(fold.start, 1e-6);
    }
  });

  it('is continuous and increasing, and toDay undoes toCoord everywhere (so ranges report true dates)', () => {
    let previous = -Infinity;
    for (let year = 1960; year <= 2030; year += 0.25) {
      const coord = map.toCoord(day(year));
      expect(coord).to.be.above(previous);
      expect(map.toDay(coord)).to.be.closeTo(day(year), 1e-6);
      previous = coord;
    }
  });

  it('draws no tick inside a break, and ticks on in the stretches around them', () => {
    const view = { start: map.toCoord(day(1985)), end: map.toCoord(day(2020)) };
    const ticks = ticksBetweenBreaks(view, map, 1200, 'en-GB');
    for (const tick of [...ticks.minor, ...ticks.major])
      for (const fold of breaks)
        expect(tick.coord > fold.start && tick.coord < fold.end, `${tick.label} in a break`).to.equal(false);
    // Months at this width, with their years as major labels: years on both sides of each break, none inside.
    expect(ticks.unit).to.match(/month/);
    const years = ticks.major.map((tick) => Number(tick.label));
    expect(
      years.some((year) => year > 1990 && year < 2010),
      'a year from the first gap',
    ).to.equal(false);
    expect(years, 'years before the breaks and after them').to.include.members([1986, 2016]);
  });
});

/** A day number for a calendar date and time (UTC). */
const at = (year: number, month = 1, day = 1, hour = 0, minute = 0, second = 0) =>
  daysFromCivil(year, month, day) + hour / 24 + minute / 1440 + second / 86400;

describe('folded gaps: how long a break says its gap lasts', () => {
  // [from, to, duration]: the largest unit the gap holds at least two of, in whole units, never more than it lasts.
  const rows: [number, number, string][] = [
    // The article's background: the day after 21 October 1986 to 21 December 2012.
    [at(1986, 10, 22), at(2012, 12, 21), '26 year'],
    [at(2017, 3, 10), at(2018, 2, 15), '11 month'],
    // Leap day to the end of February two years on: two whole years, as months count them.
    [at(2016, 2, 29), at(2018, 2, 28), '2 year'],
    [at(2016, 3, 1), at(2018, 2, 28), '23 month'],
    // 31 January to 30 March is not two whole months: 58 days, 8 whole weeks.
    [at(2017, 1, 31), at(2017, 3, 30), '8 week'],
    [at(2024, 2, 1), at(2024, 3, 1), '4 week'],
    [at(2024, 1, 1), at(2024, 1, 15), '2 week'],
    [at(2024, 1, 1), at(2024, 1, 14), '13 day'],
    [at(2024, 1, 1), at(2024, 1, 2, 20), '44 hour'],
    // The night US clocks went forward: five and a half hours of UTC, whatever the reader's zone.
    [at(2024, 3, 10, 6), at(2024, 3, 10, 11, 30), '5 hour'],
    [at(2024, 3, 10), at(2024, 3, 10, 1, 30), '90 minute'],
    [at(2024, 3, 10), at(2024, 3, 10, 0, 0, 45), '45 second'],
    // BCE, inside Date's range: 500 BCE (astronomical -499) to 44 BCE (-43).
    [at(-499, 3, 1), at(-43, 3, 15), '456 year'],
    // Deep time, beyond Date's range: in years of 365.2425 days.
    [at(-13_800_000_000), at(-4_500_000_000), '9300000000 year'],
  ];
  for (const [from, to, expected] of rows) {
    it(`${from.toFixed(2)} to ${to.toFixed(2)}: ${expected}s`, () => {
      const { count, unit } = gapDuration({ from, to });
      expect(`${count} ${unit}`).to.equal(expected);
    });
  }
});

describe('folded gaps: the duration in words', () => {
  // [locale, duration, words]: the platform's words in each language date-line has a table for.
  const rows: [string, Duration, string][] = [
    ['en', { count: 26, unit: 'year' }, '26 years'],
    ['en', { count: 1, unit: 'year' }, '1 year'],
    ['en', { count: 8, unit: 'month' }, '8 months'],
    ['en', { count: 3, unit: 'week' }, '3 weeks'],
    ['en', { count: 90, unit: 'minute' }, '90 minutes'],
    ['en', { count: 9_300_000_000, unit: 'year' }, '9,300,000,000 years'],
    ['de', { count: 26, unit: 'year' }, '26 Jahre'],
    ['de', { count: 8, unit: 'month' }, '8 Monate'],
    ['de', { count: 13, unit: 'day' }, '13 Tage'],
    ['de', { count: 9_300_000_000, unit: 'year' }, '9.300.000.000 Jahre'],
    ['fr', { count: 26, unit: 'year' }, '26 ans'],
    ['fr', { count: 8, unit: 'month' }, '8 mois'],
    ['fr', { count: 5, unit: 'hour' }, '5 heures'],
    ['ar', { count: 26, unit: 'year' }, '26 سنة'],
    ['ar', { count: 8, unit: 'month' }, '8 أشهر'],
    ['ar', { count: 1, unit: 'year' }, 'سنة'],
  ];
  const platform = (Intl as { DurationFormat?: unknown }).DurationFormat;
  for (const [locale, duration, words] of rows) {
    it(`${locale}: ${duration.count} ${duration.unit}(s) is "${words}"${platform ? ', with Intl.DurationFormat and without' : ''}`, () => {
      // Spaces as written here: engines put a no-break or narrow no-break space in "9 300 000 000 ans".
      const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
      expect(plain(formatDuration(duration, locale))).to.equal(inLocaleDigits(words, locale));
      expect(plain(formatDuration(duration, locale, undefined))).to.equal(inLocaleDigits(words, locale));
    });
  }

  it('labels a break in the element’s words', async () => {
    const gap = { from: at(1986, 10, 22), to: at(2012, 12, 21) };
    expect(gapLabel(gap, 'en', englishMessages)).to.equal('No events for 26 years');
    const tables = await Promise.all(['de', 'fr', 'ar'].map((locale) => loadMessages(locale)));
    expect(tables.map((messages, index) => gapLabel(gap, ['de', 'fr', 'ar'][index], messages))).to.deep.equal([
      '26 Jahre ohne Ereignisse',
      'Aucun événement pendant 26 ans',
      inLocaleDigits('لا أحداث لمدة 26 سنة', 'ar'),
    ]);
  });
});
