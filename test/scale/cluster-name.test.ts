import { expect } from '@open-wc/testing';
import { englishMessages, loadMessages, type Messages } from '../../src/i18n/messages.js';
import { clusterName } from '../../src/scale/cluster-name.js';

describe('clusterName: a cluster named after its most important event, in every locale', () => {
  const tables = new Map<string, Messages>();
  before(async () => {
    for (const locale of ['fr', 'de', 'ar']) tables.set(locale, await loadMessages(locale));
    tables.set('en', englishMessages);
  });

  // [locale, events in the cluster, its name]: the headline, and how many more in the plural the count takes.
  const rows: [string, number, string][] = [
    ['en', 1, 'Detroit arrest'],
    ['en', 2, 'Detroit arrest and 1 more'],
    ['en', 4, 'Detroit arrest and 3 more'],
    ['en', 1235, 'Detroit arrest and 1,234 more'],
    ['fr', 2, 'Detroit arrest et 1 autre'],
    ['fr', 4, 'Detroit arrest et 3 autres'],
    ['de', 2, 'Detroit arrest und 1 weiteres'],
    ['de', 4, 'Detroit arrest und 3 weitere'],
    ['de', 1235, 'Detroit arrest und 1.234 weitere'],
    ['ar', 2, 'Detroit arrest وحدث آخر'],
    ['ar', 3, 'Detroit arrest وحدثان آخران'],
    ['ar', 4, 'Detroit arrest و3 أحداث أخرى'],
    ['ar', 12, 'Detroit arrest و11 حدثًا آخر'],
    ['ar', 101, 'Detroit arrest و100 حدث آخر'],
  ];
  for (const [locale, count, expected] of rows) {
    it(`names ${count} event(s) in ${locale} "${expected}"`, () => {
      const name = clusterName('Detroit arrest', count, locale, tables.get(locale)!);
      // Arabic digits are the engine's own for the locale (see format.test.ts).
      const digits = (text: string) =>
        text.replace(/\d+/g, (number) => new Intl.NumberFormat(locale).format(Number(number)));
      expect(name.text).to.equal(locale === 'ar' ? digits(expected) : expected);
      expect(name.parts.join('')).to.equal(name.text);
      expect(name.parts[1]).to.equal('Detroit arrest');
    });
  }

  it('keeps the headline apart, however the language places it, for a view to shorten it alone', () => {
    const name = clusterName('A', 3, 'en', { clusterName: { other: 'with {count} more: {title}!' } });
    expect(name.parts).to.deep.equal(['with 2 more: ', 'A', '!']);
  });
});
