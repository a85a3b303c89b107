/**
 * From raw runs to the figures the table shows: per run (one number per metric), then per library and N
 * (median with min and max over the runs that rendered).
 */

/** Quantile by linear interpolation between closest ranks (what spreadsheets and numpy do by default). */
export function quantile(values, q) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export const median = (values) => quantile(values, 0.5);

const isHarnessFile = (path) => path.startsWith('/bench/pages/') || path.startsWith('/bench-data/');

/** One number per metric for one successful run. */
export function runMetrics(run) {
  const library = run.served.filter((entry) => entry.status === 200 && !isHarnessFile(entry.path));
  const code = library.filter((entry) => entry.type === 'text/javascript' || entry.type === 'text/css');
  const assets = library.filter((entry) => !code.includes(entry));
  const data = run.served.filter((entry) => entry.path.startsWith('/bench-data/'));
  const sum = (entries, key) => entries.reduce((total, entry) => total + entry[key], 0);

  const rendered = run.timing.rendered;
  const loadTasks = run.loadLongTasks ? run.loadLongTasks.filter((task) => task.start < rendered) : null;
  // A partial run, or one after it, has no pan and zoom: frame figures are null, not zero.
  const { deltas = [], longTasks = null } = run.interaction ?? {};
  return {
    rendered,
    signal: run.timing.signal,
    raf: run.timing.raf,
    elements: run.elements ?? null,
    heapMB: run.heapUsed === undefined ? null : run.heapUsed / 1e6,
    codeKB: sum(code, 'gzipBytes') / 1000,
    codeFiles: Object.fromEntries(code.map((entry) => [entry.path, entry.gzipBytes])),
    assetKB: sum(assets, 'gzipBytes') / 1000,
    dataKB: sum(data, 'sent') / 1000,
    external: run.external.length,
    externalHosts: [...new Set(run.external.map((url) => new URL(url).host))],
    loadLongTaskMax: loadTasks ? Math.max(0, ...loadTasks.map((task) => task.duration)) : null,
    loadBlocking: loadTasks ? loadTasks.reduce((total, task) => total + Math.max(0, task.duration - 50), 0) : null,
    interaction: run.timing.info.interaction,
    interactionError: run.interaction?.error ?? null,
    frames: deltas.length,
    frameMedian: median(deltas),
    frameP95: quantile(deltas, 0.95),
    frameMax: deltas.length ? Math.max(...deltas) : null,
    longTasks: longTasks ? longTasks.length : null,
    longTaskMax: longTasks ? Math.max(0, ...longTasks.map((task) => task.duration)) : null,
  };
}

const NUMERIC = [
  'rendered',
  'signal',
  'raf',
  'elements',
  'heapMB',
  'codeKB',
  'assetKB',
  'dataKB',
  'external',
  'loadLongTaskMax',
  'loadBlocking',
  'frames',
  'frameMedian',
  'frameP95',
  'frameMax',
  'longTasks',
  'longTaskMax',
];

/** Median, min and max of each metric over the runs of one library at one N that rendered. */
export function summarize(library, n, runs) {
  const ok = runs.filter((run) => run.metrics).map((run) => run.metrics);
  const summary = {
    library,
    n,
    runs: runs.length,
    ok: ok.length,
    partial: runs.filter((run) => run.status === 'partial').length,
    timeouts: runs.filter((run) => run.status === 'timeout').length,
    errors: runs.filter((run) => run.status === 'error').length,
    skipped: runs.filter((run) => run.status === 'skipped').length,
    messages: [...new Set(runs.map((run) => run.message).filter(Boolean))],
    interaction: ok[0]?.interaction ?? null,
    interactionErrors: [...new Set(ok.map((metrics) => metrics.interactionError).filter(Boolean))],
    pageErrors: [...new Set(runs.flatMap((run) => run.pageErrors ?? []))],
    codeFiles: ok[0]?.codeFiles ?? {},
    // gzip kB of date-line's script-tag file, for the size budget.
    scriptTagKB: ok[0]?.codeFiles['/dist/date-line.bundled.js'] / 1000 || null,
    externalHosts: [...new Set(ok.flatMap((metrics) => metrics.externalHosts))],
    metrics: {},
  };
  for (const key of NUMERIC) {
    const values = ok.map((metrics) => metrics[key]).filter((value) => value !== null && value !== undefined);
    summary.metrics[key] = values.length
      ? { median: median(values), min: Math.min(...values), max: Math.max(...values) }
      : null;
  }
  return summary;
}
