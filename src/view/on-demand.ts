import type { CSSResult, ReactiveControllerHost } from 'lit';

/** What the element needs of itself to take in a part: its updates, and its shadow root for the part's styles. */
export interface OnDemandHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * A part of the element that is loaded on demand (the axis, the filter panel): its module is fetched the first
 * time the part is wanted, its styles are adopted into the shadow root, and the element updates to show it.
 * Constructed style sheets, not a `<style>` element: a strict `style-src` Content Security Policy allows them.
 */
export class OnDemand<Module, Part> {
  /** The part, once its module has arrived. */
  value?: Part;
  /** Settles once the part has arrived (and the element has been asked to show it), from the first `want`. */
  arrived?: Promise<void>;

  readonly #host: OnDemandHost;
  readonly #load: () => Promise<Module>;
  readonly #make: (module: Module) => { part: Part; styles: readonly CSSResult[] };

  /**
   * @param host - The element the part belongs to.
   * @param load - Fetches the module (see loadOnce).
   * @param make - Makes the part from its module, with the styles it brings.
   */
  constructor(
    host: OnDemandHost,
    load: () => Promise<Module>,
    make: (module: Module) => { part: Part; styles: readonly CSSResult[] },
  ) {
    this.#host = host;
    this.#load = load;
    this.#make = make;
  }

  /** Starts loading the part, once. */
  want(): void {
    this.arrived ??= this.#load().then((module) => {
      const { part, styles } = this.#make(module);
      const root = this.#host.renderRoot;
      if (root instanceof ShadowRoot) {
        // Two parts may bring the same styles (the axis and the list both draw events' labels): adopted once.
        const sheets = styles
          .map((style) => style.styleSheet!)
          .filter((sheet) => sheet && !root.adoptedStyleSheets.includes(sheet));
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
      }
      this.value = part;
      this.#host.requestUpdate();
    });
  }
}

/**
 * A module loader that starts the fetch once per page and then hands every element the same promise: an element
 * made after the module has arrived takes it up within the same task (a second `import()` of a loaded module
 * would still wait for a task of its own, and the element would draw a placeholder first).
 */
export function loadOnce<Module>(load: () => Promise<Module>): () => Promise<Module> {
  let promise: Promise<Module> | undefined;
  return () => (promise ??= load());
}

/**
 * Runs `callback` when the main thread is idle (within 200 ms even if it never is), or in the next task where
 * the browser has no idle callbacks (Safari). Returns a function that cancels it.
 */
export function whenIdle(callback: (deadline?: IdleDeadline) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: 200 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 0);
  return () => clearTimeout(id);
}
