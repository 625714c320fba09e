import { describe, expect, it } from 'vitest';
import { compareToBenchmarks, TYPICAL_BAND, verdictFor } from '../../../lib/assess/compare';
import { assessEngagement } from '../../../lib/assess/engagement';
import { DEFAULT_ENGAGEMENT_SETTINGS as S } from '../../../lib/assess/settings';
import type { CountField, Platform } from '../../../lib/reading';
import { likePosts, post, profile, rounded, unknown } from './synthetic';

/** A profile whose every post has the same engagement, so its mean rate is `rate` exactly. */
function withRate(platform: Platform, followers: number, likes: number, comments: number, shown?: CountField) {
  const reading = profile(platform, {
    followers: shown ?? followers,
    recentPosts: likePosts(Array.from({ length: 5 }, () => [likes, comments] as [number, number])),
  });
  return { engagement: assessEngagement(reading, S), followers: reading.followers };
}

describe('verdictFor', () => {
  it('uses 0.75×–1.33× as typical, inclusive', () => {
    expect(verdictFor(0.75)).toBe('typical');
    expect(verdictFor(0.7499)).toBe('below');
    expect(verdictFor(4 / 3)).toBe('typical');
    expect(verdictFor(1.34)).toBe('above');
    expect(TYPICAL_BAND.text).toMatch(/our threshold/);
  });
});

describe('compareToBenchmarks', () => {
  it('compares the mean with the primary row of the band (hand-computed)', () => {
    // 50,000 followers, (1,200 + 115) ÷ 50,000 = 2.63% — exactly HypeAuditor's 20K–100K median.
    const { engagement, followers } = withRate('instagram', 50_000, 1_200, 115);
    const result = compareToBenchmarks(engagement, followers);
    expect(result.status).toBe('compared');
    expect(result.headline?.row.source).toBe('HypeAuditor');
    expect(result.headline?.row.statistic).toBe('median');
    expect(result.headline?.ratio).toBeCloseTo(1, 12);
    expect(result.headline?.verdict).toBe('typical');
    expect(result.headline?.text).toBe(
      'Engagement rate by followers (mean) 2.63% is 1× the median for 20K–100K (2.63%, HypeAuditor): typical',
    );
    expect(result.headline?.citation).toMatch(/^HypeAuditor, March 2018/);
    // Every matching row is compared: HypeAuditor median and average, Markerly like rate, Mavrck.
    expect(result.comparisons).toHaveLength(4);
    const markerly = result.comparisons.find((c) => c.row.source === 'Markerly')!;
    expect(markerly.ours?.rate).toBe('like-rate');
    expect(markerly.ratio).toBeCloseTo(1_200 / 50_000 / 0.0237, 12);
  });

  it('says below and above by the ratio', () => {
    // 1% vs 2.63% → 0.38×; 6% vs 2.63% → 2.28×.
    const low = withRate('instagram', 50_000, 500, 0);
    expect(compareToBenchmarks(low.engagement, low.followers).headline?.verdict).toBe('below');
    const high = withRate('instagram', 50_000, 3_000, 0);
    expect(compareToBenchmarks(high.engagement, high.followers).headline?.verdict).toBe('above');
  });

  it('looks up the band containing the follower count, not our tier', () => {
    // 1,000 followers is in HypeAuditor's 1K–5K band (median 6.45%).
    const { engagement, followers } = withRate('instagram', 1_000, 60, 0);
    expect(compareToBenchmarks(engagement, followers).headline?.row.band.text).toBe('1K–5K');
  });

  it('notes when a rounded count reaches into another band', () => {
    const shown = rounded(99_950, '99.95K', 99_950, 100_049);
    const { engagement, followers } = withRate('instagram', 99_950, 2_000, 0, shown);
    expect(compareToBenchmarks(engagement, followers).bandNote).toMatch(/^"99.95K" is rounded/);
    const plain = withRate('instagram', 50_000, 2_000, 0);
    expect(compareToBenchmarks(plain.engagement, plain.followers).bandNote).toBeNull();
  });

  it('gives no verdict on X: the brand-account figure is context only', () => {
    const { engagement, followers } = withRate('x', 50_000, 100, 10);
    const result = compareToBenchmarks(engagement, followers);
    expect(result.status).toBe('unavailable');
    expect(result.headline).toBeNull();
    expect(result.reason).toMatch(/no published creator benchmark for x/);
    expect(result.comparisons[0]?.verdict).toBeNull();
    expect(result.comparisons[0]?.ratio).toBeCloseTo(0.0022 / 0.00035, 12);
    expect(result.comparisons[0]?.text).toMatch(/for context only \(brand accounts, not creators/);
  });

  it('gives no verdict when our rate is missing, saying why', () => {
    const reading = profile('tiktok', {
      followers: 783_427,
      recentPosts: [1, 2, 3].map((v) => post({ views: v * 1000 })),
    });
    const result = compareToBenchmarks(assessEngagement(reading, S), reading.followers);
    expect(result.status).toBe('unavailable');
    expect(result.reason).toMatch(/the profile grid shows views only/);
    expect(result.comparisons[0]?.ours).toBeNull();
  });

  it('gives no band when followers are unknown', () => {
    const reading = profile('instagram', { followers: unknown('no header') });
    const result = compareToBenchmarks(assessEngagement(reading, S), reading.followers);
    expect(result).toMatchObject({ status: 'unavailable', comparisons: [] });
  });
});
