import { css } from 'lit';

/**
 * An element whose page gives it a height (`date-line { height: 100vh }`, as the embed page does in its frame)
 * fits that height: its title and toolbar stay in view, and the events scroll inside it (the list, or the axis with
 * its open event: see their styles). Without a height, the default, `.base`'s `100%` is no limit and the element is
 * as tall as its content, as ever.
 *
 * Adopted with the part that draws the events (the list, the axis), so the script-tag file carries none of it.
 */
export const fillStyles = css`
  .base {
    display: flex;
    flex-direction: column;
    block-size: 100%;
  }

  .base > * {
    flex: none;
  }

  /* A flex item's margins do not collapse with its children's: the header's last child would add its own. */
  header > :last-child,
  .description > :last-child {
    margin-block-end: 0;
  }

  /* Printed, the events run on over the pages. */
  @media print {
    .base {
      display: block;
      max-block-size: none;
    }
  }
`;

/**
 * What scrolls inside an element given a height: it takes the room the title and toolbar leave, and scrolls what
 * does not fit. (The room, not its content's height: a box sized by its content would be sized, in Firefox, as if
 * its scrollbar took no room, and then need one.)
 */
export const scrollingEventsCss = css`
  flex: 1 1 auto;
  min-block-size: 0;
  overflow-x: hidden;
  overflow-y: auto;
`;
