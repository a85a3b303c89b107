import { css, html, nothing, type TemplateResult } from 'lit';
import { fill, type Messages } from '../i18n/messages.js';
import { htmlDatetime } from '../model/dates.js';
import { dateMarks, type DateMark } from '../model/marks.js';
import type { TimelineEvent } from '../model/types.js';
import type { LayoutSnapshot } from './snapshot.js';

export interface EventButtonState {
  /** Whether the event is open. */
  readonly selected: boolean;
  /** Whether the button holds the list's one tab stop (roving tabindex). */
  readonly tabStop: boolean;
  /** The id of the element that shows the open event. */
  readonly controls: string;
  /** The event's date label, in the element's language. */
  readonly dateLabel: string;
  readonly messages: Messages;
  /** Called when the reader presses the button. */
  readonly onPress: () => void;
}

/** Each mark's sign, and the words that say what it means. */
const MARKS: Record<DateMark, { sign: string; words: keyof Messages }> = {
  approximate: { sign: '≈', words: 'markApproximate' },
  uncertain: { sign: '?', words: 'markUncertain' },
  disputed: { sign: '*', words: 'markDisputed' },
  before: { sign: '←', words: 'markBefore' },
  after: { sign: '→', words: 'markAfter' },
};

/**
 * The signs beside a date that say, before the event is opened, what the date's label alone may not: approximate,
 * uncertain, disputed (see the note), before or after a day. Each is a sign for the eye with its words for a
 * screen reader (and as a tooltip).
 */
export function renderDateMarks(
  event: Pick<TimelineEvent, 'date' | 'dateNote'>,
  messages: Messages,
): TemplateResult | typeof nothing {
  const marks = dateMarks(event);
  if (!marks.length) return nothing;
  return html`<span class="marks"
    >${marks.map((mark) => {
      const words = messages[MARKS[mark].words] as string;
      return html`<span class="mark mark-${mark}" title=${words}
        ><span aria-hidden="true">${MARKS[mark].sign}</span><span class="visually-hidden"> (${words})</span></span
      >`;
    })}</span
  >`;
}

/**
 * An event's visible label, the same in the list and on the axis: its date (with its marks and, for background,
 * the context badge) over its headline, and (for screen readers, on the axis) its group. It expands the open event's details.
 */
export function eventButton(event: TimelineEvent, state: EventButtonState): TemplateResult {
  const { messages } = state;
  return html`<button
    class="event-button"
    type="button"
    tabindex=${state.tabStop ? 0 : -1}
    aria-expanded=${state.selected ? 'true' : 'false'}
    aria-controls=${state.selected ? state.controls : nothing}
    @click=${state.onPress}
  >
    <span class="when"
      ><time class="date" datetime=${htmlDatetime(event.date) ?? nothing}>${state.dateLabel}</time>${renderDateMarks(
        event,
        messages,
      )}${event.context ? html` <span class="badge" title=${messages.contextHint}>${messages.context}</span>` : nothing}</span
    >
    <span class="event-title"><span class="headline">${event.title}</span></span>
    ${event.group ? html`<span class="group-label">${event.group.label}</span>` : nothing}
  </button>`;
}

/** What the live region says when an event's label opens it, on the axis and in the list: its date and headline. */
export function openedAnnouncement(snapshot: LayoutSnapshot, event: TimelineEvent | null): string {
  return event ? fill(snapshot.messages.announceSelect, { date: snapshot.labels.of(event), title: event.title }) : '';
}

/** Styles of an event's label, the same in both layouts: adopted with the axis or the list (see OnDemand). */
export const eventButtonStyles = css`
  @media (prefers-reduced-motion: no-preference) {
    .event-button {
      transition: background-color 120ms ease-out;
    }
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

  .when {
    display: block;
    color: var(--date-line-color-muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.01em;
  }

  /* The signs beside a date (approximate, uncertain, disputed, before or after a day): small and alike. */
  .mark {
    display: inline-block;
    min-inline-size: 1.1em;
    margin-inline-start: 0.3em;
    padding: 0 0.15em;
    border: 1px solid currentColor;
    border-radius: 0.3em;
    font-size: 0.85em;
    font-weight: 700;
    line-height: 1.2;
    text-align: center;
    cursor: help;
  }

  .mark + .mark {
    margin-inline-start: 0.15em;
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
`;
