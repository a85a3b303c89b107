/**
 * One cold run: a fresh Chromium, one page, one library at one N. Loads the page, waits for the library's
 * ready signal, takes the static measurements, then plays a scripted 2-second pan and zoom while the page
 * records its frames.
 *
 * A whole browser per run (not just a context) costs about half a second, and buys two things: nothing is
 * warm (HTTP cache, code cache, spare renderer), and a library that hangs the renderer can be killed outright.
 */
import puppeteer from 'puppeteer-core';

export const VIEWPORT = { width: 1280, height: 800, deviceScaleFactor: 1 };

/** The flags the figures were taken with, plus one that makes blocked hosts fail at once. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox', // we run as root in a container; Chromium refuses to start sandboxed as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Only the loopback server is reachable. Without this, a third-party request (TimelineJS's web fonts) would
  // wait on DNS until it times out and could hold up the load; with it, it fails at once and is counted.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** How long the scripted interaction lasts, and how often input is sent (once a frame at 60 Hz). */
export const INTERACTION_MS = 2000;
const TICK_MS = 16;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class RunTimeout extends Error {}

/**
 * A fresh headless Chromium for one run, as every mode launches it: the bench's flags, the run's viewport, and a
 * protocol timeout beyond the run's own (so the harness reports the run's limit, not the protocol's).
 */
export function launchChromium(chromium, viewport, protocolTimeout) {
  return puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    defaultViewport: viewport,
    protocolTimeout,
  });
}

/**
 * Measures one run. Resolves with `status`:
 *   ok       everything measured
 *   partial  rendered, but a later step (usually the pan and zoom) passed the time limit: what was measured
 *            before it is kept, and `message` names the step
 *   timeout  not rendered within the time limit
 *   error    the page failed (`message`)
 * Only a failure of the harness itself (no Chromium, say) rejects. With `interact: false` the pan and zoom is
 * left out (the harness does that after a partial run, where it would only hit the limit again).
 */
export async function measureRun({ chromium, origin, library, n, timeout, settle, log, interact: play = true }) {
  const browser = await launchChromium(chromium, VIEWPORT, timeout + 30_000);
  const result = { pageErrors: [], external: [], served: log };
  let step = 'rendering';
  // One limit to render, and another as long for everything after, so that a library that renders just in
  // time is still measured; a stuck renderer is then killed rather than waited for.
  const timers = [];
  const within = (work) => {
    const deadline = new Promise((_, reject) => {
      timers.push(setTimeout(() => reject(new RunTimeout(`${step} took over ${timeout / 1000} s`)), timeout));
    });
    const running = work();
    running.catch(() => {}); // after a timeout the browser is closed under it; that rejection is expected
    return Promise.race([running, deadline]);
  };
  try {
    await run();
    return { status: 'ok', ...result, served: log.slice() };
  } catch (error) {
    const message = error.message.split('\n')[0];
    if (!(error instanceof RunTimeout)) return { ...result, served: log.slice(), status: 'error', message };
    return { ...result, served: log.slice(), status: result.timing ? 'partial' : 'timeout', message };
  } finally {
    timers.forEach(clearTimeout);
    await closeBrowser(browser);
  }

  async function run() {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    const cdp = await page.createCDPSession();
    page.on('pageerror', (error) => result.pageErrors.push(String(error.message ?? error).split('\n')[0]));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) result.external.push(url);
    });
    log.length = 0;

    result.timing = await within(async () => {
      await page.goto(`${origin}/bench/pages/${library}.html?n=${n}`, { waitUntil: 'domcontentloaded', timeout: 0 });
      return page.evaluate(() => window.bench.done);
    });
    await within(() => afterRender(page, cdp));
  }

  async function afterRender(page, cdp) {
    step = 'reading long tasks';
    result.loadLongTasks = await page.evaluate(() => window.bench.loadLongTasks());
    // Libraries keep working after their ready signal (TimelineJS animates to its first slide for a second);
    // counting and weighing after a pause measures the page as a reader finds it, not mid-animation.
    step = 'settling';
    await sleep(settle);
    step = 'counting elements';
    result.elements = await page.evaluate(() => window.bench.countElements());
    step = 'collecting garbage';
    // Two collections: the first may only finalize objects that the second then frees.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    result.heapUsed = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    step = 'the pan and zoom';
    result.interaction = play ? await interact(page, cdp, result.timing.info) : null;
  }
}

/** Closes a run's browser, or kills it when it does not answer within 5 s. */
export async function closeBrowser(browser) {
  const child = browser.process();
  const closed = browser.close().catch(() => {});
  // A renderer stuck in a 10,000-item layout does not answer Browser.close; do not wait for it.
  if ((await Promise.race([closed.then(() => true), sleep(5000).then(() => false)])) === false) {
    child?.kill('SIGKILL');
  }
}

/** Where to point the mouse: the centre of the visible part of the element the page named as its target. */
async function targetPoint(page, selector) {
  const box = await page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const rect = element.getBoundingClientRect();
    const top = Math.max(rect.top, 0);
    const bottom = Math.min(rect.bottom, innerHeight);
    return { x: rect.left + rect.width / 2, y: (top + bottom) / 2, width: rect.width };
  }, selector);
  if (!box) throw new Error(`interaction target ${selector} not found`);
  return box;
}

/**
 * Sends input for `ms`, once a tick. `step(t)` gets the fraction of the phase that has passed (by the wall
 * clock, not by steps sent), so a page that stalls gets fewer events, not a longer interaction.
 */
async function phase(ms, step) {
  const start = performance.now();
  for (let tick = 0; ; tick++) {
    const elapsed = performance.now() - start;
    if (elapsed >= ms) break;
    await step(elapsed / ms);
    const next = start + (tick + 1) * TICK_MS;
    await sleep(Math.max(0, next - performance.now()));
  }
}

const mouse = (cdp, type, x, y, extra = {}) =>
  cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1, ...extra });

/** A left-button drag from x0 to x1 at height y. */
async function drag(cdp, ms, x0, x1, y) {
  await mouse(cdp, 'mouseMoved', x0, y, { button: 'none', clickCount: 0 });
  await mouse(cdp, 'mousePressed', x0, y, { buttons: 1 });
  let x = x0;
  await phase(ms, async (t) => {
    x = x0 + (x1 - x0) * t;
    await mouse(cdp, 'mouseMoved', x, y, { buttons: 1 });
  });
  await mouse(cdp, 'mouseReleased', x, y, { buttons: 0 });
}

/** Wheel turns at a point: `deltaY(t)` per tick; ctrl held for zooming (what trackpad pinches send, too). */
async function wheel(cdp, ms, x, y, deltaY, ctrl) {
  await phase(ms, (t) =>
    cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseWheel',
      x,
      y,
      deltaX: 0,
      deltaY: deltaY(t),
      modifiers: ctrl ? 2 : 0,
    }),
  );
}

/** Calls the page's programmatic zoom once a frame, from the whole span to a tenth of it and back. */
function apiZoom(page, ms) {
  return page.evaluate((ms) => {
    return new Promise((resolve, reject) => {
      const { start, end } = window.bench.span;
      const middle = (start + end) / 2;
      const t0 = performance.now();
      const frame = (now) => {
        const t = Math.min(1, (now - t0) / ms);
        const scale = 1 - 0.9 * Math.sin(Math.PI * t); // 1 → 0.1 → 1
        const half = ((end - start) / 2) * scale;
        try {
          window.bench.zoomTo(middle - half, middle + half);
        } catch (error) {
          reject(error);
          return;
        }
        if (t < 1) requestAnimationFrame(frame);
        else resolve();
      };
      requestAnimationFrame(frame);
    });
  }, ms);
}

/**
 * The scripted 2-second interaction, by the kind the page reported with its ready signal:
 *   scroll  – a list with no zoom (the floor, date-line before its axis): wheel down 1 s, back up 1 s
 *   axis    – a zoomable axis (vis-timeline, date-line with zoomTo): drag 0.8 s, ctrl+wheel in and out 0.6 s,
 *             the programmatic zoom (vis setWindow, date-line zoomTo) in and out 0.6 s
 *   timenav – TimelineJS: drag its time navigator 1 s, then its zoom-in and zoom-out buttons, twice each
 */
export async function interact(page, cdp, info) {
  const kind = info.interaction;
  // Snapshots of what the reader sees between phases, so the JSON shows whether the input took effect.
  const views = [];
  const snapshot = async (label) => views.push({ label, ...(await page.evaluate(() => window.bench.view())) });
  await snapshot('before');
  await page.evaluate(() => window.bench.startFrames());
  let error = null;
  try {
    if (kind === 'scroll') {
      const { width, height } = VIEWPORT;
      await wheel(cdp, INTERACTION_MS / 2, width / 2, height / 2, () => 120, false);
      await snapshot('scrolled down');
      await wheel(cdp, INTERACTION_MS / 2, width / 2, height / 2, () => -120, false);
    } else if (kind === 'axis') {
      const { x, y, width } = await targetPoint(page, info.target);
      const reach = Math.min(300, width / 3);
      await drag(cdp, INTERACTION_MS * 0.4, x + reach, x - reach, y);
      await snapshot('dragged');
      await wheel(cdp, INTERACTION_MS * 0.15, x, y, () => -60, true);
      await snapshot('ctrl+wheel in');
      await wheel(cdp, INTERACTION_MS * 0.15, x, y, () => 60, true);
      await snapshot('ctrl+wheel out');
      await apiZoom(page, INTERACTION_MS * 0.3);
    } else if (kind === 'timenav') {
      const { x, y, width } = await targetPoint(page, info.target);
      const reach = Math.min(300, width / 3);
      await drag(cdp, INTERACTION_MS / 2, x + reach, x - reach, y);
      await snapshot('dragged');
      const buttons = await page.$$(info.zoomButtons);
      if (buttons.length < 2) throw new Error(`zoom buttons ${info.zoomButtons} not found`);
      for (const [step, button] of [0, 0, 1, 1].entries()) {
        const started = performance.now();
        await buttons[button].click();
        await sleep(Math.max(0, INTERACTION_MS / 8 - (performance.now() - started)));
        if (step === 1) await snapshot('zoomed in');
      }
    } else {
      throw new Error(`unknown interaction ${kind}`);
    }
  } catch (caught) {
    error = caught.message.split('\n')[0];
  }
  const frames = await page.evaluate(() => window.bench.stopFrames());
  await snapshot('after');
  return { kind, error, views, ...frames };
}
