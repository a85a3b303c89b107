import { expect } from '@open-wc/testing';
import { parseCsv } from '../../src/model/import/csv.js';
import { fromCSV } from '../../src/model/import/from-csv.js';
import { parseTimeline } from '../../src/model/parse.js';
import type { TimelineData } from '../../src/model/timeline-data.generated.js';

describe('parseCsv (RFC 4180)', () => {
  const cases: [string, string, string[][]][] = [
    [
      'plain fields',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CR line ends',
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no line end at the end',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a byte-order mark',
      '\uFEFFa,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a comma inside quotes',
      'a,b\n"1,5",2',
      [
        ['a', 'b'],
        ['1,5', '2'],
      ],
    ],
    ['"" inside quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['an empty quoted field', '"",x', [['', 'x']]],
    [
      'a line break inside quotes (LF)',
      'a,b\n"one\ntwo",2',
      [
        ['a', 'b'],
        ['one\ntwo', '2'],
      ],
    ],
    [
      'a line break inside quotes (CRLF)',
      'a,b\r\n"one\r\ntwo",2\r\n',
      [
        ['a', 'b'],
        ['one\r\ntwo', '2'],
      ],
    ],
    [
      'empty fields',
      'a,,c\n,,\n',
      [
        ['a', '', 'c'],
        ['', '', ''],
      ],
    ],
    ['a separator at the end', 'a,b,\n', [['a', 'b', '']]],
    ['a blank line', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['a quote inside an unquoted field stays', 'a,5" screen\n', [['a', '5" screen']]],
    ['spaces are kept', ' a , b ', [[' a ', ' b ']]],
    [
      'semicolons, as some spreadsheets write',
      'a;b\n"1;5";2',
      [
        ['a', 'b'],
        ['1;5', '2'],
      ],
    ],
    [
      'tabs',
      'a\tb\n1,5\t2',
      [
        ['a', 'b'],
        ['1,5', '2'],
      ],
    ],
    ['an empty file', '', []],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const result = parseCsv(input);
      expect(result.error).to.equal(undefined);
      expect(result.records.map((record) => record.fields)).to.deep.equal(expected);
    });
  }

  it('knows the line each record starts on, across quoted line breaks', () => {
    const { records } = parseCsv('h1,h2\r\n"a\r\nb\r\nc",x\r\nnext,y\r\n"\n",z\nlast,w');
    expect(records.map((record) => record.line)).to.deep.equal([1, 2, 5, 6, 8]);
  });

  it('reports an unclosed quote with the line it opens on', () => {
    const result = parseCsv('a,b\n1,2\n3,"never\nclosed\n');
    expect(result.error).to.deep.equal({
      line: 3,
      message: 'Line 3: a quoted field is never closed (a " is missing).',
    });
    expect(result.records).to.have.length(2);
  });

  it('reports text after a closing quote', () => {
    const result = parseCsv('a,b\n"x"y,2\n');
    expect(result.error?.line).to.equal(2);
    expect(result.error?.message).to.match(/after a quoted field comes "y" instead of ","/);
  });
});

/** Imports CSV and checks it is valid date-line data. */
function imported(csv: string): TimelineData {
  const result = fromCSV(csv);
  expect(result.errors, JSON.stringify(result.errors)).to.deep.equal([]);
  expect(parseTimeline(result.data).errors).to.deep.equal([]);
  return result.data!;
}

const TEMPLATE_HEADER =
  'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background';

describe('fromCSV: the TimelineJS spreadsheet template', () => {
  it('reads the template columns, title and era rows, and HTML text', () => {
    const csv = [
      TEMPLATE_HEADER,
      ',,,,,,,,,My <b>timeline</b>,"<p>Intro, with a comma.</p>",,,,,title,,',
      '1939,9,1,,1945,9,2,,,The war,,,,,,era,,',
      '1815,12,10,,1852,11,27,,,Ada Lovelace,"<p>Take <a href=""https://en.wikipedia.org/wiki/Ada_Lovelace"">Ada</a>.</p>",https://x.org/ada.jpg,Wikimedia Commons,"<i>Portrait</i>",,,People,#fff',
      '1943,7,,,1946,,,,,ENIAC,"Line one\nline two",,,,,,Machines,',
      '-44,3,15,,,,,,Ides of March,Caesar,,,,,,,,',
    ].join('\r\n');
    const data = imported(csv);
    expect(data.title).to.equal('My timeline');
    expect(data.description).to.equal('Intro, with a comma.');
    expect(data.eras).to.deep.equal([{ id: 'the-war', label: 'The war', start: '1939-09-01', end: '1945-09-02' }]);
    expect(data.groups).to.deep.equal([
      { id: 'people', label: 'People' },
      { id: 'machines', label: 'Machines' },
    ]);
    expect(data.events).to.deep.equal([
      {
        id: 'ada-lovelace',
        date: '1815-12-10',
        end: '1852-11-27',
        title: 'Ada Lovelace',
        summary: 'Take [Ada](https://en.wikipedia.org/wiki/Ada_Lovelace).',
        group: 'people',
        media: { url: 'https://x.org/ada.jpg', caption: '*Portrait*', credit: 'Wikimedia Commons' },
      },
      { id: 'eniac', date: '1943-07', end: '1946', title: 'ENIAC', summary: 'Line one line two', group: 'machines' },
      { id: 'caesar', date: '-0043-03-15', displayDate: 'Ides of March', title: 'Caesar' },
    ]);
  });

  it("keeps the title row's media as the timeline's, and embed codes as media", () => {
    const csv = [
      TEMPLATE_HEADER,
      ',,,,,,,,,Title,,https://x.org/title.jpg,Cred,Cap,,title,,',
      '2001,,,,,,,,,Framed,,"<iframe src=""https://cdn.example.org/embed.html?a=1&amp;b=2""></iframe>",,,,,,',
      '2002,,,,,,,,,Quoted,,"<blockquote>Said <i>so</i>.</blockquote>",Someone,,,,,',
    ].join('\n');
    const data = imported(csv);
    expect(data.media).to.deep.equal({ url: 'https://x.org/title.jpg', caption: 'Cap', credit: 'Cred' });
    expect(data.events.map((event) => event.media)).to.deep.equal([
      { url: 'https://cdn.example.org/embed.html?a=1&b=2', type: 'embed' },
      { quote: 'Said *so*.', credit: 'Someone' },
    ]);
  });

  it('matches column names without regard to case or spaces, and reads Start Date, End Date and Alt Text', () => {
    const data = imported(
      'start date,END DATE,headline,media,alt text\n8/9/1978,1979-02,Dates,https://x.org/a.jpg,A picture\n1978 14:30,,Time,,\n',
    );
    expect(data.events.map((e) => [e.date, e.end])).to.deep.equal([
      ['1978-08-09', '1979-02'],
      ['1978', undefined], // a time without a day is left out (with a warning)
    ]);
    expect(data.events[0].media).to.deep.equal({ url: 'https://x.org/a.jpg', alt: 'A picture' });
  });

  const times: [string, string][] = [
    ['14:30', '2017-03-02T14:30'],
    ['2:30 PM', '2017-03-02T14:30'],
    ['2:30 p.m.', '2017-03-02T14:30'],
    ['12 AM', '2017-03-02T00:00'],
    ['12:05 PM', '2017-03-02T12:05'],
    ['1430', '2017-03-02T14:30'],
    ['14:30:15', '2017-03-02T14:30:15'],
    ['9', '2017-03-02T09:00'],
  ];
  for (const [time, date] of times) {
    it(`reads the time "${time}"`, () => {
      expect(imported(`Year,Month,Day,Time,Headline\n2017,3,2,${time},T`).events[0].date).to.equal(date);
    });
  }

  it('reads numbers written with separators, as TimelineJS does', () => {
    expect(imported('Year,Headline\n"10,000",Far future').events[0].date).to.equal('Y10000');
  });

  it('skips blank rows and reads a second title row as an event, with a warning', () => {
    const result = fromCSV('Year,Headline,Type\n,Title,title\n,,\n2001,Second,title\n');
    expect(result.data!.title).to.equal('Title');
    expect(result.data!.events.map((e) => e.title)).to.deep.equal(['Second']);
    expect(result.warnings.map((w) => [w.path, w.message.slice(0, 7)])).to.deep.equal([['/rows/3/Type', 'Line 4:']]);
  });

  it('leaves out a data: image with a warning that points at the cell', () => {
    const result = fromCSV('Year,Headline,Media\n2018,H,"data:image/png;base64,AAAA"\n');
    expect(result.data!.events[0].media).to.equal(undefined);
    expect(result.warnings).to.have.length(1);
    expect(result.warnings[0].path).to.equal('/rows/1/Media');
    expect(result.warnings[0].message).to.match(/^Line 2: The media "data:image\/png;base64,AAAA" is left out/);
  });

  const errors: [string, string, string, RegExp][] = [
    [
      'an unknown column',
      'Year,Headlin\n2017,x',
      '/rows/0/Headlin',
      /^Line 1: unknown column "Headlin"\. Did you mean "Headline"\?$/,
    ],
    ['month 13', 'Year,Month,Headline\n2017,1,ok\n2017,13,bad', '/rows/2/Month', /^Line 3: There is no month 13/],
    [
      'a year that is text',
      'Year,Headline\nnineteen,x',
      '/rows/1/Year',
      /^Line 2: The year "nineteen" is not a whole number/,
    ],
    ['a row without a year', 'Year,Headline\n,No date', '/rows/1/Year', /^Line 2: This event has no start date/],
    [
      'a time that is not one',
      'Year,Month,Day,Time,Headline\n2017,1,1,noon,x',
      '/rows/1/Time',
      /^Line 2: "noon" is not a time/,
    ],
    [
      'a bad Start Date',
      'Start Date,Headline\nMarch 1978,x',
      '/rows/1/Start Date',
      /^Line 2: "March 1978" is not a date TimelineJS reads/,
    ],
    ['a cell beyond the header', 'Year,Headline\n2017,x,extra', '/rows/1', /^Line 2: this row has text in column 3/],
    [
      'an unnamed column with data',
      'Year,,Headline\n2017,x,y',
      '/rows/0/1',
      /^Line 1: column 2 has no name but holds data/,
    ],
    ['a column twice', 'Year,Headline,headline\n2017,x,y', '/rows/0/headline', /appears twice/],
    ['an unclosed quote', 'Year,Headline\n2017,"x\n2018,y\n', '/rows/1', /^Line 2: a quoted field is never closed/],
    ['a header it does not know', 'When,What\n2017,x', '/rows/0', /^Line 1: the first row must name the columns/],
  ];
  for (const [name, csv, path, message] of errors) {
    it(`reports ${name}, located`, () => {
      const result = fromCSV(csv);
      expect(result.data).to.equal(null);
      expect(result.errors.map((e) => e.path)).to.include(path);
      expect(result.errors.find((e) => e.path === path)!.message).to.match(message);
    });
  }

  it('leaves an empty unnamed column alone (spreadsheets export them)', () => {
    expect(imported('Year,Headline,,\n2017,x,,\n').events).to.have.length(1);
  });

  it('never throws, whatever it is given', () => {
    for (const input of ['"', '""""', '\uFEFF', ',,,\n,,,', '\r\n\r\n', 'Year\n', null as unknown as string]) {
      expect(() => fromCSV(input)).not.to.throw();
    }
  });
});

describe("fromCSV: date-line's own columns", () => {
  it('reads every documented column', () => {
    const csv = [
      'id,type,date,end,displayDate,dateNote,title,summary,group,tags,importance,context,media,mediaType,mediaAlt,mediaCaption,mediaCredit,mediaThumbnail,sourceTitle,sourceUrl,sourcePublisher,sourceAuthor,sourceDate,sourceNote,source2Title,source2Url,x-desk',
      ',title,,,,,The timeline,"An intro, in *rich text*.",,,,,,,,,,,,,,,,,,,',
      'obama,era,2009-01-20,2017-01-20,,,Obama administration,,,,,,,,,,,,,,,,,,,,',
      ',era,2017-01-20/2021-01-20,,,,Trump administration,,,,,,,,,,,,,,,,,,,,',
      'icm,,2014-09,,,Day unknown.,ICE awards Palantir the ICM contract,"Reported as **$41 million**.\n\nSecond paragraph.",Palantir,Palantir; ICM; ICM,5,yes,https://x.org/a.jpg,image,Alt,Cap,Cred,https://x.org/t.jpg,Nextgov story,https://www.nextgov.com/x,Nextgov,A. Writer,2014-09,Read in full,Second source,https://x.org/2,tech',
      ',,2017-02/2017-03,,Feb–Mar 2017,,Las Cruces emails,,ICE operations,,,no,,,,,,,,,,,,,,,',
    ].join('\n');
    const data = imported(csv);
    expect(data.title).to.equal('The timeline');
    expect(data.description).to.equal('An intro, in *rich text*.');
    expect(data.eras).to.deep.equal([
      { id: 'obama', label: 'Obama administration', start: '2009-01-20', end: '2017-01-20' },
      { id: 'trump-administration', label: 'Trump administration', start: '2017-01-20', end: '2021-01-20' },
    ]);
    expect(data.groups).to.deep.equal([
      { id: 'palantir', label: 'Palantir' },
      { id: 'ice-operations', label: 'ICE operations' },
    ]);
    expect(data.events).to.deep.equal([
      {
        id: 'icm',
        date: '2014-09',
        title: 'ICE awards Palantir the ICM contract',
        dateNote: 'Day unknown.',
        summary: 'Reported as **$41 million**.\n\nSecond paragraph.',
        group: 'palantir',
        tags: ['Palantir', 'ICM'],
        importance: 5,
        context: true,
        media: {
          url: 'https://x.org/a.jpg',
          type: 'image',
          alt: 'Alt',
          caption: 'Cap',
          credit: 'Cred',
          thumbnail: 'https://x.org/t.jpg',
        },
        sources: [
          {
            title: 'Nextgov story',
            url: 'https://www.nextgov.com/x',
            publisher: 'Nextgov',
            author: 'A. Writer',
            date: '2014-09',
            note: 'Read in full',
          },
          { title: 'Second source', url: 'https://x.org/2' },
        ],
        'x-desk': 'tech',
      },
      {
        id: 'las-cruces-emails',
        date: '2017-02/2017-03',
        title: 'Las Cruces emails',
        displayDate: 'Feb–Mar 2017',
        group: 'ice-operations',
      },
    ]);
  });

  it('reads every date form as written: a "one of" date between two, a time as a program writes it', () => {
    const data = imported(
      'date,title\n[2017-03-09..2017-03-31],Arrest\n[..2017-03-09],Warrant\n2026-12-07T05:31:08.042Z,Logged',
    );
    expect(data.events.map((event) => event.date)).to.deep.equal([
      '[2017-03-09..2017-03-31]',
      '[..2017-03-09]',
      '2026-12-07T05:31:08.042Z',
    ]);
    const { timeline } = parseTimeline(data);
    expect(timeline!.events.map((event) => event.date.oneOf)).to.deep.equal(['onOrBefore', 'between', undefined]);
  });

  it("reads a quotation (mediaQuote), a page to frame (mediaType embed) and the title row's media", () => {
    const csv = [
      'type,date,title,media,mediaType,mediaQuote,mediaCredit',
      'title,,The timeline,https://x.org/t.jpg,,,Photo desk',
      ',2017,Said,,,"We *will*.\n\nSecond paragraph.",A. Speaker',
      ',2018,Charted,https://charts.example.org/c/1,embed,,',
    ].join('\n');
    const data = imported(csv);
    expect(data.media).to.deep.equal({ url: 'https://x.org/t.jpg', credit: 'Photo desk' });
    expect(data.events.map((event) => event.media)).to.deep.equal([
      { quote: 'We *will*.\n\nSecond paragraph.', credit: 'A. Speaker' },
      { url: 'https://charts.example.org/c/1', type: 'embed' },
    ]);
  });

  it('keeps x- columns under their own name, whatever the case of the x-', () => {
    const data = imported('date,title,x-desk,X-Word Count\n2017,T,tech,"1,200"');
    expect(data.events[0]).to.deep.include({ 'x-desk': 'tech', 'x-Word Count': '1,200' });
  });

  it('accepts other spellings of the column names', () => {
    const data = imported('Date,Title,Display Date,date_note\n2017,T,In 2017,Note');
    expect(data.events[0]).to.deep.equal({
      id: 't',
      date: '2017',
      title: 'T',
      displayDate: 'In 2017',
      dateNote: 'Note',
    });
  });

  it('gives made-up ids that never take an author’s id', () => {
    const data = imported('id,date,title\n,2017,Same\nsame,2018,Other\n,2019,Same');
    expect(data.events.map((e) => e.id)).to.deep.equal(['same-2', 'same', 'same-3']);
  });

  const errors: [string, string, string, RegExp][] = [
    [
      'an unknown column',
      'date,title,sumary\n2017,x,y',
      '/rows/0/sumary',
      /^Line 1: unknown column "sumary"\. Did you mean "summary"\? Your own columns must start with "x-"\.$/,
    ],
    [
      'a date that is not one',
      'date,title\n2017,ok\n2017-13,bad',
      '/rows/2/date',
      /^Line 3: "2017-13" is not a date: there is no month 13/,
    ],
    ['a missing date', 'date,title\n,No date', '/rows/1/date', /^Line 2: This row has no date\.$/],
    ['a missing title', 'date,title\n2017,', '/rows/1/title', /^Line 2: "title" is empty\.$/],
    [
      'an end before the start',
      'date,end,title\n2017,2016,x',
      '/rows/1/end',
      /"2017\/2016": the interval ends \("2016"\) before it starts \("2017"\)/,
    ],
    [
      'a "one of" date between two that runs backwards',
      'date,title\n[2017-03-31..2017-03-09],x',
      '/rows/1/date',
      /the range ends \("2017-03-09"\) before it starts \("2017-03-31"\)/,
    ],
    [
      'an end beside a "one of" date',
      'date,end,title\n[2017-03-09..2017-03-31],2017-04,x',
      '/rows/1/end',
      /is already an interval \("start\/end"\) or a "one of" date: give no end/,
    ],
    ['an id used twice', 'id,date,title\na,2017,x\na,2018,y', '/rows/2/id', /already used/],
    ['an id with a space', 'id,date,title\na b,2017,x', '/rows/1/id', /must be an id/],
    [
      'an unsafe link in the summary',
      'date,title,summary\n2017,x,[click](javascript:alert(1))',
      '/rows/1/summary',
      /will not be followed/,
    ],
    ['a data: image', 'date,title,media\n2017,x,"data:image/png;base64,AA"', '/rows/1/media', /is not a media address/],
    [
      "a title row's media with a bad address",
      'type,date,title,media\ntitle,,T,javascript:x\n,2017,x,',
      '/rows/1/media',
      /is not a media address/,
    ],
    [
      'a media type it does not know',
      'date,title,media,mediaType\n2017,x,https://x.org/a,gif',
      '/rows/1/mediaType',
      /must be one of/,
    ],
    [
      'a caption without media',
      'date,title,mediaCaption\n2017,x,Cap',
      '/rows/1/mediaCaption',
      /the media column \(its address\) is empty/,
    ],
    ['a source without a title', 'date,title,sourceUrl\n2017,x,https://x.org/', '/rows/1/sourceUrl', /no "title"/],
    [
      'a second source with a bad link',
      'date,title,source2Title,source2Url\n2017,x,S,javascript:x',
      '/rows/1/source2Url',
      /is not a link date-line will follow/,
    ],
    [
      'an importance that is not a number',
      'date,title,importance\n2017,x,high',
      '/rows/1/importance',
      /should be a whole number from 1 to 5/,
    ],
    ['an importance out of range', 'date,title,importance\n2017,x,9', '/rows/1/importance', /must be from 1 to 5/],
    ['a context that is not yes or no', 'date,title,context\n2017,x,maybe', '/rows/1/context', /should be yes or no/],
    ['a type it does not know', 'date,title,type\n2017,x,chapter', '/rows/1/type', /not one of event, title, era/],
    ['an era without an end', 'date,title,type\n2017,x,era', '/rows/1/date', /An era needs a start and an end/],
  ];
  for (const [name, csv, path, message] of errors) {
    it(`reports ${name}, located`, () => {
      const result = fromCSV(csv);
      expect(result.data).to.equal(null);
      expect(result.errors.map((e) => e.path)).to.include(path);
      expect(result.errors.find((e) => e.path === path)!.message).to.match(message);
    });
  }
});

describe('fromCSV: the examples in data/examples/', () => {
  it('reads timeline.csv (date-line columns, CRLF, quoted line breaks) as the article’s own events', async () => {
    const data = imported(await (await fetch('/data/examples/timeline.csv')).text());
    const article = (await (await fetch('/data/ice-facebook-palantir.json')).json()) as TimelineData;
    expect(data.events).to.have.length(6);
    for (const event of data.events) {
      const original = article.events.find((e) => e.id === event.id)!;
      expect(original, event.id).to.exist;
      expect(event.date, event.id).to.equal(original.date);
      expect(event.title, event.id).to.equal(original.title);
      expect(event.summary, event.id).to.equal(original.summary);
      expect(event.tags, event.id).to.deep.equal(original.tags);
      expect(event.sources?.[0]?.title, event.id).to.equal(original.sources![0].title);
      expect(event.sources?.[0]?.url, event.id).to.equal(original.sources![0].url);
    }
    expect(data.eras).to.deep.equal(article.eras);
  });

  it('reads timelinejs-template.csv', async () => {
    const result = fromCSV(await (await fetch('/data/examples/timelinejs-template.csv')).text());
    expect(result.format).to.equal('timelinejs-csv');
    expect(parseTimeline(result.data).timeline!.events).to.have.length(4);
    expect(result.warnings.map((w) => w.path)).to.deep.equal(['/rows/6/Media']);
  });

  it('newsroom-timeline.json is valid date-line data, x- fields and all', async () => {
    const { timeline, errors } = parseTimeline(await (await fetch('/data/examples/newsroom-timeline.json')).json());
    expect(errors).to.deep.equal([]);
    expect(timeline!.extensions['x-newsroom']).to.deep.equal({ desk: 'tech', editor: 'Night desk' });
    expect(timeline!.events[0].extensions['x-desk']).to.equal('tech');
  });
});

describe('fromCSV with { partial: true }: rows with problems are left out, the others kept', () => {
  const template = async () => (await (await fetch('/data/examples/timelinejs-template.csv')).text()).split('\n');

  it('keeps the other rows of a TimelineJS sheet with one impossible date, located by cell and line', async () => {
    const lines = await template();
    const row = lines.findIndex((line) => line.startsWith('2017,3,2,'));
    lines[row] = lines[row].replace('2017,3,2,', '2017,2,30,');
    const text = lines.join('\n');
    const result = fromCSV(text, { partial: true });
    expect(result.skipped).to.equal(1);
    expect(result.errors.map((error) => error.path)).to.deep.equal([`/rows/${row}/Day`]);
    expect(result.errors[0].message).to.match(new RegExp(`^Line ${row + 1}: There is no day 30`));
    const { timeline, errors } = parseTimeline(result.data);
    expect(errors, 'the data kept is valid').to.deep.equal([]);
    expect(timeline!.events).to.have.length(3);
    expect(timeline!.title).to.equal('ICE, Facebook and Palantir');
    expect(timeline!.eras).to.have.length(1);
    // Strict, as `date-line validate` reads it: the whole file is refused for that row.
    expect(fromCSV(text).data).to.equal(null);
  });

  it("leaves out rows of date-line's own columns whose problems the import or the check finds", () => {
    const csv = [
      'type,id,date,title,importance,group',
      'title,,,The timeline,,',
      'event,a,2017,Kept,,Desk',
      'event,b,2017-13,A month that does not exist,,',
      'event,c,2018,An importance that is not a number,high,',
      'event,,,A row with no date,,',
      'event,a,2019,An id used twice,,',
      'event,d,2020,Kept too,,Desk',
    ].join('\n');
    const result = fromCSV(csv, { partial: true });
    expect(result.data!.events.map((event) => event.id)).to.deep.equal(['a', 'd']);
    expect(result.data!.title).to.equal('The timeline');
    expect(result.skipped).to.equal(4);
    expect(result.errors.map((error) => error.path).sort()).to.deep.equal(
      ['/rows/3/date', '/rows/4/importance', '/rows/5/date', '/rows/6/id'].sort(),
    );
    expect(parseTimeline(result.data).errors).to.deep.equal([]);
  });

  const refused: [string, string][] = [
    ['an unknown column', 'date,title,titel\n2017,A,x'],
    ['a title row with a link it will not follow', 'type,date,title,summary\ntitle,,T,[x](javascript:x)\n,2017,A,'],
    ['an era row without an end', 'type,date,title\nera,2017,An era\n,2017,A'],
    ['no row that can be read', 'date,title\nnope,A\nnever,B'],
  ];
  for (const [name, csv] of refused) {
    it(`still refuses the file for ${name}`, () => {
      const result = fromCSV(csv, { partial: true });
      expect(result.data).to.equal(null);
      expect(result.errors.length).to.be.greaterThan(0);
      expect(result).not.to.have.property('skipped');
    });
  }
});
