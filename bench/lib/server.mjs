/**
 * The static server the pages are loaded from: the project root (so /dist/ and /bench/node_modules/ are the
 * real built files), plus /bench-data/<library>.json?n=N with the generated events in that library's format.
 *
 * It compresses text the way a CDN would (gzip) and logs every response with the bytes actually sent, so the
 * harness measures "transferred bytes" from what it served instead of trusting the browser's accounting.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formats, generateEvents } from './data.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.ttf', '.eot']);

/** Level 9, as size budgets are usually quoted; compressed once per file and kept, so serving stays cheap. */
const gzip = (buffer) => gzipSync(buffer, { level: 9 });

/**
 * Starts the server on a free loopback port. Returns `{ origin, log, close, route }`; `log` is the list of
 * responses since the last `log.length = 0`: `{ path, type, bytes, gzipBytes, sent, status }`.
 *
 * For the first-view and cls modes (the default mode uses neither):
 *   option `delay`   `(path) => ms`: how long to hold a response before sending it (a slow network for one kind
 *                    of file)
 *   `route(path, body, type)`   serves a page or data a mode made from memory at `path` (before any file)
 */
export async function startServer(root, { delay = () => 0 } = {}) {
  const routes = new Map(); // path -> cache entry
  const cache = new Map(); // path -> { body, gzipped, type }
  const dataCache = new Map(); // "library:n" -> cache entry
  const log = [];

  async function fileEntry(path) {
    if (cache.has(path)) return cache.get(path);
    const file = normalize(join(root, decodeURIComponent(path)));
    if (file !== root && !file.startsWith(root + sep)) return null; // no ../ out of the project
    let body;
    try {
      body = await readFile(file);
    } catch {
      return null;
    }
    const ext = extname(file).toLowerCase();
    const entry = {
      body,
      gzipped: COMPRESSIBLE.has(ext) ? gzip(body) : null,
      type: TYPES[ext] ?? 'application/octet-stream',
    };
    cache.set(path, entry);
    return entry;
  }

  function dataEntry(library, n) {
    const key = `${library}:${n}`;
    if (!dataCache.has(key)) {
      const body = Buffer.from(JSON.stringify(formats[library](generateEvents(n))));
      // Level 1: data is not what is being measured, and level 9 on 34 MB would cost seconds per request.
      dataCache.set(key, { body, gzipped: gzipSync(body, { level: 1 }), type: TYPES['.json'] });
    }
    return dataCache.get(key);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let entry = null;
    const data = url.pathname.match(/^\/bench-data\/([\w-]+)\.json$/);
    if (routes.has(url.pathname)) {
      entry = routes.get(url.pathname);
    } else if (data && formats[data[1]]) {
      const n = Number(url.searchParams.get('n'));
      if (Number.isInteger(n) && n >= 0 && n <= 1_000_000) entry = dataEntry(data[1], n);
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      entry = await fileEntry(url.pathname.endsWith('/') ? url.pathname + 'index.html' : url.pathname);
    }
    if (!entry) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      log.push({ path: url.pathname, status: 404, type: '', bytes: 0, gzipBytes: 0, sent: 0 });
      return;
    }
    const wait = delay(url.pathname);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const useGzip = entry.gzipped && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = useGzip ? entry.gzipped : entry.body;
    res.writeHead(200, {
      'Content-Type': entry.type,
      'Content-Length': body.length,
      // Every run must be a cold load; a fresh browser profile already ensures it, this makes it explicit.
      'Cache-Control': 'no-store',
      ...(useGzip && { 'Content-Encoding': 'gzip' }),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({
      path: url.pathname,
      status: 200,
      type: entry.type.split(';')[0],
      bytes: entry.body.length,
      gzipBytes: entry.gzipped ? entry.gzipped.length : entry.body.length,
      sent: body.length,
    });
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    /** Fills the data cache so that generating 100,000 events does not land inside a measured run. */
    warm: (library, n) => void dataEntry(library, n),
    /** Serves `body` (a string or Buffer) at `path` from now on. */
    route: (path, body, type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream') => {
      const buffer = Buffer.from(body);
      routes.set(path, { body: buffer, gzipped: /^(text|application\/json)/.test(type) ? gzip(buffer) : null, type });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
