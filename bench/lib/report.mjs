/**
 * The Markdown report: one table per N (medians with min–max, ratios to the floor), then date-line against
 * the targets of issue 8.
 */

export const LABELS = {
  floor: 'plain `<ol>` (floor)',
  'date-line': 'date-line',
  'vis-timeline': 'vis-timeline 8.5.4',
  timelinejs: 'TimelineJS 3.9.11',
};

const LAYOUTS = {
  scroll: 'list (page scroll)',
  axis: 'axis (drag, ctrl+wheel, API zoom)',
  timenav: 'slides + time nav (drag, zoom buttons)',
};

const group = (value) => Math.round(value).toLocaleString('en-US');

/** Milliseconds: whole numbers from 100 up, one decimal below. */
const ms = (value) => (value >= 100 ? group(value) : value.toFixed(1));
const mb = (value) => value.toFixed(1);
const kb = (value) => (value >= 100 ? group(value) : value.toFixed(1));

/** "median (min–max)", or just the median when every run agreed. */
function spread(stat, format) {
  if (!stat) return '–';
  const [median, min, max] = [format(stat.median), format(stat.min), format(stat.max)];
  return min === max ? median : `${median} (${min}–${max})`;
}

function ratio(stat, floor) {
  if (!stat || !floor || !floor.median) return '';
  const value = stat.median / floor.median;
  const text =
    value >= 10
      ? Math.round(value)
      : value >= 2
        ? value.toFixed(1)
        : value >= 0.1
          ? value.toFixed(2)
          : value.toPrecision(1);
  return ` ×${text}`;
}

function layout(summary) {
  if (summary.library === 'date-line' && summary.interaction === 'scroll') return 'list layout (no zoom yet)';
  return LAYOUTS[summary.interaction] ?? '–';
}

function status(summary) {
  if (summary.ok === summary.runs) return null;
  const parts = [];
  if (summary.timeouts) parts.push(`${summary.timeouts} timed out`);
  if (summary.errors) parts.push(`${summary.errors} failed`);
  if (summary.skipped) parts.push(`${summary.skipped} skipped`);
  return parts.join(', ');
}

export function markdownTables(summaries, sizes) {
  const lines = [];
  for (const n of sizes) {
    const rows = summaries.filter((summary) => summary.n === n);
    if (!rows.length) continue;
    const floor = rows.find((summary) => summary.library === 'floor' && summary.ok)?.metrics;
    lines.push(`### N = ${group(n)}`, '');
    lines.push(
      '| library | layout | rendered ms | ×floor | DOM elements | JS heap MB | JS+CSS kB gz | frame ms median / p95 | long tasks in pan/zoom | longest load task ms | 3rd-party requests |',
      '| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
    );
    for (const summary of rows) {
      const name = LABELS[summary.library] ?? summary.library;
      const problem = status(summary);
      if (!summary.ok) {
        const why = summary.messages.length ? `: ${summary.messages.join('; ')}` : '';
        lines.push(`| ${name} | – | ${problem}${why} | | | | | | | | |`);
        continue;
      }
      const m = summary.metrics;
      const isFloor = summary.library === 'floor';
      // No frame figures: the pan and zoom passed the time limit (then later runs leave it out).
      const unfinished = summary.partial ? `did not finish: ${summary.messages.join('; ')}` : 'not measured';
      const frames = m.frameP95 ? `${spread(m.frameMedian, ms)} / ${spread(m.frameP95, ms)}` : unfinished;
      const longTasks = !m.frameP95
        ? '–'
        : m.longTasks === null
          ? 'n/a'
          : m.longTasks.max === 0
            ? '0'
            : `${spread(m.longTasks, group)}, max ${ms(m.longTaskMax.max)} ms`;
      lines.push(
        '| ' +
          [
            name + (problem ? ` (${problem})` : ''),
            layout(summary),
            spread(m.rendered, ms),
            isFloor ? '1' : ratio(m.rendered, floor?.rendered).trim(),
            spread(m.elements, group) + (isFloor || !m.elements ? '' : ratio(m.elements, floor?.elements)),
            spread(m.heapMB, mb) + (isFloor || !m.heapMB ? '' : ratio(m.heapMB, floor?.heapMB)),
            isFloor ? '0' : spread(m.codeKB, kb),
            frames,
            longTasks,
            m.loadLongTaskMax ? spread(m.loadLongTaskMax, ms) : '–',
            m.external.max ? `${spread(m.external, group)} (${summary.externalHosts.join(', ')}, blocked)` : '0',
          ].join(' | ') +
          ' |',
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The targets of issue 8, checked against date-line's medians. `null` where the row was not measured. */
export function targetChecks(summaries) {
  const find = (library, n) =>
    summaries.find((summary) => summary.library === library && summary.n === n && summary.ok);
  const checks = [];
  const add = (target, measured, pass) => checks.push({ target, measured, pass });

  const d4 = find('date-line', 4);
  const f4 = find('floor', 4);
  if (d4 && f4) {
    const value = d4.metrics.rendered.median / f4.metrics.rendered.median;
    add('N = 4: rendered within 1.3× of the floor', `×${value.toFixed(2)}`, value <= 1.3);
  }
  const d10k = find('date-line', 10_000);
  const f10k = find('floor', 10_000);
  if (d10k) {
    const m = d10k.metrics;
    if (f10k) {
      const [mine, floor] = [m.rendered.median, f10k.metrics.rendered.median];
      add('N = 10,000: rendered faster than the floor', `${ms(mine)} vs ${ms(floor)} ms`, mine < floor);
    }
    const p95 = m.frameP95?.median;
    const p95Text = p95 === undefined ? 'pan and zoom not measured' : `${ms(p95)} ms`;
    add('N = 10,000: p95 frame ≤ 17 ms while panning and zooming', p95Text, p95 <= 17);
    if (m.longTasks) {
      add(
        'N = 10,000: no long task over 50 ms while panning and zooming',
        `${group(m.longTasks.max)} (longest ${ms(m.longTaskMax.max)} ms)`,
        m.longTasks.max === 0,
      );
    }
    if (m.elements) add('N = 10,000: DOM elements under 3,000', group(m.elements.median), m.elements.median < 3000);
    if (m.heapMB) add('N = 10,000: JS heap after GC under 10 MB', `${mb(m.heapMB.median)} MB`, m.heapMB.median < 10);
  }
  const d100k = summaries.find((summary) => summary.library === 'date-line' && summary.n === 100_000);
  if (d100k) {
    add('N = 100,000: renders', d100k.ok ? `${d100k.ok}/${d100k.runs} runs` : status(d100k), d100k.ok === d100k.runs);
    if (d100k.ok) {
      const p95 = d100k.metrics.frameP95?.median;
      const p95Text = p95 === undefined ? 'pan and zoom not measured' : `${ms(p95)} ms`;
      add('N = 100,000: p95 frame ≤ 33 ms', p95Text, p95 <= 33);
    }
  }
  // The budget is for the file an article's script tag loads; chunks it loads on demand are shown beside it.
  const any = summaries.find((summary) => summary.library === 'date-line' && summary.ok);
  if (any?.scriptTagKB) {
    const size = any.scriptTagKB;
    const total = any.metrics.codeKB.max;
    const more = total > size ? ` (${kb(total)} kB with what it loads on demand)` : '';
    add('script-tag file ≤ 25 kB gzip', `${kb(size)} kB${more}`, size <= 25);
  }
  return checks;
}

export function markdownTargets(checks) {
  if (!checks.length) return '';
  const lines = [
    '### date-line against the targets of issue 8',
    '',
    '| target | measured | met |',
    '| --- | --- | --- |',
  ];
  for (const check of checks) lines.push(`| ${check.target} | ${check.measured} | ${check.pass ? 'yes' : '**no**'} |`);
  return lines.join('\n') + '\n';
}
