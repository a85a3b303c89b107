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
