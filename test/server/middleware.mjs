// Answers for the loading tests, served by web-test-runner's own dev server: real HTTP status codes, delays,
// content types and sizes, so the element's fetch is tested against a server and not a mocked function.
//   /__test__/status/404          that status, with an HTML error page
//   /__test__/delay/300/<file>    <file> from the project after 300 ms (for timeouts and races)
//   /__test__/huge                a valid JSON body of ~12 MB, streamed
//   /__test__/typed/<type>/<file> <file> with the given content type (URL-encoded)
//   /__test__/empty               200 with an empty body
//   /__test__/cross-origin/…      an article page that loads the script-tag file from a second origin
//                                 (test/server/cross-origin.mjs)
//   /__test__/text?type=…&body=…  200 with that body and content type
//   /__test__/reset               the connection is destroyed before any answer (a network error)
//   /__test__/tracked/<key>/<ms>/<file>
//                                 like delay, but the server remembers whether the client hung up first
//   /__test__/media/<key>/<name>  a 1×1 PNG (any name), remembered, so a test can tell what was requested
//   /__test__/live/<key>/set?body=…&type=…&status=…&validators=etag|modified|none
//                                 sets what /__test__/live/<key> answers from now on (a file an editor changes);
//                                 POSTed, the request's body is the file's
//   /__test__/live/<key>          that file, with an ETag and a Last-Modified (unless validators says otherwise),
//                                 304 to a request whose If-None-Match or If-Modified-Since matches; remembered
//   /__test__/log/<key>           what the tracked, media and live routes remembered for <key>, as JSON
//   /__test__/csp/<name>.html     a page served with a strict Content Security Policy and Trusted Types
//   /__test__/csp/probe.js        the script that page runs first: it records policy violations
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { crossOrigin } from './cross-origin.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function projectFile(path) {
  const full = resolve(root, path.replace(/^\/+/, ''));
  if (!full.startsWith(root)) throw new Error('outside the project');
  return readFile(full, 'utf8');
}

/** Requests the tracked, media and live routes saw, by the key in their path. */
const logs = new Map();
/** The files of the live route, by key: what they answer now, and since when. */
const liveFiles = new Map();
function record(key, entry) {
  if (!logs.has(key)) logs.set(key, []);
  logs.get(key).push(entry);
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The strict policy of the CSP tests: nothing inline, no eval, scripts and styles only from this origin, and
 * Trusted Types required for every DOM sink that could run script.
 */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

// The probe runs before anything else on the page (a classic script in <head>, allowed as it is from 'self').
const CSP_PROBE = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
});`;

const CSP_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>date-line under a strict Content Security Policy</title>
    <script src="/__test__/csp/probe.js"></script>
    <script type="module" src="/src/index.ts"></script>
  </head>
  <body>
    <date-line id="axis" layout="axis" src="/data/ice-facebook-palantir.json" locale="en-GB"></date-line>
    <date-line id="list" layout="list" src="/data/examples/timeline.csv" locale="en-GB"></date-line>
    <date-line id="media" layout="list" src="/test/fixtures/timelinejs/all-media-types.json" locale="en-GB"></date-line>
  </body>
</html>`;

/**
 * A file that changes between fetches, as a timeline an editor keeps updating: /set changes it (or makes it fail
 * with a status), and every GET is remembered with its conditional headers and the status it got.
 */
async function live(ctx, [key, action]) {
  if (action === 'set') {
    const version = (liveFiles.get(key)?.version ?? 0) + 1;
    // The body is the request's own when it is POSTed (a whole timeline is too long for a query string).
    let body = ctx.query.body ?? '';
    if (ctx.method === 'POST') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      body = Buffer.concat(chunks).toString('utf8');
    }
    liveFiles.set(key, {
      version,
      body,
      type: ctx.query.type ?? 'application/json',
      status: Number(ctx.query.status ?? 200),
      validators: ctx.query.validators ?? 'etag',
      // Whole seconds, as HTTP dates have; each version a second later than the last, so they differ.
      modified: new Date(Date.UTC(2018, 2, 26, 12, 0, version)),
    });
    ctx.status = 204;
    return;
  }
  const file = liveFiles.get(key);
  const entry = {
    at: Date.now(),
    ifNoneMatch: ctx.get('If-None-Match'),
    ifModifiedSince: ctx.get('If-Modified-Since'),
  };
  record(key, entry);
  if (!file || file.status !== 200) {
    entry.status = ctx.status = file?.status ?? 404;
    ctx.type = 'text/html';
    ctx.body = `<!doctype html><title>${ctx.status}</title>`;
    return;
  }
  const etag = `"v${file.version}"`;
  const modified = file.modified.toUTCString();
  if (file.validators === 'etag') ctx.set('ETag', etag);
  if (file.validators === 'modified') ctx.set('Last-Modified', modified);
  const unchanged =
    (file.validators === 'etag' && entry.ifNoneMatch === etag) ||
    (file.validators === 'modified' && entry.ifModifiedSince === modified);
  entry.status = ctx.status = unchanged ? 304 : 200;
  if (!unchanged) {
    ctx.type = file.type;
    ctx.body = file.body;
  }
}

export async function testServerMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/__test__/')) return next();
  const [, , kind, ...rest] = ctx.path.split('/');
  ctx.set('Cache-Control', 'no-store');
  if (kind === 'status') {
    ctx.status = Number(rest[0]);
    ctx.type = 'text/html';
    ctx.body = `<!doctype html><title>${rest[0]}</title><h1>Error ${rest[0]}</h1>`;
  } else if (kind === 'delay') {
    await sleep(Number(rest[0]));
    ctx.type = 'application/json';
    ctx.body = await projectFile(rest.slice(1).join('/'));
  } else if (kind === 'typed') {
    ctx.type = decodeURIComponent(rest[0]);
    ctx.body = await projectFile(rest.slice(1).join('/'));
  } else if (kind === 'empty') {
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = '';
  } else if (kind === 'cross-origin') {
    await crossOrigin(ctx, rest);
  } else if (kind === 'text') {
    ctx.status = 200;
    ctx.type = ctx.query.type ?? 'application/json';
    ctx.body = ctx.query.body ?? '';
  } else if (kind === 'reset') {
    // No HTTP answer at all: the browser sees a network error, as when a server or a proxy drops the line.
    ctx.respond = false;
    ctx.req.socket.destroy();
  } else if (kind === 'tracked') {
    const [key, ms, ...file] = rest;
    const entry = { path: ctx.path, aborted: false, answered: false };
    record(key, entry);
    const hungUp = new Promise((done) => ctx.req.socket.once('close', done));
    await Promise.race([sleep(Number(ms)), hungUp]);
    if (ctx.req.socket.destroyed) {
      entry.aborted = true;
      ctx.respond = false;
      return;
    }
    entry.answered = true;
    ctx.type = 'application/json';
    ctx.body = await projectFile(file.join('/'));
  } else if (kind === 'media') {
    record(rest[0], { path: ctx.path, origin: ctx.get('Origin'), referer: ctx.get('Referer') });
    ctx.type = 'image/png';
    ctx.body = PNG;
  } else if (kind === 'live') {
    await live(ctx, rest);
  } else if (kind === 'log') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(logs.get(rest[0]) ?? []);
  } else if (kind === 'csp') {
    ctx.set('Content-Security-Policy', STRICT_CSP);
    if (rest[0] === 'probe.js') {
      ctx.type = 'text/javascript';
      ctx.body = CSP_PROBE;
    } else {
      ctx.type = 'text/html';
      ctx.body = CSP_PAGE;
    }
  } else if (kind === 'huge') {
    // No Content-Length: the element must stop reading by itself once the body passes its limit.
    const chunk = `{"id":"e","date":"2017","title":"${'x'.repeat(1000)}"},`;
    let sent = 0;
    ctx.type = 'application/json';
    ctx.body = Readable.from(
      (function* body() {
        yield '{"version":1,"events":[';
        for (; sent < 12000; sent++) yield chunk;
        yield '{"id":"last","date":"2017","title":"last"}]}';
      })(),
    );
  } else {
    ctx.status = 404;
  }
}
