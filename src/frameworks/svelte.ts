/**
 * `date-line/svelte`: types only. Imported once in a Svelte 5 app (`import 'date-line/svelte'`), it types
 * `<date-line>` in components for svelte-check and editors: its properties as the element types them (`layout` its
 * values, `data` a timeline, by their attribute names too), its events with their details
 * (`ondate-line-select={(event) => event.detail.id}`), and `bind:this` as the element. It defines nothing:
 * `import 'date-line'` does.
 *
 * The properties and events come from the custom elements manifest (see element.generated.ts).
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { DateLine } from '../date-line.js';
import type { DateLineEventMap } from '../events.js';
import type { DateLineAttributes, DateLineProperties } from './element.generated.js';

/** A handler of one of the element's events, as Svelte types handlers: `currentTarget` is the element. */
type Handler<E extends Event> = (event: E & { currentTarget: EventTarget & DateLine }) => unknown;

/** What `<date-line>` takes in a Svelte 5 component. */
export type DateLineSvelteAttributes = Omit<HTMLAttributes<DateLine>, keyof DateLineProperties> &
  DateLineProperties &
  DateLineAttributes & {
    [Name in keyof DateLineEventMap as `on${Name}`]?: Handler<DateLineEventMap[Name]> | null;
  } & {
    [Name in keyof DateLineEventMap as `on:${Name}`]?: Handler<DateLineEventMap[Name]> | null;
  };

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
    'date-line': DateLineSvelteAttributes;
  }
}
