// svelte-check reads a Svelte configuration; without one here it would find the root's vite.config.ts, which has none.
export default {};
