/**
 * A third-party player behind a facade: a button that names what it will load and from where, and, once the reader
 * presses it, the provider's iframe in the button's box (focused, so that the keyboard goes on into the player).
 *
 * The iframe is the one thing here that Lit does not render: the press puts it into the box and hides the button, so
 * the element's re-renders leave it alone, and it plays on. The box carries its item's key (`data-player`): when a
 * render gives the box another key (the panel shows another event, the story another scene), the player goes and
 * the facade is back; when the box leaves the page, the player goes with it. One player plays per root (an
 * element's shadow root): pressing a facade stops the others and pauses its video and audio files. (A Lit directive
 * would keep the state as well, but its modules, shared with the list's, would split into a chunk of their own
 * that the list then waits for.)
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MediaFrame } from '../../model/media.js';

/** What a facade shows and the iframe it becomes. */
export interface PlayerOptions {
  readonly frame: MediaFrame;
  /** The facade's visible label ("Play video from YouTube"). */
  readonly label: string;
  /** Heard after the label, for context (": The election"); hidden from sight. */
  readonly context: string;
  /** The iframe's title (WCAG H64). */
  readonly title: string;
  /** The data's own picture for the facade; without one, a neutral poster (nothing is asked of the provider). */
  readonly poster?: string;
}

/** The boxes whose player plays, each with what watches its key. */
const playing = new WeakMap<Element, MutationObserver>();

/**
 * The facade (a button) for the box it is rendered into, which must carry its item's key in `data-player`:
 * `html\`<div class="media-box" data-player=${key}>${facade(options)}</div>\``.
 */
export function facade(options: PlayerOptions): TemplateResult {
  const { poster, label, context } = options;
  return html`<button
    type="button"
    class="facade"
    @click=${(event: Event) => play(event.currentTarget as HTMLButtonElement, options)}
  >
    ${
      poster
        ? html`<img class="poster" src=${poster} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
        : nothing
    }<span class="facade-play" aria-hidden="true"></span
    ><span class="facade-label">${label}<span class="visually-hidden">${context}</span></span>
  </button>`;
}

function play(button: HTMLButtonElement, { frame, title }: PlayerOptions): void {
  const box = button.parentElement!;
  const root = box.getRootNode() as ParentNode & Node;
  stopPlayers(root);
  for (const media of root.querySelectorAll<HTMLMediaElement>('video, audio')) media.pause();
  const iframe = box.ownerDocument.createElement('iframe');
  const attributes: Record<string, string | undefined> = {
    class: 'media-frame',
    title,
    allow: frame.allow,
    sandbox: frame.sandbox,
    referrerpolicy: frame.referrerPolicy,
    loading: 'lazy',
    allowfullscreen: '',
    src: frame.src,
  };
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) iframe.setAttribute(name, value);
  button.hidden = true;
  box.append(iframe);
  const watch = new MutationObserver(() => stop(box));
  watch.observe(box, { attributeFilter: ['data-player'] });
  playing.set(box, watch);
  iframe.focus();
}

function stop(box: Element): void {
  playing.get(box)?.disconnect();
  playing.delete(box);
  box.querySelector(':scope > iframe.media-frame')?.remove();
  const button = box.querySelector<HTMLButtonElement>(':scope > .facade');
  if (button) button.hidden = false;
}

/** Stops every player in a root (an element's shadow root): their facades are back. */
export function stopPlayers(root: ParentNode): void {
  for (const box of root.querySelectorAll('[data-player]')) if (playing.has(box)) stop(box);
}
