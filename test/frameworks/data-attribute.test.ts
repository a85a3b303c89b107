import { expect, fixture, html } from '@open-wc/testing';
import { DateLine } from '../../src/element.js';
import { errorBox, listedEvents, settled } from '../helpers.js';

/** Collects what `console.warn` is given until `restore()`. */
function watchWarnings() {
  const warn = console.warn;
  const warnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
  return { warnings, restore: () => (console.warn = warn) };
}

const TWO_EVENTS = JSON.stringify({
  version: 1,
  events: [
    { id: 'icm', date: '2014-09', title: 'ICE awards Palantir the ICM contract' },
    { id: 'fb', date: '2018-03', title: 'Facebook data story breaks' },
  ],
});

describe('the data attribute', () => {
  it('reads JSON text as the data, as the property does', async () => {
    const el = await fixture<DateLine>(html`<date-line layout="list" locale="en-GB" data=${TWO_EVENTS}></date-line>`);
    await settled(el);
    expect(listedEvents(el).map((event) => event.id)).to.deep.equal(['icm', 'fb']);
    expect(el.errors).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('reports text that is not JSON with its line and column', async () => {
    const el = await fixture<DateLine>(html`<date-line layout="list" data="not json"></date-line>`);
    await settled(el);
    expect(el.errors).to.deep.equal([
      { path: '', message: 'The data is not valid JSON (line 1, column 1): unexpected "n".' },
    ]);
  });

  it('explains "[object Object]", an object a framework set as text: an error, the box, and one warning', async () => {
    // What React 19 and Vue do when they render <date-line :data> before the element is defined: the element is
    // defined here after the attribute is set, under a tag of its own so that it upgrades late, as it would then.
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const late = document.createElement('late-date-line');
    late.setAttribute('data', '[object Object]'); // String(data), as the framework set it
    late.setAttribute('layout', 'list');
    host.append(late);
    const errors: Event[] = [];
    host.addEventListener('date-line-error', (event) => errors.push(event));
    const { warnings, restore } = watchWarnings();
    try {
      DateLine.define('late-date-line');
      const el = late as DateLine;
      await settled(el);
      await el.updateComplete;
      expect(errors).to.have.length(1);
      const [error] = (errors[0] as CustomEvent<{ errors: { path: string; message: string }[] }>).detail.errors;
      expect(error.path).to.equal('');
      expect(error.message).to.match(/^The data attribute is "\[object Object\]", an object set as text: /);
      expect(error.message).to.include('<late-date-line> was rendered before it was defined');
      // The box explains it to whoever looks at the page.
      expect(errorBox(el)?.textContent).to.include('The data attribute is "[object Object]"');
      // The console says the cause and each fix, once.
      expect(warnings).to.have.length(1);
      const [text, element] = warnings[0] as [string, Element];
      expect(element).to.equal(el);
      expect(text).to.match(/^<late-date-line>: data="\[object Object\]": an object was set as the data attribute/);
      for (const fix of ["import 'date-line' before rendering", ':data.prop="timeline"', "'date-line/react'"])
        expect(text).to.include(fix);
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('lets a property set afterwards replace the attribute that went wrong', async () => {
    const { restore } = watchWarnings();
    try {
      const el = await fixture<DateLine>(html`<date-line layout="list" data="[object Object]"></date-line>`);
      await settled(el);
      expect(el.timeline).to.equal(null);
      el.data = JSON.parse(TWO_EVENTS);
      await settled(el);
      expect(listedEvents(el).map((event) => event.id)).to.deep.equal(['icm', 'fb']);
      expect(el.errors).to.deep.equal([]);
    } finally {
      restore();
    }
  });
});
