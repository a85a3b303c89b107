/**
 * The main entry: everything from `date-line/element`, and `<date-line>` defined on import (in a browser;
 * importing it in Node for server rendering or tests defines nothing and does not fail).
 */
import { DateLine } from './date-line.js';

export * from './element.js';

if (typeof customElements !== 'undefined') DateLine.define();

declare global {
  interface HTMLElementTagNameMap {
    'date-line': DateLine;
  }
}
