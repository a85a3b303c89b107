/**
 * The box that explains invalid data or a failed load, and the list of problems it shares with the notice of
 * events left out. A part of its own, loaded on demand: a page whose data loads never needs it. Until it arrives,
 * the element says at once that the timeline could not be shown (see DateLine's render).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ParseResult } from '../model/parse.js';
import type { TimelineError } from '../model/types.js';

/**
 * The result for a `data` attribute of "[object Object]": an object that a framework turned into text, because it
 * rendered the element before it was defined (React 19 and Vue set a property only when the element has it) or
 * sets only attributes (React 18). Fails with the cause, and says the fix once in the console.
 */
export function objectAsText(host: HTMLElement): ParseResult {
  const tag = `<${host.localName}>`;
  console.warn(
    `${tag}: data="[object Object]": an object was set as the data attribute, which takes JSON text. The page ` +
      `rendered ${tag} before it was defined (a lazy import, code splitting), or React 18 set it. Fix: import ` +
      `'date-line' before rendering, or set data as a property: in Vue, :data.prop="timeline"; in React, the ` +
      `DateLine component of 'date-line/react'.`,
    host,
  );
  const message =
    `The data attribute is "[object Object]", an object set as text: ${tag} was rendered before it was defined, ` +
    'or by React 18 (see the console).';
  return { timeline: null, errors: [{ path: '', message }] };
}

/** One problem with the data, with its path. */
export function renderProblem(error: TimelineError): TemplateResult {
  return html`<li>${error.path ? html`<code>${error.path}</code>: ` : nothing}${error.message}</li>`;
}

/** How many errors the error box lists before it says "and N more". */
const ERRORS_SHOWN = 5;

/**
 * The problems of the box, the first ERRORS_SHOWN with their paths; `more` says how many more there are (given,
 * in the element's language, rather than imported: see detail.ts on why this part imports no formatting).
 */
export function renderErrorList(errors: readonly TimelineError[], more: (count: number) => string): TemplateResult {
  const shown = errors.slice(0, ERRORS_SHOWN);
  const rest = errors.length - shown.length;
  return html`<ul>
      ${shown.map(renderProblem)}
    </ul>
    ${rest > 0 ? html`<p>${more(rest)}</p>` : nothing}`;
}

/** Styles of the box, adopted with this module (see OnDemand). */
export const errorStyles = css`
  .error {
    padding: var(--date-line-spacing);
    border: 1px solid var(--date-line-color-accent);
    border-inline-start-width: 4px;
    border-radius: var(--date-line-radius);
  }

  .error-title {
    margin: 0 0 0.5em;
    font-weight: 700;
  }

  .error ul {
    margin: 0;
    padding-inline-start: 1.1em;
  }

  .error code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
`;
