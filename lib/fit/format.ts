/**
 * Small formatters so every reason reads the same way: "micro tier — in your 10k–100k range: +20/20".
 */
import type { CriterionResult, FitResult } from './score';

/** Points without needless decimals: 20 → "20", 12.5 → "12.5", 6.666… → "6.7". */
export function formatNumberOfPoints(points: number): string {
  return String(Math.round(points * 10) / 10);
}

/** Points earned out of possible: "+20/20", "+12.5/25", "0/25". */
export function formatPoints(earned: number, possible: number): string {
  const e = formatNumberOfPoints(earned);
  return `${earned > 0 && e !== '0' ? '+' : ''}${e}/${formatNumberOfPoints(possible)}`;
}

/** A fraction as a percentage with at most two decimals: 0.011 → "1.1%", 0.02 → "2%", 0.0054 → "0.54%". */
export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  const digits = Math.abs(pct) >= 10 ? 1 : 2;
  return `${String(Number(pct.toFixed(digits)))}%`;
}

/** A follower count in the short form marketers use: 10000 → "10k", 45200 → "45.2k", 2500000 → "2.5M". */
export function formatCompact(n: number): string {
  const units: Array<[number, string]> = [
    [1e3, 'k'],
    [1e6, 'M'],
    [1e9, 'B'],
  ];
  if (Math.abs(n) < 1e3) return String(Math.round(n));
  for (let i = 0; i < units.length; i++) {
    const [size, unit] = units[i]!;
    const next = units[i + 1];
    if (next && Math.abs(n) >= next[0]) continue;
    const v = n / size;
    // One decimal below 100 ("45.2k"), none above ("250k").
    const shown = Number(v.toFixed(Math.abs(v) < 100 ? 1 : 0));
    // 999,950 would round to "1000k": say "1M" instead.
    if (Math.abs(shown) >= 1000 && next) return `${String(Number((n / next[0]).toFixed(1)))}${next[1]}`;
    return `${String(shown)}${unit}`;
  }
  return String(Math.round(n));
}

/** A whole number with thousands separators: 9950 → "9,950". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** US dollars without cents: 1200 → "$1,200". */
export function formatUsd(n: number): string {
  return `$${formatCount(n)}`;
}

/** A list in words: ["a"] → "a"; ["a", "b"] → "a or b"; ["a", "b", "c"] → "a, b or c". */
export function formatList(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]!}`;
}

/**
 * One breakdown line: "micro tier — in your 10k–100k range: +20/20", "engagement unknown — likes are hidden: ?/25
 * (not counted)", "Budget: not set".
 */
export function formatReason(c: CriterionResult): string {
  switch (c.status) {
    case 'met':
    case 'partial':
    case 'missed':
      // Words to avoid carry no points: a clean check is just its reason.
      return c.possible > 0 || c.id !== 'avoid' ? `${c.reason}: ${formatPoints(c.earned, c.possible)}` : c.reason;
    case 'unknown':
      return c.possible > 0
        ? `${c.reason}: ?/${formatNumberOfPoints(c.possible)} (not counted)`
        : `${c.reason} (not counted)`;
    case 'disqualifies':
      return `${c.reason}: rules this creator out`;
    case 'not-set':
      return `${c.label}: not set (${c.reason})`;
  }
}

/** The share of the points resting on known data, in words: "80% of the points rest on known data". */
export function formatCoverage(coverage: number): string {
  return `${String(Math.round(coverage * 100))}% of the points rest on known data`;
}

/** The headline: "72/100 · 80% of the points rest on known data", or why there is no score or it is 0. */
export function formatScore(result: FitResult): string {
  if (result.disqualified) return `0/100 — ruled out: ${result.disqualified.reason}`;
  if (result.score === null) {
    return result.setPossible > 0
      ? 'no score — nothing this campaign asks for could be judged on this page'
      : 'no score — this campaign sets no criteria';
  }
  return `${String(result.score)}/100 · ${formatCoverage(result.coverage)}`;
}
