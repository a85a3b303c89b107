import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { loadMessages, englishMessages, type Messages } from '../../src/i18n/messages.js';
import type { MediaData } from '../../src/model/types.js';
import { mediaStyles, renderMedia, type MediaSize } from '../../src/view/media/media.js';

// The media part on its own (renderMedia into a plain container, as the detail panel and the story use it). What
// would catch its bugs: a facade that loads anything before the press, or is not a button named for what it loads
// and from where; a press that creates more or less than one iframe, or one without its title, permissions,
// sandbox and referrer policy, or that leaves the focus behind; a player that a re-render kills or that outlives
// its item; two players playing in one element; a box that has no size until its content loads; words that are
// not the element's language; text from data run as markup.

const YOUTUBE = 'https://m.youtube.com/watch?v=pi2v1m6gmD8&t=5m21s';

before(() => {
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, mediaStyles.styleSheet!];
});

interface Rendered {
  container: HTMLElement;
  /** Renders again into the same place, as the element's own re-render would. */
  again: (media: MediaData | undefined, key?: string) => void;
}

interface ShowOptions {
  key?: string;
  title?: string;
  messages?: Messages;
  size?: MediaSize;
  dir?: string;
  width?: number;
}

async function show(
  media: MediaData | undefined,
  {
    key = 'e1',
    title = 'The election',
    messages = englishMessages,
    size = 'inline',
    dir = 'ltr',
    width = 600,
  }: ShowOptions = {},
): Promise<Rendered> {
  const container = await fixture<HTMLElement>(html`<div dir=${dir} style="width: ${width}px"></div>`);
  const again = (next: MediaData | undefined, nextKey = key) =>
    render(renderMedia(next, { key: nextKey, title, messages, size }), container);
  again(media);
  return { container, again };
}

/** The accessible name a screen reader announces for a button or link (its text, the hidden context included). */
const nameOf = (element: Element) => element.textContent.replace(/\s+/g, ' ').trim();

const frames = (root: ParentNode) => root.querySelectorAll('iframe');

describe('renderMedia: a third-party player behind a facade', () => {
  it('is a button naming what it loads and from where, with a link to the provider, and nothing loaded', async () => {
    const { container } = await show({ url: YOUTUBE, caption: 'The *Monkey* section', credit: 'D. Van Tieghem' });
    const button = container.querySelector<HTMLButtonElement>('button')!;
    expect(button.type).to.equal('button');
    expect(nameOf(button)).to.equal('Play video from YouTube: The election');
    // The visible label leads the name (WCAG 2.5.3), the context is for screen readers.
    const visible = button.querySelector('.facade-label')!.cloneNode(true) as Element;
    visible.querySelector('.visually-hidden')!.remove();
    expect(visible.textContent).to.equal('Play video from YouTube');
    expect(frames(container)).to.have.length(0);
    // No poster from the provider: no picture at all without the data's thumbnail.
    expect(container.querySelector('img')).to.equal(null);
    const open = container.querySelector<HTMLAnchorElement>('.media-links a')!;
    expect(open.textContent).to.equal('Open on YouTube');
    expect(open.getAttribute('href')).to.equal('https://www.youtube.com/watch?v=pi2v1m6gmD8&t=321s');
    expect(open.rel).to.equal('noopener noreferrer');
    expect(container.querySelector('figcaption')!.textContent).to.match(/The\s+Monkey section\s+D\. Van Tieghem/);
    expect(container.querySelector('figcaption em')!.textContent).to.equal('Monkey');
    await expect(container).to.be.accessible();
  });

  it("shows the data's thumbnail as the poster, lazily and without a referrer", async () => {
    const { container } = await show({ url: YOUTUBE, thumbnail: '/test/fixtures/poster.png' });
    const poster = container.querySelector<HTMLImageElement>('button img')!;
    expect(poster.getAttribute('src')).to.equal('/test/fixtures/poster.png');
    expect([poster.alt, poster.loading, poster.decoding, poster.referrerPolicy]).to.deep.equal([
      '',
      'lazy',
      'async',
      'no-referrer',
    ]);
  });

  it('becomes exactly one privacy-enhanced, titled, sandboxed iframe when pressed, and takes the focus', async () => {
    const { container } = await show({ url: YOUTUBE });
    const button = container.querySelector<HTMLButtonElement>('button')!;
    button.focus();
    button.click();
    const [frame, ...more] = frames(container);
    expect(more).to.have.length(0);
    expect(new URL(frame.src).host).to.equal('www.youtube-nocookie.com');
    expect(frame.getAttribute('src')).to.equal(
      'https://www.youtube-nocookie.com/embed/pi2v1m6gmD8?autoplay=1&playsinline=1&start=321',
    );
    expect(frame.title).to.equal('YouTube: The election');
    expect(frame.getAttribute('allow')).to.equal(
      'accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture',
    );
    expect(frame.getAttribute('sandbox')).to.equal(
      'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation allow-forms',
    );
    expect(frame.getAttribute('referrerpolicy')).to.equal('strict-origin-when-cross-origin');
    expect(frame.getAttribute('loading')).to.equal('lazy');
    expect(frame.hasAttribute('allowfullscreen')).to.equal(true);
    expect(document.activeElement).to.equal(frame);
    expect(button.hidden).to.equal(true);
    // The player fills the box the facade had: nothing moved.
    expect(frame.getBoundingClientRect().height).to.be.closeTo(button.parentElement!.getBoundingClientRect().height, 1);
    await expect(container).to.be.accessible();
  });

  it('keeps playing through re-renders of the same item, and is gone for another item', async () => {
    const { container, again } = await show({ url: YOUTUBE });
    container.querySelector('button')!.click();
    const frame = frames(container)[0];
    again({ url: YOUTUBE });
    again({ url: YOUTUBE });
    await new Promise((done) => setTimeout(done));
    expect([...frames(container)]).to.deep.equal([frame]);
    // The next event (or scene) shows the same kind of player: the same DOM, another key.
    again({ url: 'https://vimeo.com/76979871' }, 'e2');
    await new Promise((done) => setTimeout(done));
    expect(frames(container)).to.have.length(0);
    const button = container.querySelector<HTMLButtonElement>('button')!;
    expect(button.hidden).to.equal(false);
    expect(nameOf(button)).to.equal('Play video from Vimeo: The election');
    button.click();
    expect(frames(container)[0].getAttribute('src')).to.equal(
      'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1',
    );
  });

  it('plays one player at a time in an element, and pauses its video files', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const root = container.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [mediaStyles.styleSheet!];
    const item = (media: MediaData, key: string) => renderMedia(media, { key, title: key, messages: englishMessages });
    render(
      html`${item({ url: YOUTUBE }, 'a')}${item({ url: 'https://vimeo.com/76979871' }, 'b')}${item(
        { url: '/test/fixtures/none.mp4' },
        'c',
      )}`,
      root,
    );
    const [first, second] = root.querySelectorAll('button');
    first.click();
    expect(frames(root)).to.have.length(1);
    second.click();
    expect(frames(root)).to.have.length(1);
    expect(frames(root)[0].src).to.match(/^https:\/\/player\.vimeo\.com\//);
    expect(first.hidden).to.equal(false);
    // Starting a video file stops the player.
    root.querySelector('video')!.dispatchEvent(new Event('play'));
    expect(frames(root)).to.have.length(0);
  });

  it('names documents, maps and pages by what they are', async () => {
    const cases: [MediaData, string][] = [
      [
        { url: 'https://drive.google.com/file/d/10YmjqDEEThebdRQ1Ws2J5PRpDXbFDjTL/view' },
        'Show document from Google Drive',
      ],
      [{ url: 'https://www.google.com/maps/embed?pb=!1m18' }, 'Show map from Google Maps'],
      [{ url: 'https://charts.example.org/c/1', type: 'embed' }, 'Show page from charts.example.org'],
      [{ url: 'https://open.spotify.com/track/5SdB3onMcO9ZBoKrdvCqhR' }, 'Play audio from Spotify'],
    ];
    for (const [media, label] of cases) {
      const { container } = await show(media);
      expect(nameOf(container.querySelector('button')!), media.url).to.equal(`${label}: The election`);
    }
  });
});

describe('renderMedia: pictures, files, quotations and links', () => {
  it('shows a picture lazily, without a referrer, in a box that has its size before it loads', async () => {
    const { container } = await show({
      url: '/__test__/delay/3000/test/fixtures/small.json',
      type: 'image',
      alt: 'A map',
    });
    const img = container.querySelector('img')!;
    expect([img.alt, img.loading, img.decoding, img.referrerPolicy]).to.deep.equal([
      'A map',
      'lazy',
      'async',
      'no-referrer',
    ]);
    // At 3:2, at most 24rem tall, before a byte of the picture has arrived.
    expect(img.complete && img.naturalWidth > 0).to.equal(false);
    const { width, height } = container.querySelector('.media-box')!.getBoundingClientRect();
    expect([width, height]).to.deep.equal([576, 384]);
    await expect(container).to.be.accessible();
  });

  it('names a picture without alt text by what it belongs to, and links a Commons file to its page', async () => {
    const { container } = await show({
      url: 'https://commons.wikimedia.org/wiki/File:Beryl-Quartz-Emerald-Zambia-33mm_0885.jpg',
    });
    const img = container.querySelector('img')!;
    expect(img.alt).to.equal('The election');
    expect(img.getAttribute('src')).to.equal(
      'https://commons.wikimedia.org/wiki/Special:FilePath/Beryl-Quartz-Emerald-Zambia-33mm_0885.jpg?width=1280',
    );
    expect(container.querySelector('.media-links a')!.textContent).to.equal('Open on Wikimedia Commons');
  });

  it('plays video and audio files with their own controls, only when asked', async () => {
    for (const [url, tag] of [
      ['https://uploads.knightlab.com/escalator.mp4', 'video'],
      ['https://soundcite.knightlab.com/media/bach-cello-suite.mp3', 'audio'],
    ] as const) {
      const { container } = await show({ url });
      const player = container.querySelector<HTMLMediaElement>(tag)!;
      expect(player.controls, url).to.equal(true);
      expect(player.autoplay, url).to.equal(false);
      expect(player.getAttribute('preload'), url).to.equal('none');
      expect(player.getAttribute('aria-label'), url).to.equal('The election');
      await expect(container).to.be.accessible();
    }
  });

  it('shows a quotation as a block quotation, with its credit and its source', async () => {
    const { container } = await show({
      quote: 'We *will*.\n\nSecond paragraph.',
      credit: 'A. Speaker',
      url: 'https://twitter.com/k/status/947888817486192641',
    });
    const quote = container.querySelector('blockquote')!;
    expect(quote.getAttribute('cite')).to.equal('https://twitter.com/k/status/947888817486192641');
    expect([...quote.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal(['We will.', 'Second paragraph.']);
    const caption = container.querySelector('figcaption')!;
    expect(caption.querySelector('.credit')!.textContent.trim()).to.equal('— A. Speaker');
    expect(caption.querySelector('.media-links a')!.textContent).to.equal('Open on X');
    await expect(container).to.be.accessible();
  });

  it('links to what cannot be played without its provider, saying what it is and where it goes', async () => {
    const { container } = await show({ url: 'https://bsky.app/profile/weratedogs.com/post/3mfpmuusv2k2t' });
    const card = container.querySelector<HTMLAnchorElement>('a.media-card')!;
    expect(card.href).to.equal('https://bsky.app/profile/weratedogs.com/post/3mfpmuusv2k2t');
    expect([card.target, card.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
    expect(nameOf(card)).to.equal('Open post on Bluesky: The election bsky.app');
    expect(container.querySelector('button, iframe, img')).to.equal(null);
    await expect(container).to.be.accessible();
  });

  it('shows text from data as text, and nothing for an address it would not load', async () => {
    const { container } = await show({
      url: 'https://example.org/a.jpg',
      caption: '<img src=x onerror=alert(1)>',
      alt: '"><script>alert(1)</script>',
    });
    expect(container.querySelectorAll('img')).to.have.length(1);
    expect(container.querySelector('script')).to.equal(null);
    expect(container.querySelector('figcaption')!.textContent.trim()).to.equal('<img src=x onerror=alert(1)>');
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', ' vbscript:x']) {
      const { container: empty } = await show({ url, type: 'embed' });
      expect(empty.children, url).to.have.length(0);
    }
  });
});

describe('renderMedia: sizes, languages and directions', () => {
  it('fills a story scene’s box, its caption beneath', async () => {
    const { container } = await show({ url: YOUTUBE, caption: 'A caption' }, { width: 1000, size: 'large' });
    container.style.height = '480px';
    const figure = container.querySelector('figure')!;
    expect(figure.classList.contains('media-large')).to.equal(true);
    const box = container.querySelector('.media-box')!.getBoundingClientRect();
    const caption = container.querySelector('figcaption')!.getBoundingClientRect();
    expect(box.width).to.equal(1000);
    expect(caption.bottom - box.top).to.be.closeTo(480, 1);
    expect(box.height).to.be.greaterThan(400);
    // Without a height of its own, the box keeps its ratio, at most most of the screen.
    container.style.height = '';
    expect(container.querySelector('.media-box')!.getBoundingClientRect().height).to.be.closeTo(
      Math.min(1000 / (16 / 9), innerHeight * 0.8),
      1,
    );
  });

  it('speaks the element’s language, right to left in Arabic', async () => {
    const expected: Record<string, [string, string]> = {
      de: ['Video von YouTube abspielen: The election', 'Beitrag auf Bluesky öffnen: The election bsky.app'],
      fr: ['Lire la vidéo de YouTube : The election', 'Ouvrir la publication sur Bluesky : The election bsky.app'],
      ar: ['تشغيل فيديو من YouTube: The election', 'فتح المنشور على Bluesky: The election bsky.app'],
    };
    for (const [locale, [play, open]] of Object.entries(expected)) {
      const messages = await loadMessages(locale);
      const dir = locale === 'ar' ? 'rtl' : 'ltr';
      const player = await show({ url: YOUTUBE }, { messages, dir });
      expect(nameOf(player.container.querySelector('button')!), locale).to.equal(play);
      const card = await show({ url: 'https://bsky.app/profile/weratedogs.com/post/3mfpmuusv2k2t' }, { messages, dir });
      expect(nameOf(card.container.querySelector('a')!), locale).to.equal(open);
      expect(getComputedStyle(card.container.querySelector('figure')!).direction, locale).to.equal(dir);
      await expect(player.container).to.be.accessible();
    }
  });

  it('lays a card out from the right in a right-to-left element', async () => {
    const { container } = await show(
      { url: 'https://bsky.app/profile/weratedogs.com/post/3mfpmuusv2k2t' },
      { messages: await loadMessages('ar'), dir: 'rtl' },
    );
    const card = container.querySelector('a')!.getBoundingClientRect();
    const label = container.querySelector('.card-label')!.getBoundingClientRect();
    const host = container.querySelector('.card-host')!.getBoundingClientRect();
    expect(card.right - label.right).to.be.lessThan(20);
    expect(card.right - host.right).to.be.lessThan(20);
    // The host, left to right, is no wider than its text: it starts at the card's right edge.
    expect(host.width).to.be.lessThan(card.width / 2);
  });
});
