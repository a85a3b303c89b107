import { expect } from '@open-wc/testing';
import { civilFromDays, daysFromCivil, daysInMonth } from '../../src/model/calendar.js';
import { endOf, htmlDatetime, parseCalendarDate, parseDateSpan, startOf, toIsoString } from '../../src/model/dates.js';

describe('calendar arithmetic', () => {
  const days: [number, number, number, number][] = [
    [1970, 1, 1, 0],
    [2000, 3, 1, 11017],
    [2017, 2, 28, 17225],
    [1, 1, 1, -719162],
    [0, 12, 31, -719163],
    [-43, 3, 15, -735160],
  ];
  for (const [year, month, day, expected] of days) {
    it(`${year}-${month}-${day} is day ${expected}, and back`, () => {
      expect(daysFromCivil(year, month, day)).to.equal(expected);
      expect(civilFromDays(expected)).to.deep.equal({ year, month, day });
    });
  }

  it('knows leap years, including century rules and year 0', () => {
    expect([
      daysInMonth(2016, 2),
      daysInMonth(2017, 2),
      daysInMonth(1900, 2),
      daysInMonth(2000, 2),
      daysInMonth(0, 2),
    ]).to.deep.equal([29, 28, 28, 29, 29]);
  });
});

describe('parseCalendarDate', () => {
  const valid: [string, object][] = [
    ['2014', { year: 2014, precision: 'year', approximate: false, uncertain: false }],
    ['2014-09', { year: 2014, month: 9, precision: 'month' }],
    ['2018-03-26', { year: 2018, month: 3, day: 26, precision: 'day' }],
    ['2014~', { year: 2014, approximate: true, uncertain: false }],
    ['2014?', { year: 2014, approximate: false, uncertain: true }],
    ['2014-09%', { year: 2014, month: 9, approximate: true, uncertain: true }],
    ['-0043-03-15', { year: -43, month: 3, day: 15, precision: 'day' }],
    ['0000', { year: 0, precision: 'year' }],
    ['Y-170000002', { year: -170000002, precision: 'year' }],
    ['+12345', { year: 12345 }],
    ['2016-02-29', { day: 29 }],
    ['2014-09-25T14:30-04:00', { hour: 14, minute: 30, offsetMinutes: -240, precision: 'minute' }],
    ['2014-09-25T14:30:05Z', { second: 5, offsetMinutes: 0, precision: 'second' }],
    ['2014-09-25T14:30+0530', { offsetMinutes: 330 }],
    ['2014-09-25T14:30', { hour: 14, precision: 'minute' }],
  ];
  for (const [text, expected] of valid) {
    it(`reads "${text}"`, () => {
      const parsed = parseCalendarDate(text);
      expect(parsed.ok, JSON.stringify(parsed)).to.equal(true);
      if (parsed.ok) expect(parsed.value).to.include(expected);
    });
  }

  const invalid: [string, RegExp][] = [
    ['2017-02-30', /February 2017 has 28 days/],
    ['2017-02-29', /February 2017 has 28 days/],
    ['2017-13', /no month 13/],
    ['2017-00', /no month 0/],
    ['2017-04-31', /April 2017 has 30 days/],
    ['2017-04-00', /no day 0/],
    ['2017-21', /seasons/],
    ['2017/02/30', /Dates use hyphens: write "2017-02-30"/],
    ['30/02/2017', /year first/],
    ['March 2017', /as numbers, year first/],
    ['17', /not a date/],
    ['2014-9', /not a date/],
    ['2014~?', /only come once/],
    ['2014-09-25T24:00', /hours go to 23/],
    ['2014-09-25T10:00+15:00', /not a real UTC offset/],
    ['', /not a date/],
  ];
  for (const [text, message] of invalid) {
    it(`refuses "${text}" with a reason`, () => {
      const parsed = parseCalendarDate(text);
      expect(parsed.ok).to.equal(false);
      if (!parsed.ok) expect(parsed.message).to.match(message);
    });
  }
});

describe('parseDateSpan', () => {
  it('reads intervals, open and unknown ends', () => {
    const range = parseDateSpan('2017-02/2017-03');
    expect(
      range.ok && range.value.isInterval && range.value.start?.month === 2 && range.value.end?.month === 3,
    ).to.equal(true);
    const openStart = parseDateSpan('../2017-03-09');
    expect(openStart.ok && openStart.value.start === null && openStart.value.end?.day === 9).to.equal(true);
    const openEnd = parseDateSpan('2017/..');
    expect(openEnd.ok && openEnd.value.end === null).to.equal(true);
    const unknownStart = parseDateSpan('/2017');
    expect(unknownStart.ok && unknownStart.value.start === null).to.equal(true);
  });

  const invalid: [string, RegExp][] = [
    ['2017-03/2017-02', /ends before it starts/],
    ['2018/2017', /ends before it starts/],
    ['../..', /at least one date/],
    ['2017/2018/2019', /more than one "\/"/],
    ['2017-02/2017-02-30', /February 2017 has 28 days/],
    ['   ', /empty/],
  ];
  for (const [text, message] of invalid) {
    it(`refuses "${text}"`, () => {
      const parsed = parseDateSpan(text);
      expect(parsed.ok).to.equal(false);
      if (!parsed.ok) expect(parsed.message).to.match(message);
    });
  }

  it('accepts intervals whose ends overlap at different precisions', () => {
    expect(parseDateSpan('2017-03/2017-03-09').ok).to.equal(true);
    expect(parseDateSpan('2017-03-09/2017-03').ok).to.equal(true);
    expect(parseDateSpan('2017-03-10/2017-03-09').ok).to.equal(false);
  });
});

describe('placement on the time scale', () => {
  const span = (text: string) => {
    const parsed = parseCalendarDate(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return [startOf(parsed.value), endOf(parsed.value)];
  };

  it('gives each precision its whole span', () => {
    expect(span('2014')).to.deep.equal([daysFromCivil(2014, 1, 1), daysFromCivil(2015, 1, 1)]);
    expect(span('2014-12')).to.deep.equal([daysFromCivil(2014, 12, 1), daysFromCivil(2015, 1, 1)]);
    expect(span('2016-02')).to.deep.equal([daysFromCivil(2016, 2, 1), daysFromCivil(2016, 3, 1)]);
    expect(span('2018-03-26')).to.deep.equal([daysFromCivil(2018, 3, 26), daysFromCivil(2018, 3, 27)]);
  });

  it('places date-times at their UTC instant', () => {
    const [start] = span('2014-09-25T22:30-04:00');
    expect(start).to.be.closeTo(daysFromCivil(2014, 9, 26) + 2.5 / 24, 1e-9);
  });
});

describe('ISO and HTML datetime text', () => {
  const rows: [string, string, string | undefined][] = [
    ['2014', '2014', '2014'],
    ['2014-09', '2014-09', '2014-09'],
    ['2018-03-26', '2018-03-26', '2018-03-26'],
    ['2014-09-25T14:30-04:00', '2014-09-25T14:30-04:00', '2014-09-25T14:30-04:00'],
    ['-0043-03-15', '-000043-03-15', undefined],
    ['+12345', '+012345', '12345'],
  ];
  for (const [text, iso, datetime] of rows) {
    it(`"${text}" is ${iso} in ISO 8601 and ${datetime ?? 'nothing'} in HTML`, () => {
      const parsed = parseDateSpan(text);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(toIsoString(parsed.value.start!)).to.equal(iso);
      expect(htmlDatetime(parsed.value)).to.equal(datetime);
    });
  }
});
