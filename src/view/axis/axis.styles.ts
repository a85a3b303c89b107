import { css } from 'lit';

/** Styles of the time axis, adopted by the element when the axis module loads (see date-line.styles.ts). */
export const axisStyles = css`
  .viewport {
    position: relative;
    overflow: hidden;
    overflow: clip;
    touch-action: pan-y;
    user-select: none;
    -webkit-user-select: none;
    cursor: grab;
    border-block: 1px solid var(--date-line-color-rule);
    /* What happens inside (every zoom step moves everything) never makes the page lay out or paint again. */
    contain: strict;
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

  /* On the dark ground a group's own colour is too dark to read as text: lighten it toward the text colour. */
  :host([theme='dark']) .row-label {
    color: color-mix(in srgb, var(--_group-color, var(--date-line-color-muted)) 40%, var(--date-line-color-text));
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) .row-label {
      color: color-mix(in srgb, var(--_group-color, var(--date-line-color-muted)) 40%, var(--date-line-color-text));
    }
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

  /* A folded gap: a hatched band across the lanes and ticks, edged like the two halves of a broken axis. */
  .break {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    z-index: 0;
    box-sizing: border-box;
    border-inline: 2px solid var(--date-line-color-rule);
    background: repeating-linear-gradient(
      -60deg,
      transparent 0 5px,
      color-mix(in srgb, var(--date-line-color-rule) 70%, transparent) 5px 6px
    );
  }

  .lanes {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  /* Placed by translate (see render()) from the scene's inline start. */
  .item,
  .cluster,
  .tick {
    inset-inline-start: 0;
  }

  .item,
  .cluster {
    top: 0;
  }

  .item {
    position: absolute;
    /* As tall as a lane, less the gap between lanes (see lanePx in text-width.ts). */
    block-size: calc(var(--_lane-px, 64px) - 4px);
    contain: layout style;
  }

  /* Near the end of the data a label runs back from its marker, so the element's edge never cuts it. */
  .item.is-flipped {
    text-align: end;
  }

  .item.is-flipped .bar {
    margin-inline-start: 100%;
  }

  .item.is-flipped .event-button {
    border-inline-start: 0;
    border-inline-end: 3px var(--_group-line, solid) var(--_group-color, var(--date-line-color-accent));
    border-radius: 0 0 var(--date-line-radius) var(--date-line-radius);
  }

  .bar {
    display: block;
    block-size: 6px;
    border-radius: 3px;
    background: var(--_group-color, var(--date-line-color-accent));
    opacity: 0.35;
  }

  /* A date known only as on or before a day (or an interval open at its start) reaches back from that day, fading
     out, rather than standing as a point on it; one on or after a day reaches forward. */
  .item.reaches-back .bar,
  .item.reaches-forward .bar {
    inline-size: 48px !important;
    opacity: 1;
  }

  .item.reaches-back .bar {
    margin-inline-start: -42px;
    background: linear-gradient(to left, var(--_group-color, var(--date-line-color-accent)), transparent);
  }

  .item.reaches-back.is-flipped .bar {
    margin-inline-start: calc(100% - 42px);
  }

  .item.reaches-forward .bar {
    background: linear-gradient(to right, var(--_group-color, var(--date-line-color-accent)), transparent);
  }

  :host(:dir(rtl)) .item.reaches-back .bar {
    background: linear-gradient(to right, var(--_group-color, var(--date-line-color-accent)), transparent);
  }

  :host(:dir(rtl)) .item.reaches-forward .bar {
    background: linear-gradient(to left, var(--_group-color, var(--date-line-color-accent)), transparent);
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
    border-inline-start: 3px var(--_group-line, solid) var(--_group-color, var(--date-line-color-accent));
  }

  .item .when {
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
    -webkit-line-clamp: var(--_lines, 2);
    overflow: hidden;
  }

  .item .badge {
    margin-inline-start: 0.35em;
    font-size: 0.8em;
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

  /* Each minor tick's grid line runs up the scene from it: a pseudo-element rather than an element per line
     (they were most of the axis's DOM), painted under everything else in the scene. */
  .tick:not(.major)::before {
    content: '';
    position: absolute;
    inset-inline-start: -1px;
    bottom: 100%;
    z-index: -1;
    block-size: var(--_grid-height);
    border-inline-start: 1px solid color-mix(in srgb, var(--date-line-color-rule) 55%, transparent);
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

  /* The zoom buttons lead the toolbar, before the filters. */
  .zoom {
    display: inline-flex;
    gap: 0.25rem;
    order: -1;
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
    inline-size: 1.1rem;
    block-size: 0.7rem;
    margin-inline-end: 0.3rem;
    border-block-end: 3px var(--_group-line, solid) var(--_group-color, var(--date-line-color-accent));
    background: color-mix(in srgb, var(--_group-color, var(--date-line-color-accent)) 35%, transparent);
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
`;
