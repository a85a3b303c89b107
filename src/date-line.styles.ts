import { css } from 'lit';

/**
 * Public knobs are `--date-line-*` custom properties declared here on :host with their defaults; private
 * values derived from them start with `--_`. Colours follow prefers-color-scheme unless `theme` is set.
 */
export const styles = css`
  :host {
    /* Colours follow the reader's light or dark preference (light-dark()), unless the theme attribute fixes
       one; a dark theme brings its own dark ground, since the host page may be light. */
    color-scheme: light dark;
    --date-line-font-family: inherit;
    --date-line-font-size: 1em;
    --date-line-color-text: light-dark(#1b1b1f, #ececef);
    --date-line-color-muted: light-dark(#5b5e66, #a9acb5);
    --date-line-color-background: light-dark(transparent, #17181c);
    --date-line-color-surface: light-dark(#f4f4f2, #23252b);
    --date-line-color-rule: light-dark(#d5d6d9, #44474f);
    --date-line-color-accent: light-dark(#b42318, #ff8a7a);
    --date-line-color-accent-text: light-dark(#ffffff, #1b1b1f);
    --date-line-color-link: light-dark(#1f4fbf, #8fb4ff);
    --date-line-color-focus: light-dark(#1f6feb, #8fb4ff);
    --date-line-color-era: #8a8f98;
    --date-line-radius: 6px;
    --date-line-spacing: 1rem;
    --date-line-padding: 0;

    display: block;
    /* Anchors the absolutely placed parts inside (the screen-reader live region among them). */
    position: relative;
    box-sizing: border-box;
    container-type: inline-size;
    container-name: date-line;
    color: var(--date-line-color-text);
    background: var(--date-line-color-background);
    padding: var(--date-line-padding);
  }

  /* The element's own text. Not on :host, so that the page's own list, shown while the element reads it, keeps
     the page's type, and the page does not move as the element takes it over (see render). :host::before has no
     content and is never drawn: it holds the element's font where the axis can read it before it has drawn
     anything (LocaleController.font). */
  .base,
  .status,
  .error,
  :host::before {
    font-family: var(--date-line-font-family);
    font-size: var(--date-line-font-size);
    line-height: 1.5;
    text-align: start;
  }

  :host([hidden]) {
    display: none;
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
    --date-line-padding: 0.75rem;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --date-line-padding: 0.75rem;
    }
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .base {
    display: block;
  }

  header {
    margin-block-end: var(--date-line-spacing);
  }

  .title {
    margin: 0 0 0.25em;
    font-size: 1.375em;
    line-height: 1.25;
    font-weight: 700;
  }

  .description p {
    margin: 0 0 0.5em;
    color: var(--date-line-color-muted);
  }

  a {
    color: var(--date-line-color-link);
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }

  a:focus-visible,
  button:focus-visible,
  summary:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--date-line-color-focus);
    outline-offset: 2px;
  }

  /* An event's label (axis and list) comes with view/event-button.ts, each layout's own styles with its part. */

  /* ---------- toolbar and filters ---------- */

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: flex-start;
    margin-block-end: 0.75rem;
  }

  .tool,
  .filters summary {
    min-inline-size: 2.25rem;
    min-block-size: 2.25rem;
    padding: 0 0.7rem;
    border: 1px solid var(--date-line-color-rule);
    border-radius: var(--date-line-radius);
    background: var(--date-line-color-surface);
    color: inherit;
    font: inherit;
    font-size: 0.875em;
    line-height: 2.25rem;
    cursor: pointer;
  }

  .tool:not(.tool-text) {
    font-size: 1.125em;
    font-weight: 600;
    padding: 0;
  }

  .tool:hover,
  .filters summary:hover {
    border-color: var(--date-line-color-muted);
  }

  .tool:disabled {
    opacity: 0.45;
    cursor: default;
  }

  .filters summary {
    display: inline-block;
    list-style: none;
  }

  .filters summary::-webkit-details-marker {
    display: none;
  }

  .filters summary::after {
    content: ' ▾';
  }

  .filters[open] summary::after {
    content: ' ▴';
  }

  .count {
    color: var(--date-line-color-muted);
  }

  /* ---------- axis layout: in view/axis.styles.ts, loaded with the axis ---------- */

  .axis-placeholder {
    min-block-size: 22rem;
  }

  /* ---------- states ---------- */

  .status {
    margin: 0;
    padding: var(--date-line-spacing);
    color: var(--date-line-color-muted);
    border: 1px dashed var(--date-line-color-rule);
    border-radius: var(--date-line-radius);
  }

  @media (prefers-reduced-motion: no-preference) {
    .tool {
      transition: background-color 120ms ease-out;
    }
  }

  @media print {
    .toolbar,
    .visually-hidden {
      display: none;
    }

    a::after {
      content: ' (' attr(href) ')';
      font-size: 0.8em;
      overflow-wrap: anywhere;
    }
  }
`;
