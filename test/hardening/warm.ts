/**
 * Loads the axis module (and date-fns behind it) before a file's tests. Through the dev server, the axis is
 * dozens of small modules: on a busy machine the first load can take longer than one test's timeout, and
 * whichever test happened to come first would fail for it. The element imports the same URL, so it then finds
 * the module ready.
 */
export function warmAxis(): void {
  before(async function () {
    this.timeout(60_000);
    await import('../../src/view/axis/axis.js');
  });
}
