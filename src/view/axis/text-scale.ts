import { AXIS_TEXT } from '../../scale/text-width.js';

/** A headline of average make-up, measured to learn how wide the reader's font sets text. */
const SAMPLE = 'The Intercept reports that ICE used Facebook data to find and track a suspect in 2017';
const measured = new Map<string, number>();

/**
 * How much wider (above 1) or narrower the element's font sets the axis's headlines than the table in
 * src/scale/text-width.ts assumes: one measurement on a canvas per font, so that the estimates of every label
 * (packed in a few milliseconds for 100,000 events) hold for the fonts readers actually have, from narrow system
 * fonts to a wide DejaVu Sans. `font` is the element's computed `font-size font-family`.
 */
export function measureTextScale(font: string): number {
  let scale = measured.get(font);
  if (scale === undefined) {
    const context = document.createElement('canvas').getContext('2d');
    const [size, ...family] = font.split(' ');
    if (!context || !family.length) return 1;
    // The headline's size is a share of the element's; its table entry is for a 16 px element.
    const headlinePx = (parseFloat(size) || 16) * (AXIS_TEXT.headline.sizePx / 16);
    context.font = `700 ${headlinePx}px ${family.join(' ')}`;
    const width = context.measureText(SAMPLE).width;
    scale = width > 0 ? width / (SAMPLE.length * AXIS_TEXT.headline.charPx) : 1;
    measured.set(font, scale);
  }
  return scale;
}
