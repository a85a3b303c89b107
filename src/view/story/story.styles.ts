import { css } from 'lit';
import { fillStyles, scrollingEventsCss } from '../fill.styles.js';

/**
 * The story's styles. Every scene takes the same height, so the controls and the strip beneath never move under
 * the reader's finger or pointer from scene to scene: on a narrow element the media sit above the text at 16:9 of
 * the element's width and the text has a fixed height; on a wide one the media sit beside the text, and the scene
 * is as tall as a share of the width. Longer text scrolls inside its box (which then takes the focus, for
 * keyboards). An element given a height of its own (a page of its own, a frame) gives the scene what is left.
 */
export const storyStyles = css`
  ${fillStyles}

  .story {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }

  /* In an element given a height (see fill.styles.ts), the story takes what the title leaves, its stage grows or
     shrinks to what the controls and the strip leave, and the scene is as tall as the stage. Without a height,
     these percentages have nothing to be a share of, and each scene keeps the height it has below. */
  .base > .story {
    ${scrollingEventsCss}
  }

  .base > .story > .stage {
    flex: 1 1 auto;
    min-block-size: 12rem;
  }

  .base > .story .scene {
    min-block-size: 100%;
    max-block-size: 100%;
  }

  .stage {
    /* A horizontal swipe is the story's; a vertical one still scrolls the page. */
    touch-action: pan-y;
    border-radius: var(--date-line-radius);
    background: var(--date-line-color-surface);
    overflow: hidden;
  }

  .scene {
    display: grid;
    grid-template-rows: auto minmax(0, 1fr);
    block-size: calc(56.25cqi + 16rem);
  }

  .scene-media {
    aspect-ratio: 16 / 9;
    min-block-size: 0;
    background: light-dark(#1b1b1f, #0c0c0e);
  }

  /* A scene without media (the title scene, often) has its text in the middle of the stage. */
  .scene:not(.has-media) .scene-text {
    grid-row: 1 / -1;
    display: flex;
    flex-direction: column;
    justify-content: safe center;
  }

  .scene:not(.has-media) .scene-text > * {
    flex: none;
  }

  .scene-text h2.scene-title {
    font-size: 1.75em;
  }

  .scene-text {
    overflow: auto;
    padding: 0.75rem 1rem 1rem;
    overscroll-behavior: contain;
    /* A scroller of its own: its touch action is counted apart from the stage's, so it says the same. */
    touch-action: pan-y;
  }

  @container date-line (min-width: 44rem) {
    .scene {
      grid-template-rows: minmax(0, 1fr);
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      block-size: clamp(20rem, 40cqi, 34rem);
    }

    .scene-media {
      aspect-ratio: auto;
    }

    .scene:not(.has-media) {
      grid-template-columns: minmax(0, 1fr);
    }

    .scene:not(.has-media) .scene-text {
      grid-row: auto;
      padding-inline: max(1rem, 12%);
    }

    .scene-text {
      padding: 1.25rem 1.5rem;
    }
  }

  .scene-media figure {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    margin: 0;
  }

  .scene-media img,
  .scene-media video {
    flex: 1;
    min-block-size: 0;
    inline-size: 100%;
    object-fit: contain;
  }

  .scene-media figcaption {
    padding: 0.375rem 0.75rem;
    color: light-dark(#ececef, #ececef);
    font-size: 0.8125em;
  }

  .scene-media figcaption a {
    color: inherit;
  }

  .scene-media figcaption p {
    display: inline;
    margin: 0;
  }

  .scene-media .credit {
    margin-inline-start: 0.5em;
    opacity: 0.8;
  }

  .scene-date {
    margin: 0 0 0.25rem;
    color: var(--date-line-color-muted);
    font-size: 0.875em;
  }

  .scene-title {
    margin: 0 0 0.5rem;
    font-size: 1.375em;
    line-height: 1.25;
  }

  .scene-text .summary,
  .scene-text .description {
    line-height: 1.5;
  }

  .scene-text .permalink {
    font-size: 0.875em;
  }

  .controls {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }

  .controls .tool {
    white-space: nowrap;
  }

  /* On a phone the buttons are their arrows; their words stay their names, for screen readers. */
  @container date-line (max-width: 30rem) {
    .controls .label {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    .controls .tool {
      min-inline-size: 2.75rem;
      min-block-size: 2.75rem;
    }
  }

  .controls [aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }

  .position {
    min-inline-size: 0;
    overflow: hidden;
    color: var(--date-line-color-muted);
    font-variant-numeric: tabular-nums;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  /* The time strip: the whole story in one line. */
  .strip {
    position: relative;
    padding-block: 0.25rem;
    cursor: pointer;
    border-radius: var(--date-line-radius);
  }

  .strip:focus-visible {
    outline: 3px solid var(--date-line-color-focus);
    outline-offset: 2px;
  }

  .strip-track {
    position: relative;
    block-size: 1.5rem;
    border-block-end: 2px solid var(--date-line-color-rule);
  }

  .strip-era {
    position: absolute;
    inset-block: 0;
    background: color-mix(in srgb, var(--_era-color, var(--date-line-color-era)) 16%, transparent);
  }

  /* Markers and breaks are centred on their place by a negative start margin, which right to left mirrors too. */
  .strip-break {
    position: absolute;
    inset-block-end: -4px;
    inline-size: 6px;
    block-size: 10px;
    margin-inline-start: -3px;
    border-inline: 2px solid var(--date-line-color-muted);
    background: var(--date-line-color-background, Canvas);
    transform: skewX(-20deg);
  }

  .strip-marker {
    position: absolute;
    inset-block-end: 0;
    inline-size: 4px;
    block-size: 0.625rem;
    margin-inline-start: -2px;
    border-radius: 2px 2px 0 0;
    background: var(--_group-color, var(--date-line-color-accent));
  }

  .strip-marker.is-major {
    block-size: 1rem;
  }

  .strip-marker.is-current {
    inline-size: 0.75rem;
    margin-inline-start: -0.375rem;
    block-size: 1.375rem;
    border-radius: 3px;
    outline: 2px solid var(--date-line-color-text);
    outline-offset: 1px;
  }

  .strip-ends {
    display: flex;
    justify-content: space-between;
    margin-block-start: 0.25rem;
    color: var(--date-line-color-muted);
    font-size: 0.75em;
  }
`;
