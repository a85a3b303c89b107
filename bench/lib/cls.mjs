/**
 * `node bench/run.mjs --mode cls` (issue 15): does the article move while the timeline loads, and when are
 * its events first painted? One article page (bench/pages/cls/article.html) with each embed of the article
 * timeline (20 events), loaded cold from the harness's server with every script held back 150 ms and the
 * timeline's data 300 ms, at 1280×900 and 375×800:
 *
 *   floor               the same <ol> the date-line html embed holds, no element, no script
 *   date-line-html      the `date-line html` embed (bench/lib/embed-html.mjs) and the script-tag file
 *   date-line-src       the README's two lines: the script-tag file and <date-line src="…json">
 *   date-line-src-sized the same with the height reserved by the page, as the README advises for that embed
 *   vis-timeline        vis-timeline 8.5.4's standalone script, a container, its items fetched, no options
 *   timelinejs-iframe   TimelineJS 3.9.11's own embed page in an <iframe> 650 px high (the embed generator's)
 *
 * and the date-line html page once more with JavaScript disabled, to count the events a reader gets without it.
 * Measures (bench/pages/cls/observer.js): CLS, the page's FCP, and when an event headline is first painted.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { embedHtml, floorHtml } from './embed-html.mjs';
import { machineInfo, machineSummary, waitForIdle } from './machine.mjs';
import { CHROMIUM_ARGS, launchChromium } from './measure.mjs';
import { modeOptions } from './mode.mjs';
import { startServer } from './server.mjs';
import { ARTICLE_FILE, loadTimelines } from './timelines.mjs';

const root = resolve(import.meta.dirname, '../..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const SCRIPT_DELAY_MS = 150;
export const DATA_DELAY_MS = 300;
const DATA = '/bench-data/cls/article';
const BUNDLE = '/dist/date-line.bundled.js';
const TIMELINEJS_EMBED = '/bench/node_modules/@knight-lab/timelinejs/dist/embed/index.html';

export const VARIANTS = [
  { id: 'floor', label: 'plain `<ol>` (floor), no script', ready: 'load' },
  { id: 'date-line-html', label: 'date-line, `date-line html` embed', ready: 'event' },
  { id: 'date-line-src', label: 'date-line, two-line `src` embed', ready: 'event' },
  { id: 'date-line-src-sized', label: 'date-line, two-line `src` embed, `min-height: 60rem`', ready: 'event' },
  { id: 'vis-timeline', label: 'vis-timeline 8.5.4, no options', ready: 'event' },
  { id: 'timelinejs-iframe', label: 'TimelineJS 3.9.11, iframe embed (650 px)', ready: 'iframe' },
];

const SIZES = {
  1280: { width: 1280, height: 900, deviceScaleFactor: 1 },
  375: { width: 375, height: 800, deviceScaleFactor: 1 },
};

const OPTIONS = {
  mode: { type: 'string' },
  runs: { type: 'string', default: '5' },
  widths: { type: 'string', default: '1280,375' },
  only: { type: 'string' },
  quiet: { type: 'string', default: '2000' },
  timeout: { type: 'string', default: '30000' },
  'idle-wait': { type: 'string', default: '10' },
  out: { type: 'string', default: resolve(root, 'bench/results/cls/latest.json') },
  from: { type: 'string' },
  chromium: { type: 'string', default: process.env.CHROME_PATH || '/usr/bin/chromium' },
  help: { type: 'boolean', short: 'h' },
};

export const USAGE =
  'usage: node bench/run.mjs --mode cls [--runs 5] [--widths 1280,375] [--only floor,date-line-html,date-line-src,date-line-src-sized,vis-timeline,timelinejs-iframe] ' +
  '[--quiet 2000] [--timeout 30000] [--idle-wait 10] [--out bench/results/cls/latest.json] [--from json]';

/** Each variant's page: the article with its embed where the timeline goes. */
async function buildPages(template, model, article) {
  const embed = await embedHtml(ARTICLE_FILE);
  // The real `date-line html` may print its own script tag, pointing at a CDN: point it at the build here.
  const html = /date-line\.bundled\.js/.test(embed.html)
    ? embed.html.replace(/src=(["'])[^"']*date-line\.bundled\.js\1/g, `src="${BUNDLE}"`)
    : `<script type="module" src="${BUNDLE}"></script>\n${embed.html}`;
  const embeds = {
    floor: floorHtml(model, article),
    'date-line-html': html,
    'date-line-src': `<script type="module" src="${BUNDLE}"></script>\n<date-line src="${DATA}.date-line.json"></date-line>`,
    // The README's advice for the bare embed: a block (an undefined element is inline, where min-height does
    // nothing) as tall as the timeline's wide layout, which pushes what follows below the fold at either width.
    'date-line-src-sized':
      `<script type="module" src="${BUNDLE}"></script>\n` +
      `<date-line src="${DATA}.date-line.json" style="display: block; min-height: 60rem"></date-line>`,
    'vis-timeline': [
      // Where the embed goes, as a CMS would paste it; vis's README puts the same script tag in <head>.
      '<script src="/bench/node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"></script>',
      '<div id="timeline"></div>',
      '<script>',
      `  fetch('${DATA}.vis-timeline.json')`,
      '    .then(function (response) { return response.json(); })',
      '    .then(function (items) {',
      "      new vis.Timeline(document.getElementById('timeline'), items, {",
      "        onInitialDrawComplete: function () { dispatchEvent(new Event('bench-ready')); },",
      '      });',
      '    });',
      '</script>',
    ].join('\n'),
    // The embed generator's code, with the source and the library served from here.
    'timelinejs-iframe':
      `<iframe src="${TIMELINEJS_EMBED}?source=${encodeURIComponent(`${DATA}.timelinejs.json`)}&font=Default&lang=en&initial_zoom=2&height=650" ` +
      `width="100%" height="650" webkitallowfullscreen mozallowfullscreen allowfullscreen frameborder="0"></iframe>`,
  };
  const pages = {};
  for (const [id, markup] of Object.entries(embeds)) pages[id] = template.replace('<!-- TIMELINE -->', markup);
  return { pages, embedSource: embed.source };
}

/** Events readable with JavaScript off: each <li> whose headline is readable and that has a <time datetime>. */
async function countWithoutScript(page, readableSource) {
  await page.evaluate(readableSource);
  return page.evaluate(() => {
    const result = window.readableHeadlines({
      component: 'date-line',
      shadow: false,
      headlines: 'ol > li h3',
      item: 'li',
    });
    // The events are the list's items; the sources under each are lists of their own.
    const items = [...document.querySelectorAll('date-line > ol > li')];
    const withTime = items.filter((item) => {
      const time = item.querySelector('time[datetime]');
      return time && time.getAttribute('datetime').trim() !== '';
    });
    const readableIds = new Set(result.items.filter((item) => item.readable).map((item) => item.key));
    return {
      events: items.length,
      readable: result.items.filter((item) => item.readable).length,
      readableWithTime: withTime.filter((item) => readableIds.has(item.id)).length,
      notReadable: result.items.filter((item) => !item.readable).map((item) => `${item.key}: ${item.why.join('; ')}`),
      box: result.box,
    };
  });
}

async function measureRun({
  chromium,
  origin,
  variant,
  width,
  quiet,
  timeout,
  javascript,
  screenshot,
  readableSource,
  observerSource,
}) {
  const viewport = SIZES[width];
  const browser = await launchChromium(chromium, viewport, timeout + 30_000);
  const result = { variant: variant.id, width, javascript, pageErrors: [], external: [] };
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    page.on('pageerror', (error) => result.pageErrors.push(String(error.message ?? error).split('\n')[0]));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !/^(data|blob|about):/.test(url)) result.external.push(url);
    });
    const url = `${origin}/bench/pages/cls/${variant.id}.html`;
    if (!javascript) {
      await page.setJavaScriptEnabled(false);
      await page.goto(url, { waitUntil: 'load', timeout });
      result.noScript = await countWithoutScript(page, readableSource);
      if (screenshot) await page.screenshot({ path: screenshot });
      result.status = 'ok';
      return result;
    }
    await page.evaluateOnNewDocument(observerSource);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
    const started = Date.now();
    const state = () => page.evaluate(() => ({ ...window.__cls, now: performance.now() }));
    let readyAt = null;
    let frame = null;
    while (Date.now() - started < timeout) {
      const now = await state();
      if (variant.ready === 'load' && now.load !== null) readyAt = now.load;
      if (variant.ready === 'event' && now.ready !== null) readyAt = now.ready;
      if (variant.ready === 'iframe') {
        frame ??= await (await page.$('iframe'))?.contentFrame();
        const loaded = await frame
          ?.evaluate(
            () => !!(window.timeline && window.timeline._loaded?.storyslider && window.timeline._loaded?.timenav),
          )
          .catch(() => false);
        if (loaded) readyAt = now.now;
      }
      if (readyAt !== null) break;
      await sleep(50);
    }
    if (readyAt === null) throw new Error('no ready signal');
    result.ready = readyAt;
    // Quiet: no layout shift for `quiet` ms after the ready signal (and after the last shift), at most 15 s.
    for (;;) {
      const now = await state();
      const frameShifts = frame ? await frame.evaluate(() => window.__cls?.shifts ?? []).catch(() => []) : [];
      const last = Math.max(
        readyAt,
        ...now.shifts.map((shift) => shift.startTime),
        ...frameShifts.map((s) => s.startTime),
      );
      if (now.now - last >= quiet || now.now - readyAt > 15_000) break;
      await sleep(100);
    }
    const final = await state();
    result.shifts = final.shifts;
    result.cls = final.shifts.reduce((sum, shift) => sum + shift.value, 0);
    result.fcp = final.fcp;
    result.firstHeadline = final.firstHeadline;
    let elementTimes = final.elementTimes.filter((entry) => entry.identifier === 'event-headline');
    if (frame) {
      const inner = await frame.evaluate(() => window.__cls).catch(() => null);
      if (inner) {
        const offset = inner.timeOrigin - final.timeOrigin;
        elementTimes = elementTimes.concat(
          inner.elementTimes
            .filter((entry) => entry.identifier === 'event-headline')
            .map((entry) => ({ ...entry, renderTime: entry.renderTime + offset, inFrame: true })),
        );
        result.frameCls = inner.shifts.reduce((sum, shift) => sum + shift.value, 0);
        result.frameElementTimes = inner.elementTimes;
        result.frameShifts = inner.shifts;
      }
    }
    result.elementTimes = final.elementTimes;
    result.elementTiming = elementTimes.length ? Math.min(...elementTimes.map((entry) => entry.renderTime)) : null;
    result.eventPaint = final.firstHeadline?.painted ?? null;
    result.timelineTop = await page.evaluate(() => {
      const element = document.querySelector('date-line, #timeline, iframe, section.timeline');
      return element ? Math.round(element.getBoundingClientRect().top + scrollY) : null;
    });
    if (screenshot) await page.screenshot({ path: screenshot });
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
  return result;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function stat(values, digits) {
  const present = values.filter((value) => typeof value === 'number');
  if (!present.length) return null;
  return { median: median(present), min: Math.min(...present), max: Math.max(...present), n: present.length, digits };
}

const fmt = (value, digits) => (digits === 0 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits));
/** median (min–max), and "in n of N runs" when the value was missing in some (Element Timing off screen). */
function cell(s, runs) {
  if (!s) return '–';
  const middle = fmt(s.median, s.digits);
  const low = fmt(s.min, s.digits);
  const high = fmt(s.max, s.digits);
  const some = runs && s.n < runs ? ` in ${s.n} of ${runs} runs` : '';
  return (low === high ? middle : `${middle} (${low}–${high})`) + some;
}

/** Each measure summarised per variant and width, with the decimals it is reported to. */
const SUMMARY_DIGITS = { cls: 3, frameCls: 3, fcp: 0, eventPaint: 0, elementTiming: 0, timelineTop: 0 };

export function summarize(results, variants, widths) {
  const rows = [];
  for (const width of widths) {
    for (const variant of variants) {
      const runs = results.filter((r) => r.variant === variant.id && r.width === width && r.javascript);
      const ok = runs.filter((r) => r.status === 'ok');
      rows.push({
        variant: variant.id,
        label: variant.label,
        width,
        runs: runs.length,
        errors: runs.filter((r) => r.status !== 'ok').map((r) => r.message),
        ...Object.fromEntries(
          Object.entries(SUMMARY_DIGITS).map(([key, digits]) => [
            key,
            stat(
              ok.map((r) => r[key]),
              digits,
            ),
          ]),
        ),
        loadAverage: stat(
          ok.map((r) => r.machine?.loadAverage),
          2,
        ),
      });
    }
  }
  return rows;
}

export function markdown(meta, results) {
  const rows = summarize(results, meta.variants, meta.widths);
  const lines = [
    `## Layout shift and first paint — ${meta.date.slice(0, 10)}${meta.commit ? `, date-line at ${meta.commit}` : ''}`,
    '',
    `${meta.chromium}, headless, GPU off, ${meta.machine.cpus} cores; the article page (bench/pages/cls/article.html) ` +
      `with the article timeline (20 events), cold, scripts held back ${meta.scriptDelayMs} ms and the data ` +
      `${meta.dataDelayMs} ms by the harness's server; ${meta.runs} cold runs each (fresh browser per run), ` +
      `median (min–max); CLS observed until ${meta.quietMs / 1000} s without a shift after the ready signal. ` +
      `date-line html embed from ${meta.embedSource}. Load average before runs: median ${meta.machineSummary.loadAverageMedian}, ` +
      `max ${meta.machineSummary.loadAverageMax}; ${meta.machineSummary.runsStartedBusy} of ${meta.machineSummary.runsMeasured} runs started with the CPU over 25 % busy.`,
    '',
    '| width | embed | CLS | page FCP ms | events painted ms (rAF) | events painted ms (Element Timing) | timeline top px |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const cls = row.cls
      ? cell(row.cls) + (row.frameCls && row.frameCls.max > 0 ? ` (inside the iframe: ${cell(row.frameCls)})` : '')
      : '–';
    const errors = row.errors.length ? ` (${row.errors.length} failed: ${row.errors[0]})` : '';
    lines.push(
      `| ${row.width} | ${row.label}${errors} | ${cls} | ${cell(row.fcp)} | ${cell(row.eventPaint, row.runs)} | ${cell(row.elementTiming, row.runs)} | ${cell(row.timelineTop)} |`,
    );
  }
  lines.push('');
  for (const width of meta.widths) {
    const floor = rows.find((row) => row.width === width && row.variant === 'floor');
    const embed = rows.find((row) => row.width === width && row.variant === 'date-line-html');
    if (!floor || !embed) continue;
    const ratio = (a, b) => (a && b ? `×${(a.median / b.median).toFixed(2)}` : '–');
    // Each round runs the two one after the other, so the ratio within a round is less exposed to the machine's
    // load changing over the whole run than the ratio of the medians.
    const paired = (key) => {
      const ratios = [];
      for (let round = 1; round <= meta.runs; round++) {
        const pick = (variant) =>
          results.find(
            (r) => r.javascript && r.variant === variant && r.width === width && r.run === round && r.status === 'ok',
          );
        const a = pick('date-line-html')?.[key];
        const b = pick('floor')?.[key];
        if (typeof a === 'number' && typeof b === 'number' && b > 0) ratios.push(a / b);
      }
      if (!ratios.length) return '–';
      const sorted = [...ratios].sort((x, y) => x - y);
      return `×${median(ratios).toFixed(2)} (×${sorted[0].toFixed(2)}–×${sorted.at(-1).toFixed(2)}, ${ratios.length} rounds)`;
    };
    lines.push(
      `At ${width} px, the \`date-line html\` embed's events are painted at ${ratio(embed.eventPaint, floor.eventPaint)} the floor's ` +
        `by the rAF check (medians; within each round ${paired('eventPaint')}), ` +
        `${ratio(embed.elementTiming, floor.elementTiming)} by Element Timing (within each round ${paired('elementTiming')}).`,
    );
  }
  const noScript = results.filter((r) => !r.javascript && r.status === 'ok');
  for (const width of meta.widths) {
    const r = noScript.find((run) => run.width === width);
    if (!r) continue;
    lines.push(
      `With JavaScript disabled, at ${width} px, the \`date-line html\` page shows ${r.noScript.readable} of ` +
        `${r.noScript.events} events readable, ${r.noScript.readableWithTime} of them with a \`<time datetime>\`.`,
    );
  }
  return lines.join('\n') + '\n';
}

export async function run(argv, { chromiumVersion, commit }) {
  const options = await modeOptions(argv, { options: OPTIONS, usage: USAGE, markdown });
  if (!options) return 0;
  const runs = Number(options.runs);
  const widths = options.widths.split(',').map(Number);
  for (const width of widths)
    if (!SIZES[width]) throw new Error(`--widths: ${width} is not one of ${Object.keys(SIZES)}`);
  const only = options.only?.split(',').map((name) => name.trim());
  const variants = VARIANTS.filter((variant) => !only || only.includes(variant.id));
  if (only && variants.length !== only.length) throw new Error(`--only: have ${VARIANTS.map((v) => v.id).join(', ')}`);
  const quiet = Number(options.quiet);
  const timeout = Number(options.timeout);
  const progress = (text) => process.stderr.write(text + '\n');

  const { model, timelines } = await loadTimelines();
  const article = timelines.find((timeline) => timeline.id === 'article');
  const template = await readFile(resolve(root, 'bench/pages/cls/article.html'), 'utf8');
  const { pages, embedSource } = await buildPages(template, model, article['date-line']);
  const observerSource = await readFile(resolve(root, 'bench/pages/cls/observer.js'), 'utf8');
  const readableSource = await readFile(resolve(root, 'bench/pages/first-view/readable.js'), 'utf8');
  progress(`date-line html embed from ${embedSource}`);

  const server = await startServer(root, {
    delay: (path) => (path.startsWith('/bench-data/cls/') ? DATA_DELAY_MS : /\.m?js$/.test(path) ? SCRIPT_DELAY_MS : 0),
  });
  for (const [id, html] of Object.entries(pages))
    server.route(`/bench/pages/cls/${id}.html`, html, 'text/html; charset=utf-8');
  for (const format of ['date-line', 'vis-timeline', 'timelinejs']) {
    server.route(`${DATA}.${format}.json`, JSON.stringify(article[format]), 'application/json');
  }
  const shots = resolve(root, 'bench/results/cls');
  await mkdir(shots, { recursive: true });
  const idleWait = Number(options['idle-wait']) * 1000;
  const started = Date.now();
  const results = [];
  try {
    // One unrecorded load first, as the default mode does: the first Chromium start reads its binary from disk.
    await measureRun({
      chromium: options.chromium,
      origin: server.origin,
      variant: VARIANTS[0],
      width: widths[0],
      quiet: 0,
      timeout,
      javascript: true,
      observerSource,
      readableSource,
    });
    for (let round = 0; round < runs; round++) {
      for (const width of widths) {
        // Rotate the order each round so that no variant always runs first.
        const order = variants.map((_, index) => variants[(index + round) % variants.length]);
        const jobs = order.map((variant) => ({ variant, javascript: true }));
        if (round === 0 && variants.some((variant) => variant.id === 'date-line-html'))
          jobs.push({ variant: VARIANTS.find((variant) => variant.id === 'date-line-html'), javascript: false });
        for (const { variant, javascript } of jobs) {
          const machine = await waitForIdle(idleWait);
          const screenshot =
            round === 0 ? resolve(shots, `${variant.id}-${width}${javascript ? '' : '-no-js'}.png`) : null;
          const result = await measureRun({
            chromium: options.chromium,
            origin: server.origin,
            variant,
            width,
            quiet,
            timeout,
            javascript,
            screenshot,
            observerSource,
            readableSource,
          });
          result.run = round + 1;
          result.machine = machine;
          results.push(result);
          progress(
            `  run ${round + 1}/${runs} ${String(width).padStart(4)} ${variant.id.padEnd(18)} ` +
              (result.status !== 'ok'
                ? `error: ${result.message}`
                : javascript
                  ? `CLS ${result.cls.toFixed(3)}, FCP ${result.fcp?.toFixed(0)} ms, events painted ${result.eventPaint?.toFixed(0)} ms ` +
                    `(Element Timing ${result.elementTiming?.toFixed(0) ?? '–'} ms)`
                  : `no JavaScript: ${result.noScript.readable} / ${result.noScript.events} readable, ${result.noScript.readableWithTime} with <time datetime>`),
          );
        }
      }
    }
  } finally {
    await server.close();
  }
  const meta = {
    mode: 'cls',
    date: new Date().toISOString(),
    commit,
    chromium: chromiumVersion,
    chromiumArgs: CHROMIUM_ARGS,
    node: process.version,
    runs,
    widths,
    sizes: widths.map((width) => SIZES[width]),
    variants,
    scriptDelayMs: SCRIPT_DELAY_MS,
    dataDelayMs: DATA_DELAY_MS,
    quietMs: quiet,
    embedSource,
    machine: { ...machineInfo(), loadAverageAfter: loadavg().map((value) => Math.round(value * 100) / 100) },
    machineSummary: machineSummary(results),
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  await mkdir(resolve(options.out, '..'), { recursive: true });
  await writeFile(
    options.out,
    JSON.stringify({ meta, summary: summarize(results, variants, widths), results }, null, 2) + '\n',
  );
  console.log(markdown(meta, results));
  console.log(`JSON: ${options.out}; screenshots (first round): bench/results/cls/<variant>-<width>.png`);
  const broken = results.filter(
    (r) => r.status !== 'ok' && (r.variant.startsWith('date-line') || r.variant === 'floor'),
  );
  return broken.length ? 1 : 0;
}
