// A web-test-runner plugin that serves React apps' imports to the browser tests, once per React version:
// /__react/19.js and /__react/18.js are test/frameworks/react-app.ts bundled by esbuild (as WTR's esbuild plugin
// compiles TypeScript) with React 19 (the root's) or React 18 (test/frameworks/apps/react18-packages). React ships
// CommonJS, which a browser cannot import as it is, and the two versions cannot both be `react` to WTR's resolver.
// The element itself is not bundled: the bundle imports /src/index.ts, the module the tests import, so that the
// wrapper and the tests share one DateLine.
import { build } from 'esbuild';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');
const REACT_DIRS = { 19: root, 18: join(root, 'test/frameworks/apps/react18-packages') };

/** React and ReactDOM from the version's own folder, wherever they are imported (the wrapper's too). */
function reactOf(version) {
  return {
    name: `react-${version}`,
    setup(build) {
      build.onResolve({ filter: /^(react|react-dom)(\/.*)?$/ }, (args) =>
        args.pluginData === version
          ? undefined
          : build.resolve(args.path, { kind: args.kind, resolveDir: REACT_DIRS[version], pluginData: version }),
      );
    },
  };
}

/** The element's modules, outside the React entry, stay the dev server's (/src/….ts): one DateLine for all. */
const elementFromServer = {
  name: 'element-from-server',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = join(args.resolveDir, args.path);
      if (!args.importer.startsWith(src) || target.startsWith(join(src, 'frameworks'))) return undefined;
      return { path: `/${relative(root, target).replace(/\.js$/, '.ts')}`, external: true };
    });
  },
};

async function bundle(version) {
  const result = await build({
    entryPoints: [join(root, 'test/frameworks/react-app.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    // React's development build: its warnings (a prop it cannot set, a key missing) show in the test logs.
    define: { 'process.env.NODE_ENV': '"development"' },
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [reactOf(version), elementFromServer],
  });
  return result.outputFiles[0].text;
}

export function reactBundlesPlugin() {
  const bundles = new Map();
  return {
    name: 'date-line-react-bundles',
    serve(context) {
      const version = context.path.match(/^\/__react\/(18|19)\.js$/)?.[1];
      if (!version) return undefined;
      if (!bundles.has(version)) bundles.set(version, bundle(version));
      return bundles.get(version).then((body) => ({ body, type: 'js' }));
    },
  };
}
