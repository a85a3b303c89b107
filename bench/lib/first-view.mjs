/**
 * `node bench/run.mjs --mode first-view` (issue 14): how many event headlines a reader can read in the first
 * view, for date-line, vis-timeline and TimelineJS, each with default options on the same real timelines, in
 * pages 700 and 1280 px wide. The rule of "readable" is in bench/pages/first-view/readable.js and the README.
 *
 * One fresh Chromium per page; the first view is deterministic, so one run each is the default (`--runs` more
 * to check that it is). Prints a Markdown table, writes bench/results/first-view/latest.json and a PNG of each
 * page (the whole page) into bench/results/first-view/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium } from './measure.mjs';
import { modeOptions } from './mode.mjs';
import { startServer } from './server.mjs';
import { loadTimelines } from './timelines.mjs';
import { machineInfo } from './machine.mjs';

const root = resolve(import.meta.dirname, '../..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const LIBRARIES = ['date-line', 'vis-timeline', 'timelinejs'];
const LABELS = { 'date-line': 'date-line', 'vis-timeline': 'vis-timeline 8.5.4', timelinejs: 'TimelineJS 3.9.11' };

/** Where each library's headlines are, and what an event is (so a headline shown twice counts once). */
const SPECS = {
  'date-line': {
    component: 'date-line',
    shadow: true,
    headlines: '.item .headline, .event .headline',
    item: '.item, .event',
    keyAttribute: 'data-id',
  },
  'vis-timeline': {
    component: '#timeline',
    shadow: false,
    headlines: '.vis-item:not(.vis-background) .vis-item-content',
    item: '.vis-item',
  },
  // Inside the iframe. A marker's id is its slide's id + "-marker"; the title slide is no event.
  timelinejs: {
    component: '#timeline-embed',
    shadow: false,
    headlines: '.tl-timemarker .tl-headline, .tl-slide:not(.tl-slide-titleslide) .tl-headline',
    item: '.tl-timemarker, .tl-slide',
    keyStrip: '-marker$',
  },
};

const OPTIONS = {
  mode: { type: 'string' },
  widths: { type: 'string', default: '700,1280' },
  height: { type: 'string', default: '900' },
  only: { type: 'string' },
  timelines: { type: 'string' },
  runs: { type: 'string', default: '1' },
  settle: { type: 'string', default: '1500' },
  timeout: { type: 'string', default: '30000' },
  out: { type: 'string', default: resolve(root, 'bench/results/first-view/latest.json') },
  from: { type: 'string' },
  chromium: { type: 'string', default: process.env.CHROME_PATH || '/usr/bin/chromium' },
  help: { type: 'boolean', short: 'h' },
};

export const USAGE =
  'usage: node bench/run.mjs --mode first-view [--widths 700,1280] [--height 900] [--only date-line,vis-timeline,timelinejs] ' +
  '[--timelines article,women_in_computing] [--runs 1] [--settle 1500] [--timeout 30000] [--out bench/results/first-view/latest.json] [--from json]';

async function measurePage({ chromium, origin, library, timeline, width, height, settle, timeout, screenshot }) {
  const browser = await launchChromium(chromium, { width, height, deviceScaleFactor: 1 }, timeout + 30_000);
  const result = { library, timeline: timeline.id, width, events: timeline.events, pageErrors: [], external: [] };
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    page.on('pageerror', (error) => result.pageErrors.push(String(error.message ?? error).split('\n')[0]));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !/^(data|blob|about):/.test(url)) result.external.push(url);
    });
    const deadline = Date.now() + timeout;
    await page.goto(`${origin}/bench/pages/first-view/${library}.html?t=${timeline.id}`, {
      waitUntil: 'domcontentloaded',
      timeout,
    });
    const ready = await Promise.race([
      page.evaluate(() => window.firstView),
      sleep(timeout).then(() => {
        throw new Error('no ready signal');
      }),
    ]);
    let target = page;
    if (ready.frame) {
      // TimelineJS's embed page keeps its timeline in window.timeline; loaded = slider and navigator built.
      const handle = await page.waitForSelector('iframe#timeline', { timeout });
      target = await handle.contentFrame();
      while (Date.now() < deadline) {
        const loaded = await target
          .evaluate(
            () => !!(window.timeline && window.timeline._loaded?.storyslider && window.timeline._loaded?.timenav),
          )
          .catch(() => false);
        if (loaded) break;
        await sleep(100);
      }
      if (Date.now() >= deadline) throw new Error('TimelineJS did not load');
    }
    await sleep(settle); // TimelineJS animates to its first slide; vis redraws once more; date-line loads its axis
    await target.addScriptTag({ path: resolve(root, 'bench/pages/first-view/readable.js') });
    const counted = await target.evaluate((spec) => window.readableHeadlines(spec), SPECS[library]);
    Object.assign(result, counted);
    if (library === 'date-line') {
      // Events a screen reader meets: the event elements in the shadow DOM, and list items in the a11y tree.
      result.layout = await page.evaluate(() => document.querySelector('date-line').effectiveLayout ?? null);
      result.eventElements = await page.evaluate(
        () => document.querySelector('date-line').shadowRoot.querySelectorAll('.item, .event').length,
      );
      // The full tree (list items are not "interesting" to Puppeteer): the items of the list of events (the
      // other list is the group legend), as a screen reader in browse mode meets them.
      const tree = await page.accessibility.snapshot({ interestingOnly: false });
      let listItems = null;
      (function walk(node, inEvents) {
        if (!node) return;
        const events = inEvents || (node.role === 'list' && /event/i.test(node.name ?? ''));
        if (events && node.role === 'listitem') listItems = (listItems ?? 0) + 1;
        else if (events && listItems === null) listItems = 0;
        for (const child of node.children ?? []) walk(child, events);
      })(tree, false);
      result.axListItems = listItems;
    }
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    result.screenshot = screenshot ? screenshot.slice(root.length + 1) : null;
    result.status = 'ok';
  } catch (error) {
    result.status = 'error';
    result.message = error.message.split('\n')[0];
  } finally {
    const child = browser.process();
    const closed = browser.close().catch(() => {});
    if ((await Promise.race([closed.then(() => true), sleep(5000).then(() => false)])) === false)
      child?.kill('SIGKILL');
  }
  if (result.items) {
    result.readable = result.items.filter((item) => item.readable).length;
    result.readableInFirstScreen = result.items.filter((item) => item.inFirstScreen).length;
    result.shown = result.items.length;
  }
  return result;
}

const percent = (part, whole) => (whole ? `${Math.round((100 * part) / whole)} %` : '–');

function cell(result) {
  if (!result) return '–';
  if (result.status !== 'ok') return `error: ${result.message}`;
  return `${result.readable} / ${result.events} (${percent(result.readable, result.events)})`;
}

/** The Markdown report: one row per timeline and width. */
export function markdown(meta, results) {
  const find = (timeline, width, library) =>
    results.find((r) => r.timeline === timeline && r.width === width && r.library === library && r.run === 1);
  const libraries = meta.libraries;
  const lines = [
    `## First view — ${meta.date.slice(0, 10)}${meta.commit ? `, date-line at ${meta.commit}` : ''}`,
    '',
    `${meta.chromium}, headless, GPU off; pages ${meta.widths.join(' and ')} px wide, ${meta.height} px high; ` +
      `default options; counted ${meta.settleMs} ms after each library's ready signal. ` +
      `Load average ${meta.machine.loadAverage.join(', ')} (1, 5, 15 min) at the start.`,
    '',
    `Headlines readable in the first view, readable / events in the file (%):`,
    '',
    `| timeline | width | ${libraries.map((library) => LABELS[library]).join(' | ')} |` +
      (libraries.includes('date-line') ? ' date-line: events in the a11y tree |' : ''),
    `| --- | ---: | ${libraries.map(() => '---:').join(' | ')} |` + (libraries.includes('date-line') ? ' ---: |' : ''),
  ];
  for (const timeline of meta.timelines) {
    for (const width of meta.widths) {
      const row = libraries.map((library) => cell(find(timeline.id, width, library)));
      const dl = find(timeline.id, width, 'date-line');
      const ax =
        dl && dl.status === 'ok'
          ? `${dl.axListItems} / ${dl.events} (${dl.eventElements} \`${dl.layout === 'list' ? '.event' : '.item'}\`, ${dl.layout})`
          : '–';
      lines.push(
        `| ${timeline.label} | ${width} | ${row.join(' | ')} |` + (libraries.includes('date-line') ? ` ${ax} |` : ''),
      );
    }
  }
  lines.push('', 'Component heights (px) and headlines readable without scrolling the page:', '');
  lines.push(`| timeline | width | ${libraries.map((library) => LABELS[library]).join(' | ')} |`);
  lines.push(`| --- | ---: | ${libraries.map(() => '---:').join(' | ')} |`);
  for (const timeline of meta.timelines) {
    for (const width of meta.widths) {
      const row = libraries.map((library) => {
        const r = find(timeline.id, width, library);
        return r && r.status === 'ok' ? `${r.box.height} px, ${r.readableInFirstScreen} on screen` : '–';
      });
      lines.push(`| ${timeline.id} | ${width} | ${row.join(' | ')} |`);
    }
  }
  const unstable = meta.unstable ?? [];
  if (unstable.length) lines.push('', `Runs disagreed for: ${unstable.join('; ')}.`);
  return lines.join('\n') + '\n';
}

export async function run(argv, { chromiumVersion, commit }) {
  const options = await modeOptions(argv, { options: OPTIONS, usage: USAGE, markdown });
  if (!options) return 0;
  const widths = options.widths.split(',').map(Number);
  const height = Number(options.height);
  const runs = Number(options.runs);
  const settle = Number(options.settle);
  const timeout = Number(options.timeout);
  const libraries = options.only ? options.only.split(',').map((name) => name.trim()) : LIBRARIES;
  for (const library of libraries) if (!SPECS[library]) throw new Error(`--only: unknown ${library}`);
  const { timelines: all } = await loadTimelines();
  const wanted = options.timelines?.split(',').map((name) => name.trim());
  const timelines = all.filter((timeline) => !wanted || wanted.includes(timeline.id));
  const progress = (text) => process.stderr.write(text + '\n');
  const shots = resolve(root, 'bench/results/first-view');
  await mkdir(shots, { recursive: true });

  const server = await startServer(root);
  for (const timeline of timelines) {
    for (const library of LIBRARIES) {
      const data = timeline[library];
      server.route(`/bench-data/real/${timeline.id}.${library}.json`, JSON.stringify(data), 'application/json');
    }
  }
  const machine = machineInfo();
  const started = Date.now();
  const results = [];
  try {
    for (let run = 1; run <= runs; run++) {
      for (const timeline of timelines) {
        for (const width of widths) {
          for (const library of libraries) {
            const screenshot = run === 1 ? resolve(shots, `${timeline.id}-${width}-${library}.png`) : null;
            const result = await measurePage({
              chromium: options.chromium,
              origin: server.origin,
              library,
              timeline,
              width,
              height,
              settle,
              timeout,
              screenshot,
            });
            result.run = run;
            result.loadAverage = Math.round(loadavg()[0] * 100) / 100;
            results.push(result);
            progress(
              `  ${timeline.id} ${width} ${library.padEnd(12)} ` +
                (result.status === 'ok'
                  ? `${result.readable} / ${result.events} readable (${result.shown} drawn, ${result.headlines} headline elements)` +
                    (library === 'date-line'
                      ? `; a11y tree ${result.axListItems}, ${result.eventElements} elements`
                      : '')
                  : `error: ${result.message}`),
            );
          }
        }
      }
    }
  } finally {
    await server.close();
  }
  const unstable = [];
  for (const first of results.filter((r) => r.run === 1)) {
    const others = results.filter(
      (r) => r.run > 1 && r.timeline === first.timeline && r.width === first.width && r.library === first.library,
    );
    if (others.some((other) => other.readable !== first.readable))
      unstable.push(
        `${first.timeline} ${first.width} ${first.library}: ${[first, ...others].map((r) => r.readable).join(', ')}`,
      );
  }
  const meta = {
    mode: 'first-view',
    date: new Date().toISOString(),
    commit,
    chromium: chromiumVersion,
    widths,
    height,
    runs,
    settleMs: settle,
    libraries,
    timelines: timelines.map(({ id, label, file, events }) => ({ id, label, file, events })),
    machine: { ...machine, loadAverageAfter: loadavg().map((value) => Math.round(value * 100) / 100) },
    durationSeconds: Math.round((Date.now() - started) / 1000),
    unstable,
  };
  await mkdir(resolve(options.out, '..'), { recursive: true });
  await writeFile(options.out, JSON.stringify({ meta, results }, null, 2) + '\n');
  console.log(markdown(meta, results));
  console.log(`JSON: ${options.out}; screenshots: bench/results/first-view/<timeline>-<width>-<library>.png`);
  return results.some((r) => r.library === 'date-line' && r.status !== 'ok') ? 1 : 0;
}
