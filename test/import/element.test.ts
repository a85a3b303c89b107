import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DateLine } from '../../src/date-line.js';
import { errorBox, eventButton, listedEvents, settled, shadow } from '../helpers.js';

// Every event is listed in the list layout; the axis layout may gather crowded events into clusters.

describe('<date-line> with a TimelineJS file as src', () => {
  let el: DateLine;
  beforeEach(async () => {
    el = await fixture<DateLine>(
      html`<date-line layout="list" src="/test/fixtures/timelinejs/houston_timeline3.json" locale="en-GB"></date-line>`,
    );
    await settled(el);
  });

  it('renders every event, with its title and dates at their precision', () => {
    expect(el.errors).to.deep.equal([]);
    const events = listedEvents(el);
    expect(events).to.have.length(18);
    expect(el.timeline!.title).to.equal('Whitney Houston 1963 - 2012');
    expect(events[0]).to.include({ date: '9 August 1963', datetime: '1963-08-09', title: 'A Musical Heritage' });
    expect(events.filter((event) => event.date === '1978')).to.have.length(3);
  });

  it('is accessible, closed and with an event open', async () => {
    await expect(el).to.be.accessible();
    eventButton(el, 'first-recording').click();
    await el.updateComplete;
    const detail = shadow(el).querySelector('[part~="detail"]')!;
    expect(detail.textContent).to.match(/At the age of 15 Houston was featured/);
    expect(detail.querySelector<HTMLAnchorElement>('.credit a')!.href).to.equal('http://unidiscmusic.com/');
    await expect(el).to.be.accessible();
  });
});

describe('<date-line> with a CSV file as src', () => {
  it('reads date-line CSV by its extension, and is accessible', async () => {
    const el = await fixture<DateLine>(
      html`<date-line layout="list" src="/data/examples/timeline.csv" locale="en-GB"></date-line>`,
    );
    await settled(el);
    expect(el.errors).to.deep.equal([]);
    expect(listedEvents(el)).to.have.length(6);
    expect(el.timeline!.title).to.equal('ICE, Facebook and Palantir');
    expect(el.timeline!.eras.map((era) => era.label)).to.deep.equal(['Obama administration', 'Trump administration']);
    await expect(el).to.be.accessible();
  });

  it('reads a TimelineJS spreadsheet CSV', async () => {
    const el = await fixture<DateLine>(
      html`<date-line layout="list" src="/data/examples/timelinejs-template.csv" locale="en-GB"></date-line>`,
    );
    await settled(el);
    expect(listedEvents(el).map((event) => event.date)).to.deep.equal([
      'September 2014',
      'February–March 2017', // starts on 1 February, before 2 March
      '2 March 2017',
      '26 March 2018',
    ]);
    await expect(el).to.be.accessible();
  });

  it('reads CSV by its content type when the address has no extension', async () => {
    const csv = 'date,title\r\n2017-03,"March, 2017"\r\n2018,"Two\r\nlines"\r\n';
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    try {
      const el = await fixture<DateLine>(html`<date-line layout="list" src=${url} locale="en-GB"></date-line>`);
      await settled(el);
      expect(listedEvents(el).map((event) => event.title)).to.deep.equal(['March, 2017', 'Two lines']);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('shows CSV errors with their row and column', async () => {
    const url = URL.createObjectURL(new Blob(['date,titel\n2017,x\n'], { type: 'text/csv' }));
    try {
      const el = await fixture<DateLine>(html`<date-line layout="list" src=${url}></date-line>`);
      await settled(el);
      expect(el.errors[0]).to.deep.include({ path: '/rows/0/titel' });
      expect(errorBox(el)!.textContent).to.contain('/rows/0/titel');
      expect(errorBox(el)!.textContent).to.contain('Did you mean "title"?');
      await expect(el).to.be.accessible();
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});

describe('<date-line> with a light-DOM list (progressive enhancement)', () => {
  const list = html`
    <h2>Three events</h2>
    <ol>
      <li id="contract">
        <time datetime="2014-09">September 2014</time>
        <h3>ICE awards Palantir the ICM contract</h3>
        <p>Reported as <strong>$41 million</strong>; see <a href="https://www.nextgov.com/">Nextgov</a>.</p>
        <p>A <em>second</em> paragraph.</p>
        <a href="https://theintercept.com/">The Intercept</a>
      </li>
      <li><time datetime="2017-02/2017-03">February–March 2017</time>: Las Cruces emails</li>
      <li><time datetime="1986-10-21">21 Oct 1986</time> <time datetime="1987-01-19">19 Jan 1987</time> Enacted</li>
    </ol>
  `;

  it('reads the list as its data and renders it', async () => {
    const el = await fixture<DateLine>(html`<date-line layout="list" locale="en-GB">${list}</date-line>`);
    await settled(el);
    expect(el.errors).to.deep.equal([]);
    expect(el.timeline!.title).to.equal('Three events');
    expect(listedEvents(el)).to.deep.equal([
      { id: 'enacted', date: '21 October 1986 – 19 January 1987', datetime: '1986-10-21', title: 'Enacted' },
      { id: 'contract', date: 'September 2014', datetime: '2014-09', title: 'ICE awards Palantir the ICM contract' },
      { id: 'las-cruces-emails', date: 'February–March 2017', datetime: '2017-02', title: 'Las Cruces emails' },
    ]);
    const contract = el.timeline!.events.find((event) => event.id === 'contract')!;
    expect(contract.summary).to.equal(
      'Reported as **$41 million**; see [Nextgov](https://www.nextgov.com/).\n\nA *second* paragraph.',
    );
    expect(contract.sources).to.deep.equal([{ title: 'The Intercept', url: 'https://theintercept.com/' }]);
    await expect(el).to.be.accessible();
  });

  it('shows the list as plain HTML until the element is defined, then renders it itself', async () => {
    const tag = 'date-line-later';
    const host = await fixture(html`<div>${list}</div>`);
    const el = document.createElement(tag);
    el.setAttribute('layout', 'list');
    el.append(...host.childNodes);
    host.append(el);
    const lightList = el.querySelector('ol')!;
    expect(lightList.getBoundingClientRect().height, 'the list shows before definition').to.be.above(0);
    expect(el.textContent).to.contain('Las Cruces emails');

    DateLine.define(tag);
    const defined = el as DateLine;
    await settled(defined);
    expect(listedEvents(defined)).to.have.length(3);
    // The shadow root renders the timeline; the light-DOM list stays in the document (for readers without
    // JavaScript, search engines, feeds) but is not shown twice.
    expect(lightList.isConnected).to.equal(true);
    expect(lightList.getBoundingClientRect().height).to.equal(0);
  });

  it('follows changes to the list', async () => {
    const el = await fixture<DateLine>(html`<date-line layout="list" locale="en-GB">${list}</date-line>`);
    await settled(el);
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = '2018-03-26';
    time.textContent = '26 March 2018';
    item.append(time, ' The Intercept story');
    el.querySelector('ol')!.append(item);
    await waitUntil(() => el.timeline?.events.length === 4, 'the new item was not read');
    expect(listedEvents(el).at(-1)!.title).to.equal('The Intercept story');
  });

  it('explains an item without a date', async () => {
    const el = await fixture<DateLine>(
      html`<date-line
        ><ol>
          <li>No date here</li>
        </ol></date-line
      >`,
    );
    await settled(el);
    expect(el.errors[0].path).to.equal('/events/0/date');
    expect(errorBox(el)).to.exist;
  });

  it('prefers a JSON script to the list', async () => {
    const el = await fixture<DateLine>(
      html`<date-line layout="list">
        <script type="application/json">
          { "version": 1, "events": [{ "id": "json", "date": "2017", "title": "From JSON" }] }
        </script>
        ${list}
      </date-line>`,
    );
    await settled(el);
    expect(listedEvents(el).map((event) => event.id)).to.deep.equal(['json']);
  });
});
