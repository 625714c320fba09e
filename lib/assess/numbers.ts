/**
 * Small arithmetic and wording helpers shared by the assessment modules: averages that never return NaN, and the
 * number texts used in reasons ("2.37%", "10K", "783,427"), always in English with a fixed locale so a reason
 * reads the same wherever it is computed.
 */

/** The arithmetic mean, or null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, x) => sum + x, 0) / values.length;
}

/** The median (mean of the two middle values for an even count), or null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // Indexes are in range by construction; `?? 0` only satisfies noUncheckedIndexedAccess.
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Population standard deviation ÷ mean, or null when there are fewer than two values or the mean is 0. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2 || m === 0) return null;
  const variance = values.reduce((sum, x) => sum + (x - m) ** 2, 0) / values.length;
  return Math.sqrt(variance) / m;
}

/** `x` limited to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** A fraction as a percentage for reasons: 0.0237 → "2.37%", 0.00035 → "0.035%". */
export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  // Small rates (X brand accounts run at 0.035%) would read as "0.04%" with two decimals: keep two significant digits.
  const text = pct !== 0 && Math.abs(pct) < 0.1 ? pct.toPrecision(2) : pct.toFixed(2);
  return `${Number(text)}%`;
}

/** A whole count with thousands separators: 783427 → "783,427". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A follower threshold the way tier tables write it: 10000 → "10K", 1500000 → "1.5M", 999 → "999". */
export function formatCompact(n: number): string {
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (n >= size) return `${Number((n / size).toFixed(2))}${suffix}`;
  }
  return String(n);
}

/** A ratio for reasons: 0.5 → "0.5×", 1.3333 → "1.33×". */
export function formatRatio(ratio: number): string {
  return `${Number(ratio.toFixed(2))}×`;
}

/** Dollars for reasons: 1234.5 → "$1,235". */
export function formatDollars(n: number): string {
  return `$${Math.round(n).toLocaleString('en-US')}`;
}
