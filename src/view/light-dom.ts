/**
 * Progressive enhancement: a `<date-line>` may hold its events as plain HTML, which readers, search engines
 * and feed readers see before and without JavaScript. Once the element is defined, it reads that list as its
 * data (when no `data`, `src` or JSON script is given):
 *
 * ```html
 * <date-line>
 *   <h2>ICE, Facebook and Palantir</h2>                    (optional: the timeline's title)
 *   <ol>
 *     <li id="palantir-icm-contract">                       (optional id, for deep links)
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
 */
import { RichTextBuilder } from '../model/import/rich-text-builder.js';
import { IdAllocator, isValidId } from '../model/import/shared.js';
import type { EventData, MediaData, SourceData, TimelineData } from '../model/timeline-data.generated.js';

/** Elements that are not part of an item's title when it has no heading. */
const NOT_TITLE = new Set(['time', 'p', 'a', 'img', 'figure', 'ul', 'ol', 'script', 'style', 'template']);

/** Text as a reader sees it on one line: runs of whitespace as one space. */
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Feeds an element's content to the rich-text builder: text, emphasis and links (never HTML). */
function feed(node: Node, builder: RichTextBuilder): void {
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) builder.text((child as Text).data);
    else if (child.nodeType === Node.ELEMENT_NODE) {
      const element = child as Element;
      builder.open(element.localName, (name) => element.getAttribute(name));
      feed(element, builder);
      builder.close(element.localName);
    }
  }
}

/** The item's title: its first heading, else its own text outside dates, paragraphs, links and media. */
function titleOf(item: Element): string {
  const heading = item.querySelector('h1, h2, h3, h4, h5, h6');
  if (heading) return clean(heading.textContent);
  const own = [...item.childNodes]
    .filter((node) => node.nodeType === Node.TEXT_NODE || !NOT_TITLE.has((node as Element).localName))
    .map((node) => node.textContent)
    .join(' ');
  return clean(own).replace(/^[\s:,;.\u2013\u2014-]+/, ''); // "<time>…</time>: Title" or "– Title"
}

function readItem(item: Element, index: number, ids: IdAllocator): EventData {
  const [date = '', end] = [...item.querySelectorAll('time[datetime]')].map((time) =>
    time.getAttribute('datetime')!.trim(),
  );
  const title = titleOf(item);
  const summary = new RichTextBuilder();
  for (const paragraph of item.querySelectorAll('p')) {
    feed(paragraph, summary);
    summary.paragraphBreak();
  }
  const sources: SourceData[] = [...item.querySelectorAll('a[href]')]
    .filter((link) => !link.closest('p'))
    .map((link) => ({ title: clean(link.textContent) || link.getAttribute('href')!, url: link.getAttribute('href')! }));
  const image = item.querySelector('img[src]');
  const caption = clean(image?.closest('figure')?.querySelector('figcaption')?.textContent);
  const media: MediaData | undefined = image
    ? {
        url: image.getAttribute('src')!,
        ...(image.hasAttribute('alt') ? { alt: image.getAttribute('alt')! } : {}),
        ...(caption ? { caption } : {}),
      }
    : undefined;
  const text = summary.toRichText();
  return {
    id: item.id && isValidId(item.id) ? item.id : ids.make(title, `event-${index + 1}`),
    date,
    ...(end ? { end } : {}),
    title,
    ...(text ? { summary: text } : {}),
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
  const ids = new IdAllocator();
  for (const item of items) if (item.id && isValidId(item.id)) ids.reserve(item.id);
  const title = clean(host?.querySelector(':scope > :is(h1, h2, h3, h4, h5, h6)')?.textContent);
  return {
    version: 1,
    ...(title ? { title } : {}),
    events: items.map((item, index) => readItem(item, index, ids)),
  };
}
