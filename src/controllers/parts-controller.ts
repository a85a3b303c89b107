import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle } from '../scheduling.js';

/** What the element needs of itself to take in a part: its updates, and its shadow root for the part's styles. */
export interface PartsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Makes one element's part from its module, which `loadOnce` fetches once per page; with the styles it brings. */
export type PartLoader<Part> = () => Promise<{ part: Part; styles: readonly CSSResult[] }>;

/**
 * The parts of the element that are loaded on demand (a layout, an open event's content, the filter panel, the
 * error box): each is fetched the first time it is wanted, its styles are adopted into the shadow root, and the
 * element updates to show it. Constructed style sheets, not a `<style>` element: a strict `style-src` Content
 * Security Policy allows them.
 */
export class PartsController<Parts extends object> implements ReactiveController {
  readonly #arrived: Partial<Parts> = {};
  readonly #arriving = new Map<keyof Parts, Promise<void>>();
  readonly #host: PartsHost;
  readonly #loaders: { readonly [Name in keyof Parts]: PartLoader<Parts[Name]> };
  readonly #early: () => (keyof Parts)[];
  /** Cancels a prefetch that has not run yet. */
  #cancelPrefetch?: () => void;

  /**
   * @param host - The element the parts belong to.
   * @param loaders - How to make each part.
   * @param early - The parts to fetch as soon as the element connects, alongside its data rather than after it.
   */
  constructor(
    host: PartsHost,
    loaders: { readonly [Name in keyof Parts]: PartLoader<Parts[Name]> },
    early: () => (keyof Parts)[],
  ) {
    this.#host = host;
    this.#loaders = loaders;
    this.#early = early;
    host.addController(this);
  }

  /** The part, once it has arrived. */
  get<Name extends keyof Parts>(name: Name): Parts[Name] | undefined {
    return this.#arrived[name];
  }

  /** Starts loading parts (each once). */
  want(...names: (keyof Parts)[]): void {
    for (const name of names) if (!this.#arriving.has(name)) this.#arriving.set(name, this.#load(name));
  }

  /**
   * Fetches parts when the page is idle, once: parts a reader may soon need (an event's content) or that cannot
   * wait when they are needed (the list, for printing).
   */
  prefetch(...names: (keyof Parts)[]): void {
    this.#cancelPrefetch ??= whenIdle(() => this.want(...names));
  }

  /** Resolves once each of these parts that has been wanted has arrived (and the element asked to show it). */
  async arrival(names: Iterable<keyof Parts>): Promise<void> {
    await Promise.all([...names].flatMap((name) => this.#arriving.get(name) ?? []));
  }

  async #load<Name extends keyof Parts>(name: Name): Promise<void> {
    const { part, styles } = await this.#loaders[name]();
    const root = this.#host.renderRoot;
    if (root instanceof ShadowRoot) {
      // Two parts may bring the same styles (the axis and the list both draw events' labels): adopted once.
      const sheets = styles
        .map((style) => style.styleSheet!)
        .filter((sheet) => sheet && !root.adoptedStyleSheets.includes(sheet));
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
    }
    this.#arrived[name] = part;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.want(...this.#early());
  }

  hostDisconnected(): void {
    this.#cancelPrefetch?.();
    this.#cancelPrefetch = undefined;
  }
}
