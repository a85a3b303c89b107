#!/usr/bin/env node
// The size budget of the script-tag file (npm run size; CI runs it after the build).
//
// dist/date-line.bundled.js is what an article loads: Lit, the date code, the validator and the list layout, in
// one ES module. It must stay at or under BUDGET bytes gzipped (gzip -9). The parts it loads only when a page
// needs them (the axis, the filter panel, the importers, locales, ...) are listed beside it, not counted: a
// reader on a phone who sees the list never downloads the axis. Builds the file first when it is missing or
// older than the sources. Exit status 1 when the file is over budget.
//
// It fails, too, when the file imports another chunk statically (see staticImportsOf), or when dist/embed-host.js,
// the optional script of pages that show timelines in iframes, is over its own budget, HOST_BUDGET.
//
// gzip is Node's zlib at level 9 (what `gzip -9` does, with zlib's deflate): it comes out ~150 B larger than GNU
// gzip's own deflate on this file, so the budget errs on the safe side, and the figure is the same on every machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BUDGET = 25_000;
export const HOST_BUDGET = 2_048;
const HOST = 'embed-host.js';
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const MAIN = 'date-line.bundled.js';

/** What each on-demand part is, by the name Vite gives its chunk (date-line.<name>-<hash>.js). */
const PARTS = {
  axis: 'the time axis (wide elements)',
  story: 'the story view, one event at a time (layout="story")',
  detail: "an open event's content and its media (fetched when the page is idle)",
  list: 'the list (narrow elements, and printing)',
  'event-button': "an event's date and headline, as the axis and the list draw it",
  filters: 'the filter panel (when a reader opens it)',
  import: 'the TimelineJS and CSV importers (for such sources)',
  'light-dom': 'the reader of a light-DOM <ol> (for such sources)',
  shared: 'code shared by the importers and the light-DOM reader',
  'list-window': 'windowing of long lists',
  // The bundler names the chunk the axis and the list share after one of its modules.
  'fill.styles': 'what the axis and the list share (directives, group colours, fitting a given height)',
  'refresh-controller': 'refreshing src (for elements with refresh)',
  sheets: 'Google Sheets links (for such a src)',
  ar: 'Arabic interface text',
  de: 'German interface text',
  fr: 'French interface text',
};

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function buildIfNeeded() {
  const built = newest(join(dist, MAIN));
  const sources = Math.max(
    ...['src', 'vite.config.ts', 'scripts/minify-templates.mjs', 'package.json'].map((p) => newest(join(root, p))),
  );
  if (built > sources) return;
  console.log(`size: ${built ? 'dist/ is older than the sources' : `no dist/${MAIN}`}; building it`);
  const result = spawnSync('npx', ['vite', 'build', '--mode', 'standalone', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The chunks a file imports, statically or on demand (relative "./date-line.*.js" specifiers). */
function importsOf(file) {
  const text = readFileSync(join(dist, file), 'utf8');
  return [...text.matchAll(/["'`]\.\/(date-line\.[\w.-]+\.js)["'`]/g)].map((match) => match[1]);
}

/** The script-tag file and every chunk reachable from it (not stale chunks of earlier builds). */
function reachable() {
  const seen = new Set([MAIN]);
  const queue = [MAIN];
  while (queue.length) {
    for (const next of importsOf(queue.shift())) {
      if (!seen.has(next) && existsSync(join(dist, next))) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...seen];
}

const format = (bytes) => bytes.toLocaleString('en-US');

function measure(file) {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function describe(file) {
  if (file === MAIN) return 'the script-tag file: Lit, dates, validator, list (counted)';
  // date-line.<name>-<8-character hash>.js; the hash may itself contain '-'.
  const name = file.match(/^date-line\.(.+)-[\w-]{8}\.js$/)?.[1] ?? file;
  return `on demand: ${PARTS[name] ?? name}`;
}

/**
 * Chunks a file imports statically (`import … from "./x.js"`, `export … from`, `import "./x.js"`; not `import()`).
 * The script-tag file must have none: the browser would fetch such a chunk before running anything, a second
 * request on every page, and its bytes would escape the budget. The bundler has done it once, for a module
 * shared by the file and an on-demand part.
 */
function staticImportsOf(file) {
  const text = readFileSync(join(dist, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/(date-line\.[\w.-]+\.js)["'`]/g)].map((match) => match[1]);
}

buildIfNeeded();
const rows = reachable().map(measure);
const needed = staticImportsOf(MAIN);
if (needed.length) {
  console.error(
    `size: FAIL dist/${MAIN} imports ${needed.map((file) => `./${file}`).join(', ')} statically; the script-tag ` +
      'file must stand alone (only what loads on demand may be a separate file)',
  );
  process.exit(1);
}
const [main, ...parts] = rows;
parts.sort((a, b) => b.gzip - a.gzip);
const table = [main, ...parts].map((row) => [
  `dist/${row.file}`,
  format(row.raw),
  format(row.gzip),
  format(row.brotli),
  describe(row.file),
]);
const head = ['file', 'minified B', 'gzip -9 B', 'brotli B', 'what'];
const widths = head.map((title, i) => Math.max(title.length, ...table.map((row) => row[i].length)));
const line = (cells) =>
  cells.map((text, i) => (i >= 1 && i <= 3 ? text.padStart(widths[i]) : text.padEnd(widths[i]))).join('  ');
console.log(line(head));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
for (const row of table) console.log(line(row));
const onDemand = parts.reduce((sum, row) => sum + row.gzip, 0);
console.log(`\non demand, not counted: ${parts.length} files, ${format(onDemand)} B gzip in all`);
const percent = ((main.gzip / BUDGET) * 100).toFixed(1);
if (main.gzip > BUDGET) {
  console.error(
    `size: FAIL dist/${MAIN} is ${format(main.gzip)} B gzip, over the budget of ${format(BUDGET)} B by ${format(main.gzip - BUDGET)} B`,
  );
  process.exit(1);
}
console.log(`size: ok dist/${MAIN} is ${format(main.gzip)} B gzip of a ${format(BUDGET)} B budget (${percent}%)`);
if (!existsSync(join(dist, HOST))) {
  console.error(`size: FAIL dist/${HOST} is missing (vite build --mode standalone writes it)`);
  process.exit(1);
}
const host = measure(HOST);
if (host.gzip > HOST_BUDGET) {
  console.error(`size: FAIL dist/${HOST} is ${format(host.gzip)} B gzip, over its budget of ${format(HOST_BUDGET)} B`);
  process.exit(1);
}
console.log(`size: ok dist/${HOST} is ${format(host.gzip)} B gzip of a ${format(HOST_BUDGET)} B budget`);
