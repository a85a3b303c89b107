// Web Test Runner: every test file runs in the three engines readers use, in Debian's own browsers (no test tool
// downloads a browser or a driver):
//   chromium  /usr/bin/chromium       (apt: chromium)           @web/test-runner-chrome: puppeteer-core over CDP
//   firefox   /usr/bin/firefox-esr    (apt: firefox-esr)        the same puppeteer-core, over WebDriver BiDi
//   webkit    WebKitGTK's MiniBrowser (apt: webkit2gtk-driver)  @web/test-runner-webdriver (webdriverio), Debian's
//             WebKitWebDriver, and an Xvfb display (apt: xvfb) that this file starts when there is none
// Dates must not move with the reader's zone, so each engine runs in zones far from UTC: west of it, and at
// UTC+13 and UTC+14, where calendar dates built the wrong way (as UTC instants) shift by a day.
//   npm run test:firefox                                    one engine (BROWSERS=firefox; also test:chromium, test:webkit)
//   TIME_ZONES=Pacific/Kiritimati npm run test:browser      every engine in that one zone (or in each of a list)
//   PREFERS=dark npm run test:webkit                        every run as for a reader who prefers dark and reduced motion
//   CHROME_PATH, FIREFOX_PATH, WEBKIT_WEBDRIVER, WEBKIT_BROWSER override the browsers' paths.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { reactBundlesPlugin } from './test/frameworks/react-bundles.mjs';
import { testServerMiddleware } from './test/server/middleware.mjs';

const ENGINES = ['chromium', 'firefox', 'webkit'];
const BROWSERS = list(process.env.BROWSERS ?? ENGINES.join(',')).map((name) => name.toLowerCase());
const unknown = BROWSERS.filter((name) => !ENGINES.includes(name));
if (unknown.length) throw new Error(`BROWSERS: unknown ${unknown.join(', ')} (use ${ENGINES.join(', ')})`);

// The runs: each is the whole suite in one engine, in one zone, for a reader who prefers light and motion or dark
// and reduced motion. npm test must stay quick enough for every commit on two cores, so: Chromium, the quickest, in
// all three zones, its run at UTC+14 preferring dark and reduced motion (emulated for every test, so the whole
// suite, axe included, also runs dark); Firefox at UTC+14; WebKit at UTC+13. TIME_ZONES replaces this with every
// engine in each zone given, PREFERS=dark makes every run prefer dark. The full matrix (about twice as long):
//   TIME_ZONES=America/Los_Angeles,Pacific/Auckland,Pacific/Kiritimati npm test
// and where clocks change at midnight (Santiago) and by half an hour (Lord Howe), for test/hardening/zones.test.ts:
//   TIME_ZONES=America/Santiago,Australia/Lord_Howe npm run test:browser
const DEFAULT_RUNS = [
  { engine: 'chromium', zone: 'America/Los_Angeles' },
  { engine: 'chromium', zone: 'Pacific/Auckland' },
  { engine: 'chromium', zone: 'Pacific/Kiritimati', dark: true },
  { engine: 'firefox', zone: 'Pacific/Kiritimati' },
  { engine: 'webkit', zone: 'Pacific/Auckland' },
];
if (!['dark', 'light', undefined].includes(process.env.PREFERS)) throw new Error('PREFERS: dark or light');
const RUNS = (
  process.env.TIME_ZONES
    ? ENGINES.flatMap((engine) => list(process.env.TIME_ZONES).map((zone) => ({ engine, zone })))
    : DEFAULT_RUNS
)
  .filter((run) => BROWSERS.includes(run.engine))
  .map((run) => ({ ...run, dark: process.env.PREFERS ? process.env.PREFERS === 'dark' : Boolean(run.dark) }));
export const TIME_ZONES = [...new Set(RUNS.map((run) => run.zone))];

/** What a run that prefers dark emulates, in the engines that can (see engineCommandsPlugin). */
const DARK = [
  { name: 'prefers-color-scheme', value: 'dark' },
  { name: 'prefers-reduced-motion', value: 'reduce' },
];
const runName = (engine, { zone, dark }) => `${engine} ${zone}${dark ? ' (dark, reduced motion)' : ''}`;

/** How long closing a WebKit page may take before WebKitWebDriver is restarted (it takes under a second). */
const WEBKIT_STOP_LIMIT_MS = 30_000;

/** The viewport every test file starts in, in every engine (puppeteer's default). */
const DEFAULT_VIEWPORT = { width: 800, height: 600 };

function list(text) {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * Child processes this file starts (Xvfb, WebKitWebDriver), each in a process group of its own (spawned detached),
 * so that ending one also ends what it started (WebKitWebDriver's MiniBrowser and web processes). They end with
 * the test run.
 */
const children = [];
process.once('exit', () => children.forEach((child) => endGroup(child)));

function endGroup(child, signal = 'SIGTERM') {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

const CHROMIUM_ARGS = [
  '--no-sandbox', // required when running as root
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking', // this machine's network is closed; Chromium's own requests only add noise
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--lang=en-US',
  // A test page must not have its timers and animation frames throttled when Chromium considers it hidden,
  // or frame-based code under test stalls.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];

/** A Chromium whose pages run in one IANA time zone (CDP Emulation.setTimezoneOverride), named after it. */
function chromiumIn(run) {
  return puppeteerRun(run, 'Chromium', {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Firefox ESR through the puppeteer-core that @web/test-runner-chrome bundles, over WebDriver BiDi. Each run
 * starts its own Firefox with TZ=<zone>, which Firefox reads as a reader's machine sets it, in every ESR; where
 * BiDi's `emulation.setTimezoneOverride` exists (ESR 153, not ESR 140, still what a Debian 12 machine whose
 * package lists were never refreshed installs), puppeteer's `emulateTimezone` pins the page to the same zone as
 * well (see puppeteerRun). `test/time-zones.test.ts` checks that the zone took.
 */
function firefoxIn(run) {
  return puppeteerRun(
    run,
    'Firefox',
    {
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      env: { ...process.env, TZ: run.zone },
      // A run that prefers dark starts so, for the Firefox that cannot emulate media (ESR 140; see
      // firefoxMediaEmulation); one that can emulates it as well, as in Chromium.
      ...(run.dark && { extraPrefsFirefox: { 'ui.systemUsesDarkTheme': 1, 'ui.prefersReducedMotion': 1 } }),
      headless: true,
      // lets the media emulation below run script in Firefox's own (chrome) window; see firefoxMediaEmulation
      args: ['--remote-allow-system-access'],
    },
    (page) => firefoxMediaEmulation(firefoxViewport(page)),
  );
}

/**
 * Puppeteer sizes a Firefox page with two BiDi commands: `browsingContext.setViewport` and
 * `emulation.setScreenOrientationOverride`, which Firefox ESR 140 does not know (ESR 153 does). There the viewport
 * is set with the first alone, as the tests need nothing of the screen's orientation.
 */
function firefoxViewport(page) {
  const setViewport = page.setViewport.bind(page);
  let orientation = true;
  page.setViewport = async (viewport) => {
    if (orientation) {
      try {
        return await setViewport(viewport);
      } catch (error) {
        if (!/unknown command emulation\.setScreenOrientationOverride/.test(error.message)) throw error;
        orientation = false;
      }
    }
    await page.browser().connection.send('browsingContext.setViewport', {
      context: page.mainFrame()._id,
      viewport: { width: viewport.width, height: viewport.height },
    });
  };
  return page;
}

/**
 * A run in an engine that puppeteer drives (Chromium over CDP, Firefox over BiDi), each page in the run's zone
 * and media. `preparePage` adapts a new page first (Firefox's media emulation).
 */
function puppeteerRun(run, engine, launchOptions, preparePage = (page) => page) {
  // Whether the browser knows the per-page zone override; learnt on the first page (see firefoxIn).
  let zoneOverride = true;
  const launcher = chromeLauncher({
    // puppeteer-core passed as a "custom" puppeteer: WTR then lets it launch Firefox too.
    puppeteer: puppeteerCore,
    launchOptions,
    // One test file at a time. In Chromium a page in a background tab gets no rendering steps (no
    // ResizeObserver callbacks, no animation frames), and the element relies on both; key presses sent to it
    // can hang. In Firefox two pages share keyboard focus, so keys land in the other page.
    concurrency: 1,
    async createPage({ context }) {
      const page = preparePage(await context.newPage());
      if (zoneOverride) {
        try {
          await page.emulateTimezone(run.zone);
        } catch (error) {
          // Firefox ESR 140 has no emulation.setTimezoneOverride: its zone is then its process's TZ alone.
          if (!launchOptions.env?.TZ || !/unknown command/.test(error.message)) throw error;
          zoneOverride = false;
        }
      }
      await page.emulateMediaFeatures(launcher.mediaBaseline);
      return page;
    },
  });
  launcher.name = runName(engine, run);
  launcher.mediaBaseline = run.dark ? DARK : [];
  return freshPageForEachFile(launcher);
}

/**
 * WTR hands a file's page on to the next file, with the viewport and media emulation that file left. Put them
 * back (the media to what the run prefers), so that every file starts alike in every engine (WebKit's launcher
 * does the same for its viewport).
 */
function freshPageForEachFile(launcher) {
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (sessionId) => {
    const page = launcher.getPage(sessionId);
    const result = await stopSession(sessionId);
    if (!page.isClosed()) {
      await page.setViewport(DEFAULT_VIEWPORT);
      await page.emulateMediaFeatures(launcher.mediaBaseline); // also ends an emulated media type
    }
    return result;
  };
  return launcher;
}

/**
 * Media emulation for Firefox, as the page's `emulateMediaFeatures` and `emulateMediaType`, which WTR's
 * `emulateMedia` and the `media` command below call, and which puppeteer implements over CDP only; WebDriver
 * BiDi has no media emulation yet. Firefox has it per tab, though, as the BrowsingContext fields its devtools
 * use (prefersColorSchemeOverride, prefersReducedMotionOverride, mediumOverride). They are set from Firefox's own
 * window, which the remote agent opens to script only when started with --remote-allow-system-access. The page then
 * sees the change a few milliseconds later, so each call waits until the page's media queries report it.
 * Firefox ESR 140's BiDi does not reach its own window (no `moz:scope`): there, as in WebKit, both calls answer
 * false and change nothing, and a run keeps the preferences its browser started with (see firefoxIn).
 */
function firefoxMediaEmulation(page) {
  const apply = async (field, value, query) => {
    const connection = page.browser().connection;
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const window = tree.result.contexts.find((context) => context.url.startsWith('chrome:'));
    if (!window) return false;
    await connection.send('script.callFunction', {
      functionDeclaration: `(id, field, value) => {
        const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
        NavigableManager.getBrowsingContextById(id)[field] = value;
      }`,
      arguments: [page.mainFrame()._id, field, value].map((item) => ({ type: 'string', value: item })),
      target: { context: window.context },
      awaitPromise: true,
    });
    if (query) await page.waitForFunction((q) => matchMedia(q).matches, { timeout: 2000, polling: 10 }, query);
    return true;
  };
  // As in Chromium (CDP), each emulateMedia call replaces the whole emulation: what it does not name reverts.
  page.emulateMediaFeatures = async (features = []) => {
    const value = (name, known) => {
      const feature = features.find((item) => item.name === name);
      if (feature && !known.includes(feature.value))
        throw new Error(`Firefox: cannot emulate ${name}: ${feature.value}`);
      return feature?.value;
    };
    const unknown = features.filter((item) => !['prefers-color-scheme', 'prefers-reduced-motion'].includes(item.name));
    if (unknown.length) throw new Error(`Firefox: cannot emulate ${unknown.map((item) => item.name).join(', ')}`);
    const scheme = value('prefers-color-scheme', ['light', 'dark']);
    const motion = value('prefers-reduced-motion', ['reduce', 'no-preference']);
    // screen first: Firefox's print medium always reports a light colour scheme
    if (!(await apply('mediumOverride', '', 'screen'))) return false;
    await apply('prefersColorSchemeOverride', scheme ?? 'none', scheme && `(prefers-color-scheme: ${scheme})`);
    await apply('prefersReducedMotionOverride', motion ?? 'none', motion && `(prefers-reduced-motion: ${motion})`);
    return true;
  };
  page.emulateMediaType = async (type) => apply('mediumOverride', type ?? '', type || 'screen');
  return page;
}

/**
 * WebKitGTK's MiniBrowser through Debian's WebKitWebDriver. WebDriver classic has no time-zone emulation, so the
 * zone is the process's own: each zone gets its own WebKitWebDriver started with TZ=<zone>, which the MiniBrowser
 * and its web process inherit (JavaScriptCore reads the zone from TZ, as on a reader's machine).
 * Nor has it media emulation, and WebKitGTK takes prefers-color-scheme and prefers-reduced-motion from GTK when it
 * starts. So a run that prefers dark starts its MiniBrowser with a dark GTK theme and GTK animations off, and
 * `inMediaStates` (test/helpers.ts) checks in a WebKit run the state that run is in.
 */
async function webkitIn(run) {
  const { webdriverLauncher } = await import('@web/test-runner-webdriver');
  const driverPath = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
  // default: the MiniBrowser WebKitWebDriver was built for (/usr/lib/<arch>/webkit2gtk-4.1/MiniBrowser)
  const miniBrowser = process.env.WEBKIT_BROWSER;
  // Each MiniBrowser gets a display of its own, so two windows never compete for keyboard focus.
  const display = await xDisplay();
  const media = run.dark ? darkGtk() : {};
  const startDriver = async () => {
    const port = await freePort();
    const driver = spawn(driverPath, [`--port=${port}`], {
      env: { ...process.env, ...display, ...media, TZ: run.zone },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    children.push(driver);
    forwardStderr(driver);
    driver.once('error', (error) =>
      console.error(`could not start ${driverPath} (apt-get install webkit2gtk-driver): ${error.message}`),
    );
    await listening(port, driverPath);
    return { driver, port };
  };
  let { driver, port } = await startDriver();

  const launcher = webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // an explicit binary needs '--automation' too (without it: "Failed to match capabilities" or a hang)
      ...(miniBrowser && { 'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] } }),
      // WebKitWebDriver speaks WebDriver classic only (no BiDi)
      'wdio:enforceWebDriverClassic': true,
    },
  });
  // One file at a time, in the top-level page: with a higher concurrency the webdriver launcher runs files in
  // iframes, which WebKitWebDriver cannot switch into. It reads the global setting, so give it its own.
  launcher.concurrency = 1;
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (config, ...rest) => {
    await initialize({ ...config, concurrency: 1 }, ...rest);
    launcher.name = runName('WebKit', run);
  };
  // Rarely (once in CI, in a file whose tests had all passed), WebKitWebDriver never answers when the runner closes
  // a file's page, and WTR fails that file after two minutes ("Timed out stopping the browser page"). After
  // WEBKIT_STOP_LIMIT_MS the page is given up on: WebKitWebDriver and its MiniBrowser are ended and started afresh
  // for the next file. Results are untouched: a file whose tests did not all report has failed (WTR's
  // testsFinishTimeout) before its page is closed.
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (id) => {
    const stopping = stopSession(id);
    let timer;
    const hung = new Promise((resolve) => (timer = setTimeout(resolve, WEBKIT_STOP_LIMIT_MS, 'hung')));
    const result = await Promise.race([stopping, hung]).finally(() => clearTimeout(timer));
    if (result !== 'hung') return result;
    stopping.catch(() => {}); // it fails when its driver is ended
    console.warn(
      `${launcher.name}: the page did not close within ${WEBKIT_STOP_LIMIT_MS / 1000} s of its tests' results; ` +
        'restarting WebKitWebDriver and MiniBrowser for the next file',
    );
    clearInterval(launcher.pendingHeartbeat); // the launcher's keep-alive for the old session
    endGroup(driver, 'SIGKILL');
    launcher.driver = launcher.driverManager = undefined; // not public API: the next file starts a new session
    ({ driver, port } = await startDriver());
    launcher.options.port = port;
    return { testCoverage: undefined };
  };
  // Every file starts in an 800×600 viewport, as in Chromium and Firefox (puppeteer's default), and not in
  // whatever size the previous file left the one MiniBrowser window at.
  const startSession = launcher.startSession.bind(launcher);
  launcher.startSession = async (id, url) => {
    await launcher.ensureManagerInitialized();
    await launcher.setViewport(DEFAULT_VIEWPORT);
    return startSession(id, url);
  };
  // WebDriver classic sizes the window; the viewport is that less MiniBrowser's toolbar, learnt on the first resize.
  let toolbar = [0, 0];
  launcher.setViewport = async ({ width, height }) => {
    const driver = launcher.driver; // created by ensureManagerInitialized; not public API of the launcher
    let sizes = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const windowSize = [width + toolbar[0], height + toolbar[1]];
      await driver.setWindowRect(null, null, ...windowSize);
      // WebKitWebDriver answers before the page has its new size: wait for it, or for the window to settle at
      // a size whose viewport is not the one asked for (then measure the toolbar and try again).
      for (let unchanged = 0, end = Date.now() + 3000; unchanged < 5 && Date.now() < end;) {
        const now = await driver.execute('return [outerWidth, outerHeight, innerWidth, innerHeight]');
        if (now[2] === width && now[3] === height) return;
        const settled = now.join() === sizes.join() && now[0] === windowSize[0] && now[1] === windowSize[1];
        unchanged = settled ? unchanged + 1 : 0;
        sizes = now;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      toolbar = [sizes[0] - sizes[2], sizes[1] - sizes[3]];
    }
    throw new Error(`WebKit: asked for a ${width}×${height} viewport, got ${sizes[2]}×${sizes[3]}`);
  };
  return launcher;
}

/**
 * WebKitWebDriver's stderr, less the warning each of WebKit's web processes prints when a machine has no session
 * D-Bus ("Unable to get session D-Bus address"): hundreds of lines in one run, which pushed the failing tests'
 * report out of the tail of CI's log.
 */
function forwardStderr(child) {
  let partial = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    const kept = lines.filter((line) => line.trim() && !/Unable to get session D-Bus address/.test(line));
    if (kept.length) process.stderr.write(kept.join('\n') + '\n');
  });
}

/**
 * Commands the tests use through test/helpers.ts, the same in every engine:
 *   viewport { width, height }        the page's viewport size (`setViewport`). @web/test-runner-commands' own
 *                                     setViewport and emulateMedia support puppeteer and Playwright, not WebDriver.
 *   media { colorScheme, reducedMotion }   emulated media features, replacing the last; what it leaves out is
 *                                     what the run prefers (`emulateMedia`). False where the engine cannot (WebKit).
 *   input { calls: [{ method, params }] }   real input through the Chrome DevTools Protocol, in order: touches
 *                                     (Input.dispatchTouchEvent, several fingers), wheels and mouse
 *                                     (Input.dispatchMouseEvent), as the browser's own input pipeline delivers
 *                                     them, unlike events a test dispatches itself (`realInput`). False where the
 *                                     engine has no such protocol (Firefox over BiDi, WebKit).
 */
function engineCommandsPlugin() {
  return {
    name: 'date-line-engine-commands',
    async executeCommand({ command, payload, session }) {
      const { browser } = session;
      if (command === 'viewport') {
        const { width, height } = payload ?? {};
        if (!Number.isInteger(width) || !Number.isInteger(height)) throw new Error('viewport: { width, height } in px');
        if (browser.type === 'puppeteer') await browser.getPage(session.id).setViewport({ width, height });
        else if (browser.setViewport) await browser.setViewport({ width, height });
        else throw new Error(`viewport: not supported in ${browser.name}`);
        return true;
      }
      if (command === 'input') {
        if (browser.type !== 'puppeteer' || !browser.name.startsWith('Chromium')) return false;
        const cdp = await browser.getPage(session.id).createCDPSession();
        try {
          for (const { method, params } of payload?.calls ?? []) {
            if (!/^Input\./.test(method)) throw new Error(`input: ${method} is not an Input method`);
            await cdp.send(method, params);
          }
        } finally {
          await cdp.detach();
        }
        return true;
      }
      if (command === 'media') {
        if (browser.type !== 'puppeteer') return false;
        const wanted = [
          { name: 'prefers-color-scheme', value: payload?.colorScheme },
          { name: 'prefers-reduced-motion', value: payload?.reducedMotion },
        ].filter(({ value }) => value);
        const kept = (browser.mediaBaseline ?? []).filter(({ name }) => !wanted.some((item) => item.name === name));
        // false where Firefox cannot (ESR 140; see firefoxMediaEmulation)
        return (await browser.getPage(session.id).emulateMediaFeatures([...kept, ...wanted])) !== false;
      }
      return undefined;
    },
  };
}

/** Environment for a GTK program that prefers a dark theme and no animations (a settings.ini of its own). */
function darkGtk() {
  const config = mkdtempSync(join(tmpdir(), 'date-line-gtk-'));
  process.once('exit', () => rmSync(config, { recursive: true, force: true }));
  mkdirSync(join(config, 'gtk-3.0'));
  writeFileSync(join(config, 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=0\n');
  return { GTK_THEME: 'Adwaita:dark', XDG_CONFIG_HOME: config };
}

/** The X display for MiniBrowser, which has no headless mode: the current one, or an Xvfb started here. */
async function xDisplay() {
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return {};
  // -displayfd: Xvfb takes the first free display number and writes it to fd 3. On the way it complains about
  // every display already taken (by the other zones' Xvfb), so its messages are shown only if it fails.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(xvfb);
  let messages = '';
  xvfb.stderr.on('data', (data) => (messages += data));
  const number = await new Promise((resolve, reject) => {
    let out = '';
    xvfb.once('error', (error) => reject(new Error(`could not start Xvfb (apt-get install xvfb): ${error.message}`)));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with code ${code}:\n${messages}`)));
    xvfb.stdio[3].on('data', (data) => {
      out += data;
      if (out.includes('\n')) resolve(out.trim());
    });
  });
  xvfb.stderr.removeAllListeners('data').resume();
  return { DISPLAY: `:${number}` };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function listening(port, what) {
  for (const end = Date.now() + 10_000; ;) {
    const up = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > end) throw new Error(`${what} is not listening on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Prints one plain closing line "wtr: N passed, N failed, N skipped" (all browsers and zones together). */
function summaryLineReporter() {
  return {
    stop({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite?.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        walk(session.testResults);
        if (session.errors?.length) failed += 1;
      }
      const line = `wtr: ${passed} passed, ${failed} failed, ${skipped} skipped`;
      process.once('exit', () => process.stdout.write(`${line}\n`));
    },
  };
}

const browsers = [];
for (const run of RUNS) {
  if (run.engine === 'chromium') browsers.push(chromiumIn(run));
  if (run.engine === 'firefox') browsers.push(firefoxIn(run));
  if (run.engine === 'webkit') browsers.push(await webkitIn(run));
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    engineCommandsPlugin(),
    // React 19 and 18, bundled for test/frameworks/react.test.ts.
    reactBundlesPlugin(),
  ],
  // Real HTTP answers for the loading tests: status codes, slow and huge bodies, wrong content types.
  middleware: [testServerMiddleware],
  browsers,
  // Launchers set their own concurrency (above); this is the default for any other.
  concurrency: 1,
  // WTR resolves Lit's "development" build, which announces itself in every file.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryLineReporter()],
  // Generous: the first test to open the axis waits for the dev server to compile it, on a busy 2-core machine.
  testFramework: { config: { timeout: 20000 } },
};
