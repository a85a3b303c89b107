import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { css, LitElement } from 'lit';
import { PartsController } from '../../src/controllers/parts-controller.js';

/** A throwaway host with two parts whose loading the test controls, and a count of the loads started. */
class PartsProbe extends LitElement {
  readonly started: string[] = [];
  readonly release = new Map<string, () => void>();
  early: ('greeting' | 'farewell')[] = [];
  readonly parts = new PartsController<{ greeting: string; farewell: string }>(
    this,
    {
      greeting: () =>
        this.#load(
          'greeting',
          'Hello',
          css`
            .greeting {
              color: rgb(1, 2, 3);
            }
          `,
        ),
      farewell: () =>
        this.#load(
          'farewell',
          'Goodbye',
          css`
            .farewell {
              color: rgb(4, 5, 6);
            }
          `,
        ),
    },
    () => this.early,
  );

  #load(name: string, text: string, style: ReturnType<typeof css>) {
    this.started.push(name);
    return new Promise<{ part: string; styles: ReturnType<typeof css>[] }>((resolve) =>
      this.release.set(name, () => resolve({ part: text, styles: [style] })),
    );
  }

  override render() {
    return html`<p class="greeting">${this.parts.get('greeting') ?? '…'}</p>
      <p class="farewell">${this.parts.get('farewell') ?? '…'}</p>`;
  }
}
customElements.define('parts-probe', PartsProbe);

const text = (probe: PartsProbe, name: string) => probe.shadowRoot!.querySelector(`.${name}`)!.textContent;
const colour = (probe: PartsProbe, name: string) =>
  getComputedStyle(probe.shadowRoot!.querySelector(`.${name}`)!).color;

describe('PartsController', () => {
  it('loads a part once, however often it is wanted, then adopts its styles and updates the host', async () => {
    const probe = await fixture<PartsProbe>(html`<parts-probe></parts-probe>`);
    probe.parts.want('greeting');
    probe.parts.want('greeting', 'greeting');
    expect(probe.started).to.deep.equal(['greeting']);
    expect(probe.parts.get('greeting')).to.equal(undefined);
    const arrival = probe.parts.arrival(['greeting', 'farewell']);
    probe.release.get('greeting')!();
    await arrival;
    await probe.updateComplete;
    expect(text(probe, 'greeting')).to.equal('Hello');
    expect(colour(probe, 'greeting')).to.equal('rgb(1, 2, 3)');
    expect(text(probe, 'farewell'), 'a part not wanted is not waited for, nor loaded').to.equal('…');
    expect(probe.started).to.deep.equal(['greeting']);
  });

  it('fetches the early parts as the host connects', () => {
    const probe = document.createElement('parts-probe') as PartsProbe;
    probe.early = ['farewell'];
    expect(probe.started).to.deep.equal([]);
    document.body.append(probe);
    try {
      expect(probe.started).to.deep.equal(['farewell']);
    } finally {
      probe.remove();
    }
  });

  it('prefetches when the page is idle, and not at all if the host leaves first', async () => {
    const probe = await fixture<PartsProbe>(html`<parts-probe></parts-probe>`);
    probe.parts.prefetch('farewell');
    await waitUntil(() => probe.started.includes('farewell'), 'the idle prefetch never ran');

    const leaving = await fixture<PartsProbe>(html`<parts-probe></parts-probe>`);
    leaving.parts.prefetch('greeting');
    leaving.remove();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(leaving.started).to.deep.equal([]);
  });
});
