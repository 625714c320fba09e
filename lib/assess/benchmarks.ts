/**
 * Published engagement benchmarks by follower band, each row with its source, date and the population it
 * describes, copied from /work/shared/research/benchmarks.md. Never add a figure here without a source; a row that
 * needs a warning carries it in `caveat`, and the UI shows `citation(row)` wherever the figure is used.
 *
 * Bands are the sources' own (not our tiers): `min` inclusive, `max` exclusive, so 1,000 followers falls in
 * "1K–5K", not "0–1K". All values are fractions (0.0237 for 2.37%).
 */
import type { Platform } from '../reading';

/** What a benchmark measures: (likes + comments) ÷ followers per post, or likes ÷ followers. */
export type BenchmarkMetric = 'er-followers' | 'like-rate';

export interface BenchmarkRow {
  id: string;
  platform: Platform;
  metric: BenchmarkMetric;
  /** How the source summarised accounts in the band: their average, or their median (the typical account). */
  statistic: 'average' | 'median';
  band: { min: number; max: number | null; text: string };
  value: number;
  /** The figure as published, with its "≈" where it has one. */
  valueText: string;
  source: string;
  /** Publication date as the source gives it; null when the source states none. */
  published: string | null;
  population: string;
  where: string;
  caveat: string | null;
  /** The row a verdict is taken from for its platform (one per band); other rows are shown for context. */
  primary: boolean;
  /** False for figures that do not describe creators (brand accounts): shown, never used for a verdict. */
  forVerdict: boolean;
}

type Band = [min: number, max: number | null, text: string];

const HYPEAUDITOR = {
  platform: 'instagram',
  metric: 'er-followers',
  source: 'HypeAuditor',
  published: 'March 2018',
  population: '≈37K Instagram accounts over 90 days',
  where: 'hypeauditor.com/blog',
  caveat: null,
  forVerdict: true,
} as const;
const HYPEAUDITOR_BANDS: [Band, number, number][] = [
  [[0, 1_000, '0–1K'], 0.1058, 0.1699],
  [[1_000, 5_000, '1K–5K'], 0.0426, 0.0645],
  [[5_000, 20_000, '5K–20K'], 0.0228, 0.0376],
  [[20_000, 100_000, '20K–100K'], 0.0162, 0.0263],
  [[100_000, 1_000_000, '100K–1M'], 0.0155, 0.0257],
  [[1_000_000, null, '1M+'], 0.0154, 0.0256],
];

const MARKERLY = {
  platform: 'instagram',
  metric: 'like-rate',
  statistic: 'average',
  source: 'Markerly',
  published: 'August 2016',
  population: '≈2 million Instagram accounts, unpaid posts',
  where: 'marketingdive.com / digiday.com',
  primary: false,
  forVerdict: true,
} as const;
// No row for 100K–1M: Markerly's English coverage gives no figure there (one German secondary source says ≈1.7%).
const MARKERLY_BANDS: [Band, number, string, string | null][] = [
  [[0, 1_000, 'under 1K'], 0.08, '≈8%', 'approximate figure as reported'],
  [
    [1_000, 10_000, '1K–10K'],
    0.04,
    '4%',
    "some articles quote 4% for 10,000–100,000; Markerly's published table puts 4% at 1K–10K",
  ],
  [[10_000, 100_000, '10K–100K'], 0.0237, '2.37%', null],
  [[1_000_000, 10_000_000, '1M–10M'], 0.0166, '1.66%', null],
  [[10_000_000, null, '10M+'], 0.016, '≈1.6%', 'approximate figure from secondary sources'],
];

const MAVRCK = {
  platform: 'instagram',
  metric: 'er-followers',
  statistic: 'average',
  source: 'Mavrck via Influencer Marketing Hub',
  published: null,
  population: '35,000 posts by 6,500 influencers',
  where: 'influencermarketinghub.com',
  caveat: 'year and formula not stated; branded posts get 13–34% less engagement',
  primary: false,
  forVerdict: true,
} as const;
const MAVRCK_BANDS: [Band, number][] = [
  [[1_000, 5_000, '1K–5K'], 0.0684],
  [[5_000, 10_000, '5K–10K'], 0.04],
  [[10_000, 50_000, '10K–50K'], 0.0307],
  [[50_000, 100_000, '50K–100K'], 0.0233],
  [[100_000, 500_000, '100K–500K'], 0.0221],
];

const IMH_TIKTOK = {
  platform: 'tiktok',
  metric: 'er-followers',
  statistic: 'average',
  source: 'Influencer Marketing Hub (as cited by pentos.co)',
  published: null,
  population: 'TikTok profiles (sample size not stated)',
  where: 'pentos.co',
  caveat: 'year and formula not stated; compared with our (likes + comments) ÷ followers',
  primary: true,
  forVerdict: true,
} as const;
const IMH_TIKTOK_BANDS: [Band, number][] = [
  [[0, 10_000, '0–10K'], 0.0938],
  [[10_000, 100_000, '10K–100K'], 0.0843],
  [[100_000, 500_000, '100K–500K'], 0.0723],
  [[500_000, 1_000_000, '500K–1M'], 0.0488],
  [[1_000_000, 5_000_000, '1M–5M'], 0.0499],
  [[5_000_000, 10_000_000, '5M–10M'], 0.0335],
  [[10_000_000, null, '10M+'], 0.0307],
];

const pct = (value: number) => `${Number((value * 100).toFixed(3))}%`;
const band = ([min, max, text]: Band) => ({ min, max, text });

/** Every benchmark row, primary rows first within each platform. */
export const BENCHMARKS: readonly BenchmarkRow[] = [
  ...HYPEAUDITOR_BANDS.flatMap(([b, average, med]): BenchmarkRow[] => [
    // The median is primary: it is the typical account in the band, which "below / typical / above" is about.
    {
      ...HYPEAUDITOR,
      id: `hypeauditor-2018-median-${b[2]}`,
      statistic: 'median',
      band: band(b),
      value: med,
      valueText: pct(med),
      primary: true,
    },
    {
      ...HYPEAUDITOR,
      id: `hypeauditor-2018-average-${b[2]}`,
      statistic: 'average',
      band: band(b),
      value: average,
      valueText: pct(average),
      primary: false,
    },
  ]),
  ...MARKERLY_BANDS.map(([b, value, valueText, caveat]): BenchmarkRow => ({
    ...MARKERLY,
    id: `markerly-2016-${b[2]}`,
    band: band(b),
    value,
    valueText,
    caveat,
  })),
  ...MAVRCK_BANDS.map(([b, value]): BenchmarkRow => ({
    ...MAVRCK,
    id: `mavrck-${b[2]}`,
    band: band(b),
    value,
    valueText: pct(value),
  })),
  ...IMH_TIKTOK_BANDS.map(([b, value]): BenchmarkRow => ({
    ...IMH_TIKTOK,
    id: `imh-tiktok-${b[2]}`,
    band: band(b),
    value,
    valueText: pct(value),
  })),
  {
    id: 'influencer-hero-2024-youtube',
    platform: 'youtube',
    metric: 'er-followers',
    statistic: 'median',
    band: { min: 0, max: null, text: 'all sizes' },
    value: 0.0054,
    valueText: '0.54%',
    source: 'Influencer Hero',
    published: 'January 2024',
    population: "YouTube influencer accounts in Influencer Hero's database, all sizes",
    where: 'influencer-hero.com',
    caveat:
      'one figure for all channel sizes; the source divides engagement by views or by subscribers "depending on the ' +
      'preferred method" — we compare it with our rate by subscribers (our choice)',
    primary: true,
    forVerdict: true,
  },
  {
    id: 'rival-iq-2022-x-brands',
    platform: 'x',
    metric: 'er-followers',
    statistic: 'average',
    band: { min: 0, max: null, text: 'all sizes' },
    value: 0.00035,
    valueText: '0.035%',
    source: 'Rival IQ',
    published: '2022',
    population: 'brand accounts on X (not creators)',
    where: 'rivaliq.com',
    caveat: 'brand accounts, not creators: shown for context only, no verdict',
    primary: false,
    forVerdict: false,
  },
];

/** The source text the UI shows beside a figure: "HypeAuditor, March 2018 — ≈37K Instagram accounts … (where)". */
export function citation(row: BenchmarkRow): string {
  const when = row.published ?? 'date not stated';
  const caveat = row.caveat ? `. Note: ${row.caveat}` : '';
  return `${row.source}, ${when} — ${row.population} (${row.where}); ${row.statistic} for ${row.band.text}: ${row.valueText}${caveat}`;
}

/** True when a follower count falls in the row's band. */
export function inBand(row: BenchmarkRow, followers: number): boolean {
  return followers >= row.band.min && (row.band.max === null || followers < row.band.max);
}

/** The benchmark rows for a platform whose band contains the follower count, in table order. */
export function benchmarksFor(platform: Platform, followers: number): BenchmarkRow[] {
  return BENCHMARKS.filter((row) => row.platform === platform && inBand(row, followers));
}
