/**
 * A small validator for the subset of JSON Schema 2020-12 that data/timeline.schema.json uses, run on the
 * schema's rules as generated at build time (schema-rules.generated.ts). It costs a few hundred bytes instead of
 * a general validator's tens of kilobytes, and its messages speak to authors, not to schema experts.
 * scripts/generate-model.mjs refuses a schema keyword this file does not implement.
 */
import { SCHEMA_RULES } from './schema-rules.generated.js';

/** A problem in timeline data: where (a JSON Pointer into the input) and what, in plain language. */
export interface TimelineError {
  /** JSON Pointer (RFC 6901) to the value at fault, e.g. "/events/3/date"; "" is the whole input. */
  path: string;
  message: string;
  /** For an unknown field that looks like a typo, the field that was probably meant. */
  suggestion?: string;
}

interface Rule {
  type?: string;
  const?: unknown;
  enum?: readonly unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  items?: Rule;
  uniqueItems?: boolean;
  required?: readonly string[];
  properties?: Readonly<Record<string, Rule>>;
  patternProperties?: Readonly<Record<string, Rule>>;
  additionalProperties?: boolean;
  $ref?: string;
}

const ROOT = SCHEMA_RULES as unknown as Rule & { $defs: Record<string, Rule> };

/** What a value of a definition is called in messages. */
const NOUNS: Record<string, string> = {
  event: 'An event',
  group: 'A group',
  era: 'An era',
  media: 'The media',
  source: 'A source',
};

/**
 * What a string of a definition must look like, when its pattern fails. Dates have no pattern at runtime: they
 * are parsed (parse.ts), which names the value and says what is wrong with it.
 */
const PATTERN_MESSAGES: Record<string, string> = {
  id: 'must be an id: letters, digits and . _ : - only, starting with a letter or digit',
  linkUrl:
    'is not a link date-line will follow: use an http:, https: or mailto: URL (or one relative to the page), with no spaces',
  mediaUrl:
    'is not a media address date-line will load: use an http: or https: URL (or one relative to the page), with no spaces',
  color: 'is not a colour; use #rgb or #rrggbb, for example "#1f6feb"',
};

/** Field names people write by habit (often from TimelineJS) and the name this format uses. */
const ALIASES: Record<string, string> = {
  headline: 'title',
  text: 'summary',
  description: 'summary',
  start_date: 'date',
  startDate: 'date',
  start: 'date',
  end_date: 'end',
  endDate: 'end',
  display_date: 'displayDate',
  unique_id: 'id',
  name: 'label',
  source: 'sources',
  tag: 'tags',
};

export function pointer(path: string, key: string | number): string {
  const text = String(key);
  return `${path}/${/[~/]/.test(text) ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text}`;
}

/** How a message names the value at a path: its key in quotes, or "The timeline" for the whole input. */
function named(path: string): string {
  return path === '' ? 'The timeline' : `"${path.slice(path.lastIndexOf('/') + 1)}"`;
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isInteger(value) ? 'a whole number' : 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text (a string in quotes)',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list ([…])',
  object: 'an object ({…})',
};

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

/**
 * Edit distance counting a swap of neighbours as one edit (optimal string alignment), for "did you mean" on
 * misspelled field names: "titel" is one edit from "title".
 */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/** The allowed field most likely meant by an unknown one, if any is close. */
export function suggestField(unknown: string, allowed: readonly string[]): string | undefined {
  const alias = ALIASES[unknown];
  if (alias && allowed.includes(alias)) return alias;
  const lower = unknown.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(1, Math.floor(unknown.length / 3)) ? best : undefined;
}

const regexes = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let compiled = regexes.get(pattern);
  if (!compiled) regexes.set(pattern, (compiled = new RegExp(pattern, 'u')));
  return compiled;
}

/** Stops validation after this many errors: one bad field in every event of a huge file must not flood the UI. */
export const MAX_ERRORS = 100;

/**
 * Checks `value` against the timeline schema, appending located errors to `errors`. Follows the schema's
 * structure only; meaning (real dates, unique ids, known groups) is checked by parseTimeline.
 */
export function validateSchema(value: unknown, errors: TimelineError[]): void {
  check(value, ROOT, '', { noun: 'The timeline' }, errors);
}

/**
 * Checks one event against the schema's event definition, appending located errors (under `path`) to `errors`:
 * what `validateSchema` says of that event, for parsing that keeps the valid events of a timeline.
 */
export function validateEvent(value: unknown, path: string, errors: TimelineError[]): void {
  check(value, ROOT.properties!.events.items!, path, { noun: 'The timeline' }, errors);
}

/** Where in the schema a value is checked: what to call its object and which definition a string follows. */
interface Context {
  noun: string;
  definition?: string;
}

function check(value: unknown, rule: Rule, path: string, context: Context, errors: TimelineError[]): void {
  if (errors.length >= MAX_ERRORS) return;
  if (rule.$ref) {
    const name = rule.$ref.slice('#/$defs/'.length);
    check(value, ROOT.$defs[name], path, { noun: NOUNS[name] ?? context.noun, definition: name }, errors);
    return;
  }
  if ('const' in rule && value !== rule.const) {
    errors.push({ path, message: `${named(path)} must be ${JSON.stringify(rule.const)}.` });
    return;
  }
  if (rule.enum && !rule.enum.includes(value)) {
    errors.push({
      path,
      message: `${named(path)} must be one of ${rule.enum.map((v) => JSON.stringify(v)).join(', ')}.`,
    });
    return;
  }
  if (rule.type && !matchesType(value, rule.type)) {
    errors.push({
      path,
      message: `${named(path)} should be ${EXPECTED[rule.type] ?? rule.type}, not ${describeType(value)}.`,
    });
    return;
  }
  if (typeof value === 'string') {
    if (rule.minLength !== undefined && value.length < rule.minLength) {
      errors.push({ path, message: `${named(path)} is empty.` });
    } else if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      errors.push({ path, message: `${named(path)} is longer than ${rule.maxLength} characters.` });
    } else if (rule.pattern && !regex(rule.pattern).test(value)) {
      const expectation = PATTERN_MESSAGES[context.definition ?? ''] ?? 'is not in the expected form';
      errors.push({ path, message: `${named(path)} ${expectation}.` });
    }
  } else if (typeof value === 'number') {
    if ((rule.minimum !== undefined && value < rule.minimum) || (rule.maximum !== undefined && value > rule.maximum)) {
      errors.push({ path, message: `${named(path)} must be from ${rule.minimum} to ${rule.maximum}.` });
    }
  } else if (Array.isArray(value)) {
    if (rule.uniqueItems) {
      const seen = new Set<unknown>();
      value.forEach((item, index) => {
        if (seen.has(item))
          errors.push({ path: pointer(path, index), message: `${JSON.stringify(item)} is listed twice.` });
        seen.add(item);
      });
    }
    if (rule.items) value.forEach((item, index) => check(item, rule.items!, pointer(path, index), context, errors));
  } else if (typeof value === 'object' && value !== null) {
    checkObject(value as Record<string, unknown>, rule, path, context, errors);
  }
}

function checkObject(
  value: Record<string, unknown>,
  rule: Rule,
  path: string,
  context: Context,
  errors: TimelineError[],
): void {
  const properties = rule.properties ?? {};
  // A property set to `undefined` (a JS object given as `data`, say `{ media: maybe ?? undefined }`) is absent,
  // as it would be in the JSON of that object.
  for (const name of rule.required ?? []) {
    if (value[name] === undefined) {
      errors.push({ path, message: `${context.noun} has no "${name}", which is required.` });
    }
  }
  const allowed = Object.keys(properties);
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const childPath = pointer(path, key);
    if (Object.hasOwn(properties, key)) {
      check(child, properties[key], childPath, { noun: context.noun }, errors);
      continue;
    }
    const patternRule = Object.entries(rule.patternProperties ?? {}).find(([pattern]) => regex(pattern).test(key));
    if (patternRule) {
      check(child, patternRule[1], childPath, { noun: context.noun }, errors);
      continue;
    }
    if (rule.additionalProperties === false) {
      const suggestion = suggestField(key, allowed);
      errors.push({
        path: childPath,
        message:
          `Unknown field "${key}".` +
          (suggestion ? ` Did you mean "${suggestion}"?` : '') +
          ` Your own fields must start with "x-".`,
        ...(suggestion ? { suggestion } : {}),
      });
    }
  }
}
