import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { RovingFocusController } from '../../src/controllers/roving-focus-controller.js';
import { parseTimeline } from '../../src/model/parse.js';
import type { TimelineEvent } from '../../src/model/types.js';

const { timeline } = parseTimeline({
  version: 1,
  events: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, date: `201${i}`, title: id.toUpperCase() })),
});
const EVENTS: readonly TimelineEvent[] = timeline!.events;

/** A throwaway host: a list of event buttons with a roving tab stop, an open event, and a log of what it asked. */
class RovingProbe extends LitElement {
  static override properties = { rtl: { type: Boolean }, selected: {} };
  declare rtl: boolean;
  declare selected: string | null;
  readonly closed: string[] = [];
  readonly revealed: string[] = [];
  readonly roving = new RovingFocusController(
    this,
    (id) => this.revealed.push(id),
    () => {
      if (this.selected === null) return false;
      this.closed.push(this.selected);
      this.selected = null;
      return true;
    },
  );

  constructor() {
    super();
    this.rtl = false;
    this.selected = null;
  }

  override render() {
    const tabStop = EVENTS.some((event) => event.id === this.roving.focusId) ? this.roving.focusId : EVENTS[0].id;
    return html`<ol
      @keydown=${(event: KeyboardEvent) =>
        this.roving.handleKeydown(event, { events: EVENTS, rtl: this.rtl, scroll: false })}
    >
      ${EVENTS.map(
        (event) =>
          html`<li data-id=${event.id}>
            <button class="event-button" tabindex=${event.id === tabStop ? 0 : -1}>${event.title}</button>
          </li>`,
      )}
    </ol>`;
  }
}
customElements.define('roving-probe', RovingProbe);

const focused = (probe: RovingProbe) => probe.shadowRoot!.activeElement?.closest('li')?.getAttribute('data-id') ?? null;
const tabStops = (probe: RovingProbe) =>
  [...probe.shadowRoot!.querySelectorAll('button')].filter((button) => button.tabIndex === 0).length;

describe('RovingFocusController', () => {
  it('keeps one tab stop, which follows the open event however it was opened', async () => {
    const probe = await fixture<RovingProbe>(html`<roving-probe></roving-probe>`);
    expect(probe.roving.focusId).to.equal(null);
    expect(tabStops(probe)).to.equal(1);
    probe.selected = 'c';
    await probe.updateComplete;
    expect(probe.roving.focusId).to.equal('c');
    probe.roving.set('b');
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.roving.focusId, 'the same open event does not take it back').to.equal('b');
    probe.selected = null;
    await probe.updateComplete;
    expect(probe.roving.focusId, 'closing leaves it where it is').to.equal('b');
    expect(tabStops(probe)).to.equal(1);
  });

  // [keys pressed from the first event, reading direction, the event focused after]
  const moves: [string[], 'ltr' | 'rtl', string][] = [
    [['ArrowDown'], 'ltr', 'b'],
    [['ArrowRight', 'ArrowRight'], 'ltr', 'c'],
    [['ArrowLeft'], 'rtl', 'b'],
    [['ArrowRight'], 'rtl', 'a'],
    [['End'], 'ltr', 'd'],
    [['End', 'ArrowDown'], 'ltr', 'd'],
    [['End', 'Home'], 'ltr', 'a'],
    [['ArrowUp'], 'ltr', 'a'],
  ];
  for (const [keys, direction, expected] of moves) {
    it(`${keys.join(', ')} (${direction}) focuses ${expected}, revealing it first`, async () => {
      const probe = await fixture<RovingProbe>(html`<roving-probe ?rtl=${direction === 'rtl'}></roving-probe>`);
      probe.shadowRoot!.querySelector('button')!.focus();
      for (const key of keys) {
        await sendKeys({ press: key });
        await probe.updateComplete;
      }
      await probe.updateComplete;
      expect(focused(probe)).to.equal(expected);
      expect(probe.roving.focusId).to.equal(expected);
      expect(probe.revealed.at(-1)).to.equal(expected);
      expect(tabStops(probe)).to.equal(1);
    });
  }

  it('Escape closes the open event and keeps the focus on it; with none open, it is the page’s', async () => {
    const probe = await fixture<RovingProbe>(html`<roving-probe></roving-probe>`);
    probe.shadowRoot!.querySelector('button')!.focus();
    let defaultPrevented: boolean | undefined;
    probe.addEventListener('keydown', (event) => (defaultPrevented = event.defaultPrevented));
    await sendKeys({ press: 'Escape' });
    expect(probe.closed).to.deep.equal([]);
    expect(defaultPrevented, 'nothing open: the key is left to the page').to.equal(false);
    probe.selected = 'a';
    await probe.updateComplete;
    await sendKeys({ press: 'Escape' });
    await probe.updateComplete;
    expect(probe.closed).to.deep.equal(['a']);
    expect(defaultPrevented).to.equal(true);
    expect(focused(probe)).to.equal('a');
  });
});
