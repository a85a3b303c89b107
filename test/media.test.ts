import { expect } from '@open-wc/testing';
import type { DateLine } from '../src/date-line.js';
import { describeMedia } from '../src/model/media.js';
import { shadow } from './helpers.js';
import { allMedia, mediaFigure, openSlide } from './media-fixture.js';

// TimelineJS's all-media template (41 slides, one per kind of media it plays) in the element, through its
// importer: what a newsroom moving from TimelineJS sees in the open event's panel. What would catch the bugs: a
// slide whose media is dropped or shows as a bare address; a facade or card that does not name its provider; any
// request to a third party before the reader presses a facade, other than the pictures the data itself shows; a
// press that makes anything but one iframe on youtube-nocookie.com. (test/media-accessibility.test.ts has axe's view.)

/**
 * How each slide shows, in order: a player behind a facade, a card linking to what has no script-free player
 * (see the README's "Media" section for why each is one), or the media itself.
 */
const EXPECTED = [
  'player', // YouTube
  'player', // Vimeo
  'card', // Dailymotion: its embeds need an account's Player ID
  'player', // TikTok
  'card', // Bluesky: its embed wants the author's DID, not a handle
  'card', // Bluesky
  'card', // SoundCloud: its widget is documented for API addresses only
  'card', // X: script only
  'quote', // an X post's <blockquote>: its words, and a link to it
  'card', // Google Maps: its embed API needs a key
  'card',
  'card',
  'card',
  'image', // a picture on googleusercontent.com
  'card', // Instagram: no confirmed embed
  'card', // an Instagram profile
  'card', // Flickr: API key
  'card', // Flickr
  'card', // DocumentCloud: script only
  'image',
  'image',
  'image',
  'image',
  'player', // Google Docs
  'player', // Google Drive
  'player', // Google Drive
  'card', // Wikipedia: its text needs its API
  'player', // Spotify
  'player',
  'player',
  'player', // a TimelineJS embed, from an <iframe>
  'quote', // a <blockquote>
  'card', // Imgur: script only
  'player', // a PDF
  'audio',
  'video',
  'video',
  'card', // Wistia: no confirmed script-free embed
  'image', // Wikimedia Commons
  'image',
  'image',
];

/** How the open event's media shows, and the name of its facade or card. */
function shownMedia(el: DateLine): { shown: string; name: string } {
  const figure = mediaFigure(el);
  const control = figure.querySelector('button.facade, a.media-card');
  const name = control?.textContent!.replace(/\s+/g, ' ').trim() ?? '';
  if (control?.matches('button')) return { shown: 'player', name };
  if (control) return { shown: 'card', name };
  const itself = figure.querySelector('img, video, audio, blockquote')!;
  return {
    shown: itself.localName === 'img' ? 'image' : itself.localName === 'blockquote' ? 'quote' : itself.localName,
    name,
  };
}

/**
 * The addresses of other origins that elements in a root fetch by themselves (pictures, posters, frames; the files
 * of video and audio elements only when they preload).
 */
function fetchedFrom(root: ParentNode): string[] {
  const waits = (element: Element) => element.matches('video, audio') && element.getAttribute('preload') === 'none';
  return [...root.querySelectorAll('[src], [poster], [srcset], object[data]')]
    .flatMap((element) =>
      ['src', 'poster', 'srcset', 'data'].map((name) =>
        name === 'src' && waits(element) ? null : element.getAttribute(name),
      ),
    )
    .filter((url): url is string => url !== null)
    .map((url) => new URL(url, location.href).href)
    .filter((url) => new URL(url).origin !== location.origin);
}

function foreignRequests(seen: string[]): string[] {
  return seen.filter((name) => new URL(name).origin !== location.origin);
}

describe('media in the open event: TimelineJS’s all-media template', () => {
  before(() => performance.setResourceTimingBufferSize(100_000));

  for (const layout of ['list', 'story'] as const) {
    it(`shows every slide: a facade or a card naming its provider, or the media itself, with no request but the data’s pictures (${layout})`, async function () {
      // Forty-one events, each opened, checked and brought into view.
      this.timeout(60_000);
      const seen: string[] = [];
      const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((entry) => entry.name)));
      observer.observe({ type: 'resource' });
      const el = await allMedia(layout, 375);
      const events = el.timeline!.events;
      expect(events).to.have.length(41);
      const pictures = new Set<string>();
      const shown: string[] = [];
      for (const event of events) {
        el.select(event.id);
        await el.updateComplete;
        const info = describeMedia(event.media!)!;
        const { shown: how, name } = shownMedia(el);
        shown.push(how);
        if (how === 'player' || how === 'card') expect(name, event.title).to.include(info.provider);
        if (how === 'image') pictures.add(new URL(info.src!, location.href).href);
        expect(shadow(el).querySelectorAll('iframe, script, object, embed'), event.title).to.have.length(0);
        // What the page would fetch: only its own files and the data's pictures.
        expect(
          fetchedFrom(shadow(el)).filter((url) => !pictures.has(url)),
          event.title,
        ).to.deep.equal([]);
        // In view, so that what loads lazily loads now, and shows in the request log.
        mediaFigure(el).scrollIntoView({ block: 'center' });
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      }
      expect(shown).to.deep.equal(EXPECTED);
      // Nothing reached a third party but the pictures the data shows (they load lazily, without a referrer).
      await new Promise((done) => setTimeout(done, 300));
      observer.disconnect();
      const foreign = [
        ...new Set([
          ...foreignRequests(seen),
          ...foreignRequests(performance.getEntriesByType('resource').map((e) => e.name)),
        ]),
      ];
      expect(foreign.filter((name) => !pictures.has(name))).to.deep.equal([]);
    });

    it(`creates one iframe on www.youtube-nocookie.com when the YouTube facade is pressed, and gives it the focus (${layout})`, async () => {
      const el = await allMedia(layout, 375);
      await openSlide(el, 'YouTube Videos');
      const button = mediaFigure(el).querySelector<HTMLButtonElement>('button.facade')!;
      expect(button.textContent.replace(/\s+/g, ' ').trim()).to.equal('Play video from YouTube: YouTube Videos');
      button.click();
      const frames = shadow(el).querySelectorAll('iframe');
      expect(frames).to.have.length(1);
      expect(new URL(frames[0].src).host).to.equal('www.youtube-nocookie.com');
      expect(shadow(el).activeElement).to.equal(frames[0]);
      // The player survives the element's own re-renders, and goes with the event.
      el.requestUpdate();
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('iframe')).to.have.length(1);
      await openSlide(el, 'Vimeo');
      await new Promise((done) => setTimeout(done));
      expect(shadow(el).querySelectorAll('iframe')).to.have.length(0);
    });
  }
});
