/**
 * What the DOM-free layers (src/model, src/scale, src/i18n) use of the platform beyond ECMAScript, declared for
 * tsconfig.layers.json, whose `lib` has no DOM: the WHATWG URL parser (and its query), which browsers, workers, Node and Deno all
 * have. Anything else from the platform fails `npm run typecheck` there until it is declared here, on purpose.
 * Where the DOM's types are loaded (tsconfig.json), `URL` is the DOM's own and these members merge with its.
 */
interface URL {
  href: string;
  origin: string;
  protocol: string;
  hostname: string;
  pathname: string;
  hash: string;
  readonly searchParams: URLSearchParams;
}

/** The query of a URL, as far as the layers read it (media addresses: a video's id, its start time; the privacy-enhanced player's own). */
interface URLSearchParams {
  get(name: string): string | null;
  has(name: string): boolean;
  keys(): IterableIterator<string>;
  set(name: string, value: string): void;
  delete(name: string): void;
}

// eslint-disable-next-line no-var -- the DOM's lib declares URL as a var, and only a var merges with it
declare var URL: typeof globalThis extends { onmessage: unknown; URL: infer DomURL }
  ? DomURL
  : { prototype: URL; new (url: string | URL, base?: string | URL): URL };
