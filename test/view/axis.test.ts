import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { styles } from '../../src/date-line.styles.js';
import { englishMessages } from '../../src/i18n/messages.js';
import { DateLabels } from '../../src/model/date-labels.js';
import { parseTimeline } from '../../src/model/parse.js';
import type { Timeline } from '../../src/model/types.js';
import { eventButtonStyles } from '../../src/view/event-button.js';
import { AxisRenderer, axisStyles, firstViewFits } from '../../src/view/axis/axis.js';
import type { LayoutIntent, LayoutSnapshot } from '../../src/view/snapshot.js';

/**
 * The axis on its own: a snapshot of plain values in, what the reader asks for out as intents. No <date-line>:
 * a throwaway host draws it, and the tests read what it draws and what it reports.
 */
const { timeline } = parseTimeline({
  version: 1,
  title: 'Three events',
  events: [
    { id: 'a', date: '2016-03', title: 'The first event' },
    { id: 'b', date: '2016-09', title: 'The second event' },
    { id: 'c', date: '2017-04', title: 'The third event' },
  ],
});

function snapshotOf(data: Timeline, changes: Partial<LayoutSnapshot> = {}): LayoutSnapshot {
  return {
    timeline: data,
    events: data.events,
    selected: null,
    focusId: null,
    locale: 'en-GB',
    messages: englishMessages,
    rtl: false,
    labels: new DateLabels('en-GB', englishMessages),
    linkPrefix: '#probe/',
    bodies: new Map(),
    printing: false,
    font: '16px sans-serif',
    widthPx: 900,
    maxLanes: 10,
    spacing: 'time',
    breaks: 'auto',
    groupRows: false,
    ...changes,
  };
}

/** A host that draws an axis from the snapshot it is given, and keeps what the axis asks for. */
class AxisProbe extends LitElement {
  static override styles = [styles, eventButtonStyles, axisStyles];
  readonly intents: LayoutIntent[] = [];
  readonly axis = new AxisRenderer(this, (intent) => this.intents.push(intent));
  snapshot = snapshotOf(timeline!);

  override willUpdate(): void {
    this.axis.update(this.snapshot);
  }

  override render() {
    return html`${this.axis.renderTools()}${this.axis.render()}`;
  }

  /** Hands the axis a new snapshot, as the element does at each update. */
  async show(changes: Partial<LayoutSnapshot>): Promise<void> {
    this.snapshot = { ...this.snapshot, ...changes };
    this.requestUpdate();
    await this.updateComplete;
  }
}
customElements.define('axis-probe', AxisProbe);

async function probe(): Promise<AxisProbe> {
  return fixture<AxisProbe>(html`<axis-probe style="display: block; width: 900px"></axis-probe>`);
}

const button = (el: AxisProbe, id: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`li[data-id="${id}"] .event-button`)!;
const labelOf = (el: AxisProbe, id: string) => button(el, id).textContent.replace(/\s+/g, ' ').trim();

describe('the axis on its own (snapshot in, intents out)', () => {
  it('draws the events of its snapshot with their labels, and reports a press as an intent', async () => {
    const el = await probe();
    expect(
      [...el.shadowRoot!.querySelectorAll('li[data-id]')].map((item) => item.getAttribute('data-id')),
    ).to.deep.equal(['a', 'b', 'c']);
    expect(labelOf(el, 'a')).to.contain('March 2016').and.contain('The first event');
    button(el, 'b').click();
    expect(el.intents).to.deep.equal([{ type: 'press', id: 'b' }]);
    await expect(el).to.be.accessible();
  });

  it('takes its labels, links and the open event’s content from the snapshot, and reports the panel’s buttons', async () => {
    const el = await probe();
    await el.show({
      selected: 'b',
      labels: new DateLabels('fr', englishMessages),
      bodies: new Map([['b', html`<p class="body">What happened.</p>`]]),
    });
    const panel = el.shadowRoot!.querySelector('[part~="detail"]')!;
    expect(panel.querySelector('time')!.textContent.trim()).to.equal('septembre 2016');
    expect(panel.querySelector('.body')!.textContent).to.equal('What happened.');
    expect(panel.querySelector('a.permalink')!.getAttribute('href')).to.equal('#probe/b');
    const [previous, next, close] = [...panel.querySelectorAll<HTMLButtonElement>('button')];
    previous.click();
    next.click();
    close.click();
    expect(el.intents).to.deep.equal([
      { type: 'step', direction: -1 },
      { type: 'step', direction: 1 },
      { type: 'select', id: null },
    ]);
    await expect(el).to.be.accessible();
  });

  it('reports each zoom that ends as a range change, in ISO 8601 and in words; + and - keys zoom, 0 fits', async () => {
    const el = await probe();
    const [zoomOut, zoomIn, fit] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.zoom button')];
    zoomIn.click();
    await el.updateComplete;
    const [first] = el.intents;
    expect(first.type).to.equal('range-change');
    const range = (first as Extract<LayoutIntent, { type: 'range-change' }>).range;
    expect(range.start).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    zoomOut.click();
    fit.click();
    const key = (name: string) => el.axis.handleKey(new KeyboardEvent('keydown', { key: name }));
    expect([key('+'), key('-'), key('0'), key('PageDown'), key('a')]).to.deep.equal([true, true, true, true, false]);
    expect(el.intents.map((intent) => intent.type)).to.deep.equal(Array(7).fill('range-change'));
  });

  it('does not move when the event it is asked to reveal is already wholly in view', async () => {
    const el = await probe();
    const before = el.axis.visibleRange();
    for (const id of ['a', 'b', 'c']) {
      el.axis.reveal(id);
      await el.show({ selected: id });
      expect(el.axis.visibleRange(), id).to.deep.equal(before);
    }
  });

  it('reveals an event it does not draw by zooming it out of its cluster', async () => {
    // A week apart over two years, in one lane: the whole story is clusters; a few weeks at a time are not.
    const crowded = parseTimeline({
      version: 1,
      events: Array.from({ length: 100 }, (_, i) => ({
        id: `e${i}`,
        date: new Date(Date.UTC(2016, 0, 4 + 7 * i)).toISOString().slice(0, 10),
        title: `The headline of event number ${i}`,
      })),
    }).timeline!;
    const el = await probe();
    await el.show({ timeline: crowded, events: crowded.events, maxLanes: 1 });
    const hidden = crowded.events[57];
    expect(button(el, hidden.id), 'in a cluster at first').not.to.exist;
    el.axis.reveal(hidden.id);
    await el.show({});
    // While a zoom may still be changing, the axis keeps the lanes it has; once it rests, the zoom level's own.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.updateComplete;
    expect(button(el, hidden.id), 'drawn on its own').to.exist;
  });
});

describe('firstViewFits: the layout choice without an axis', () => {
  it('is true where every event has its own label, false where some would be clustered', () => {
    expect(firstViewFits(snapshotOf(timeline!))).to.equal(true);
    const crowded = parseTimeline({
      version: 1,
      events: Array.from({ length: 30 }, (_, i) => ({ id: `e${i}`, date: '2016-05-01', title: `Event ${i}` })),
    }).timeline!;
    expect(firstViewFits(snapshotOf(crowded, { maxLanes: 3 }))).to.equal(false);
    expect(firstViewFits(snapshotOf(crowded, { maxLanes: 3, widthPx: 300 }))).to.equal(false);
  });
});
