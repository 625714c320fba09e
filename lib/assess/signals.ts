/**
 * Authenticity signals from public numbers only. Each is a signal with a plain-language reason and the threshold
 * that raised it — never a verdict, and never one opaque "fake %": press coverage, giveaways, viral posts and hidden
 * likes all raise false alarms. Thresholds that are our own judgement rather than published say so.
 */
import type { ProfileReading } from '../reading';
import type { BenchmarkResult } from './compare';
import { followersWord, selectRecentPosts, type Engagement } from './engagement';
import { coefficientOfVariation, formatCount, formatPercent, formatRatio } from './numbers';

export type SignalId =
  | 'low-engagement'
  | 'following-ratio'
  | 'mass-follower'
  | 'comments-per-like'
  | 'uniform-likes'
  | 'mean-median-gap'
  | 'few-posts'
  | 'follower-jump'
  | 'inactive';

/** The threshold a signal uses, and whether it is published or our own judgement. */
export interface Threshold {
  text: string;
  basis: 'published' | 'ours';
  /** Who uses or publishes it (for our thresholds: the practice they follow), or null. */
  source: string | null;
}

export interface Signal {
  id: SignalId;
  label: string;
  /** 'raised': worth a closer look; 'clear': checked, nothing unusual; 'not-checked': the numbers are not there. */
  status: 'raised' | 'clear' | 'not-checked';
  reason: string;
  threshold: Threshold;
  /** The numbers the signal looked at. */
  inputs: Record<string, number | string | null>;
}

/** A follower count saved on an earlier visit (milliseconds since the epoch). */
export interface FollowerHistoryPoint {
  at: number;
  followers: number;
}

const DAY = 86_400_000;

/** Every signal's threshold in one place, so the reasons and the settings page can show them. */
export const SIGNAL_THRESHOLDS = {
  lowEngagement: { ratio: 0.5 },
  followingRatio: { ratio: 0.5 },
  massFollower: { following: 1_500 },
  commentsPerLike: { low: 0.005, high: 0.2, minLikes: 100 },
  uniformLikes: { cv: 0.1, minPosts: 8 },
  meanMedianGap: { gap: 0.5 },
  fewPosts: { followers: 10_000, posts: 20 },
  followerJump: { gain: 0.2, minGain: 1_000, maxDays: 30 },
  inactive: { days: 90 },
} as const;
const T = SIGNAL_THRESHOLDS;

function signal(
  id: SignalId,
  label: string,
  threshold: Threshold,
  status: Signal['status'],
  reason: string,
  inputs: Signal['inputs'] = {},
): Signal {
  return { id, label, status, reason, threshold, inputs };
}

/** Engagement far below the tier's benchmark (HypeAuditor compares within tier; "far" is ours). */
export function lowEngagementSignal(benchmark: BenchmarkResult): Signal {
  const threshold: Threshold = {
    text: `mean engagement under ${T.lowEngagement.ratio}× the benchmark for the follower band`,
    basis: 'ours',
    source: 'comparing within a size band as HypeAuditor does',
  };
  const make = signal.bind(null, 'low-engagement', 'Engagement far below the benchmark', threshold);
  const head = benchmark.headline;
  if (!head || head.ratio === null || !head.ours)
    return make('not-checked', benchmark.reason ?? 'no benchmark verdict');
  const inputs = { ours: head.ours.value, benchmark: head.row.value, ratio: head.ratio };
  if (head.ratio < T.lowEngagement.ratio) {
    return make(
      'raised',
      `${head.text}. Under half the benchmark can mean inactive or bought followers (our threshold) — or simply a ` +
        'niche or topic that draws fewer likes.',
      inputs,
    );
  }
  return make('clear', `${head.text}; not under half the benchmark.`, inputs);
}

/** Following high relative to followers (follow-for-follow growth), and HypeAuditor's "mass follower". */
export function followingSignals(reading: ProfileReading): Signal[] {
  const word = followersWord(reading.platform);
  const ratioThreshold: Threshold = {
    text: `following more than ${T.followingRatio.ratio}× as many accounts as follow them`,
    basis: 'ours',
    source: null,
  };
  const massThreshold: Threshold = {
    text: `following more than ${formatCount(T.massFollower.following)} accounts`,
    basis: 'published',
    source: 'HypeAuditor ("mass followers")',
  };
  const { following, followers } = reading;
  if (following.status !== 'known') {
    const why = `the following count was not read (${following.reason})`;
    return [
      signal('following-ratio', 'Follows many accounts for their size', ratioThreshold, 'not-checked', why),
      signal('mass-follower', 'Mass follower', massThreshold, 'not-checked', why),
    ];
  }
  const mass =
    following.value > T.massFollower.following
      ? signal(
          'mass-follower',
          'Mass follower',
          massThreshold,
          'raised',
          `Follows ${formatCount(following.value)} accounts; HypeAuditor calls accounts following more than ` +
            `${formatCount(T.massFollower.following)} "mass followers" (often follow-for-follow growth).`,
          { following: following.value },
        )
      : signal(
          'mass-follower',
          'Mass follower',
          massThreshold,
          'clear',
          `Follows ${formatCount(following.value)} accounts.`,
          {
            following: following.value,
          },
        );
  let ratio: Signal;
  if (followers.status !== 'known' || followers.value === 0) {
    ratio = signal(
      'following-ratio',
      'Follows many accounts for their size',
      ratioThreshold,
      'not-checked',
      followers.status === 'known' ? `0 ${word}` : `${word} not read (${followers.reason})`,
    );
  } else {
    const r = following.value / followers.value;
    const inputs = { following: following.value, followers: followers.value, ratio: r };
    const text = `Follows ${formatCount(following.value)} accounts for ${formatCount(followers.value)} ${word} (${formatRatio(r)})`;
    ratio =
      r > T.followingRatio.ratio
        ? signal(
            'following-ratio',
            'Follows many accounts for their size',
            ratioThreshold,
            'raised',
            `${text}: following back in bulk is a common way to inflate ${word} (our threshold: over ${T.followingRatio.ratio}×).`,
            inputs,
          )
        : signal(
            'following-ratio',
            'Follows many accounts for their size',
            ratioThreshold,
            'clear',
            `${text}.`,
            inputs,
          );
  }
  return [ratio, mass];
}

/** Comments ÷ likes over the recent posts, far below or above the usual. */
export function commentsPerLikeSignal(engagement: Engagement): Signal {
  const { low, high, minLikes } = T.commentsPerLike;
  const threshold: Threshold = {
    text: `comments under ${formatPercent(low)} or over ${formatPercent(high)} of likes, over at least ${minLikes} likes`,
    basis: 'ours',
    source: 'e.g. 700–900 likes with 0–3 comments (benchmarks.md, authenticity signals)',
  };
  const make = signal.bind(null, 'comments-per-like', 'Comments per like', threshold);
  const rate = engagement.byFollowers;
  const used = rate.status === 'ok' ? rate.used : [];
  if (used.length === 0) return make('not-checked', rate.reason ?? 'no posts with likes and comments shown');
  const likes = used.reduce((s, p) => s + (p.counts.likes ?? 0), 0);
  const comments = used.reduce((s, p) => s + (p.counts.comments ?? 0), 0);
  if (likes < minLikes) {
    return make('not-checked', `only ${formatCount(likes)} likes over ${used.length} posts: too few to judge`, {
      likes,
      comments,
    });
  }
  const r = comments / likes;
  const inputs = { likes, comments, ratio: r, posts: used.length };
  const text = `${formatCount(comments)} comments for ${formatCount(likes)} likes over ${used.length} posts (${formatPercent(r)})`;
  if (r < low) {
    return make(
      'raised',
      `${text}: very few comments for the likes, a pattern of bought likes (our threshold).`,
      inputs,
    );
  }
  if (r > high) {
    return make(
      'raised',
      `${text}: unusually many comments — giveaways and comment groups ("pods") produce this (our threshold).`,
      inputs,
    );
  }
  return make('clear', `${text}.`, inputs);
}

/** Likes suspiciously alike across posts (low coefficient of variation). */
export function uniformLikesSignal(engagement: Engagement): Signal {
  const threshold: Threshold = {
    text: `likes' coefficient of variation under ${T.uniformLikes.cv} across at least ${T.uniformLikes.minPosts} posts`,
    basis: 'ours',
    source: 'suspiciously uniform likes across posts (benchmarks.md, authenticity signals)',
  };
  const make = signal.bind(null, 'uniform-likes', 'Likes suspiciously uniform', threshold);
  const used = engagement.likeRate.used;
  if (used.length < T.uniformLikes.minPosts) {
    return make('not-checked', `${used.length} posts with likes shown; at least ${T.uniformLikes.minPosts} needed`);
  }
  const likes = used.map((p) => p.counts.likes ?? 0);
  const cv = coefficientOfVariation(likes);
  if (cv === null) return make('not-checked', 'no likes on the recent posts');
  const rounded = used.some((p) => p.approximate)
    ? ' Some like counts are rounded on the page, which makes them look more alike.'
    : '';
  const inputs = { cv, posts: used.length };
  if (cv < T.uniformLikes.cv) {
    return make(
      'raised',
      `Likes vary by only ${formatPercent(cv)} across ${used.length} posts; real audiences vary more from post to ` +
        `post, bought likes often come in fixed packages (our threshold).${rounded}`,
      inputs,
    );
  }
  return make('clear', `Likes vary by ${formatPercent(cv)} across ${used.length} posts.`, inputs);
}

/** A large gap between mean and median engagement: a few posts carry the average. */
export function meanMedianGapSignal(engagement: Engagement): Signal {
  const threshold: Threshold = {
    text: `mean and median engagement differing by more than ${formatPercent(T.meanMedianGap.gap)} of the median`,
    basis: 'ours',
    source: 'Untapper uses the median to damp outliers',
  };
  const make = signal.bind(null, 'mean-median-gap', 'Mean far from median', threshold);
  const rate = engagement.byFollowers;
  if (rate.status !== 'ok' || rate.mean === null || rate.median === null) {
    return make('not-checked', rate.reason ?? 'no engagement rate');
  }
  if (rate.median === 0) return make('not-checked', 'the median engagement is 0');
  const gap = Math.abs(rate.mean - rate.median) / rate.median;
  const inputs = { mean: rate.mean, median: rate.median, gap };
  const text = `Mean ${formatPercent(rate.mean)} vs median ${formatPercent(rate.median)}`;
  if (gap > T.meanMedianGap.gap) {
    return make(
      'raised',
      `${text}: a few posts carry the average — a viral post, or engagement bought on some posts (our threshold).`,
      inputs,
    );
  }
  return make('clear', `${text}.`, inputs);
}

/** Many followers but few posts. */
export function fewPostsSignal(reading: ProfileReading): Signal {
  const word = followersWord(reading.platform);
  const threshold: Threshold = {
    text: `${formatCount(T.fewPosts.followers)} ${word} or more with fewer than ${T.fewPosts.posts} posts`,
    basis: 'ours',
    source: 'many followers, few posts (benchmarks.md, authenticity signals)',
  };
  const make = signal.bind(null, 'few-posts', `Many ${word}, few posts`, threshold);
  const { followers, posts } = reading;
  if (followers.status !== 'known') return make('not-checked', `${word} not read (${followers.reason})`);
  if (posts.status !== 'known') return make('not-checked', `the post count was not read (${posts.reason})`);
  const inputs = { followers: followers.value, posts: posts.value };
  const text = `${formatCount(followers.value)} ${word} with ${formatCount(posts.value)} posts`;
  if (followers.value >= T.fewPosts.followers && posts.value < T.fewPosts.posts) {
    return make('raised', `${text}: an audience this size usually comes from more content (our threshold).`, inputs);
  }
  return make('clear', `${text}.`, inputs);
}

/** Sudden follower jumps between saved visits (and round-number jumps). */
export function followerJumpSignal(reading: ProfileReading, history: readonly FollowerHistoryPoint[] = []): Signal {
  const { gain, minGain, maxDays } = T.followerJump;
  const word = followersWord(reading.platform);
  const threshold: Threshold = {
    text: `a gain of ${formatPercent(gain)} or more (and at least ${formatCount(minGain)}) between visits at most ${maxDays} days apart`,
    basis: 'ours',
    source: 'hockey-stick and round-number jumps (Tagger, Popular Pays)',
  };
  const make = signal.bind(null, 'follower-jump', `Sudden ${word} jump`, threshold);
  const points = history.filter((p) => Number.isFinite(p.at) && Number.isFinite(p.followers) && p.followers >= 0);
  if (reading.followers.status === 'known') points.push({ at: reading.readAt, followers: reading.followers.value });
  points.sort((a, b) => a.at - b.at);
  if (points.length < 2) return make('not-checked', 'no earlier visit with a saved follower count');
  let biggest: { from: FollowerHistoryPoint; to: FollowerHistoryPoint; days: number; share: number } | null = null;
  let comparable = 0;
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1];
    const to = points[i];
    if (!from || !to) continue;
    const days = (to.at - from.at) / DAY;
    if (days <= 0 || days > maxDays) continue;
    comparable++;
    const added = to.followers - from.followers;
    const share = from.followers === 0 ? (added > 0 ? Infinity : 0) : added / from.followers;
    if (added >= minGain && share >= gain && (!biggest || share > biggest.share)) biggest = { from, to, days, share };
  }
  if (comparable === 0) return make('not-checked', `saved visits are more than ${maxDays} days apart`);
  if (!biggest) return make('clear', `No jump between ${comparable} pairs of visits.`, { pairs: comparable });
  const added = biggest.to.followers - biggest.from.followers;
  const round = added % 1_000 === 0 ? ' A round-number jump, typical of bought packages.' : '';
  const share = Number.isFinite(biggest.share) ? ` (+${formatPercent(biggest.share)})` : '';
  return make(
    'raised',
    `${word[0]?.toUpperCase()}${word.slice(1)} went from ${formatCount(biggest.from.followers)} to ` +
      `${formatCount(biggest.to.followers)}${share} in ${Number(biggest.days.toFixed(1))} days.${round} Giveaways, ` +
      'shout-outs and press also cause jumps (our threshold).',
    { from: biggest.from.followers, to: biggest.to.followers, days: biggest.days, gained: added },
  );
}

/** No posts of their own in the last 90 days (where the page shows post dates). */
export function inactiveSignal(reading: ProfileReading): Signal {
  const threshold: Threshold = {
    text: `no post of their own in ${T.inactive.days} days`,
    basis: 'published',
    source: 'PeopleMap drops posts older than 90 days',
  };
  const make = signal.bind(null, 'inactive', 'Inactive', threshold);
  const { recent } = selectRecentPosts(reading.recentPosts, reading.recentPosts.length);
  const dates = recent.map((p) => (p.publishedAt ? Date.parse(p.publishedAt) : NaN)).filter((t) => Number.isFinite(t));
  if (dates.length === 0) return make('not-checked', 'the page shows no post dates');
  const latest = Math.max(...dates);
  const days = Math.floor((reading.readAt - latest) / DAY);
  const inputs = { latestPost: new Date(latest).toISOString(), days };
  if (days > T.inactive.days) return make('raised', `The latest post of their own is ${days} days old.`, inputs);
  return make('clear', `The latest post of their own is ${Math.max(0, days)} days old.`, inputs);
}

/** Every authenticity signal for a profile, in a fixed order. */
export function authenticitySignals(
  reading: ProfileReading,
  engagement: Engagement,
  benchmark: BenchmarkResult,
  history?: readonly FollowerHistoryPoint[],
): Signal[] {
  return [
    lowEngagementSignal(benchmark),
    ...followingSignals(reading),
    commentsPerLikeSignal(engagement),
    uniformLikesSignal(engagement),
    meanMedianGapSignal(engagement),
    fewPostsSignal(reading),
    followerJumpSignal(reading, history),
    inactiveSignal(reading),
  ];
}
