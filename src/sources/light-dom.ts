/**
 * Progressive enhancement: a `<date-line>` may hold its events as plain HTML, which readers, search engines
 * and feed readers see before and without JavaScript. Once the element is defined, it reads that list as its
 * data (when no `data`, `src` or JSON script is given):
 *
 * ```html
 * <date-line id="ice">
 *   <h2>ICE, Facebook and Palantir</h2>                    (optional: the timeline's title)
 *   <p>The events behind the story …</p>                    (optional: its description, before the list)
 *   <ol>
 *     <li id="palantir-icm-contract">                       (optional id, for deep links; "ice/palantir-icm-contract",
 *                                                            the element's deep link, is read as the same id)
 *       <time datetime="2014-09">September 2014</time>      (the date; a second <time> is the end)
 *       <h3>ICE awards Palantir the ICM contract</h3>       (the title: a heading, else the item's own text)
 *       <p>The $41 million contract … <em>five years</em>.</p>  (the summary: paragraphs, with links and emphasis)
 *       <a href="https://www.nextgov.com/…">Nextgov</a>     (links outside paragraphs are the sources)
 *     </li>
 *   </ol>
 * </date-line>
 * ```
 *
 * The `datetime` is what places the event (any date-line date, intervals and EDTF qualifiers included); the
 * visible text of `<time>` is for readers without JavaScript, and the element shows its own label instead.
 *
 * `date-line html` (src/model/embed-html.ts) prints more of the data in the same list, in plain HTML that also
 * reads well without JavaScript, and this reader reads it back:
 * - `<time datetime … data-display-date>`: its text is the label to show (`displayDate`);
 * - `<data value="palantir" data-color="#0f6e6e">Palantir</data>` in the item: its group (id, label, colour);
 * - `<details><summary>About the date</summary>…</details>` in the item: the date's note (`dateNote`);
 * - `data-tags` (a JSON array of strings), `data-importance` (1 to 5) and `data-context` on the `<li>`;
 * - `<figure>` with the `<img>`: its `<figcaption>` is the caption, a `<small>` in it the credit;
 * - a `<ul>` of sources in the item, one `<li>` each: the link (or, without an address, a `<cite>`) is the title,
 *   `<span data-publisher>`, `<span data-author>`, `<span data-note>` and a `<time datetime>` the rest.
 * Eras, groups' descriptions, other media than images and thumbnails have no place in the list: an embed that
 * needs them gives the element the file as `src`.
 */
import { RichTextBuilder } from '../model/import/rich-text-builder.js';
import { IdAllocator, isValidId } from '../model/import/ids.js';
import type { EventData, GroupData, MediaData, SourceData, TimelineData } from '../model/timeline-data.generated.js';

/** Elements that are not part of an item's title when it has no heading. */
const NOT_TITLE = new Set([
  'time',
  'p',
  'a',
  'img',
  'figure',
  'ul',
  'ol',
  'data',
  'details',
  'script',
  'style',
  'template',
]);

/**
 * Text as a reader sees it on one line: runs of HTML's whitespace as one space, as a browser shows them. Other
 * spaces (a no-break space, a line separator) are text, and stay.
 */
const clean = (text: string | null | undefined) => (text ?? '').replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');

/** Feeds an element's content to the rich-text builder: text, emphasis and links (never HTML), less `skip`ped children. */
function feed(node: Node, builder: RichTextBuilder, skip?: (child: Element) => boolean): void {
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) builder.text((child as Text).data);
    else if (child.nodeType === Node.ELEMENT_NODE && !skip?.(child as Element)) {
      const element = child as Element;
      builder.open(element.localName, (name) => element.getAttribute(name));
      feed(element, builder);
      builder.close(element.localName);
    }
  }
}

/** An element's content as rich text, less `skip`ped children. */
function richTextOf(node: Element, skip?: (child: Element) => boolean): string {
  const builder = new RichTextBuilder();
  feed(node, builder, skip);
  return builder.toRichText();
}

/** The item's title: its first heading, else its own text outside dates, paragraphs, links and media. */
function titleOf(item: Element): string {
  const heading = item.querySelector('h1, h2, h3, h4, h5, h6');
  if (heading) return clean(heading.textContent);
  const own = [...item.childNodes]
    .filter((node) => node.nodeType === Node.TEXT_NODE || !NOT_TITLE.has((node as Element).localName))
    .map((node) => node.textContent)
    .join(' ');
  return clean(own).replace(/^[\s:,;.\u00b7\u2013\u2014-]+/, ''); // "<time>…</time>: Title", "– Title", "· Title"
}

/** Whether `node` belongs to the item itself, not to one of its sources, figures or notes. */
function ownedByItem(node: Element, item: Element): boolean {
  const container = node.parentElement?.closest('ul, ol, figure, details');
  return !container || !item.contains(container);
}

/** One entry of the item's list of sources: its link or `<cite>` is the title, marked spans the rest. */
function readSourceItem(entry: Element): SourceData | undefined {
  const anchor = entry.querySelector('a[href]');
  const titled = anchor ?? entry.querySelector('cite');
  if (!titled) return undefined; // a plain bullet point, not a source
  const url = anchor?.getAttribute('href') ?? undefined;
  const field = (name: string) => {
    const text = clean(entry.querySelector(`[data-${name}]`)?.textContent);
    return text ? { [name]: text } : {};
  };
  const date = entry.querySelector('time[datetime]')?.getAttribute('datetime')?.trim();
  return {
    title: clean(titled.textContent) || url || '',
    ...field('publisher'),
    ...field('author'),
    ...(date ? { date } : {}),
    ...(url ? { url } : {}),
    ...field('note'),
  };
}

/** The sources: the entries of the item's own lists, and links elsewhere outside paragraphs and figures. */
function readSources(item: Element): SourceData[] {
  const sources: SourceData[] = [];
  const entries = new Set([...item.querySelectorAll(':scope > ul > li')]);
  for (const node of item.querySelectorAll(':scope > ul > li, a[href]')) {
    if (entries.has(node)) {
      const source = readSourceItem(node);
      if (source) sources.push(source);
    } else if (!node.closest('p, figure') && ![...entries].some((entry) => entry.contains(node))) {
      const href = node.getAttribute('href')!;
      sources.push({ title: clean(node.textContent) || href, url: href });
    }
  }
  return sources;
}

function readMedia(item: Element): MediaData | undefined {
  const image = item.querySelector('img[src]');
  if (!image) return undefined;
  const figcaption = image.closest('figure')?.querySelector('figcaption');
  const caption = figcaption ? richTextOf(figcaption, (child) => child.localName === 'small') : '';
  const creditElement = figcaption?.querySelector(':scope > small');
  const credit = creditElement ? richTextOf(creditElement) : '';
  return {
    url: image.getAttribute('src')!,
    type: 'image', // an <img> is one, whatever its address says
    ...(image.hasAttribute('alt') ? { alt: image.getAttribute('alt')! } : {}),
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
  };
}

/** `data-importance` as a number when it is one; anything else is passed on for parseTimeline to report. */
function readImportance(item: Element): { importance?: number } {
  const text = item.getAttribute('data-importance');
  if (text === null) return {};
  const number = Number(text);
  return { importance: text.trim() !== '' && Number.isFinite(number) ? number : (text as unknown as number) };
}

/** `data-tags` as its JSON array; text that is not JSON is passed on for parseTimeline to report. */
function readTags(item: Element): { tags?: string[] } {
  const text = item.getAttribute('data-tags');
  if (text === null) return {};
  try {
    return { tags: JSON.parse(text) as string[] };
  } catch {
    return { tags: text as unknown as string[] };
  }
}

/** The item's id: its own, or its deep link (`<element id>/<event id>`) as `date-line html` prints it. */
function ownId(item: Element, key: string): string {
  return item.id.startsWith(`${key}/`) ? item.id.slice(key.length + 1) : item.id;
}

function readItem(
  item: Element,
  id: string,
  index: number,
  ids: IdAllocator,
  groups: Map<string, GroupData>,
): EventData {
  const times = [...item.querySelectorAll('time[datetime]')].filter((time) => ownedByItem(time, item));
  const [date = '', end] = times.map((time) => time.getAttribute('datetime')!.trim());
  const displayDate = times[0]?.hasAttribute('data-display-date') ? clean(times[0].textContent) : '';
  const title = titleOf(item);
  const summary = new RichTextBuilder();
  for (const paragraph of item.querySelectorAll('p')) {
    feed(paragraph, summary);
    summary.paragraphBreak();
  }
  const note = item.querySelector(':scope > details');
  // The note is plain text: the <details>' text, less its <summary> (the label, "About the date") and comments.
  const noteParts = [...(note?.childNodes ?? [])].filter(
    (node) =>
      node.nodeType === Node.TEXT_NODE ||
      (node.nodeType === Node.ELEMENT_NODE && (node as Element).localName !== 'summary'),
  );
  const dateNote = clean(noteParts.map((node) => node.textContent).join(''));
  const groupElement = item.querySelector(':scope > data[value]');
  const group = groupElement?.getAttribute('value')?.trim();
  if (group && !groups.has(group)) {
    const color = groupElement!.getAttribute('data-color')?.trim();
    groups.set(group, { id: group, label: clean(groupElement!.textContent) || group, ...(color ? { color } : {}) });
  }
  const sources = readSources(item);
  const media = readMedia(item);
  const text = summary.toRichText();
  return {
    id: id && isValidId(id) ? id : ids.make(title, `event-${index + 1}`),
    date,
    ...(end ? { end } : {}),
    ...(displayDate ? { displayDate } : {}),
    ...(dateNote ? { dateNote } : {}),
    title,
    ...(text ? { summary: text } : {}),
    ...(group ? { group } : {}),
    ...readTags(item),
    ...readImportance(item),
    ...(item.hasAttribute('data-context') ? { context: true } : {}),
    ...(media ? { media } : {}),
    ...(sources.length ? { sources } : {}),
  };
}

/**
 * Reads a light-DOM `<ol>` of events as timeline data (see the module comment for the markup). The result is
 * not checked here: it goes through `parseTimeline` like any other data, which reports, say, an item without a
 * `<time datetime>` at `/events/<index>/date`.
 */
export function readLightDomList(list: Element, host?: Element): TimelineData {
  const items = [...list.children].filter((child) => child.localName === 'li');
  // The element's deep-link key: its id, else "date-line" (see the deep-link controller).
  const key = host?.id || 'date-line';
  const itemIds = items.map((item) => ownId(item, key));
  const ids = new IdAllocator();
  for (const id of itemIds) if (id && isValidId(id)) ids.reserve(id);
  const title = clean(host?.querySelector(':scope > :is(h1, h2, h3, h4, h5, h6)')?.textContent);
  // The description: paragraphs of the element's own, before the list.
  const intro = new RichTextBuilder();
  for (const paragraph of host?.querySelectorAll(':scope > p') ?? []) {
    if (!(paragraph.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    feed(paragraph, intro);
    intro.paragraphBreak();
  }
  const description = intro.toRichText();
  const groups = new Map<string, GroupData>();
  const events = items.map((item, index) => readItem(item, itemIds[index], index, ids, groups));
  return {
    version: 1,
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(groups.size ? { groups: [...groups.values()] } : {}),
    events,
  };
}
