import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessEngagement,
  engagementByFollowers,
  engagementByViews,
  headlineRate,
  lifetimeLikesRate,
  likeRate,
  selectRecentPosts,
  viewRate,
} from '../../../lib/assess/engagement';
import { DEFAULT_ENGAGEMENT_SETTINGS as S } from '../../../lib/assess/settings';
import type { CountField } from '../../../lib/reading';
import { exact, hidden, likePosts, post, profile, rounded, unknown } from './synthetic';

describe('selectRecentPosts', () => {
  it('leaves out pinned posts and reposts, then keeps the window', () => {
    const pinned = post({ likes: 1 }, { pinned: true });
    const repost = post({ likes: 1 }, { repost: true });
    const own = likePosts(Array.from({ length: 14 }, () => [10, 1] as [number, number]));
    const { recent, leftOut } = selectRecentPosts([pinned, repost, ...own], 12);
    expect(recent.map((p) => p.id)).toEqual(own.slice(0, 12).map((p) => p.id));
    expect(leftOut.map((p) => p.id)).toEqual([pinned.id, repost.id, own[12]!.id, own[13]!.id]);
    expect(leftOut[0]!.reason).toMatch(/pinned/);
    expect(leftOut[1]!.reason).toMatch(/repost/);
    expect(leftOut[2]!.reason).toBe('older than the 12 most recent posts');
  });
});

describe('engagementByFollowers', () => {
  it('is (likes + comments) ÷ followers per post, with mean and median (hand-computed)', () => {
    // 10,000 followers: (90+10)/10000 = 1%, (150+50)/10000 = 2%, (500+100)/10000 = 6%.
    const rate = engagementByFollowers(
      likePosts([
        [90, 10],
        [150, 50],
        [500, 100],
      ]),
      exact(10_000),
      'instagram',
      S,
    );
    expect(rate.status).toBe('ok');
    expect(rate.n).toBe(3);
    expect(rate.mean).toBeCloseTo(0.03, 12);
    expect(rate.median).toBeCloseTo(0.02, 12);
    expect(rate.used.map((p) => p.rate)).toEqual([0.01, 0.02, 0.06]);
    expect(rate.used[0]!.counts).toEqual({ likes: 90, comments: 10 });
    expect(rate.formula).toBe(
      '(likes + comments) ÷ followers, per post; mean and median over the 12 most recent posts (pinned posts and reposts left out)',
    );
    expect(rate.followers).toEqual({ value: 10_000, text: '10,000', exact: true, min: 10_000, max: 10_000 });
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    const rate = engagementByFollowers(
      likePosts([
        [10, 0],
        [20, 0],
        [40, 0],
        [1000, 0],
      ]),
      exact(1000),
      'instagram',
      S,
    );
    expect(rate.median).toBeCloseTo(0.03, 12);
    expect(rate.mean).toBeCloseTo((0.01 + 0.02 + 0.04 + 1) / 4, 12);
  });

  it('leaves out posts whose likes are hidden or unknown, with the reason', () => {
    const posts = [
      ...likePosts([
        [100, 0],
        [200, 0],
        [300, 0],
      ]),
      post({ likes: hidden('likes hidden by the creator'), comments: 4 }),
      post({ likes: 5 }),
    ];
    const rate = engagementByFollowers(posts, exact(1000), 'instagram', S);
    expect(rate.n).toBe(3);
    expect(rate.leftOut).toHaveLength(2);
    expect(rate.leftOut[0]!.reason).toBe('likes hidden (likes hidden by the creator)');
    expect(rate.leftOut[1]!.reason).toBe('comments not shown (no count on this tile)');
    expect(rate.mean).toBeCloseTo(0.2, 12);
  });

  it('with one post is "not enough data (n = 1)", not a number', () => {
    const rate = engagementByFollowers(likePosts([[500, 20]]), exact(1000), 'instagram', S);
    expect(rate.status).toBe('not-enough-data');
    expect(rate.mean).toBeNull();
    expect(rate.median).toBeNull();
    expect(rate.reason).toMatch(/^not enough data \(n = 1\): at least 3 posts/);
    expect(rate.used).toHaveLength(1);
  });

  it('counts only posts that can be used towards the minimum', () => {
    const posts = [
      ...likePosts([
        [1, 1],
        [2, 2],
      ]),
      post({ likes: hidden(), comments: 3 }),
    ];
    const rate = engagementByFollowers(posts, exact(1000), 'instagram', S);
    expect(rate.status).toBe('not-enough-data');
    expect(rate.reason).toMatch(/^not enough data \(n = 2\)/);
  });

  it('gives no rate for 0 followers (never Infinity)', () => {
    const rate = engagementByFollowers(
      likePosts([
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
      exact(0),
      'instagram',
      S,
    );
    expect(rate.status).toBe('unavailable');
    expect(rate.mean).toBeNull();
    expect(rate.reason).toBe('0 followers: a rate per follower is undefined');
  });

  it('gives no rate when followers are hidden or unknown, with the reason', () => {
    const posts = likePosts([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(engagementByFollowers(posts, unknown('header not found'), 'instagram', S).reason).toBe(
      'followers not shown (header not found)',
    );
    expect(engagementByFollowers(posts, hidden('private'), 'youtube', S).reason).toBe('subscribers hidden (private)');
  });

  it('says the grid shows views only when no recent post shows likes but they show views', () => {
    const posts = [1000, 2000, 3000].map((views) => post({ views }));
    const rate = engagementByFollowers(posts, exact(10_000), 'tiktok', S);
    expect(rate.status).toBe('not-enough-data');
    expect(rate.reason).toBe('not enough data (n = 0): the profile grid shows views only');
  });

  it('says so when no own posts are visible', () => {
    const rate = engagementByFollowers([post({ likes: 1, comments: 1 }, { pinned: true })], exact(100), 'tiktok', S);
    expect(rate.reason).toBe('not enough data (n = 0): no recent posts of their own are visible on this page');
  });

  it('notes rounded followers and rounded post counts', () => {
    const posts = [
      post({ likes: rounded(25_500, '25.5K', 25_500, 25_599), comments: 100 }),
      ...likePosts([
        [1, 1],
        [2, 2],
      ]),
    ];
    const rate = engagementByFollowers(posts, rounded(783_400, '783.4K', 783_400, 783_499), 'tiktok', S);
    expect(rate.notes[0]).toBe(
      'followers are rounded on the page ("783.4K" = 783,400–783,499); the rate divides by 783,400',
    );
    expect(rate.notes[1]).toMatch(/^1 of 3 posts show rounded counts/);
    expect(rate.used[0]!.approximate).toBe(true);
    expect(rate.used[1]!.approximate).toBe(false);
  });

  it('follows the window and minimum from settings', () => {
    const posts = likePosts([
      [10, 0],
      [20, 0],
      [30, 0],
      [40, 0],
    ]);
    const rate = engagementByFollowers(posts, exact(100), 'instagram', { window: 2, minPosts: 2 });
    expect(rate.n).toBe(2);
    expect(rate.mean).toBeCloseTo(0.15, 12);
    expect(rate.leftOut.map((p) => p.reason)).toEqual([
      'older than the 2 most recent posts',
      'older than the 2 most recent posts',
    ]);
  });
});

describe('likeRate', () => {
  it('is likes ÷ followers and needs no comments', () => {
    const posts = [post({ likes: 40 }), post({ likes: 20 }), post({ likes: 30 })];
    const rate = likeRate(posts, exact(1000), 'instagram', S);
    expect(rate.mean).toBeCloseTo(0.03, 12);
    expect(rate.median).toBeCloseTo(0.03, 12);
    expect(rate.formula).toMatch(/^likes ÷ followers, per post/);
  });
});

describe('engagementByViews', () => {
  it('adds shares on TikTok: (likes + comments + shares) ÷ views (hand-computed)', () => {
    const posts = [
      post({ likes: 50, comments: 5, shares: 5, views: 1000 }), // 6%
      post({ likes: 80, comments: 10, shares: 10, views: 2000 }), // 5%
      post({ likes: 10, comments: 0, shares: 0, views: 1000 }), // 1%
    ];
    const rate = engagementByViews(posts, 'tiktok', S);
    expect(rate.status).toBe('ok');
    expect(rate.used.map((p) => p.rate)).toEqual([0.06, 0.05, 0.01]);
    expect(rate.mean).toBeCloseTo(0.04, 12);
    expect(rate.median).toBeCloseTo(0.05, 12);
    expect(rate.formula).toMatch(/^\(likes \+ comments \+ shares\) ÷ views/);
    expect(rate.followers).toBeNull();
  });

  it('uses likes + comments on YouTube (shares are not public) and the platform words on X', () => {
    const yt = [1, 2, 3].map(() => post({ likes: 30, comments: 10, views: 1000 }));
    const rate = engagementByViews(yt, 'youtube', S);
    expect(rate.mean).toBeCloseTo(0.04, 12);
    expect(rate.formula).toMatch(/^\(likes \+ comments\) ÷ views/);
    expect(engagementByViews(yt, 'x', S).formula).toMatch(/^\(likes \+ replies \+ reposts\) ÷ views/);
    // On X the posts above have no reposts shown, so they are left out with that reason.
    expect(engagementByViews(yt, 'x', S).leftOut[0]!.reason).toMatch(/^reposts not shown/);
  });

  it('leaves out posts with 0 views and photo posts without views', () => {
    const posts = [
      post({ likes: 1, comments: 0, views: 0 }),
      post({ likes: 1, comments: 0 }),
      ...[1, 2, 3].map(() => post({ likes: 10, comments: 0, views: 100 })),
    ];
    const rate = engagementByViews(posts, 'instagram', S);
    expect(rate.n).toBe(3);
    expect(rate.leftOut.map((p) => p.reason)).toEqual([
      '0 views: a rate per view is undefined',
      'views not shown (no count on this tile)',
    ]);
  });

  it('is unavailable when no recent post shows views', () => {
    const rate = engagementByViews(
      likePosts([
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
      'instagram',
      S,
    );
    expect(rate.status).toBe('unavailable');
    expect(rate.reason).toBe('no recent post on this page shows a view count');
  });
});

describe('viewRate', () => {
  it('is views ÷ followers, whose mean is average views ÷ followers', () => {
    const posts = [1000, 3000, 8000].map((views) => post({ views }));
    const rate = viewRate(posts, exact(10_000), 'tiktok', S);
    expect(rate.mean).toBeCloseTo(4000 / 10_000, 12);
    expect(rate.median).toBeCloseTo(0.3, 12);
  });
});

describe('lifetimeLikesRate', () => {
  it('is total likes ÷ videos ÷ followers, labelled secondary (hand-computed)', () => {
    const reading = profile('tiktok', { followers: 783_427, totalLikes: exact(3_922_256), posts: exact(19) });
    const figure = lifetimeLikesRate(reading);
    expect(figure.status).toBe('ok');
    expect(figure.value).toBeCloseTo(0.2635019297, 9);
    expect(figure.label).toMatch(/secondary/);
    expect(figure.inputs.map((i) => i.name)).toEqual(['total likes', 'videos posted', 'followers']);
  });

  it('is unavailable without totals, with 0 videos or 0 followers', () => {
    expect(lifetimeLikesRate(profile('tiktok', { totalLikes: unknown('not shown') })).reason).toBe(
      'total likes not shown (not shown)',
    );
    expect(lifetimeLikesRate(profile('tiktok', { totalLikes: exact(5), posts: exact(0) })).reason).toBe(
      '0 videos posted',
    );
    expect(lifetimeLikesRate(profile('tiktok', { followers: 0, totalLikes: exact(5) })).reason).toBe('0 followers');
  });
});

describe('assessEngagement', () => {
  it('offers lifetime likes on TikTok only (or where a total is shown)', () => {
    expect(assessEngagement(profile('tiktok'), S).lifetimeLikes).not.toBeNull();
    expect(assessEngagement(profile('instagram'), S).lifetimeLikes).toBeNull();
    expect(assessEngagement(profile('youtube', { totalLikes: exact(10) }), S).lifetimeLikes).not.toBeNull();
  });

  const countArb: fc.Arbitrary<CountField> = fc.oneof(
    fc.nat({ max: 1e9 }).map(exact),
    fc.constant(hidden()),
    fc.constant(unknown()),
  );
  const postArb = fc
    .record({ likes: countArb, comments: countArb, views: countArb, shares: countArb, pinned: fc.boolean() })
    .map(({ pinned, ...counts }) => post(counts, { pinned }));

  it('property: every rate is finite and ≥ 0, and mean/median are null unless status is ok', () => {
    fc.assert(
      fc.property(
        fc.array(postArb, { maxLength: 20 }),
        countArb,
        fc.constantFrom('instagram', 'tiktok', 'youtube', 'x' as const),
        (posts, followers, platform) => {
          const e = assessEngagement(profile(platform, { followers, recentPosts: posts }), S);
          for (const rate of [e.byFollowers, e.likeRate, e.byViews, e.viewRate]) {
            for (const x of [rate.mean, rate.median, ...rate.used.map((p) => p.rate)]) {
              if (x !== null) expect(Number.isFinite(x) && x >= 0).toBe(true);
            }
            expect(rate.status === 'ok').toBe(rate.mean !== null && rate.median !== null);
            expect(rate.used.length + rate.leftOut.length).toBeLessThanOrEqual(posts.length);
            if (rate.status === 'ok') expect(rate.used.length + rate.leftOut.length).toBe(posts.length);
          }
        },
      ),
    );
  });
});

describe('headlineRate: the one rate the badge, the shortlist and a campaign minimum use', () => {
  const posts = likePosts([
    [400, 20],
    [300, 10],
    [500, 30],
  ]);

  it('is engagement by followers when the followers and posts allow it', () => {
    const rate = headlineRate(assessEngagement(profile('instagram', { recentPosts: posts }), S));
    expect(rate).toMatchObject({ id: 'er-followers', status: 'ok', mean: expect.closeTo(0.042, 5) });
  });

  it('falls back to engagement by views when the followers are unknown', () => {
    const viewed = posts.map((p, i) => ({ ...p, views: exact(10_000 * (i + 1)) }));
    const reading = profile('youtube', { followers: unknown('hidden'), recentPosts: viewed });
    expect(headlineRate(assessEngagement(reading, S))).toMatchObject({ id: 'er-views', status: 'ok' });
  });

  it('is undefined, never 0, when neither rate can be computed', () => {
    expect(headlineRate(assessEngagement(profile('instagram'), S))).toBeUndefined();
  });
});
