/**
 * The small rich-text subset of summaries, captions and credits: paragraphs (a blank line), *emphasis*,
 * **strong** and [links](https://example.com). Parsed to a tree of plain strings that the element turns into
 * Lit templates, so text from data is never parsed as HTML. Links go only to http:, https: and mailto: URLs
 * or URLs relative to the page; anything else stays as the literal text.
 */

export type Inline =
  string | { kind: 'em' | 'strong'; children: Inline[] } | { kind: 'link'; href: string; children: Inline[] };
export type Paragraph = Inline[];

/** Same rule as the schema's linkUrl: a safe scheme, or no scheme at all, and no whitespace or controls. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a link must not contain
const SAFE_LINK = /^(?:(?:https?|mailto):|(?![a-z][a-z0-9+.-]*:))[^\s\u0000-\u001f\u007f]+$/i;

export function isSafeLink(url: string): boolean {
  return SAFE_LINK.test(url);
}

const TOKEN = /\[([^\]\n]+)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)|\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*/gs;

function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const [whole, linkText, href, strong, em] = match;
    const index = match.index;
    if (linkText !== undefined && !isSafeLink(href)) continue; // left as literal text
    if (index > last) out.push(text.slice(last, index));
    // Nesting is bounded: hostile input of thousands of nested markers must not recurse without end.
    const inner = (value: string) => (depth < 4 ? parseInline(value, depth + 1) : [value]);
    if (linkText !== undefined) out.push({ kind: 'link', href, children: inner(linkText) });
    else if (strong !== undefined) out.push({ kind: 'strong', children: inner(strong) });
    else out.push({ kind: 'em', children: inner(em) });
    last = index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Splits rich text into paragraphs of inline nodes. */
export function parseRichText(text: string): Paragraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => parseInline(paragraph));
}

/** The links a rich text tries to make that date-line will not follow, for validation errors. */
export function unsafeLinks(text: string): string[] {
  const unsafe: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    if (match[1] !== undefined && !isSafeLink(match[2])) unsafe.push(match[2]);
  }
  return unsafe;
}

/** The text without markup, for labels and announcements. */
export function plainText(text: string): string {
  const flatten = (nodes: Inline[]): string =>
    nodes.map((node) => (typeof node === 'string' ? node : flatten(node.children))).join('');
  return parseRichText(text).map(flatten).join('\n\n');
}
