// A second origin for the script-tag test (test/script-tag.test.ts): the page comes from web-test-runner's server,
// the script from a small static server on another port, as an article page and a CDN would.
//
//   /__test__/cross-origin/page.html    a plain HTML page (no test code in it) that loads
//                                       http://127.0.0.1:<port>/dist/date-line.bundled.js and has two <date-line>s
//                                       with src="data/ice-facebook-palantir.json", relative to the page
//   /__test__/cross-origin/data/<file>  the project's data/<file>, so that relative src resolves here
//   /__test__/cross-origin/log          what each origin was asked for, as JSON
//
// And for the embed tests (test/embed/cross-origin.test.ts), pages on three origins: the host page on this one,
// the timeline's page in its frame on the second, and a stranger on a third (the same static server on another
// port), each a different origin:
//   /__test__/cross-origin/origins      {"frame": "http://127.0.0.1:<port>", "third": "http://127.0.0.1:<port>"}
//   POST /__test__/cross-origin/pages/<name>.html
//                                       stores a page (the request's body), which every origin then serves:
//   /__test__/cross-origin/pages/<name>.html here, and /pages/<name>.html on the second and third origins
// The second and third origins also serve the built files of dist/ (the script-tag file and its chunks,
// embed.html, embed-host.js) and the project's data/<file>.json.
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
/** Pages stored by the tests, by name. */
const pages = new Map();
let started;

/**
 * Builds the script-tag file into a temporary directory and serves that directory on two free ports: the frame's
 * origin (the script's, for the script-tag test) and a third one.
 */
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
    const serve = async (request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.setHeader('Cache-Control', 'no-store');
      const page = /^\/pages\/([\w.-]+\.html)$/.exec(path)?.[1];
      if (page !== undefined) {
        if (pages.has(page))
          response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages.get(page));
        else response.writeHead(404).end();
        return;
      }
      const data = /^\/data\/([\w.-]+\.json)$/.exec(path)?.[1];
      const file = data ? join(root, 'data', data) : normalize(join(dir, path));
      if (!data && (!file.startsWith(join(dir, 'dist')) || !/\.(js|html)(\.map)?$/.test(file))) {
        response.writeHead(404).end();
        return;
      }
      if (!data) log.script.push(path); // what the script-tag test asks of the script's origin
      try {
        const body = await readFile(file);
        const type = file.endsWith('.html')
          ? 'text/html'
          : file.endsWith('.json')
            ? 'application/json'
            : 'text/javascript';
        response.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    };
    const listen = async () => {
      const server = createServer(serve);
      await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
      server.unref(); // never keeps the test runner alive
      return `http://127.0.0.1:${server.address().port}`;
    };
    return { frame: await listen(), third: await listen() };
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
      const origin = (await start()).frame;
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
  } else if (what === 'origins') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(await start());
  } else if (what === 'pages' && more.length === 1 && /^[\w.-]+\.html$/.test(more[0])) {
    if (ctx.method === 'POST') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      pages.set(more[0], Buffer.concat(chunks).toString('utf8'));
      ctx.status = 204;
    } else if (pages.has(more[0])) {
      ctx.type = 'text/html';
      ctx.body = pages.get(more[0]);
    } else ctx.status = 404;
  } else if (what === 'log') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(log);
  } else {
    ctx.status = 404;
  }
}
