import { expect } from '@open-wc/testing';
import { parseDateSpan } from '../../src/model/dates.js';
import { formatSpan } from '../../src/model/format.js';
import { loadMessages, type Messages } from '../../src/i18n/messages.js';
import { inLocaleDigits } from '../locale-digits.js';

/** Each locale's message table, loaded before the tests: labels take the table they are written with. */
const tables = new Map<string, Messages>();

function label(text: string, locale: string): string {
  const parsed = parseDateSpan(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return formatSpan(parsed.value, locale, tables.get(locale.split('-')[0]));
}

/**
 * The same engines differ on Arabic ranges: WebKitGTK's CLDR 42 writes a comma before a range's year
 * ("٩–٣١ مارس، ٢٠١٧"), later CLDR does not. A label built on the engine's range takes its punctuation too.
 */
function inLocaleRange(latin: string, locale: string): string {
  const range = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).formatRange(
    new Date(Date.UTC(2017, 2)),
    new Date(Date.UTC(2017, 4)),
  );
  const commaBeforeYear = range.includes('\u060c');
  return inLocaleDigits(commaBeforeYear ? latin.replace(/(\p{L}) (\d+)$/u, '$1\u060c $2') : latin, locale);
}

describe('date labels', () => {
  before(async () => {
    for (const locale of ['en', 'fr', 'ar', 'de']) tables.set(locale, await loadMessages(locale));
  });

  const rows: [string, string, string][] = [
    ['2014', 'en-GB', '2014'],
    ['2014-09', 'en-GB', 'September 2014'],
    ['2018-03-26', 'en-GB', '26 March 2018'],
    ['2018-03-26', 'en-US', 'March 26, 2018'],
    ['2017-02/2017-03', 'en-GB', 'February–March 2017'],
    ['2018-03-26/2018-03-27', 'en-GB', '26–27 March 2018'],
    ['2018-03-26/2018-04-02', 'en-GB', '26 March – 2 April 2018'],
    ['2014/2016', 'en-GB', '2014–2016'],
    ['2014~', 'en-GB', 'c. 2014'],
    ['2014?', 'en-GB', '2014?'],
    ['2014%', 'en-GB', 'c. 2014?'],
    ['-0043', 'en-GB', '44 BCE'],
    ['0000', 'en-GB', '1 BCE'],
    ['-0043-03-15', 'en-GB', '15 March 44 BCE'],
    ['-0043/0014', 'en-GB', '44 BCE – 14 CE'],
    ['../2017-03-09', 'en-GB', 'until 9 March 2017'],
    ['2017-03/..', 'en-GB', 'from March 2017'],
    ['2014~/2016', 'en-GB', 'c. 2014 – 2016'],
    ['2017/2017-03-09', 'en-GB', '2017 – 9 March 2017'],
    ['2014-09-25T14:30-04:00', 'en-GB', '25 September 2014 at 14:30 UTC\u22124'],
    ['2014-09-25T14:30Z', 'en-GB', '25 September 2014 at 14:30 UTC'],
    ['Y-170000002', 'en-GB', '170,000,003 BCE'],
    ['2014-09', 'fr', 'septembre 2014'],
    ['2017-02/2017-03', 'fr', 'février–mars 2017'],
    ['2014~', 'fr', 'vers 2014'],
    ['-0043', 'fr', '44 av. J.-C.'],
    ['2018-03-26', 'de', '26. März 2018'],
    ['2018-03-26', 'ar', '26 مارس 2018'],
    ['2014~', 'ar', 'حوالي 2014'],
    // Unspecified digits: the decade or hundred years, in words; a month or day in X is the rest of the date.
    ['201X', 'en-GB', 'the 2010s'],
    ['201X', 'en-US', 'the 2010s'],
    ['201X', 'fr', 'les années 2010'],
    ['201X', 'de', 'die 2010er-Jahre'],
    ['201X', 'ar', 'بين 2010 و2019'],
    ['19XX', 'en-GB', 'the 1900s'],
    ['19XX', 'fr', 'entre 1900 et 1999'],
    ['19XX', 'de', 'zwischen 1900 und 1999'],
    ['19XX', 'ar', 'بين 1900 و1999'],
    ['2016-05-XX', 'en-GB', 'May 2016'],
    ['2016-05-XX', 'fr', 'mai 2016'],
    ['2016-05-XX', 'de', 'Mai 2016'],
    ['2016-05-XX', 'ar', 'مايو 2016'],
    ['2004-XX', 'en-GB', '2004'],
    ['1985-XX-XX', 'de', '1985'],
    ['XXXX', 'en-GB', 'year unknown'],
    ['XXXX-XX-XX', 'fr', 'année inconnue'],
    ['XXXX', 'de', 'Jahr unbekannt'],
    ['XXXX', 'ar', 'سنة غير معروفة'],
    ['16XX~', 'en-GB', 'c. the 1600s'],
    // Before 1 CE, the years themselves: "the 2010s BCE" would be another ten years.
    ['-201X', 'en-GB', '2020–2011 BCE'],
    ['-201X', 'fr', '2020–2011\u00a0av. J.-C.'],
    ['000X', 'en-GB', '1 BCE – 9 CE'],
    // Seasons.
    ['2001-21', 'en-GB', 'spring 2001'],
    ['2001-22', 'en-US', 'summer 2001'],
    ['2001-23', 'en-GB', 'autumn 2001'],
    ['2001-24', 'en-GB', 'winter 2001'],
    ['2001-21', 'fr', 'printemps 2001'],
    ['2001-24', 'fr', 'hiver 2001'],
    ['2001-21', 'de', 'Frühling 2001'],
    ['2001-23', 'de', 'Herbst 2001'],
    ['2001-21', 'ar', 'ربيع 2001'],
    ['2001-24', 'ar', 'شتاء 2001'],
    ['-0043-21', 'en-GB', 'spring 44 BCE'],
    ['2011-23~', 'en-GB', 'c. autumn 2011'],
    ['2001-21/2001-23', 'en-GB', 'spring 2001 – autumn 2001'],
    // "One of" dates: one day, known only to be on or before (or after) another, that day included, so never
    // worded "before 9 March", which would leave the ninth out.
    ['[..2017-03-09]', 'en-GB', '9 March 2017 or earlier'],
    ['[..2017-03-09]', 'en-US', 'March 9, 2017 or earlier'],
    ['[..2017-03-09]', 'fr', 'au plus tard le 9 mars 2017'],
    ['[..2017-03-09]', 'de', '9. März 2017 oder früher'],
    ['[..2017-03-09]', 'ar', '9 مارس 2017 أو قبله'],
    ['[..2017-03]', 'fr', 'au plus tard en mars 2017'],
    ['[..2017-03]', 'de', 'März 2017 oder früher'],
    ['[..1984]', 'en-GB', '1984 or earlier'],
    ['[2017-03-09..]', 'en-GB', '9 March 2017 or later'],
    ['[2017-03-09..]', 'en-US', 'March 9, 2017 or later'],
    ['[2017-03-09..]', 'fr', 'au plus tôt le 9 mars 2017'],
    ['[2017-03-09..]', 'de', '9. März 2017 oder später'],
    ['[2017-03-09..]', 'ar', '9 مارس 2017 أو بعده'],
    ['[-0044-03-15..]', 'en-GB', '15 March 45 BCE or later'],
    // "One of" dates between two: the range as Intl writes it, its shared parts said once, with the words of "between".
    ['[2017-03-09..2017-03-31]', 'en-GB', 'between 9 and 31 March 2017'],
    ['[2017-03-09..2017-03-31]', 'en-US', 'between March 9 and 31, 2017'],
    ['[2017-03-09..2017-03-31]', 'fr', 'entre le 9 et le 31 mars 2017'],
    ['[2017-03-09..2017-03-31]', 'de', 'zwischen dem 9. und dem 31. März 2017'],
    ['[2017-03-09..2017-03-31]', 'ar', 'بين 9 و31 مارس 2017'],
    ['[2017-03..2017-05]', 'en-GB', 'between March and May 2017'],
    ['[2017-03..2017-05]', 'en-US', 'between March and May 2017'],
    ['[2017-03..2017-05]', 'fr', 'entre mars et mai 2017'],
    ['[2017-03..2017-05]', 'de', 'zwischen März und Mai 2017'],
    ['[2017-03..2017-05]', 'ar', 'بين مارس ومايو 2017'],
    ['[2016..2018]', 'en-GB', 'between 2016 and 2018'],
    ['[2016..2018]', 'en-US', 'between 2016 and 2018'],
    ['[2016..2018]', 'fr', 'entre 2016 et 2018'],
    ['[2016..2018]', 'de', 'zwischen 2016 und 2018'],
    ['[2016..2018]', 'ar', 'بين 2016 و2018'],
    ['[2017-03-09..2017-04-02]', 'en-GB', 'between 9 March and 2 April 2017'],
    ['[2017-03-09..2017-04-02]', 'en-US', 'between March 9 and April 2, 2017'],
    ['[2017-03-09..2017-04-02]', 'fr', 'entre le 9 mars et le 2 avril 2017'],
    ['[2017-03-09..2017-04-02]', 'de', 'zwischen dem 9. März und dem 2. April 2017'],
    ['[2017-03-09..2017-04-02]', 'ar', 'بين 9 مارس و2 أبريل 2017'],
    ['[2016-12-30..2017-01-02]', 'en-GB', 'between 30 December 2016 and 2 January 2017'],
    ['[-0100..-0050]', 'en-GB', 'between 101 and 51 BCE'],
    // Bounds of different precisions are each written whole; a range of one day is that day.
    ['[2017-03..2017-04-15]', 'en-GB', 'between March 2017 and 15 April 2017'],
    ['[2017-03..2017-04-15]', 'fr', 'entre mars 2017 et 15 avril 2017'],
    ['[2017-03-09..2017-03-09]', 'en-GB', '9 March 2017'],
    // Times as programs write them: to the second, never to the millisecond.
    ['2026-12-07T15:31:08.042Z', 'en-GB', '7 December 2026 at 15:31:08 UTC'],
    ['2026-12-07T15:31:00.000Z', 'en-GB', '7 December 2026 at 15:31:00 UTC'],
    ['2026-12-07T15:31:59.999999999Z', 'en-GB', '7 December 2026 at 15:31:59 UTC'],
    ['2026-12-07T15:31:08.123456789+05:30', 'en-GB', '7 December 2026 at 15:31:08 UTC+5:30'],
    ['2026-12-07T15:31:08.5-12:00', 'de', '7. Dezember 2026 um 15:31:08 UTC\u221212'],
    ['2026-12-07T15:31:08.042Z', 'fr', '7 décembre 2026 à 15:31:08 UTC'],
    [
      '2026-12-07T15:31:08.042Z/2026-12-07T15:45:00.000Z',
      'en-GB',
      '7 December 2026 at 15:31:08 UTC – 7 December 2026 at 15:45:00 UTC',
    ],
    ['2014-09-25T14:30:00Z', 'en-GB', '25 September 2014 at 14:30:00 UTC'],
    // Intervals open at one end stay intervals: "until", "from".
    ['../2017-03-09', 'en-US', 'until March 9, 2017'],
    ['../2017-03-09', 'fr', 'jusqu’au 9 mars 2017'],
    ['2017-03-09/..', 'fr', 'à partir du 9 mars 2017'],
    ['2017-03/..', 'fr', 'à partir de mars 2017'],
    ['../2017-03-09', 'de', 'bis 9. März 2017'],
    ['../2017-03-09', 'ar', 'حتى 9 مارس 2017'],
  ];
  for (const [text, locale, expected] of rows) {
    it(`"${text}" in ${locale} is "${expected}"`, () => {
      const between = text.startsWith('[') && !text.includes('[..') && !text.endsWith('..]');
      expect(label(text, locale)).to.equal(
        locale !== 'ar' ? expected : between ? inLocaleRange(expected, locale) : inLocaleDigits(expected, locale),
      );
    });
  }

  it('never says "Invalid Date", "NaN" or "undefined", and never shows a year zero', () => {
    for (const text of [
      '0000',
      '-0001',
      '0001',
      '9999-12-31',
      'Y-271820',
      'Y275759',
      'Y300000',
      'Y-300000',
      '000X',
      '-000X',
      '00XX',
      '-99XX',
      'XXXX',
      '0000-24',
      '-9999-21',
      '[..0001-01-01]',
      '[-9999..]',
      '[-0001..0001]',
      '[0000-12..0001-01]',
      '[9999-12-31..9999-12-31]',
      '0000-01-01T00:00:00.000Z',
    ]) {
      const value = label(text, 'en-GB');
      expect(value).not.to.match(/Invalid|NaN|undefined|^0 /);
    }
  });

  it('uses Gregorian months even where the locale prefers another calendar', () => {
    expect(label('2014-09', 'ar-SA')).to.match(/سبتمبر/);
    expect(label('2014', 'th')).to.match(/2014/);
  });

  it('depends only on its arguments, not on which message tables the page has loaded', () => {
    const parsed = parseDateSpan('2014~');
    if (!parsed.ok) throw new Error(parsed.message);
    // The French table is loaded by now (see before); without it as an argument, the words stay English.
    expect(formatSpan(parsed.value, 'fr')).to.equal('c. 2014');
    expect(formatSpan(parsed.value, 'fr', tables.get('fr'))).to.equal('vers 2014');
  });
});
