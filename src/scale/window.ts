/**
 * The visible window of the axis and how zoom and pan move it. Pure arithmetic on "coordinates": day numbers
 * for the proportional time scale, event slots for even spacing (see coords.ts). No DOM.
 */

export interface ViewWindow {
  readonly start: number;
  readonly end: number;
}

export interface ViewLimits {
  /** The narrowest window allowed. */
  readonly minSpan: number;
  /** The widest window allowed. */
  readonly maxSpan: number;
  /** The window may not start before this... */
  readonly min: number;
  /** ...or end after this. */
  readonly max: number;
}

export const span = (view: ViewWindow): number => view.end - view.start;

/**
 * Sensible limits for data that covers [from, to): zoom out to twice the whole extent and pan a little past
 * either end; zoom in until the window is `minSpan` wide (an hour for date-times, a day otherwise).
 */
export function limitsFor(from: number, to: number, minSpan: number): ViewLimits {
  const extent = Math.max(to - from, minSpan);
  return { minSpan, maxSpan: extent * 2, min: from - extent / 2, max: to + extent / 2 };
}

/** Keeps a window within the limits: its width first, then its position. */
export function clampView(view: ViewWindow, limits: ViewLimits): ViewWindow {
  const width = Math.min(Math.max(span(view), limits.minSpan), limits.maxSpan, limits.max - limits.min);
  let start = view.start + (span(view) - width) / 2;
  start = Math.min(Math.max(start, limits.min), limits.max - width);
  return { start, end: start + width };
}

/**
 * Zooms by `factor` (> 1 zooms in) keeping `anchor` (a coordinate, usually under the pointer) at the same
 * place on screen.
 */
export function zoomView(view: ViewWindow, factor: number, anchor: number, limits: ViewLimits): ViewWindow {
  const width = Math.min(Math.max(span(view) / factor, limits.minSpan), limits.maxSpan);
  const ratio = span(view) > 0 ? (anchor - view.start) / span(view) : 0.5;
  const start = anchor - ratio * width;
  return clampView({ start, end: start + width }, limits);
}

export function panView(view: ViewWindow, delta: number, limits: ViewLimits): ViewWindow {
  return clampView({ start: view.start + delta, end: view.end + delta }, limits);
}

/** A window showing [from, to) with a margin on each side (a share of the width). */
export function fitView(from: number, to: number, limits: ViewLimits, margin = 0.04): ViewWindow {
  const width = Math.max(to - from, limits.minSpan);
  const center = (from + to) / 2;
  const padded = width / (1 - 2 * margin);
  return clampView({ start: center - padded / 2, end: center + padded / 2 }, limits);
}

/** A window that contains [from, to), moving the current one as little as possible (for keyboard focus). */
export function revealInView(view: ViewWindow, from: number, to: number, limits: ViewLimits, margin = 0.1): ViewWindow {
  const width = span(view);
  const pad = width * margin;
  if (from >= view.start + pad && Math.min(to, from + width / 2) <= view.end - pad) return view;
  return clampView({ start: from - pad, end: from - pad + width }, limits);
}

/** Whether two windows are the same to within a thousandth of their width. */
export function sameView(a: ViewWindow, b: ViewWindow): boolean {
  const tolerance = span(a) / 1000;
  return Math.abs(a.start - b.start) <= tolerance && Math.abs(a.end - b.end) <= tolerance;
}
