/**
 * The script of date-line's own page (`date-line html --page`, and the generic `dist/embed.html`): the page that
 * is a timeline's address, and the `src` of an iframe. It is the page's, not the element's: the element knows
 * nothing of frames.
 *
 * - On the generic page it makes the element from the address's parameters (`?src=…&layout=…`): every attribute
 *   the element observes, each value set as an attribute (data, never markup), checked first where a wrong one
 *   would pass unnoticed; what is wrong is said in a message on the page.
 * - `?event=<id>` opens that event (a query parameter: hosts append their own fragments, WordPress `#?secret=…`,
 *   AMP `#amp=1`).
 * - In a frame, whenever the height of its content changes, it tells the page around it in each format hosts
 *   already understand: date-line's own `{ type: 'date-line:height', height }` (embed-host.js), AMP's
 *   `{ sentinel: 'amp', type: 'embed-size', height }` (`<amp-iframe resizable>`), Medium's (Embedly's) string
 *   message, and WordPress's `{ message: 'height', value, secret }` when the address carries WordPress's secret.
 *   Only heights and the open event's id are posted, so they go to any origin ("*"): the frame cannot know its
 *   host's.
 * - The open event goes to the host as `{ type: 'date-line:state', event }`, and `{ type: 'date-line:goto', event }`
 *   opens one, accepted from the window around the frame only.
 *
 * The page carries this function as its own text (`(${startFrame})(config)`, see page.ts), so that a page written
 * by `date-line html --page` is one file: the function must stand alone, using nothing from this module or any
 * other, and its text must hold no `</script`.
 */

/** What the page tells its script. */
export interface FrameConfig {
  /** The generic page (dist/embed.html): the element is made from the address's parameters. */
  readonly generic: boolean;
  /** The values each enumerated attribute may take (`layout`: auto, axis, list…), from the model's lists. */
  readonly choices: Readonly<Record<string, readonly string[]>>;
  /** The languages written right to left, by their primary subtag: the element gets `dir="rtl"` for them. */
  readonly rightToLeft: readonly string[];
}

export function startFrame(config: FrameConfig): void {
  // The longest parameter value the generic page takes (a Google Sheets address is a few hundred characters).
  const MAX_LENGTH = 2048;
  const params = new URLSearchParams(location.search);
  const framed = window.parent !== window;
  const notice = document.querySelector<HTMLElement>('[data-date-line-message]');
  const problems: string[] = [];
  /** Says what is wrong, as text. */
  const say = (text: string) => {
    problems.push(text);
    if (!notice) return;
    notice.textContent = problems.join(' ');
    notice.hidden = false;
  };
  /** A value as a message quotes it: short, on one line. */
  const quoted = (value: string) => `“${value.length > 60 ? `${value.slice(0, 60)}…` : value}”`.replace(/\s+/g, ' ');

  // WordPress appends #?secret=<alphanumeric> to the address of an embed it sandboxes; other fragments may come
  // before it (#x#?secret=…). Only an alphanumeric secret counts, as WordPress's own script requires.
  const secret = /[#?&]secret=([A-Za-z0-9]{1,64})(?![\w-])/.exec(location.hash)?.[1];
  const post = (message: unknown) => {
    if (framed) window.parent.postMessage(message, '*');
  };

  /** The generic page: the element, from the address's parameters. */
  async function makeElement(): Promise<HTMLElement | null> {
    await customElements.whenDefined('date-line');
    const DateLine = customElements.get('date-line') as CustomElementConstructor & {
      observedAttributes?: string[];
      elementProperties?: Map<PropertyKey, { attribute?: boolean | string; type?: unknown }>;
    };
    // The element's own attributes, and which take a number or are on/off (its properties' declared types).
    const names = new Set(DateLine.observedAttributes ?? []);
    const types = new Map<string, unknown>();
    for (const [property, options] of DateLine.elementProperties ?? []) {
      if (options.attribute === false) continue;
      types.set(
        typeof options.attribute === 'string' ? options.attribute : String(property).toLowerCase(),
        options.type,
      );
    }
    const element = document.createElement('date-line');
    for (const [name, value] of params) {
      if (!names.has(name)) continue; // not an option: the host's own (utm_source, fbclid, …)
      if (value.length > MAX_LENGTH) {
        say(`The ${name} parameter is too long (${value.length} characters).`);
        continue;
      }
      const choices = config.choices[name];
      const type = types.get(name);
      if (name === 'src') {
        let url: URL | undefined;
        try {
          url = new URL(value, location.href);
        } catch {
          // not an address at all
        }
        if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
          say(`The src parameter must be an http: or https: address of a timeline file, not ${quoted(value)}.`);
          continue;
        }
      } else if (choices && !choices.includes(value)) {
        say(`The ${name} parameter must be ${choices.join(', ')}, not ${quoted(value)}.`);
        continue;
      } else if (name === 'locale') {
        try {
          Intl.getCanonicalLocales(value);
        } catch {
          say(`The locale parameter must be a language tag such as en, de or fr-CA, not ${quoted(value)}.`);
          continue;
        }
      } else if (type === Number && !(value.trim() !== '' && Number.isFinite(Number(value)))) {
        say(`The ${name} parameter must be a number, not ${quoted(value)}.`);
        continue;
      } else if (type === Boolean) {
        if (!['', 'true', '1', 'false', '0'].includes(value)) {
          say(`The ${name} parameter is on (${name}=true) or off (${name}=false), not ${quoted(value)}.`);
        } else if (value !== 'false' && value !== '0') element.setAttribute(name, '');
        continue;
      }
      element.setAttribute(name, value);
    }
    if (!element.hasAttribute('src')) {
      if (!params.has('src'))
        say('This page shows a timeline from an address: add ?src= and the address of a timeline file.');
      return null;
    }
    if (element.getAttribute('locale') && !element.hasAttribute('dir')) {
      const language = element.getAttribute('locale')!.split('-')[0].toLowerCase();
      if (config.rightToLeft.includes(language)) element.dir = 'rtl';
    }
    document.body.append(element);
    return element;
  }

  /** Opens an event by the element's own deep link (`#<id>/<event id>`), which also scrolls it into view. */
  function open(element: HTMLElement, id: string): void {
    const key = element.id || 'date-line';
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${location.search}#${encodeURIComponent(key)}/${encodeURIComponent(id)}`,
    );
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }

  /** The bottom of what an element holds (its in-flow children, with their margins), from its top. */
  function extent(box: Element): number {
    const top = box.getBoundingClientRect().top + box.clientTop - box.scrollTop;
    let bottom = top;
    for (const child of box.children) {
      const style = getComputedStyle(child);
      if (style.position === 'absolute' || style.position === 'fixed') continue;
      bottom = Math.max(bottom, child.getBoundingClientRect().bottom + (parseFloat(style.marginBottom) || 0));
    }
    return bottom - top + (parseFloat(getComputedStyle(box).paddingBottom) || 0);
  }

  /**
   * The height of the page's content: the element's as if the page gave it no height, that is with what scrolls
   * inside it (the list, the axis) at the length of its content, whether it overflows or leaves room; 0 while it is
   * between two states.
   */
  function contentHeight(element: HTMLElement | null): number {
    if (!element) return notice && !notice.hidden ? notice.offsetTop + notice.offsetHeight : 0;
    const style = getComputedStyle(element);
    const edges = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'] as const;
    let height = edges.reduce((sum, edge) => sum + (parseFloat(style[edge]) || 0), 0);
    const root = element.shadowRoot;
    const base = root?.querySelector('[part~="base"]');
    if (base?.querySelector(':scope > [part~="story"]')) {
      // The story has no box that scrolls at its content's length: its stage takes whatever room it is given (a
      // scene shrinks to fit a short frame). Its own height, the one each of its scenes keeps, is the element's
      // with no height given: measured so, at once, and the page's height given back before anything is drawn.
      // Its width is held, as the page scrolling for that moment would take a scrollbar's width from it (Firefox).
      const given = element.style.cssText;
      element.style.setProperty('width', `${element.getBoundingClientRect().width}px`, 'important');
      element.style.setProperty('height', 'auto', 'important');
      height = element.getBoundingClientRect().height;
      element.style.cssText = given;
    } else if (base) {
      height += extent(base);
      for (const child of base.children) {
        if (!/auto|scroll/.test(getComputedStyle(child).overflowY)) continue;
        // What scrolls is as tall as the room it is given: it counts at its content's length instead.
        const overflowing = child.scrollHeight > child.clientHeight + 1;
        height += (overflowing ? child.scrollHeight : extent(child)) - child.clientHeight;
      }
    } else if (root && [...root.children].some((child) => child.localName === 'slot')) {
      // The page's own list, shown while the element reads it or loads the part that draws it: a moment's state,
      // whose height would only make the host page jump; the element's own follows.
      return 0;
    } else {
      // Loading or an error, or the page's own list with no element to read it (its script did not load).
      const shown = [...(root ? root.children : element.children)].flatMap((child) =>
        child instanceof HTMLSlotElement ? child.assignedElements() : [child],
      );
      const boxes = shown.map((child) => child.getBoundingClientRect()).filter((box) => box.height > 0);
      if (boxes.length)
        height += Math.max(...boxes.map((box) => box.bottom)) - Math.min(...boxes.map((box) => box.top));
    }
    return element.offsetTop + height;
  }

  let element = config.generic ? null : document.querySelector<HTMLElement>('date-line');
  let reported = 0;
  let frame: ReturnType<typeof setTimeout> | undefined;
  /** Posts the height in every format, when it has changed (or when asked). */
  const report = (always = false) => {
    const height = Math.ceil(contentHeight(element));
    if (!height || (height === reported && !always)) return;
    reported = height;
    post({ type: 'date-line:height', height });
    post({ sentinel: 'amp', type: 'embed-size', height });
    post(JSON.stringify({ src: location.href, context: 'iframe.resize', height }));
    if (secret) post({ message: 'height', value: height, secret });
  };
  // A change settles before it is reported, so that a host never takes the height of a state in between (a list
  // about to become an axis): a quiet moment, the next animation frame (in which the element takes up a new width:
  // until then, a list 1280 px wide is a state in between), then the element's update. A timer bounds the wait for
  // that frame, which a browser may hold back in a frame it does not draw.
  let settling = 0;
  const schedule = () => {
    clearTimeout(frame);
    const round = ++settling;
    frame = setTimeout(() => {
      const settle = () => {
        clearTimeout(fallback);
        if (round !== settling) return;
        // Once per round: the frame and the timer may both come.
        settling++;
        const updated = (element as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
        if (updated) void updated.then(() => report());
        else report();
      };
      const fallback = setTimeout(settle, 1000);
      requestAnimationFrame(settle);
    }, 100);
  };
  const selected = () => element?.getAttribute('selected') ?? null;

  window.addEventListener('message', (event: MessageEvent) => {
    if (!framed || event.source !== window.parent) return;
    const data = event.data as { type?: unknown; event?: unknown; message?: unknown; secret?: unknown } | null;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'date-line:host' || (data.message === 'ready' && secret && data.secret === secret)) {
      // A host that has just started listening: it hears the height, and the open event, now.
      report(true);
      if (data.type === 'date-line:host') post({ type: 'date-line:state', event: selected() });
    } else if (data.type === 'date-line:goto' && element) {
      const id = data.event;
      if (typeof id === 'string' && id.length <= 256) open(element, id);
      else if (id === null) (element as HTMLElement & { select?(id: null): boolean }).select?.(null);
    }
  });

  new ResizeObserver(schedule).observe(document.body);
  void (async () => {
    if (config.generic) element = await makeElement();
    const id = params.get('event');
    if (element && id && id.length <= 256) open(element, id);
    if (element) {
      element.addEventListener('date-line-select', (event) => {
        const detail = (event as CustomEvent<{ id: string | null }>).detail;
        // After any other listener has had its say: a cancelled selection is no change.
        queueMicrotask(() => event.defaultPrevented || post({ type: 'date-line:state', event: detail.id }));
      });
      await customElements.whenDefined('date-line');
      new MutationObserver(schedule).observe(element.shadowRoot ?? element, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      // Pictures change the height as they arrive; their load events stay inside the shadow root.
      (element.shadowRoot ?? element).addEventListener('load', schedule, true);
      new ResizeObserver(schedule).observe(element);
    }
    void document.fonts?.ready.then(schedule);
    schedule();
  })();
}
