import type { TimelineGroup } from '../model/types.js';

/**
 * Colours for groups that have none of their own, as [light theme, dark theme]: each at least 4.8:1 against a
 * white page and 7.3:1 against the dark theme's ground (test/view/group-style.test.ts checks 3:1, the minimum
 * for graphics), and in an order that keeps neighbours apart for readers with red–green colour blindness.
 */
export const GROUP_PALETTE: readonly (readonly [light: string, dark: string])[] = [
  ['#0072b2', '#56b4e9'], // blue
  ['#b35900', '#e69f00'], // orange
  ['#007a5e', '#2cc29a'], // bluish green
  ['#c0392b', '#ff8a7a'], // red
  ['#7a6200', '#d4b13a'], // olive
  ['#5e4fc4', '#a99bf5'], // indigo
  ['#a3387a', '#e58fc0'], // reddish purple
  ['#00748c', '#40c4d8'], // teal
];

/**
 * The second cue besides colour: the line that ties an event's label to its time (and its marker's edge in the
 * list), so groups stay apart where colours alone do not, for a reader who does not see them.
 */
export const GROUP_LINES = ['solid', 'dashed', 'dotted', 'double'] as const;

/** The custom properties that draw a group: its colour (its own, or the palette's) and its line. */
export function groupStyle(group: TimelineGroup | undefined): Record<string, string | null> {
  if (!group) return {};
  const [light, dark] = GROUP_PALETTE[group.index % GROUP_PALETTE.length];
  return {
    '--_group-color': group.color ?? `light-dark(${light}, ${dark})`,
    '--_group-line': GROUP_LINES[group.index % GROUP_LINES.length],
  };
}
