#!/usr/bin/env node
// Every address of this package on a CDN that the package or its docs tell users to fetch (the script tag, the
// schema's $id and its $schema examples, SCHEMA_ID, the embed printer's script, the builder's and the CLI's output)
// must resolve once this version is published: it names a version range that package.json's version is in, and a
// file the package ships. An address at @1 while the package is 0.x is a 404 for every editor and every page that
// fetches it until a 1.x exists.
//   node --test scripts/test-urls.mjs     (npm run test:urls, in npm test)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The CDNs that serve npm packages by name and version range, and the address of a file of this package on each. */
const CDN_URL = /https:\/\/(?:unpkg\.com|cdn\.jsdelivr\.net\/npm|esm\.sh)\/date-line@([^/\s'"`)]+)\/([^\s'"`)<>]*)/g;

/**
 * The files whose addresses users are given: everything in the repository but the tests (whose fixtures pin made-up
 * versions) and the lock file. Sources count for what is built from them (dist/, types/).
 */
function sourceFiles() {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && !file.startsWith('test/') && file !== 'package-lock.json')
    .filter((file) => /\.(m?[jt]s|json|md|html|txt|csv)$/.test(file));
}

function addresses() {
  return sourceFiles().flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(CDN_URL)].map(([url, range, path]) => ({
      file,
      url,
      range,
      path,
    })),
  );
}

/** Whether `version` is in `range` as npm reads a partial version: "0" is 0.x.y, "0.1" is 0.1.y, "0.1.0" itself. */
function inRange(version, range) {
  return version === range || version.startsWith(`${range}.`);
}

/** Whether the package ships `path` (its "files" entries are files or folders). */
function ships(path) {
  return pkg.files.some((entry) => path === entry || path.startsWith(`${entry}/`));
}

const found = addresses();

test(`every CDN address names a version range that ${pkg.version} is in, and a file the package ships`, () => {
  const literal = found.filter(({ range }) => !range.includes('${'));
  const wrong = literal.filter(({ range, path }) => !inRange(pkg.version, range) || !ships(path));
  assert.deepEqual(
    wrong.map(({ file, url }) => `${file}: ${url}`),
    [],
    `these addresses do not resolve once date-line@${pkg.version} is published`,
  );
});

test('the addresses users are given are found where they are written (the check above is not vacuous)', () => {
  const where = (file) => found.filter((address) => address.file === file).map(({ url }) => url);
  const major = pkg.version.split('.')[0];
  const script = `https://unpkg.com/date-line@${major}/dist/date-line.bundled.js`;
  const schema = `https://unpkg.com/date-line@${major}/data/timeline.schema.json`;
  assert.ok(where('README.md').includes(script), 'the README script tag');
  assert.ok(where('README.md').includes(schema), 'the README $schema');
  assert.deepEqual(where('data/timeline.schema.json'), [schema, schema], "the schema's $id and its $schema example");
  assert.deepEqual(where('src/model/schema-rules.generated.ts'), [schema], 'SCHEMA_ID');
  assert.deepEqual(where('src/model/embed-html.ts'), [script], 'DEFAULT_SCRIPT_URL');
  assert.ok(where('demo/embed.ts').length > 0, "the builder's script tag (at the version of package.json)");
  assert.equal(JSON.parse(readFileSync(join(root, 'data/timeline.schema.json'), 'utf8')).$id, schema);
});

test("the builder's script tag is at package.json's version", () => {
  // demo/embed.ts writes `date-line@${version}` and the builder passes the version it imports from package.json.
  const builder = readFileSync(join(root, 'demo/builder.ts'), 'utf8');
  assert.match(builder, /^import \{ version \} from '\.\.\/package\.json';$/m);
  const embed = found.filter(({ file }) => file === 'demo/embed.ts');
  assert.deepEqual(
    embed.map(({ range }) => range),
    ['${version}'],
  );
});
