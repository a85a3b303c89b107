import { fixture, html, waitUntil } from '@open-wc/testing';
import type { DateLine } from '../src/date-line.js';
import { settled, shadow } from './helpers.js';

/**
 * TimelineJS's all-media template (41 slides, one per kind of media it plays), in the element through its importer:
 * the fixture of test/media.test.ts and test/media-accessibility.test.ts.
 */
export const ALL_MEDIA = '/test/fixtures/timelinejs/all-media-types.json';

/** An element showing the all-media template in a layout, at a width (and in a language and direction). */
export async function allMedia(
  layout: 'list' | 'axis' | 'story',
  width: number,
  locale = 'en-GB',
  dir = 'ltr',
): Promise<DateLine> {
  const el = await fixture<DateLine>(
    html`<date-line
      layout=${layout}
      src=${ALL_MEDIA}
      locale=${locale}
      dir=${dir}
      style="width: ${width}px"
    ></date-line>`,
  );
  await settled(el);
  if (layout === 'axis') await waitUntil(() => shadow(el).querySelector('.axis'), 'no axis', { timeout: 8000 });
  return el;
}

/** Opens the event of a slide, by its headline. */
export async function openSlide(el: DateLine, headline: string): Promise<void> {
  el.select(el.timeline!.events.find((event) => event.title === headline)!.id);
  await el.updateComplete;
}

/** The open event's media: in its panel (axis, list), or large in its scene (story). */
export const mediaFigure = (el: DateLine) =>
  shadow(el).querySelector<HTMLElement>('[part~="detail"] figure.media, .scene-media figure.media')!;
