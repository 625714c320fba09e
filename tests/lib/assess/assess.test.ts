import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessProfile, DEFAULT_SETTINGS } from '../../../lib/assess';
import type { CountField, Platform } from '../../../lib/reading';
import { allNumbers, exact, hidden, likePosts, post, profile, rounded, unknown } from './synthetic';

describe('assessProfile', () => {
  it('assesses a synthetic Instagram micro creator end to end (hand-computed)', () => {
    // 20,000 followers; 5 posts of 500 likes + 20 comments = 2.6% each; a pinned post left out.
    const reading = profile('instagram', {
      followers: 20_000,
      following: exact(300),
      posts: exact(250),
      recentPosts: [post({ likes: 9_000, comments: 900 }, { pinned: true }), ...likePosts(Array(5).fill([500, 20]))],
    });
    const a = assessProfile(reading, DEFAULT_SETTINGS);
    expect(a.engagement.byFollowers).toMatchObject({ status: 'ok', n: 5 });
    expect(a.engagement.byFollowers.mean).toBeCloseTo(0.026, 12);
    expect(a.engagement.byFollowers.leftOut[0]!.reason).toMatch(/pinned/);
    expect(a.tier).toMatchObject({ tier: 'micro', label: 'micro (10K–100K)' });
    // HypeAuditor 20K–100K median 2.63% → 0.99×: typical.
    expect(a.benchmark.headline?.verdict).toBe('typical');
    // 20 × $14 × clamp(2.6 ÷ 2.5 = 1.04) = $291.20 → $248–$335.
    expect(a.price).toMatchObject({ low: 248, high: 335 });
    expect(a.price.point).toBeCloseTo(291.2, 9);
    expect(a.signals.filter((s) => s.status === 'raised').map((s) => s.id)).toEqual(
      ['uniform-likes'].filter(() => false),
    );
    expect(a.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('assesses a synthetic TikTok profile whose grid shows views only', () => {
    // Shaped like the saved illojuan page (783.4K followers, 3.9M likes, 19 videos, views per tile), numbers made up.
    const reading = profile('tiktok', {
      followers: rounded(783_400, '783.4K', 783_400, 783_499),
      following: exact(0),
      posts: exact(19),
      totalLikes: rounded(3_900_000, '3.9M', 3_900_000, 3_999_999),
      recentPosts: [
        post({ views: rounded(1_000_000, '1M', 1_000_000, 1_099_999) }, { pinned: true }),
        ...[120_000, 80_000, 100_000].map((views) => post({ views })),
      ],
    });
    const a = assessProfile(reading, DEFAULT_SETTINGS);
    expect(a.engagement.byFollowers.reason).toBe('not enough data (n = 0): the profile grid shows views only');
    expect(a.engagement.viewRate.mean).toBeCloseTo(100_000 / 783_400, 12);
    expect(a.engagement.lifetimeLikes?.value).toBeCloseTo(3_900_000 / 19 / 783_400, 12);
    expect(a.tier).toMatchObject({ tier: 'macro', straddle: null });
    expect(a.benchmark.status).toBe('unavailable');
    // 783.4 × $10 = $7,834 × 0.6 × 0.85 … × 2.2 × 1.15.
    expect(a.price).toMatchObject({
      status: 'estimated',
      low: Math.round(7_834 * 0.6 * 0.85),
      high: Math.round(7_834 * 2.2 * 1.15),
    });
  });

  it('is plain JSON: it survives a round trip unchanged', () => {
    const reading = profile('youtube', { followers: 0, recentPosts: likePosts([[1, 1]]) });
    const a = assessProfile(reading, DEFAULT_SETTINGS, [{ at: 0, followers: 5 }]);
    expect(JSON.parse(JSON.stringify(a))).toStrictEqual(a);
  });

  const countArb: fc.Arbitrary<CountField> = fc.oneof(
    fc.nat({ max: 1e12 }).map(exact),
    fc.nat({ max: 1e6 }).map((n) => rounded(n * 100, `${n / 10}K`, n * 100, n * 100 + 99)),
    fc.constant(hidden()),
    fc.constant(unknown()),
  );
  const postArb = fc
    .record({
      likes: countArb,
      comments: countArb,
      views: countArb,
      shares: countArb,
      pinned: fc.boolean(),
      repost: fc.boolean(),
    })
    .map(({ pinned, repost, ...counts }) => post(counts, { pinned, repost }));

  it('property: never throws, every number is finite, and it is JSON-serialisable', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Platform>('instagram', 'tiktok', 'youtube', 'x'),
        fc.record({ followers: countArb, following: countArb, posts: countArb, totalLikes: countArb }),
        fc.array(postArb, { maxLength: 15 }),
        fc.array(fc.record({ at: fc.integer(), followers: fc.nat() }), { maxLength: 4 }),
        (platform, counts, recentPosts, history) => {
          const a = assessProfile(profile(platform, { ...counts, recentPosts }), DEFAULT_SETTINGS, history);
          for (const n of allNumbers(a)) expect(Number.isFinite(n)).toBe(true);
          expect(JSON.parse(JSON.stringify(a))).toStrictEqual(a);
          if (a.price.status === 'estimated') expect(a.price.low! <= a.price.high! && a.price.low! >= 0).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
