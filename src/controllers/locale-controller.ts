import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { englishMessages, loadedMessages, loadMessages, type Messages } from '../i18n/messages.js';
import { DateLabels } from '../model/date-labels.js';

/** What the controller reads of its element: an explicit `locale`, else the `lang` around it. */
export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  readonly locale?: string;
}

/**
 * The element's language: the locale in effect, the message table for it and the events' date labels in it,
 * worked out once per update (the locale walks up the page for a `lang`; labels are asked for on every frame). A
 * language whose table is not loaded yet shows English until its table arrives, then the element updates: the
 * table is a value passed to whatever formats, never module state that formatting reads on its own.
 */
export class LocaleController implements ReactiveController {
  /** The BCP 47 locale in effect. */
  locale = '';
  /** The interface text in effect, for `locale` (English until its table has loaded). */
  messages: Messages = englishMessages;
  /** The element's computed direction and font, read once per update (computed style is not free). */
  #computed?: { rtl: boolean; font: string };
  /** The events' date labels in this locale and table; another locale, or its table arriving, makes new ones. */
  labels = new DateLabels('en', englishMessages);

  readonly #host: LocaleHost;

  constructor(host: LocaleHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Whether the element is laid out right to left (arrow keys and the axis follow it). */
  get isRtl(): boolean {
    return this.#read().rtl;
  }

  /**
   * The font the element's text is set in (`font-size font-family`), which the axis measures its labels in. It is
   * not the host's own, which stays the page's (see the styles), but its `::before`'s, which is given the
   * element's font and never drawn.
   */
  get font(): string {
    return this.#read().font;
  }

  #read(): { rtl: boolean; font: string } {
    if (!this.#computed) {
      // The direction is the host's (::before inherits it).
      const text = getComputedStyle(this.#host, '::before');
      this.#computed = { rtl: text.direction === 'rtl', font: `${text.fontSize} ${text.fontFamily}` };
    }
    return this.#computed;
  }

  hostUpdate(): void {
    this.#computed = undefined;
    const locale = this.resolve();
    if (locale === this.locale) return;
    this.locale = locale;
    const table = loadedMessages(locale);
    this.#setMessages(table ?? englishMessages);
    if (!table)
      void loadMessages(locale).then((messages) => {
        if (this.locale !== locale) return;
        this.#setMessages(messages);
        this.#host.requestUpdate();
      });
  }

  #setMessages(messages: Messages): void {
    this.messages = messages;
    this.labels = new DateLabels(this.locale, messages);
  }

  /** `locale`, else the nearest `lang` around the element, else the document's or the browser's. */
  resolve(): string {
    const host = this.#host;
    const candidate =
      host.locale ||
      host.closest('[lang]')?.getAttribute('lang') ||
      document.documentElement.lang ||
      navigator.language ||
      'en';
    try {
      return Intl.getCanonicalLocales(candidate)[0] ?? 'en';
    } catch {
      return 'en';
    }
  }
}
