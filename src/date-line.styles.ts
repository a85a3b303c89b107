import { css } from 'lit';

/**
 * Public knobs are `--date-line-*` custom properties declared here on :host with their defaults; private
 * values derived from them start with `--_`. Colours follow prefers-color-scheme unless `theme` is set.
 */
export const styles = css`
  :host {
    --date-line-font-family: inherit;
    --date-line-font-size: 1rem;
    --date-line-color-text: #1b1b1f;
    --date-line-color-muted: #5b5e66;
    --date-line-color-background: transparent;
    --date-line-color-surface: #f4f4f2;
    --date-line-color-rule: #d5d6d9;
    --date-line-color-accent: #b42318;
    --date-line-color-accent-text: #ffffff;
    --date-line-color-link: #1f4fbf;
    --date-line-color-focus: #1f6feb;
    --date-line-color-era: #8a8f98;
    --date-line-radius: 6px;
    --date-line-spacing: 1rem;
    --date-line-padding: 0;

    display: block;
    box-sizing: border-box;
    container-type: inline-size;
    container-name: date-line;
    color: var(--date-line-color-text);
    background: var(--date-line-color-background);
    padding: var(--date-line-padding);
    font-family: var(--date-line-font-family);
    font-size: var(--date-line-font-size);
    line-height: 1.5;
    text-align: start;
  }

  :host([hidden]) {
    display: none;
  }

  :host([theme='dark']) {
    --date-line-color-text: #ececef;
    --date-line-color-muted: #a9acb5;
    /* Dark text colours need a dark ground of their own: the host page may be light. */
    --date-line-color-background: #17181c;
    --date-line-padding: 0.75rem;
    --date-line-color-surface: #23252b;
    --date-line-color-rule: #44474f;
    --date-line-color-accent: #ff8a7a;
    --date-line-color-accent-text: #1b1b1f;
    --date-line-color-link: #8fb4ff;
    --date-line-color-focus: #8fb4ff;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --date-line-color-text: #ececef;
      --date-line-color-muted: #a9acb5;
      --date-line-color-background: #17181c;
      --date-line-padding: 0.75rem;
      --date-line-color-surface: #23252b;
      --date-line-color-rule: #44474f;
      --date-line-color-accent: #ff8a7a;
      --date-line-color-accent-text: #1b1b1f;
      --date-line-color-link: #8fb4ff;
      --date-line-color-focus: #8fb4ff;
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
  [tabindex]:focus-visible {
    outline: 3px solid var(--date-line-color-focus);
    outline-offset: 2px;
  }

  /* ---------- list layout ---------- */

  .events {
    list-style: none;
    margin: 0;
    padding: 0;
    position: relative;
  }

  .event {
    position: relative;
    padding-inline-start: 1.75rem;
    padding-block-end: 0.25rem;
  }

  /* The rail and the marker of each event. */
  .event::before {
    content: '';
    position: absolute;
    inset-block: 0;
    inset-inline-start: calc(0.4375rem - 1px);
    border-inline-start: 2px solid var(--date-line-color-rule);
  }

  .event:first-child::before {
    inset-block-start: 1.1rem;
  }

  .event:last-child::before {
    inset-block-end: auto;
    block-size: 1.1rem;
  }

  .marker {
    position: absolute;
    inset-inline-start: 0;
    inset-block-start: 0.75rem;
    inline-size: 0.875rem;
    block-size: 0.875rem;
    border-radius: 50%;
    border: 2px solid var(--_group-color, var(--date-line-color-accent));
    background-color: var(--date-line-color-surface);
  }

  .event.is-selected .marker {
    background-color: var(--_group-color, var(--date-line-color-accent));
  }

  .event.is-range .marker {
    border-radius: 3px;
  }

  .event-heading {
    margin: 0;
    font-size: inherit;
    font-weight: inherit;
  }

  .event-button {
    display: block;
    inline-size: 100%;
    margin: 0;
    padding: 0.5rem 0.625rem;
    border: 0;
    border-radius: var(--date-line-radius);
    background: none;
    color: inherit;
    font: inherit;
    text-align: inherit;
    cursor: pointer;
  }

  .event-button:hover {
    background: var(--date-line-color-surface);
  }

  .is-selected > .event-heading .event-button {
    background: var(--date-line-color-surface);
  }

  .date {
    display: block;
    color: var(--date-line-color-muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.01em;
  }

  .event-title {
    display: block;
    font-weight: 650;
    line-height: 1.35;
  }

  .badge {
    display: inline-block;
    margin-inline-start: 0.5em;
    padding: 0 0.4em;
    border: 1px solid var(--date-line-color-rule);
    border-radius: 999px;
    color: var(--date-line-color-muted);
    font-size: 0.75em;
    font-weight: 500;
    vertical-align: 0.1em;
  }

  .group-label {
    color: var(--date-line-color-muted);
    font-size: 0.8125em;
  }

  /* ---------- the detail of an event ---------- */

  .detail {
    padding: 0.25rem 0.625rem 0.75rem;
  }

  .detail p {
    margin: 0 0 0.75em;
  }

  .date-note {
    color: var(--date-line-color-muted);
    font-size: 0.875em;
  }

  figure {
    margin: 0 0 0.75em;
  }

  figure img,
  figure video {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
    border-radius: var(--date-line-radius);
  }

  figcaption {
    color: var(--date-line-color-muted);
    font-size: 0.8125em;
    margin-block-start: 0.25em;
  }

  .sources {
    font-size: 0.875em;
    border-block-start: 1px solid var(--date-line-color-rule);
    padding-block-start: 0.5em;
  }

  .sources-heading {
    margin: 0 0 0.25em;
    font-size: 0.8125em;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--date-line-color-muted);
  }

  .sources ul {
    margin: 0;
    padding-inline-start: 1.1em;
  }

  .sources li {
    margin-block-end: 0.25em;
  }

  .source-meta {
    color: var(--date-line-color-muted);
  }

  /* ---------- toolbar and filters ---------- */

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: flex-start;
    margin-block-end: 0.75rem;
  }

  .zoom {
    display: inline-flex;
    gap: 0.25rem;
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

  .filter-panel {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin-block-start: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--date-line-color-rule);
    border-radius: var(--date-line-radius);
    font-size: 0.875em;
  }

  fieldset {
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 700;
  }

  .filter-option {
    display: inline-flex;
    gap: 0.3rem;
    align-items: center;
    margin-inline-end: 0.9rem;
    white-space: nowrap;
  }

  .count {
    color: var(--date-line-color-muted);
  }

  /* ---------- axis layout ---------- */

  .viewport {
    position: relative;
    overflow: hidden;
    overflow: clip;
    touch-action: pan-y;
    user-select: none;
    -webkit-user-select: none;
    cursor: grab;
    border-block: 1px solid var(--date-line-color-rule);
  }

  .row {
    position: absolute;
    inset-inline: 0;
    border-block-start: 1px dashed var(--date-line-color-rule);
  }

  .row:first-child {
    border-block-start: 0;
  }

  .row-label {
    position: absolute;
    inset-inline-start: 0.5rem;
    top: 3px;
    z-index: 2;
    color: var(--_group-color, var(--date-line-color-muted));
    font-size: 0.6875em;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    pointer-events: none;
  }

  .scene {
    position: absolute;
    inset: 0;
    will-change: transform;
  }

  .era {
    position: absolute;
    inset-block: 0;
    background: color-mix(in srgb, var(--_era-color, var(--date-line-color-era)) 9%, transparent);
    border-inline-start: 1px solid color-mix(in srgb, var(--_era-color, var(--date-line-color-era)) 60%, transparent);
  }

  .era + .era {
    background: color-mix(in srgb, var(--_era-color, var(--date-line-color-era)) 4%, transparent);
  }

  .era-label {
    position: absolute;
    bottom: 52px;
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--date-line-color-muted);
    font-size: 0.6875em;
    font-weight: 600;
    white-space: nowrap;
  }

  .grid-line {
    position: absolute;
    top: 0;
    bottom: 0;
    border-inline-start: 1px solid color-mix(in srgb, var(--date-line-color-rule) 55%, transparent);
  }

  .lanes {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .item {
    position: absolute;
    block-size: 60px;
  }

  .bar {
    display: block;
    block-size: 6px;
    border-radius: 3px;
    background: var(--_group-color, var(--date-line-color-accent));
    opacity: 0.35;
  }

  .item.is-range .bar,
  .item.is-selected .bar {
    opacity: 1;
  }

  .item .event-button {
    padding: 2px 6px 3px;
    /* Labels sit over grid lines and era bands; they carry the element's own ground. */
    background: var(--date-line-color-background);
    border-radius: 0 0 var(--date-line-radius) var(--date-line-radius);
    border-inline-start: 2px solid var(--_group-color, var(--date-line-color-accent));
  }

  .item .date {
    font-size: 0.75em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .item .event-title {
    font-size: 0.8125em;
    line-height: 1.25;
  }

  .item .headline {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }

  .item .badge {
    display: none;
  }

  /* The group is told by colour on the axis; screen readers still hear it. */
  .item .group-label {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .item.is-context .headline {
    font-style: italic;
  }

  .item.is-selected .event-button {
    background: var(--date-line-color-surface);
    box-shadow: inset 0 -2px 0 var(--_group-color, var(--date-line-color-accent));
  }

  .cluster {
    position: absolute;
    min-inline-size: 2rem;
    block-size: 1.5rem;
    padding: 0 0.4rem;
    border: 1px dashed var(--date-line-color-muted);
    border-radius: 999px;
    background: var(--date-line-color-surface);
    color: var(--date-line-color-muted);
    font: inherit;
    font-size: 0.75em;
    cursor: zoom-in;
  }

  .ticks {
    position: absolute;
    inset-inline: 0;
    block-size: 48px;
  }

  /* Text in the scene carries the element's ground, so it reads on any page even where the scene runs past
     the visible window (the next window's worth is drawn ahead for panning). */
  .tick,
  .era-label,
  .row-label,
  .pinned-major {
    background: var(--date-line-color-background);
  }

  .tick {
    position: absolute;
    top: 0;
    padding-inline-start: 4px;
    border-inline-start: 1px solid var(--date-line-color-rule);
    color: var(--date-line-color-muted);
    font-size: 0.75em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .tick.major {
    top: 22px;
    color: var(--date-line-color-text);
    font-weight: 600;
  }

  .pinned-major {
    position: absolute;
    inset-inline-start: 0;
    padding-inline: 4px;
    font-size: 0.75em;
    font-weight: 600;
    pointer-events: none;
  }

  .edge {
    position: absolute;
    top: 50%;
    z-index: 3;
    min-inline-size: 2.25rem;
    block-size: 2.25rem;
    padding: 0 0.5rem;
    border: 1px solid var(--date-line-color-rule);
    border-radius: 999px;
    background: var(--date-line-color-surface);
    color: var(--date-line-color-text);
    font: inherit;
    font-size: 0.8125em;
    font-weight: 600;
    cursor: pointer;
    transform: translateY(-50%);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.15);
  }

  .edge-before {
    inset-inline-start: 0.25rem;
  }

  .edge-after {
    inset-inline-end: 0.25rem;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.9rem;
    margin: 0;
    padding: 0;
    list-style: none;
    align-self: center;
    font-size: 0.8125em;
    color: var(--date-line-color-muted);
  }

  .swatch {
    display: inline-block;
    inline-size: 0.7rem;
    block-size: 0.7rem;
    margin-inline-end: 0.3rem;
    border-radius: 2px;
    background: var(--_group-color, var(--date-line-color-accent));
    vertical-align: -0.05em;
  }

  .panel {
    margin-block-start: 0.75rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--date-line-color-rule);
    border-inline-start: 4px solid var(--date-line-color-accent);
    border-radius: var(--date-line-radius);
    background: var(--date-line-color-surface);
  }

  .panel p {
    margin: 0 0 0.75em;
  }

  .panel .panel-date {
    margin: 0;
    color: var(--date-line-color-muted);
    font-size: 0.875em;
  }

  .panel-title {
    margin: 0.1em 0 0.5em;
    font-size: 1.125em;
    line-height: 1.3;
  }

  .panel-nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-block-start: 0.75rem;
  }

  .permalink {
    margin-inline-start: auto;
    font-size: 0.875em;
  }

  /* ---------- states ---------- */

  .status {
    margin: 0;
    padding: var(--date-line-spacing);
    color: var(--date-line-color-muted);
    border: 1px dashed var(--date-line-color-rule);
    border-radius: var(--date-line-radius);
  }

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

  @media (prefers-reduced-motion: no-preference) {
    .event-button,
    .tool {
      transition: background-color 120ms ease-out;
    }
  }

  @media print {
    .toolbar,
    .visually-hidden {
      display: none;
    }

    .event,
    .detail {
      break-inside: avoid;
    }

    a::after {
      content: ' (' attr(href) ')';
      font-size: 0.8em;
      overflow-wrap: anywhere;
    }
  }
`;
