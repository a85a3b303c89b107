#!/usr/bin/env node
// Checks the npm package as users get it (npm run check:package; CI runs it after the build): packs it, looks at
// what the tarball holds, installs it into a scratch project in a temporary directory and uses it there.
//   - the tarball ships what users need (dist/, types/, the schema, the article timeline, the manifest, the
//     CLI, README) and nothing else (no sources, tests, demo, declaration maps);
//   - every target in package.json "exports" exists in the installed package;
//   - TypeScript (moduleResolution "bundler") type-checks code that uses `date-line` and, separately,
//     `date-line/element`: document.querySelector('date-line') is a DateLine, addEventListener('date-line-select',
//     e => e.detail.id) is typed, and wrong values are errors; `date-line/model` also type-checks under "nodenext";
//   - Node (ESM) runs parseTimeline from `date-line/model` on the shipped article timeline and the shipped schema;
//   - Node imports `date-line` and `date-line/element` (as server rendering would) without crashing;
//   - with React, Vue and Svelte installed beside it: `date-line/react`, `date-line/vue` and `date-line/svelte`
//     type-check (their declarations included), and React renders the `DateLine` component on the server;
//   - `npx date-line validate` passes the shipped timeline and fails a broken one;
//   - `npx date-line html --locale de` prints the embed of the shipped timeline, its dates in German (the
//     language's words are a chunk of their own, which must ship and load);
//   - the page for iframes (dist/embed.html) and the host pages' script (dist/embed-host.js) ship, and
//     `npx date-line html --page` and `oembed` print the shipped timeline's page and its oEmbed response.
// Builds first when dist/, types/ or custom-elements.json is missing or older than the sources. Installing needs
// lit, date-fns, @lit/react and the frameworks from the registry or npm's cache (--prefer-offline). Exit status 1
// on any problem.
//   node scripts/check-package.mjs --keep     keep the scratch project and print where it is
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest, run } from './run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--keep');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let failures = 0;

function ok(message) {
  console.log(`ok    ${message}`);
}
function fail(message, details = '') {
  failures++;
  console.error(`FAIL  ${message}${details ? `\n${details.trimEnd().replace(/^/gm, '      ')}` : ''}`);
}

// ---------------------------------------------------------------- build and pack

const outputs = [
  'dist/date-line.js',
  'dist/date-line.bundled.js',
  'dist/embed.html',
  'dist/embed-host.js',
  'types/index.d.ts',
  'custom-elements.json',
];
const sources = Math.max(...['src', 'vite.config.ts', 'package.json'].map((p) => newest(join(root, p))));
const built = Math.min(...outputs.map((p) => newest(join(root, p))));
if (built < sources) {
  console.log('check-package: the build is missing or older than the sources; npm run build');
  const build = run('npm', ['run', 'build'], root);
  if (build.status !== 0) {
    fail('npm run build', build.output);
    process.exit(1);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'date-line-package-'));
process.on('exit', () => {
  if (keep) console.log(`check-package: scratch project kept in ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
});

// --ignore-scripts: the build above is the one to check (prepack would build again).
const pack = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], root);
if (pack.status !== 0) {
  fail('npm pack', pack.output);
  process.exit(1);
}
const [packed] = JSON.parse(pack.output.slice(pack.output.indexOf('[')));
const files = packed.files.map((file) => file.path);
const tarball = join(scratch, packed.filename);

// ---------------------------------------------------------------- contents

const allowed = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE(\.\w+)?$/,
  /^bin\/date-line\.mjs$/,
  /^custom-elements\.json$/,
  /^data\/(timeline\.schema|ice-facebook-palantir)\.json$/,
  /^dist\/[\w.-]+\.js$/,
  // Source maps for the minified script-tag file and its chunks, and the host pages' script, only (the npm build
  // is readable as it is).
  /^dist\/(date-line\.[\w.-]+|embed-host)\.js\.map$/,
  /^dist\/embed\.html$/,
  /^types\/[\w/.-]+\.d\.ts$/,
];
const unexpected = files.filter((file) => !allowed.some((pattern) => pattern.test(file)));
if (unexpected.length) fail('the tarball holds files users do not need', unexpected.join('\n'));
else ok(`the tarball holds only what users need (${files.length} files, ${(packed.size / 1024).toFixed(1)} kB packed)`);

const required = [
  'dist/date-line.js',
  'dist/element.js',
  'dist/model.js',
  'dist/date-line.bundled.js',
  'dist/embed.html',
  'dist/embed-host.js',
  'types/index.d.ts',
  'types/element.d.ts',
  'types/events.d.ts',
  'types/model.d.ts',
  'dist/react.js',
  'dist/vue.js',
  'dist/svelte.js',
  'types/frameworks/react.d.ts',
  'types/frameworks/vue.d.ts',
  'types/frameworks/svelte.d.ts',
  'data/timeline.schema.json',
  'data/ice-facebook-palantir.json',
  'custom-elements.json',
  'bin/date-line.mjs',
  'README.md',
];
const missing = required.filter((file) => !files.includes(file));
if (missing.length) fail('the tarball lacks files', missing.join('\n'));
else ok('the tarball has the entries, their types, the schema, the manifest, the CLI and the embed files');

// ---------------------------------------------------------------- install

const write = (name, text) => {
  const path = join(scratch, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};
write('package.json', JSON.stringify({ name: 'scratch', private: true, type: 'module' }, null, 2));
const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], scratch);
if (install.status !== 0) {
  fail('npm install <tarball> into a scratch project', install.output);
  process.exit(1);
}
ok(`npm install ${packed.filename} (with lit and date-fns) in a scratch project`);
const installed = join(scratch, 'node_modules/date-line');

const exportTargets = Object.entries(pkg.exports).flatMap(([entry, target]) =>
  (typeof target === 'string' ? [target] : Object.values(target)).map((path) => [entry, path]),
);
const absent = exportTargets.filter(([, path]) => !existsSync(join(installed, path)));
if (absent.length) fail('exports name files the package lacks', absent.map(([e, p]) => `${e}: ${p}`).join('\n'));
else ok(`every "exports" target exists (${Object.keys(pkg.exports).join(', ')})`);

// ---------------------------------------------------------------- TypeScript

const tsc = join(root, 'node_modules/typescript/bin/tsc');
const compilerOptions = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'bundler',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  types: [],
  strict: true,
  noEmit: true,
  // Check date-line's own declarations too (and what they pull in from Lit).
  skipLibCheck: false,
  resolveJsonModule: true,
};

const usage = (entry) => `
import { DateLine, parseTimeline, type DateLineSelectEvent } from '${entry}';

// The tag map: querySelector and createElement know <date-line>.
const found: DateLine | null = document.querySelector('date-line');
const made: DateLine = document.createElement('date-line');
made.layout = 'list';
made.src = 'timeline.json';
// @ts-expect-error layout is 'auto' | 'axis' | 'list'
made.layout = 'sideways';
const moved: boolean = made.select('palantir-icm-contract');

// The event map: listeners get typed details, on the element and on any ancestor.
found?.addEventListener('date-line-select', (event) => {
  const id: string | null = event.detail.id;
  if (id === 'keep') event.preventDefault();
});
document.addEventListener('date-line-load', (event) => event.detail.timeline.events.length);
document.body.addEventListener('date-line-error', (event) => event.detail.errors.map((error) => error.path));
made.addEventListener('date-line-range-change', (event) => event.detail.start.localeCompare(event.detail.end));
const handler = (event: DateLineSelectEvent) => event.detail.event?.title;
made.addEventListener('date-line-select', handler);
made.addEventListener('date-line-load', (event) => {
  // @ts-expect-error the load event's detail has no id
  return event.detail.id;
});

// The data functions, without a DOM.
const { timeline, errors } = parseTimeline({ version: 1, events: [] });
const count: number = (timeline?.events.length ?? 0) + errors.length;
export { moved, count };
`;

function typeCheck(name, source, options) {
  write(`${name}.ts`, source);
  write(`tsconfig.${name}.json`, JSON.stringify({ compilerOptions: options, files: [`${name}.ts`] }, null, 2));
  return run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], scratch);
}

let result = typeCheck(
  'main',
  `${usage('date-line')}
import 'date-line/bundled';
import schema from 'date-line/data/timeline.schema.json';
export const id: string = schema.$id;
`,
  compilerOptions,
);
if (result.status !== 0) fail("TypeScript (bundler): code using 'date-line' does not type-check", result.output);
else ok("TypeScript (bundler): 'date-line' types <date-line>, its events and parseTimeline");

result = typeCheck('element', usage('date-line/element'), compilerOptions);
if (result.status !== 0)
  fail("TypeScript (bundler): code using 'date-line/element' does not type-check", result.output);
else ok("TypeScript (bundler): 'date-line/element' alone types <date-line> and its events too");

result = typeCheck(
  'node',
  `import { embedHtml, fromCSV, fromTimelineJS, loadMessages, parseTimeline } from 'date-line/model';
const csv = fromCSV('date,title\\n2014-09,ICE awards Palantir the ICM contract\\n');
const tl = fromTimelineJS({ events: [] });
export const n: number = (parseTimeline(csv.data).timeline?.events.length ?? 0) + tl.errors.length;
export const html: string | null = embedHtml(csv.data!, { layout: 'list', words: await loadMessages('de') }).html;
`,
  { ...compilerOptions, module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'] },
);
if (result.status !== 0) fail("TypeScript (nodenext): code using 'date-line/model' does not type-check", result.output);
else ok("TypeScript (nodenext, no DOM lib): 'date-line/model' types the importers, parseTimeline and embedHtml");

// ---------------------------------------------------------------- Node

write(
  'model.mjs',
  `import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fromCSV, parseTimeline } from 'date-line/model';
import schema from 'date-line/data/timeline.schema.json' with { type: 'json' };

const article = JSON.parse(readFileSync(new URL(import.meta.resolve('date-line/data/ice-facebook-palantir.json')), 'utf8'));
const { timeline, errors } = parseTimeline(article);
assert.deepEqual(errors, []);
assert.ok(timeline.events.length >= 10, 'the article timeline has its events');
assert.equal(typeof schema.$id, 'string');
const csv = fromCSV('date,title\\n2014-09,ICE awards Palantir the ICM contract\\n');
assert.deepEqual(csv.errors, []);
console.log(timeline.events.length + ' events');
`,
);
result = run(process.execPath, ['model.mjs'], scratch);
if (result.status !== 0) fail("Node: parseTimeline from 'date-line/model' on the shipped timeline", result.output);
else ok(`Node: 'date-line/model' parses the shipped article timeline (${result.output.trim()}) and CSV`);

write(
  'ssr.mjs',
  `import assert from 'node:assert/strict';
const main = await import('date-line');
const element = await import('date-line/element');
assert.equal(typeof main.DateLine, 'function');
assert.equal(main.DateLine, element.DateLine);
assert.equal(main.parseTimeline({ version: 1, events: [] }).errors.length, 0);
`,
);
result = run(process.execPath, ['ssr.mjs'], scratch);
if (result.status !== 0) fail("Node: importing 'date-line' (as server rendering does) crashes", result.output);
else ok("Node: 'date-line' and 'date-line/element' import without a DOM");

// ---------------------------------------------------------------- frameworks

const frameworks = run(
  'npm',
  ['install', '--no-audit', '--no-fund', '--prefer-offline', 'react', 'react-dom', '@types/react', 'vue', 'svelte'],
  scratch,
);
if (frameworks.status !== 0) {
  fail('npm install react react-dom @types/react vue svelte beside the package', frameworks.output);
} else {
  result = typeCheck(
    'frameworks',
    `import { createElement, createRef } from 'react';
import type { DateLine as DateLineElement } from 'date-line';
import { DateLine, type DateLineProps } from 'date-line/react';
import type { DateLineVueElement } from 'date-line/vue';
import type { DateLineSvelteAttributes } from 'date-line/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';

const ref = createRef<DateLineElement>();
const props: DateLineProps = { ref, layout: 'list', onSelect: (event) => event.detail.id };
export const element = createElement(DateLine, props);
// @ts-expect-error layout is one of the element's layouts
export const wrong: DateLineProps = { layout: 'sideways' };
export const select = (vue: InstanceType<DateLineVueElement>) => vue.select('palantir-icm-contract');
export const svelte: SvelteHTMLElements['date-line'] & DateLineSvelteAttributes = {
  'ondate-line-select': (event) => event.detail.event?.title,
};
`,
    compilerOptions,
  );
  if (result.status !== 0)
    fail("TypeScript (bundler): 'date-line/react', '/vue' and '/svelte' do not type-check", result.output);
  else
    ok(
      "TypeScript (bundler): 'date-line/react', 'date-line/vue' and 'date-line/svelte' type-check with their frameworks",
    );

  write(
    'react-ssr.mjs',
    `import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { DateLine } from 'date-line/react';
const html = renderToString(createElement(DateLine, { dangerouslySetInnerHTML: { __html: '<ol><li>One</li></ol>' } }));
assert.equal(html, '<date-line><ol><li>One</li></ol></date-line>');
`,
  );
  result = run(process.execPath, ['react-ssr.mjs'], scratch);
  if (result.status !== 0) fail("Node: React renders 'date-line/react' on the server", result.output);
  else ok("Node: React renders the DateLine component of 'date-line/react' on the server, its children as given");
}

// ---------------------------------------------------------------- CLI

result = run(
  'npx',
  ['--no-install', 'date-line', 'validate', 'node_modules/date-line/data/ice-facebook-palantir.json'],
  scratch,
);
if (result.status !== 0) fail('npx date-line validate <the shipped timeline>', result.output);
else ok('npx date-line validate passes the shipped timeline');
write('broken.json', JSON.stringify({ version: 1, events: [{ id: 'e', date: '2017-13', title: 'x' }] }));
result = run('npx', ['--no-install', 'date-line', 'validate', 'broken.json'], scratch);
if (result.status !== 1 || !result.output.includes('/events/0/date'))
  fail('npx date-line validate does not fail a broken file with its path', result.output);
else ok('npx date-line validate fails a broken file, naming /events/0/date');

result = run(
  'npx',
  ['--no-install', 'date-line', 'html', '--locale', 'de', 'node_modules/date-line/data/ice-facebook-palantir.json'],
  scratch,
);
if (result.status !== 0 || !result.output.includes('<time datetime="1986-10-21">21. Oktober 1986</time>'))
  fail('npx date-line html --locale de <the shipped timeline> does not print the embed in German', result.output);
else ok('npx date-line html prints the embed of the shipped timeline, its dates in German');

result = run(
  'npx',
  ['--no-install', 'date-line', 'html', '--page', 'node_modules/date-line/data/ice-facebook-palantir.json'],
  scratch,
);
if (result.status !== 0 || !/^<!doctype html>[\s\S]*<title>ICE, Facebook and Palantir<\/title>/.test(result.output))
  fail('npx date-line html --page <the shipped timeline> does not print its page', result.output);
else ok('npx date-line html --page prints the shipped timeline’s page');
result = run(
  'npx',
  [
    '--no-install',
    'date-line',
    'oembed',
    'node_modules/date-line/data/ice-facebook-palantir.json',
    '--url',
    'https://x.test/',
  ],
  scratch,
);
if (result.status !== 0 || !result.output.includes('"type": "rich"'))
  fail('npx date-line oembed <the shipped timeline> does not print its oEmbed response', result.output);
else ok('npx date-line oembed prints the shipped timeline’s oEmbed response');

if (failures) {
  console.error(`check-package: ${failures} problem(s)`);
  process.exit(1);
}
console.log(`check-package: ok (${packed.filename}, ${files.length} files)`);
