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
