// A second origin for the script-tag test (test/script-tag.test.ts): the page comes from web-test-runner's server,
// the script from a small static server on another port, as an article page and a CDN would.
//
//   /__test__/cross-origin/page.html    a plain HTML page (no test code in it) that loads
//                                       http://127.0.0.1:<port>/dist/date-line.bundled.js and has two <date-line>s
//                                       with src="data/ice-facebook-palantir.json", relative to the page
//   /__test__/cross-origin/data/<file>  the project's data/<file>, so that relative src resolves here
//   /__test__/cross-origin/log          what each origin was asked for, as JSON
//
// On the first request the script-tag file is built from the current sources (vite build --mode standalone)
// into a temporary directory: `npm test` runs before `npm run build` on a fresh machine, and the CLI test may
// rebuild dist/ while the browser tests run. The second server sends `Access-Control-Allow-Origin: *`, as
// CDNs do: module scripts, and the chunks they import on demand, are fetched with CORS.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const log = { page: [], script: [] };
let started;

/** Builds the script-tag file into a temporary directory and serves that directory on a free port. */
function start() {
  started ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'date-line-cdn-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const { build } = await import('vite');
    await build({
      configFile: join(root, 'vite.config.ts'),
      mode: 'standalone',
      logLevel: 'warn',
      build: { outDir: join(dir, 'dist'), emptyOutDir: true },
    });
    const server = createServer(async (request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      log.script.push(path);
      response.setHeader('Access-Control-Allow-Origin', '*');
      const file = normalize(join(dir, path));
      if (!file.startsWith(join(dir, 'dist')) || !/\.js(\.map)?$/.test(file)) {
        response.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
    server.unref(); // never keeps the test runner alive
    return `http://127.0.0.1:${server.address().port}`;
  })();
  return started;
}

const page = (origin) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>An article that embeds date-line from another origin</title>
    <script>
      window.loads = [];
      document.addEventListener('date-line-load', (event) => window.loads.push(event.target.id));
      document.addEventListener('date-line-error', (event) => window.loads.push('error: ' + JSON.stringify(event.detail.errors)));
    </script>
    <script type="module" src="${origin}/dist/date-line.bundled.js"></script>
  </head>
  <body style="margin: 0">
    <date-line id="axis" layout="axis" src="data/ice-facebook-palantir.json"></date-line>
    <div style="width: 360px"><date-line id="list" src="data/ice-facebook-palantir.json"></date-line></div>
  </body>
</html>
`;

/** Handles /__test__/cross-origin/<rest> (called by test/server/middleware.mjs). */
export async function crossOrigin(ctx, rest) {
  const [what, ...more] = rest;
  if (what === 'page.html') {
    try {
      const origin = await start();
      ctx.type = 'text/html';
      ctx.body = page(origin);
    } catch (error) {
      ctx.status = 500;
      ctx.type = 'text/plain';
      ctx.body = `building the script-tag file failed: ${error?.stack ?? error}`;
    }
  } else if (what === 'data' && more.length === 1 && /^[\w.-]+\.json$/.test(more[0])) {
    log.page.push(ctx.path);
    ctx.type = 'application/json';
    ctx.body = await readFile(join(root, 'data', more[0]), 'utf8');
  } else if (what === 'log') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(log);
  } else {
    ctx.status = 404;
  }
}
