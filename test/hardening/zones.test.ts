import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DateLine } from '../../src/date-line.js';
import { daysFromCivil } from '../../src/model/calendar.js';
import { timeMap } from '../../src/scale/coords.js';
import { ticksFor } from '../../src/scale/ticks.js';
import { articleData, settled, shadow } from '../helpers.js';
import { warmAxis } from './warm.js';

// Guards: what the axis shows does not depend on the reader's time zone. The suite runs in three zones
// (web-test-runner.config.mjs: one west of UTC, two at UTC+13 and +14); these expectations are constants, so a
// tick, a date label or a range that moved with the zone fails in at least one of them.

async function axisAt(data: unknown, view: string, breaks: 'auto' | 'none' = 'none'): Promise<DateLine> {
  const el = await fixture<DateLine>(
    html`<date-line
      layout="axis"
      .data=${data}
      view=${view}
      breaks=${breaks}
      locale="en-GB"
      style="width: 1000px"
    ></date-line>`,
  );
  await settled(el);
  await waitUntil(() => shadow(el).querySelector('.axis .tick'), 'no axis', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

const labels = (el: DateLine) =>
  [...shadow(el).querySelectorAll('.axis time')].map((time) => [time.textContent, time.getAttribute('datetime')]);

/**
 * The minor tick labels in order, then the major ones with the pinned label (which stands in for the major tick
 * it repeats at the view's edge), sorted: what a reader sees, whichever of the two shows it.
 */
function ticks(el: DateLine): string[] {
  const root = shadow(el);
  const text = (node: Element) => node.textContent.trim();
  const major = [...root.querySelectorAll('.tick.major')].map(text);
  const pinned = root.querySelector('.pinned-major');
  if (pinned && !major.includes(text(pinned))) major.push(text(pinned));
  const minor = [...root.querySelectorAll('.tick:not(.major)')].map(text);
  return [...minor, ...major.sort()].filter(Boolean);
}

/**
 * Times as this engine writes them in en-GB with `hour: 'numeric'`: "6:00" in Chromium and WebKit, "06:00" in
 * Firefox. en-GB's CLDR pattern is "HH:mm"; V8 and JavaScriptCore drop the leading zero to honour 'numeric', and
 * SpiderMonkey keeps the locale's pattern. Either way the label must be the same in every zone.
 */
function clock(text: string): string {
  const six = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    Date.UTC(2018, 0, 1, 6),
  );
  expect(six, 'en-GB hours').to.be.oneOf(['6:00', '06:00']);
  return six === '06:00' ? text.replace(/\b(\d):/g, '0$1:') : text;
}

describe('the axis in every time zone', () => {
  warmAxis();
  it('shows the same ticks, labels and range for the article', async () => {
    const data = await articleData();
    const el = await axisAt(data, '2017-02/2017-04');
    const days = ['1', '8', '15', '22'];
    expect(ticks(el)).to.deep.equal([
      ...Array.from({ length: 9 }, () => days).flat(),
      ...[
        'November 2016',
        'December 2016',
        'January 2017',
        'February 2017',
        'March 2017',
        'April 2017',
        'May 2017',
        'June 2017',
        'July 2017',
      ].sort(),
    ]);
    expect(el.visibleRange).to.deep.equal({ start: '2017-02-01T00:00Z', end: '2017-05-01T00:00Z' });
    el.select('las-cruces-emails');
    await el.updateComplete;
    expect(shadow(el).querySelector('.panel-date time')!.textContent).to.equal('February–March 2017');
  });

  it('shows the same labels for date-times with offsets, BCE and deep time', async () => {
    const data = {
      version: 1,
      events: [
        { id: 'a', date: '2018-03-26T23:30:00-07:00', title: 'Late evening in California' },
        { id: 'b', date: '2018-03-27T00:30:00+14:00', title: 'Just after midnight at UTC+14' },
        { id: 'c', date: '2018-03-26T12:00Z', title: 'Noon UTC' },
      ],
    };
    const el = await axisAt(data, '2018-03-25/2018-03-28');
    const hours = ['6:00', '9:00', '12:00', '15:00', '18:00', '21:00', '0:00', '3:00'].map(clock);
    expect(ticks(el)).to.deep.equal([
      ...Array.from({ length: 5 }, () => hours).flat(),
      clock('6:00'),
      ...['24 March 2018', '25 March 2018', '26 March 2018', '27 March 2018', '28 March 2018', '29 March 2018'].sort(),
    ]);
    expect(el.visibleRange).to.deep.equal({ start: '2018-03-26T00:30Z', end: '2018-03-27T16:30Z' });
    // Each at the wall-clock time and offset its author wrote, in time order (by their UTC instants).
    expect(labels(el)).to.deep.equal([
      [clock('27 March 2018 at 0:30:00 UTC+14'), '2018-03-27T00:30:00+14:00'],
      ['26 March 2018 at 12:00 UTC', '2018-03-26T12:00Z'],
      ['26 March 2018 at 23:30:00 UTC\u22127', '2018-03-26T23:30:00-07:00'],
    ]);
    const deep = await axisAt(
      {
        version: 1,
        events: [
          { id: 'rome', date: '-0752', title: 'Rome founded' },
          { id: 'caesar', date: '-0043-03-15', title: 'Caesar' },
          { id: 'ad', date: '0001', title: '1 CE' },
        ],
      },
      '-0800/0100',
    );
    expect(ticks(deep)).to.deep.equal([
      ...Array.from({ length: 17 }, (_, index) => `${1700 - index * 100} BCE`),
      ...Array.from({ length: 10 }, (_, index) => String(100 + index * 100)),
    ]);
    expect(deep.visibleRange).to.deep.equal({ start: '-000800-01-01T00:00Z', end: '0101-01-01T00:00Z' });
    // HTML's datetime has no BCE years, so those have none.
    expect(labels(deep)).to.deep.equal([
      ['753 BCE', null],
      ['15 March 44 BCE', null],
      ['1', '0001'],
    ]);
  });
});

/**
 * The tick model itself, across the days the clocks change in 2024 where the suite runs (Los Angeles,
 * Auckland) and in the zones whose changes are the hardest (Santiago skips midnight; Lord Howe moves by half
 * an hour): run with TIME_ZONES=America/Santiago,Australia/Lord_Howe to exercise those. Ticks stepped on local
 * `Date`s read "0:00, 4:00, 7:00" over the night the US clocks went forward; these tables are the same in
 * every zone, so a tick that moves with the reader's clock fails where its clock changes.
 */
describe('ticks across clock changes', () => {
  const clockChanges: [string, string][] = [
    ['2024-03-09', 'United States, forward at 2:00 on 10 March'],
    ['2024-11-02', 'United States, back at 2:00 on 3 November'],
    ['2024-04-06', 'Santiago back at midnight; Lord Howe back half an hour, Auckland an hour, on 7 April'],
    ['2024-09-07', 'Santiago forward at midnight on 8 September (no midnight that day)'],
    ['2024-09-28', 'Auckland forward at 2:00 on 29 September'],
    ['2024-10-05', 'Lord Howe forward half an hour at 2:00 on 6 October'],
  ];
  const dayOf = (text: string) => {
    const [year, month, day] = text.split('-').map(Number);
    return daysFromCivil(year, month, day);
  };

  for (const [first, change] of clockChanges) {
    it(`steps every 3 hours over two days from ${first} (${change})`, () => {
      const start = dayOf(first);
      const ticks = ticksFor({ start, end: start + 2 }, timeMap, 1600, 'en-GB');
      expect(ticks.unit).to.equal('3 hour');
      const hours = Array.from({ length: 17 }, (_, index) => index * 3);
      expect(ticks.minor.map((tick) => tick.label)).to.deep.equal(hours.map((hour) => clock(`${hour % 24}:00`)));
      ticks.minor.forEach((tick, index) =>
        expect(tick.coord, tick.label).to.be.closeTo(
          start + Math.floor(hours[index] / 24) + (hours[index] % 24) / 24,
          1e-9,
        ),
      );
      expect(ticks.major.map((tick) => tick.coord)).to.deep.equal([start, start + 1, start + 2]);
    });
  }

  it('puts day ticks on whole days through the month Santiago skips a midnight in', () => {
    const start = dayOf('2024-09-01');
    const ticks = ticksFor({ start, end: start + 14 }, timeMap, 800, 'en-GB');
    expect(ticks.unit).to.equal('1 day');
    expect(ticks.minor.map((tick) => tick.label)).to.deep.equal(Array.from({ length: 15 }, (_, i) => String(i + 1)));
    expect(ticks.minor.map((tick) => tick.coord)).to.deep.equal(Array.from({ length: 15 }, (_, i) => start + i));
    expect(ticks.major).to.deep.equal([{ coord: start, label: 'September 2024' }]);
  });

  it('puts week and month ticks on the first moment of their days', () => {
    const weeks = ticksFor({ start: dayOf('2024-03-01'), end: dayOf('2024-11-30') }, timeMap, 2400, 'en-GB');
    expect(weeks.unit).to.equal('7 day');
    for (const tick of weeks.minor) expect(Number.isInteger(tick.coord), tick.label).to.equal(true);
    expect(new Set(weeks.minor.map((tick) => tick.label))).to.deep.equal(new Set(['1', '8', '15', '22']));
    const months = ticksFor({ start: dayOf('2024-01-01'), end: dayOf('2025-01-01') }, timeMap, 600, 'en-GB');
    expect(months.unit).to.equal('1 month');
    expect(months.minor.map((tick) => tick.coord)).to.deep.equal(
      Array.from({ length: 13 }, (_, i) => daysFromCivil(2024, i + 1, 1)),
    );
  });
});
