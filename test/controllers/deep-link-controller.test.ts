import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DeepLinkController } from '../../src/controllers/deep-link-controller.js';

/** A throwaway host that keeps the event ids its deep links asked to open. */
class LinkProbe extends LitElement {
  readonly opened: string[] = [];
  readonly links = new DeepLinkController(this, (id) => this.opened.push(id));
}
customElements.define('link-probe', LinkProbe);

const path = () => location.pathname + location.search;
function setHash(hash: string): void {
  history.replaceState(null, '', path() + hash);
}
const hashChange = (hash: string) =>
  new Promise<void>((resolve) => {
    window.addEventListener('hashchange', () => resolve(), { once: true });
    location.hash = hash;
  });

describe('DeepLinkController', () => {
  beforeEach(() => setHash(''));
  after(() => setHash(''));

  // [element id, event id, the hash]
  const links: [string, string, string][] = [
    ['ice', 'palantir-icm-contract', '#ice/palantir-icm-contract'],
    ['', 'a', '#date-line/a'],
    ['two words', 'x/y?z', '#two%20words/x%2Fy%3Fz'],
  ];
  for (const [id, eventId, hash] of links) {
    it(`links ${eventId} of "${id}" as ${hash}, and reads it back`, async () => {
      const probe = await fixture<LinkProbe>(html`<link-probe id=${id}></link-probe>`);
      expect(probe.links.hashFor(eventId)).to.equal(hash);
      probe.links.write(eventId);
      expect(location.hash).to.equal(hash);
      expect(probe.links.linkedId()).to.equal(eventId);
      probe.links.write(null);
      expect(location.hash).to.equal('');
      expect(probe.links.linkedId()).to.equal(null);
    });
  }

  it('leaves a hash that is not its own alone, and reads none from it', async () => {
    const probe = await fixture<LinkProbe>(html`<link-probe id="ice"></link-probe>`);
    setHash('#section-3');
    probe.links.write('a');
    expect(location.hash, "the page's own anchor").to.equal('#section-3');
    expect(probe.links.linkedId()).to.equal(null);
    setHash('#other/b');
    probe.links.write('a');
    expect(location.hash, "another timeline's link").to.equal('#other/b');
  });

  it('replaces the URL rather than adding to the history', async () => {
    const probe = await fixture<LinkProbe>(html`<link-probe id="ice"></link-probe>`);
    const length = history.length;
    for (const id of ['a', 'b', 'c']) probe.links.write(id);
    expect(history.length).to.equal(length);
  });

  it('opens its own events on a hash change, not another timeline’s, and stops listening once removed', async () => {
    const probe = await fixture<LinkProbe>(html`<link-probe id="ice"></link-probe>`);
    await hashChange('#other/x');
    await hashChange('#ice/b');
    await waitUntil(() => probe.opened.length > 0);
    expect(probe.opened).to.deep.equal(['b']);
    probe.remove();
    await hashChange('#ice/c');
    expect(probe.opened).to.deep.equal(['b']);
  });

  it('reads a malformed link as none rather than throwing', async () => {
    const probe = await fixture<LinkProbe>(html`<link-probe id="ice"></link-probe>`);
    setHash('#ice/%E0%A4%A');
    expect(probe.links.linkedId()).to.equal(null);
  });
});
