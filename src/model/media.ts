/**
 * What a media item is and how date-line shows it, read from its address and its `type`: the kind of thing (a
 * video, a map, a post…), who provides it, and the way to show it that asks nothing of a third party until the
 * reader does: a picture or a file the browser plays itself, a quotation, a player behind a facade (the embed
 * address in its privacy-enhanced form, with the iframe's `allow`, `sandbox` and `referrerpolicy`), or a link card
 * where no player can be had without a provider's script, an API key or an address nobody has confirmed works.
 *
 * DOM-free, so the element's media part (src/view/media/), the command line and the tests share one reading.
 * Addresses are read as URLs (host, path, query), not matched as strings: `www.vimeo.com`, `youtube.com/shorts/…`
 * and `&amp;` in a pasted address all work (three of TimelineJS's bugs), and only http(s) addresses, or addresses
 * relative to the page, ever reach an iframe. Which embed forms are used, and why the others are cards, is in the
 * README's "Media" section; PROVIDERS below says it per provider.
 */
import type { MediaData } from './timeline-data.generated.js';

/** What a media item is, as a reader would name it: the noun of "Play video from YouTube". */
export type MediaKind =
  'image' | 'video' | 'audio' | 'document' | 'map' | 'post' | 'page' | 'profile' | 'article' | 'quote' | 'link';

/**
 * How it is shown: `image`, `video` and `audio` are the browser's own elements for a file; `player` is a facade
 * that becomes an iframe (`frame`) when pressed; `quote` a block quotation of `quote`; `link` a card that opens
 * `href`.
 */
export type MediaDisplay = 'image' | 'video' | 'audio' | 'player' | 'quote' | 'link';

/** The providers date-line knows by their addresses. */
export type MediaProviderId =
  | 'youtube'
  | 'vimeo'
  | 'dailymotion'
  | 'wistia'
  | 'tiktok'
  | 'bluesky'
  | 'soundcloud'
  | 'spotify'
  | 'x'
  | 'instagram'
  | 'google-maps'
  | 'google-docs'
  | 'google-drive'
  | 'documentcloud'
  | 'wikimedia-commons'
  | 'wikipedia'
  | 'flickr'
  | 'imgur'
  | 'dropbox'
  | 'vine';

/** The iframe a pressed facade creates. */
export interface MediaFrame {
  /** An https address (or the given http(s) or page-relative one), in the provider's privacy-enhanced form. */
  readonly src: string;
  /** The iframe's `allow` (permissions policy): what the provider's player needs, and no more. */
  readonly allow: string;
  /** The iframe's `sandbox`; absent where a sandbox breaks the content (a PDF: browsers refuse to show it). */
  readonly sandbox?: string;
  /** Only the page's origin goes to the provider, never its address (YouTube refuses to play without it). */
  readonly referrerPolicy: 'strict-origin-when-cross-origin';
}

/** What `describeMedia` makes of a media item. */
export interface MediaInfo {
  readonly display: MediaDisplay;
  readonly kind: MediaKind;
  /**
   * Who provides it, as readers know it: "YouTube", "Google Maps", or the host name for other sites
   * ("www.w3.org"); for an address relative to the page, the address itself.
   */
  readonly provider: string;
  /** The provider, when date-line knows it by its address. */
  readonly providerId?: MediaProviderId;
  /** The file for `image`, `video` and `audio` (a Commons file page's image, say, rather than the page). */
  readonly src?: string;
  /** For `player`: the iframe to create when the reader presses the facade. */
  readonly frame?: MediaFrame;
  /**
   * The page to open it on its provider's site: the link of a card, the "Open on YouTube" beside a facade, a
   * quotation's source, a Commons file's page (its licence and author); absent for a plain file.
   */
  readonly href?: string;
  /** The width of its box over its height, so that nothing moves when it loads (absent: as the view pleases). */
  readonly ratio?: number;
  /** A fixed height in CSS px instead of a ratio (audio players whose controls do not scale). */
  readonly height?: number;
  /** The data's own thumbnail, the facade's or the card's picture; date-line never asks a provider for one. */
  readonly poster?: string;
  /** The words of a quotation (rich text). */
  readonly quote?: string;
}

/** What an address told about its provider. */
interface Match {
  readonly id: MediaProviderId;
  readonly kind: MediaKind;
  /** The embed address in its privacy-enhanced form, where a verified, script-free one exists. */
  readonly embed?: string;
  /** The file itself, where the address names a page about one (Commons) or a file behind a viewer (Dropbox). */
  readonly file?: string;
  readonly href?: string;
  readonly ratio?: number;
  readonly height?: number;
}

interface Provider {
  readonly name: string;
  /** The `allow` of its player (default: fullscreen only). */
  readonly allow?: string;
  /** An address already made to be framed (the provider's own embed code), which is framed as given. */
  readonly framed?: RegExp;
  /** Reads an address on one of its hosts (without "www."); undefined when it is not this provider's. */
  readonly read: (url: URL, host: string, path: readonly string[]) => Omit<Match, 'id'> | undefined;
}

/** What every frame may do: run its player, open its own site in a new tab, go full screen; not navigate the page. */
const SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation allow-forms';
const REFERRER = 'strict-origin-when-cross-origin';
const VIDEO = 16 / 9;
const PORTRAIT_VIDEO = 9 / 16;

const FILE_KINDS: Record<string, 'image' | 'video' | 'audio' | 'document'> = {};
for (const [kind, extensions] of [
  ['image', 'avif bmp gif jpeg jpg png svg webp'],
  ['video', 'm4v mov mp4 ogv webm'],
  ['audio', 'aac flac m4a mp3 oga ogg opus wav'],
  ['document', 'pdf'],
] as const) {
  for (const extension of extensions.split(' ')) FILE_KINDS[extension] = kind;
}

/** The kind of file a path names by its extension, if any. */
function fileKind(path: string): 'image' | 'video' | 'audio' | 'document' | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1].toLowerCase();
  return extension === undefined ? undefined : FILE_KINDS[extension];
}

/** Whether a host is `domain` or one of its subdomains. */
const on = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
const ID = /^[\w-]+$/;

/** "1h2m3s", "5m21s", "321", "321s" as seconds; 0 when it is none of these. */
function seconds(text: string | null | undefined): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(text ?? '');
  return match ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : 0;
}

/**
 * The providers, each with what TimelineJS's all-media template gives of it (see the README's "Media" section):
 * an embed address only where its form is documented by the provider and needs no script or key.
 */
const PROVIDERS: Record<MediaProviderId, Provider> = {
  youtube: {
    name: 'YouTube',
    allow: 'accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture',
    read(url, host, [first, second]) {
      if (!['youtube.com', 'youtube-nocookie.com', 'youtu.be', 'music.youtube.com'].includes(host)) return undefined;
      const id =
        host === 'youtu.be'
          ? first
          : first === 'watch'
            ? url.searchParams.get('v')
            : ['embed', 'v', 'shorts', 'live', 'e'].includes(first)
              ? second
              : undefined;
      const list = url.searchParams.get('list');
      const start = seconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
      const play = 'autoplay=1&playsinline=1';
      if (id && ID.test(id) && id !== 'videoseries') {
        return {
          kind: 'video',
          embed: `https://www.youtube-nocookie.com/embed/${id}?${play}${start ? `&start=${start}` : ''}`,
          href: `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}s` : ''}`,
          ratio: first === 'shorts' ? PORTRAIT_VIDEO : VIDEO,
        };
      }
      if (list && ID.test(list)) {
        return {
          kind: 'video',
          embed: `https://www.youtube-nocookie.com/embed/videoseries?list=${list}&${play}`,
          href: `https://www.youtube.com/playlist?list=${list}`,
          ratio: VIDEO,
        };
      }
      return { kind: 'page' };
    },
  },
  vimeo: {
    name: 'Vimeo',
    allow: 'autoplay; encrypted-media; picture-in-picture',
    read(url, host, path) {
      if (host !== 'vimeo.com' && host !== 'player.vimeo.com') return undefined;
      // vimeo.com/ID, vimeo.com/ID/HASH (unlisted), …/channels/NAME/ID, player.vimeo.com/video/ID?h=HASH
      const at = path.findLastIndex((segment) => /^\d+$/.test(segment));
      if (at < 0) return { kind: 'page' };
      const id = path[at];
      const hash = [url.searchParams.get('h'), path[at + 1]].find((text) => text && /^[0-9a-f]+$/i.test(text));
      const time = /^#t=[\dhms]+$/.test(url.hash) ? url.hash : '';
      return {
        kind: 'video',
        embed: `https://player.vimeo.com/video/${id}?dnt=1&autoplay=1${hash ? `&h=${hash}` : ''}${time}`,
        href: `https://vimeo.com/${id}${hash ? `/${hash}` : ''}${time}`,
        ratio: VIDEO,
      };
    },
  },
  dailymotion: {
    // Its embeds need the Player ID of a Dailymotion account; one without "may return 403".
    name: 'Dailymotion',
    allow: 'autoplay; fullscreen; picture-in-picture; web-share',
    framed: /^geo\.dailymotion\.com\/player\//,
    read: (_url, host) => (on(host, 'dailymotion.com') || host === 'dai.ly' ? { kind: 'video' } : undefined),
  },
  wistia: {
    // Its script-free iframe address is not confirmed by Wistia's documentation.
    name: 'Wistia',
    framed: /^fast\.wistia\.(?:net|com)\/embed\//,
    read: (_url, host) =>
      on(host, 'wistia.com') || on(host, 'wistia.net') || host === 'wi.st' ? { kind: 'video' } : undefined,
  },
  tiktok: {
    name: 'TikTok',
    allow: 'autoplay; encrypted-media; fullscreen; picture-in-picture',
    read(_url, host, path) {
      if (!on(host, 'tiktok.com')) return undefined;
      // tiktok.com/@user/video/ID, /embed/v2/ID, /player/v1/ID
      const id = path.find((segment, index) => index > 0 && /^\d{6,}$/.test(segment));
      if (id) {
        return { kind: 'video', embed: `https://www.tiktok.com/player/v1/${id}?autoplay=1`, ratio: PORTRAIT_VIDEO };
      }
      return { kind: path.length === 1 && path[0].startsWith('@') ? 'profile' : 'video' };
    },
  },
  bluesky: {
    // The embed address wants the author's DID; a handle would have to be resolved through Bluesky's API first.
    name: 'Bluesky',
    framed: /^embed\.bsky\.app\/embed\//,
    read(_url, host, [profile, actor, post, key]) {
      if (host !== 'bsky.app' && host !== 'embed.bsky.app') return undefined;
      if (profile !== 'profile' || !actor) return { kind: 'page' };
      if (post !== 'post' || !key) return { kind: 'profile' };
      const did = /^did:[a-z]+:[\w.:%-]+$/.test(actor) && /^[\w.~:-]+$/.test(key);
      return {
        kind: 'post',
        ...(did ? { embed: `https://embed.bsky.app/embed/${actor}/app.bsky.feed.post/${key}`, ratio: 1 } : {}),
      };
    },
  },
  soundcloud: {
    // Its widget is documented with an api.soundcloud.com address; a page's address is not confirmed to work.
    name: 'SoundCloud',
    allow: 'autoplay',
    framed: /^w\.soundcloud\.com\/player/,
    read(_url, host, [type, id]) {
      if (!on(host, 'soundcloud.com')) return undefined;
      if (host === 'api.soundcloud.com' && (type === 'tracks' || type === 'playlists') && /^\d+$/.test(id ?? '')) {
        const api = encodeURIComponent(`https://api.soundcloud.com/${type}/${id}`);
        return {
          kind: 'audio',
          embed: `https://w.soundcloud.com/player/?url=${api}&auto_play=true`,
          height: type === 'tracks' ? 166 : 450,
        };
      }
      return { kind: 'audio', height: 166 };
    },
  },
  spotify: {
    name: 'Spotify',
    allow: 'autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture',
    read(url, host, path) {
      if (!['open.spotify.com', 'play.spotify.com', 'embed.spotify.com'].includes(host)) return undefined;
      // open.spotify.com[/intl-de][/embed]/TYPE/ID, play.spotify.com/user/NAME/playlist/ID,
      // embed.spotify.com/?uri=spotify:TYPE:ID
      const parts = url.searchParams.get('uri')?.split(':').slice(1) ?? path.filter((s) => !/^(?:intl-|embed)/.test(s));
      const at = parts.findIndex((part) => /^(?:track|album|artist|playlist|episode|show)$/.test(part));
      const [type, id] = at < 0 ? [] : parts.slice(at, at + 2);
      if (!type || !id || !/^[A-Za-z0-9]+$/.test(id)) return { kind: 'audio' };
      return {
        kind: 'audio',
        embed: `https://open.spotify.com/embed/${type}/${id}`,
        href: `https://open.spotify.com/${type}/${id}`,
        height: type === 'track' || type === 'episode' ? 152 : 352,
      };
    },
  },
  x: {
    // X documents only its script (widgets.js) and its oEmbed API; no script-free embed is confirmed.
    name: 'X',
    framed: /^platform\.twitter\.com\/embed\//,
    read(_url, host, [user, status]) {
      if (!['twitter.com', 'x.com', 'mobile.twitter.com', 'platform.twitter.com'].includes(host)) return undefined;
      return { kind: status === 'status' ? 'post' : user && !status ? 'profile' : 'page' };
    },
  },
  instagram: {
    // Its embed address is not confirmed, its oEmbed API needs an app review, and returns no picture since 2025.
    name: 'Instagram',
    framed: /\/embed\/?$/,
    read(_url, host, [first, second]) {
      if (host !== 'instagram.com' && host !== 'instagr.am') return undefined;
      if (['p', 'reel', 'reels', 'tv'].includes(first) && second) return { kind: 'post' };
      return { kind: first ? 'profile' : 'page' };
    },
  },
  'google-maps': {
    // Google's embed API needs a key; a map's own "Embed a map" address (maps/embed?pb=…) is framed as given.
    name: 'Google Maps',
    framed: /\/maps\/(?:d\/)?embed/,
    read(_url, host, [first]) {
      const google = /^(?:maps\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?$/.test(host);
      if ((google && (first === 'maps' || host.startsWith('maps.'))) || host === 'maps.app.goo.gl') {
        return { kind: 'map', ratio: 4 / 3 };
      }
      return host === 'goo.gl' && first === 'maps' ? { kind: 'map', ratio: 4 / 3 } : undefined;
    },
  },
  'google-docs': {
    name: 'Google Docs',
    framed: /^docs\.google\.com\/(?:viewer|[a-z]+\/d\/e\/)/,
    read(_url, host, [type, d, id]) {
      if (host !== 'docs.google.com') return undefined;
      const ratio = type === 'presentation' ? VIDEO : 4 / 3;
      if (['document', 'spreadsheets', 'presentation', 'drawings'].includes(type) && d === 'd' && id !== 'e') {
        if (id && ID.test(id))
          return { kind: 'document', embed: `https://docs.google.com/${type}/d/${id}/preview`, ratio };
      }
      return { kind: 'document', ratio };
    },
  },
  'google-drive': {
    name: 'Google Drive',
    read(url, host, [first, d, fileId]) {
      if (host !== 'drive.google.com') return undefined;
      // drive.google.com/file/d/ID/view, /open?id=ID, /uc?id=ID (a file's direct address)
      const id =
        first === 'file' && d === 'd' ? fileId : ['open', 'uc'].includes(first) ? url.searchParams.get('id') : '';
      return {
        kind: 'document',
        ...(id && ID.test(id) ? { embed: `https://drive.google.com/file/d/${id}/preview` } : {}),
        ratio: 4 / 3,
      };
    },
  },
  documentcloud: {
    // Its viewer is a script; its iframe address is not confirmed by DocumentCloud's documentation.
    name: 'DocumentCloud',
    framed: /^embed\.documentcloud\.org\//,
    read: (_url, host) => (on(host, 'documentcloud.org') ? { kind: 'document', ratio: 4 / 3 } : undefined),
  },
  'wikimedia-commons': {
    name: 'Wikimedia Commons',
    read: (url, host, path) => (host === 'commons.wikimedia.org' ? wikimediaFile(url, host, path) : undefined),
  },
  wikipedia: {
    // An article's text would need Wikipedia's API: a card links to it.
    name: 'Wikipedia',
    read: (url, host, path) =>
      on(host, 'wikipedia.org') ? (wikimediaFile(url, host, path) ?? { kind: 'article' }) : undefined,
  },
  flickr: {
    // Flickr's photos need its API and a key.
    name: 'Flickr',
    framed: /\/player\/?$/,
    read: (_url, host) => (host === 'flickr.com' || host === 'flic.kr' ? { kind: 'image' } : undefined),
  },
  imgur: {
    // Imgur's embeds are a script; i.imgur.com's files are files.
    name: 'Imgur',
    framed: /\/embed$/,
    read: (_url, host) => (host === 'imgur.com' ? { kind: 'image' } : undefined),
  },
  dropbox: {
    name: 'Dropbox',
    read(url, host, path) {
      if (host !== 'dropbox.com') return undefined;
      const kind = fileKind(path.at(-1) ?? '');
      if (kind !== 'image' && kind !== 'video' && kind !== 'audio') return { kind: 'document' };
      // A shared file's page shows it in Dropbox's viewer; raw=1 is the file itself.
      const file = new URL(url);
      file.searchParams.delete('dl');
      file.searchParams.set('raw', '1');
      return { kind, file: file.href };
    },
  },
  vine: {
    name: 'Vine',
    read: (_url, host) => (host === 'vine.co' ? { kind: 'video' } : undefined),
  },
};

/**
 * A Wikimedia file page (`/wiki/File:Name.jpg`, or an article's `#/media/File:Name.jpg`): its file through
 * Special:FilePath, which redirects to it (an image at a width fit for the page).
 */
function wikimediaFile(url: URL, host: string, path: readonly string[]): Omit<Match, 'id'> | undefined {
  const page = /^#\/media\/(File:.+)$/.exec(url.hash)?.[1] ?? (path[0] === 'wiki' ? path[1] : undefined);
  const name = /^(?:File|Image):(.+)$/i.exec(page ?? '')?.[1];
  if (!name) return host === 'commons.wikimedia.org' ? { kind: 'page' } : undefined;
  const kind = fileKind(name);
  if (kind !== 'image' && kind !== 'video' && kind !== 'audio') return { kind: 'document' };
  const file = `https://${host}/wiki/Special:FilePath/${name}${kind === 'image' ? '?width=1280' : ''}`;
  return { kind, file };
}

const BASE = 'https://relative.invalid/';

/** The provider of an absolute address, if date-line knows it. */
function recognise(url: URL): Match | undefined {
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '');
  const path = url.pathname.split('/').filter(Boolean);
  for (const [id, provider] of Object.entries(PROVIDERS) as [MediaProviderId, Provider][]) {
    const match = provider.read(url, host, path);
    if (match) return { id, ...match };
  }
  return undefined;
}

const DEFAULT_RATIOS: Partial<Record<MediaKind, number>> = { video: VIDEO, post: 1 };

/**
 * What a media item is and how to show it (see MediaInfo), or undefined when there is nothing date-line would
 * show: no address and no quotation, or an address that is not http(s) nor relative to the page (parseTimeline has
 * refused those already; they are refused again where they would be used).
 *
 * The item's `type` decides where the address cannot: `link` always makes a card; `embed` frames a page that is
 * made to be framed; `image`, `video` and `audio` name a file whose address does not say (no extension). An
 * address of a known provider is that provider's whatever the type says, but for `link`.
 *
 * @example
 * describeMedia({ url: 'https://youtu.be/pi2v1m6gmD8?t=321' })
 * // → { display: 'player', kind: 'video', provider: 'YouTube', providerId: 'youtube',
 * //     frame: { src: 'https://www.youtube-nocookie.com/embed/pi2v1m6gmD8?autoplay=1&playsinline=1&start=321', … },
 * //     href: 'https://www.youtube.com/watch?v=pi2v1m6gmD8&t=321s', ratio: 16 / 9 }
 */
export function describeMedia(media: Readonly<MediaData>): MediaInfo | undefined {
  // An address copied out of HTML (an embed code) often keeps its "&amp;".
  const address = media.url?.trim().replace(/&amp;/gi, '&');
  let url: URL | undefined;
  try {
    url = address ? new URL(address, BASE) : undefined;
  } catch {
    // not an address: only a quotation can still be shown
  }
  if (url && url.protocol !== 'https:' && url.protocol !== 'http:') url = undefined;
  const relative = url?.origin === new URL(BASE).origin;
  const poster = media.thumbnail ? { poster: media.thumbnail } : {};
  const match = url && !relative ? recognise(url) : undefined;
  const provider = match ? PROVIDERS[match.id].name : url && !relative ? url.hostname : (address ?? '');
  const known = { provider, ...(match ? { providerId: match.id } : {}) };

  if (media.quote !== undefined) {
    return { display: 'quote', kind: 'quote', quote: media.quote, ...known, ...(url ? { href: address } : {}) };
  }
  if (!url || !address) return undefined;
  const href = match?.href ?? address;
  const linkCard = (kind: MediaKind): MediaInfo => ({ display: 'link', kind, ...known, href, ...poster });
  if (media.type === 'link') return linkCard(match?.kind ?? fileKind(url.pathname) ?? 'link');

  if (match) {
    const { kind } = match;
    if (match.file && (kind === 'image' || kind === 'video' || kind === 'audio')) {
      return {
        display: kind,
        kind,
        ...known,
        src: match.file,
        href,
        ...(kind === 'video' ? { ratio: VIDEO } : {}),
        ...poster,
      };
    }
    const framed = PROVIDERS[match.id].framed?.test(`${url.hostname.replace(/^www\./, '')}${url.pathname}`);
    const src = match.embed ?? (framed || media.type === 'embed' ? url.href.replace(/^http:/, 'https:') : undefined);
    if (!src) return linkCard(kind);
    return {
      display: 'player',
      kind,
      ...known,
      frame: { src, allow: PROVIDERS[match.id].allow ?? 'fullscreen', sandbox: SANDBOX, referrerPolicy: REFERRER },
      href,
      ...size(match.height, match.ratio ?? DEFAULT_RATIOS[kind] ?? 4 / 3),
      ...poster,
    };
  }

  const typed = media.type === 'image' || media.type === 'video' || media.type === 'audio' ? media.type : undefined;
  const kind = typed ?? fileKind(url.pathname);
  if (media.type === 'embed' || kind === 'document') {
    // A PDF shows in the browser's own viewer, which browsers refuse to run in a sandboxed frame.
    const sandbox = kind === 'document' ? {} : { sandbox: SANDBOX };
    return {
      display: 'player',
      kind: kind === 'document' ? kind : 'page',
      ...known,
      frame: { src: address, allow: 'fullscreen', ...sandbox, referrerPolicy: REFERRER },
      href: address,
      ratio: 4 / 3,
      ...poster,
    };
  }
  if (kind === 'image' || kind === 'video' || kind === 'audio') {
    return { display: kind, kind, ...known, src: address, ...(kind === 'video' ? { ratio: VIDEO } : {}), ...poster };
  }
  return linkCard('link');
}

/** A box of a fixed height, or of a ratio. */
const size = (height: number | undefined, ratio: number) => (height ? { height } : { ratio });
