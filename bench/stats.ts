/** Summaries of repeated measurements: the median and the spread, never a single run. */

export interface Summary {
  /** Number of samples. */
  n: number;
  median: number;
  min: number;
  max: number;
  /** First and third quartiles (linear interpolation). */
  q1: number;
  q3: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? NaN;
  const b = sorted[hi] ?? NaN;
  return a + (b - a) * (pos - lo);
}

/** The median, quartiles and extremes of the samples (which must not be empty). */
export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarise');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, returning each run's wall time in milliseconds. */
export async function timeRuns(
  runs: number,
  fn: (run: number) => unknown,
  { warmup = 1, before }: { warmup?: number; before?: (run: number) => unknown } = {},
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = -warmup; i < runs; i++) {
    await before?.(i);
    const start = performance.now();
    await fn(i);
    const elapsed = performance.now() - start;
    if (i >= 0) samples.push(elapsed);
  }
  return samples;
}
