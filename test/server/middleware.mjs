// Answers for the loading tests, served by web-test-runner's own dev server: real HTTP status codes, delays,
// content types and sizes, so the element's fetch is tested against a server and not a mocked function.
//   /__test__/status/404          that status, with an HTML error page
//   /__test__/delay/300/<file>    <file> from the project after 300 ms (for timeouts and races)
//   /__test__/huge                a valid JSON body of ~12 MB, streamed
//   /__test__/typed/<type>/<file> <file> with the given content type (URL-encoded)
//   /__test__/empty               200 with an empty body
//   /__test__/cross-origin/…      an article page that loads the script-tag file from a second origin
//                                 (test/server/cross-origin.mjs)
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { crossOrigin } from './cross-origin.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function projectFile(path) {
  const full = resolve(root, path);
  if (!full.startsWith(root)) throw new Error('outside the project');
  return readFile(full, 'utf8');
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
