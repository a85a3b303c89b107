import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { englishMessages, loadedMessages, loadMessages, type Messages } from '../i18n/messages.js';

/** What the controller reads of its element: an explicit `locale`, else the `lang` around it. */
export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  readonly locale?: string;
}

/**
 * The element's language: the locale in effect and the message table for it, worked out once per update (the
 * locale walks up the page for a `lang`; labels ask for it once per event). A language whose table is not
 * loaded yet shows English until its table arrives, then the element updates: the table is a value the
 * element passes to whatever formats, never module state that formatting reads on its own.
 */
export class LocaleController implements ReactiveController {
  /** The BCP 47 locale in effect. */
  locale = '';
  /** The interface text in effect, for `locale` (English until its table has loaded). */
  messages: Messages = englishMessages;
  /** Whether the element is laid out right to left (arrow keys and the axis follow it). */
  private rtl?: boolean;

  constructor(private readonly host: LocaleHost) {
    host.addController(this);
  }

  get isRtl(): boolean {
    return (this.rtl ??= getComputedStyle(this.host).direction === 'rtl');
  }

  hostUpdate(): void {
    this.rtl = undefined;
    const locale = this.resolve();
    if (locale === this.locale) return;
    this.locale = locale;
    const table = loadedMessages(locale);
    this.messages = table ?? englishMessages;
    if (!table)
      void loadMessages(locale).then((messages) => {
        if (this.locale !== locale) return;
        this.messages = messages;
        this.host.requestUpdate();
      });
  }

  /** `locale`, else the nearest `lang` around the element, else the document's or the browser's. */
  resolve(): string {
    const host = this.host;
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
