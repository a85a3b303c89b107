#!/usr/bin/env node
/**
 * A/B of the default mode (load, then the scripted pan and zoom) for date-line alone, between two builds, in
 * pairs: each pair runs one build right after the other at the same N (the order alternating from pair to pair),
 * so that the machine's load, which drifts over minutes on a shared machine, weighs on both sides of a pair
 * alike. Reports, per N, each side's medians and, per pair, the ratio B/A with how many pairs B was slower in.
 *
 *   node bench/ab.mjs --a /work/wt-ab-before --b . [--pairs 12] [--sizes 10000,100000] [--idle-wait 30] [--cpu]
 *                     [--out bench/results/ab/paired.json] [--from json]
 *
 * With --cpu, each run is traced (Chromium's `toplevel` tasks) and reports the renderer main thread's CPU time
 * (the trace's thread time, `tdur`) from navigation to "rendered", and during the pan and zoom per frame: on a
 * machine that other work keeps busy, wall-clock times grow with the load, but the CPU time a build spends does
 * not (much), so this tells a change from the machine's noise where the wall clock cannot.
 *
 * --a and --b are checkouts (worktrees) with a build (`npm run build`); each is served from its own root with this
 * checkout's harness pages (bench/pages/ must be the same in both, as it is between 691bdb9 and 4e7059d).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gitCommit, waitForIdle } from './lib/machine.mjs';
import { VIEWPORT, closeBrowser, interact, launchChromium, measureRun } from './lib/measure.mjs';
import { startServer } from './lib/server.mjs';
import { median, quantile, runMetrics } from './lib/summarize.mjs';

const { values: options } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: '.' },
    pairs: { type: 'string', default: '12' },
    sizes: { type: 'string', default: '10000,100000' },
    'idle-wait': { type: 'string', default: '30' },
    timeout: { type: 'string', default: '120000' },
    cpu: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/ab/paired.json' },
    from: { type: 'string' },
    chromium: { type: 'string', default: process.env.CHROME_PATH || '/usr/bin/chromium' },
  },
});

/** One number per run: the default mode's figures, and the share of pan-and-zoom frames over 20 ms. */
function figures(run) {
  const metrics = runMetrics(run);
  const deltas = run.interaction?.deltas ?? [];
  return {
    rendered: metrics.rendered,
    loadLongTaskMax: metrics.loadLongTaskMax,
    frameP95: metrics.frameP95,
    slowFrames: deltas.length ? deltas.filter((delta) => delta > 20).length / deltas.length : null,
    longTasks: metrics.longTasks,
    heapMB: metrics.heapMB,
    codeKB: metrics.codeKB,
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A traced run (--cpu): the default mode's page, load and pan and zoom, with the renderer main thread's CPU time
 * summed over its top-level tasks: from navigation to "rendered", and over the pan and zoom.
 */
async function cpuRun({ chromium, origin, n, timeout }) {
  const browser = await launchChromium(chromium, VIEWPORT, timeout + 30_000);
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    const cdp = await page.createCDPSession();
    await page.tracing.start({ categories: ['toplevel', 'blink.user_timing'] });
    await page.goto(`${origin}/bench/pages/date-line.html?n=${n}`, { waitUntil: 'domcontentloaded', timeout });
    const timing = await page.evaluate(() => window.bench.done);
    await sleep(1000);
    await page.evaluate(() => performance.mark('ab-interaction-start'));
    const interaction = await interact(page, cdp, timing.info);
    await page.evaluate(() => performance.mark('ab-interaction-end'));
    const { traceEvents } = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
    const navigation = traceEvents.find(
      (event) =>
        event.name === 'navigationStart' && event.args?.data?.documentLoaderURL?.includes('/bench/pages/date-line'),
    );
    const mark = (name) => traceEvents.find((event) => event.name === name)?.ts;
    const tasks = traceEvents
      .filter(
        (event) =>
          event.ph === 'X' &&
          event.pid === navigation.pid &&
          event.tid === navigation.tid &&
          /(^|::)RunTask$/.test(event.name) &&
          typeof event.tdur === 'number',
      )
      .sort((a, b) => a.ts - b.ts);
    // CPU time (ms) of the main thread's top-level tasks that start in [from, to) µs; a task inside another is not
    // counted twice.
    const cpu = (from, to) => {
      let total = 0;
      let end = -Infinity;
      for (const task of tasks) {
        if (task.ts < from || task.ts >= to || task.ts < end) continue;
        total += task.tdur;
        end = task.ts + task.dur;
      }
      return total / 1000;
    };
    const rendered = navigation.ts + timing.rendered * 1000;
    const frames = interaction.deltas?.length ?? 0;
    return {
      status: interaction.error ? 'partial' : 'ok',
      message: interaction.error ?? undefined,
      figures: {
        rendered: timing.rendered,
        cpuToRendered: cpu(navigation.ts, rendered),
        cpuPerFrame: frames ? cpu(mark('ab-interaction-start'), mark('ab-interaction-end')) / frames : null,
        frameP95: frames ? quantile(interaction.deltas, 0.95) : null,
        slowFrames: frames ? interaction.deltas.filter((delta) => delta > 20).length / frames : null,
      },
    };
  } catch (error) {
    return { status: 'error', message: error.message.split('\n')[0] };
  } finally {
    await closeBrowser(browser);
  }
}

function report({ meta, runs }) {
  const lines = [
    `A: ${meta.a.commit} (${meta.a.root}), B: ${meta.b.commit} (${meta.b.root}); ${meta.pairs} pairs per N, ` +
      `${meta.chromium}; load average before runs median ${meta.load.median}, max ${meta.load.max}; ` +
      `${meta.load.busy} of ${runs.length} runs started with the CPU over 25 % busy.`,
    '',
    '| N | measure | A median (min–max) | B median (min–max) | B/A per pair: median (quartiles) | pairs B slower |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  const digits = meta.cpu
    ? { rendered: 0, cpuToRendered: 0, cpuPerFrame: 2, frameP95: 1, slowFrames: 2 }
    : { rendered: 0, loadLongTaskMax: 0, frameP95: 1, slowFrames: 2, longTasks: 0, heapMB: 1, codeKB: 1 };
  for (const n of meta.sizes) {
    const here = runs.filter((run) => run.n === n && run.figures);
    for (const key of Object.keys(digits)) {
      const side = (name) => here.filter((run) => run.side === name).map((run) => run.figures[key]);
      const fmt = (value) => value.toFixed(digits[key]);
      const span = (values) =>
        values.length ? `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})` : '–';
      const ratios = [];
      let slower = 0;
      let pairs = 0;
      for (let pair = 1; pair <= meta.pairs; pair++) {
        const a = here.find((run) => run.pair === pair && run.side === 'a')?.figures[key];
        const b = here.find((run) => run.pair === pair && run.side === 'b')?.figures[key];
        if (typeof a !== 'number' || typeof b !== 'number') continue;
        pairs++;
        if (b > a) slower++;
        if (a > 0) ratios.push(b / a);
      }
      const ratio = ratios.length
        ? `×${median(ratios).toFixed(2)} (×${quantile(ratios, 0.25).toFixed(2)}–×${quantile(ratios, 0.75).toFixed(2)})`
        : '–';
      lines.push(
        `| ${n.toLocaleString('en-US')} | ${key} | ${span(side('a'))} | ${span(side('b'))} | ${ratio} | ${slower} of ${pairs} |`,
      );
    }
  }
  return lines.join('\n');
}

if (options.from) {
  console.log(report(JSON.parse(await readFile(options.from, 'utf8'))));
  process.exit(0);
}
if (!options.a) throw new Error('--a: the checkout to compare with (a worktree with a build)');
const roots = { a: resolve(options.a), b: resolve(options.b) };
const pairs = Number(options.pairs);
const sizes = options.sizes.split(',').map(Number);
const idleWait = Number(options['idle-wait']) * 1000;
const timeout = Number(options.timeout);
const progress = (text) => process.stderr.write(text + '\n');

const servers = { a: await startServer(roots.a), b: await startServer(roots.b) };
const runs = [];
try {
  for (const n of sizes) for (const side of ['a', 'b']) servers[side].warm('date-line', n);
  // One unrecorded run of each first: the first Chromium start reads its binary from disk.
  for (const side of ['a', 'b'])
    await measureRun({
      chromium: options.chromium,
      origin: servers[side].origin,
      library: 'date-line',
      n: 4,
      timeout,
      settle: 0,
      log: servers[side].log,
    });
  for (let pair = 1; pair <= pairs; pair++) {
    for (const n of sizes) {
      for (const side of pair % 2 ? ['a', 'b'] : ['b', 'a']) {
        const machine = await waitForIdle(idleWait);
        const origin = servers[side].origin;
        const result = options.cpu
          ? await cpuRun({ chromium: options.chromium, origin, n, timeout })
          : await measureRun({
              chromium: options.chromium,
              origin,
              library: 'date-line',
              n,
              timeout,
              settle: 1000,
              log: servers[side].log,
            });
        const ok = result.status === 'ok' || result.status === 'partial';
        const run = { pair, n, side, status: result.status, message: result.message, machine };
        if (ok) run.figures = options.cpu ? result.figures : figures(result);
        runs.push(run);
        progress(
          `pair ${pair} N=${n} ${side}: ` +
            (ok
              ? Object.entries(run.figures)
                  .map(([key, value]) => `${key} ${value?.toFixed(2)}`)
                  .join(', ') + ` (CPU busy ${machine.cpuBusyBefore}, load ${machine.loadAverage})`
              : `${result.status}: ${result.message}`),
        );
      }
    }
  }
} finally {
  await servers.a.close();
  await servers.b.close();
}
const loads = runs.map((run) => run.machine.loadAverage);
const meta = {
  date: new Date().toISOString(),
  a: { root: roots.a, commit: gitCommit(roots.a) },
  b: { root: roots.b, commit: gitCommit(roots.b) },
  pairs,
  sizes,
  cpu: options.cpu,
  chromium: execFileSync(options.chromium, ['--version'], { encoding: 'utf8' }).trim(),
  load: {
    median: Math.round(median(loads) * 100) / 100,
    max: Math.max(...loads),
    busy: runs.filter((run) => run.machine.cpuBusyBefore > 0.25).length,
  },
};
await mkdir(dirname(resolve(options.out)), { recursive: true });
await writeFile(options.out, JSON.stringify({ meta, runs }, null, 2) + '\n');
console.log(report({ meta, runs }));
