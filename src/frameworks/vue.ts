/**
 * `date-line/vue`: types only. Imported once in a Vue 3 app (`import 'date-line/vue'`), it types `<date-line>` in
 * templates for vue-tsc and editors: its properties as the element types them (`layout` its values, `data` a
 * timeline), its events with their details (`@date-line-select="(event) => event.detail.id"`), and a template ref as
 * the element (`timelineRef.value?.select(id)`). It defines nothing: `import 'date-line'` does, and Vue's compiler
 * needs `isCustomElement` (see the README).
 *
 * The shape is the one Vue's documentation gives for custom elements (DefineCustomElement); the properties and
 * events come from the custom elements manifest (see element.generated.ts).
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { DateLine } from '../date-line.js';
import type { DateLineEventMap } from '../events.js';
import type { DateLineProperties } from './element.generated.js';

/** The element as Vue's type checker sees it: the element, with the props and events a template may give it. */
export type DateLineVueElement = new () => DateLine & {
  /** @deprecated For template type checking only: a template ref is the element, which has no `$props`. */
  $props: HTMLAttributes & DateLineProperties & PublicProps;
  /** @deprecated For template type checking only: the element fires its events itself. */
  $emit: EmitFn<{ [Name in keyof DateLineEventMap]: (event: DateLineEventMap[Name]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'date-line': DateLineVueElement;
  }
}
