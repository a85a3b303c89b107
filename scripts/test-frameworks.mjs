#!/usr/bin/env node
// The framework entries as apps use them: test/frameworks/apps/ holds an app's code for React 19 and 18
// (date-line/react), Vue 3 (date-line/vue) and Svelte 5 (date-line/svelte), compiled as those apps compile it (tsc,
// vue-tsc, svelte-check) against the package as npm packs it: correct use compiles, and each deliberate mistake (a
// wrong layout, an unknown field in data, a misspelt detail key, a handler of the wrong type, a read-only field as
// a prop) must fail, marked @ts-expect-error, @vue-expect-error, or with an "expect-error" comment in Svelte's markup.
//
// The package is packed (npm pack, without building again) and unpacked into
// test/frameworks/apps/node_modules/date-line, where the apps find it as if installed; its types are built first
// when they are older than the sources. Offline: the compilers and the frameworks' types are devDependencies (React
// 18's in test/frameworks/apps/react18-packages, a package of its own: its react-dom needs react 18 beside it).
//   node --test scripts/test-frameworks.mjs     (npm run test:frameworks, in npm test)
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { newest, run } from './run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const apps = join(root, 'test/frameworks/apps');
const installed = join(apps, 'node_modules/date-line');
const bin = (name) => join(root, 'node_modules/.bin', name);

before(() => {
  if (newest(join(root, 'types')) < Math.max(newest(join(root, 'src')), newest(join(root, 'tsconfig.build.json')))) {
    const build = run('npm', ['run', 'build:types'], root);
    assert.equal(build.status, 0, `npm run build:types failed:\n${build.output}`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'date-line-frameworks-'));
  try {
    const pack = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], root);
    assert.equal(pack.status, 0, `npm pack failed:\n${pack.output}`);
    const [packed] = JSON.parse(pack.output.slice(pack.output.indexOf('[')));
    rmSync(installed, { recursive: true, force: true });
    mkdirSync(installed, { recursive: true });
    const unpack = run('tar', ['-xzf', join(scratch, packed.filename), '-C', installed, '--strip-components=1'], root);
    assert.equal(unpack.status, 0, `tar failed:\n${unpack.output}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

/** Asserts that a compiler found no problem; its output otherwise. */
function compiles(result, what) {
  assert.equal(result.status, 0, `${what} does not compile:\n${result.output}`);
}

test('React 19: the DateLine component and the <date-line> tag type-check, and the mistakes do not (tsc)', () => {
  compiles(run(process.execPath, [bin('tsc'), '-p', join(apps, 'react/tsconfig.json')], root), 'the React 19 app');
});

test('React 18: the DateLine component type-checks with React 18 types, and the mistakes do not (tsc)', () => {
  compiles(
    run(process.execPath, [bin('tsc'), '-p', join(apps, 'react/tsconfig.react18.json')], root),
    'the React 18 app',
  );
});

test('Vue 3: <date-line> type-checks in a template, and the mistakes do not (vue-tsc)', () => {
  compiles(run(bin('vue-tsc'), ['-p', join(apps, 'vue/tsconfig.json')], root), 'the Vue app');
});

test('Svelte 5: <date-line> type-checks in a component, and svelte-check reports each mistake where it is', () => {
  const svelte = join(apps, 'svelte');
  const check = run(
    bin('svelte-check'),
    ['--workspace', svelte, '--tsconfig', join(svelte, 'tsconfig.json'), '--output', 'machine'],
    root,
  );
  // Lines such as: 1700000000000 ERROR "Mistakes.svelte" 17:12 "Type '"grid"' is not assignable to …"
  const problems = [...check.output.matchAll(/^\d+ (ERROR|WARNING) "([^"]+)" (\d+):\d+ (.*)$/gm)].map(
    ([, kind, file, line, message]) => ({ kind, at: `${relative(svelte, join(svelte, file))}:${line}`, message }),
  );
  assert.match(check.output, /COMPLETED \d+ FILES/, `svelte-check did not run:\n${check.output}`);
  const mistakes = readFileSync(join(svelte, 'Mistakes.svelte'), 'utf8').split('\n');
  const expected = mistakes.flatMap((line, index) => (line.includes('<!-- expect-error:') ? [index + 2] : []));
  assert.ok(expected.length >= 8, 'Mistakes.svelte marks its mistakes');
  const unexpected = problems.filter(
    ({ kind, at }) => kind !== 'ERROR' || !expected.some((n) => at === `Mistakes.svelte:${n}`),
  );
  assert.deepEqual(unexpected, [], 'svelte-check reports problems where there are none');
  const missed = expected.filter((n) => !problems.some(({ at }) => at === `Mistakes.svelte:${n}`));
  assert.deepEqual(
    missed.map((n) => `Mistakes.svelte:${n}: ${mistakes[n - 1].trim()}`),
    [],
    'these mistakes compile',
  );
});
