/**
 * Engagement rates from the posts a profile page shows. Every rate keeps its working: the formula in words, the
 * follower count it divides by, each post used with its counts and its own rate, and each post left out with the
 * reason — so every number the popup shows can be traced to the posts that produced it.
 *
 * Rates are fractions (0.0237 for 2.37%). Both the mean (counts viral posts, as infludata does) and the median
 * (damps them, as Untapper does) are given over the most recent posts; pinned posts and reposts are left out.
 * A post inside the window whose counts are hidden or unknown is left out, not replaced by an older one, so the
 * window always means "the N most recent posts" and a thin result says "not enough data" instead of reaching back.
 */
import type { CountField, Platform, PostReading, ProfileReading } from '../reading';
import { formatCount, mean, median } from './numbers';
import type { EngagementSettings } from './settings';

/** The per-post counts a rate can add up. */
export type CountName = 'likes' | 'comments' | 'shares' | 'views';

/** Which rate: by followers, likes only by followers, by views, or views by followers. */
export type RateId = 'er-followers' | 'like-rate' | 'er-views' | 'view-rate';

/** A post that went into a rate, with the counts used and its own rate. */
export interface UsedPost {
  id: string;
  url: string | null;
  counts: Partial<Record<CountName, number>>;
  /** True when one of the counts is rounded on the page ("25.5K"). */
  approximate: boolean;
  rate: number;
}

/** A post left out of a rate, and why. */
export interface LeftOutPost {
  id: string;
  url: string | null;
  reason: string;
}

/** The follower count a per-follower rate divides by, as the page showed it. */
export interface FollowersInput {
  value: number;
  text: string;
  exact: boolean;
  min: number;
  max: number;
}

/** One engagement rate with its working. `mean` and `median` are null unless `status` is 'ok'. */
export interface Rate {
  id: RateId;
  label: string;
  /** The formula in words, with the platform's names for the counts ("(likes + replies + reposts) ÷ views"). */
  formula: string;
  /** 'not-enough-data': fewer usable posts than `minPosts`; 'unavailable': the rate cannot exist (0 followers…). */
  status: 'ok' | 'not-enough-data' | 'unavailable';
  mean: number | null;
  median: number | null;
  /** Posts used. */
  n: number;
  minPosts: number;
  /** How many recent posts were considered. */
  window: number;
  /** Why there is no rate ("not enough data (n = 2): …"); null when status is 'ok'. */
  reason: string | null;
  followers: FollowersInput | null;
  used: UsedPost[];
  leftOut: LeftOutPost[];
  /** Caveats that do not stop the rate (rounded counts). */
  notes: string[];
}

/**
 * The one rate a short view shows — the badge, the shortlist's engagement column, a campaign's minimum: engagement
 * by followers when it could be computed (what the published benchmarks and campaign minimums use), else by views
 * (all a page may allow, e.g. a YouTube channel). Undefined when neither could.
 */
export function headlineRate(engagement: Pick<Engagement, 'byFollowers' | 'byViews'>): HeadlineRate | undefined {
  return [engagement.byFollowers, engagement.byViews].find(
    (rate): rate is HeadlineRate => rate.status === 'ok' && rate.mean !== null,
  );
}

export type HeadlineRate = Rate & { status: 'ok'; mean: number };

/** A single derived figure (not a per-post rate), with its inputs. */
export interface Figure {
  id: string;
  label: string;
  formula: string;
  status: 'ok' | 'unavailable';
  value: number | null;
  reason: string | null;
  inputs: { name: string; value: number; text: string; exact: boolean }[];
  notes: string[];
}

/** All engagement figures for one profile reading. */
export interface Engagement {
  platform: Platform;
  byFollowers: Rate;
  likeRate: Rate;
  byViews: Rate;
  viewRate: Rate;
  /** TikTok's lifetime likes per video ÷ followers: a secondary, all-time figure; null where not offered. */
  lifetimeLikes: Figure | null;
}

/** The words each platform uses for the counts and the audience, so formulas read as the page does. */
const WORDS: Record<Platform, Record<CountName | 'followers', string>> = {
  instagram: {
    likes: 'likes',
    comments: 'comments',
    shares: 'shares',
    views: 'views',
    followers: 'followers',
  },
  tiktok: {
    likes: 'likes',
    comments: 'comments',
    shares: 'shares',
    views: 'views',
    followers: 'followers',
  },
  youtube: {
    likes: 'likes',
    comments: 'comments',
    shares: 'shares',
    views: 'views',
    followers: 'subscribers',
  },
  x: {
    likes: 'likes',
    comments: 'replies',
    shares: 'reposts',
    views: 'views',
    followers: 'followers',
  },
};

/**
 * What a by-views rate adds up, per platform. TikTok and X show shares (reposts) per post, as in HypeAuditor's
 * TikTok formula; YouTube does not show shares publicly and Instagram does not show them consistently on the web,
 * so there the rate is (likes + comments) ÷ views rather than leaving every post out.
 */
export const VIEW_RATE_PARTS: Record<Platform, CountName[]> = {
  instagram: ['likes', 'comments'],
  tiktok: ['likes', 'comments', 'shares'],
  youtube: ['likes', 'comments'],
  x: ['likes', 'comments', 'shares'],
};

/** The platform's word for followers ("subscribers" on YouTube). */
export function followersWord(platform: Platform): string {
  return WORDS[platform].followers;
}

/** The platform's word for a per-post count ("replies" for comments on X). */
export function countWord(platform: Platform, name: CountName): string {
  return WORDS[platform][name];
}

/**
 * The most recent `window` posts that are the creator's own: pinned posts (old or promoted) and reposts are left
 * out first, then posts beyond the window. Page order is taken as most recent first, as the readers deliver it.
 */
export function selectRecentPosts(
  posts: readonly PostReading[],
  window: number,
): { recent: PostReading[]; leftOut: LeftOutPost[] } {
  const recent: PostReading[] = [];
  const leftOut: LeftOutPost[] = [];
  for (const post of posts) {
    const out = (reason: string) => leftOut.push({ id: post.id, url: post.url ?? null, reason });
    if (post.pinned) out('pinned: an older or promoted post, not recent engagement');
    else if (post.repost) out("a repost of another account's post");
    else if (recent.length >= window) out(`older than the ${window} most recent posts`);
    else recent.push(post);
  }
  return { recent, leftOut };
}

interface RateSpec {
  id: RateId;
  label: string;
  parts: CountName[];
  per: 'followers' | 'views';
}

function formulaOf(spec: RateSpec, platform: Platform, settings: EngagementSettings): string {
  const w = WORDS[platform];
  const sum = spec.parts.map((p) => w[p]).join(' + ');
  const top = spec.parts.length > 1 ? `(${sum})` : sum;
  return (
    `${top} ÷ ${w[spec.per]}, per post; mean and median over the ${settings.window} most recent posts ` +
    '(pinned posts and reposts left out)'
  );
}

/** Why a count cannot be used, in words ("likes hidden (…)"), or null when it is known. */
export function missingReason(word: string, field: CountField): string | null {
  if (field.status === 'hidden') return `${word} hidden (${field.reason})`;
  if (field.status === 'unknown') return `${word} not shown (${field.reason})`;
  return null;
}

function followersInput(field: CountField): FollowersInput | null {
  if (field.status !== 'known') return null;
  return {
    value: field.value,
    text: field.text,
    exact: field.exact,
    min: field.min,
    max: field.max,
  };
}

/** Computes one rate from the recent posts; the posts already left out by selection are passed through. */
function computeRate(
  spec: RateSpec,
  platform: Platform,
  followers: CountField,
  selection: { recent: PostReading[]; leftOut: LeftOutPost[] },
  settings: EngagementSettings,
): Rate {
  const w = WORDS[platform];
  const base = {
    id: spec.id,
    label: spec.label,
    formula: formulaOf(spec, platform, settings),
    minPosts: settings.minPosts,
    window: settings.window,
    followers: followersInput(followers),
  };
  const noRate = (
    status: 'not-enough-data' | 'unavailable',
    reason: string,
    used: UsedPost[] = [],
    leftOut = selection.leftOut,
  ): Rate => ({
    ...base,
    status,
    mean: null,
    median: null,
    n: used.length,
    reason,
    used,
    leftOut,
    notes: [],
  });

  if (spec.per === 'followers') {
    const missing = missingReason(w.followers, followers);
    if (missing) return noRate('unavailable', missing);
    if (followers.status === 'known' && followers.value === 0) {
      return noRate('unavailable', `0 ${w.followers}: a rate per ${w.followers.replace(/s$/, '')} is undefined`);
    }
  }
  if (spec.per === 'views' && !selection.recent.some((p) => p.views.status === 'known')) {
    return noRate('unavailable', 'no recent post on this page shows a view count');
  }

  const needed: CountName[] = spec.per === 'views' ? [...spec.parts, 'views'] : spec.parts;
  const used: UsedPost[] = [];
  const leftOut: LeftOutPost[] = [...selection.leftOut];
  for (const post of selection.recent) {
    const url = post.url ?? null;
    const reason = needed.map((name) => missingReason(w[name], post[name])).find((r) => r !== null);
    if (reason) {
      leftOut.push({ id: post.id, url, reason });
      continue;
    }
    const counts: Partial<Record<CountName, number>> = {};
    let approximate = false;
    for (const name of needed) {
      const field = post[name];
      if (field.status !== 'known') continue; // checked above; narrows the type
      counts[name] = field.value;
      approximate ||= !field.exact;
    }
    const numerator = spec.parts.reduce((sum, name) => sum + (counts[name] ?? 0), 0);
    const denominator = spec.per === 'views' ? (counts.views ?? 0) : followers.status === 'known' ? followers.value : 0;
    if (denominator === 0) {
      leftOut.push({
        id: post.id,
        url,
        reason: '0 views: a rate per view is undefined',
      });
      continue;
    }
    used.push({
      id: post.id,
      url,
      counts,
      approximate,
      rate: numerator / denominator,
    });
  }

  if (used.length < settings.minPosts) {
    let why = `at least ${settings.minPosts} posts with ${needed.map((n) => w[n]).join(', ')} shown are needed`;
    const viewsOnly =
      spec.per === 'followers' &&
      spec.parts.includes('likes') &&
      selection.recent.length > 0 &&
      selection.recent.every((p) => p.likes.status !== 'known') &&
      selection.recent.some((p) => p.views.status === 'known');
    if (viewsOnly) why = 'the profile grid shows views only';
    else if (selection.recent.length === 0) why = 'no recent posts of their own are visible on this page';
    return noRate('not-enough-data', `not enough data (n = ${used.length}): ${why}`, used, leftOut);
  }

  const notes: string[] = [];
  if (spec.per === 'followers' && followers.status === 'known' && !followers.exact) {
    notes.push(
      `${w.followers} are rounded on the page ("${followers.text}" = ${formatCount(followers.min)}–` +
        `${formatCount(followers.max)}); the rate divides by ${formatCount(followers.value)}`,
    );
  }
  const rounded = used.filter((p) => p.approximate).length;
  if (rounded > 0) notes.push(`${rounded} of ${used.length} posts show rounded counts ("25.5K"), taken at face value`);
  const rates = used.map((p) => p.rate);
  return {
    ...base,
    status: 'ok',
    mean: mean(rates),
    median: median(rates),
    n: used.length,
    reason: null,
    used,
    leftOut,
    notes,
  };
}

/** (likes + comments) ÷ followers per post, mean and median over the recent posts. */
export function engagementByFollowers(
  posts: readonly PostReading[],
  followers: CountField,
  platform: Platform,
  settings: EngagementSettings,
): Rate {
  const spec: RateSpec = {
    id: 'er-followers',
    label: 'Engagement rate by followers',
    parts: ['likes', 'comments'],
    per: 'followers',
  };
  return computeRate(spec, platform, followers, selectRecentPosts(posts, settings.window), settings);
}

/** Likes ÷ followers per post: the "like rate" Markerly's benchmarks use. */
export function likeRate(
  posts: readonly PostReading[],
  followers: CountField,
  platform: Platform,
  settings: EngagementSettings,
): Rate {
  const spec: RateSpec = {
    id: 'like-rate',
    label: 'Like rate',
    parts: ['likes'],
    per: 'followers',
  };
  return computeRate(spec, platform, followers, selectRecentPosts(posts, settings.window), settings);
}

/** (likes + comments [+ shares]) ÷ views per post, where posts show views (see {@link VIEW_RATE_PARTS}). */
export function engagementByViews(
  posts: readonly PostReading[],
  platform: Platform,
  settings: EngagementSettings,
): Rate {
  const spec: RateSpec = {
    id: 'er-views',
    label: 'Engagement rate by views',
    parts: VIEW_RATE_PARTS[platform],
    per: 'views',
  };
  const none: CountField = { status: 'unknown', reason: 'not used' };
  return computeRate(spec, platform, none, selectRecentPosts(posts, settings.window), settings);
}

/** Views ÷ followers per post (the mean is average views ÷ followers): how much of the audience a post reaches. */
export function viewRate(
  posts: readonly PostReading[],
  followers: CountField,
  platform: Platform,
  settings: EngagementSettings,
): Rate {
  const spec: RateSpec = {
    id: 'view-rate',
    label: 'View rate',
    parts: ['views'],
    per: 'followers',
  };
  return computeRate(spec, platform, followers, selectRecentPosts(posts, settings.window), settings);
}

/**
 * Lifetime likes per video ÷ followers, from the totals TikTok shows in the profile header. A secondary figure:
 * it is all-time (old and pinned videos, followers gained since), so it is not comparable with the per-post
 * rates or with the benchmarks.
 */
export function lifetimeLikesRate(reading: ProfileReading): Figure {
  const w = WORDS[reading.platform];
  const base = {
    id: 'lifetime-likes-per-video',
    label: 'Lifetime likes per video ÷ followers (all-time, secondary)',
    formula: `total likes ÷ videos posted ÷ ${w.followers}`,
  };
  const unavailable = (reason: string): Figure => ({
    ...base,
    status: 'unavailable',
    value: null,
    reason,
    inputs: [],
    notes: [],
  });
  const fields: [string, CountField][] = [
    ['total likes', reading.totalLikes],
    ['videos posted', reading.posts],
    [w.followers, reading.followers],
  ];
  const inputs: Figure['inputs'] = [];
  for (const [name, field] of fields) {
    const missing = missingReason(name, field);
    if (missing || field.status !== 'known') return unavailable(missing ?? `${name} not read`);
    inputs.push({
      name,
      value: field.value,
      text: field.text,
      exact: field.exact,
    });
  }
  const [likes, videos, followers] = inputs.map((i) => i.value) as [number, number, number];
  if (videos === 0) return unavailable('0 videos posted');
  if (followers === 0) return unavailable(`0 ${w.followers}`);
  return {
    ...base,
    status: 'ok',
    value: likes / videos / followers,
    reason: null,
    inputs,
    notes: ['all-time figure: includes old and pinned videos; not comparable with per-post rates or benchmarks'],
  };
}

/** Every engagement figure for a profile reading. */
export function assessEngagement(reading: ProfileReading, settings: EngagementSettings): Engagement {
  const { recentPosts: posts, followers, platform } = reading;
  const offerLifetime = platform === 'tiktok' || reading.totalLikes.status === 'known';
  return {
    platform,
    byFollowers: engagementByFollowers(posts, followers, platform, settings),
    likeRate: likeRate(posts, followers, platform, settings),
    byViews: engagementByViews(posts, platform, settings),
    viewRate: viewRate(posts, followers, platform, settings),
    lifetimeLikes: offerLifetime ? lifetimeLikesRate(reading) : null,
  };
}
