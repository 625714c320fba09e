/**
 * Compares a creator's engagement with the published benchmark for their follower band: below, typical or above,
 * with the ratio and the source text. The sources average engagement per post, so the creator's figure compared
 * is always their mean rate (the median is shown beside it in the engagement section).
 */
import type { CountField, Platform } from '../reading';
import { benchmarksFor, citation, type BenchmarkMetric, type BenchmarkRow } from './benchmarks';
import type { Engagement, Rate } from './engagement';
import { formatCount, formatPercent, formatRatio } from './numbers';

/**
 * Within 0.75×–1.33× of the benchmark (a quarter below to a third above, i.e. symmetric as a ratio) is "typical".
 * Our threshold, not a published one.
 */
export const TYPICAL_BAND = {
  low: 0.75,
  high: 4 / 3,
  text: '0.75×–1.33× the benchmark (our threshold)',
} as const;

export type Verdict = 'below' | 'typical' | 'above';

/** One benchmark row set against the creator's matching rate. */
export interface Comparison {
  row: BenchmarkRow;
  /** The text the UI shows as the benchmark's source. */
  citation: string;
  /** The creator's figure compared (their mean rate), or null when it is not available. */
  ours: { rate: Rate['id']; label: string; value: number } | null;
  /** ours ÷ benchmark. */
  ratio: number | null;
  /** Null when there is no figure of ours, or the row is context only. */
  verdict: Verdict | null;
  /** The comparison in one sentence. */
  text: string;
}

export interface BenchmarkResult {
  status: 'compared' | 'unavailable';
  /** The verdict from the platform's primary row, when there is one. */
  headline: Comparison | null;
  comparisons: Comparison[];
  /** Why there is no headline verdict. */
  reason: string | null;
  /** Set when the follower count is rounded and its range reaches into another band. */
  bandNote: string | null;
  typicalBand: typeof TYPICAL_BAND;
}

/** The verdict for a ratio to the benchmark. */
export function verdictFor(ratio: number): Verdict {
  if (ratio < TYPICAL_BAND.low) return 'below';
  if (ratio > TYPICAL_BAND.high) return 'above';
  return 'typical';
}

function rateFor(metric: BenchmarkMetric, engagement: Engagement): Rate {
  return metric === 'like-rate' ? engagement.likeRate : engagement.byFollowers;
}

/** Sets one benchmark row against the creator's rate for the same metric. */
export function compareRow(row: BenchmarkRow, engagement: Engagement): Comparison {
  const rate = rateFor(row.metric, engagement);
  const cite = citation(row);
  const benchmarkText = `the ${row.statistic} for ${row.band.text} (${row.valueText}, ${row.source})`;
  if (rate.status !== 'ok' || rate.mean === null) {
    return {
      row,
      citation: cite,
      ours: null,
      ratio: null,
      verdict: null,
      text: `No comparison with ${benchmarkText}: ${rate.label.toLowerCase()} — ${rate.reason ?? 'not available'}`,
    };
  }
  const ours = {
    rate: rate.id,
    label: `${rate.label} (mean)`,
    value: rate.mean,
  };
  const ratio = rate.mean / row.value;
  const verdict = row.forVerdict ? verdictFor(ratio) : null;
  const outcome = verdict ? `: ${verdict}` : ` — for context only (${row.caveat ?? 'not a creator benchmark'})`;
  return {
    row,
    citation: cite,
    ours,
    ratio,
    verdict,
    text: `${ours.label} ${formatPercent(rate.mean)} is ${formatRatio(ratio)} ${benchmarkText}${outcome}`,
  };
}

/** Compares the creator's engagement with every benchmark row for their platform and follower count. */
export function compareToBenchmarks(engagement: Engagement, followers: CountField): BenchmarkResult {
  const empty = {
    headline: null,
    comparisons: [],
    bandNote: null,
    typicalBand: TYPICAL_BAND,
  };
  if (followers.status !== 'known') {
    return {
      status: 'unavailable',
      ...empty,
      reason: 'the follower count was not read, so no band can be chosen',
    };
  }
  const platform: Platform = engagement.platform;
  const rows = benchmarksFor(platform, followers.value);
  const comparisons = rows.map((row) => compareRow(row, engagement));
  const ids = (n: number) =>
    benchmarksFor(platform, n)
      .map((r) => r.id)
      .join();
  const bandNote =
    ids(followers.min) !== ids(followers.value) || ids(followers.max) !== ids(followers.value)
      ? `"${followers.text}" is rounded and its range reaches into another benchmark band; the band is taken from ${formatCount(followers.value)}`
      : null;
  const primary = comparisons.find((c) => c.row.primary);
  if (!primary) {
    const reason =
      rows.length > 0
        ? `no published creator benchmark for ${platform} at this size; the figures shown are for context only`
        : `no published benchmark for ${platform} covers this follower count`;
    return {
      status: 'unavailable',
      headline: null,
      comparisons,
      reason,
      bandNote,
      typicalBand: TYPICAL_BAND,
    };
  }
  if (primary.verdict === null) {
    return {
      status: 'unavailable',
      headline: null,
      comparisons,
      reason: primary.text,
      bandNote,
      typicalBand: TYPICAL_BAND,
    };
  }
  return {
    status: 'compared',
    headline: primary,
    comparisons,
    reason: null,
    bandNote,
    typicalBand: TYPICAL_BAND,
  };
}
