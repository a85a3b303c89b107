/** What the first-view and cls modes record about where they ran: Chromium, the commit, the machine's load. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

export function chromiumVersion(chromium) {
  return execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** The short commit of `root`, with "+changes" when the working tree differs from it (bench/ excluded). */
export function gitCommit(root) {
  try {
    const commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--', '.', ':!bench'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return null;
  }
}

export function machineInfo() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Share of all cores' time that was busy over `ms`. */
async function cpuBusy(ms) {
  const total = (sample) =>
    sample.reduce(
      (sum, cpu) => {
        const all = Object.values(cpu.times).reduce((a, b) => a + b, 0);
        return { all: sum.all + all, idle: sum.idle + cpu.times.idle };
      },
      { all: 0, idle: 0 },
    );
  const before = total(cpus());
  await sleep(ms);
  const after = total(cpus());
  const all = after.all - before.all;
  return all > 0 ? 1 - (after.idle - before.idle) / all : 0;
}

/**
 * As the default mode does before each run: wait up to `maxMs` for the CPU to be under 25 % busy, and say how
 * busy it was and the load average, for the JSON.
 */
export async function waitForIdle(maxMs) {
  const deadline = Date.now() + maxMs;
  let busy = await cpuBusy(500);
  while (busy > 0.25 && Date.now() < deadline) busy = await cpuBusy(1000);
  return { cpuBusyBefore: Math.round(busy * 100) / 100, loadAverage: Math.round(loadavg()[0] * 100) / 100 };
}

/** How loaded the machine was as a mode's runs started (each run's `machine`, from waitForIdle). */
export function machineSummary(results) {
  const measured = results.filter((r) => r.machine).map((r) => r.machine);
  const load = measured.map((m) => m.loadAverage).sort((a, b) => a - b);
  return {
    loadAverageMedian: load[Math.floor(load.length / 2)] ?? null,
    loadAverageMax: load.at(-1) ?? null,
    runsStartedBusy: measured.filter((m) => m.cpuBusyBefore > 0.25).length,
    runsMeasured: measured.length,
  };
}
