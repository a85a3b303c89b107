// The custom elements manifest (custom-elements.json) as the scripts that are made from it read it: the README's
// API tables (api-tables.mjs) and the frameworks' declarations (framework-types.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs the analyzer on the sources (npm run analyze) and returns the manifest it writes; exits on failure. */
export function analyze(caller) {
  const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  const result = spawnSync(process.execPath, [cem, 'analyze', '--quiet'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`${caller}: the analyzer failed:\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
  return JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
}

/** The DateLine custom element's declaration in the manifest. */
export function findElement(manifest) {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.name === 'DateLine') return declaration;
    }
  }
  throw new Error('custom-elements.json has no DateLine custom element');
}
