import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { nothing } from 'lit';
import '../src/index.js';
import type { DateLine } from '../src/date-line.js';

/** Test helpers that read the element the way a reader sees it, so tests do not depend on internal markup. */
export const ARTICLE_URL = '/data/ice-facebook-palantir.json';

/** A deterministic timeline of `count` events over six years. */
export function longTimeline(count: number) {
  const events = Array.from({ length: count }, (_, i) => {
    const day = (i * 7919) % (6 * 365);
    const date = new Date(Date.UTC(2015, 0, 1) + day * 86400000).toISOString().slice(0, 10);
    return { id: `e${i}`, date, title: `Event ${i}`, summary: `Summary of event ${i}.` };
  });
  return { version: 1, title: `${count} events`, events };
}

export async function articleData(): Promise<unknown> {
  return (await fetch(ARTICLE_URL)).json();
}

export function shadow(el: DateLine): ShadowRoot {
  return el.shadowRoot!;
}

/** The events as listed: id, date label, datetime attribute and title. */
export function listedEvents(el: DateLine) {
  return [...shadow(el).querySelectorAll<HTMLLIElement>('li[data-id]')].map((item) => ({
    id: item.dataset.id!,
    date: item.querySelector('time')!.textContent.trim(),
    datetime: item.querySelector('time')!.getAttribute('datetime'),
    title: item.querySelector('.headline')!.textContent.trim(),
  }));
}

export function eventButton(el: DateLine, id: string): HTMLButtonElement {
  return shadow(el).querySelector<HTMLButtonElement>(`li[data-id="${id}"] button`)!;
}

export function detail(el: DateLine): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>('[part~="detail"]');
}

export function errorBox(el: DateLine): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>('[role="alert"]');
}

/** Renders an element with `data` and waits for its first update. */
export async function renderWith(data: unknown, src?: string): Promise<DateLine> {
  return fixture<DateLine>(
    html`<date-line layout="list" .data=${data} src=${src ?? nothing} locale="en-GB"></date-line>`,
  );
}

/** Waits until the element has loaded data or shown an error. */
export async function settled(el: DateLine): Promise<void> {
  await waitUntil(() => el.timeline !== null || el.errors.length > 0, 'the element never loaded', { timeout: 8000 });
  await el.updateComplete;
}

export { oneEvent };

/**
 * Sets the page's viewport to `width` × `height` CSS px, in every engine (the `viewport` command of
 * web-test-runner.config.mjs). Use this rather than `setViewport` from @web/test-runner-commands, which does not
 * support WebKit's WebDriver. Each test file starts at 800 × 600 in every engine. WebKit cannot go below about
 * 450 px wide (MiniBrowser's window keeps room for its toolbar): test narrow layouts with a narrow container.
 */
export async function setViewport(size: { width: number; height: number }): Promise<void> {
  await executeServerCommand('viewport', size);
}

export interface MediaState {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * Emulates media features, replacing the last emulation (what `state` leaves out reverts to what the run prefers:
 * see the runs in web-test-runner.config.mjs). Chromium and Firefox can; WebKit's driver and Firefox ESR 140 cannot,
 * and there this answers false and changes nothing. Tests that need one state or another go through `inMediaStates`.
 */
export async function emulateMedia(state: MediaState): Promise<boolean> {
  return (await executeServerCommand<boolean, MediaState>('media', state)) === true;
}

function matchesMedia({ colorScheme, reducedMotion }: MediaState): boolean {
  return (
    (!colorScheme || matchMedia(`(prefers-color-scheme: ${colorScheme})`).matches) &&
    (!reducedMotion || matchMedia(`(prefers-reduced-motion: ${reducedMotion})`).matches)
  );
}

/**
 * Runs `check` once in each media state the engine can put the page in, and then ends the emulation. Chromium and
 * Firefox emulate every state in turn. WebKit (WebDriver classic) and Firefox ESR 140 have no media emulation: such a
 * run keeps the preferences its browser started with (light and motion; dark and reduced motion with PREFERS=dark,
 * see webkitIn and firefoxIn in web-test-runner.config.mjs), so there `check` runs for the states the page is in.
 * It fails if the page is in none of them.
 */
export async function inMediaStates<S extends MediaState>(states: S[], check: (state: S) => unknown): Promise<void> {
  let checked = 0;
  for (const state of states) {
    if (!(await emulateMedia(state)) && !matchesMedia(state)) continue;
    expect(matchesMedia(state), `the page matches ${JSON.stringify(state)}`).to.equal(true);
    await check(state);
    checked++;
  }
  await emulateMedia({});
  expect(checked, `the page is in one of the media states ${JSON.stringify(states)}`).to.be.above(0);
}

/** Waits until the CSS transitions and animations running in `el`'s shadow root have ended. */
export async function animationsFinished(el: Element): Promise<void> {
  await Promise.all(el.shadowRoot!.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
}

/** One call of the Chrome DevTools Protocol's Input domain (see the `input` command in web-test-runner.config.mjs). */
export interface InputCall {
  method: 'Input.dispatchTouchEvent' | 'Input.dispatchMouseEvent' | 'Input.dispatchKeyEvent';
  params: Record<string, unknown>;
}

/**
 * Sends real input, in order, through the browser's own input pipeline (Chromium's DevTools protocol): touches
 * with several fingers, wheels, mouse. Answers false, doing nothing, in engines without such a protocol; tests
 * there dispatch their own events.
 */
export async function realInput(calls: InputCall[]): Promise<boolean> {
  return (await executeServerCommand<boolean, { calls: InputCall[] }>('input', { calls })) === true;
}
