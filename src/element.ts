/**
 * The side-effect-free entry: the `DateLine` class and the data functions, without defining any tag. Use it to
 * register under another name (`DateLine.define('news-timeline')`) or in a scoped registry.
 */
export { DateLine } from './date-line.js';
export * from './model/core.js';
export type * from './events.js';
