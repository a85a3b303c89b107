/**
 * Builds date-line rich text (paragraphs, *em*, **strong**, [links](url); see ../rich-text.ts) from a stream of
 * HTML-like events: text, an element opening, an element closing. Two readers feed it: the HTML tokenizer of
 * the importers (html.ts), which never builds a DOM, and the light-DOM reader of the element, which walks real
 * nodes. Neither ever passes HTML through: only text and the few marks the subset has come out.
 *
 * The subset cannot nest emphasis inside emphasis reliably (`***x***` does not parse back), so text that is both
 * bold and italic comes out bold, and emphasis never spans a paragraph break: it is closed and reopened.
 */
import { isSafeLink, parseRichText } from '../rich-text.js';

interface Run {
  text: string;
  strong: boolean;
  em: boolean;
  href: string | undefined;
}

/** Elements that end a paragraph where they open and where they close. */
const BLOCKS = new Set(
  'address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul'.split(
    ' ',
  ),
);
/** Elements whose content is not text for readers: left out with everything inside them. */
export const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'head']);

/** HTML's own whitespace: runs of it are one space, as a browser shows them (a no-break space stays). */
const HTML_SPACE = /[ \t\n\r\f]+/g;

/** A link target as the rich-text subset writes it, or undefined when the subset cannot hold it safely. */
function linkTarget(raw: string): string | undefined {
  // Spaces are not allowed in the subset's links (nor in URLs); encoded, they mean the same address.
  const href = raw.trim().replace(/[ \t\n\r\f]+/g, '%20');
  if (!href || !isSafeLink(href)) return undefined;
  return href;
}

/** `[text](href)`, if it parses back as exactly that link; parentheses are encoded when they would not. */
function linkMarkup(text: string, href: string): string | undefined {
  for (const target of [href, href.replace(/\(/g, '%28').replace(/\)/g, '%29')]) {
    const markup = `[${text}](${target})`;
    const [paragraph] = parseRichText(markup);
    const [node] = paragraph ?? [];
    if (paragraph?.length === 1 && typeof node === 'object' && node.kind === 'link' && node.href === target) {
      return markup;
    }
  }
  return undefined;
}

/** Wraps the text of one run in its marks, keeping its outer spaces outside them (`**x** `, not `**x **`). */
function markRun(run: Run): string {
  const core = run.text.trim();
  if (!core || (!run.strong && !run.em)) return run.text;
  const lead = run.text.startsWith(' ') ? ' ' : '';
  const trail = run.text.endsWith(' ') ? ' ' : '';
  if (core.includes('*')) return run.text; // the subset has no escape for a literal asterisk inside a mark
  return `${lead}${run.strong ? `**${core}**` : `*${core}*`}${trail}`;
}

export class RichTextBuilder {
  private readonly paragraphs: Run[][] = [[]];
  private strong = 0;
  private em = 0;
  private readonly links: (string | undefined)[] = [];
  private skipping = 0;
  /** Link targets that were dropped (their text kept) because date-line does not follow them. */
  readonly droppedLinks: string[] = [];

  /** Adds text as HTML shows it: runs of whitespace become one space. */
  text(value: string): void {
    if (this.skipping || !value) return;
    const paragraph = this.paragraphs[this.paragraphs.length - 1];
    const last = paragraph[paragraph.length - 1];
    let text = value.replace(HTML_SPACE, ' ');
    const endsInSpace = last ? last.text.endsWith(' ') : true; // a paragraph starts without a space
    if (endsInSpace && text.startsWith(' ')) text = text.slice(1);
    if (!text) return;
    const style = {
      strong: this.strong > 0,
      em: this.em > 0 && this.strong === 0, // bold and italic comes out bold (see the module comment)
      href: this.links.length ? this.links[this.links.length - 1] : undefined,
    };
    if (last && last.strong === style.strong && last.em === style.em && last.href === style.href) last.text += text;
    else paragraph.push({ text, ...style });
  }

  /** Ends the current paragraph (if it has any text). */
  paragraphBreak(): void {
    if (this.paragraphs[this.paragraphs.length - 1].length) this.paragraphs.push([]);
  }

  /** An element opens; `attribute` reads one of its attributes. */
  open(name: string, attribute: (name: string) => string | null | undefined): void {
    const tag = name.toLowerCase();
    if (SKIPPED_ELEMENTS.has(tag)) this.skipping++;
    else if (BLOCKS.has(tag)) this.paragraphBreak();
    else if (tag === 'b' || tag === 'strong') this.strong++;
    else if (tag === 'i' || tag === 'em' || tag === 'cite') this.em++;
    else if (tag === 'a') {
      const raw = attribute('href');
      const href = raw ? linkTarget(raw) : undefined;
      if (raw && !href && !this.skipping) this.droppedLinks.push(raw.trim());
      this.links.push(href);
    }
  }

  /** An element closes. Closing tags without an opening one are ignored, as browsers do. */
  close(name: string): void {
    const tag = name.toLowerCase();
    if (SKIPPED_ELEMENTS.has(tag)) this.skipping = Math.max(0, this.skipping - 1);
    else if (BLOCKS.has(tag)) this.paragraphBreak();
    else if (tag === 'b' || tag === 'strong') this.strong = Math.max(0, this.strong - 1);
    else if (tag === 'i' || tag === 'em' || tag === 'cite') this.em = Math.max(0, this.em - 1);
    else if (tag === 'a') this.links.pop();
  }

  /** The text as date-line rich text: paragraphs separated by a blank line. */
  toRichText(): string {
    return this.paragraphs
      .map((paragraph) => this.serializeParagraph(paragraph).trim())
      .filter(Boolean)
      .join('\n\n');
  }

  /** The text without marks, paragraphs separated by `separator`. */
  toPlainText(separator = ' '): string {
    return this.paragraphs
      .map((paragraph) =>
        paragraph
          .map((run) => run.text)
          .join('')
          .trim(),
      )
      .filter(Boolean)
      .join(separator);
  }

  private serializeParagraph(paragraph: Run[]): string {
    let out = '';
    for (let index = 0; index < paragraph.length;) {
      const href = paragraph[index].href;
      let end = index + 1;
      while (end < paragraph.length && paragraph[end].href === href) end++;
      const runs = paragraph.slice(index, end);
      const marked = runs.map(markRun).join('');
      index = end;
      if (href === undefined) {
        out += marked;
        continue;
      }
      // A link's text may not contain "]" (it would end the link early); such a link keeps its text only.
      const core = marked.trim();
      const markup = core && !core.includes(']') ? linkMarkup(core, href) : undefined;
      if (!markup) {
        out += marked;
        continue;
      }
      out += `${marked.startsWith(' ') ? ' ' : ''}${markup}${marked.endsWith(' ') ? ' ' : ''}`;
    }
    return out;
  }
}
