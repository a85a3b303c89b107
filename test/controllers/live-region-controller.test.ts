import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LiveRegionController } from '../../src/controllers/live-region-controller.js';

class LiveProbe extends LitElement {
  readonly live = new LiveRegionController(this);
  override render() {
    return this.live.render();
  }
}
customElements.define('live-probe', LiveProbe);

const said = (probe: LiveProbe) => probe.shadowRoot!.querySelector('[role="status"]')!.textContent.trim();

describe('LiveRegionController', () => {
  it('says one sentence in a polite status region, and nothing again once its host has left the page', async () => {
    const probe = await fixture<LiveProbe>(html`<live-probe></live-probe>`);
    const region = probe.shadowRoot!.querySelector('[role="status"]')!;
    expect(said(probe)).to.equal('');
    probe.live.announce('Showing 2016 to 2018');
    await probe.updateComplete;
    expect(said(probe)).to.equal('Showing 2016 to 2018');
    expect(probe.shadowRoot!.querySelector('[role="status"]'), 'the same region, so readers hear the change').to.equal(
      region,
    );
    const parent = probe.parentElement!;
    probe.remove();
    parent.append(probe);
    await probe.updateComplete;
    expect(said(probe)).to.equal('');
  });
});
