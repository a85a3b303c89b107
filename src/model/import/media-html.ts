/**
 * HTML that TimelineJS shows in place of media (an embed code pasted into a slide's media url), as date-line
 * media: an `<iframe>`'s page (https only) framed as given (`type: "embed"`); a provider's `<blockquote>` embed
 * (a post on X, Instagram, TikTok, Imgur, Bluesky) as the address of what it stands for, a post on X with its
 * words; any other `<blockquote>` as a quotation. Never HTML: the words become rich text, the tags are dropped.
 */
import { startTags } from './html.js';
import { acceptMediaUrl } from './shared.js';

/** What an embed code gave: an address, the HTML of a quotation's words (to be made rich text), or a problem. */
export type MediaFromHtml = { url?: string; type?: 'embed'; quoteHtml?: string } | { problem: string };

/** Shortens long values for messages. */
const excerpt = (value: string) => (value.length > 60 ? `${value.slice(0, 59)}…` : value);

/** An http(s) address as date-line accepts it ("//host/…" as https), or undefined. */
function webAddress(raw: string | undefined): string | undefined {
  const url = raw === undefined ? undefined : acceptMediaUrl(raw.startsWith('//') ? `https:${raw}` : raw);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** The blockquote embeds of providers, by class: where each keeps the address of what it stands for. */
const EMBEDS: Record<string, (quote: (name: string) => string | undefined, links: string[]) => string | undefined> = {
  'instagram-media': (quote) => quote('data-instgrm-permalink'),
  'tiktok-embed': (quote) => quote('cite'),
  'imgur-embed-pub': (quote) => {
    const id = quote('data-id');
    return id && /^[\w/]+$/.test(id) ? `https://imgur.com/${id}` : undefined;
  },
  'bluesky-embed': (_quote, links) => links.findLast((href) => /bsky\.app\/profile\/[^/]+\/post\//.test(href)),
};

/**
 * Reads an embed code. Returns undefined for HTML that is neither an `<iframe>` nor a `<blockquote>` (the
 * caller keeps its text some other way).
 */
export function readMediaHtml(html: string): MediaFromHtml | undefined {
  const [frame] = startTags(html, 'iframe');
  if (frame) {
    const src = frame('src')?.trim() ?? '';
    const url = webAddress(src);
    return url?.startsWith('https:')
      ? { url, type: 'embed' }
      : { problem: `The <iframe> of "${excerpt(src)}" is left out: date-line frames only https: pages.` };
  }
  const [quote] = startTags(html, 'blockquote');
  if (!quote) return undefined;
  const classes = (quote('class') ?? '').split(/\s+/);
  const links = startTags(html, 'a').map((link) => link('href') ?? '');
  if (classes.includes('twitter-tweet')) {
    // The post's words are its first paragraph; its address is the link to its status, the last one.
    const url = webAddress(links.findLast((href) => /\/status\/\d+/.test(href)));
    const words = /<p\b[^>]*>([\s\S]*?)<\/p>/i.exec(html)?.[1];
    return { ...(url ? { url } : {}), ...(words ? { quoteHtml: words } : {}) };
  }
  const provider = classes.find((name) => Object.hasOwn(EMBEDS, name));
  if (provider) {
    const url = webAddress(EMBEDS[provider](quote, links));
    return url ? { url } : { problem: `The ${provider} embed is left out: it gives no address of what it shows.` };
  }
  const cite = webAddress(quote('cite'));
  return { ...(cite ? { url: cite } : {}), quoteHtml: html };
}
