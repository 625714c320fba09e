import { describe, expect, it } from 'vitest';
import { compareToBenchmarks } from '../../../lib/assess/compare';
import { assessEngagement } from '../../../lib/assess/engagement';
import { DEFAULT_ENGAGEMENT_SETTINGS as S } from '../../../lib/assess/settings';
import {
  authenticitySignals,
  commentsPerLikeSignal,
  fewPostsSignal,
  followerJumpSignal,
  followingSignals,
  inactiveSignal,
  lowEngagementSignal,
  meanMedianGapSignal,
  uniformLikesSignal,
} from '../../../lib/assess/signals';
import type { ProfileReading } from '../../../lib/reading';
import { exact, likePosts, post, profile, READ_AT, unknown } from './synthetic';

const DAY = 86_400_000;
const engagementOf = (r: ProfileReading) => assessEngagement(r, S);
const benchmarkOf = (r: ProfileReading) => compareToBenchmarks(engagementOf(r), r.followers);
const pairs = (likes: number[], comments = 0) => likePosts(likes.map((l) => [l, comments] as [number, number]));

describe('lowEngagementSignal', () => {
  it('is raised under half the primary benchmark, with the comparison as reason', () => {
    // 50,000 followers, 500 likes per post = 1% vs HypeAuditor's 2.63% median → 0.38×.
    const low = profile('instagram', { followers: 50_000, recentPosts: pairs([500, 500, 500]) });
    const s = lowEngagementSignal(benchmarkOf(low));
    expect(s.status).toBe('raised');
    expect(s.reason).toMatch(/^Engagement rate by followers \(mean\) 1% is 0.38× the median/);
    expect(s.threshold.basis).toBe('ours');
    expect(s.inputs.ratio).toBeCloseTo(0.01 / 0.0263, 12);
    // 700 likes = 1.4% → 0.53×: below typical, but not "far" below.
    const ok = profile('instagram', { followers: 50_000, recentPosts: pairs([700, 700, 700]) });
    expect(lowEngagementSignal(benchmarkOf(ok)).status).toBe('clear');
  });

  it('is not checked without a verdict', () => {
    const x = profile('x', { followers: 50_000, recentPosts: pairs([5, 5, 5]) });
    expect(lowEngagementSignal(benchmarkOf(x))).toMatchObject({ status: 'not-checked' });
  });
});

describe('followingSignals', () => {
  it('raises the ratio over 0.5× (ours) and mass follower over 1,500 (HypeAuditor)', () => {
    const [ratio, mass] = followingSignals(profile('instagram', { followers: 3_000, following: exact(1_600) }));
    expect(ratio).toMatchObject({ id: 'following-ratio', status: 'raised', inputs: { ratio: 1_600 / 3_000 } });
    expect(ratio!.reason).toMatch(/our threshold/);
    expect(mass).toMatchObject({ id: 'mass-follower', status: 'raised', threshold: { basis: 'published' } });
    expect(mass!.reason).toMatch(/HypeAuditor/);
  });

  it('is clear at the thresholds themselves', () => {
    const [ratio, mass] = followingSignals(profile('instagram', { followers: 3_000, following: exact(1_500) }));
    expect(ratio!.status).toBe('clear'); // exactly 0.5×
    expect(mass!.status).toBe('clear'); // exactly 1,500
  });

  it('is not checked without following, or with 0 followers', () => {
    expect(
      followingSignals(profile('youtube', { following: unknown('YouTube shows none') })).map((s) => s.status),
    ).toEqual(['not-checked', 'not-checked']);
    expect(followingSignals(profile('instagram', { followers: 0, following: exact(5) }))[0]!.status).toBe(
      'not-checked',
    );
  });
});

describe('commentsPerLikeSignal', () => {
  it('is raised for 800 likes with 2 comments per post (0.25%, under 0.5%)', () => {
    const s = commentsPerLikeSignal(engagementOf(profile('instagram', { recentPosts: pairs([800, 800, 800], 2) })));
    expect(s.status).toBe('raised');
    expect(s.inputs).toEqual({ likes: 2_400, comments: 6, ratio: 0.0025, posts: 3 });
    expect(s.reason).toMatch(/^6 comments for 2,400 likes over 3 posts \(0.25%\): very few comments/);
  });

  it('is raised for unusually many comments (over 20%), clear in between', () => {
    const many = commentsPerLikeSignal(engagementOf(profile('instagram', { recentPosts: pairs([100, 100, 100], 30) })));
    expect(many.status).toBe('raised');
    expect(many.reason).toMatch(/giveaways/);
    const usual = commentsPerLikeSignal(engagementOf(profile('instagram', { recentPosts: pairs([100, 100, 100], 3) })));
    expect(usual.status).toBe('clear');
  });

  it('is not checked with too few likes to judge', () => {
    const s = commentsPerLikeSignal(engagementOf(profile('instagram', { recentPosts: pairs([30, 30, 30], 0) })));
    expect(s.status).toBe('not-checked');
  });
});

describe('uniformLikesSignal', () => {
  it('is raised when likes barely vary across 8+ posts', () => {
    const likes = [1000, 1010, 990, 1005, 995, 1000, 1002, 998];
    const s = uniformLikesSignal(engagementOf(profile('instagram', { recentPosts: pairs(likes) })));
    expect(s.status).toBe('raised');
    expect(s.inputs.cv).toBeLessThan(0.1);
  });

  it('is clear when likes vary, and not checked under 8 posts', () => {
    const varied = [500, 1500, 800, 2000, 700, 1200, 3000, 900];
    expect(uniformLikesSignal(engagementOf(profile('instagram', { recentPosts: pairs(varied) }))).status).toBe('clear');
    const few = uniformLikesSignal(engagementOf(profile('instagram', { recentPosts: pairs([1, 1, 1, 1, 1, 1, 1]) })));
    expect(few).toMatchObject({ status: 'not-checked', reason: '7 posts with likes shown; at least 8 needed' });
  });
});

describe('meanMedianGapSignal', () => {
  it('is raised when one post carries the mean (hand-computed)', () => {
    // 10,000 followers: 1%, 1%, 1%, 10% → mean 3.25%, median 1%, gap 2.25.
    const s = meanMedianGapSignal(engagementOf(profile('instagram', { recentPosts: pairs([100, 100, 100, 1000]) })));
    expect(s.status).toBe('raised');
    expect(s.inputs.gap).toBeCloseTo(2.25, 12);
    expect(s.reason).toMatch(/^Mean 3.25% vs median 1%: a few posts carry the average/);
  });

  it('is clear for even engagement and not checked without a rate', () => {
    expect(
      meanMedianGapSignal(engagementOf(profile('instagram', { recentPosts: pairs([100, 110, 120]) }))).status,
    ).toBe('clear');
    expect(meanMedianGapSignal(engagementOf(profile('instagram', { recentPosts: pairs([100]) }))).status).toBe(
      'not-checked',
    );
  });
});

describe('fewPostsSignal', () => {
  it('is raised for 10,000+ followers with under 20 posts', () => {
    expect(fewPostsSignal(profile('instagram', { followers: 10_000, posts: exact(19) })).status).toBe('raised');
    expect(fewPostsSignal(profile('instagram', { followers: 10_000, posts: exact(20) })).status).toBe('clear');
    expect(fewPostsSignal(profile('instagram', { followers: 9_999, posts: exact(1) })).status).toBe('clear');
    expect(fewPostsSignal(profile('instagram', { posts: unknown('no count') })).status).toBe('not-checked');
  });

  it('uses the platform’s word for followers', () => {
    expect(fewPostsSignal(profile('youtube', { followers: 50_000, posts: exact(3) })).label).toBe(
      'Many subscribers, few posts',
    );
  });
});

describe('followerJumpSignal', () => {
  const reading = profile('instagram', { followers: 13_000 });

  it('is not checked without an earlier visit', () => {
    expect(followerJumpSignal(reading).status).toBe('not-checked');
    expect(followerJumpSignal(reading, []).reason).toBe('no earlier visit with a saved follower count');
  });

  it('is raised for +30% in 5 days, naming a round-number jump (hand-computed)', () => {
    const s = followerJumpSignal(reading, [{ at: READ_AT - 5 * DAY, followers: 10_000 }]);
    expect(s.status).toBe('raised');
    expect(s.inputs).toEqual({ from: 10_000, to: 13_000, days: 5, gained: 3_000 });
    expect(s.reason).toMatch(/^Followers went from 10,000 to 13,000 \(\+30%\) in 5 days\. A round-number jump/);
  });

  it('is clear for slow growth, and ignores visits more than 30 days apart', () => {
    expect(followerJumpSignal(reading, [{ at: READ_AT - 5 * DAY, followers: 12_500 }]).status).toBe('clear');
    expect(followerJumpSignal(reading, [{ at: READ_AT - 60 * DAY, followers: 1_000 }]).status).toBe('not-checked');
  });

  it('finds a jump between two saved visits, and skips unusable points', () => {
    const history = [
      { at: READ_AT - 20 * DAY, followers: 5_000 },
      { at: READ_AT - 10 * DAY, followers: 12_345 },
      { at: Number.NaN, followers: 1 },
    ];
    const s = followerJumpSignal(reading, history);
    expect(s.inputs).toMatchObject({ from: 5_000, to: 12_345, gained: 7_345 });
    expect(s.reason).not.toMatch(/round-number/);
  });
});

describe('inactiveSignal', () => {
  it('is raised when the latest own post is over 90 days old, ignoring pinned posts', () => {
    const at = (days: number) => new Date(READ_AT - days * DAY).toISOString();
    const old = profile('instagram', {
      recentPosts: [post({}, { pinned: true, publishedAt: at(1) }), post({}, { publishedAt: at(91) })],
    });
    expect(inactiveSignal(old)).toMatchObject({ status: 'raised', inputs: { days: 91 } });
    const fresh = profile('instagram', { recentPosts: [post({}, { publishedAt: at(90) })] });
    expect(inactiveSignal(fresh).status).toBe('clear');
    expect(inactiveSignal(profile('instagram', { recentPosts: [post({})] })).status).toBe('not-checked');
  });
});

describe('authenticitySignals', () => {
  it('lists every signal once, each with a reason and a threshold', () => {
    const reading = profile('instagram', { recentPosts: pairs([100, 200, 300], 5) });
    const signals = authenticitySignals(reading, engagementOf(reading), benchmarkOf(reading));
    expect(signals.map((s) => s.id)).toEqual([
      'low-engagement',
      'following-ratio',
      'mass-follower',
      'comments-per-like',
      'uniform-likes',
      'mean-median-gap',
      'few-posts',
      'follower-jump',
      'inactive',
    ]);
    for (const s of signals) {
      expect(s.reason.length).toBeGreaterThan(0);
      expect(s.threshold.text.length).toBeGreaterThan(0);
      if (s.status === 'raised' && s.threshold.basis === 'ours') expect(s.reason).toMatch(/our threshold/);
    }
  });
});
