import { expect } from '@open-wc/testing';
import { daysFromCivil } from '../../src/model/calendar.js';
import { fromTimelineJS } from '../../src/model/import/index.js';
import { parseTimeline } from '../../src/model/parse.js';
import type { TimelineEvent } from '../../src/model/types.js';
import { placeEvents } from '../../src/scale/axis-data.js';
import { gapsToFold, placeBreaks } from '../../src/scale/breaks.js';
import { foldedMap } from '../../src/scale/coords.js';
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
