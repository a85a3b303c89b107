import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ReactElement } from 'react';
import { DateLine as DateLineElement } from '../../src/element.js';
import type { DateLineErrorEvent, DateLineLoadEvent, DateLineSelectEvent } from '../../src/events.js';
import type { TimelineData } from '../../src/model/types.js';
import { articleData, errorBox, eventButton, listedEvents, settled } from '../helpers.js';
import type * as ReactApp from './react-app.js';

type Version = 18 | 19;

/** React, ReactDOM and date-line/react at a React version, as an app bundles them (see react-bundles.mjs). */
async function loadReact(version: Version): Promise<typeof ReactApp> {
  return (await import(/* served by react-bundles.mjs */ `/__react/${version}.js`)) as typeof ReactApp;
}

/** Collects what `console.warn` is given until `restore()`. */
function watchWarnings() {
  const warn = console.warn;
  const warnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
  return { warnings, restore: () => (console.warn = warn) };
}

const TWO_EVENTS: TimelineData = {
  version: 1,
  events: [
    { id: 'icm', date: '2014-09', title: 'ICE awards Palantir the ICM contract' },
    { id: 'fb', date: '2018-03', title: 'Facebook data story breaks' },
  ],
};

for (const version of [19, 18] as const) {
  describe(`React ${version}`, () => {
    let app: typeof ReactApp;
    let unmount: (() => void) | undefined;

    before(async () => {
      app = await loadReact(version);
      expect(app.React.version.split('.')[0]).to.equal(String(version));
    });

    afterEach(() => {
      unmount?.();
      unmount = undefined;
      // A selection writes its deep link (#date-line/<id>), which the next element would follow.
      history.replaceState(null, '', location.pathname + location.search);
    });

    /**
     * Renders `element` into a new container, synchronously (flushSync) as a commit of the app would; returns how to
     * render it again, as a state change in the app does.
     */
    async function render(element: ReactElement): Promise<(next: ReactElement) => void> {
      const container = await fixture<HTMLElement>(html`<div></div>`);
      const root = app.createRoot(container);
      const commit = (next: ReactElement) => app.flushSync(() => root.render(next));
      commit(element);
      unmount = () => root.unmount();
      return commit;
    }

    describe('the DateLine component of date-line/react', () => {
      let article: TimelineData;
      before(async () => {
        article = (await articleData()) as TimelineData;
      });

      it('renders the article from a data object, with its properties set, and onLoad hears it', async () => {
        const ref = app.React.createRef<DateLineElement>();
        const loads: DateLineLoadEvent[] = [];
        await render(
          app.React.createElement(app.DateLine, {
            ref,
            data: article,
            layout: 'list',
            locale: 'en-GB',
            onLoad: (event) => loads.push(event),
          }),
        );
        const el = ref.current!;
        expect(el).to.be.instanceOf(DateLineElement);
        await settled(el);
        await waitUntil(() => loads.length > 0, 'onLoad never heard date-line-load');
        expect(el.data).to.equal(article);
        // A property, not the "[object Object]" attribute React 18 sets on a bare tag.
        expect(el.hasAttribute('data')).to.equal(false);
        expect(el.layout).to.equal('list');
        expect(el.errors).to.deep.equal([]);
        // Every event, in the order of time (the file lists them otherwise).
        expect(listedEvents(el).map((event) => event.id)).to.have.members(article.events.map((event) => event.id));
        expect(listedEvents(el)).to.have.length(article.events.length);
        expect(loads).to.have.length(1);
        expect(loads[0].detail.timeline.title).to.equal(article.title);
        await expect(el).to.be.accessible();
      });

      it('onSelect hears a reader open an event, with its id and event in the detail', async () => {
        const ref = app.React.createRef<DateLineElement>();
        const selections: DateLineSelectEvent[] = [];
        await render(
          app.React.createElement(app.DateLine, {
            ref,
            data: article,
            layout: 'list',
            onSelect: (event) => selections.push(event),
          }),
        );
        const el = ref.current!;
        await settled(el);
        eventButton(el, 'palantir-icm-contract').click();
        await el.updateComplete;
        expect(selections.map((event) => event.detail.id)).to.deep.equal(['palantir-icm-contract']);
        expect(selections[0].detail.event?.title).to.equal(
          article.events.find((event) => event.id === 'palantir-icm-contract')!.title,
        );
        expect(el.selected).to.equal('palantir-icm-contract');
        await expect(el).to.be.accessible();
      });

      it("select() works through the ref, and onSelect can cancel it (the element's cancelable event)", async () => {
        const ref = app.React.createRef<DateLineElement>();
        const heard: (string | null)[] = [];
        await render(
          app.React.createElement(app.DateLine, {
            ref,
            data: TWO_EVENTS,
            layout: 'list',
            onSelect: (event) => {
              heard.push(event.detail.id);
              if (event.detail.id === 'fb') event.preventDefault();
            },
          }),
        );
        const el = ref.current!;
        await settled(el);
        expect(el.select('icm')).to.equal(true);
        expect(el.select('fb')).to.equal(false);
        expect(heard).to.deep.equal(['icm', 'fb']);
        expect(el.selected).to.equal('icm');
      });

      it('a new render replaces properties and handlers, and the old handler hears no more', async () => {
        const ref = app.React.createRef<DateLineElement>();
        const first: (string | null)[] = [];
        const second: (string | null)[] = [];
        const props = { ref, data: TWO_EVENTS, layout: 'list' } as const;
        const rerender = await render(
          app.React.createElement(app.DateLine, { ...props, onSelect: (event) => first.push(event.detail.id) }),
        );
        const el = ref.current!;
        await settled(el);
        rerender(
          app.React.createElement(app.DateLine, {
            ...props,
            layout: 'axis',
            onSelect: (event) => second.push(event.detail.id),
          }),
        );
        expect(ref.current).to.equal(el);
        expect(el.layout).to.equal('axis');
        el.select('fb');
        expect(first).to.deep.equal([]);
        expect(second).to.deep.equal(['fb']);
      });
    });

    describe('the <date-line> tag', () => {
      /** Checks that `el` explains its "[object Object]" data: one date-line-error heard, the box, one warning. */
      async function explainsObjectAsText(el: DateLineElement, heard: DateLineErrorEvent[], warnings: unknown[][]) {
        await settled(el);
        expect(el.timeline).to.equal(null);
        expect(heard).to.have.length(1);
        expect(heard[0].detail.errors).to.have.length(1);
        expect(heard[0].detail.errors[0].message).to.match(/^The data attribute is "\[object Object\]"/);
        expect(errorBox(el)?.textContent).to.include('The data attribute is "[object Object]"');
        expect(warnings).to.have.length(1);
        expect(warnings[0][0]).to.include("in React, the DateLine component of 'date-line/react'");
        await expect(el).to.be.accessible();
      }

      if (version === 19) {
        it('takes data as a property and hears ondate-line-select (React 19 with the element defined)', async () => {
          const ref = app.React.createRef<DateLineElement>();
          const heard: DateLineSelectEvent[] = [];
          await render(
            app.React.createElement('date-line', {
              ref,
              data: TWO_EVENTS,
              layout: 'list',
              'ondate-line-select': (event: DateLineSelectEvent) => heard.push(event),
            }),
          );
          const el = ref.current!;
          await settled(el);
          expect(el.data).to.equal(TWO_EVENTS);
          expect(listedEvents(el).map((event) => event.id)).to.deep.equal(['icm', 'fb']);
          expect(el.select('fb')).to.equal(true);
          expect(heard.map((event) => event.detail.id)).to.deep.equal(['fb']);
          await expect(el).to.be.accessible();
        });

        it('defined after React rendered it with an object: the error and one warning say what happened', async () => {
          // Code splitting or a lazy import: React 19 sets a property only on an element that has it, so the object
          // goes to the attribute as "[object Object]"; the element, defined afterwards, reads that.
          const tag = 'react-late-date-line';
          const heard: DateLineErrorEvent[] = [];
          const { warnings, restore } = watchWarnings();
          try {
            await render(
              app.React.createElement(tag, {
                data: TWO_EVENTS,
                layout: 'list',
                'ondate-line-error': (event: DateLineErrorEvent) => heard.push(event),
              }),
            );
            const el = document.querySelector(tag)!;
            expect(el.getAttribute('data')).to.equal('[object Object]');
            DateLineElement.define(tag);
            await explainsObjectAsText(el as DateLineElement, heard, warnings);
          } finally {
            restore();
          }
        });
      } else {
        it('is given "[object Object]" by React 18, which sets attributes only: the error and one warning', async () => {
          const ref = app.React.createRef<DateLineElement>();
          const heard: DateLineErrorEvent[] = [];
          // React 18 does not listen to custom events either: the app hears them on an ancestor.
          const hear = (event: DateLineErrorEvent) => heard.push(event);
          document.addEventListener('date-line-error', hear);
          const { warnings, restore } = watchWarnings();
          try {
            await render(app.React.createElement('date-line', { ref, data: TWO_EVENTS, layout: 'list' }));
            expect(ref.current!.getAttribute('data')).to.equal('[object Object]');
            await explainsObjectAsText(ref.current!, heard, warnings);
          } finally {
            restore();
            document.removeEventListener('date-line-error', hear);
          }
        });
      }
    });
  });
}
