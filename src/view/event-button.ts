import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';
import { htmlDatetime } from '../model/dates.js';
import type { TimelineEvent } from '../model/types.js';

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

/**
 * An event's visible label, the same in the list and on the axis: its date over its headline, with the context
 * badge and (for screen readers, on the axis) its group. It expands the open event's details.
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
    <time class="date" datetime=${htmlDatetime(event.date) ?? nothing}>${state.dateLabel}</time>
    <span class="event-title"
      ><span class="headline">${event.title}</span>${
        event.context ? html` <span class="badge" title=${messages.contextHint}>${messages.context}</span>` : nothing
      }</span
    >
    ${event.group ? html`<span class="group-label">${event.group.label}</span>` : nothing}
  </button>`;
}
