import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** One rebuild of every projection, as `oversight rebuild` reported it. */
export interface RebuildRun {
  events: number;
  seconds: number;
}

const oversight = fileURLToPath(new URL('../bin/oversight.js', import.meta.url));

/**
 * Rebuilds every projection of the store at `url` with the product's own command,
 * `oversight rebuild --json`, in a fresh process each time, as an operator (or a server start
 * that finds a projection stale) runs it: not in the process that has just generated the data
 * set, whose heap still carries that work. The time is the command's own, from the first read
 * of the log to the commit; the process start and the migration check are not counted.
 */
export async function rebuildWithTheCommand(url: string): Promise<RebuildRun> {
  const child = spawn(process.execPath, [oversight, 'rebuild', '--json'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`oversight rebuild failed (exit ${code})`);
  const reports = JSON.parse(out) as { events: number; milliseconds: number }[];
  const [first] = reports;
  if (!first) throw new Error('oversight rebuild reported no projection');
  return { events: first.events, seconds: first.milliseconds / 1000 };
}

/** The run with the median time (the lower middle one of an even number). */
export function medianRun(runs: readonly RebuildRun[]): RebuildRun {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error('no rebuild was run');
  return median;
}
