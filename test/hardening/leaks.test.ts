/* eslint-disable @typescript-eslint/unbound-method -- the shims keep the original functions and call them with .call() */
import { expect, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import type { DateLine } from '../../src/date-line.js';
import { ARTICLE_URL, longTimeline, settled, shadow } from '../helpers.js';

// Guards: an element removed from the page leaves nothing behind — no listener on window or document, no
// observer still observing, no pending timer, animation frame or idle callback — however many times it is added and removed,
// and whatever it was doing (loading, zooming with the wheel, showing the axis). The counting shims below
// wrap the globals before the element is created and count only what is registered from the project's own
// modules (/src/ in the caller's stack), not the test framework's own timers.

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const fromSource = () => (new Error().stack ?? '').includes(`${location.origin}/src/`);

interface Counts {
  listeners: number;
  observers: number;
  timers: number;
  frames: number;
  idleCallbacks: number;
}

/** Installs the counting shims; `counts()` says what from src/ is still active, `restore()` removes them. */
function installShims() {
  const listeners = new Map<string, number>();
  const observing = new Set<{ targets: Set<unknown> }>();
  const timers = new Set<number>();
  const frames = new Set<number>();
  const idleCallbacks = new Set<number>();
  const originals = {
    windowAdd: window.addEventListener,
    windowRemove: window.removeEventListener,
    documentAdd: document.addEventListener,
    documentRemove: document.removeEventListener,
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
    // Absent in Safari (the element then packs in timers instead, which are counted above).
    requestIdleCallback: window.requestIdleCallback as typeof window.requestIdleCallback | undefined,
    cancelIdleCallback: window.cancelIdleCallback as typeof window.cancelIdleCallback | undefined,
    ResizeObserver: window.ResizeObserver,
    MutationObserver: window.MutationObserver,
    IntersectionObserver: window.IntersectionObserver,
  };
  // One listener per (target, type, function, capture), as the DOM counts them.
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const idOf = (value: object) => ids.get(value) ?? (ids.set(value, ++nextId), nextId);
  const listenerKey = (target: string, type: string, listener: unknown, options?: boolean | EventListenerOptions) =>
    `${target} ${type} ${typeof listener === 'object' || typeof listener === 'function' ? idOf(listener!) : 0} ${
      typeof options === 'boolean' ? options : Boolean(options?.capture)
    }`;
  for (const [name, target] of [
    ['window', window],
    ['document', document],
  ] as const) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    target.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      if (fromSource()) listeners.set(listenerKey(name, type, listener, options as boolean), 1);
      return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
    } as typeof target.addEventListener;
    target.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      listeners.delete(listenerKey(name, type, listener, options as boolean));
      return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
    } as typeof target.removeEventListener;
  }
  // Typed loosely: with @types/node in the program, the timer functions have Node's overloads too.
  type SetTimer = (handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => number;
  type ClearTimer = (id?: number) => void;
  const realSetTimeout = originals.setTimeout as unknown as SetTimer;
  const realSetInterval = originals.setInterval as unknown as SetTimer;
  const realClearTimeout = originals.clearTimeout as unknown as ClearTimer;
  const realClearInterval = originals.clearInterval as unknown as ClearTimer;
  const shimSetTimeout: SetTimer = (handler, ms, ...args) => {
    const counted = fromSource();
    const id = realSetTimeout.call(
      window,
      (...callArgs: unknown[]) => {
        timers.delete(id);
        handler(...callArgs);
      },
      ms,
      ...args,
    );
    if (counted) timers.add(id);
    return id;
  };
  const shimSetInterval: SetTimer = (handler, ms, ...args) => {
    const id = realSetInterval.call(window, handler, ms, ...args);
    if (fromSource()) timers.add(id);
    return id;
  };
  const shimClear =
    (real: ClearTimer): ClearTimer =>
    (id) => {
      if (id !== undefined) timers.delete(id);
      real.call(window, id);
    };
  Object.assign(window, {
    setTimeout: shimSetTimeout,
    setInterval: shimSetInterval,
    clearTimeout: shimClear(realClearTimeout),
    clearInterval: shimClear(realClearInterval),
  });
  window.requestAnimationFrame = (callback: FrameRequestCallback) => {
    const counted = fromSource();
    const id = originals.requestAnimationFrame.call(window, (time) => {
      frames.delete(id);
      callback(time);
    });
    if (counted) frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id: number) => {
    frames.delete(id);
    originals.cancelAnimationFrame.call(window, id);
  };
  const { requestIdleCallback: realRequestIdle, cancelIdleCallback: realCancelIdle } = originals;
  if (realRequestIdle && realCancelIdle) {
    window.requestIdleCallback = (callback: IdleRequestCallback, options?: IdleRequestOptions) => {
      const counted = fromSource();
      const id = realRequestIdle.call(
        window,
        (deadline) => {
          idleCallbacks.delete(id);
          callback(deadline);
        },
        options,
      );
      if (counted) idleCallbacks.add(id);
      return id;
    };
    window.cancelIdleCallback = (id: number) => {
      idleCallbacks.delete(id);
      realCancelIdle.call(window, id);
    };
  }
  const counting = <T extends new (...args: never[]) => { observe: unknown; disconnect(): void }>(Base: T): T =>
    class extends (Base as unknown as new (...args: unknown[]) => {
      observe(target: unknown, options?: unknown): void;
      unobserve?(target: unknown): void;
      disconnect(): void;
    }) {
      readonly targets = new Set<unknown>();
      readonly counted = fromSource();
      override observe(target: unknown, options?: unknown) {
        super.observe(target, options);
        this.targets.add(target);
        if (this.counted) observing.add(this);
      }
      override unobserve(target: unknown) {
        super.unobserve?.(target);
        this.targets.delete(target);
        if (!this.targets.size) observing.delete(this);
      }
      override disconnect() {
        super.disconnect();
        this.targets.clear();
        observing.delete(this);
      }
    } as unknown as T;
  window.ResizeObserver = counting(originals.ResizeObserver);
  window.MutationObserver = counting(originals.MutationObserver);
  window.IntersectionObserver = counting(originals.IntersectionObserver);
  return {
    counts: (): Counts => ({
      listeners: listeners.size,
      observers: observing.size,
      timers: timers.size,
      frames: frames.size,
      idleCallbacks: idleCallbacks.size,
    }),
    restore() {
      window.addEventListener = originals.windowAdd;
      window.removeEventListener = originals.windowRemove;
      document.addEventListener = originals.documentAdd;
      document.removeEventListener = originals.documentRemove;
      Object.assign(window, {
        setTimeout: originals.setTimeout,
        clearTimeout: originals.clearTimeout,
        setInterval: originals.setInterval,
        clearInterval: originals.clearInterval,
        requestAnimationFrame: originals.requestAnimationFrame,
        cancelAnimationFrame: originals.cancelAnimationFrame,
        ...(originals.requestIdleCallback && {
          requestIdleCallback: originals.requestIdleCallback,
          cancelIdleCallback: originals.cancelIdleCallback,
        }),
        ResizeObserver: originals.ResizeObserver,
        MutationObserver: originals.MutationObserver,
        IntersectionObserver: originals.IntersectionObserver,
      });
    },
  };
}

const NONE: Counts = { listeners: 0, observers: 0, timers: 0, frames: 0, idleCallbacks: 0 };

describe('no leaks across connect and disconnect', () => {
  let shims: ReturnType<typeof installShims>;
  let host: HTMLElement;
  before(async () => {
    // Load the axis module and the data once, outside the counts: a first import is not a leak.
    host = document.createElement('div');
    host.style.width = '1000px';
    document.body.append(host);
    render(html`<date-line layout="axis" src=${ARTICLE_URL}></date-line>`, host);
    const warm = host.querySelector<DateLine>('date-line')!;
    await settled(warm);
    await waitUntil(() => shadow(warm).querySelector('.axis'), 'no axis', { timeout: 8000 });
    render(html``, host);
  });
  beforeEach(() => {
    shims = installShims();
  });
  afterEach(() => shims.restore());
  after(() => host.remove());

  it('the shims see what a connected element registers (so zero below means something)', async () => {
    const el = document.createElement('date-line');
    el.layout = 'axis';
    el.src = ARTICLE_URL;
    host.append(el);
    await settled(el);
    const connected = shims.counts();
    // hashchange, beforeprint, afterprint; the size and child observers.
    expect(connected.listeners).to.equal(3);
    expect(connected.observers).to.equal(2);
    el.remove();
    await sleep(50);
    expect(shims.counts()).to.deep.equal(NONE);
  });

  it('returns to zero after 15 cycles of connect, use and disconnect, and never grows while connected', async () => {
    const el = document.createElement('date-line');
    el.layout = 'axis';
    el.locale = 'en-GB';
    el.src = ARTICLE_URL;
    let connectedCounts: Counts | undefined;
    for (let cycle = 0; cycle < 15; cycle++) {
      host.append(el);
      await settled(el);
      await waitUntil(() => shadow(el).querySelector('.axis li[data-id]'), 'no axis events', { timeout: 5000 });
      // Use it: select, zoom, a wheel gesture (which starts a timer), a resize (which asks for a frame).
      el.select(el.timeline!.events[cycle % 20].id);
      el.zoomIn();
      shadow(el)
        .querySelector('.viewport')!
        .dispatchEvent(new WheelEvent('wheel', { deltaX: 40, bubbles: true, cancelable: true }));
      host.style.width = `${900 + cycle}px`;
      await el.updateComplete;
      await new Promise((done) => requestAnimationFrame(done));
      const counts = shims.counts();
      connectedCounts ??= counts;
      expect(counts.listeners, `cycle ${cycle}`).to.equal(connectedCounts.listeners);
      expect(counts.observers, `cycle ${cycle}`).to.equal(connectedCounts.observers);
      el.remove();
      // Removing mid-gesture must clear its timer and frame at once, not when they fire.
      expect(shims.counts(), `cycle ${cycle}, just removed`).to.deep.equal(NONE);
    }
  });

  it('returns to zero when removed while packing a zoom level in idle moments (30,000 events)', async () => {
    const data = longTimeline(30000);
    for (let cycle = 0; cycle < 3; cycle++) {
      const el = document.createElement('date-line');
      el.layout = 'axis';
      el.style.width = '900px';
      el.data = data;
      host.append(el);
      await settled(el);
      await waitUntil(() => shadow(el).querySelector('.axis li[data-id]'), 'no axis events', { timeout: 8000 });
      // Far in while the zoom is changing: the finer lanes are packed in idle moments, a slice at a time.
      el.zoomTo('2017-01-01', '2017-02-01');
      await el.updateComplete;
      el.remove();
      expect(shims.counts(), `cycle ${cycle}`).to.deep.equal(NONE);
      await sleep(50);
      expect(shims.counts(), `cycle ${cycle}, later`).to.deep.equal(NONE);
    }
  });

  it('returns to zero with refresh on: removed while it waits, while a refresh runs, and after one failed', async () => {
    const cycles: [string, string, number][] = [
      ['waiting for the first refresh', ARTICLE_URL, 300],
      ['while a refresh runs', `/__test__/delay/400${ARTICLE_URL}`, 1200],
      ['after a failed refresh (waiting twice as long)', '/__test__/status/500', 1300],
    ];
    for (const [name, src, stay] of cycles) {
      const el = document.createElement('date-line');
      el.layout = 'list';
      el.refresh = 1;
      el.src = src;
      host.append(el);
      await settled(el);
      await sleep(stay);
      const connected = shims.counts();
      // hashchange, beforeprint, afterprint, and the refresh's visibilitychange; its timer, or the fetch's.
      expect(connected.listeners, name).to.equal(4);
      expect(connected.timers, name).to.be.at.least(1);
      el.remove();
      // A refresh cut short settles in a later task; then the fetch's timeout timer must be gone too.
      await sleep(50);
      expect(shims.counts(), name).to.deep.equal(NONE);
    }
  });

  it('returns to zero when removed while loading, with a data change and in the list layout', async () => {
    for (let cycle = 0; cycle < 10; cycle++) {
      const el = document.createElement('date-line');
      el.layout = cycle % 2 ? 'list' : 'auto';
      el.src = `/__test__/delay/200${ARTICLE_URL}`;
      el.timeout = 5000;
      host.append(el);
      await sleep(20);
      if (cycle % 3 === 0) el.data = { version: 1, events: [{ id: 'x', date: '2017', title: 'X' }] };
      await el.updateComplete;
      el.remove();
      // The aborted fetch settles in a later task; then its timeout timer must be gone.
      await sleep(50);
      expect(shims.counts(), `cycle ${cycle}`).to.deep.equal(NONE);
    }
  });
});
