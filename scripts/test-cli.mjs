#!/usr/bin/env node
// Tests the command line (bin/date-line.mjs) as authors run it: real files, real processes, output and exit
// status. The CLI runs on the built model (dist/model.js), so this builds it first when it is missing or older
// than the sources.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin/date-line.mjs');
const model = join(root, 'dist/model.js');

/** The newest modification time under a directory (or of a file). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function buildIfNeeded() {
  let built = 0;
  try {
    built = statSync(model).mtimeMs;
  } catch {
    // not built yet
  }
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'vite.config.ts')));
  if (built > sources) return;
  // Not emptying dist/: the script-tag file built beside the npm modules must survive this build.
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--emptyOutDir=false'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `vite build failed:\n${result.stdout}${result.stderr}`);
}

/** Runs the CLI; returns its exit status and output. */
function run(...args) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let scratch;
before(() => {
  buildIfNeeded();
  scratch = mkdtempSync(join(tmpdir(), 'date-line-cli-'));
});

describe('date-line validate', () => {
  it('accepts a valid date-line file, says how it read it, and exits 0', () => {
    const { status, stdout } = run('validate', 'data/ice-facebook-palantir.json');
    assert.equal(status, 0, stdout);
    assert.match(stdout, /^data\/ice-facebook-palantir\.json: read as date-line JSON: valid, 20 events$/m);
  });

  it('prints each error with file, path and message, and exits 1', () => {
    const file = join(scratch, 'broken.json');
    const events = [
      { id: 'a', date: '2017-13', title: 'A month that does not exist' },
      { id: 'b', date: '2017', end: '2016', title: 'Ends before it starts' },
    ];
    writeFileSync(file, JSON.stringify({ version: 1, events }));
    const { status, stdout } = run('validate', file);
    assert.equal(status, 1, stdout);
    const line = (text) => new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}: ${text}`, 'm');
    assert.match(stdout, line('error: /events/0/date: "2017-13" is not a date: there is no month 13'));
    assert.match(
      stdout,
      line('error: /events/1/end: "2017/2016": the interval ends \\("2016"\\) before it starts \\("2017"\\)'),
    );
    assert.match(stdout, line('read as date-line JSON: invalid, 2 errors$'));

    const typo = join(scratch, 'typo.json');
    writeFileSync(typo, JSON.stringify({ version: 1, events: [{ id: 'a', date: '2017', titel: 'A typo' }] }));
    assert.match(
      run('validate', typo).stdout,
      /typo\.json: error: \/events\/0\/titel: Unknown field "titel"\. Did you mean "title"\?/,
    );
  });

  it('accepts every EDTF level 0 and 1 form, timestamps as programs write them, and "one of" dates of one range', () => {
    const file = join(scratch, 'edtf.json');
    const dates = [
      '201X',
      '19XX',
      'XXXX',
      '-201X',
      '2016-05-XX',
      '1985-XX-XX',
      '2001-21',
      '2001-24~',
      'Y-170000002',
      '1985-04-12T23:20:30+04:30',
      '1984?/2004-06~',
      '../1985-04',
      '1985/',
      '[..2017-03-09]',
      '[2017-03..]',
      '[2017-03-09..2017-03-31]',
      '2026-12-07T05:31:08.042Z',
    ];
    const events = dates.map((date, index) => ({ id: `e${index}`, date, title: date }));
    writeFileSync(file, JSON.stringify({ version: 1, events }));
    const { status, stdout } = run('validate', file);
    assert.equal(status, 0, stdout);
    assert.match(stdout, new RegExp(`edtf\\.json: read as date-line JSON: valid, ${dates.length} events$`, 'm'));
  });

  it('refuses each date EDTF levels 0 and 1 do not allow, naming it, and exits 1', () => {
    const file = join(scratch, 'not-edtf.json');
    const dates = [
      '19XY',
      'Y2006',
      '-0000',
      '+2006',
      '12345',
      '1XXX',
      '201X-05',
      '2001-25',
      '2014-09-25T10:00-13:00',
      '2014-09-25T10:00+14:01',
      '2014-09-25T10:00-00:00',
      '2014-09-25T10:00+0530',
      '201X/2020',
      '[1667,1668]',
      '[..2017-03-09~]',
      '[2017-03-31..2017-03-09]',
      '2012-23/2012-22',
      '2026-12-07T05:31:08.0123456789Z',
    ];
    const events = dates.map((date, index) => ({ id: `e${index}`, date, title: 'x' }));
    writeFileSync(file, JSON.stringify({ version: 1, events }));
    const { status, stdout } = run('validate', file);
    assert.equal(status, 1, stdout);
    dates.forEach((date, index) => {
      // The message names the date (or, in an interval, the part at fault).
      const named = date === '201X/2020' ? '201X' : date;
      const escaped = named.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      assert.match(stdout, new RegExp(`error: /events/${index}/date: "${escaped}"`), `${date}:\n${stdout}`);
    });
    assert.match(stdout, new RegExp(`read as date-line JSON: invalid, ${dates.length} errors$`, 'm'));
  });

  it('stays strict where the element is lenient: one impossible date among twenty events fails the file', () => {
    const article = JSON.parse(readFileSync(join(root, 'data/ice-facebook-palantir.json'), 'utf8'));
    article.events[5].date = '2017-02-30';
    const file = join(scratch, 'one-bad-date.json');
    writeFileSync(file, JSON.stringify(article));
    const csv = join(scratch, 'one-bad-row.csv');
    const template = readFileSync(join(root, 'data/examples/timelinejs-template.csv'), 'utf8');
    writeFileSync(csv, template.replace('\n2017,3,2,', '\n2017,2,30,'));
    for (const [path, error] of [
      [file, /error: \/events\/5\/date: "2017-02-30" is not a date/],
      [csv, /error: \/rows\/4\/Day: Line 5: There is no day 30/],
    ]) {
      const validate = run('validate', path);
      assert.equal(validate.status, 1, validate.stdout);
      assert.match(validate.stdout, error);
      const embed = run('html', path);
      assert.equal(embed.status, 1, embed.stderr);
      assert.equal(embed.stdout, '', 'no embed of the events that are valid');
    }
  });

  it('locates a JSON syntax error by line and column', () => {
    const file = join(scratch, 'syntax.json');
    writeFileSync(file, '{\n  "version": 1,\n  "events": [,]\n}\n');
    const { status, stdout } = run('validate', file);
    assert.equal(status, 1);
    assert.match(stdout, /line 3, column 14/);
  });

  it('reads date-line CSV', () => {
    const { status, stdout } = run('validate', 'data/examples/timeline.csv');
    assert.equal(status, 0, stdout);
    assert.match(stdout, /^data\/examples\/timeline\.csv: read as date-line CSV: valid, 6 events$/m);
  });

  it('reads a TimelineJS spreadsheet CSV, with its warnings', () => {
    const { status, stdout } = run('validate', 'data/examples/timelinejs-template.csv');
    assert.equal(status, 0, stdout);
    assert.match(stdout, /timelinejs-template\.csv: warning: \/rows\/6\/Media: Line 8: The media "data:image/);
    assert.match(
      stdout,
      /timelinejs-template\.csv: read as TimelineJS spreadsheet CSV: valid, 4 events \(1 warning\)$/m,
    );
  });

  it('reads TimelineJS JSON', () => {
    const { status, stdout } = run('validate', 'test/fixtures/timelinejs/houston_timeline3.json');
    assert.equal(status, 0, stdout);
    // Nothing left out: the title slide's picture is the timeline's media.
    assert.match(stdout, /houston_timeline3\.json: read as TimelineJS JSON: valid, 18 events$/m);
  });

  it('locates CSV errors by row, column and line', () => {
    const file = join(scratch, 'bad.csv');
    writeFileSync(file, 'date,title,sumary\r\n2017,"A title, with a comma",x\r\n2017-13,Bad month,y\r\n');
    const { status, stdout } = run('validate', file);
    assert.equal(status, 1, stdout);
    assert.match(
      stdout,
      /bad\.csv: error: \/rows\/0\/sumary: Line 1: unknown column "sumary"\. Did you mean "summary"\?/,
    );
    const unclosed = join(scratch, 'unclosed.csv');
    writeFileSync(unclosed, 'date,title\n2017,ok\n2018,"never closed\n');
    const second = run('validate', unclosed);
    assert.equal(second.status, 1);
    assert.match(second.stdout, /unclosed\.csv: error: \/rows\/2: Line 3: a quoted field is never closed/);
  });

  it('says a missing file cannot be read, and exits 2 after checking the others', () => {
    const { status, stdout } = run('validate', 'no/such/file.json', 'data/ice-facebook-palantir.json');
    assert.equal(status, 2);
    assert.match(stdout, /^no\/such\/file\.json: cannot be read: no such file$/m);
    assert.match(stdout, /ice-facebook-palantir\.json: read as date-line JSON: valid/);
  });

  it('explains its usage and exits 2 when called wrongly', () => {
    for (const args of [[], ['validate'], ['check', 'x.json']]) {
      const { status, stderr } = run(...args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /Usage:/);
    }
    assert.equal(run('--help').status, 0);
  });
});

describe('date-line convert', () => {
  it('prints a TimelineJS file as date-line JSON that validates', () => {
    const { status, stdout, stderr } = run('convert', 'test/fixtures/timelinejs/women_in_computing.json');
    assert.equal(status, 0, stderr);
    const data = JSON.parse(stdout);
    assert.equal(data.version, 1);
    assert.equal(data.events.length, 10);
    assert.match(stderr, /read as TimelineJS JSON; converted 10 events/);
    const file = join(scratch, 'converted.json');
    writeFileSync(file, stdout);
    assert.equal(run('validate', file).status, 0);
  });

  it('prints nothing on stdout and exits 1 for an invalid file', () => {
    const file = join(scratch, 'broken.csv');
    writeFileSync(file, 'Year,Headline\nabc,Not a year\n');
    const { status, stdout, stderr } = run('convert', file);
    assert.equal(status, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /error: \/rows\/1\/Year: Line 2: The year "abc" is not a whole number/);
  });
});

describe('date-line html', () => {
  /** The README's first embed: the script tag an article pastes. */
  const readmeScript = readFileSync(join(root, 'README.md'), 'utf8').match(
    /<script type="module" src="[^"]+"><\/script>/,
  )[0];

  it('prints the script tag, the style and the element with every event as HTML, and exits 0', () => {
    const { status, stdout, stderr } = run('html', 'data/ice-facebook-palantir.json');
    assert.equal(status, 0, stderr);
    const lines = stdout.split('\n');
    assert.equal(
      lines[0],
      '<style>date-line[id="ice-facebook-and-palantir"]:not(:defined) { display: block; }</style>',
    );
    assert.equal(lines[1], readmeScript, 'the script tag is the one the README recommends');
    assert.equal(lines[2], '<date-line id="ice-facebook-and-palantir">');
    assert.equal(lines[3], '  <h2>ICE, Facebook and Palantir</h2>');
    assert.equal(stdout.match(/^ {4}<li id="ice-facebook-and-palantir\/[^"]+"/gm).length, 20);
    assert.match(stdout, /^ {6}<time datetime="2014-09">September 2014<\/time> · <data value="palantir"/m);
    assert.match(stdout, /^ {6}<time datetime="2017-02\/2017-03">February–March 2017<\/time>/m);
    // The Detroit case in order: the arrest, one day between two, after both 9 March warrants.
    const ids = [...stdout.matchAll(/<li id="ice-facebook-and-palantir\/([^"]+)"/g)].map((match) => match[1]);
    assert.ok(ids.indexOf('detroit-facebook-warrant') < ids.indexOf('detroit-cell-site-warrant'));
    assert.ok(ids.indexOf('detroit-cell-site-warrant') < ids.indexOf('detroit-arrest'));
    assert.match(stdout, /<time datetime="\[2017-03-09\.\.2017-03-31\]">between March 9 and 31, 2017<\/time>/);
    assert.ok(stdout.endsWith('</date-line>\n'));
    // What the list cannot carry is said on stderr, with the way to keep it.
    assert.match(stderr, /ice-facebook-palantir\.json: warning: \/eras: The list does not carry eras; .*--src/);
    assert.match(stderr, /read as date-line JSON; printed the embed of 20 events\.$/m);
  });

  it('puts the options on the element, in the words of the locale', () => {
    const args = ['--id=story', '--src', 'timeline.json', '--layout', 'list', '--spacing', 'even', '--locale', 'de'];
    args.push('--theme', 'dark', '--view', '2016-11/2018-05', '--group-rows', '--script', '/js/date-line.js');
    const { status, stdout, stderr } = run('html', ...args, '--no-style', 'data/ice-facebook-palantir.json');
    assert.equal(status, 0, stderr);
    const [script, element] = stdout.split('\n');
    assert.equal(script, '<script type="module" src="/js/date-line.js"></script>');
    assert.equal(
      element,
      '<date-line id="story" src="timeline.json" layout="list" spacing="even" locale="de" theme="dark" view="2016-11/2018-05" group-rows>',
    );
    assert.doesNotMatch(stdout, /<style/);
    assert.match(stdout, /<time datetime="1986-10-21">21\. Oktober 1986<\/time>/);
    assert.match(stdout, /<summary>Zum Datum<\/summary>/);
    assert.match(stdout, /<li id="story\/palantir-icm-contract"/);
    assert.doesNotMatch(stderr, /warning/, 'with --src, the element loads every field itself');
    assert.match(run('html', '--locale', 'ar', 'data/examples/timeline.csv').stdout, /<date-line [^>]*dir="rtl"/);
  });

  it('reads CSV in both layouts and TimelineJS JSON', () => {
    for (const [file, events] of [
      ['data/examples/timeline.csv', 6],
      ['data/examples/timelinejs-template.csv', 4],
      ['test/fixtures/timelinejs/houston_timeline3.json', 18],
    ]) {
      const { status, stdout, stderr } = run('html', file);
      assert.equal(status, 0, `${file}: ${stderr}`);
      assert.equal(stdout.match(/^ {4}<li id=/gm).length, events, file);
      assert.match(stderr, new RegExp(`printed the embed of ${events} events`));
    }
  });

  it('prints hostile text as text', () => {
    const file = join(scratch, 'hostile.json');
    const title = '</date-line><script>alert(1)</script><img src=x onerror=alert(2)>';
    const events = [{ id: 'a', date: '2017', title, summary: `"><b onclick=alert(3)>x</b> & **${title}**` }];
    writeFileSync(file, JSON.stringify({ version: 1, title, events }));
    const { status, stdout } = run('html', file);
    assert.equal(status, 0);
    assert.equal(stdout.match(/<script/g).length, 1, 'only the script tag of the embed');
    assert.equal(stdout.match(/<\/date-line>/g).length, 1);
    assert.doesNotMatch(stdout, /<img|<b /, 'markup in the data is text, not elements');
    assert.match(
      stdout,
      /<h3>&lt;\/date-line&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=alert\(2\)&gt;<\/h3>/,
    );
    assert.match(stdout, /<p>"&gt;&lt;b onclick=alert\(3\)&gt;x&lt;\/b&gt; &amp; <strong>&lt;\/date-line&gt;/);
  });

  it('gives located errors on stderr and exit status 1 for a file that does not parse or validate, and prints no embed', () => {
    const syntax = join(scratch, 'html-syntax.json');
    writeFileSync(syntax, '{\n  "version": 1,\n  "events": [,]\n}\n');
    const invalid = join(scratch, 'html-invalid.json');
    writeFileSync(invalid, JSON.stringify({ version: 1, events: [{ id: 'a', date: '2017-13', title: 'x' }] }));
    const csv = join(scratch, 'html-invalid.csv');
    writeFileSync(csv, 'Year,Headline\nabc,Not a year\n');
    for (const [file, error] of [
      [syntax, /html-syntax\.json: error: The data is not valid JSON \(line 3, column 14\)/],
      [invalid, /html-invalid\.json: error: \/events\/0\/date: "2017-13" is not a date/],
      [csv, /html-invalid\.csv: error: \/rows\/1\/Year: Line 2: The year "abc" is not a whole number/],
    ]) {
      const { status, stdout, stderr } = run('html', file);
      assert.equal(status, 1, file);
      assert.equal(stdout, '', 'no half embed');
      assert.match(stderr, error);
    }
    const missing = run('html', 'no/such/file.json');
    assert.equal(missing.status, 2);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /^no\/such\/file\.json: cannot be read: no such file$/m);
  });

  it('refuses options the element would not understand, and exits 2', () => {
    for (const [args, message] of [
      [['--layout', 'sideways'], /--layout must be auto, axis, list or story, not "sideways"/],
      [['--locale', 'en_GB!'], /--locale "en_GB!" is not a BCP 47 language tag/],
      [['--view', '2018/2016'], /--view: "2018\/2016": the interval ends \("2016"\) before it starts \("2018"\)/],
      [['--id', 'my timeline'], /--id "my timeline" is not an id/],
      [['--src', 'javascript:alert(1)'], /--src "javascript:alert\(1\)" is not an http:, https: or relative address/],
      [['--colour', 'red'], /Unknown option '--colour'[\s\S]*Usage:/],
      [[], /Usage:/],
    ]) {
      const { status, stdout, stderr } = run(
        'html',
        ...args,
        ...(args.length ? ['data/ice-facebook-palantir.json'] : []),
      );
      assert.equal(status, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, message);
    }
  });
});

describe('date-line html --page, --iframe and oembed', () => {
  const ARTICLE = 'data/ice-facebook-palantir.json';

  it('prints the timeline’s page: a whole HTML document with its share tags, its events and its script', () => {
    const { status, stdout, stderr } = run(
      'html',
      '--page',
      '--url',
      'https://example.org/t/ice/',
      '--oembed',
      'https://example.org/t/ice/oembed.json',
      ARTICLE,
    );
    assert.equal(status, 0, stderr);
    assert.ok(stdout.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'));
    assert.ok(stdout.endsWith('</body>\n</html>\n'));
    // One of each of the document's own elements, in order, and the head's tags before the body.
    const order = ['<html', '<head>', '</head>', '<body>', '<date-line', '</date-line>', '</body>', '</html>'];
    const at = order.map((tag) => stdout.indexOf(tag));
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
      'the document’s parts in order',
    );
    for (const tag of order) assert.equal(stdout.split(tag).length, 2, `one ${tag}`);
    const head = stdout.slice(0, stdout.indexOf('</head>'));
    assert.match(head, /<title>ICE, Facebook and Palantir<\/title>/);
    assert.match(head, /<meta property="og:title" content="ICE, Facebook and Palantir">/);
    assert.match(head, /<meta property="og:url" content="https:\/\/example\.org\/t\/ice\/">/);
    assert.match(head, /<meta name="twitter:card" content="summary">/);
    assert.match(head, /<meta name="description" content="The events behind /);
    assert.match(
      head,
      /<link rel="alternate" type="application\/json\+oembed" href="https:\/\/example\.org\/t\/ice\/oembed\.json" title="ICE, Facebook and Palantir \(oEmbed\)">/,
    );
    assert.equal(stdout.match(/^ {4}<li id="ice-facebook-and-palantir\//gm).length, 20);
    assert.match(stderr, /printed the page of 20 events\.$/m);
    // The page's script is valid JavaScript as it stands (the model's build of it, run by Node's own parser).
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(stdout)[1];
    const file = join(scratch, 'page-script.mjs');
    writeFileSync(file, script);
    const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('escapes hostile text in the page’s title and share tags', () => {
    const file = join(scratch, 'hostile-page.json');
    const title = '"></title><script>alert(1)</script><meta http-equiv="refresh" content="0;url=javascript:alert(2)">';
    writeFileSync(
      file,
      JSON.stringify({ version: 1, title, description: title, events: [{ id: 'a', date: '2017', title }] }),
    );
    const { status, stdout } = run('html', '--page', file);
    assert.equal(status, 0);
    const escaped =
      '&quot;&gt;&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;meta http-equiv=&quot;refresh&quot;';
    assert.ok(stdout.includes(`<meta property="og:title" content="${escaped}`));
    assert.ok(stdout.includes(`<title>"&gt;&lt;/title&gt;&lt;script&gt;`));
    assert.equal(stdout.match(/<script/g).length, 2, 'the element’s script and the page’s, no other');
    assert.doesNotMatch(stdout, /<meta http-equiv/);
  });

  it('refuses page options it cannot use, and options that go with another command', () => {
    for (const [args, message] of [
      [['--page', '--url', 'example.org'], /--url "example\.org" is not an absolute http: or https: address/],
      [['--page', '--oembed', 'javascript:alert(1)'], /--oembed "javascript:alert\(1\)" is not an absolute/],
      [['--page', '--image-size', 'large'], /--image-size must be a width and a height in pixels/],
      [['--oembed', 'https://x.test/o.json'], /--oembed goes with --page/],
      [['--iframe', 'https://x.test/', '--layout', 'list'], /--layout does not go with --iframe/],
      [['--iframe', 'https://x.test/', '--page'], /--page does not go with --iframe/],
      [['--iframe', '/t/ice/'], /"\/t\/ice\/" is not an absolute http: or https: address/],
      [['--height', '300'], /--height goes with --iframe/],
    ]) {
      const { status, stdout, stderr } = run('html', ...args, ARTICLE);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, message);
    }
  });

  it('prints the iframe that shows the page, and says what the host script adds', () => {
    const { status, stdout, stderr } = run('html', '--iframe', 'https://example.org/t/ice/', ARTICLE);
    assert.equal(status, 0, stderr);
    assert.match(
      stdout,
      /^<iframe id="ice-facebook-and-palantir" data-date-line src="https:\/\/example\.org\/t\/ice\/" title="ICE, Facebook and Palantir" loading="lazy" width="100%" height="(\d+)" style="display: block; width: 100%; height: \1px; border: 0" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation" allow="fullscreen; picture-in-picture; autoplay; encrypted-media"><\/iframe>\n$/,
    );
    assert.match(stderr, /embed-host\.js/);
    assert.match(
      run('html', '--iframe', 'https://x.test/', '--id', 'mine', '--height', '420', ARTICLE).stdout,
      /id="mine"[^>]*height="420"/,
    );
  });

  it('prints the page’s oEmbed 1.0 response', () => {
    const { status, stdout, stderr } = run(
      'oembed',
      ARTICLE,
      '--url',
      'https://example.org/t/ice/',
      '--maxwidth',
      '500',
    );
    assert.equal(status, 0, stderr);
    const json = JSON.parse(stdout);
    assert.deepEqual(Object.keys(json).sort(), [
      'height',
      'html',
      'provider_name',
      'title',
      'type',
      'version',
      'width',
    ]);
    assert.equal(json.type, 'rich');
    assert.equal(json.version, '1.0');
    assert.equal(json.width, 500);
    assert.ok(Number.isInteger(json.height) && json.height >= 200 && json.height <= 800);
    assert.equal(json.provider_name, 'example.org');
    assert.equal(json.title, 'ICE, Facebook and Palantir');
    assert.match(
      json.html,
      /^<iframe [^>]*src="https:\/\/example\.org\/t\/ice\/"[^>]* width="500" height="\d+"[^>]*><\/iframe>$/,
    );
    assert.match(stderr, /printed the oEmbed response of 20 events\.$/m);

    const pictured = join(scratch, 'pictured.json');
    const article = JSON.parse(readFileSync(join(root, ARTICLE), 'utf8'));
    writeFileSync(pictured, JSON.stringify({ ...article, media: { url: 'card.png', alt: 'A card' } }));
    const withPicture = JSON.parse(
      run(
        'oembed',
        pictured,
        '--url',
        'https://example.org/t/ice/',
        '--image-size',
        '1200x630',
        '--provider-name',
        'The Desk',
      ).stdout,
    );
    assert.match(run('oembed', pictured, '--url', 'https://x.test/').stderr, /no thumbnail: give the picture's size/);
    assert.deepEqual(
      [withPicture.thumbnail_url, withPicture.thumbnail_width, withPicture.thumbnail_height, withPicture.provider_name],
      ['https://example.org/t/ice/card.png', 1200, 630, 'The Desk'],
    );
    for (const [args, message] of [
      [[ARTICLE], /oembed needs --url/],
      [[ARTICLE, '--url', 'https://x.test/', '--maxwidth', 'wide'], /--maxwidth must be a number of pixels/],
      [
        [ARTICLE, '--url', 'https://x.test/', '--provider-url', 'ftp://x.test/'],
        /--provider-url "ftp:\/\/x\.test\/" is not an absolute/,
      ],
    ]) {
      const refused = run('oembed', ...args);
      assert.equal(refused.status, 2, args.join(' '));
      assert.equal(refused.stdout, '');
      assert.match(refused.stderr, message);
    }
  });
});

after(() => rmSync(scratch, { recursive: true, force: true }));
