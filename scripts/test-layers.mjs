#!/usr/bin/env node
// Tests that the lint configuration keeps the layers DESIGN.md draws (model ← scale ← view ← element): a file in
// src/model or src/scale that imports Lit, the view, the controllers or the element, or touches the DOM, fails
// `npm test`. Each case lints a probe file written where the case says, through ESLint's own API and the
// project's eslint.config.js, and removes it again.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rules that fire on `code` in a file at `path` (relative to the project). */
async function rulesFiring(path, code) {
  const file = join(root, path);
  writeFileSync(file, code);
  try {
    const [result] = await eslint.lintFiles([file]);
    return result.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`);
  } finally {
    rmSync(file, { force: true });
  }
}

// [where, code, the rule that must fire, or null where none may]
const cases = [
  ['src/scale', "import { html } from 'lit';\nexport const probe = html``;\n", 'no-restricted-imports'],
  ['src/model', "import { css } from 'lit';\nexport const probe = css``;\n", 'no-restricted-imports'],
  [
    'src/model',
    "import { AxisRenderer } from '../view/axis.js';\nexport const probe = AxisRenderer;\n",
    'no-restricted-imports',
  ],
  [
    'src/scale',
    "import { DateLine } from '../date-line.js';\nexport const probe = DateLine;\n",
    'no-restricted-imports',
  ],
  [
    'src/scale',
    "import { SizeController } from '../controllers/size-controller.js';\nexport const probe = SizeController;\n",
    'no-restricted-imports',
  ],
  [
    'src/model',
    "import { timeMap } from '../scale/coords.js';\nexport const probe = timeMap;\n",
    'no-restricted-imports',
  ],
  ['src/scale', 'export const probe = (): string => document.title;\n', 'no-restricted-globals'],
  ['src/model', 'export const probe = (): number => window.innerWidth;\n', 'no-restricted-globals'],
  ['src/scale', "import { daysFromCivil } from '../model/calendar.js';\nexport const probe = daysFromCivil;\n", null],
  ['src/view', "import { html } from 'lit';\nexport const probe = html`${document.title}`;\n", null],
];

describe('layers', () => {
  for (const [where, code, rule] of cases) {
    const first = code.split('\n')[0];
    it(`${where}: ${first} ${rule ? `fails (${rule})` : 'passes'}`, async () => {
      const fired = await rulesFiring(`${where}/layer-probe.ts`, code);
      if (rule) assert.ok(fired.includes(rule), `expected ${rule}, got ${JSON.stringify(fired)}`);
      else assert.deepEqual(fired, []);
    });
  }
});
