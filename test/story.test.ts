import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DateLine } from '../src/date-line.js';
import type { DateLineSelectEvent } from '../src/events.js';
import type { TimelineData } from '../src/model/types.js';
import {
  animationsFinished,
  articleData,
  inMediaStates,
  realInput,
  setViewport,
  settled,
  shadow,
  type InputCall,
} from './helpers.js';

/**
 * The story view, `layout="story"`: one scene at a time (a title scene, then one per event), moved through by its
 * buttons, the arrow keys, a swipe and the time strip; each move a selection (the event, the deep link); a
 * carousel done as the WAI-ARIA pattern asks.
 */

function clearHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

async function story(options: { id?: string; width?: string; dir?: string; locale?: string } = {}): Promise<DateLine> {
  const data = await articleData();
  const el = await fixture<DateLine>(
    html`<date-line
      id=${options.id ?? 'story'}
      layout="story"
      locale=${options.locale ?? 'en-GB'}
      dir=${options.dir ?? 'ltr'}
      .data=${data}
      style="width: ${options.width ?? '900px'}"
    ></date-line>`,
  );
  await settled(el);
  await waitUntil(() => shadow(el).querySelector('.scene'), 'the story never showed', { timeout: 15000 });
  await el.updateComplete;
  return el;
}

const scene = (el: DateLine) => shadow(el).querySelector<HTMLElement>('.scene')!;
const sceneName = (el: DateLine) => scene(el).getAttribute('aria-label');
const sceneTitle = (el: DateLine) => scene(el).querySelector('.scene-title')?.textContent.trim();
const control = (el: DateLine, name: 'previous' | 'next') =>
  shadow(el).querySelector<HTMLButtonElement>(`.controls .${name}`)!;
const strip = (el: DateLine) => shadow(el).querySelector<HTMLElement>('[role="slider"]')!;
const liveText = (el: DateLine) => shadow(el).querySelector('.base > [role="status"]')!.textContent.trim();

async function pressed(el: DateLine, button: HTMLElement): Promise<void> {
  button.click();
  await el.updateComplete;
}

describe('the story view', () => {
  beforeEach(clearHash);
  after(clearHash);

  it('opens on a title scene, then walks every event in order with the buttons, the hash following', async () => {
    const el = await story();
    expect(el.effectiveLayout).to.equal('story');
    expect(sceneName(el)).to.equal('Introduction');
    expect(sceneTitle(el)).to.equal(el.timeline!.title);
    expect(control(el, 'previous').getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    const events = el.shownEvents;
    expect(events).to.have.length(20);
    const selections: (string | null)[] = [];
    el.addEventListener('date-line-select', (event: DateLineSelectEvent) => selections.push(event.detail.id));
    for (const [index, event] of events.entries()) {
      await pressed(el, control(el, 'next'));
      expect(sceneName(el)).to.equal(`Event ${index + 1} of 20`);
      expect(sceneTitle(el)).to.equal(event.title);
      expect(location.hash).to.equal(`#story/${event.id}`);
      expect(el.selected).to.equal(event.id);
    }
    expect(selections).to.deep.equal(events.map((event) => event.id));
    expect(control(el, 'next').getAttribute('aria-disabled'), 'the last scene').to.equal('true');
    await pressed(el, control(el, 'next'));
    expect(el.selected, 'no further than the last').to.equal(events[19].id);
    for (let back = 0; back < 20; back++) await pressed(el, control(el, 'previous'));
    expect(sceneName(el), 'back to the title scene').to.equal('Introduction');
    expect(el.selected).to.equal(null);
    expect(location.hash).to.equal('');
  });

  it('keeps the focus on the button the reader used, and says each change in one sentence', async () => {
    const el = await story();
    const next = control(el, 'next');
    next.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(next);
    const first = el.shownEvents[0];
    expect(liveText(el)).to.equal(`Event 1 of 20: ${first.title}`);
    expect(liveText(el).split(/[.!?]\s/)).to.have.length(1);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(liveText(el)).to.equal(`Event 2 of 20: ${el.shownEvents[1].title}`);
    await animationsFinished(el);
    await expect(el).to.be.accessible();
  });

  it('moves one scene with the arrow keys while the focus is inside it, mirrored right to left', async () => {
    const el = await story();
    control(el, 'next').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.selected).to.equal(el.shownEvents[1].id);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.selected).to.equal(el.shownEvents[0].id);

    const rtl = await story({ id: 'rtl', dir: 'rtl' });
    control(rtl, 'next').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await rtl.updateComplete;
    expect(rtl.selected, 'left is forward right to left').to.equal(rtl.shownEvents[0].id);
    await animationsFinished(rtl);
    await expect(rtl).to.be.accessible();
  });

  it('leaves keys pressed outside the element to the page', async () => {
    const el = await story();
    const outside = await fixture<HTMLButtonElement>(html`<button>elsewhere</button>`);
    outside.focus();
    let prevented = false;
    document.addEventListener('keydown', (event) => (prevented ||= event.defaultPrevented), { once: true });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.selected).to.equal(null);
    expect(prevented).to.equal(false);
  });

  it('moves to any event with the time strip: a slider for keys, a press for the pointer', async () => {
    const el = await story();
    const slider = strip(el);
    expect(slider.getAttribute('aria-valuemax')).to.equal('20');
    expect(slider.getAttribute('aria-valuenow')).to.equal('0');
    slider.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.selected).to.equal(el.shownEvents[19].id);
    expect(slider.getAttribute('aria-valuenow')).to.equal('20');
    expect(slider.getAttribute('aria-valuetext')).to.equal(`Event 20 of 20: ${el.shownEvents[19].title}`);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.selected).to.equal(null);
    for (let step = 0; step < 3; step++) await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.selected).to.equal(el.shownEvents[2].id);
    expect(shadow(el).activeElement, 'the focus stays on the strip').to.equal(slider);

    // A press near the last marker goes to the last event; one at the strip's start, to the first.
    const rect = slider.getBoundingClientRect();
    const pressAt = async (share: number) => {
      slider.dispatchEvent(
        new MouseEvent('click', { clientX: rect.left + rect.width * share, clientY: rect.top + 4, bubbles: true }),
      );
      await el.updateComplete;
    };
    await pressAt(0.995);
    expect(el.selected).to.equal(el.shownEvents[19].id);
    await pressAt(0.001);
    expect(el.selected).to.equal(el.shownEvents[0].id);
    await animationsFinished(el);
    await expect(el).to.be.accessible();
  });

  it('opens the scene a deep link names, on load', async () => {
    const data = (await articleData()) as { events: { id: string }[] };
    const linked = data.events[7].id;
    location.hash = `#linked/${linked}`;
    const el = await story({ id: 'linked' });
    await waitUntil(() => el.selected === linked, 'the deep link did not open its scene');
    await el.updateComplete;
    expect(scene(el).dataset.id).to.equal(linked);
  });

  it('moves one scene on a swipe (a real touch where the engine has a protocol for it)', async () => {
    const el = await story({ width: '600px' });
    const stage = shadow(el).querySelector<HTMLElement>('.stage')!;
    stage.scrollIntoView({ block: 'center' });
    await new Promise(requestAnimationFrame);
    const rect = stage.getBoundingClientRect();
    const y = Math.round(rect.top + rect.height / 2);
    const xs = [0.8, 0.65, 0.5, 0.35, 0.2].map((share) => Math.round(rect.left + rect.width * share));
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x?: number) =>
      ({
        method: 'Input.dispatchTouchEvent',
        params: { type, touchPoints: x === undefined ? [] : [{ x, y, id: 1 }] },
      }) satisfies InputCall;
    const real = await realInput([
      touch('touchStart', xs[0]),
      ...xs.slice(1).map((x) => touch('touchMove', x)),
      touch('touchEnd'),
    ]);
    if (!real) {
      const at = (type: string, clientX: number) =>
        stage.dispatchEvent(
          new PointerEvent(type, { pointerId: 3, pointerType: 'touch', clientX, clientY: y, bubbles: true }),
        );
      at('pointerdown', xs[0]);
      at('pointerup', xs.at(-1)!);
    }
    await waitUntil(() => el.selected !== null, 'the swipe moved nothing');
    expect(el.selected, 'one scene on').to.equal(el.shownEvents[0].id);
  });

  it('paints its first scene at once, a deep link’s too, and fades each next one in for at most 250 ms, not at all for reduced motion', async () => {
    const data = (await articleData()) as TimelineData;
    const linked = data.events[3].id;
    /** A story drawn from the start, and the animations each of its scenes ran as it entered, read before paint. */
    async function enter(hash: string): Promise<{ el: DateLine; entered: number[][] }> {
      history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
      const box = await fixture<HTMLElement>(html`<div style="width: 900px"></div>`);
      const el = Object.assign(document.createElement('date-line'), { data, layout: 'story' as const });
      const entered: number[][] = [];
      const watch = new MutationObserver((records) => {
        for (const node of records.flatMap((record) => [...record.addedNodes]))
          if (node instanceof HTMLElement)
            for (const added of [node, ...node.querySelectorAll('*')].filter((each) => each.matches('.scene')))
              entered.push(added.getAnimations().map((animation) => Number(animation.effect!.getTiming().duration)));
      });
      box.append(el);
      watch.observe(el.shadowRoot!, { childList: true, subtree: true });
      await waitUntil(() => entered.length > 0, 'no scene entered', { timeout: 15000 });
      await settled(el);
      await new Promise(requestAnimationFrame);
      return { el, entered };
    }
    await inMediaStates(
      [{ reducedMotion: 'no-preference' as const }, { reducedMotion: 'reduce' as const }],
      async ({ reducedMotion }) => {
        const deepLinked = await enter(`#date-line/${linked}`);
        expect(deepLinked.el.selected).to.equal(linked);
        expect(deepLinked.entered.flat(), 'a deep link’s first scene').to.deep.equal([]);
        const { el, entered } = await enter('');
        expect(entered, 'the title scene').to.deep.equal([[]]);
        await pressed(el, control(el, 'next'));
        await waitUntil(() => entered.length === 2, 'the first event’s scene never entered');
        if (reducedMotion === 'reduce') expect(entered[1], 'reduced motion').to.deep.equal([]);
        else {
          expect(entered[1]).to.have.length(1);
          expect(entered[1][0]).to.be.within(1, 250);
        }
        await animationsFinished(el);
        await expect(el).to.be.accessible();
        clearHash();
      },
    );
  });

  it('keeps its height from scene to scene, at 375 and 1280 px', async () => {
    for (const width of ['375px', '1200px']) {
      const el = await story({ width });
      const heights = new Set<number>();
      for (let step = 0; step <= 20; step++) {
        await animationsFinished(el);
        heights.add(Math.round(el.getBoundingClientRect().height));
        await pressed(el, control(el, 'next'));
      }
      expect([...heights], `${width}: one height for every scene`).to.have.length(1);
    }
  });

  it('is accessible at 375 and 1280 px, light and dark, on the title scene and on an event', async () => {
    await setViewport({ width: 1280, height: 900 });
    try {
      for (const width of ['375px', '1280px']) {
        const el = await story({ width });
        await inMediaStates([{ colorScheme: 'light' }, { colorScheme: 'dark' }], async () => {
          await animationsFinished(el);
          await expect(el).to.be.accessible();
          await pressed(el, control(el, 'next'));
          await animationsFinished(el);
          await expect(el).to.be.accessible();
          await pressed(el, control(el, 'previous'));
        });
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('lets the filters narrow the sequence', async () => {
    const el = await story();
    const group = el.timeline!.groups[0].id;
    el.filters = { groups: [group], tags: [] };
    await el.updateComplete;
    const shown = el.shownEvents;
    expect(shown.length).to.be.below(20);
    for (const event of shown) {
      await pressed(el, control(el, 'next'));
      expect(sceneTitle(el)).to.equal(event.title);
    }
    expect(control(el, 'next').getAttribute('aria-disabled')).to.equal('true');
    expect(strip(el).getAttribute('aria-valuemax')).to.equal(String(shown.length));
  });

  it('speaks the reader’s language: the scene names, the strip and the buttons', async () => {
    const el = await story({ locale: 'de' });
    await waitUntil(() => sceneName(el) === 'Einführung', 'German never arrived', { timeout: 4000 });
    await pressed(el, control(el, 'next'));
    expect(sceneName(el)).to.equal('Ereignis 1 von 20');
    expect(strip(el).getAttribute('aria-label')).to.equal('Ereignisse auf der Zeitachse');
    expect(control(el, 'next').textContent.trim()).to.contain('Nächstes');
  });

  it('prints as the list, every event open', async () => {
    const el = await story();
    window.dispatchEvent(new Event('beforeprint'));
    try {
      await el.updateComplete;
      expect(el.effectiveLayout).to.equal('list');
      expect(shadow(el).querySelectorAll('[part~="detail"]')).to.have.length(20);
    } finally {
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
    }
    expect(el.effectiveLayout).to.equal('story');
  });
});
