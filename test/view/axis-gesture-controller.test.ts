import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { DateLine } from '../../src/date-line.js';
import type { DateLineRangeChangeEvent } from '../../src/events.js';
import { ARTICLE_URL, realInput, settled, shadow, type InputCall } from '../helpers.js';

/**
 * Every gesture on the axis ends in exactly one `date-line-range-change` and one announcement of the new range,
 * however it ends: fingers lifting together or one after the other, a wheel that stops, a key. In Chromium the
 * gestures are real input (the DevTools protocol's touches and wheels go through the browser's own input
 * pipeline, as a reader's do); where an engine has no such protocol, the same sequences are dispatched as
 * PointerEvents and WheelEvents.
 */

async function axisElement(): Promise<DateLine> {
  history.replaceState(null, '', location.pathname + location.search);
  const el = await fixture<DateLine>(
    // Proportional to time (no breaks), so that a zoom's factor shows in the dates of the visible range.
    html`<date-line
      src=${ARTICLE_URL}
      layout="axis"
      breaks="none"
      locale="en-GB"
      view="2016/2018"
      style="width: 900px"
    ></date-line>`,
  );
  await settled(el);
  await waitUntil(() => shadow(el).querySelector('.viewport'), 'the axis loads', { timeout: 15000 });
  await el.updateComplete;
  return el;
}

/** Counts the range changes and the announcements (changes of the live region's text) from now on. */
function watch(el: DateLine) {
  const ranges: DateLineRangeChangeEvent['detail'][] = [];
  const announcements: string[] = [];
  el.addEventListener('date-line-range-change', (event) => ranges.push(event.detail));
  const region = shadow(el).querySelector('.base > [role="status"]')!;
  const observer = new MutationObserver(() => announcements.push(region.textContent.trim()));
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return {
    ranges,
    announcements,
    /** Waits for the quiet after a gesture (a wheel ends after 200 ms without one), then reads the counts. */
    async settle() {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await el.updateComplete;
      observer.takeRecords().forEach(() => announcements.push(region.textContent.trim()));
      return { ranges: ranges.length, announcements: announcements.length };
    },
  };
}

const width = (el: DateLine) => Date.parse(el.visibleRange!.end) - Date.parse(el.visibleRange!.start);

async function centre(el: DateLine) {
  // The axis grows as tall as its story: bring its bottom into the window, where the fingers go.
  shadow(el).querySelector('.viewport')!.scrollIntoView({ block: 'end' });
  await new Promise(requestAnimationFrame);
  const box = shadow(el).querySelector('.viewport')!.getBoundingClientRect();
  // Low in the viewport, among the tick labels: no event label under the fingers.
  return { x: Math.round(box.left + box.width / 2), y: Math.round(Math.min(box.bottom, innerHeight) - 24), box };
}

const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number; id: number }[]) =>
  ({ method: 'Input.dispatchTouchEvent', params: { type, touchPoints: points } }) satisfies InputCall;

/** A pinch from ±50 px to ±100 px around x, its fingers lifting together or one after the other. */
function pinchCalls(x: number, y: number, lifting: 'together' | 'one by one'): InputCall[] {
  const fingers = (spread: number) => [
    { x: x - spread, y, id: 0 },
    { x: x + spread, y, id: 1 },
  ];
  const moves = [60, 70, 80, 90, 100].map((spread) => touch('touchMove', fingers(spread)));
  const lift =
    lifting === 'together' ? [touch('touchEnd', [])] : [touch('touchMove', [fingers(100)[1]]), touch('touchEnd', [])];
  return [touch('touchStart', fingers(50)), ...moves, ...lift];
}

/** The same pinch as PointerEvents, for engines without a protocol for real touches. */
function dispatchPinch(el: DateLine, x: number, y: number, lifting: 'together' | 'one by one'): void {
  const viewport = shadow(el).querySelector('.viewport')!;
  const send = (type: string, pointerId: number, clientX: number) =>
    viewport.dispatchEvent(
      new PointerEvent(type, {
        pointerId,
        pointerType: 'touch',
        clientX,
        clientY: y,
        bubbles: true,
        composed: true,
        isPrimary: pointerId === 1,
      }),
    );
  send('pointerdown', 1, x - 50);
  send('pointerdown', 2, x + 50);
  for (const spread of [60, 70, 80, 90, 100]) {
    send('pointermove', 1, x - spread);
    send('pointermove', 2, x + spread);
  }
  if (lifting === 'one by one') {
    send('pointerup', 1, x - 100);
    send('pointermove', 2, x + 110);
    send('pointerup', 2, x + 110);
  } else {
    send('pointerup', 1, x - 100);
    send('pointerup', 2, x + 100);
  }
}

describe('AxisGestureController: each gesture ends once', () => {
  for (const lifting of ['together', 'one by one'] as const) {
    it(`a two-finger pinch zooms in, and ends once with its fingers lifting ${lifting}`, async () => {
      const el = await axisElement();
      const { x, y } = await centre(el);
      const before = width(el);
      const counts = watch(el);
      if (!(await realInput(pinchCalls(x, y, lifting)))) dispatchPinch(el, x, y, lifting);
      expect(await counts.settle()).to.deep.equal({ ranges: 1, announcements: 1 });
      expect(width(el)).to.be.closeTo(before / 2, before * 0.05);
      expect(counts.ranges[0]).to.deep.equal(el.visibleRange);
      expect(counts.announcements[0]).to.match(/^Showing /);
    });
  }

  it('a one-finger swipe pans, and ends once', async () => {
    const el = await axisElement();
    const { x, y } = await centre(el);
    const start = Date.parse(el.visibleRange!.start);
    const counts = watch(el);
    const path = [x, x - 40, x - 80, x - 120, x - 160].map((at) => ({ x: at, y, id: 0 }));
    const real = await realInput([
      touch('touchStart', [path[0]]),
      ...path.slice(1).map((point) => touch('touchMove', [point])),
      touch('touchEnd', []),
    ]);
    if (!real) {
      const viewport = shadow(el).querySelector('.viewport')!;
      const send = (type: string, clientX: number) =>
        viewport.dispatchEvent(
          new PointerEvent(type, { pointerId: 7, pointerType: 'touch', clientX, clientY: y, bubbles: true }),
        );
      send('pointerdown', x);
      for (const point of path.slice(1)) send('pointermove', point.x);
      send('pointerup', path.at(-1)!.x);
    }
    expect(await counts.settle()).to.deep.equal({ ranges: 1, announcements: 1 });
    expect(Date.parse(el.visibleRange!.start)).to.be.above(start);
  });

  it('a mouse drag pans, and ends once', async () => {
    const el = await axisElement();
    const { x, y } = await centre(el);
    const start = Date.parse(el.visibleRange!.start);
    const counts = watch(el);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    for (const dx of [20, 60, 100, 140]) await sendMouse({ type: 'move', position: [x - dx, y] });
    await sendMouse({ type: 'up' });
    await resetMouse();
    expect(await counts.settle()).to.deep.equal({ ranges: 1, announcements: 1 });
    expect(Date.parse(el.visibleRange!.start)).to.be.above(start);
  });

  it('a run of ctrl + wheel zooms, and ends once when the wheel stops', async () => {
    const el = await axisElement();
    const { x, y } = await centre(el);
    const before = width(el);
    const counts = watch(el);
    const wheel = { type: 'mouseWheel', x, y, deltaX: 0, deltaY: -100, modifiers: 2 };
    const real = await realInput(
      Array.from({ length: 5 }, () => ({ method: 'Input.dispatchMouseEvent', params: wheel }) satisfies InputCall),
    );
    if (!real) {
      const viewport = shadow(el).querySelector('.viewport')!;
      for (let i = 0; i < 5; i++)
        viewport.dispatchEvent(
          new WheelEvent('wheel', {
            clientX: x,
            clientY: y,
            deltaY: -100,
            ctrlKey: true,
            bubbles: true,
            cancelable: true,
          }),
        );
    }
    expect(await counts.settle()).to.deep.equal({ ranges: 1, announcements: 1 });
    expect(width(el)).to.be.below(before);
  });

  it('each zoom key press ends once', async () => {
    const el = await axisElement();
    // The tab stop is on an event in view: zooming goes in around it, and it stays drawn (and focused).
    shadow(el).querySelector<HTMLButtonElement>('.item .event-button[tabindex="0"]')!.focus();
    const before = width(el);
    const counts = watch(el);
    await sendKeys({ press: '+' });
    expect(await counts.settle()).to.deep.equal({ ranges: 1, announcements: 1 });
    expect(width(el)).to.be.closeTo(before / 2, before * 0.01);
    expect(shadow(el).activeElement?.matches('.event-button')).to.equal(true);
    await sendKeys({ press: 'PageDown' });
    expect(await counts.settle()).to.deep.equal({ ranges: 2, announcements: 2 });
  });
});
