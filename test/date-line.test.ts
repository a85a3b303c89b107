import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DateLine } from '../src/date-line.js';
import type { DateLineErrorEvent, DateLineLoadEvent, DateLineSelectEvent } from '../src/events.js';
import {
  ARTICLE_URL,
  articleData,
  detail,
  errorBox,
  eventButton,
  listedEvents,
  renderWith,
  settled,
  shadow,
} from './helpers.js';

describe('<date-line> with the article timeline', () => {
  let el: DateLine;
  beforeEach(async () => {
    el = await fixture<DateLine>(html`<date-line layout="list" src=${ARTICLE_URL} locale="en-GB"></date-line>`);
    await settled(el);
  });

  it('renders every event as an ordered list in chronological order', () => {
    const list = shadow(el).querySelector('ol')!;
    expect(list).to.exist;
    const events = listedEvents(el);
    expect(events).to.have.length(20);
    expect(el.timeline!.events.map((event) => event.from)).to.deep.equal(
      [...el.timeline!.events.map((event) => event.from)].sort((a, b) => a - b),
    );
    expect(events.map((event) => event.id)).to.include.members([
      'palantir-icm-contract',
      'detroit-facebook-warrant',
      'detroit-cell-site-warrant',
      'las-cruces-emails',
      'facebook-us-requests-h1-2017',
      'facebook-transparency-report',
      'intercept-ice-facebook',
      'intercept-correction',
      'wsws-article',
    ]);
  });

  it('labels each date at its own precision, with a machine-readable datetime', () => {
    const byId = Object.fromEntries(listedEvents(el).map((event) => [event.id, event]));
    expect(byId['palantir-icm-contract']).to.include({ date: 'September 2014', datetime: '2014-09' });
    expect(byId['las-cruces-emails']).to.include({ date: 'February–March 2017', datetime: '2017-02' });
    expect(byId['facebook-us-requests-h1-2017'].date).to.equal('January–June 2017');
    expect(byId['facebook-transparency-report']).to.include({ date: '18 December 2017', datetime: '2017-12-18' });
    expect(byId['intercept-ice-facebook']).to.include({ date: '26 March 2018', datetime: '2018-03-26' });
    expect(byId['intercept-correction']).to.include({ date: '26 March 2018?', datetime: '2018-03-26' });
    expect(byId['wsws-article']).to.include({ date: '29 March 2018', datetime: '2018-03-29' });
    // A "one of" date, in words the formatter writes (no displayDate), with no datetime more precise than it.
    expect(byId['detroit-facebook-warrant']).to.include({ date: '9 March 2017 or earlier', datetime: null });
    expect(byId['detroit-arrest']).to.include({ date: 'between 9 and 31 March 2017', datetime: '2017-03' });
    // Marked, as the other one-of dates are, in words the English table leaves to the mark itself.
    const mark = shadow(el).querySelector('li[data-id="detroit-arrest"] .mark-between')!;
    expect(mark.getAttribute('title')).to.equal('known only as one day in this range');
    expect(byId['detroit-news-report']).to.include({ date: '18 May 2017?', datetime: '2017-05-18' });
  });

  it('tells the Detroit case in order: the Facebook warrant, the cell-site simulator warrant, then the arrest', () => {
    const ids = listedEvents(el).map((event) => event.id);
    expect(ids.indexOf('detroit-facebook-warrant')).to.be.below(ids.indexOf('detroit-cell-site-warrant'));
    // The arrest came between 9 and 31 March: after the 2 March report and both 9 March warrants, which
    // introduce the man it names.
    expect(ids.indexOf('intercept-palantir-icm')).to.be.below(ids.indexOf('detroit-facebook-warrant'));
    expect(ids.indexOf('detroit-cell-site-warrant')).to.be.below(ids.indexOf('detroit-arrest'));
    const introduced = ids.findIndex((id) =>
      /Carcamo-Carranza/.test(el.timeline!.events.find((e) => e.id === id)!.summary!),
    );
    expect(ids[introduced]).to.equal('detroit-facebook-warrant');
  });

  it('marks context events the article does not mention', () => {
    const badge = shadow(el).querySelector('li[data-id="intercept-falcon"] .badge');
    expect(badge?.textContent).to.equal('Context');
    expect(shadow(el).querySelector('li[data-id="wsws-article"] .badge')).to.equal(null);
  });

  it('is accessible', async () => {
    await expect(el).to.be.accessible();
  });

  it('opens an event on click, with its summary and sources as links', async () => {
    const selecting = oneEvent<DateLineSelectEvent>(el, 'date-line-select');
    eventButton(el, 'palantir-icm-contract').click();
    const event = await selecting;
    expect(event.detail.id).to.equal('palantir-icm-contract');
    expect(event.detail.event?.title).to.match(/Palantir/);
    await el.updateComplete;
    expect(el.selected).to.equal('palantir-icm-contract');
    expect(el.getAttribute('selected')).to.equal('palantir-icm-contract');
    expect(eventButton(el, 'palantir-icm-contract').getAttribute('aria-expanded')).to.equal('true');
    const open = detail(el)!;
    expect(open.textContent).to.match(/Investigative Case Management/);
    const links = [...open.querySelectorAll<HTMLAnchorElement>('.sources a')];
    expect(links.map((a) => a.href)).to.include(
      'https://www.nextgov.com/digital-government/2014/09/hush-hush-data-firm-palantir-snags-ice-case-tracking-deal/95333/',
    );
    expect(links.every((a) => a.rel === 'noopener noreferrer')).to.equal(true);
    expect(open.textContent).to.match(/exact day of the award was not found/);
    expect(open.querySelector<HTMLAnchorElement>('a.permalink')!.getAttribute('href')).to.equal(
      '#date-line/palantir-icm-contract',
    );
    await expect(el).to.be.accessible();
  });

  it('closes the open event on a second click', async () => {
    eventButton(el, 'wsws-article').click();
    await el.updateComplete;
    eventButton(el, 'wsws-article').click();
    await el.updateComplete;
    expect(el.selected).to.equal(null);
    expect(detail(el)).to.equal(null);
  });

  it('lets a listener cancel the selection', async () => {
    el.addEventListener('date-line-select', (event) => event.preventDefault(), { once: true });
    eventButton(el, 'wsws-article').click();
    await el.updateComplete;
    expect(el.selected).to.equal(null);
    expect(detail(el)).to.equal(null);
  });

  it('is one tab stop; arrow keys move between events; Enter and Space open; Escape closes', async () => {
    const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('li[data-id] button')];
    expect(buttons.filter((button) => button.tabIndex === 0)).to.have.length(1);
    buttons[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(buttons[1]);
    expect(buttons[1].tabIndex).to.equal(0);
    expect(buttons[0].tabIndex).to.equal(-1);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.selected).to.equal(listedEvents(el)[1].id);
    await sendKeys({ press: 'End' });
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.selected).to.equal('wsws-article');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(eventButton(el, listedEvents(el)[18].id));
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(buttons[0]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.selected).to.equal(null);
  });

  it('selects through select(), next() and previous()', () => {
    expect(el.select('wsws-article')).to.equal(true);
    expect(el.previous()).to.equal(true);
    expect(el.selected).to.equal('ice-calls-report-baseless');
    expect(el.next()).to.equal(true);
    expect(el.next()).to.equal(false);
    expect(el.select('no-such-event')).to.equal(false);
    expect(el.selected).to.equal('wsws-article');
  });

  it('announces a selection briefly: date and headline only', async () => {
    el.select('intercept-ice-facebook');
    await el.updateComplete;
    const status = shadow(el).querySelector('.visually-hidden[role="status"]')!;
    expect(status.textContent).to.equal(
      '26 March 2018: The Intercept reports that ICE used Facebook data to find and track a suspect',
    );
  });

  it('opens the event named in the selected attribute', async () => {
    const preselected = await fixture<DateLine>(
      html`<date-line layout="list" src=${ARTICLE_URL} selected="las-cruces-emails"></date-line>`,
    );
    await settled(preselected);
    expect(detail(preselected)?.textContent).to.match(/Las Cruces/);
  });
});

describe('<date-line> data inputs', () => {
  it('takes data as a property and fires date-line-load after rendering', async () => {
    const data = await articleData();
    const el = document.createElement('date-line');
    el.layout = 'list';
    const loaded = oneEvent<DateLineLoadEvent>(el, 'date-line-load');
    el.data = data;
    document.body.append(el);
    const event = await loaded;
    expect(event.detail.timeline.events).to.have.length(20);
    expect(shadow(el).querySelectorAll('li[data-id]')).to.have.length(20);
    el.remove();
  });

  it('takes data from an inline JSON script child', async () => {
    const el = await fixture<DateLine>(
      html`<date-line layout="list" locale="en-GB">
        <script type="application/json">
          { "version": 1, "events": [{ "id": "only", "date": "2017-02/2017-03", "title": "Inline event" }] }
        </script>
      </date-line>`,
    );
    await settled(el);
    expect(listedEvents(el)).to.deep.equal([
      { id: 'only', date: 'February–March 2017', datetime: '2017-02', title: 'Inline event' },
    ]);
  });

  it('fetches src relative to the page and reloads when src changes', async () => {
    const el = await fixture<DateLine>(
      html`<date-line layout="list" src="test/fixtures/small.json" locale="en-GB"></date-line>`,
    );
    await settled(el);
    expect(listedEvents(el).map((event) => event.id)).to.deep.equal(['a', 'b', 'c']);
    el.src = ARTICLE_URL;
    await oneEvent<DateLineLoadEvent>(el, 'date-line-load');
    expect(listedEvents(el)).to.have.length(20);
  });

  it('converts a TimelineJS object given as data', async () => {
    const timelinejs: unknown = await (await fetch('/test/fixtures/timelinejs/women_in_computing.json')).json();
    const el = await renderWith(timelinejs);
    await settled(el);
    expect(el.errors).to.deep.equal([]);
    expect(listedEvents(el)).to.have.length(10);
  });

  it('prefers the data property over src and inline JSON', async () => {
    const el = await renderWith(
      { version: 1, events: [{ id: 'prop', date: '2014', title: 'From the property' }] },
      ARTICLE_URL,
    );
    await settled(el);
    expect(listedEvents(el).map((event) => event.id)).to.deep.equal(['prop']);
  });

  it('keeps its data when moved in the page, without fetching again', async () => {
    const el = await fixture<DateLine>(html`<date-line layout="list" src="test/fixtures/small.json"></date-line>`);
    await settled(el);
    const before = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('small.json')).length;
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(listedEvents(el)).to.have.length(3);
    expect(
      performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('small.json')),
    ).to.have.length(before);
  });

  it('shows a plain message when there is no data', async () => {
    const el = await fixture<DateLine>(html`<date-line></date-line>`);
    expect(shadow(el).querySelector('[part~="status"]')?.textContent).to.match(/no events/);
    await expect(el).to.be.accessible();
  });
});

describe('<date-line> errors', () => {
  async function expectError(el: DateLine, pattern: RegExp, path?: string) {
    await settled(el);
    const box = errorBox(el)!;
    expect(box, 'an error box is shown').to.exist;
    expect(box.textContent).to.match(pattern);
    if (path) expect(box.querySelector('code')?.textContent).to.equal(path);
    await expect(el).to.be.accessible();
  }

  it('shows invalid JSON, located, and fires date-line-error', async () => {
    let fired: DateLineErrorEvent | undefined;
    const listener = (event: DateLineErrorEvent) => (fired = event);
    document.addEventListener('date-line-error', listener);
    const el = await renderWith('{ "version": 1, "events": [ }');
    document.removeEventListener('date-line-error', listener);
    const event = fired!;
    expect(event, 'date-line-error reached the document').to.exist;
    expect(event.target).to.equal(el);
    expect(event.detail.errors[0].message).to.match(/not valid JSON \(line 1, column \d+\)/);
    await expectError(el, /could not be shown.*not valid JSON/s);
  });

  it('shows a schema violation with its JSON path', async () => {
    const el = await renderWith({ version: 1, events: [{ id: 'x', date: '2017-02-30', title: 'Bad date' }] });
    await expectError(el, /"2017-02-30" is not a date: 2017-02 has 28 days/, '/events/0/date');
  });

  it('shows an unknown field with a suggestion', async () => {
    const el = await renderWith({ version: 1, events: [{ id: 'x', date: '2017', headline: 'TimelineJS habit' }] });
    await expectError(el, /Did you mean "title"/);
  });

  it('shows a 404', async () => {
    const el = await fixture<DateLine>(html`<date-line src="/__test__/status/404"></date-line>`);
    await expectError(el, /answered 404.*not found/);
  });

  it('lists the first problems and counts the rest', async () => {
    const events = Array.from({ length: 12 }, (_, i) => ({ id: `e${i}`, date: '2017-13', title: 't' }));
    const el = await renderWith({ version: 1, events });
    await settled(el);
    expect(errorBox(el)!.querySelectorAll('li')).to.have.length(5);
    expect(errorBox(el)!.textContent).to.match(/and 7 more/);
  });

  it('recovers when good data replaces bad data', async () => {
    const el = await renderWith('not json');
    await settled(el);
    expect(errorBox(el)).to.exist;
    el.data = { version: 1, events: [{ id: 'ok', date: '2014', title: 'Fine' }] };
    await el.updateComplete;
    expect(errorBox(el)).to.equal(null);
    expect(listedEvents(el)).to.have.length(1);
  });
});
