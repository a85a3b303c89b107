/**
 * `node bench/run.mjs --mode story` (issue 21): date-line's story view (`<date-line layout="story">`) beside
 * TimelineJS 3.9.11, the slide view it stands in for, on the same files, in pages 375 and 1280 px wide:
 *
 *   date-line          the README's two lines with layout="story" (bench/pages/story/date-line.html)
 *   timelinejs         TimelineJS in the page, self-hosted as Knight Lab documents it (…/timelinejs.html)
 *   timelinejs-iframe  TimelineJS's own embed page in a 650 px iframe, the embed generator's code (…-iframe.html)
 *
 * on two files: the article timeline (data/ice-facebook-palantir.json; TimelineJS gets it converted by
 * bench/lib/timelines.mjs) and TimelineJS's all-media template (its npm package's src/template/all-media-types.json;
 * date-line is given the TimelineJS file as it is and imports it itself). Measures, per cold run:
 *
 *   first headline   when the first scene's headline (the title scene's, TimelineJS's title slide's) is painted,
 *                    by a rAF check (bench/pages/story/observer.js), and the largest contentful paint
 *   requests         every request from navigation until the page has been quiet for --quiet ms after that paint,
 *                    before any input: the harness's origin (requests and bytes as sent, gzip) and every other
 *                    host, which Chromium cannot reach (--host-resolver-rules in measure.mjs): blocked and counted
 *   scene changes    --presses clicks on the next button under a --throttle× CPU slowdown
 *                    (Emulation.setCPUThrottlingRate): each press's interaction latency by the Event Timing API
 *                    (the longest `event` entry of its interaction, durationThreshold 16 ms), and when the new
 *                    scene has settled (its headline still and nothing animating for three frames), and the
 *                    renderer main thread's busy time per press (CDP Performance.getMetrics, TaskDuration)
 *
 * Prints Markdown tables, writes bench/results/story/latest.json and, for the first round, a PNG of the viewport
 * at rest and after the presses (bench/results/story/<file>-<width>-<variant>-<rest|after>.png).
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { machineInfo, machineSummary, waitForIdle } from './machine.mjs';
import { CHROMIUM_ARGS, closeBrowser, launchChromium } from './measure.mjs';
import { modeOptions } from './mode.mjs';
import { startServer } from './server.mjs';
import { quantile } from './summarize.mjs';
import { ARTICLE_FILE, loadModel, toTimelineJS } from './timelines.mjs';

const root = resolve(import.meta.dirname, '../..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const ALL_MEDIA_FILE = resolve(
  root,
  'bench/node_modules/@knight-lab/timelinejs/src/template/all-media-types.json',
);

export const VARIANTS = [
  { id: 'date-line', label: 'date-line, `layout="story"`', format: 'date-line', next: 'date-line >>> button.next' },
  { id: 'timelinejs', label: 'TimelineJS 3.9.11, in the page', format: 'timelinejs', next: '.tl-slidenav-next' },
  {
    id: 'timelinejs-iframe',
    label: 'TimelineJS 3.9.11, iframe embed',
    format: 'timelinejs',
    next: '.tl-slidenav-next',
    frame: true,
  },
];

const PRESS_MS = 50;

const SIZES = {
  1280: { width: 1280, height: 900, deviceScaleFactor: 1 },
  375: { width: 375, height: 800, deviceScaleFactor: 1 },
};

const OPTIONS = {
  mode: { type: 'string' },
  runs: { type: 'string', default: '5' },
  widths: { type: 'string', default: '375,1280' },
  only: { type: 'string' },
  timelines: { type: 'string' },
  presses: { type: 'string', default: '8' },
  throttle: { type: 'string', default: '4' },
  'reduced-motion': { type: 'boolean', default: false },
  quiet: { type: 'string', default: '2000' },
  timeout: { type: 'string', default: '30000' },
  'idle-wait': { type: 'string', default: '10' },
  out: { type: 'string', default: resolve(root, 'bench/results/story/latest.json') },
  from: { type: 'string' },
  chromium: { type: 'string', default: process.env.CHROME_PATH || '/usr/bin/chromium' },
  help: { type: 'boolean', short: 'h' },
};

export const USAGE =
  'usage: node bench/run.mjs --mode story [--runs 5] [--widths 375,1280] [--only date-line,timelinejs,timelinejs-iframe] ' +
  '[--timelines article,all-media] [--presses 8] [--throttle 4] [--reduced-motion] [--quiet 2000] [--timeout 30000] [--idle-wait 10] ' +
  '[--out bench/results/story/latest.json] [--from json]';

/** The two files, each as date-line is given it and as TimelineJS is. */
async function storyTimelines() {
  const model = await loadModel();
  const article = JSON.parse(readFileSync(ARTICLE_FILE, 'utf8'));
  const allMedia = JSON.parse(readFileSync(ALL_MEDIA_FILE, 'utf8'));
  return [
    {
      id: 'article',
      label: 'the article (`data/ice-facebook-palantir.json`)',
      events: article.events.length,
      'date-line': article,
      timelinejs: toTimelineJS(model, article),
    },
    {
      id: 'all-media',
      label: "TimelineJS's all-media template",
      events: allMedia.events.length,
      // date-line reads a TimelineJS file by its shape and imports it (the importer is a part of its own).
      'date-line': allMedia,
      timelinejs: allMedia,
    },
  ];
}

const dataPath = (timeline, format) => `/bench-data/story/${timeline}.${format}.json`;
const isHarness = (path) => path.startsWith('/bench/pages/');
const KIND = (type) =>
  /javascript|css/.test(type) ? 'code' : /json/.test(type) ? 'data' : /html/.test(type) ? 'page' : 'other';

async function measureRun({ chromium, origin, log, variant, timeline, width, options, observerSource, shots }) {
  const browser = await launchChromium(chromium, SIZES[width], options.timeout + 60_000);
  const result = { variant: variant.id, timeline: timeline.id, width, pageErrors: [], external: [], presses: [] };
  let phase = 'load';
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    const cdp = await page.createCDPSession();
    page.on('pageerror', (error) => result.pageErrors.push(String(error.message ?? error).split('\n')[0]));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !/^(data|blob|about):/.test(url))
        result.external.push({ url, phase, type: request.resourceType() });
    });
    await page.evaluateOnNewDocument(observerSource);
    if (options.reducedMotion) await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    log.length = 0;
    const started = Date.now();
    const deadline = started + options.timeout;
    await page.goto(`${origin}/bench/pages/story/${variant.id}.html?src=${dataPath(timeline.id, variant.format)}`, {
      waitUntil: 'domcontentloaded',
      timeout: options.timeout,
    });
    await Promise.race([
      page.evaluate(() => window.storyReady),
      sleep(options.timeout).then(() => {
        throw new Error('no ready signal');
      }),
    ]);
    let target = page.mainFrame();
    if (variant.frame) {
      const handle = await page.waitForSelector('iframe#timeline', { timeout: options.timeout });
      target = await handle.contentFrame();
    }
    // Ready: date-line-load; TimelineJS's slider and navigator built. Then the first headline painted.
    for (;;) {
      const ready = await target
        .evaluate(() => !window.TL || !!(window.timeline?._loaded?.storyslider && window.timeline._loaded.timenav))
        .catch(() => false);
      const painted = ready && (await target.evaluate(() => window.__story?.firstHeadline?.painted ?? null));
      if (painted !== null && painted !== false) break;
      if (Date.now() > deadline) throw new Error('the first headline was not painted');
      await sleep(50);
    }
    // Quiet: nothing requested for --quiet ms (at most 15 s): what the page asks for before the reader acts.
    let count = -1;
    let since = Date.now();
    while (Date.now() - since < options.quiet && Date.now() - started < 15_000 + options.timeout) {
      const now = log.length + result.external.length;
      if (now !== count) {
        count = now;
        since = Date.now();
      }
      await sleep(100);
    }
    const top = await page.evaluate(() => ({ timeOrigin: performance.timeOrigin, fcp: window.__story.fcp }));
    const inner = await target.evaluate(() => {
      const { timeOrigin, lcp, firstHeadline, errors } = window.__story;
      return { timeOrigin, lcp, firstHeadline, errors };
    });
    const offset = inner.timeOrigin - top.timeOrigin;
    result.fcp = top.fcp;
    result.firstHeadline = { ...inner.firstHeadline, painted: inner.firstHeadline.painted + offset };
    const lcp = inner.lcp.at(-1);
    result.lcp = lcp ? { ...lcp, time: lcp.time + offset } : null;
    result.lcpEntries = inner.lcp;
    result.observerErrors = inner.errors;
    result.served = log
      .filter((entry) => !isHarness(entry.path))
      .map((entry) => ({ ...entry, kind: KIND(entry.type) }));
    result.externalAtRest = result.external.length;
    if (shots) await page.screenshot({ path: resolve(shots, `${timeline.id}-${width}-${variant.id}-rest.png`) });

    // Scene changes, under the CPU slowdown.
    phase = 'presses';
    await cdp.send('Performance.enable');
    const mainThread = async () =>
      Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));
    const work = { TaskDuration: 0, ScriptDuration: 0, LayoutDuration: 0, RecalcStyleDuration: 0 };
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.throttle });
    const next = variant.frame ? await target.$(variant.next) : await page.$(variant.next);
    if (!next) throw new Error(`no next button (${variant.next})`);
    for (let press = 1; press <= options.presses; press++) {
      const before = await target.evaluate(() => window.__story.currentHeadline());
      const workBefore = await mainThread();
      const watching = target.evaluate((limit) => window.__story.watch(limit), 8000);
      // A press as long as a quick tap (a click with no delay would put pointerdown and click in one frame).
      await next.click({ delay: PRESS_MS });
      const watched = await watching;
      const workAfter = await mainThread();
      for (const name of Object.keys(work)) work[name] += workAfter[name] - workBefore[name];
      await sleep(300); // Event Timing entries are queued after the frame that presents the change
      const timing = await target.evaluate(() => ({
        presses: window.__story.presses,
        events: window.__story.events,
      }));
      const pressedAt = timing.presses.at(-1);
      const mine = timing.events.filter(
        (entry) => entry.type === 'event' && entry.interactionId && Math.abs(entry.startTime - pressedAt) < 2,
      );
      const ids = new Set(mine.map((entry) => entry.interactionId));
      const entries = timing.events.filter((entry) => entry.type === 'event' && ids.has(entry.interactionId));
      const longest = entries.reduce((best, entry) => (!best || entry.duration > best.duration ? entry : best), null);
      const firstInput = press === 1 ? timing.events.find((entry) => entry.type === 'first-input') : null;
      result.presses.push({
        press,
        from: before?.slice(0, 60) ?? null,
        to: watched.text,
        changed: watched.changed,
        // null: no entry of the interaction reached 16 ms (the observer's threshold).
        latency: longest ? longest.duration : null,
        longest: longest && {
          name: longest.name,
          inputDelay: longest.processingStart - longest.startTime,
          processing: longest.processingEnd - longest.processingStart,
        },
        firstInput: firstInput ? firstInput.duration : null,
        settled: watched.settled === null ? null : watched.settled - pressedAt,
        frames: watched.frames,
        longestFrame: watched.longest,
      });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // The renderer's main-thread time from each press until its scene settled (slowed down as it was), per press,
    // in ms; the harness's own check in each frame (watch) is part of it.
    const perPress = (name) => (work[name] * 1000) / options.presses;
    result.work = {
      task: perPress('TaskDuration'),
      script: perPress('ScriptDuration'),
      layout: perPress('LayoutDuration'),
      style: perPress('RecalcStyleDuration'),
    };
    if (shots) await page.screenshot({ path: resolve(shots, `${timeline.id}-${width}-${variant.id}-after.png`) });
    result.status = 'ok';
  } catch (error) {
    result.status = 'error';
    result.message = `${phase}: ${error.message.split('\n')[0]}`;
  } finally {
    await closeBrowser(browser);
  }
  return result;
}

/** Figures of one run at rest: the number each table shows. */
function restFigures(run) {
  const own = run.served ?? [];
  const sum = (entries) => entries.reduce((total, entry) => total + entry.sent, 0) / 1000;
  const atRest = run.external.filter((request) => request.phase === 'load');
  return {
    headline: run.firstHeadline?.painted ?? null,
    lcp: run.lcp?.time ?? null,
    ownRequests: own.length,
    ownKB: sum(own),
    codeKB: sum(own.filter((entry) => entry.kind === 'code' || entry.kind === 'page')),
    dataKB: sum(own.filter((entry) => entry.kind === 'data')),
    otherKB: sum(own.filter((entry) => entry.kind === 'other')),
    thirdParty: atRest.length,
    thirdPartyHosts: [...new Set(atRest.map((request) => new URL(request.url).host))],
    walkThirdParty: run.external.length - atRest.length,
    walkHosts: [...new Set(run.external.filter((r) => r.phase !== 'load').map((r) => new URL(r.url).host))],
  };
}

const stat = (values) => {
  const present = values.filter((value) => typeof value === 'number');
  if (!present.length) return null;
  return { median: quantile(present, 0.5), min: Math.min(...present), max: Math.max(...present), n: present.length };
};

export function summarize(results, meta) {
  const rows = [];
  for (const timeline of meta.timelines) {
    for (const width of meta.widths) {
      for (const variant of meta.variants) {
        const runs = results.filter((r) => r.variant === variant.id && r.timeline === timeline.id && r.width === width);
        const ok = runs.filter((r) => r.status === 'ok');
        const figures = ok.map(restFigures);
        const presses = ok.flatMap((r) => r.presses);
        const latencies = presses.map((p) => p.latency ?? 0); // 0 stands for "under 16 ms"
        const pick = (key) => stat(figures.map((f) => f[key]));
        rows.push({
          timeline: timeline.id,
          width,
          variant: variant.id,
          label: variant.label,
          runs: runs.length,
          errors: runs.filter((r) => r.status !== 'ok').map((r) => r.message),
          headline: pick('headline'),
          lcp: pick('lcp'),
          lcpElements: [...new Set(ok.map((r) => r.lcp?.element ?? (r.lcp ? '(shadow DOM)' : '–')))],
          ownRequests: pick('ownRequests'),
          ownKB: pick('ownKB'),
          codeKB: pick('codeKB'),
          dataKB: pick('dataKB'),
          otherKB: pick('otherKB'),
          thirdParty: pick('thirdParty'),
          thirdPartyHosts: [...new Set(figures.flatMap((f) => f.thirdPartyHosts))],
          walkThirdParty: pick('walkThirdParty'),
          walkHosts: [...new Set(figures.flatMap((f) => f.walkHosts))],
          presses: presses.length,
          changed: presses.filter((p) => p.changed).length,
          under16: latencies.filter((value) => value === 0).length,
          latency: latencies.length
            ? {
                median: quantile(latencies, 0.5),
                p75: quantile(latencies, 0.75),
                max: Math.max(...latencies),
              }
            : null,
          // The first press opens the first event's scene: code and formatters that nothing has used yet.
          firstPress: ok.length
            ? quantile(
                ok.map((r) => r.presses[0]?.latency ?? 0),
                0.5,
              )
            : null,
          laterPresses: ok.length
            ? (() => {
                const later = ok.flatMap((r) => r.presses.slice(1).map((p) => p.latency ?? 0));
                return later.length ? { median: quantile(later, 0.5), p75: quantile(later, 0.75) } : null;
              })()
            : null,
          settled: stat(presses.map((p) => p.settled)),
          work: stat(ok.map((r) => r.work?.task)),
          settledMissing: presses.filter((p) => p.settled === null).length,
        });
      }
    }
  }
  return rows;
}

const fmt = (value, digits = 0) =>
  digits === 0 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits).replace(/\.0+$/, '');
const cell = (s, digits = 0) => {
  if (!s) return '–';
  const [middle, low, high] = [s.median, s.min, s.max].map((value) => fmt(value, digits));
  return low === high ? middle : `${middle} (${low}–${high})`;
};
const latencyText = (ms) => (ms < 16 ? '<16' : fmt(ms));
const ratio = (a, b) => (a && b && b.median ? `×${(a.median / b.median).toFixed(2)}` : '–');

export function markdown(meta, results) {
  const rows = summarize(results, meta);
  const find = (timeline, width, variant) =>
    rows.find((row) => row.timeline === timeline && row.width === width && row.variant === variant);
  const lines = [
    `## Story view — ${meta.date.slice(0, 10)}${meta.commit ? `, date-line at ${meta.commit}` : ''}`,
    '',
    `${meta.chromium}, headless, GPU off, ${meta.machine.cpus} cores; pages ${meta.widths.map((w) => `${w}×${SIZES[w].height}`).join(' and ')}; ` +
      `${meta.runs} cold runs each (fresh browser per run), median (min–max); every host but the harness's is blocked and counted. ` +
      `${meta.presses} presses of "next" per run under a ${meta.throttle}× CPU slowdown. ` +
      (meta.reducedMotion ? 'The pages prefer reduced motion (`prefers-reduced-motion: reduce`). ' : '') +
      `Load average before runs: median ${meta.machineSummary.loadAverageMedian}, max ${meta.machineSummary.loadAverageMax}; ` +
      `${meta.machineSummary.runsStartedBusy} of ${meta.machineSummary.runsMeasured} runs started with the CPU over 25 % busy. ` +
      `Full run ${Math.round(meta.durationSeconds / 60)} min.`,
    '',
    'First scene, before any input (ms from navigation; kB as sent, gzip; the page itself and the harness not counted):',
    '',
    '| file | width | embed | first headline painted ms | LCP ms | requests, own origin | kB own origin (code / data / other) | 3rd-party requests (blocked) |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const errors = row.errors.length ? ` (${row.errors.length} failed: ${row.errors[0]})` : '';
    const split = row.ownKB
      ? `${cell(row.ownKB, 1)} (${fmt(row.codeKB.median, 1)} / ${fmt(row.dataKB.median, 1)} / ${fmt(row.otherKB.median, 1)})`
      : '–';
    const hosts = row.thirdPartyHosts.length ? ` (${row.thirdPartyHosts.join(', ')})` : '';
    lines.push(
      `| ${row.timeline} | ${row.width} | ${row.label}${errors} | ${cell(row.headline)} | ${cell(row.lcp)} | ` +
        `${cell(row.ownRequests)} | ${split} | ${cell(row.thirdParty)}${hosts} |`,
    );
  }
  lines.push(
    '',
    `Scene changes: ${meta.presses} presses of "next" per run, ${meta.throttle}× CPU slowdown; interaction latency by ` +
      'Event Timing (the longest entry of the interaction; <16: no entry reached the 16 ms threshold), over all presses ' +
      'of all runs; settled: from the press to the first frame from which the new headline stays put with nothing animating; ' +
      "main thread: the renderer main thread's busy time from the press until the scene settled (CDP `Performance.getMetrics` TaskDuration, slowed down), per press, median of the runs:",
    '',
    '| file | width | embed | presses (scene changed) | latency ms median / p75 / max | first press: median | later presses: median / p75 | presses under 16 ms | settled ms median (min–max) | main thread ms per press | 3rd-party requests while walking |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const row of rows) {
    const l = row.latency;
    const walkHosts = row.walkHosts.length ? ` (${row.walkHosts.length} hosts)` : '';
    lines.push(
      `| ${row.timeline} | ${row.width} | ${row.label} | ${row.presses} (${row.changed}) | ` +
        `${l ? `${latencyText(l.median)} / ${latencyText(l.p75)} / ${latencyText(l.max)}` : '–'} | ` +
        `${row.firstPress === null ? '–' : latencyText(row.firstPress)} | ` +
        `${row.laterPresses ? `${latencyText(row.laterPresses.median)} / ${latencyText(row.laterPresses.p75)}` : '–'} | ${row.under16} | ` +
        `${cell(row.settled)}${row.settledMissing ? ` (${row.settledMissing} not settled in 8 s)` : ''} | ${cell(row.work)} | ` +
        `${cell(row.walkThirdParty)}${walkHosts} |`,
    );
  }
  lines.push(
    '',
    'date-line ÷ TimelineJS (medians; in the page / iframe embed):',
    '',
    '| file | width | first headline | LCP | kB own origin | latency | settled | main thread per press |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const timeline of meta.timelines) {
    for (const width of meta.widths) {
      const dl = find(timeline.id, width, 'date-line');
      const tl = find(timeline.id, width, 'timelinejs');
      const tf = find(timeline.id, width, 'timelinejs-iframe');
      if (!dl || !(tl || tf)) continue;
      const both = (key) => `${ratio(dl[key], tl?.[key])} / ${ratio(dl[key], tf?.[key])}`;
      const lat = (row) => row?.latency && { median: Math.max(row.latency.median, 16) };
      lines.push(
        `| ${timeline.id} | ${width} | ${both('headline')} | ${both('lcp')} | ${both('ownKB')} | ` +
          `${ratio(lat(dl), lat(tl))} / ${ratio(lat(dl), lat(tf))} | ${both('settled')} | ${both('work')} |`,
      );
    }
  }
  lines.push('', '(A latency under 16 ms counts as 16 in the ratio, which then flatters the slower of the two.)');
  return lines.join('\n') + '\n';
}

export async function run(argv, { chromiumVersion, commit }) {
  const options = await modeOptions(argv, { options: OPTIONS, usage: USAGE, markdown });
  if (!options) return 0;
  const number = (name) => {
    const value = Number(options[name]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} wants a number, got "${options[name]}"`);
    return value;
  };
  const settings = {
    runs: number('runs'),
    presses: number('presses'),
    throttle: number('throttle'),
    quiet: number('quiet'),
    timeout: number('timeout'),
    reducedMotion: options['reduced-motion'],
  };
  const widths = options.widths.split(',').map(Number);
  for (const width of widths)
    if (!SIZES[width]) throw new Error(`--widths: ${width} is not one of ${Object.keys(SIZES)}`);
  const only = options.only?.split(',').map((name) => name.trim());
  const variants = VARIANTS.filter((variant) => !only || only.includes(variant.id));
  if (only && variants.length !== only.length) throw new Error(`--only: have ${VARIANTS.map((v) => v.id).join(', ')}`);
  const all = await storyTimelines();
  const wanted = options.timelines?.split(',').map((name) => name.trim());
  const timelines = all.filter((timeline) => !wanted || wanted.includes(timeline.id));
  if (wanted && timelines.length !== wanted.length)
    throw new Error(`--timelines: have ${all.map((t) => t.id).join(', ')}`);
  const progress = (text) => process.stderr.write(text + '\n');

  const observerSource = await readFile(resolve(root, 'bench/pages/story/observer.js'), 'utf8');
  const server = await startServer(root);
  for (const timeline of all)
    for (const format of ['date-line', 'timelinejs'])
      server.route(dataPath(timeline.id, format), JSON.stringify(timeline[format]), 'application/json');
  const shots = resolve(root, 'bench/results/story');
  await mkdir(shots, { recursive: true });
  const idleWait = Number(options['idle-wait']) * 1000;
  const started = Date.now();
  const results = [];
  const common = { chromium: options.chromium, origin: server.origin, log: server.log, options: settings };
  try {
    // One unrecorded run first, as the other modes do: the first Chromium start reads its binary from disk.
    await measureRun({
      ...common,
      variant: variants[0],
      timeline: timelines[0],
      width: widths[0],
      options: { ...settings, presses: 1 },
      observerSource,
    });
    for (let round = 0; round < settings.runs; round++) {
      for (const timeline of timelines) {
        for (const width of widths) {
          // Rotate the order each round so that no embed always runs first.
          const order = variants.map((_, index) => variants[(index + round) % variants.length]);
          for (const variant of order) {
            const machine = await waitForIdle(idleWait);
            const result = await measureRun({
              ...common,
              variant,
              timeline,
              width,
              observerSource,
              shots: round === 0 ? shots : null,
            });
            result.run = round + 1;
            result.machine = machine;
            results.push(result);
            const f = result.status === 'ok' ? restFigures(result) : null;
            const latencies = result.presses.map((p) => (p.latency === null ? '<16' : Math.round(p.latency)));
            progress(
              `  run ${round + 1}/${settings.runs} ${timeline.id.padEnd(9)} ${String(width).padStart(4)} ${variant.id.padEnd(17)} ` +
                (f
                  ? `headline ${f.headline.toFixed(0)} ms, LCP ${f.lcp?.toFixed(0) ?? '–'} ms, ${f.ownRequests} requests ` +
                    `${f.ownKB.toFixed(1)} kB, ${f.thirdParty} 3rd-party; presses ${latencies.join(' ')} ms, settled ` +
                    result.presses.map((p) => (p.settled === null ? '–' : Math.round(p.settled))).join(' ')
                  : `error: ${result.message}`),
            );
          }
        }
      }
    }
  } finally {
    await server.close();
  }
  const meta = {
    mode: 'story',
    date: new Date().toISOString(),
    commit,
    chromium: chromiumVersion,
    chromiumArgs: CHROMIUM_ARGS,
    node: process.version,
    ...settings,
    widths,
    sizes: widths.map((width) => SIZES[width]),
    variants,
    timelines: timelines.map(({ id, label, events }) => ({ id, label, events })),
    machine: { ...machineInfo(), loadAverageAfter: loadavg().map((value) => Math.round(value * 100) / 100) },
    machineSummary: machineSummary(results),
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  await mkdir(resolve(options.out, '..'), { recursive: true });
  await writeFile(options.out, JSON.stringify({ meta, summary: summarize(results, meta), results }, null, 2) + '\n');
  console.log(markdown(meta, results));
  console.log(
    `JSON: ${options.out}; screenshots (first round): bench/results/story/<file>-<width>-<embed>-<rest|after>.png`,
  );
  return results.some((r) => r.variant === 'date-line' && r.status !== 'ok') ? 1 : 0;
}
