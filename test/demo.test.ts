import { expect } from '@open-wc/testing';
import { checkSource, embedSnippet, htmlEmbed, iframeSnippet, isRightToLeft, pageFile } from '../demo/embed.js';
import { longTimeline, ruleFor, ruleText } from '../demo/gallery.js';
import { embedHtml, iframeHtml, loadMessages, pageHtml, parseTimeline, type TimelineData } from '../src/model.js';

/** The embed builder's checks and embed code (demo/embed.ts), and the gallery's generated timeline. */
describe('demo: the embed builder', () => {
  const event = { id: 'e', date: '2014-09', title: 'ICE awards Palantir the ICM contract' };

  it('reads date-line JSON and counts its events', () => {
    const result = checkSource(JSON.stringify({ version: 1, events: [event] }));
    expect(result.format).to.equal('date-line JSON');
    expect(result.errors).to.deep.equal([]);
    expect(result.events).to.equal(1);
    expect(result.data).to.deep.equal({ version: 1, events: [event] });
  });

  it('lists the errors of invalid JSON with their paths, and gives no data', () => {
    const result = checkSource(JSON.stringify({ version: 1, events: [event, { id: 'f', date: '2015', titel: 'x' }] }));
    expect(result.data).to.equal(null);
    expect(result.errors.map((error) => error.path)).to.include('/events/1/titel');
    expect(checkSource('{ "version": 1, ').errors[0].message).to.match(/not valid JSON/);
  });

  it('reads CSV in either layout, with errors located by row and column', () => {
    const ok = checkSource('date,title\n2014-09,ICE awards Palantir the ICM contract\n');
    expect(ok.format).to.equal("CSV in date-line's columns");
    expect(ok.events).to.equal(1);
    const template = checkSource('Year,Month,Headline\n2014,9,ICE awards Palantir the ICM contract\n');
    expect(template.format).to.equal("CSV in TimelineJS's spreadsheet template");
    const bad = checkSource('date,title,colour\n2014-09,One,red\n');
    expect(bad.errors.map((error) => error.path)).to.include('/rows/0/colour');
  });

  it('reads TimelineJS JSON by its shape, with the importer warnings', () => {
    const result = checkSource(
      JSON.stringify({
        events: [{ start_date: { year: '1815', month: '12', day: '10' }, text: { headline: 'Ada Lovelace' } }],
      }),
    );
    expect(result.format).to.equal('TimelineJS JSON');
    expect(result.events).to.equal(1);
    expect(parseTimeline(result.data).errors).to.deep.equal([]);
  });

  it('goes by the content type and address of a loaded file', () => {
    const result = checkSource('date,title\n2014,A year\n', { contentType: 'text/csv', name: 'https://x.test/t' });
    expect(result.format).to.equal("CSV in date-line's columns");
  });

  it('writes the two-line embed code with the chosen options', () => {
    const code = embedSnippet({ version: '1.2.3', placement: 'file', src: 'a "b".json', layout: 'list', locale: 'ar' });
    expect(code.split('\n')).to.deep.equal([
      '<script type="module" src="https://unpkg.com/date-line@1.2.3/dist/date-line.bundled.js"></script>',
      '<date-line src="a &quot;b&quot;.json" layout="list" locale="ar" dir="rtl"></date-line>',
    ]);
  });

  it('puts the data inside the element when asked, without letting it close the script', () => {
    const data = { version: 1, events: [{ ...event, title: '</script><b>x</b>' }] };
    const code = embedSnippet({ version: '1.2.3', placement: 'inline', src: '', data, theme: 'dark' });
    expect(code).to.contain('<date-line theme="dark">');
    expect(code.match(/<\/script>/g)).to.have.length(2); // the script tag's and the JSON script's own
    const json = code.slice(code.indexOf('{'), code.lastIndexOf('}') + 1);
    expect(JSON.parse(json)).to.deep.equal(data);
  });

  it('copies as HTML what date-line html prints for the same data and options', async () => {
    const data: TimelineData = { version: 1, title: 'Ada', events: [{ ...event, date: '2014-09-25' }] };
    const options = { version: '1.2.3', src: 'a.json', data, layout: 'list', theme: 'dark', locale: 'de' };
    const inFile = await htmlEmbed({ ...options, placement: 'file' });
    // date-line html --src a.json --layout list --theme dark --locale de --script <this version's file>
    const cli = embedHtml(data, {
      src: 'a.json',
      layout: 'list',
      theme: 'dark',
      locale: 'de',
      script: 'https://unpkg.com/date-line@1.2.3/dist/date-line.bundled.js',
      words: await loadMessages('de'),
    });
    expect(inFile).to.equal(cli.html);
    expect(inFile).to.contain('<date-line id="ada" src="a.json" layout="list" locale="de" theme="dark">');
    expect(inFile).to.contain('<time datetime="2014-09-25">25. September 2014</time>');
    // With the data inside the element, the printed events are its data: no src.
    const inside = await htmlEmbed({ ...options, placement: 'inline' });
    expect(inside).to.contain('<date-line id="ada" layout="list" locale="de" theme="dark">');
    // The article's language (no locale): no attribute, and English dates, as date-line html prints by default.
    const plain = await htmlEmbed({ version: '1.2.3', placement: 'inline', src: '', data });
    expect(plain).to.contain('<date-line id="ada">');
    expect(plain).to.contain('<time datetime="2014-09-25">September 25, 2014</time>');
    expect(await htmlEmbed({ ...options, placement: 'file', data: null })).to.equal(null);
  });

  it('downloads as a page what date-line html --page prints for the same data and options', async () => {
    const data: TimelineData = { version: 1, title: 'Ada', events: [{ ...event, date: '2014-09-25' }] };
    const options = { version: '1.2.3', src: 'a.json', data, layout: 'list', locale: 'de' } as const;
    const page = await pageFile({ ...options, placement: 'inline', url: 'https://example.org/ada.html' });
    const cli = pageHtml(data, {
      layout: 'list',
      locale: 'de',
      url: 'https://example.org/ada.html',
      script: 'https://unpkg.com/date-line@1.2.3/dist/date-line.bundled.js',
      words: await loadMessages('de'),
    });
    expect(page).to.equal(cli.html);
    expect(page).to.contain('<meta property="og:url" content="https://example.org/ada.html">');
    expect(await pageFile({ ...options, placement: 'file' })).to.contain('<date-line id="ada" src="a.json"');
    expect(await pageFile({ ...options, placement: 'file', data: null })).to.equal(null);
  });

  it('copies the iframe for the page’s address, once it is one', () => {
    const data: TimelineData = { version: 1, title: 'Ada', events: [event] };
    expect(iframeSnippet(data, 'https://example.org/ada.html')).to.equal(
      iframeHtml(data, { url: 'https://example.org/ada.html' }).html,
    );
    expect(iframeSnippet(data, 'ada.html')).to.equal(null);
    expect(iframeSnippet(null, 'https://example.org/ada.html')).to.equal(null);
  });

  it('knows which languages are written right to left', () => {
    expect(['ar', 'he-IL', 'fa'].map((tag) => isRightToLeft(tag))).to.deep.equal([true, true, true]);
    expect(['en', 'de', '', undefined].map((tag) => isRightToLeft(tag))).to.deep.equal([false, false, false, false]);
  });
});

describe('demo: the gallery', () => {
  it('generates the same valid 500-event timeline every time', () => {
    const first = longTimeline();
    expect(first).to.deep.equal(longTimeline());
    const { timeline, errors } = parseTimeline(first);
    expect(errors).to.deep.equal([]);
    expect(timeline!.events).to.have.length(500);
    expect(new Set(timeline!.events.map((e) => e.id)).size).to.equal(500);
  });
});

describe('demo: the gallery’s brand example', () => {
  it('shows the rule that is applied, one declaration a line', () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `p { color: red } date-line.brand { --date-line-radius: 0; --date-line-font-family: Georgia, serif }`,
    );
    const rule = ruleFor('date-line.brand', [sheet]);
    expect(rule).to.exist;
    expect(ruleText(rule!)).to.equal(
      'date-line.brand {\n  --date-line-radius: 0;\n  --date-line-font-family: Georgia, serif;\n}',
    );
    expect(ruleFor('date-line.other', [sheet])).to.equal(undefined);
  });
});
