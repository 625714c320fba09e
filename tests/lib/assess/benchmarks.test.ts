import { describe, expect, it } from 'vitest';
import { BENCHMARKS, benchmarksFor, citation, inBand } from '../../../lib/assess/benchmarks';
import { PLATFORMS } from '../../../lib/reading';

describe('benchmark table', () => {
  it('every row has a source, population, a fraction value and a sane band', () => {
    for (const row of BENCHMARKS) {
      expect(row.source.length, row.id).toBeGreaterThan(0);
      expect(row.population.length, row.id).toBeGreaterThan(0);
      expect(row.where.length, row.id).toBeGreaterThan(0);
      expect(row.value > 0 && row.value < 1, row.id).toBe(true);
      expect(row.band.max === null || row.band.min < row.band.max, row.id).toBe(true);
    }
    expect(new Set(BENCHMARKS.map((r) => r.id)).size).toBe(BENCHMARKS.length);
  });

  it('bands of one series never overlap', () => {
    const series = new Map<string, typeof BENCHMARKS>();
    for (const row of BENCHMARKS) {
      const key = `${row.platform}|${row.source}|${row.metric}|${row.statistic}`;
      series.set(key, [...(series.get(key) ?? []), row]);
    }
    for (const rows of series.values()) {
      for (const a of rows)
        for (const b of rows) if (a !== b) expect(inBand(b, a.band.min), `${a.id} in ${b.id}`).toBe(false);
    }
  });

  it('has exactly one primary row for every follower count on Instagram, TikTok and YouTube, none on X', () => {
    for (const followers of [0, 999, 1_000, 9_999, 10_000, 20_000, 99_999, 100_000, 783_400, 1_000_000, 5e7]) {
      for (const platform of PLATFORMS) {
        const primary = benchmarksFor(platform, followers).filter((r) => r.primary);
        expect(primary.length, `${platform} ${followers}`).toBe(platform === 'x' ? 0 : 1);
      }
    }
  });

  it('copies the published figures (spot checks against benchmarks.md)', () => {
    const at = (platform: 'instagram' | 'tiktok' | 'youtube' | 'x', followers: number) =>
      Object.fromEntries(
        benchmarksFor(platform, followers).map((r) => [`${r.source} ${r.statistic} ${r.metric}`, r.value]),
      );
    expect(at('instagram', 1_000)).toEqual({
      'HypeAuditor median er-followers': 0.0645,
      'HypeAuditor average er-followers': 0.0426,
      'Markerly average like-rate': 0.04,
      'Mavrck via Influencer Marketing Hub average er-followers': 0.0684,
    });
    // Markerly has no English figure for 100K–1M, so no row there.
    expect(benchmarksFor('instagram', 500_000).some((r) => r.source === 'Markerly')).toBe(false);
    expect(at('tiktok', 783_400)).toEqual({
      'Influencer Marketing Hub (as cited by pentos.co) average er-followers': 0.0488,
    });
    expect(at('youtube', 1_650_000)).toEqual({ 'Influencer Hero median er-followers': 0.0054 });
    expect(benchmarksFor('x', 10).map((r) => [r.value, r.forVerdict])).toEqual([[0.00035, false]]);
  });

  it('keeps the Markerly caveat that its 4% is at 1K–10K', () => {
    const row = benchmarksFor('instagram', 5_000).find((r) => r.source === 'Markerly');
    expect(row?.band.text).toBe('1K–10K');
    expect(row?.caveat).toMatch(/puts 4% at 1K–10K/);
  });

  it('cites source, date, population and the figure', () => {
    const row = benchmarksFor('instagram', 50_000).find((r) => r.primary)!;
    expect(citation(row)).toBe(
      'HypeAuditor, March 2018 — ≈37K Instagram accounts over 90 days (hypeauditor.com/blog); median for 20K–100K: 2.63%',
    );
    const tiktok = benchmarksFor('tiktok', 50_000)[0]!;
    expect(citation(tiktok)).toMatch(/date not stated/);
    expect(citation(tiktok)).toMatch(/Note: year and formula not stated/);
  });
});
