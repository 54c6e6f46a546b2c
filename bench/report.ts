import type { Measured } from './workload.js';

/** One measure across all runs: the raw figure and the ledger figure of each run, and the goal. */
export interface MeasureResult {
  label: string;
  /** Ledger rate as a fraction of the raw rate that the ledger must reach. */
  target: number;
  raw: Measured[];
  ledger: Measured[];
}

export function rate(m: Measured): number {
  return m.count / m.seconds;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const percent = (x: number) => `${(x * 100).toFixed(0)} %`;
const perSecond = (x: number) => `${integer.format(x)} /s`;

/** Median ledger rate over median raw rate. */
export function ratio(r: MeasureResult): number {
  return median(r.ledger.map(rate)) / median(r.raw.map(rate));
}

export function passes(r: MeasureResult): boolean {
  return ratio(r) >= r.target;
}

function markdown(header: string[], rows: string[][], right: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The headline table: medians, ratio, target and verdict per measure. */
export function summaryTable(results: MeasureResult[]): string {
  return markdown(
    ['measure', 'raw PostgreSQL', 'Oversight ledger', 'ratio', 'target', ''],
    results.map((r) => [
      r.label,
      perSecond(median(r.raw.map(rate))),
      perSecond(median(r.ledger.map(rate))),
      percent(ratio(r)),
      `≥ ${percent(r.target)}`,
      passes(r) ? 'PASS' : 'FAIL',
    ]),
    [false, true, true, true, true, false],
  );
}

/** Every run's figures, so the spread behind each median can be judged. */
export function runTable(results: MeasureResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    r.raw.forEach((raw, i) => {
      const ledger = r.ledger[i] as Measured;
      rows.push([
        r.label,
        String(i + 1),
        `${perSecond(rate(raw))} (${integer.format(raw.count)} in ${raw.seconds.toFixed(2)} s)`,
        `${perSecond(rate(ledger))} (${integer.format(ledger.count)} in ${ledger.seconds.toFixed(2)} s)`,
        percent(rate(ledger) / rate(raw)),
      ]);
    });
  }
  return markdown(['measure', 'run', 'raw PostgreSQL', 'Oversight ledger', 'ratio'], rows, [
    false,
    true,
    true,
    true,
    true,
  ]);
}
