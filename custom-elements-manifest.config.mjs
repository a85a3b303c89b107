// The custom elements manifest (custom-elements.json, `npm run analyze`): what IDEs, Storybook-like tools and the
// README's API tables (scripts/api-tables.mjs) know about <date-line>. The JSDoc in src/date-line.ts is its
// source: @fires, @csspart and @cssprop on the class, a comment on every public member. Members marked
// `@internal` are left out by the analyzer; this config also leaves out private and protected ones.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export default {
  // The public entries only: the element, its events, and the two modules that export them.
  globs: ['src/date-line.ts', 'src/element.ts', 'src/index.ts', 'src/events.ts'],
  litelement: true,
  // package.json already names the manifest; the analyzer would otherwise rewrite it.
  packagejson: false,
  plugins: [publicApiOnly()],
};

/** Keeps what users of the element can use, and drops what the analyzer infers by mistake. */
function publicApiOnly() {
  return {
    name: 'date-line-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          declaration.members = declaration.members?.filter(
            (member) => member.privacy !== 'private' && member.privacy !== 'protected',
          );
          // The element dispatches its events through a private `emit(type, detail)`; the analyzer reads that
          // `new CustomEvent(type, …)` as an event named "type". The real events are the @fires tags.
          declaration.events = declaration.events?.filter((event) => event.name !== 'type' || event.description);
          // A default given by a named constant (`timeout = DEFAULT_TIMEOUT`) is shown as its value.
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (item.default && constants().has(item.default)) item.default = constants().get(item.default);
          }
        }
      }
    },
  };
}

let constantValues;
/** `export const NAME = <number or string literal>;` in src/, by name. */
function constants() {
  if (constantValues) return constantValues;
  constantValues = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const [, name, value] of source.matchAll(/^export const ([A-Z][A-Z0-9_]*) = ([\d_.]+|'[^'\n]*');$/gm)) {
          constantValues.set(name, value.startsWith("'") ? value : value.replaceAll('_', ''));
        }
      }
    }
  };
  walk(join(import.meta.dirname, 'src'));
  return constantValues;
}
