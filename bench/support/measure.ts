/**
 * What the benchmarks report besides vitest's own table: every timed run of every path, its
 * median (p95 where asked), the peak memory while it ran, and the ratio to its reference. Each
 * file prints its table at the end and writes it as JSON beside the others (BENCH_RESULTS,
 * default a folder in the temp directory), from which docs/PERFORMANCE.md takes its figures.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Fraction of the volume: BENCH_SCALE=0.05 for a quick run. */
export const SCALE = Number(process.env.BENCH_SCALE ?? 1);
/** Timed runs of each heavy path (medians over these). */
export const RUNS = Number(process.env.BENCH_RUNS ?? 3);
export const SEED = 7;
export const scaled = (n: number) => Math.max(1, Math.round(n * SCALE));

/** A fixed number of runs, no warm-up and no extra time: each run of a heavy path is minutes at full scale. */
export const runs = (n = RUNS) => ({ iterations: n, warmupIterations: 0, time: 0, warmupTime: 0 });

export interface Peak {
  /** Highest resident set size seen, MB. */
  rssMB: number;
  /** Highest V8 heap in use, MB. */
  heapMB: number;
}

/**
 * Peak RSS and heap of this process while `fn` runs, sampled every 10 ms (a peak between two
 * samples can be missed, never invented). A collection first, so garbage of an earlier run is
 * not counted.
 */
export async function withPeak<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peak: Peak }> {
  (globalThis as { gc?: () => void }).gc?.();
  const first = process.memoryUsage();
  let rss = first.rss;
  let heap = first.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 10);
  const started = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - started;
    const end = process.memoryUsage();
    return { result, ms, peak: { rssMB: Math.max(rss, end.rss) / 1e6, heapMB: Math.max(heap, end.heapUsed) / 1e6 } };
  } finally {
    clearInterval(timer);
  }
}

interface PathRecord {
  runs: number[];
  peak: Peak;
  note?: string;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

export interface Comparison {
  path: string;
  reference: string;
  /** e.g. "≤ 3× reference" */
  target: string;
  /** Met when this returns true (given the medians in ms, path's p95 and peak); absent for a row that only informs (met: null). */
  met?(f: { pathMs: number; referenceMs: number; pathP95: number; peakRssMB: number }): boolean;
  /** Use the p95 instead of the median as the path's figure. */
  statistic?: 'median' | 'p95';
}

/** Records runs under a name; `report` prints and saves one row per comparison. */
export class Results {
  private readonly paths = new Map<string, PathRecord>();
  readonly context: Record<string, unknown> = {};

  constructor(private readonly file: string) {}

  record(name: string, ms: number, peak: Peak | null = null, note?: string): void {
    const r = this.paths.get(name) ?? { runs: [], peak: { rssMB: 0, heapMB: 0 } };
    r.runs.push(ms);
    if (peak) r.peak = { rssMB: Math.max(r.peak.rssMB, peak.rssMB), heapMB: Math.max(r.peak.heapMB, peak.heapMB) };
    if (note) r.note = note;
    this.paths.set(name, r);
  }

  /** Times `fn` with its peak memory and records it under `name`. */
  async measure<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const { result, ms, peak } = await withPeak(fn);
    this.record(name, ms, peak);
    return result;
  }

  async report(comparisons: Comparison[]): Promise<void> {
    const rows = comparisons.flatMap((c) => {
      const path = this.paths.get(c.path);
      const ref = this.paths.get(c.reference);
      if (!path) return [];
      const pathMs = median(path.runs);
      const pathP95 = percentile(path.runs, 95);
      const referenceMs = ref ? median(ref.runs) : NaN;
      const figure = c.statistic === 'p95' ? pathP95 : pathMs;
      const f = { pathMs, referenceMs, pathP95, peakRssMB: path.peak.rssMB };
      return [{
        path: c.path, reference: c.reference, runs: path.runs.length, statistic: c.statistic ?? 'median',
        pathMs: round(figure), referenceMs: round(referenceMs), ratio: round(figure / referenceMs, 2), target: c.target,
        peakRssMB: round(path.peak.rssMB), peakHeapMB: round(path.peak.heapMB), referencePeakRssMB: ref ? round(ref.peak.rssMB) : null,
        met: c.met ? c.met(f) : null, allRunsMs: path.runs.map((x) => round(x)), referenceRunsMs: ref?.runs.map((x) => round(x)) ?? [],
        note: path.note ?? null,
      }];
    });
    console.log(`\n${this.file} (scale ${SCALE})`);
    console.table(rows.map(({ allRunsMs: _a, referenceRunsMs: _b, ...r }) => r));
    const dir = process.env.BENCH_RESULTS ?? join(tmpdir(), 'taizhang-bench-results');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${this.file}.json`), JSON.stringify({ scale: SCALE, at: new Date().toISOString(), context: this.context, rows }, null, 2));
  }
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
