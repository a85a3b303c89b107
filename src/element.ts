/**
 * The side-effect-free entry: the `DateLine` class and the data functions, without defining any tag. Use it to
 * register under another name (`DateLine.define('news-timeline')`) or in a scoped registry.
 */
import type { DateLine } from './date-line.js';

export { DateLine } from './date-line.js';
export * from './model/core.js';
export type * from './events.js';

// Declared here rather than in index.ts so that both entries (`date-line` and `date-line/element`) type
// `document.querySelector('date-line')` and `document.createElement('date-line')` as DateLine. The events'
// `GlobalEventHandlersEventMap` entries come with events.ts, re-exported above.
declare global {
  interface HTMLElementTagNameMap {
    'date-line': DateLine;
  }
}
