import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { keyedList } from '../../src/directives/keyed-list.js';

/** Renders `keys` as a keyed list of <li>s into `container`. */
const draw = (container: HTMLElement, keys: readonly string[]) =>
  render(
    html`<ol>
      ${keyedList(
        keys,
        (key) => key,
        (key, index) => html`<li data-key=${key}>${index}:${key}</li>`,
      )}
    </ol>`,
    container,
  );

const itemsOf = (container: HTMLElement) => [...container.querySelectorAll('li')];
const commentsIn = (node: Node) => [...node.childNodes].filter((child) => child.nodeType === Node.COMMENT_NODE).length;

describe('keyedList', () => {
  // Each step is the list as the next render gives it; between steps, kept keys must keep their element.
  const sequences: Record<string, string[][]> = {
    'items added and removed at both ends (a scrolling window)': [
      ['a', 'b', 'c'],
      ['b', 'c', 'd', 'e'],
      ['d', 'e', 'f'],
      ['x', 'y'],
      [],
      ['a'],
    ],
    'most items swapped at once (a zoom step)': [
      ['a', 'c', 'e', 'g', 'i'],
      ['b', 'c', 'd', 'h', 'j', 'k'],
      ['a', 'b', 'e', 'k'],
    ],
    'items reordered': [
      ['a', 'b', 'c', 'd'],
      ['d', 'c', 'b', 'a'],
      ['b', 'd', 'a', 'c', 'e'],
      ['e', 'a'],
    ],
  };

  for (const [name, steps] of Object.entries(sequences)) {
    it(`renders in order and keeps each item's element: ${name}`, () => {
      const container = document.createElement('div');
      let before = new Map<string, HTMLLIElement>();
      for (const keys of steps) {
        draw(container, keys);
        const items = itemsOf(container);
        expect(items.map((item) => item.dataset.key)).to.deep.equal(keys);
        expect(items.map((item) => item.textContent)).to.deep.equal(keys.map((key, index) => `${index}:${key}`));
        for (const item of items) {
          const kept = before.get(item.dataset.key!);
          if (kept) expect(item, `${item.dataset.key} is the same element`).to.equal(kept);
        }
        before = new Map(items.map((item) => [item.dataset.key!, item]));
      }
    });
  }

  it('leaves no stray nodes behind however often the items change (lit/lit#5298)', () => {
    const container = document.createElement('div');
    draw(container, ['a', 'b', 'c']);
    const list = container.querySelector('ol')!;
    const settledCount = list.childNodes.length;
    // A thousand renders that swap every item, as a minute of zooming does on the axis.
    for (let step = 0; step < 1000; step++) draw(container, [`${step}a`, `${step}b`, `${step}c`]);
    draw(container, ['a', 'b', 'c']);
    expect(list.childNodes.length).to.equal(settledCount);
    // Two markers per item plus the list's own: nothing else.
    expect(commentsIn(list)).to.equal(2 * 3 + 1);
  });

  it('is still needed: Lit’s repeat leaves a comment behind for each item it removes (lit/lit#5298)', () => {
    // When this fails, the Lit in use has the fix (lit/lit#5299): go back to repeat and delete keyedList.
    const container = document.createElement('div');
    const drawWithRepeat = (keys: readonly string[]) =>
      render(
        html`<ol>
          ${repeat(
            keys,
            (key) => key,
            (key) => html`<li>${key}</li>`,
          )}
        </ol>`,
        container,
      );
    drawWithRepeat(['a', 'b', 'c', 'd']);
    drawWithRepeat(['a']);
    drawWithRepeat(['a', 'e', 'f', 'g']);
    drawWithRepeat(['a']);
    // A list of one item needs its own marker and the item's two; repeat leaves one more per item it removed.
    expect(commentsIn(container.querySelector('ol')!), 'comments left behind by repeat').to.be.above(2 * 1 + 1);
  });
});
