import { expect, fixture, html } from '@open-wc/testing';
import { SizeController } from '../../src/controllers/size-controller.js';

describe('SizeController', () => {
  it('measures the content width, without padding, from the first read', async () => {
    // The dark theme pads the element; the axis lays labels out in the content box, as the ResizeObserver
    // later reports it. Measured with the padding, the first layout was wider than its viewport until the
    // observer's correction arrived a frame later, and labels ran off the end in the meantime.
    const host = await fixture<HTMLDivElement>(
      html`<div style="box-sizing: border-box; width: 900px; padding: 0 12px"></div>`,
    );
    const controller = new SizeController(
      Object.assign(host, {
        addController() {},
        removeController() {},
        requestUpdate() {},
        updateComplete: Promise.resolve(true),
      }),
    );
    expect(controller.width).to.equal(876);
  });
});
