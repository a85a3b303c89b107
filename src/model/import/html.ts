/**
 * HTML from other tools (TimelineJS headlines, texts, captions and credits) turned into date-line rich text or
 * plain text, without a DOM: a small tokenizer feeds RichTextBuilder. It is not a full HTML parser and does not
 * need to be: whatever it misreads comes out as text, never as markup, because nothing here produces HTML.
 */
import { RichTextBuilder, SKIPPED_ELEMENTS } from './rich-text-builder.js';

/** The named character references that turn up in real timelines; others stay as written. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  middot: '\u00b7',
  bull: '\u2022',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  deg: '\u00b0',
  times: '\u00d7',
  euro: '\u20ac',
  pound: '\u00a3',
  shy: '\u00ad',
  thinsp: '\u2009',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  oacute: '\u00f3',
  uacute: '\u00fa',
  iacute: '\u00ed',
  ntilde: '\u00f1',
  ccedil: '\u00e7',
  auml: '\u00e4',
  ouml: '\u00f6',
  uuml: '\u00fc',
  szlig: '\u00df',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

/** Decodes character references (`&amp;`, `&#8217;`, `&#x2019;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : whole;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** A tag (with quoted attribute values that may hold ">"), a comment, a doctype or a processing instruction. */
const MARKUP = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>/g;
const ATTRIBUTE = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributeReader(source: string): (name: string) => string | undefined {
  return (wanted) => {
    for (const [, name, double, single, bare] of source.matchAll(ATTRIBUTE)) {
      if (name.toLowerCase() === wanted) return decodeEntities(double ?? single ?? bare ?? '');
    }
    return undefined;
  };
}

/**
 * The attributes of each start tag named `name` in `html`, in order: for each, a reader from an attribute's name
 * (lower case) to its value, character references decoded.
 */
export function startTags(html: string, name: string): ((attribute: string) => string | undefined)[] {
  return [...html.matchAll(MARKUP)]
    .filter(([, closing, tag]) => !closing && tag?.toLowerCase() === name)
    .map(([, , , attributes]) => attributeReader(attributes ?? ''));
}

/** Feeds HTML to a builder: text (entities decoded) and elements, skipping the content of script-like ones. */
function feed(html: string, builder: RichTextBuilder): void {
  let last = 0;
  let skipUntil: string | undefined; // inside <script>, <style>…: everything up to the matching end tag is dropped
  for (const match of html.matchAll(MARKUP)) {
    const [whole, closing, name = '', attributes = ''] = match;
    const tag = name.toLowerCase();
    if (skipUntil) {
      if (closing && tag === skipUntil) {
        skipUntil = undefined;
        builder.close(tag);
        last = match.index + whole.length;
      }
      continue;
    }
    builder.text(decodeEntities(html.slice(last, match.index)));
    last = match.index + whole.length;
    if (!name) continue; // a comment or a doctype
    if (closing) builder.close(tag);
    else {
      builder.open(tag, attributeReader(attributes));
      if (SKIPPED_ELEMENTS.has(tag)) {
        if (attributes.trimEnd().endsWith('/')) builder.close(tag);
        else skipUntil = tag;
      }
    }
  }
  if (!skipUntil) builder.text(decodeEntities(html.slice(last)));
}

export interface ConvertedHtml {
  /** The rich text (or plain text). */
  text: string;
  /** Link targets that were left out (keeping their text) because date-line does not follow them. */
  droppedLinks: string[];
}

/**
 * HTML as date-line rich text: `<b>`/`<strong>` → `**…**`, `<i>`/`<em>`/`<cite>` → `*…*`, `<a href>` →
 * `[text](url)` when the link is one date-line follows (http:, https:, mailto: or relative; otherwise its text
 * stays and the target is reported in `droppedLinks`), `<p>`, `<br>` and other blocks → paragraph breaks; other
 * tags are dropped, the content of `<script>`, `<style>` and the like with them; character references decoded.
 */
export function htmlToRichText(html: string): ConvertedHtml {
  const builder = new RichTextBuilder();
  feed(html, builder);
  return { text: builder.toRichText(), droppedLinks: builder.droppedLinks };
}

/** HTML as one line of plain text (for headlines and labels): tags dropped, breaks become spaces. */
export function htmlToPlainText(html: string): string {
  const builder = new RichTextBuilder();
  feed(html, builder);
  return builder.toPlainText(' ');
}
