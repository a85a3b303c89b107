/**
 * `date-line/react`: `<date-line>` for React.
 *
 * - `DateLine`, a React component (React 18 and 19) made with the Lit team's `@lit/react`: it sets the element's
 *   properties (`data` as an object, in React 18 too) and listens to its events as `onSelect`, `onLoad`, `onError`
 *   and `onRangeChange`; a `ref` is the element, for its methods (`ref.current.select(id)`).
 * - JSX types for the tag itself, for React 19, which sets properties and listens to events (`ondate-line-select`) on
 *   custom elements of its own accord.
 *
 * Importing it defines `<date-line>`. The props and events come from the custom elements manifest (see
 * element.generated.ts), so that they are always the element's own.
 */
import { createComponent } from '@lit/react';
import * as React from 'react';
import { DateLine as DateLineElement } from '../index.js';
import type { DateLineEventMap } from '../events.js';
import { REACT_EVENTS, type DateLineAttributes, type DateLineProperties } from './element.generated.js';

export type { DateLineAttributes, DateLineProperties } from './element.generated.js';

type ReactEvents = typeof REACT_EVENTS;

/** The handlers of the element's events, by their React names (`onSelect` hears `date-line-select`). */
export type DateLineEventHandlers = {
  [Name in keyof ReactEvents]?: (event: DateLineEventMap[ReactEvents[Name]]) => void;
};

/** What the `DateLine` component takes: the element's properties, its events' handlers, and HTML's attributes. */
export type DateLineProps = Omit<
  React.HTMLAttributes<DateLineElement>,
  keyof DateLineProperties | keyof DateLineEventHandlers
> &
  DateLineProperties &
  DateLineEventHandlers &
  React.RefAttributes<DateLineElement>;

/**
 * `<date-line>` as a React component: `<DateLine data={timeline} onSelect={(event) => …} ref={timelineRef} />`.
 * Its `ref` is the element (`timelineRef.current?.select('id')`).
 */
// @lit/react types every member of the class as a prop (read-only ones and methods too, and `data` as `unknown`);
// the component is typed with the properties a framework sets, as the manifest has them.
export const DateLine = createComponent({
  react: React,
  tagName: 'date-line',
  elementClass: DateLineElement,
  events: REACT_EVENTS,
  displayName: 'DateLine',
}) as unknown as React.ForwardRefExoticComponent<DateLineProps>;

/**
 * The props of the `<date-line>` tag in React 19's JSX: the element's properties (by their attribute names too),
 * its events as `on` and their names (`ondate-line-select`), and HTML's attributes.
 */
export type DateLineElementProps = Omit<
  React.DetailedHTMLProps<React.HTMLAttributes<DateLineElement>, DateLineElement>,
  keyof DateLineProperties
> &
  DateLineProperties &
  DateLineAttributes & {
    [Name in keyof DateLineEventMap as `on${Name}`]?: (event: DateLineEventMap[Name]) => void;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'date-line': DateLineElementProps;
    }
  }
}
