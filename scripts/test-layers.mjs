#!/usr/bin/env node
// Tests that the DOM-free layers (src/model, src/scale, src/i18n; see DESIGN.md) stay DOM-free, by allow-list:
//   types  tsconfig.layers.json (run by `npm run typecheck`) has no DOM in its lib, so a DOM global, `fetch` or
//          anything else the platform has beyond ECMAScript fails unless src/model/platform.d.ts declares it (URL);
//   lint   eslint.config.js's layers/allowed-imports lets a layer import only its own folder, the layers below
//          it (i18n ← model ← scale) and date-fns, which types cannot see (Lit's types, with skipLibCheck, and
//          the sources, which are typed without the DOM too, would pass).
// Each probe is written into each layer, checked the way the case says, and removed again; a legitimate file
// must pass both checks.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const LAYERS = ['src/model', 'src/scale', 'src/i18n'];

// [what, code, the check that must refuse it, for types: the name the type error is about]
const refused = [
  ['document', 'export const probe = (): string => document.title;\n', 'types', "'document'"],
  ['globalThis.document', 'export const probe = (): unknown => globalThis.document;\n', 'types', "'typeof globalThis'"],
  ['self.location', 'export const probe = (): string => self.location.href;\n', 'types', "'self'"],
  [
    'DOMParser',
    "export const probe = () => new DOMParser().parseFromString('', 'text/html');\n",
    'types',
    "'DOMParser'",
  ],
  ['CSS', "export const probe = (): string => CSS.escape('a b');\n", 'types', "'CSS'"],
  ['fetch', "export const probe = () => fetch('timeline.json');\n", 'types', "'fetch'"],
  ['the element through ../index.js', "export { DateLine as probe } from '../index.js';\n", 'lint'],
  ['the element', "import { DateLine } from '../date-line.js';\nexport const probe = DateLine;\n", 'lint'],
  ['Lit', "import { html } from 'lit';\nexport const probe = html``;\n", 'lint'],
  [
    'the view',
    "import type { AxisSnapshot } from '../view/axis/axis.js';\nexport type Probe = AxisSnapshot;\n",
    'lint',
  ],
  ['the view, lazily', "export const probe = () => import('../view/list/list.js');\n", 'lint'],
  ['a controller', "export type Probe = import('../controllers/size-controller.js').SizeController;\n", 'lint'],
  ['the sources', "export { sheetSource as probe } from '../sources/sheets.js';\n", 'lint'],
  ['a package that is not date-fns', "export { readFileSync as probe } from 'node:fs';\n", 'lint'],
];

// Between the layers, only downwards: i18n ← model ← scale. [where, what, code]
const upwards = [
  ['src/model', 'the scale', "export { timeMap as probe } from '../scale/coords.js';\n"],
  ['src/i18n', 'the model', "export { formatNumber as probe } from '../model/format.js';\n"],
  ['src/i18n', 'the scale', "export { timeMap as probe } from '../scale/coords.js';\n"],
];

// What a layer may do: [where, code]
const legitimate = [
  [
    'src/scale',
    "import { addMonths } from 'date-fns';\nimport { daysFromCivil } from '../model/calendar.js';\nimport { fill } from '../i18n/messages.js';\n" +
      "export const probe = [addMonths, daysFromCivil(2017, 2, 1), fill('{a}', { a: 'b' }), new URL('https://example.org/').hostname];\n",
  ],
  [
    'src/model',
    "import { fill } from '../i18n/messages.js';\nimport { isLeapYear } from './calendar.js';\n" +
      "export const probe = [fill('{a}', { a: 'b' }), isLeapYear(2024), new Intl.NumberFormat('de').format(1)];\n",
  ],
  ['src/i18n', "import type { Messages } from './messages.js';\nexport type Probe = Messages['gap'];\n"],
];

const probes = [
  ...LAYERS.flatMap((where) =>
    refused.map(([what, code, check, name]) => ({ where, title: `${what} is refused (${check})`, code, check, name })),
  ),
  ...upwards.map(([where, what, code]) => ({ where, title: `${what} is refused (lint)`, code, check: 'lint' })),
  ...legitimate.map(([where, code]) => ({ where, title: 'a legitimate file passes', code, check: null })),
].map((probe, index) => ({ ...probe, file: join(root, probe.where, `layer-probe-${index}.ts`) }));

/** Lint messages per probe file, from ESLint's own API and the project's eslint.config.js. */
async function lint(files) {
  const results = await new ESLint({ cwd: root }).lintFiles(files);
  return new Map(results.map((result) => [result.filePath, result.messages.map((m) => `${m.ruleId}: ${m.message}`)]));
}

/**
 * Type errors per probe file, from one program with tsconfig.layers.json's options. Probes refused by lint stay out
 * of it: what they import would bring errors of its own into the program (the element's HTMLElement).
 */
function typeErrors(files) {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.layers.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) =>
        assert.fail(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
    },
  );
  const real = config.fileNames.filter((name) => !/layer-probe-\d+\.ts$/.test(name));
  const program = ts.createProgram({ rootNames: [...real, ...files], options: config.options });
  const errors = new Map();
  for (const file of files) {
    const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
    errors.set(
      file,
      diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')),
    );
  }
  const elsewhere = ts.getPreEmitDiagnostics(program).filter((d) => !files.includes(d.file?.fileName ?? ''));
  assert.deepEqual(
    elsewhere.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')),
    [],
    'the layers type-check',
  );
  return errors;
}

describe('layers', () => {
  let linted;
  let typed;
  before(async () => {
    for (const probe of probes) writeFileSync(probe.file, probe.code);
    linted = await lint(probes.map((probe) => probe.file));
    typed = typeErrors(probes.filter((probe) => probe.check !== 'lint').map((probe) => probe.file));
  });
  after(() => {
    for (const probe of probes) rmSync(probe.file, { force: true });
  });

  for (const probe of probes) {
    it(`${probe.where}: ${probe.title}`, () => {
      const lintMessages = linted.get(probe.file);
      const typeMessages = typed.get(probe.file) ?? [];
      if (probe.check === 'lint')
        assert.ok(
          lintMessages.some((message) => message.startsWith('layers/allowed-imports:')),
          `expected layers/allowed-imports, got ${JSON.stringify(lintMessages)}`,
        );
      else if (probe.check === 'types')
        assert.ok(
          typeMessages.some((message) => message.includes(probe.name)),
          `expected a type error about ${probe.name}, got ${JSON.stringify(typeMessages)}`,
        );
      else assert.deepEqual([...lintMessages, ...typeMessages], []);
    });
  }
});
