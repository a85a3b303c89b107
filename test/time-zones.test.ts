import { expect, fixture, html } from '@open-wc/testing';
import type { DateLine } from '../src/date-line.js';
import { parseDateSpan } from '../src/model/dates.js';
import { formatSpan } from '../src/model/format.js';
import { htmlDatetime } from '../src/model/html-datetime.js';
import { ARTICLE_URL, listedEvents, settled } from './helpers.js';

// web-test-runner.config.mjs runs every file in several time zones; these expectations are the same constants
// in all of them, so a label that moved with the zone fails in at least one.
describe('time zones', () => {
  it('runs in a pinned zone far from UTC', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const offset = new Date(Date.UTC(2018, 0, 1)).getTimezoneOffset();
    expect(zone).not.to.equal('UTC');
    expect(Math.abs(offset), `${zone} is ${-offset} minutes from UTC`).to.be.at.least(7 * 60);
  });

  it('reads, labels and places times as programs write them, and days between two, identically in every zone', () => {
    const rows = ['2026-12-31T23:59:59.999+14:00', '2026-01-01T10:00:00.5-12:00', '[2017-03-09..2017-03-31]'].map(
      (text) => {
        const parsed = parseDateSpan(text);
        if (!parsed.ok) throw new Error(parsed.message);
        return `${htmlDatetime(parsed.value)} ${formatSpan(parsed.value, 'en-GB')}`;
      },
    );
    expect(rows).to.deep.equal([
      '2026-12-31T23:59:59.999+14:00 31 December 2026 at 23:59:59 UTC+14',
      '2026-01-01T10:00:00.5-12:00 1 January 2026 at 10:00:00 UTC\u221212',
      '2017-03 between 9 and 31 March 2017',
    ]);
  });

  it('labels the article timeline identically in every zone', async () => {
    const el = await fixture<DateLine>(html`<date-line layout="list" src=${ARTICLE_URL} locale="en-GB"></date-line>`);
    await settled(el);
    expect(listedEvents(el).map((event) => `${event.datetime ?? ''} ${event.date}`)).to.deep.equal([
      '1986-10-21 21 October 1986',
      '2012-12-21 21 December 2012',
      '2014-09 September 2014',
      '2017-01 January–June 2017',
      '2017-02 February–March 2017',
      '2017-03-02 2 March 2017',
      // One day on or before 9 March: no datetime says only that.
      ' 9 March 2017 or earlier',
      '2017-03-09 9 March 2017',
      // One day between 9 and 31 March: the month that holds them.
      '2017-03 between 9 and 31 March 2017',
      '2017-03-17 17 March 2017',
      '2017-05-18 18 May 2017?',
      '2017-08-16 16 August 2017',
      '2017-12-18 18 December 2017',
      '2018-03-16 16 March 2018',
      '2018-03-17 17 March 2018',
      '2018-03-26 26 March 2018',
      '2018-03-26 26 March 2018',
      '2018-03-26 26 March 2018?',
      '2018-03-27 27 March 2018',
      '2018-03-29 29 March 2018',
    ]);
  });
});
