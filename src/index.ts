/**
 * The main entry: everything from `date-line/element`, and `<date-line>` defined on import (in a browser;
 * importing it in Node for server rendering or tests does not fail: Lit's Node build brings a stand-in registry).
 */
import { DateLine } from './date-line.js';

export * from './element.js';

if (typeof customElements !== 'undefined') DateLine.define();
