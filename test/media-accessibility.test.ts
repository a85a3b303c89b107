import { expect, waitUntil } from '@open-wc/testing';
import type { DateLine } from '../src/date-line.js';
import { animationsFinished, detail, inMediaStates, setViewport, shadow } from './helpers.js';
import { warmAxis } from './hardening/warm.js';
import { allMedia, mediaFigure, openSlide } from './media-fixture.js';

// Media in the element, as axe sees them: a facade, a card, a picture, a quotation, and a player once pressed, in
// the open event's panel (list at 375 px, axis at 1280) and large in the story's scene (at both), light and dark,
// and right to left in Arabic. What would catch the bugs: a facade or card without a name, contrast lost on the
// story's dark stage or in dark colours, a frame without a title.

/** axe's verdict once colour transitions (a change of scheme) have ended. */
async function accessible(el: DateLine): Promise<void> {
  await animationsFinished(el);
  await expect(el).to.be.accessible();
}

describe('media, accessibly: TimelineJS’s all-media template', () => {
  warmAxis();
  afterEach(() => setViewport({ width: 800, height: 600 }));

  const showcase = ['YouTube Videos', 'Bluesky', 'Image, JPG', 'Blockquote'];

  for (const [layout, width] of [
    ['list', 375],
    ['axis', 1280],
    ['story', 375],
    ['story', 1280],
  ] as const) {
    it(`is accessible at ${width} px (${layout}), light and dark, with a facade, a card, a picture, a quotation, a player`, async function () {
      // Ten runs of axe over 41 events.
      this.timeout(60_000);
      // A narrow element in a wide page is narrow (WebKit's window cannot be made that narrow): only widen.
      if (width > 800) await setViewport({ width: width + 40, height: 900 });
      const el = await allMedia(layout, width);
      for (const title of showcase) {
        await openSlide(el, title);
        await inMediaStates([{ colorScheme: 'light' }, { colorScheme: 'dark' }], () => accessible(el));
      }
      await openSlide(el, 'YouTube Videos');
      mediaFigure(el).querySelector<HTMLButtonElement>('button.facade')!.click();
      expect(shadow(el).querySelectorAll('iframe')).to.have.length(1);
      await inMediaStates([{ colorScheme: 'light' }, { colorScheme: 'dark' }], () => accessible(el));
    });
  }

  it('speaks Arabic, right to left, accessibly', async () => {
    const el = await allMedia('list', 375, 'ar', 'rtl');
    for (const title of ['YouTube Videos', 'Bluesky']) {
      await openSlide(el, title);
      const words = title === 'Bluesky' ? /فتح المنشور على Bluesky/ : /تشغيل فيديو من YouTube/;
      // The Arabic table arrives on its own (a part loaded on demand).
      await waitUntil(() => words.test(detail(el)!.textContent), 'no Arabic words', { timeout: 5000 });
      expect(getComputedStyle(detail(el)!.querySelector('figure.media')!).direction).to.equal('rtl');
      await expect(el).to.be.accessible();
    }
  });
});
