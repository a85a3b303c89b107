/**
 * The layouts an element can ask for, in one place at the bottom of the layers: the element's `layout` type (see
 * scale/layout-choice.ts), and what the command line, the embed builder and the embed pages check a layout against.
 * `auto` picks the axis or the list by the element's width (see chooseLayout).
 */
export const LAYOUTS = ['auto', 'axis', 'list', 'story'] as const;

/** The layouts an element can ask for; `auto` picks the axis or the list (see chooseLayout). */
export type Layout = (typeof LAYOUTS)[number];
