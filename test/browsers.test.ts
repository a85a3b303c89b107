import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setViewport } from './helpers.js';

// The suite runs in Chromium, Firefox and WebKit through three different automation protocols (CDP, WebDriver
// BiDi, WebDriver classic; see web-test-runner.config.mjs). These tests pin down what the other tests rely on,
// so an input that one engine's driver delivers differently fails here, by name, and not as a puzzle elsewhere.
describe('the test browsers', () => {
  it('start every test file in an 800 × 600 viewport', () => {
    expect([window.innerWidth, window.innerHeight]).to.deep.equal([800, 600]);
  });

  it('set the viewport to an exact size', async () => {
    // Not below about 450 px wide: WebKit's viewport is MiniBrowser's window, which its toolbar keeps at least
    // 447 px wide. Narrow layouts are tested with a narrow container instead (date-line follows its own width).
    for (const [width, height] of [
      [1200, 1400],
      [480, 360],
    ]) {
      await setViewport({ width, height });
      expect([window.innerWidth, window.innerHeight], `${width} × ${height}`).to.deep.equal([width, height]);
      expect(document.documentElement.clientWidth).to.be.at.most(width);
      expect(matchMedia(`(width: ${width}px)`).matches, `media queries see ${width}px`).to.equal(true);
    }
    await setViewport({ width: 800, height: 600 });
  });

  it('deliver each key the tests press as the same KeyboardEvent.key', async () => {
    const target = await fixture<HTMLDivElement>(html`<div tabindex="0" aria-label="keys"></div>`);
    const seen: string[] = [];
    target.addEventListener('keydown', (event) => {
      seen.push(event.key);
      event.preventDefault(); // no scrolling, no focus moves
    });
    target.focus();
    // Space is pressed as ' ': puppeteer's WebDriver BiDi keyboard (Firefox) has no key named 'Space'.
    const keys = [' ', 'Enter', 'Escape', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];
    const more = ['PageDown', 'PageUp', '+', '-', '0', 'a'];
    for (const key of [...keys, ...more]) await sendKeys({ press: key });
    expect(seen).to.deep.equal([...keys, ...more]);
  });
});
