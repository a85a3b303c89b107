/**
 * `dist/embed-host.js`: an optional script for pages that show date-line timelines in iframes (the snippet of
 * `date-line html --iframe`, marked `data-date-line`) and allow a script of their own. Without it a frame keeps the
 * height its snippet gives it and scrolls its events inside; with it:
 *
 * - each frame takes the height of its content, and follows it (a wider window, an event opened, a picture loaded);
 * - the frame's deep links join the host page's address: opening an event in the frame with id `apollo` makes the
 *   address `#apollo/<event id>` (history.replaceState: no new history entry), and an address with such a hash,
 *   when the page opens or when the hash changes, opens that event in that frame and scrolls the frame into view.
 *
 * It listens only to the frames it manages, matched by `event.source`, and only from their own origin (`"null"`
 * only for a frame sandboxed without `allow-same-origin`, whose origin is opaque), so another frame or window that
 * posts the same messages changes nothing, and two frames on a page keep their own heights and links. It replaces
 * the hash only when it is empty or one of its frames' links: a hash the page uses for itself is left alone.
 *
 * A classic script or a module alike (no imports, no exports, nothing global):
 * `<script src="https://unpkg.com/date-line@0/dist/embed-host.js" async></script>`.
 */
(() => {
  /** The frames this script manages, and whether each has spoken yet. */
  const frames = new Map<HTMLIFrameElement, { spoken: boolean }>();

  /** The origin the frame's page has: its address's, or opaque ("null") when sandboxed without same-origin. */
  const opaque = (frame: HTMLIFrameElement) =>
    frame.hasAttribute('sandbox') && !frame.sandbox.contains('allow-same-origin');
  const originOf = (frame: HTMLIFrameElement) => {
    try {
      return new URL(frame.src, location.href).origin;
    } catch {
      return '';
    }
  };
  const send = (frame: HTMLIFrameElement, message: unknown) =>
    frame.contentWindow?.postMessage(message, opaque(frame) ? '*' : originOf(frame));

  /** The hash's prefix for a frame's links: `#<frame id>/`. */
  const prefix = (frame: HTMLIFrameElement) => `#${encodeURIComponent(frame.id)}/`;

  /** The managed frame the host's address links into, and the event it names. */
  function linked(): { frame: HTMLIFrameElement; event: string } | undefined {
    for (const frame of frames.keys()) {
      if (!frame.id || !location.hash.startsWith(prefix(frame))) continue;
      try {
        return { frame, event: decodeURIComponent(location.hash.slice(prefix(frame).length)) };
      } catch {
        return undefined; // a hash that does not decode names nothing
      }
    }
    return undefined;
  }

  /** Asks a frame to open the event the address names, if it names one of that frame's. */
  function follow(frame: HTMLIFrameElement): void {
    const link = linked();
    if (link?.frame === frame) send(frame, { type: 'date-line:goto', event: link.event });
  }

  /** Tells a frame a host is listening (it answers with its height and open event), and what the address opens. */
  function greet(frame: HTMLIFrameElement): void {
    send(frame, { type: 'date-line:host' });
    follow(frame);
  }

  /** Whether the frame the address opened with has been brought into view (once, as the page opens). */
  let arrived = false;

  function manage(frame: HTMLIFrameElement): void {
    if (frames.has(frame)) return;
    frames.set(frame, { spoken: false });
    frame.addEventListener('load', () => greet(frame));
    // It may have loaded already; one still on its first, empty document waits for its load event.
    if (frame.contentDocument?.URL !== 'about:blank') greet(frame);
    // An address that links into a frame below the fold brings it into view (and a lazy frame starts loading).
    if (!arrived && linked()?.frame === frame) {
      arrived = true;
      frame.scrollIntoView({ block: 'start' });
    }
  }

  /** Sets a frame's height so that its page, inside its border and padding, is `height` px tall. */
  function resize(frame: HTMLIFrameElement, height: number): void {
    const style = getComputedStyle(frame);
    const extra =
      style.boxSizing === 'border-box'
        ? frame.offsetHeight - frame.clientHeight + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom)
        : 0;
    frame.style.height = `${Math.ceil(height + extra)}px`;
  }

  /** Puts a frame's open event in the host's address (or takes it out), unless the hash is the page's own. */
  function link(frame: HTMLIFrameElement, event: string | null): void {
    if (!frame.id) return;
    const hash = location.hash;
    const current = linked();
    if (hash.length > 1 && !current) return;
    const next = event === null ? '' : `${prefix(frame)}${encodeURIComponent(event)}`;
    // Closing an event clears the address only if it links into this frame.
    if (event === null && current?.frame !== frame) return;
    if (next !== hash) history.replaceState(history.state, '', `${location.pathname}${location.search}${next}`);
  }

  addEventListener('message', (message: MessageEvent) => {
    let frame: HTMLIFrameElement | undefined;
    for (const candidate of frames.keys()) if (candidate.contentWindow === message.source) frame = candidate;
    if (!frame || (message.origin !== originOf(frame) && !(message.origin === 'null' && opaque(frame)))) return;
    const data = message.data as { type?: unknown; height?: unknown; event?: unknown } | null;
    if (!data || typeof data !== 'object') return;
    const state = frames.get(frame)!;
    if (!state.spoken) {
      // Its first word: it is listening now, whatever it missed before.
      state.spoken = true;
      follow(frame);
    }
    if (data.type === 'date-line:height' && typeof data.height === 'number' && data.height > 0 && data.height < 1e6)
      resize(frame, data.height);
    else if (data.type === 'date-line:state' && (typeof data.event === 'string' || data.event === null))
      link(frame, data.event);
  });

  addEventListener('hashchange', () => {
    const current = linked();
    if (!current) return;
    current.frame.scrollIntoView({ block: 'nearest' });
    follow(current.frame);
  });

  let pending = 0;
  const scan = () => {
    pending = 0;
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-date-line]')) manage(frame);
  };
  scan();
  // Frames a page adds later (a CMS that renders its embeds, a single-page app).
  new MutationObserver(() => (pending ||= requestAnimationFrame(scan))).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
