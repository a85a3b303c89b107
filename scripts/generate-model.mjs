#!/usr/bin/env node
// One source of truth: data/timeline.schema.json. This script derives from it
//   src/model/timeline-data.generated.ts  TypeScript types for the raw JSON (with the schema's descriptions as JSDoc)
//   src/model/schema-rules.generated.ts   the schema without annotations, for the small runtime validator
// `node scripts/generate-model.mjs --check` fails (exit 1) when the committed files differ from what the schema
// gives, so the types, the validator and the schema cannot drift apart. It also fails on any schema keyword the
// runtime validator does not implement, so a schema edit cannot silently go unchecked at runtime.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(root, 'data/timeline.schema.json');
const typesPath = join(root, 'src/model/timeline-data.generated.ts');
const rulesPath = join(root, 'src/model/schema-rules.generated.ts');

/** Keywords that describe rather than constrain; dropped from the runtime rules. */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'examples']);
/**
 * The date pattern is for editors, which check a file as it is typed. At runtime every date is parsed
 * (src/model/dates.ts), which checks far more than a pattern can and says what is wrong, naming the value.
 */
const DATE_PATTERN = '/$defs/date/pattern';
/**
 * "A media item has a url or a quote" is for editors too; at runtime parse.ts (checkMedia) checks it, with a
 * message that names both, so the validator needs no anyOf.
 */
const MEDIA_URL_OR_QUOTE = '/$defs/media/anyOf';

/** Keywords src/model/validate.ts implements. */
const VALIDATED = new Set([
  'type',
  'const',
  'enum',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'items',
  'uniqueItems',
  'required',
  'properties',
  'patternProperties',
  'additionalProperties',
  '$ref',
  '$defs',
]);

/** TypeScript names for the schema's definitions. */
const TYPE_NAMES = {
  id: 'IdString',
  date: 'DateString',
  richText: 'RichText',
  linkUrl: 'LinkUrl',
  mediaUrl: 'MediaUrl',
  color: 'ColorString',
  group: 'GroupData',
  era: 'EraData',
  media: 'MediaData',
  source: 'SourceData',
  event: 'EventData',
};

const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

function stripAnnotations(node, path) {
  if (Array.isArray(node)) return node.map((n, i) => stripAnnotations(n, `${path}/${i}`));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    // Inside properties, patternProperties and $defs the keys are names, not keywords.
    const inMap = path.endsWith('/properties') || path.endsWith('/patternProperties') || path.endsWith('/$defs');
    if (!inMap && ANNOTATIONS.has(key)) continue;
    if (`${path}/${key}` === DATE_PATTERN || `${path}/${key}` === MEDIA_URL_OR_QUOTE) continue;
    if (!inMap && !VALIDATED.has(key)) {
      throw new Error(`${path}/${key}: the runtime validator does not implement the keyword "${key}"`);
    }
    out[key] = stripAnnotations(value, `${path}/${key}`);
  }
  return out;
}

function refName(ref) {
  const name = ref.replace('#/$defs/', '');
  if (!TYPE_NAMES[name]) throw new Error(`no TypeScript name for ${ref}; add it to TYPE_NAMES`);
  return TYPE_NAMES[name];
}

function docComment(text, indent) {
  if (!text) return '';
  const safe = text.replace(/\*\//g, '*\\/');
  return `${indent}/** ${safe} */\n`;
}

function tsType(node, indent) {
  if (node.$ref) return refName(node.$ref);
  if ('const' in node) return JSON.stringify(node.const);
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(' | ');
  switch (node.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `${wrap(tsType(node.items ?? {}, indent))}[]`;
    case 'object':
      return objectBody(node, indent);
    default:
      return 'unknown';
  }
}

function wrap(type) {
  return /[|&]/.test(type) ? `(${type})` : type;
}

function objectBody(node, indent) {
  const inner = `${indent}  `;
  const required = new Set(node.required ?? []);
  let body = '{\n';
  for (const [key, prop] of Object.entries(node.properties ?? {})) {
    const description =
      prop.description ?? (prop.$ref ? schema.$defs[prop.$ref.replace('#/$defs/', '')]?.description : undefined);
    body += docComment(description, inner);
    const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
    body += `${inner}${name}${required.has(key) ? '' : '?'}: ${tsType(prop, inner)};\n`;
  }
  if (node.patternProperties?.['^x-']) {
    body += `${inner}/** Your own fields: any key that starts with "x-". */\n`;
    body += `${inner}[extension: \`x-\${string}\`]: unknown;\n`;
  }
  return `${body}${indent}}`;
}

function generateTypes() {
  let out = '// Generated by scripts/generate-model.mjs from data/timeline.schema.json. Do not edit by hand.\n';
  out += '// These types describe the JSON an author writes; src/model/types.ts has the parsed, normalised model.\n\n';
  for (const [name, def] of Object.entries(schema.$defs)) {
    out += docComment(def.description, '');
    const type = tsType(def, '');
    out +=
      def.type === 'object'
        ? `export interface ${refName(`#/$defs/${name}`)} ${type}\n\n`
        : `export type ${refName(`#/$defs/${name}`)} = ${type};\n\n`;
  }
  out += docComment(schema.description, '');
  out += `export interface TimelineData ${tsType(schema, '')}\n`;
  return out;
}

function generateRules() {
  const rules = stripAnnotations(schema, '');
  return (
    '// Generated by scripts/generate-model.mjs from data/timeline.schema.json. Do not edit by hand.\n' +
    '// The schema without its descriptions and examples: what src/model/validate.ts checks at runtime.\n\n' +
    `export const SCHEMA_ID = ${JSON.stringify(schema.$id)};\n\n` +
    `export const SCHEMA_RULES = ${JSON.stringify(rules, null, 2)} as const;\n`
  );
}

const outputs = [
  [typesPath, generateTypes()],
  [rulesPath, generateRules()],
];

if (process.argv.includes('--check')) {
  const stale = outputs.filter(([path, text]) => {
    try {
      return readFileSync(path, 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (stale.length) {
    console.error(
      `Out of date with data/timeline.schema.json: ${stale.map(([p]) => p.slice(root.length + 1)).join(', ')}`,
    );
    console.error('Run: npm run generate');
    process.exit(1);
  }
  console.log('generated model files match data/timeline.schema.json');
} else {
  for (const [path, text] of outputs) writeFileSync(path, text);
  console.log(`wrote ${outputs.map(([p]) => p.slice(root.length + 1)).join(', ')}`);
}
