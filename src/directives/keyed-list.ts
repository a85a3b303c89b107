/**
 * A keyed list, like Lit's `repeat`, for the two places where events come and go all the time: the axis
 * (every zoom step swaps most of the drawn events) and the windowed list (every scroll step).
 *
 * Lit's `repeat` leaks one comment node per removed item since lit-html 3.3.1 (`removePart` leaves the end
 * marker behind: lit/lit#5298 and #5010, unfixed in 3.3.3; the fix is lit/lit#5299). Once a Lit release has it,
 * go back to `repeat` and delete this file (test/directives/keyed-list.test.ts says whether `repeat` still leaks). On the axis that was ~100 stray nodes a zoom step, thousands
 * after a minute of zooming, and every later layout walked them. This directive keeps each item's DOM (so
 * focus and state stay with the event) and removes both markers of an item that leaves.
 *
 * Keys must be unique, as with `repeat`; the items may come in any order.
 */
import { noChange, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ChildPart, type DirectiveResult, type PartInfo } from 'lit/directive.js';
import { clearPart, insertPart, setChildPartValue } from 'lit/directive-helpers.js';

type Key = string | number;

class KeyedList extends Directive {
  private readonly parts = new Map<Key, ChildPart>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.CHILD) throw new Error('keyedList() can only be used in child position');
  }

  render<T>(items: readonly T[], _keyOf: (item: T) => Key, template: (item: T, index: number) => TemplateResult) {
    return items.map(template);
  }

  override update<T>(
    container: ChildPart,
    [items, keyOf, template]: [readonly T[], (item: T) => Key, (item: T, index: number) => TemplateResult],
  ): typeof noChange {
    const keys = items.map(keyOf);
    const wanted = new Set(keys);
    for (const [key, part] of this.parts) {
      if (wanted.has(key)) continue;
      const { startNode, endNode } = part;
      clearPart(part); // removes what is between the markers and tells async directives they are gone
      (startNode as ChildNode | null)?.remove();
      (endNode as ChildNode | null)?.remove();
      this.parts.delete(key);
    }
    // From the last item back, so each one is placed before the one that follows it; a part already in its
    // place is not moved (insertPart checks), so an unchanged order touches no DOM.
    let following: ChildPart | undefined;
    for (let index = items.length - 1; index >= 0; index--) {
      const key = keys[index];
      const part = insertPart(container, following, this.parts.get(key));
      this.parts.set(key, part);
      setChildPartValue(part, template(items[index], index));
      following = part;
    }
    return noChange;
  }
}

/** Renders `items` with `template`, keeping each item's DOM by `keyOf(item)` across renders. */
export const keyedList = directive(KeyedList) as <T>(
  items: readonly T[],
  keyOf: (item: T) => Key,
  template: (item: T, index: number) => TemplateResult,
) => DirectiveResult<typeof KeyedList>;
