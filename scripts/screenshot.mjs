#!/usr/bin/env node
// Takes the README's screenshot, docs/article-timeline.png: the article timeline as the demo's article page
// shows it, cropped to the element. Serves the built demo (npm run build:demo; built here when missing) with
// `vite preview` and drives Debian's Chromium (CHROME_PATH, default /usr/bin/chromium) with puppeteer-core, which
// web-test-runner brings.
//   node scripts/screenshot.mjs [--out docs/article-timeline.png]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outIndex = process.argv.indexOf('--out');
const out = join(root, outIndex > 0 ? process.argv[outIndex + 1] : 'docs/article-timeline.png');

if (!existsSync(join(root, 'dist-demo/demo/index.html'))) {
  const build = spawnSync('npm', ['run', 'build:demo'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const server = await preview({ root, mode: 'demo', logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
const address = server.httpServer.address();
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--disable-background-networking', '--lang=en-GB'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1400, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('date-line-load', () => (window.dateLineLoaded = true));
  });
  await page.goto(`http://127.0.0.1:${address.port}/demo/`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => window.dateLineLoaded, { timeout: 15_000 });
  await new Promise((settle) => setTimeout(settle, 500)); // the axis's first layout and fonts
  const box = await (await page.$('figure.embed')).boundingBox();
  const margin = 16; // a little of the page around the element
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({
    path: out,
    clip: { x: box.x - margin, y: box.y, width: box.width + 2 * margin, height: box.height },
  });
  console.log(`screenshot: ${out} (${Math.round(statSync(out).size / 1024)} KB)`);
} finally {
  await browser.close();
  await server.close();
}
