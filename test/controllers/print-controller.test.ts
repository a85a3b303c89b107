import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { PrintController } from '../../src/controllers/print-controller.js';

class PrintProbe extends LitElement {
  readonly print = new PrintController(this);
  updates = 0;
  protected override updated(): void {
    this.updates++;
  }
}
customElements.define('print-probe', PrintProbe);

describe('PrintController', () => {
  it('says the page is printing between beforeprint and afterprint, and updates the element', async () => {
    const probe = await fixture<PrintProbe>(html`<print-probe></print-probe>`);
    const before = probe.updates;
    window.dispatchEvent(new Event('beforeprint'));
    await probe.updateComplete;
    expect(probe.print.printing).to.equal(true);
    expect(probe.updates).to.equal(before + 1);
    window.dispatchEvent(new Event('afterprint'));
    await probe.updateComplete;
    expect(probe.print.printing).to.equal(false);
  });

  it('stops listening when the element leaves the page', async () => {
    const probe = await fixture<PrintProbe>(html`<print-probe></print-probe>`);
    probe.remove();
    window.dispatchEvent(new Event('beforeprint'));
    expect(probe.print.printing).to.equal(false);
    window.dispatchEvent(new Event('afterprint'));
  });
});
