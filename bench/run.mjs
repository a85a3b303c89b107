#!/usr/bin/env node
/**
 * date-line's benchmark (issue 8): date-line, vis-timeline, TimelineJS and a plain <ol> floor, loaded cold
 * in headless Chromium from the same generated data, at several N.
 *
 *   node bench/run.mjs [--runs 5] [--sizes 4,100,1000,10000,100000] [--only date-line,floor]
 *                      [--timeout 120000] [--settle 1000] [--idle-wait 10] [--out bench/results/latest.json] [--from results.json]
 *
 * `npm run bench` at the root builds date-line and installs bench/'s own dependencies first. Prints a Markdown
 * table to stdout (progress goes to stderr) and writes every run and the summary as JSON. Exits non-zero when
 * the harness itself fails or when date-line or the floor fail with an error (a broken build or page); a
 * timeout, or any outcome of a peer library, is a result and is reported in the table instead.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateEvents } from './lib/data.mjs';
import { chromiumVersion, gitCommit, waitForIdle } from './lib/machine.mjs';
import { CHROMIUM_ARGS, INTERACTION_MS, VIEWPORT, measureRun } from './lib/measure.mjs';
import { LABELS, markdownTables, markdownTargets, targetChecks } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';
import { runMetrics, summarize } from './lib/summarize.mjs';

const root = resolve(import.meta.dirname, '..');

// --mode first-view (issue 14), --mode cls (issue 15) and --mode story (issue 21) are measurements of their own,
// each in its own module with its own flags; without --mode (or with --mode load) this script runs the load and
// pan-and-zoom benchmark.
const MODES = { 'first-view': './lib/first-view.mjs', cls: './lib/cls.mjs', story: './lib/story.mjs' };
const { mode } = parseArgs({
  args: process.argv.slice(2),
  options: { mode: { type: 'string' } },
  strict: false,
}).values;
if (mode && mode !== 'load') {
  if (!MODES[mode]) throw new Error(`--mode: unknown ${mode} (have load, ${Object.keys(MODES).join(', ')})`);
  const { run } = await import(MODES[mode]);
  const argv = process.argv.slice(2);
  const chromium = argv.includes('--chromium')
    ? argv[argv.indexOf('--chromium') + 1]
    : process.env.CHROME_PATH || '/usr/bin/chromium';
  const wantsHelp = argv.includes('--help') || argv.includes('-h') || argv.includes('--from');
  if (!wantsHelp && !existsSync(resolve(root, 'dist/date-line.bundled.js')))
    throw new Error('dist/date-line.bundled.js is missing: run `npm run build` first');
  process.exit(
    await run(argv, { chromiumVersion: wantsHelp ? null : chromiumVersion(chromium), commit: gitCommit(root) }),
  );
}

/** The peers stop at 10,000, as in the issue; 100,000 is date-line's own target (and cheap for the floor). */
const LIBRARIES = [
  { id: 'floor', maxN: Infinity },
  { id: 'date-line', maxN: Infinity },
  { id: 'vis-timeline', maxN: 10_000 },
  { id: 'timelinejs', maxN: 10_000 },
];

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '4,100,1000,10000,100000' },
    only: { type: 'string' },
    timeout: { type: 'string', default: '120000' },
    settle: { type: 'string', default: '1000' },
    'idle-wait': { type: 'string', default: '10' },
    out: { type: 'string', default: resolve(root, 'bench/results/latest.json') },
    from: { type: 'string' },
    mode: { type: 'string' },
    chromium: { type: 'string', default: process.env.CHROME_PATH || '/usr/bin/chromium' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (options.help) {
  console.log(
    'usage: node bench/run.mjs [--mode load|first-view|cls|story] [--runs 5] [--sizes 4,100,1000,10000,100000] [--only date-line,floor] ' +
      '[--timeout 120000] [--settle 1000] [--idle-wait 10] [--out bench/results/latest.json] [--from results.json] [--chromium /usr/bin/chromium]',
  );
  process.exit(0);
}

const positiveInt = (name, text) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} wants a whole number, got "${text}"`);
  return value;
};

const runs = positiveInt('runs', options.runs);
const timeout = positiveInt('timeout', options.timeout);
const settle = positiveInt('settle', options.settle);
const idleWait = positiveInt('idle-wait', options['idle-wait']) * 1000;
const sizes = options.sizes.split(',').map((text) => positiveInt('sizes', text.trim().replaceAll('_', '')));
const only = options.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !LIBRARIES.some((library) => library.id === name)) ?? [];
if (unknown.length)
  throw new Error(`--only: unknown ${unknown.join(', ')} (have ${LIBRARIES.map((l) => l.id).join(', ')})`);
const libraries = LIBRARIES.filter((library) => !only || only.includes(library.id));

// --from: print the report of an earlier run again (with this version's summaries and table), run nothing.
if (options.from) {
  const saved = JSON.parse(await readFile(options.from, 'utf8'));
  saved.meta.machine = machineSummary(saved.runs);
  console.log(report(saved.meta, resummarize(saved.runs, saved.meta.sizes), options.from));
  process.exit(0);
}

if (!existsSync(resolve(root, 'dist/date-line.bundled.js'))) {
  throw new Error('dist/date-line.bundled.js is missing: run `npm run build` (or `npm run bench`, which does)');
}
if (!existsSync(options.chromium))
  throw new Error(`no Chromium at ${options.chromium} (set CHROME_PATH or --chromium)`);

const progress = (text) => process.stderr.write(text + '\n');
/*
 * This machine has 2 cores and may be shared (builds, tests). Before each run, wait up to --idle-wait seconds
 * for the CPU to be mostly idle (waitForIdle), so that a run does not start in the middle of someone else's
 * burst; the busy share that was measured goes into the JSON either way, so noisy runs can be recognised.
 */
const chromium = chromiumVersion(options.chromium);
const commit = gitCommit(root);

const started = Date.now();
const server = await startServer(root);
const raw = [];
const summaries = [];
// A library that times out at some N is not tried at larger N, and not again at that N: each attempt would
// cost the full timeout and say nothing new.
const gaveUp = new Map(); // library -> smallest N that timed out
// A library whose pan and zoom once passed the limit is measured without it from then on (its load still is).
const noInteraction = new Map(); // library -> smallest N whose pan and zoom timed out

try {
  // One unrecorded load first: the first Chromium start after a while reads its binary from disk and would
  // make whichever library happens to run first look slow.
  progress('warming up');
  server.warm('floor', 4);
  await measureRun({
    chromium: options.chromium,
    origin: server.origin,
    library: 'floor',
    n: 4,
    timeout,
    settle: 0,
    log: server.log,
  });

  for (const n of sizes) {
    const here = libraries.filter((library) => n <= library.maxN);
    if (!here.length) continue;
    progress(`N = ${n.toLocaleString('en-US')}: generating data`);
    for (const library of here) server.warm(library.id, n);
    const byLibrary = new Map(here.map((library) => [library.id, []]));
    for (let run = 0; run < runs; run++) {
      // Rotate the order each round so no library always runs first (or right after the heaviest one).
      const order = here.map((_, index) => here[(index + run) % here.length]);
      for (const library of order) {
        const results = byLibrary.get(library.id);
        let result;
        if (gaveUp.has(library.id) && n >= gaveUp.get(library.id)) {
          result = {
            status: 'skipped',
            message: `not run: timed out at N = ${gaveUp.get(library.id).toLocaleString('en-US')}`,
          };
        } else if (results.some((previous) => previous.status === 'error')) {
          result = { status: 'skipped', message: 'not run: failed in an earlier run' };
        } else {
          const machine = await waitForIdle(idleWait);
          result = await measureRun({
            chromium: options.chromium,
            origin: server.origin,
            library: library.id,
            n,
            timeout,
            settle,
            log: server.log,
            interact: !(noInteraction.has(library.id) && n >= noInteraction.get(library.id)),
          });
          result.machine = machine;
          if (result.status === 'ok' || result.status === 'partial') result.metrics = runMetrics(result);
          if (result.status === 'timeout') gaveUp.set(library.id, n);
          if (result.status === 'partial' && !noInteraction.has(library.id)) noInteraction.set(library.id, n);
        }
        results.push(result);
        raw.push({ library: library.id, n, run: run + 1, ...result });
        progress(
          `  run ${run + 1}/${runs} ${library.id.padEnd(12)} ` +
            (result.metrics
              ? `rendered ${result.metrics.rendered.toFixed(0)} ms, ${result.metrics.elements} elements, ` +
                `heap ${result.metrics.heapMB?.toFixed(1)} MB, p95 frame ${result.metrics.frameP95?.toFixed(1) ?? '–'} ms` +
                (result.status === 'partial' ? ` (partial: ${result.message})` : '')
              : `${result.status}: ${result.message}`),
        );
      }
    }
    for (const library of here) summaries.push(summarize(library.id, n, byLibrary.get(library.id)));
  }
} finally {
  await server.close();
}

/** The Markdown report: a header saying how and where it was measured, one table per N, the targets. */
function report(meta, summaries, jsonPath) {
  const { viewport, machine, durationSeconds: seconds } = meta;
  return [
    `## date-line benchmark — ${meta.date.slice(0, 10)}${meta.commit ? `, ${meta.commit}` : ''}`,
    '',
    `${meta.chromium}, headless, GPU off, ${meta.cpus} cores, ${viewport.width}×${viewport.height}; ` +
      `${meta.runs} cold runs each (fresh browser per run), median (min–max); ` +
      `${meta.interactionMs / 1000} s scripted pan and zoom. Full run: ${Math.floor(seconds / 60)} min ${seconds % 60} s. ` +
      `Machine before runs: CPU busy median ${Math.round(machine.cpuBusyBeforeMedian * 100)} %, ` +
      `${machine.runsStartedBusy} of ${machine.runsMeasured} runs started with it over 25 %; ` +
      `load average median ${machine.loadAverageMedian}, max ${machine.loadAverageMax}.`,
    '',
    markdownTables(summaries, meta.sizes),
    markdownTargets(targetChecks(summaries)),
    `JSON: ${jsonPath}`,
  ].join('\n');
}

/** Summaries from saved raw runs (for --from), in the order a live run makes them. */
function resummarize(runs, sizes) {
  const summaries = [];
  for (const n of sizes) {
    for (const library of LIBRARIES) {
      const these = runs.filter((run) => run.library === library.id && run.n === n);
      if (!these.length) continue;
      for (const run of these) if (run.status === 'ok' || run.status === 'partial') run.metrics = runMetrics(run);
      summaries.push(summarize(library.id, n, these));
    }
  }
  return summaries;
}

/** How loaded the machine was as the runs started (it is shared; see waitForIdle). */
function machineSummary(runs) {
  const measured = runs.filter((run) => run.machine).map((run) => run.machine);
  const busy = measured.map((machine) => machine.cpuBusyBefore).sort((a, b) => a - b);
  const load = measured.map((machine) => machine.loadAverage).sort((a, b) => a - b);
  const middle = (values) => values[Math.floor(values.length / 2)] ?? null;
  return {
    cpuBusyBeforeMedian: middle(busy),
    cpuBusyBeforeMax: busy.at(-1) ?? null,
    runsStartedBusy: busy.filter((value) => value > 0.25).length,
    runsMeasured: measured.length,
    loadAverageMedian: middle(load),
    loadAverageMax: load.at(-1) ?? null,
  };
}

const seconds = Math.round((Date.now() - started) / 1000);
const checks = targetChecks(summaries);
const sample = generateEvents(100);
const meta = {
  date: new Date().toISOString(),
  commit,
  chromium,
  chromiumArgs: CHROMIUM_ARGS,
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  viewport: VIEWPORT,
  runs,
  sizes,
  libraries: libraries.map((library) => library.id),
  timeoutMs: timeout,
  settleMs: settle,
  interactionMs: INTERACTION_MS,
  data: {
    generator: 'bench/lib/data.mjs (mulberry32, seed 20180329 ^ N)',
    wordsPerSummary: sample.reduce((total, event) => total + event.summary.split(' ').length, 0) / sample.length,
    rangeShare: sample.filter((event) => event.end).length / sample.length,
  },
  durationSeconds: seconds,
  machine: machineSummary(raw),
};
await mkdir(dirname(options.out), { recursive: true });
await writeFile(options.out, JSON.stringify({ meta, summaries, targets: checks, runs: raw }, null, 2) + '\n');

console.log(report(meta, summaries, options.out));

// An error in date-line's page or the floor's means the build or the harness is broken, not slow.
const broken = summaries.filter(
  (summary) => (summary.library === 'date-line' || summary.library === 'floor') && summary.errors > 0,
);
if (broken.length) {
  for (const summary of broken) {
    progress(`error: ${LABELS[summary.library]} at N = ${summary.n}: ${summary.messages.join('; ')}`);
  }
  process.exitCode = 1;
}
