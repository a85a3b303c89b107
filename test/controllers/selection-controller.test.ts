import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { SelectionController } from '../../src/controllers/selection-controller.js';
import type { DateLineSelectEvent } from '../../src/events.js';
import { parseTimeline } from '../../src/model/parse.js';

const { timeline } = parseTimeline({
  version: 1,
  events: ['a', 'b', 'c'].map((id, i) => ({ id, date: `201${i}`, title: id.toUpperCase() })),
});
const EVENTS = timeline!.events;

/** A throwaway host with a selection, items to scroll to, and a log of what the controller asked of it. */
class SelectionProbe extends LitElement {
  static override properties = { selected: {}, drawn: { type: Boolean } };
  declare selected: string | null;
  /** Whether the probe has drawn its events, as the element has once its data and layout are there. */
  declare drawn: boolean;
  readonly shownInView: string[] = [];
  readonly selection = new SelectionController(this, {
    find: (id) => EVENTS.find((event) => event.id === id),
    shown: () => this.drawn,
    selected: (event) => event && this.shownInView.push(event.id),
  });

  constructor() {
    super();
    this.selected = null;
    this.drawn = false;
  }

  override render() {
    return this.drawn ? html`${EVENTS.map((event) => html`<p data-id=${event.id}>${event.title}</p>`)}` : html``;
  }
}
customElements.define('selection-probe', SelectionProbe);

function clearHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

describe('SelectionController', () => {
  beforeEach(clearHash);
  after(clearHash);

  it('fires date-line-select before selecting, and a cancelled one keeps the selection', async () => {
    const probe = await fixture<SelectionProbe>(html`<selection-probe id="probe"></selection-probe>`);
    const heard: DateLineSelectEvent[] = [];
    probe.addEventListener('date-line-select', (event) => {
      heard.push(event);
      expect(probe.selected, 'fired before the change').to.equal(heard.length === 1 ? null : 'a');
      if (event.detail.id === 'c') event.preventDefault();
    });
    expect(probe.selection.select('a')).to.equal(true);
    expect(probe.selected).to.equal('a');
    expect(probe.shownInView).to.deep.equal(['a']);
    expect(probe.selection.select('a'), 'the same again changes nothing').to.equal(false);
    expect(probe.selection.select('nope'), 'an unknown id').to.equal(false);
    expect(probe.selection.select('c'), 'cancelled').to.equal(false);
    expect(probe.selected).to.equal('a');
    expect(heard.map((event) => event.detail.id)).to.deep.equal(['a', 'c']);
    expect(heard[0].detail.event?.title).to.equal('A');
  });

  it('points the URL at the open event, and clears it with the selection', async () => {
    const probe = await fixture<SelectionProbe>(html`<selection-probe id="probe"></selection-probe>`);
    probe.selection.select('b');
    expect(location.hash).to.equal('#probe/b');
    expect(probe.selection.linkPrefix).to.equal('#probe/');
    probe.selection.select(null);
    expect(location.hash).to.equal('');
  });

  // [selected, direction, the adjacent event]
  const steps: [string | null, 1 | -1, string | undefined][] = [
    [null, 1, 'a'],
    [null, -1, 'c'],
    ['a', 1, 'b'],
    ['c', 1, undefined],
    ['a', -1, undefined],
  ];
  for (const [selected, direction, expected] of steps) {
    it(`from ${selected ?? 'none'}, ${direction > 0 ? 'next' : 'previous'} is ${expected ?? 'none'}`, async () => {
      const probe = await fixture<SelectionProbe>(html`<selection-probe></selection-probe>`);
      probe.selected = selected;
      expect(probe.selection.adjacent(EVENTS, direction)?.id).to.equal(expected);
    });
  }

  it('opens the linked event once drawn, once, and again on a hash change to its own events only', async () => {
    location.hash = '#probe/b';
    await new Promise((resolve) => setTimeout(resolve, 50)); // the hash change is over before the probe listens
    const probe = await fixture<SelectionProbe>(html`<selection-probe id="probe"></selection-probe>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(probe.selected, 'not before the events are drawn').to.equal(null);
    probe.drawn = true;
    await waitUntil(() => probe.selected === 'b', 'the linked event did not open');
    probe.selected = null;
    await probe.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(probe.selected, 'the link on load is followed once').to.equal(null);
    location.hash = '#other/c';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(probe.selected, "another element's link").to.equal(null);
    location.hash = '#probe/c';
    await waitUntil(() => probe.selected === 'c', 'the hash change did not open its event');
  });
});
