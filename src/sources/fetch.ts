/**
 * Fetching timeline files: with an abort signal (a newer `src` cancels the older request), a timeout, a size
 * limit, and a plain-language error for every way a request can fail. No DOM needed; `fetch` only.
 */
import type { TimelineError } from '../model/validate.js';

/** What identifies a version of a file to its server: its `ETag` and `Last-Modified` headers. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions {
  /** Aborts the request, e.g. when `src` changes again or the element is removed. */
  signal?: AbortSignal;
  /** Gives up after this many milliseconds. */
  timeout?: number;
  /** Refuses bodies larger than this many bytes. */
  maxBytes?: number;
  /**
   * Asks whether the copy with these validators is still current (a refresh). From the page's own origin the
   * request is conditional (`If-None-Match`, `If-Modified-Since`), and an unchanged file comes back as
   * `{ ok: true, unchanged: true }`. From another origin those headers would cost a CORS preflight that servers
   * such as Google's often refuse, so the browser revalidates its own cached copy instead (`cache: 'no-cache'`).
   */
  revalidate?: Validators;
}

export type FetchResult =
  | ({ ok: true; unchanged?: false; text: string; contentType: string; url: string } & Validators)
  | { ok: true; unchanged: true }
  | { ok: false; errors: TimelineError[]; aborted?: boolean };

export const DEFAULT_TIMEOUT = 15_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const failure = (message: string): FetchResult => ({ ok: false, errors: [{ path: '', message }] });

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Reads a response body as text, stopping (and cancelling the download) once it passes `maxBytes`. */
async function readLimited(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const decoder = new TextDecoder();
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode();
}

/**
 * Fetches a timeline file. Relative URLs resolve against `base` (the page, not the script that defines the
 * element). Never throws; an abort by the caller's signal comes back as `{ ok: false, aborted: true }`.
 */
export async function fetchTimelineText(src: string, base: string, options: FetchOptions = {}): Promise<FetchResult> {
  const { timeout = DEFAULT_TIMEOUT, maxBytes = DEFAULT_MAX_BYTES } = options;
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    return failure(`"${src}" is not a valid address.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'blob:' && url.protocol !== 'data:') {
    return failure(`"${src}" cannot be loaded: only http: and https: addresses are fetched.`);
  }
  const controller = new AbortController();
  const abort = () => controller.abort();
  options.signal?.addEventListener('abort', abort);
  if (options.signal?.aborted) controller.abort();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const name = `"${src}"`;
  try {
    const init: RequestInit = { signal: controller.signal, credentials: 'same-origin' };
    const { etag, lastModified } = options.revalidate ?? {};
    if (url.origin === new URL(base).origin && (etag || lastModified))
      init.headers = {
        ...(etag && { 'If-None-Match': etag }),
        ...(lastModified && { 'If-Modified-Since': lastModified }),
      };
    else if (options.revalidate) init.cache = 'no-cache';
    const response = await fetch(url, init);
    if (response.status === 304) {
      await response.body?.cancel();
      return { ok: true, unchanged: true };
    }
    if (!response.ok) {
      const reason =
        response.status === 404 ? ' (the file was not found)' : response.status >= 500 ? ' (a server error)' : '';
      return failure(
        `Could not load ${name}: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${reason}.`,
      );
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) {
      await response.body?.cancel();
      return failure(
        `Could not load ${name}: it is ${formatBytes(declared)}, more than the ${formatBytes(maxBytes)} limit.`,
      );
    }
    const text = await readLimited(response, maxBytes);
    if (text === null) return failure(`Could not load ${name}: it is more than the ${formatBytes(maxBytes)} limit.`);
    if (text.trim() === '') return failure(`Could not load ${name}: the server sent an empty file.`);
    const header = (name: string) => response.headers.get(name) ?? undefined;
    return {
      ok: true,
      text,
      contentType: header('content-type') ?? '',
      url: url.href,
      etag: header('etag'),
      lastModified: header('last-modified'),
    };
  } catch (error) {
    // Sub-second timeouts keep a decimal: "within 0 seconds" would read as a bug.
    if (timedOut) return failure(`Could not load ${name}: no answer within ${+(timeout / 1000).toFixed(1)} seconds.`);
    if (controller.signal.aborted) return { ok: false, aborted: true, errors: [] };
    const detail = error instanceof Error ? error.message : String(error);
    return failure(
      `Could not load ${name}: the network request failed (${detail}). Check the address, your connection, and that the server allows this page to read it (CORS).`,
    );
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', abort);
  }
}
