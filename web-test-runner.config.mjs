// Web Test Runner: every test file runs in headless Chromium (Debian's /usr/bin/chromium), once per time zone.
// Dates must not move with the reader's zone, so the suite runs in zones far apart: west of UTC, and at
// UTC+13 and UTC+14, where calendar dates built the wrong way (as UTC instants) shift by a day.
//   TIME_ZONES=UTC npm run test:browser      one zone, for a quick run
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { testServerMiddleware } from './test/server/middleware.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const TIME_ZONES = (process.env.TIME_ZONES ?? 'America/Los_Angeles,Pacific/Auckland,Pacific/Kiritimati')
  .split(',')
  .map((zone) => zone.trim())
  .filter(Boolean);

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
  // Test files run side by side in tabs of one browser; a background tab must not have its timers and
  // animation frames throttled, or frame-based code under test stalls.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];

/** A Chromium launcher whose pages run in one IANA time zone, named after it in the report. */
function chromiumIn(timeZone) {
  const launcher = chromeLauncher({
    launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    async createPage({ context }) {
      const page = await context.newPage();
      await page.emulateTimezone(timeZone);
      return page;
    },
  });
  launcher.name = `Chromium ${timeZone}`;
  return launcher;
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

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  // Real HTTP answers for the loading tests: status codes, slow and huge bodies, wrong content types.
  middleware: [testServerMiddleware],
  browsers: TIME_ZONES.map(chromiumIn),
  // One test file at a time per browser: a page in a background tab gets no rendering steps (no
  // ResizeObserver callbacks, no animation frames), and the element relies on both.
  concurrency: 1,
  // WTR resolves Lit's "development" build, which announces itself in every file.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryLineReporter()],
  // Generous: the first test to open the axis waits for the dev server to compile it, on a busy 2-core machine.
  testFramework: { config: { timeout: 20000 } },
};
