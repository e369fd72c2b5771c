/** Peak memory growth while a piece of work runs, for the package memory test and bench. */
export async function peakGrowth<T>(fn: () => Promise<T>): Promise<{ result: T; heapMB: number; rssMB: number }> {
  const base = process.memoryUsage();
  let heap = base.heapUsed;
  let rss = base.rss;
  // Sampled every 5 ms: a peak between two samples can be missed, never invented.
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 5);
  try {
    const result = await fn();
    const end = process.memoryUsage();
    heap = Math.max(heap, end.heapUsed);
    rss = Math.max(rss, end.rss);
    return { result, heapMB: (heap - base.heapUsed) / 1e6, rssMB: (rss - base.rss) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}
