#!/usr/bin/env node
// Checks data/timeline.schema.json with a reference validator (Ajv, JSON Schema 2020-12, strict mode): the
// schema compiles, every timeline shipped in data/ and used by the tests validates, and documents that must
// fail do. date-line's own small runtime validator is tested in the browser suite; this keeps the published
// schema honest for editors and other tools that read it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
const schema = read('data/timeline.schema.json');
const validate = ajv.compile(schema);
let failures = 0;

const valid = [
  'data/ice-facebook-palantir.json',
  ...readdirSync(join(root, 'test/fixtures'))
    .filter((name) => name.endsWith('.json') && !name.startsWith('invalid-'))
    .map((name) => `test/fixtures/${name}`),
];
for (const path of valid) {
  if (validate(read(path))) console.log(`ok    ${path}`);
  else {
    failures++;
    console.error(`FAIL  ${path}\n${JSON.stringify(validate.errors, null, 2)}`);
  }
}

const event = { id: 'e', date: '2017', title: 't' };
const mustFail = {
  'an unknown key': { version: 1, events: [{ ...event, titel: 'x' }] },
  'a missing title': { version: 1, events: [{ id: 'e', date: '2017' }] },
  'a javascript: link': { version: 1, events: [{ ...event, sources: [{ title: 's', url: 'javascript:alert(1)' }] }] },
  'a link with a tab in its scheme': {
    version: 1,
    events: [{ ...event, sources: [{ title: 's', url: 'java\tscript:x' }] }],
  },
  'a data: image': { version: 1, events: [{ ...event, media: { url: 'data:image/png;base64,AAAA' } }] },
  'media with neither a url nor a quote': { version: 1, events: [{ ...event, media: { caption: 'c' } }] },
  'version 2': { version: 2, events: [] },
  'an id with a space': { version: 1, events: [{ ...event, id: 'a b' }] },
  'a colour that is CSS': { version: 1, groups: [{ id: 'g', label: 'G', color: 'red;background:url(x)' }], events: [] },
};
for (const [name, document] of Object.entries(mustFail)) {
  if (validate(document)) {
    failures++;
    console.error(`FAIL  the schema accepts ${name}`);
  } else console.log(`ok    the schema rejects ${name}`);
}
const extended = {
  version: 1,
  'x-desk': 'tech',
  events: [{ ...event, 'x-priority': 1, sources: [{ title: 's', 'x-access': 'repost' }] }],
};
if (validate(extended)) console.log('ok    the schema accepts x- fields');
else {
  failures++;
  console.error('FAIL  the schema rejects x- fields');
}

// A newsroom's own schema extends ours: it $refs ours by its $id and types the x- fields it adds. Ajv finds ours
// by that $id (it knows it since compiling it above), as an editor would through the $schema URL.
const newsroomSchema = read('data/examples/newsroom.schema.json');
if (newsroomSchema.$ref !== schema.$id) {
  failures++;
  console.error(`FAIL  data/examples/newsroom.schema.json must $ref ${schema.$id}`);
}
const validateNewsroom = ajv.compile(newsroomSchema);
const newsroomTimeline = read('data/examples/newsroom-timeline.json');
if (validateNewsroom(newsroomTimeline) && validate(newsroomTimeline)) {
  console.log('ok    data/examples/newsroom-timeline.json (against the newsroom schema and ours)');
} else {
  failures++;
  console.error(`FAIL  data/examples/newsroom-timeline.json\n${JSON.stringify(validateNewsroom.errors, null, 2)}`);
}
const [firstEvent, ...otherEvents] = newsroomTimeline.events;
const newsroomMustFail = {
  'an x-priority that is text, not a number': {
    ...newsroomTimeline,
    events: [{ ...firstEvent, 'x-priority': 'high' }],
  },
  'an x-desk it does not know': { ...newsroomTimeline, events: [...otherEvents, { ...firstEvent, 'x-desk': 'sport' }] },
  'an x-newsroom without its editor': { ...newsroomTimeline, 'x-newsroom': { desk: 'tech' } },
  'a typo in one of our own fields': { ...newsroomTimeline, events: [{ ...firstEvent, titel: 'x' }] },
};
for (const [name, document] of Object.entries(newsroomMustFail)) {
  // The same document is fine for date-line (x- fields are free), except for the typo: the extension adds to
  // our rules and takes none away.
  if (validateNewsroom(document)) {
    failures++;
    console.error(`FAIL  the newsroom schema accepts ${name}`);
  } else console.log(`ok    the newsroom schema rejects ${name}`);
}

if (failures) {
  console.error(`${failures} schema check(s) failed`);
  process.exit(1);
}
