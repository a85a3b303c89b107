import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { RovingFocusController, type KeyActions } from '../../src/controllers/roving-focus-controller.js';
import { parseTimeline } from '../../src/model/parse.js';
import type { TimelineEvent } from '../../src/model/types.js';

const { timeline } = parseTimeline({
  version: 1,
  events: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, date: `201${i}`, title: id.toUpperCase() })),
});
const EVENTS: readonly TimelineEvent[] = timeline!.events;

/** A throwaway host: a list of event buttons with a roving tab stop, and a log of what the keys asked for. */
class RovingProbe extends LitElement {
  static override properties = { axis: { type: Boolean }, rtl: { type: Boolean } };
  declare axis: boolean;
  declare rtl: boolean;
  readonly asked: string[] = [];
  readonly revealed: string[] = [];
  open = false;
  readonly actions: KeyActions = {
    zoom: (factor) => this.asked.push(`zoom ${factor}`),
    fit: () => this.asked.push('fit'),
    page: (direction) => this.asked.push(`page ${direction}`),
    close: () => {
      this.asked.push('close');
      const was = this.open;
      this.open = false;
      return was;
    },
  };
  readonly roving = new RovingFocusController(this, (id) => this.revealed.push(id), this.actions);

  constructor() {
    super();
    this.axis = false;
    this.rtl = false;
  }

  override render() {
    const tabStop = this.roving.tabStopIn(EVENTS);
    return html`<ol
      @keydown=${(event: KeyboardEvent) =>
        this.roving.handleKeydown(event, { events: EVENTS, rtl: this.rtl, axis: this.axis })}
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
  it('keeps one tab stop, on the first event until the focus moves', async () => {
    const probe = await fixture<RovingProbe>(html`<roving-probe></roving-probe>`);
    expect(probe.roving.tabStopIn(EVENTS)).to.equal('a');
    expect(tabStops(probe)).to.equal(1);
    probe.roving.set('gone');
    expect(probe.roving.tabStopIn(EVENTS), 'an event no longer shown gives the tab stop back').to.equal('a');
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

  it('zooms, pages and fits only on the axis; Escape closes what is open and keeps the focus', async () => {
    const probe = await fixture<RovingProbe>(html`<roving-probe></roving-probe>`);
    probe.shadowRoot!.querySelector('button')!.focus();
    for (const key of ['+', 'PageDown']) await sendKeys({ press: key });
    expect(probe.asked, 'in the list these keys are the page’s').to.deep.equal([]);
    probe.axis = true;
    await probe.updateComplete;
    for (const key of ['+', '-', '0', 'PageDown', 'PageUp']) await sendKeys({ press: key });
    expect(probe.asked).to.deep.equal(['zoom 2', 'zoom 0.5', 'fit', 'page 1', 'page -1']);
    probe.open = true;
    await sendKeys({ press: 'Escape' });
    await probe.updateComplete;
    expect(probe.asked.at(-1)).to.equal('close');
    expect(focused(probe)).to.equal('a');
  });
});
