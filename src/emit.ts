import type { DateLineEventMap } from './events.js';

/**
 * Fires one of date-line's events from `target`: bubbling and composed, so that listeners anywhere above hear it
 * through the shadow boundary. Typed against the event map: a misspelled name or a wrong detail does not compile.
 * Returns false when a listener cancelled a cancelable event.
 */
export function emit<K extends keyof DateLineEventMap>(
  target: EventTarget,
  type: K,
  detail: DateLineEventMap[K]['detail'],
  { cancelable = false } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
