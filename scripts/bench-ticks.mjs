#!/usr/bin/env node
// A micro-benchmark of the axis's tick generation (src/scale/ticks.ts) in Node: a 130-year timeline, 1280 px
// wide, panned across at several zoom levels, from the whole span (decades) down to a few hours. It prints, per
// zoom, the unit chosen, the median time of one `ticksFor` call, and a digest of every tick set it made, so two
// versions of the code can be compared for speed and for sameness (equal digests: equal ticks and labels).
//   node scripts/bench-ticks.mjs                 the working tree's src/
//   node scripts/bench-ticks.mjs /tmp/other      another tree's src/ (e.g. `git archive main src | tar -x -C /tmp/other`)
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const tree = resolve(process.argv[2] ?? root);
const { outputFiles } = await build({
  entryPoints: [join(tree, 'src/scale/ticks.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  nodePaths: [join(root, 'node_modules')],
  logLevel: 'error',
});
const { ticksFor } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);

const DAY = 1;
const from = -25567; // 1900-01-01, in days since 1970-01-01
const to = 21915; // 2030-01-01
const timeMap = { spacing: 'time', toCoord: (day) => day, toDay: (coord) => coord };
const WIDTH = 1280;
const ZOOMS = [
  ['130 years', to - from],
  ['20 years', 20 * 365.25 * DAY],
  ['3 years', 3 * 365.25 * DAY],
  ['6 months', 182 * DAY],
  ['6 weeks', 42 * DAY],
  ['10 days', 10 * DAY],
  ['2 days', 2 * DAY],
  ['8 hours', DAY / 3],
];
const WINDOWS = 400;
const ROUNDS = 7;

const rows = [];
for (const [name, span] of ZOOMS) {
  // Windows spread over the timeline, each starting at an uneven moment, as a pan leaves them.
  const views = Array.from({ length: WINDOWS }, (_, i) => {
    const start = from + ((to - from - span) * i) / WINDOWS + 0.37 * i;
    return { start, end: start + span };
  });
  const digest = createHash('sha256');
  let unit;
  for (const view of views) {
    const ticks = ticksFor(view, timeMap, WIDTH, 'en-GB');
    unit ??= ticks.unit;
    digest.update(JSON.stringify(ticks));
  }
  for (const view of views.slice(0, 50)) ticksFor(view, timeMap, WIDTH, 'de'); // another locale's formatters, warm
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    const began = performance.now();
    for (const view of views) ticksFor(view, timeMap, WIDTH, 'en-GB');
    times.push(((performance.now() - began) * 1000) / views.length);
  }
  times.sort((a, b) => a - b);
  rows.push({
    zoom: name,
    unit,
    'median µs per call': times[ROUNDS >> 1].toFixed(1),
    'fastest µs': times[0].toFixed(1),
    digest: digest.digest('hex').slice(0, 12),
  });
}
console.log(`ticksFor, ${WIDTH} px, ${WINDOWS} windows per zoom, median of ${ROUNDS} rounds (${tree})`);
console.table(rows);
