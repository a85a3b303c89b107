import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';
import { genericPageHtml } from './src/embed/page.js';

// Modes:
//   vite                          dev server for the demo pages (/ redirects to /demo/)
//   vite build                    dist/date-line.js and friends: ES modules for npm, lit, date-fns and @date-fns/utc external
//   vite build --mode standalone  dist/date-line.bundled.js: one self-contained ES module for a <script type="module">,
//                                 with the parts that load on demand (axis, filters, locales, importers) beside it
//   vite build --mode demo        dist-demo/: the static demo site (npm run build:demo, after the standalone build)
const root = import.meta.dirname;
const isDependency = (id: string) =>
  /^(lit|lit-html|lit-element|@lit\/[^/]+|date-fns|@date-fns\/utc|react)(\/.*)?$/.test(id);

/** The demo is the front page of the dev server and of `vite preview`. */
function demoFrontPage(): Plugin {
  const redirect = (
    req: { url?: string },
    res: { statusCode: number; setHeader(name: string, value: string): void; end(): void },
    next: () => void,
  ) => {
    if (req.url !== '/' && req.url !== '/index.html') return next();
    res.statusCode = 302;
    res.setHeader('Location', '/demo/');
    res.end();
  };
  return {
    name: 'date-line-demo-front-page',
    configureServer: (server) => void server.middlewares.use(redirect),
    configurePreviewServer: (server) => void server.middlewares.use(redirect),
  };
}

/**
 * What the demo pages use without Vite seeing it, copied into dist-demo/ at the same relative paths: the data
 * files that <date-line src> attributes name, the script-tag page as it is (it must load the real script-tag
 * file, not a Vite bundle) with that file and its chunks, and a front page that leads to the demo.
 */
function demoStaticFiles(): Plugin {
  const copies: Record<string, string> = {
    'data/ice-facebook-palantir.json': 'data/ice-facebook-palantir.json',
    'demo/script-tag.html': 'demo/script-tag.html',
    'demo/article.css': 'demo/article.css',
    // TimelineJS's all-media template, which demo/media.html shows (kept byte for byte with the tests' fixtures).
    'test/fixtures/timelinejs/all-media-types.json': 'test/fixtures/timelinejs/all-media-types.json',
  };
  for (const name of readdirSync(resolve(root, 'demo/data'))) {
    if (name.endsWith('.json')) copies[`demo/data/${name}`] = `demo/data/${name}`;
  }
  return {
    name: 'date-line-demo-static-files',
    apply: 'build',
    generateBundle() {
      const bundled = resolve(root, 'dist/date-line.bundled.js');
      if (!existsSync(bundled))
        this.error('dist/date-line.bundled.js is missing: run vite build --mode standalone first');
      // The script-tag file and the chunks it imports (not stale chunks of earlier builds).
      const queue = ['date-line.bundled.js'];
      for (const file of queue) {
        copies[`dist/${file}`] = `dist/${file}`;
        const text = readFileSync(resolve(root, 'dist', file), 'utf8');
        for (const [, chunk] of text.matchAll(/["'`]\.\/(date-line\.[\w.-]+\.js)["'`]/g)) {
          if (!queue.includes(chunk)) queue.push(chunk);
        }
      }
      for (const [fileName, from] of Object.entries(copies)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(resolve(root, from)) });
      }
      this.emitFile({
        type: 'asset',
        fileName: 'index.html',
        source:
          '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=demo/"><title>date-line</title><a href="demo/">date-line demo</a>\n',
      });
    },
  };
}

/**
 * Beside the script-tag file: the generic page for iframes (dist/embed.html, which loads it from beside itself)
 * and the optional script for the pages around them (dist/embed-host.js, self-contained: it imports nothing).
 */
function embedFiles(): Plugin {
  return {
    name: 'date-line-embed-files',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: resolve(root, 'src/embed/host.ts'), fileName: 'embed-host.js' });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'embed.html', source: genericPageHtml('./date-line.bundled.js') });
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'demo') {
    return {
      base: './',
      plugins: [demoFrontPage(), minifyTemplatesPlugin(), demoStaticFiles()],
      build: {
        target: 'es2022',
        outDir: 'dist-demo',
        emptyOutDir: true,
        rolldownOptions: {
          input: {
            article: resolve(root, 'demo/index.html'),
            story: resolve(root, 'demo/story.html'),
            media: resolve(root, 'demo/media.html'),
            gallery: resolve(root, 'demo/gallery.html'),
            builder: resolve(root, 'demo/builder.html'),
          },
        },
      },
    };
  }
  if (mode === 'standalone') {
    return {
      plugins: [minifyTemplatesPlugin(), embedFiles()],
      build: {
        target: 'es2022',
        outDir: 'dist',
        emptyOutDir: false, // runs after the npm build and adds to it
        sourcemap: true,
        minify: true,
        lib: {
          entry: resolve(root, 'src/index.ts'),
          name: 'DateLine',
          // No classic-script (IIFE) variant: it cannot load the on-demand parts, so it would carry all of
          // them and be twice the size; every browser date-line supports runs <script type="module">.
          formats: ['es'],
          fileName: () => 'date-line.bundled.js',
        },
        rolldownOptions: {
          // Lit and the rest of the shared code stay in the script-tag file itself (the on-demand chunks: axis,
          // filter panel, locales, importers import them from it) instead of moving to a third file; that adds
          // exports to it. Vite's library default, 'strict', splits them out.
          preserveEntrySignatures: 'allow-extension',
          // Vite keeps whitespace and /*@__PURE__*/ comments in ES library output; this file is for a script tag.
          output: { minify: true, comments: false, chunkFileNames: 'date-line.[name]-[hash].js' },
        },
      },
    };
  }
  return {
    plugins: [demoFrontPage(), minifyTemplatesPlugin()],
    server: { host: '127.0.0.1' },
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: true,
      // The npm build is readable ES (unminified, comments kept; the user's bundler minifies), so it ships no
      // source maps; the script-tag file, which is minified and served from CDNs, keeps its maps.
      sourcemap: false,
      minify: false,
      lib: {
        entry: {
          'date-line': resolve(root, 'src/index.ts'),
          element: resolve(root, 'src/element.ts'),
          model: resolve(root, 'src/model.ts'),
          // React's wrapper; Vue's and Svelte's entries hold only types (their files are empty modules).
          react: resolve(root, 'src/frameworks/react.ts'),
          vue: resolve(root, 'src/frameworks/vue.ts'),
          svelte: resolve(root, 'src/frameworks/svelte.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: { external: isDependency },
    },
  };
});
