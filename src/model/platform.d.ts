/**
 * What the DOM-free layers (src/model, src/scale, src/i18n) use of the platform beyond ECMAScript, declared for
 * tsconfig.layers.json, whose `lib` has no DOM: the WHATWG URL parser, which browsers, workers, Node and Deno all
 * have. Anything else from the platform fails `npm run typecheck` there until it is declared here, on purpose.
 * Where the DOM's types are loaded (tsconfig.json), `URL` is the DOM's own and these members merge with its.
 */
interface URL {
  href: string;
  protocol: string;
  hostname: string;
}

// eslint-disable-next-line no-var -- the DOM's lib declares URL as a var, and only a var merges with it
declare var URL: typeof globalThis extends { onmessage: unknown; URL: infer DomURL }
  ? DomURL
  : { prototype: URL; new (url: string | URL, base?: string | URL): URL };
