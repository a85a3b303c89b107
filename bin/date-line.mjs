#!/usr/bin/env node
// date-line on the command line, for authors: check a timeline file before it goes live, convert one, or print
// the embed for an article.
//
//   npx date-line validate my-timeline.json [more files…]   errors as "file: error: /events/3/date: message"
//   npx date-line convert sheet.csv > my-timeline.json       CSV or TimelineJS JSON → date-line JSON
//   npx date-line html my-timeline.json > embed.html         the script tag and the element with its events as HTML
//
// Files may be date-line JSON, TimelineJS JSON or CSV (TimelineJS's spreadsheet template or date-line's own
// columns); each is converted first, and the output says which format was read. Exit status: 0 when every file
// is valid (warnings allowed), 1 when one is invalid, 2 when a file cannot be read or the command is wrong.
// `html` prints nothing on stdout unless the whole embed can be printed.
// Runs on the built model (dist/model.js, from `npm run build`): Node cannot run the TypeScript sources.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const USAGE = `Usage:
  date-line validate <file>...        check timeline files (date-line JSON, TimelineJS JSON, CSV)
  date-line convert <file>            print a CSV or TimelineJS file as date-line JSON
  date-line html [options] <file>     print the embed for an article: the script tag and the <date-line>
                                      element with the events as HTML, readable without JavaScript
  date-line --help | --version

Options of html (the element's attributes, and what goes around it):
  --id <id>              the element's id, for its deep links (default: from the title, else date-line)
  --src <url>            the element loads this file; the printed events are then for readers without JS
  --layout <layout>      auto, axis or list
  --spacing <spacing>    time or even
  --locale <tag>         language of the dates (the printed ones too; default for them: en)
  --theme <theme>        light or dark
  --view <interval>      the range the axis shows first, such as 2016-11/2018-05
  --group-rows           each group on its own row of the axis
  --script <url>         the script-tag file (default: the unpkg address the README uses)
  --no-style             leave out the <style> that reserves the element's place (for a strict CSP:
                         put its rule in the page's own style sheet)
  --no-media             leave out events' images (printed images load as the reader scrolls)`;

/** The options of `html`: the element's attributes, by their names on the command line. */
const HTML_OPTIONS = {
  id: { type: 'string' },
  src: { type: 'string' },
  layout: { type: 'string' },
  spacing: { type: 'string' },
  locale: { type: 'string' },
  theme: { type: 'string' },
  view: { type: 'string' },
  'group-rows': { type: 'boolean' },
  script: { type: 'string' },
  'no-style': { type: 'boolean' },
  'no-media': { type: 'boolean' },
};

const FORMAT_NAMES = {
  'date-line': 'date-line JSON',
  timelinejs: 'TimelineJS JSON',
  'timelinejs-csv': 'TimelineJS spreadsheet CSV',
  csv: 'date-line CSV',
};

const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;

async function loadModel() {
  try {
    return await import(new URL('../dist/model.js', import.meta.url).href);
  } catch (error) {
    console.error(`date-line: cannot load dist/model.js (${error.message}). In a checkout, run "npm run build" first.`);
    process.exit(2);
  }
}

/**
 * Reads one file in whatever format it is: `{ format, timeline, errors, warnings, data }`, or `{ unreadable }`
 * when the file cannot be read. `data` is the date-line JSON (converted, for CSV and TimelineJS).
 */
async function check(model, file) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return {
      unreadable: error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'a directory' : error.message,
    };
  }
  const source = model.detectSource(text, { name: file });
  if (source.format === 'date-line') {
    const { timeline, errors } = model.parseTimeline(source.json ?? text);
    return { format: 'date-line', timeline, errors, warnings: [], data: source.json };
  }
  const imported = source.format === 'csv' ? model.fromCSV(text) : model.fromTimelineJS(source.json);
  const parsed = imported.data ? model.parseTimeline(imported.data) : { timeline: null, errors: imported.errors };
  return {
    format: imported.format ?? source.format,
    timeline: parsed.timeline,
    errors: parsed.errors,
    warnings: imported.warnings,
    data: imported.data,
  };
}

const problemLine = (file, kind, { path, message }) => `${file}: ${kind}: ${path ? `${path}: ` : ''}${message}`;

async function validate(model, files) {
  let status = 0;
  for (const file of files) {
    const result = await check(model, file);
    if (result.unreadable) {
      console.log(`${file}: cannot be read: ${result.unreadable}`);
      status = Math.max(status, 2);
      continue;
    }
    for (const error of result.errors) console.log(problemLine(file, 'error', error));
    for (const warning of result.warnings) console.log(problemLine(file, 'warning', warning));
    const format = FORMAT_NAMES[result.format] ?? result.format;
    const warnings = result.warnings.length ? ` (${plural(result.warnings.length, 'warning')})` : '';
    if (result.timeline) {
      console.log(`${file}: read as ${format}: valid, ${plural(result.timeline.events.length, 'event')}${warnings}`);
    } else {
      console.log(`${file}: read as ${format}: invalid, ${plural(result.errors.length, 'error')}${warnings}`);
      status = Math.max(status, 1);
    }
  }
  return status;
}

/**
 * Reads one file for a command that prints something else on stdout, so its problems go to stderr: the result,
 * or the exit status when there is nothing to print (2: unreadable, 1: invalid).
 */
async function checkForOutput(model, file) {
  const result = await check(model, file);
  if (result.unreadable) {
    console.error(`${file}: cannot be read: ${result.unreadable}`);
    return 2;
  }
  for (const warning of result.warnings) console.error(problemLine(file, 'warning', warning));
  for (const error of result.errors) console.error(problemLine(file, 'error', error));
  return result.timeline ? result : 1;
}

async function convert(model, file) {
  const result = await checkForOutput(model, file);
  if (typeof result === 'number') return result;
  const data = { $schema: model.SCHEMA_ID, ...result.data };
  console.log(JSON.stringify(data, null, 2));
  console.error(
    `${file}: read as ${FORMAT_NAMES[result.format]}; converted ${plural(result.timeline.events.length, 'event')}.`,
  );
  return 0;
}

/**
 * Prints the embed of one file on stdout, whole or not at all: a file that does not read, parse or validate
 * gives its located errors on stderr and exit status 1 (2 when it cannot be read), as `convert` does.
 */
async function html(model, args) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: HTML_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`date-line: ${error.message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const options = {
    id: values.id,
    src: values.src,
    layout: values.layout,
    spacing: values.spacing,
    locale: values.locale,
    theme: values.theme,
    view: values.view,
    groupRows: values['group-rows'],
    script: values.script,
    style: !values['no-style'],
    media: !values['no-media'],
  };
  const problems = model.checkEmbedOptions(options);
  if (problems.length) {
    for (const problem of problems) console.error(`date-line: ${problem}`);
    return 2;
  }
  const [file] = positionals;
  const result = await checkForOutput(model, file);
  if (typeof result === 'number') return result;
  // The dates are printed in the words of --locale (English by default), as the element would write them.
  const words = await model.loadMessages(options.locale ?? 'en');
  const embed = model.embedHtml(result.data, { ...options, words });
  for (const error of embed.errors) console.error(problemLine(file, 'error', error));
  if (embed.html === null) return 1;
  for (const warning of embed.warnings) console.error(problemLine(file, 'warning', warning));
  process.stdout.write(embed.html);
  console.error(
    `${file}: read as ${FORMAT_NAMES[result.format]}; printed the embed of ${plural(result.timeline.events.length, 'event')}.`,
  );
  return 0;
}

async function main(args) {
  const [command, ...files] = args;
  if (command === 'html') return html(await loadModel(), files);
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
    return 0;
  }
  if (
    (command !== 'validate' && command !== 'convert') ||
    !files.length ||
    (command === 'convert' && files.length > 1)
  ) {
    console.error(
      command && command !== 'validate' && command !== 'convert'
        ? `date-line: unknown command "${command}"\n${USAGE}`
        : USAGE,
    );
    return 2;
  }
  const model = await loadModel();
  return command === 'validate' ? validate(model, files) : convert(model, files[0]);
}

process.exitCode = await main(process.argv.slice(2));
